#include "replicationprovider.h"

#include "cim/enums.h"
#include "provider/computersystemprovider.h"
#include "provider/providerregistry.h"
#include "requests/replicationcodes.h"

namespace rd::engine {

using cim::CimType;
using cim::ReturnCode;
using cim::Value;

namespace {
const QString cimService = QStringLiteral("CIM_ReplicationService");
const QString cimCapabilities = QStringLiteral("CIM_ReplicationServiceCapabilities");
const QString cimSynchronized = QStringLiteral("CIM_StorageSynchronized");

bool is(const QString &name, const QString &canonical, const QString &alias)
{
    return name.compare(canonical, Qt::CaseInsensitive) == 0 ||
           name.compare(alias, Qt::CaseInsensitive) == 0;
}

// CIM_ReplicationServiceCapabilities.SupportedReplicationTypes this service reports, and the
// SyncType whose pairs each makes here (none: a remote clone leaves no pair here to modify).
// Mirrors in both modes and clones, here and on a peer reached through a remote collection
// (RemoteReplicas), and local snapshots (their point in time is fixed within the call, so only
// the synchronous kind; a snapshot never leaves its source's system).
using requests::ReplicationAction;
using RT = requests::ReplicationType;
struct Offered
{
    RT code;
    std::optional<cim::SyncType> pairs;
};
const Offered replicationTypes[] = {
    {RT::SynchronousMirrorLocal, cim::SyncType::Mirror},
    {RT::AsynchronousMirrorLocal, cim::SyncType::Mirror},
    // The same pair and life cycle, its replica on a peer.
    {RT::SynchronousMirrorRemote, cim::SyncType::Mirror},
    {RT::AsynchronousMirrorRemote, cim::SyncType::Mirror},
    {RT::SynchronousSnapshotLocal, cim::SyncType::Snapshot},
    {RT::SynchronousCloneLocal, cim::SyncType::Clone},
    {RT::AsynchronousCloneLocal, cim::SyncType::Clone},
    {RT::SynchronousCloneRemote, std::nullopt},
    {RT::AsynchronousCloneRemote, std::nullopt},
};

// CIM_ReplicationServiceCapabilities.SupportedStorageObjects: StorageVolume.
constexpr quint16 StorageObjectStorageVolume = quint16(requests::ElementType::StorageVolume);
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
        return QList<cim::Instance>{serviceInstance(m_service->systemName())};
    if (is(className, ReplicationService::capabilitiesClass(), cimCapabilities))
        return QList<cim::Instance>{capabilitiesInstance()};
    if (is(className, ReplicationService::synchronizedClass(), cimSynchronized))
        return m_service->synchronizedInstances();
    return QList<cim::Instance>{};
}

QList<MethodSpec> ReplicationProvider::methods(const QString &className) const
{
    if (is(className, ReplicationService::serviceClass(), cimService))
        return {createListReplicaSpec(), modifyListSynchronizationSpec(),
                modifyReplicaSynchronizationSpec()};
    if (is(className, ReplicationService::capabilitiesClass(), cimCapabilities))
        return {getSupportedOperationsSpec()};
    return {};
}

QFuture<cim::MethodResult> ReplicationProvider::invokeMethod(const cim::MethodCall &call)
{
    auto named = [&](QStringView method) {
        return call.method.compare(method, Qt::CaseInsensitive) == 0;
    };
    auto refused = [](const cim::Error &error) {
        return QtFuture::makeReadyFuture(cim::MethodResult::failure(error));
    };
    if (m_service && is(call.target.className(), ReplicationService::serviceClass(), cimService)) {
        // Parsed once (the state-free rules), then checked against the pairs and volumes.
        if (named(u"CreateListReplica")) {
            auto request = requests::CreateListReplicaRequest::parse(call.in);
            if (!request)
                return refused(request.error());
            auto plan = m_service->planReplicas(*request);
            return plan ? m_service->createReplicas(*plan) : refused(plan.error());
        }
        const bool list = named(u"ModifyListSynchronization");
        if (list || named(u"ModifyReplicaSynchronization")) {
            using Request = requests::ModifySynchronizationRequest;
            auto request =
                Request::parse(call.in, list ? Request::Method::List : Request::Method::Replica);
            if (!request)
                return refused(request.error());
            auto modification = m_service->planModification(*request);
            return modification ? m_service->modify(*modification) : refused(modification.error());
        }
    }
    if (m_service &&
        is(call.target.className(), ReplicationService::capabilitiesClass(), cimCapabilities) &&
        named(u"GetSupportedOperations")) {
        return QtFuture::makeReadyFuture(getSupportedOperations(call.in));
    }
    return Provider::invokeMethod(call);
}

MethodSpec ReplicationProvider::createListReplicaSpec()
{
    using P = ParameterSpec;
    return {
        QStringLiteral("CreateListReplica"),
        {
            {QStringLiteral("ElementNames"), CimType::String, true, P::In, false, {}},
            {QStringLiteral("SyncType"), CimType::UInt16, false, P::In, true, {}},
            {QStringLiteral("Mode"), CimType::UInt16, false, P::In, false, {}},
            {QStringLiteral("SourceElements"), CimType::Reference, true, P::In, true,
             QStringLiteral("CIM_LogicalElement")},
            {QStringLiteral("SourceAccessPoint"), CimType::Reference, false, P::In, false,
             QStringLiteral("CIM_ServiceAccessPoint")},
            {QStringLiteral("TargetElements"), CimType::Reference, true, P::InOut, false,
             QStringLiteral("CIM_LogicalElement")},
            {QStringLiteral("TargetAccessPoint"), CimType::Reference, false, P::In, false,
             QStringLiteral("CIM_ServiceAccessPoint")},
            {QStringLiteral("ReplicationSettingData"), CimType::String, false, P::In, false, {}},
            {QStringLiteral("Job"), CimType::Reference, false, P::Out, false,
             QStringLiteral("CIM_ConcreteJob")},
            {QStringLiteral("Synchronizations"), CimType::Reference, true, P::Out, false,
             QStringLiteral("CIM_Synchronized")},
            {QStringLiteral("TargetSettingGoal"), CimType::Reference, false, P::In, false,
             QStringLiteral("CIM_SettingData")},
            {QStringLiteral("TargetPool"), CimType::Reference, false, P::In, false,
             QStringLiteral("CIM_ResourcePool")},
            {QStringLiteral("WaitForCopyState"), CimType::UInt16, false, P::In, false, {}},
        }};
}

MethodSpec ReplicationProvider::modifyListSynchronizationSpec()
{
    using P = ParameterSpec;
    return {
        QStringLiteral("ModifyListSynchronization"),
        {
            {QStringLiteral("Operation"), CimType::UInt16, false, P::In, true, {}},
            {QStringLiteral("Synchronization"), CimType::Reference, true, P::In, true,
             QStringLiteral("CIM_Synchronized")},
            {QStringLiteral("ReplicationSettingData"), CimType::String, false, P::In, false, {}},
            {QStringLiteral("Job"), CimType::Reference, false, P::Out, false,
             QStringLiteral("CIM_ConcreteJob")},
            {QStringLiteral("SettingsState"), CimType::Reference, true, P::Out, false,
             QStringLiteral("CIM_SettingsDefineState")},
            {QStringLiteral("Force"), CimType::Boolean, false, P::In, false, {}},
            {QStringLiteral("WaitForCopyState"), CimType::UInt16, false, P::In, false, {}},
        }};
}

MethodSpec ReplicationProvider::modifyReplicaSynchronizationSpec()
{
    using P = ParameterSpec;
    return {
        QStringLiteral("ModifyReplicaSynchronization"),
        {
            {QStringLiteral("Operation"), CimType::UInt16, false, P::In, true, {}},
            {QStringLiteral("Synchronization"), CimType::Reference, false, P::In, true,
             QStringLiteral("CIM_Synchronized")},
            {QStringLiteral("ReplicationSettingData"), CimType::String, false, P::In, false, {}},
            {QStringLiteral("SyncPair"), CimType::Reference, true, P::In, false,
             QStringLiteral("CIM_StorageSynchronized")},
            {QStringLiteral("Job"), CimType::Reference, false, P::Out, false,
             QStringLiteral("CIM_ConcreteJob")},
            {QStringLiteral("SettingsState"), CimType::Reference, false, P::Out, false,
             QStringLiteral("CIM_SettingsDefineState")},
            {QStringLiteral("Force"), CimType::Boolean, false, P::In, false, {}},
            {QStringLiteral("WaitForCopyState"), CimType::UInt16, false, P::In, false, {}},
        }};
}

MethodSpec ReplicationProvider::getSupportedOperationsSpec()
{
    using P = ParameterSpec;
    return {QStringLiteral("GetSupportedOperations"),
            {
                {QStringLiteral("ReplicationType"), CimType::UInt16, false, P::In, true, {}},
                {QStringLiteral("SupportedOperations"), CimType::UInt16, true, P::Out, false, {}},
            }};
}

cim::ObjectPath ReplicationProvider::servicePath(const QString &systemName)
{
    const QString serviceClass = ReplicationService::serviceClass();
    return cim::ObjectPath(
        ProviderRegistry::defaultNameSpace(), serviceClass,
        {{QStringLiteral("CreationClassName"), Value::string(serviceClass)},
         {QStringLiteral("Name"), Value::string(QStringLiteral("ReplicationService"))},
         {QStringLiteral("SystemCreationClassName"),
          Value::string(ComputerSystemProvider::className())},
         {QStringLiteral("SystemName"), Value::string(systemName)}});
}

cim::ObjectPath ReplicationProvider::capabilitiesPath()
{
    return cim::ObjectPath(
        ProviderRegistry::defaultNameSpace(), ReplicationService::capabilitiesClass(),
        {{QStringLiteral("InstanceID"),
          Value::string(QStringLiteral("ReplicaDesk:ReplicationServiceCapabilities"))}});
}

cim::Instance ReplicationProvider::serviceInstance(const QString &systemName)
{
    cim::Instance inst(ReplicationService::serviceClass());
    const cim::ObjectPath path = servicePath(systemName);
    inst.setPath(path);
    for (const auto &[name, value] : path.keys())
        inst.setProperty(name, value);
    inst.setProperty(QStringLiteral("ElementName"), Value::string(tr("Replication service")));
    inst.setProperty(QStringLiteral("Started"), Value::boolean(true));
    inst.setProperty(QStringLiteral("EnabledState"), Value::uint16(2)); // Enabled
    return inst;
}

cim::Instance ReplicationProvider::capabilitiesInstance()
{
    auto list = [](const QList<quint16> &codes) {
        QList<Value> v;
        for (quint16 c : codes)
            v.append(Value::uint16(c));
        return Value::array(CimType::UInt16, v);
    };
    cim::Instance inst(ReplicationService::capabilitiesClass());
    inst.setPath(capabilitiesPath());
    inst.setProperty(QStringLiteral("InstanceID"), capabilitiesPath().key(u"InstanceID"));
    inst.setProperty(QStringLiteral("ElementName"),
                     Value::string(tr("Replication service capabilities")));
    // Exactly what is implemented (replicationTypes). Each method may finish within the call or
    // start a job (a copy, a resync, a restore), so it is listed as both synchronous and
    // asynchronous. GetSupportedOperations says which ModifyReplicaSynchronization operations
    // apply to each replication type.
    QList<quint16> types;
    for (const Offered &t : replicationTypes)
        types.append(quint16(t.code));
    inst.setProperty(QStringLiteral("SupportedReplicationTypes"), list(types));
    const Value actions = list({quint16(ReplicationAction::ModifyReplicaSynchronization),
                                quint16(ReplicationAction::ModifyListSynchronization),
                                quint16(ReplicationAction::CreateListReplica)});
    inst.setProperty(QStringLiteral("SupportedSynchronousActions"), actions);
    inst.setProperty(QStringLiteral("SupportedAsynchronousActions"), actions);
    inst.setProperty(QStringLiteral("SupportedStorageObjects"), list({StorageObjectStorageVolume}));
    return inst;
}

cim::MethodResult ReplicationProvider::getSupportedOperations(const cim::Parameters &in)
{
    const quint64 code = in.value(u"ReplicationType").toUInt64();
    const Offered *type = nullptr;
    for (const Offered &t : replicationTypes) {
        if (quint64(t.code) == code)
            type = &t;
    }
    if (!type)
        return cim::MethodResult::failure(cim::Error(
            ReturnCode::NotSupported,
            tr("ReplicationType %1 is not supported; SupportedReplicationTypes lists what is.")
                .arg(code),
            QStringLiteral("ReplicationType")));
    QList<Value> ops;
    for (quint16 op :
         type->pairs ? PairRegistry::supportedOperations(*type->pairs) : QList<quint16>())
        ops.append(Value::uint16(op));
    cim::MethodResult r;
    r.out.set(QStringLiteral("SupportedOperations"), Value::array(CimType::UInt16, ops));
    return r;
}

cim::ObjectPath ReplicationProvider::synchronizedPath(const SyncRecord &s)
{
    const Value system =
        Value::reference(cim::ObjectPath::fromString(s.sourcePath).value_or(cim::ObjectPath()));
    const Value synced =
        Value::reference(cim::ObjectPath::fromString(s.targetPath).value_or(cim::ObjectPath()));
    return cim::ObjectPath(
        ProviderRegistry::defaultNameSpace(), ReplicationService::synchronizedClass(),
        {{QStringLiteral("SystemElement"), system}, {QStringLiteral("SyncedElement"), synced}});
}

cim::Instance ReplicationProvider::synchronizedInstance(const SyncRecord &s,
                                                        std::optional<quint64> mirrorLag)
{
    cim::Instance inst(ReplicationService::synchronizedClass());
    const cim::ObjectPath path = synchronizedPath(s);
    inst.setPath(path);
    auto timestamp = [](const QDateTime &t) {
        return t.isValid() ? Value::dateTime(cim::DateTime::timestamp(t))
                           : Value::null(CimType::DateTime);
    };
    inst.setProperty(QStringLiteral("SystemElement"), path.key(u"SystemElement"));
    inst.setProperty(QStringLiteral("SyncedElement"), path.key(u"SyncedElement"));
    inst.setProperty(QStringLiteral("SyncType"), Value::uint16(s.syncType));
    inst.setProperty(QStringLiteral("Mode"), Value::uint16(s.mode));
    inst.setProperty(QStringLiteral("CopyState"), Value::uint16(s.copyState));
    inst.setProperty(QStringLiteral("ProgressStatus"), Value::uint16(s.progressStatus));
    inst.setProperty(QStringLiteral("PercentSynced"), Value::uint16(s.percentSynced));
    inst.setProperty(QStringLiteral("WhenEstablished"), timestamp(s.whenEstablished));
    // The point in time the replica holds: when the request was accepted (clone, snapshot), or
    // when a mirror was last in step (end of its copy, fracture, split).
    inst.setProperty(QStringLiteral("WhenSynced"), timestamp(s.whenSynced));
    inst.setProperty(QStringLiteral("RequestedCopyState"), Value::uint16(15)); // Not Applicable
    switch (cim::SyncType(s.syncType)) {
    case cim::SyncType::Mirror:
        // Kept in step; Delta-Update: after the initial copy only what changed moves.
        inst.setProperty(QStringLiteral("SyncMaintained"), Value::boolean(true));
        inst.setProperty(QStringLiteral("CopyType"),
                         Value::uint16(s.mode == quint16(cim::Mode::Synchronous) ? 3 : 2));
        inst.setProperty(QStringLiteral("ReplicaType"), Value::uint16(2));     // Full Copy
        inst.setProperty(QStringLiteral("CopyMethodology"), Value::uint16(8)); // Delta-Update
        // ReplicaDesk's own: the mirror's lag, bytes its replica still lacks (0 when in step;
        // while restoring, what the source still lacks).
        inst.setProperty(QStringLiteral("DirtyBytes"),
                         mirrorLag ? Value::uint64(*mirrorLag) : Value::null(CimType::UInt64));
        break;
    case cim::SyncType::Snapshot:
        // A delta kept as the source changes: After Delta, saved by Copy-On-Write.
        inst.setProperty(QStringLiteral("SyncMaintained"), Value::boolean(false));
        inst.setProperty(QStringLiteral("CopyType"), Value::uint16(4));        // UnSyncAssoc
        inst.setProperty(QStringLiteral("ReplicaType"), Value::uint16(4));     // After Delta
        inst.setProperty(QStringLiteral("CopyMethodology"), Value::uint16(6)); // Copy-On-Write
        break;
    default:
        // A clone is not kept in step with its source after the point in time.
        inst.setProperty(QStringLiteral("SyncMaintained"), Value::boolean(false));
        inst.setProperty(QStringLiteral("CopyType"), Value::uint16(4));        // UnSyncAssoc
        inst.setProperty(QStringLiteral("ReplicaType"), Value::uint16(2));     // Full Copy
        inst.setProperty(QStringLiteral("CopyMethodology"), Value::uint16(3)); // Full Copy
    }
    return inst;
}

} // namespace rd::engine
