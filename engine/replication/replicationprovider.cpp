#include "replicationprovider.h"

namespace rd::engine {

namespace {
const QString cimService = QStringLiteral("CIM_ReplicationService");
const QString cimCapabilities = QStringLiteral("CIM_ReplicationServiceCapabilities");
const QString cimSynchronized = QStringLiteral("CIM_StorageSynchronized");

bool is(const QString &name, const QString &canonical, const QString &alias)
{
    return name.compare(canonical, Qt::CaseInsensitive) == 0 ||
           name.compare(alias, Qt::CaseInsensitive) == 0;
}
} // namespace

ReplicationProvider::ReplicationProvider(ReplicationService *service)
    : m_service(service)
{}

QList<ClassInfo> ReplicationProvider::classes() const
{
    return {
        {ReplicationService::serviceClass(), {cimService}, false},
        {ReplicationService::capabilitiesClass(), {cimCapabilities}, false},
        {ReplicationService::synchronizedClass(), {cimSynchronized}, true},
    };
}

cim::Result<QList<cim::Instance>> ReplicationProvider::enumerateInstances(const QString &className)
{
    if (!m_service)
        return QList<cim::Instance>{};
    if (is(className, ReplicationService::serviceClass(), cimService))
        return QList<cim::Instance>{m_service->serviceInstance()};
    if (is(className, ReplicationService::capabilitiesClass(), cimCapabilities))
        return QList<cim::Instance>{m_service->capabilitiesInstance()};
    if (is(className, ReplicationService::synchronizedClass(), cimSynchronized))
        return m_service->synchronizedInstances();
    return QList<cim::Instance>{};
}

QList<MethodSpec> ReplicationProvider::methods(const QString &className) const
{
    if (is(className, ReplicationService::serviceClass(), cimService))
        return {ReplicationService::createListReplicaSpec(),
                ReplicationService::modifyListSynchronizationSpec(),
                ReplicationService::modifyReplicaSynchronizationSpec()};
    if (is(className, ReplicationService::capabilitiesClass(), cimCapabilities))
        return {ReplicationService::getSupportedOperationsSpec()};
    return {};
}

QFuture<cim::MethodResult> ReplicationProvider::invokeMethod(const cim::MethodCall &call)
{
    auto named = [&](QStringView method) {
        return call.method.compare(method, Qt::CaseInsensitive) == 0;
    };
    if (m_service && is(call.target.className(), ReplicationService::serviceClass(), cimService)) {
        if (named(u"CreateListReplica"))
            return m_service->createListReplica(call.in);
        if (named(u"ModifyListSynchronization"))
            return m_service->modifyListSynchronization(call.in);
        if (named(u"ModifyReplicaSynchronization"))
            return m_service->modifyReplicaSynchronization(call.in);
    }
    if (m_service &&
        is(call.target.className(), ReplicationService::capabilitiesClass(), cimCapabilities) &&
        named(u"GetSupportedOperations")) {
        return QtFuture::makeReadyFuture(m_service->getSupportedOperations(call.in));
    }
    return Provider::invokeMethod(call);
}

} // namespace rd::engine
