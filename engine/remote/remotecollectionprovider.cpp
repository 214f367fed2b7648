#include "remotecollectionprovider.h"

#include <QCoreApplication>

namespace rd::engine {

namespace {

cim::Error gone()
{
    return cim::Error(cim::ReturnCode::Failed,
                      QCoreApplication::translate("rd::engine::RemoteCollectionProvider",
                                                  "The remote collections are shut down."));
}

} // namespace

RemoteCollectionProvider::RemoteCollectionProvider(RemoteCollections *collections)
    : m_collections(collections)
{}

QList<ClassInfo> RemoteCollectionProvider::classes() const
{
    return {
        {RemoteCollections::collectionClass(),
         {QStringLiteral("CIM_RemoteReplicationCollection"),
          QStringLiteral("CIM_ConnectivityCollection")},
         false},
        {RemoteCollections::remoteAccessPointClass(),
         {QStringLiteral("CIM_RemoteServiceAccessPoint")},
         false},
        {RemoteCollections::protocolEndpointClass(),
         {QStringLiteral("CIM_ProtocolEndpoint")},
         false},
        {RemoteCollections::memberOfCollectionClass(),
         {QStringLiteral("CIM_MemberOfCollection")},
         true},
    };
}

cim::Result<QList<cim::Instance>>
RemoteCollectionProvider::enumerateInstances(const QString &className)
{
    if (!m_collections)
        return gone();
    return m_collections->instances(className);
}

cim::Result<void> RemoteCollectionProvider::modifyInstance(const cim::Instance &instance,
                                                           const QStringList &propertyList)
{
    if (!m_collections)
        return gone();
    if (instance.path().className().compare(RemoteCollections::collectionClass(),
                                            Qt::CaseInsensitive) != 0)
        return Provider::modifyInstance(instance, propertyList);
    return m_collections->modify(instance, propertyList);
}

cim::Result<void> RemoteCollectionProvider::deleteInstance(const cim::ObjectPath &path)
{
    if (!m_collections)
        return gone();
    return m_collections->remove(path);
}

ReplicationServiceRouter::ReplicationServiceRouter(std::shared_ptr<Provider> inner,
                                                   RemoteCollections *collections,
                                                   QString serviceClass)
    : m_inner(std::move(inner))
    , m_collections(collections)
    , m_serviceClass(std::move(serviceClass))
{}

bool ReplicationServiceRouter::isRemoteMethod(const QString &className, QStringView method) const
{
    if (!m_collections || className.compare(m_serviceClass, Qt::CaseInsensitive) != 0)
        return false;
    for (const MethodSpec &spec : m_collections->remoteCollectionMethodSpecs()) {
        if (method.compare(spec.name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

QList<MethodSpec> ReplicationServiceRouter::methods(const QString &className) const
{
    QList<MethodSpec> all = m_inner->methods(className);
    if (m_collections && className.compare(m_serviceClass, Qt::CaseInsensitive) == 0)
        all += m_collections->remoteCollectionMethodSpecs();
    return all;
}

QFuture<cim::MethodResult> ReplicationServiceRouter::invokeMethod(const cim::MethodCall &call)
{
    if (isRemoteMethod(call.target.className(), call.method))
        return m_collections->invoke(call);
    if (m_replicas && RemoteReplicas::handles(call))
        return m_replicas->invoke(call);
    return m_inner->invokeMethod(call);
}

} // namespace rd::engine
