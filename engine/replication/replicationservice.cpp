#include "replicationservice.h"
#include "replicationservice_p.h"

#include "cim/cimxml.h"
#include "cim/enums.h"
#include "cim/valuemap.h"
#include "provider/computersystemprovider.h"
#include "provider/providerregistry.h"

#include <ThreadWeaver/Queue>

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QPromise>
#include <QSet>
#include <QUuid>

#include <algorithm>

namespace rd::engine {

using cim::CimType;
using cim::CopyState;
using cim::ProgressStatus;
using cim::ReturnCode;
using cim::Value;

namespace {
constexpr QLatin1StringView CloneJobKind("clone");

// CIM_ReplicationSettingData.TargetElementSupplier.
enum Supplier : quint16 {
    UseExisting = 2,
    CreateNew = 3,
    UseAndCreate = 4,
    InstrumentationDecides = 5,
    ClientMustSupply = 6,
};
// CIM_ReplicationServiceCapabilities values this service reports.
constexpr quint16 SynchronousMirrorLocal = 2;
constexpr quint16 AsynchronousMirrorLocal = 3;
constexpr quint16 SynchronousSnapshotLocal = 6;
constexpr quint16 SynchronousCloneLocal = 10;
constexpr quint16 AsynchronousCloneLocal = 11;
constexpr quint16 SynchronousMirrorRemote = 4;
constexpr quint16 AsynchronousMirrorRemote = 5;
constexpr quint16 SynchronousCloneRemote = 12;
constexpr quint16 AsynchronousCloneRemote = 13;
constexpr quint16 ActionModifyReplicaSynchronization = 5;
constexpr quint16 ActionModifyListSynchronization = 6;
constexpr quint16 ActionCreateListReplica = 19;
constexpr quint16 StorageObjectStorageVolume = 2;

} // namespace
using namespace replication_detail;

struct ReplicationService::Pair
{
    QString syncId;
    std::unique_ptr<CloneCopier> copier;
    bool done = false;
    CloneCopier::Outcome outcome = CloneCopier::Outcome::Completed;
    QString message;
};

// One CreateListReplica's copies behind one ConcreteJob; what RequestStateChange steers.
struct ReplicationService::Task final : public JobControl
{
    ReplicationService *service = nullptr;
    QPointer<ConcreteJob> job;
    std::vector<std::unique_ptr<Pair>> pairs;

    void suspend() override
    {
        for (auto &p : pairs) {
            if (!p->done)
                p->copier->suspend();
        }
        service->setProgressStatus(this, ProgressStatus::Dormant);
    }
    void resume() override
    {
        for (auto &p : pairs) {
            if (!p->done)
                p->copier->resume();
        }
        service->setProgressStatus(this, ProgressStatus::Synchronizing);
    }
    void terminate() override
    {
        bool running = false;
        for (auto &p : pairs) {
            if (!p->done) {
                p->copier->terminate();
                running = true;
            }
        }
        if (!running && job)
            job->setTerminated();
    }
};

ReplicationService::ReplicationService(ReplicaStorage *storage, SyncStore *syncs, JobManager *jobs,
                                       const Options &options, QObject *parent)
    : QObject(parent)
    , m_storage(storage)
    , m_syncStore(syncs)
    , m_jobs(jobs)
    , m_options(options)
    , m_queue(std::make_unique<ThreadWeaver::Queue>())
{
    m_queue->setMaximumNumberOfThreads(std::max(1, options.maxThreads));
    m_monitor.setInterval(std::max(10, options.monitorIntervalMs));
    connect(&m_monitor, &QTimer::timeout, this, &ReplicationService::monitorMirrors);
}

ReplicationService::~ReplicationService()
{
    // An engine stop: copies end where they are, jobs and pairs stay as persisted, and the next
    // engine on this data directory resumes them from their checkpoints.
    for (const auto &task : std::as_const(m_tasks)) {
        if (task->job)
            task->job->setControl(nullptr);
    }
    m_tasks.clear();
    for (const auto &task : std::as_const(m_mirrorTasks)) {
        if (task->job)
            task->job->setControl(nullptr);
    }
    m_mirrorTasks.clear();
    // Observers off the volumes first (a write in flight finishes its forward), then the queue:
    // drain work still queued finds its session detached and ends.
    for (const auto &mirror : std::as_const(m_mirrors))
        mirror->detach();
    for (const auto &snapshot : std::as_const(m_snapshots))
        snapshot->detach();
    m_queue->dequeue();
    m_queue->finish();
    m_mirrors.clear();
    m_snapshots.clear();
}

MethodSpec ReplicationService::createListReplicaSpec()
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

cim::ObjectPath ReplicationService::servicePath() const
{
    return cim::ObjectPath(
        ProviderRegistry::defaultNameSpace(), serviceClass(),
        {{QStringLiteral("CreationClassName"), Value::string(serviceClass())},
         {QStringLiteral("Name"), Value::string(QStringLiteral("ReplicationService"))},
         {QStringLiteral("SystemCreationClassName"),
          Value::string(ComputerSystemProvider::className())},
         {QStringLiteral("SystemName"), Value::string(m_options.systemName)}});
}

cim::ObjectPath ReplicationService::capabilitiesPath() const
{
    return cim::ObjectPath(
        ProviderRegistry::defaultNameSpace(), capabilitiesClass(),
        {{QStringLiteral("InstanceID"),
          Value::string(QStringLiteral("ReplicaDesk:ReplicationServiceCapabilities"))}});
}

cim::Instance ReplicationService::serviceInstance() const
{
    cim::Instance inst(serviceClass());
    const cim::ObjectPath path = servicePath();
    inst.setPath(path);
    for (const auto &[name, value] : path.keys())
        inst.setProperty(name, value);
    inst.setProperty(QStringLiteral("ElementName"), Value::string(tr("Replication service")));
    inst.setProperty(QStringLiteral("Started"), Value::boolean(true));
    inst.setProperty(QStringLiteral("EnabledState"), Value::uint16(2)); // Enabled
    return inst;
}

cim::Instance ReplicationService::capabilitiesInstance() const
{
    auto list = [](std::initializer_list<quint16> codes) {
        QList<Value> v;
        for (quint16 c : codes)
            v.append(Value::uint16(c));
        return Value::array(CimType::UInt16, v);
    };
    cim::Instance inst(capabilitiesClass());
    inst.setPath(capabilitiesPath());
    inst.setProperty(QStringLiteral("InstanceID"), capabilitiesPath().key(u"InstanceID"));
    inst.setProperty(QStringLiteral("ElementName"),
                     Value::string(tr("Replication service capabilities")));
    // Exactly what is implemented: mirrors in both modes and clones, here and on a peer reached
    // through a remote collection (RemoteReplicas), and local snapshots (their point in time is
    // fixed within the call, so only the synchronous kind; a snapshot never leaves its source's
    // system). Each method may
    // finish within the call or start a job (a copy, a resync, a restore), so it is listed as both
    // synchronous and asynchronous. GetSupportedOperations says which ModifyReplicaSynchronization
    // operations apply to each replication type.
    inst.setProperty(
        QStringLiteral("SupportedReplicationTypes"),
        list({SynchronousMirrorLocal, AsynchronousMirrorLocal, SynchronousMirrorRemote,
              AsynchronousMirrorRemote, SynchronousSnapshotLocal, SynchronousCloneLocal,
              AsynchronousCloneLocal, SynchronousCloneRemote, AsynchronousCloneRemote}));
    const Value actions = list({ActionModifyReplicaSynchronization, ActionModifyListSynchronization,
                                ActionCreateListReplica});
    inst.setProperty(QStringLiteral("SupportedSynchronousActions"), actions);
    inst.setProperty(QStringLiteral("SupportedAsynchronousActions"), actions);
    inst.setProperty(QStringLiteral("SupportedStorageObjects"), list({StorageObjectStorageVolume}));
    return inst;
}

cim::Instance ReplicationService::synchronizedInstance(const SyncRecord &s) const
{
    cim::Instance inst(synchronizedClass());
    const Value system =
        Value::reference(cim::ObjectPath::fromString(s.sourcePath).value_or(cim::ObjectPath()));
    const Value synced =
        Value::reference(cim::ObjectPath::fromString(s.targetPath).value_or(cim::ObjectPath()));
    inst.setPath(cim::ObjectPath(
        ProviderRegistry::defaultNameSpace(), synchronizedClass(),
        {{QStringLiteral("SystemElement"), system}, {QStringLiteral("SyncedElement"), synced}}));
    auto timestamp = [](const QDateTime &t) {
        return t.isValid() ? Value::dateTime(cim::DateTime::timestamp(t))
                           : Value::null(CimType::DateTime);
    };
    inst.setProperty(QStringLiteral("SystemElement"), system);
    inst.setProperty(QStringLiteral("SyncedElement"), synced);
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
    case cim::SyncType::Mirror: {
        // Kept in step; Delta-Update: after the initial copy only what changed moves.
        inst.setProperty(QStringLiteral("SyncMaintained"), Value::boolean(true));
        inst.setProperty(QStringLiteral("CopyType"),
                         Value::uint16(s.mode == quint16(cim::Mode::Synchronous) ? 3 : 2));
        inst.setProperty(QStringLiteral("ReplicaType"), Value::uint16(2));     // Full Copy
        inst.setProperty(QStringLiteral("CopyMethodology"), Value::uint16(8)); // Delta-Update
        // ReplicaDesk's own: the mirror's lag, bytes its replica still lacks (0 when in step;
        // while restoring, what the source still lacks).
        const auto mirror = m_mirrors.constFind(s.id);
        inst.setProperty(QStringLiteral("DirtyBytes"),
                         mirror == m_mirrors.constEnd() ? Value::null(CimType::UInt64)
                                                        : Value::uint64((*mirror)->dirtyBytes()));
        break;
    }
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

QList<cim::Instance> ReplicationService::synchronizedInstances() const
{
    QList<cim::Instance> result;
    for (const SyncRecord &s : m_syncs)
        result.append(synchronizedInstance(s));
    return result;
}

QList<SyncRecord> ReplicationService::synchronizations() const
{
    return m_syncs;
}

bool ReplicationService::isInUse(const QString &deviceId) const
{
    for (const SyncRecord &s : m_syncs) {
        if (s.targetDeviceId == deviceId)
            return true; // a replica belongs to its pair
        if (s.sourceDeviceId == deviceId &&
            (s.syncType != quint16(cim::SyncType::Clone) || !copyEnded(s)))
            return true; // a copy still reads it; a snapshot or mirror lives off it
    }
    return false;
}

SyncRecord *ReplicationService::sync(const QString &id)
{
    for (SyncRecord &s : m_syncs) {
        if (s.id == id)
            return &s;
    }
    return nullptr;
}

void ReplicationService::saveSync(const SyncRecord &record)
{
    if (!m_syncStore)
        return;
    if (auto r = m_syncStore->saveSync(record); !r)
        qWarning("Cannot save synchronization %s: %s", qPrintable(record.id),
                 qPrintable(r.error().message));
}

QString ReplicationService::checkpointPath(const QString &syncId) const
{
    return QDir(m_options.checkpointDirectory).filePath(syncId + QStringLiteral(".map"));
}

cim::Result<ReplicationService::Request> ReplicationService::validate(const cim::Parameters &in)
{
    Request req;
    auto invalid = [](const QString &message) {
        return cim::Error(ReturnCode::InvalidParameter, message);
    };

    // The request's own values first, then the elements they name.
    const Value syncType = in.value(u"SyncType");
    switch (syncType.toUInt64()) {
    case quint64(cim::SyncType::Clone):
    case quint64(cim::SyncType::Mirror):
    case quint64(cim::SyncType::Snapshot):
        req.syncType = quint16(syncType.toUInt64());
        break;
    default:
        return invalid(tr("SyncType %1 is not Mirror (6), Snapshot (7) or Clone (8).")
                           .arg(syncType.toUInt64()));
    }

    if (const Value mode = in.value(u"Mode"); !isNull(mode)) {
        if (mode.toUInt64() != quint64(cim::Mode::Synchronous) &&
            mode.toUInt64() != quint64(cim::Mode::Asynchronous))
            return invalid(
                tr("Mode %1 is not Synchronous (2) or Asynchronous (3).").arg(mode.toUInt64()));
        req.mode = quint16(mode.toUInt64());
        req.modeGiven = true;
    }
    if (req.syncType == quint16(cim::SyncType::Snapshot)) {
        // A snapshot's point in time is fixed within the call; an asynchronous snapshot (taken
        // some time later) is not offered (ReplicationServiceCapabilities lists type 6 only).
        if (req.modeGiven && req.mode == quint16(cim::Mode::Asynchronous))
            return cim::Error(ReturnCode::NotSupported,
                              tr("Asynchronous snapshots are not supported; leave Mode NULL or "
                                 "make it Synchronous (2)."));
        req.mode = quint16(cim::Mode::Synchronous);
    }

    if (const Value wait = in.value(u"WaitForCopyState"); !isNull(wait)) {
        // The states a new replica passes through; any other is never reached, so waiting for it
        // is invalid.
        const quint64 w = wait.toUInt64();
        if (w != quint64(CopyState::Initialized) && w != quint64(CopyState::Unsynchronized) &&
            w != quint64(CopyState::Synchronized)) {
            return invalid(tr("A new replica never reaches CopyState %1; WaitForCopyState may be "
                              "Initialized (2), Unsynchronized (3) or Synchronized (4).")
                               .arg(cim::ValueMap::copyState().label(w)));
        }
        req.waitFor = quint16(w);
    }

    for (const char16_t *ap : {u"SourceAccessPoint", u"TargetAccessPoint"}) {
        if (!isNull(in.value(QStringView(ap)))) {
            return cim::Error(ReturnCode::NotSupported,
                              tr("Replication through access points (to or from another system) "
                                 "is not supported yet; leave %1 NULL.")
                                  .arg(QString::fromUtf16(ap)));
        }
    }

    quint16 supplier = InstrumentationDecides;
    if (const Value rsd = in.value(u"ReplicationSettingData"); !isNull(rsd)) {
        auto parsed = cim::cimxml::parseInstance(rsd.toString());
        if (!parsed)
            return invalid(tr("ReplicationSettingData is not a valid embedded instance: %1")
                               .arg(parsed.error().message));
        const cim::Instance &s = parsed.value();
        if (!s.className().endsWith(QStringLiteral("ReplicationSettingData"), Qt::CaseInsensitive))
            return invalid(tr("ReplicationSettingData holds a %1, not a ReplicationSettingData.")
                               .arg(s.className()));
        auto uint16Of = [&](QStringView name, std::optional<quint16> &out) -> cim::Result<void> {
            const Value v = s.property(name);
            if (isNull(v))
                return {};
            if (v.isArray() || !cim::isInteger(v.type()) || cim::isSigned(v.type()) ||
                v.toUInt64() > 0xFFFF)
                return invalid(tr("ReplicationSettingData.%1 must be a uint16.").arg(name));
            out = quint16(v.toUInt64());
            return {};
        };
        const Value cpit = s.property(u"ConsistentPointInTime");
        if (!isNull(cpit)) {
            if (cpit.isArray() || cpit.type() != CimType::Boolean)
                return invalid(
                    tr("ReplicationSettingData.ConsistentPointInTime must be a boolean."));
            req.consistentPointInTime = cpit.toBool();
        }
        std::optional<quint16> priority, supplierValue;
        if (auto r = uint16Of(u"CopyPriority", priority); !r)
            return r.error();
        if (auto r = uint16Of(u"TargetElementSupplier", supplierValue); !r)
            return r.error();
        if (priority) {
            if (*priority > Urgent)
                return invalid(tr("CopyPriority %1 is not Not Managed (0), Low (1), Same (2), "
                                  "High (3) or Urgent (4).")
                                   .arg(*priority));
            req.priority = *priority == NotManaged ? quint16(Same) : *priority;
        }
        if (supplierValue) {
            if (*supplierValue != 0 &&
                (*supplierValue < UseExisting || *supplierValue > ClientMustSupply))
                return invalid(
                    tr("TargetElementSupplier %1 is not a known value.").arg(*supplierValue));
            if (*supplierValue != 0)
                supplier = *supplierValue;
        }
    }

    // Sources: one or more, all existing, all of one class, none an unfinished copy's replica.
    const QList<Value> sources = in.value(u"SourceElements").elements();
    QString sourceClass;
    for (qsizetype i = 0; i < sources.size(); ++i) {
        if (isNull(sources[i]))
            return invalid(tr("SourceElements[%1] is NULL.").arg(i));
        const cim::ObjectPath path = sources[i].toReference();
        if (i == 0)
            sourceClass = path.className();
        else if (path.className().compare(sourceClass, Qt::CaseInsensitive) != 0)
            return invalid(tr("SourceElements must all be of one class; %1 is a %2, not a %3.")
                               .arg(path.toString(), path.className(), sourceClass));
        const std::optional<ReplicaVolume> v = m_storage->volume(path);
        if (!v)
            return invalid(
                tr("SourceElements[%1] (%2) does not exist.").arg(i).arg(path.toString()));
        for (const SyncRecord &s : std::as_const(m_syncs)) {
            if (s.targetDeviceId != v->deviceId)
                continue;
            if (!copyEnded(s) && s.syncType == quint16(cim::SyncType::Clone))
                return cim::Error(ReturnCode::InUse,
                                  tr("%1 is still being copied to; it cannot be a source yet.")
                                      .arg(v->elementName));
            // The engine writes a mirror's replica around the block layer's observers, so
            // nothing taken from it could keep a point in time: detach the mirror first.
            if (s.syncType == quint16(cim::SyncType::Mirror))
                return cim::Error(ReturnCode::InUse,
                                  tr("%1 is the replica of a mirror; detach the mirror before "
                                     "replicating it.")
                                      .arg(v->elementName));
            if (s.syncType == quint16(cim::SyncType::Snapshot) &&
                req.syncType != quint16(cim::SyncType::Clone))
                return invalid(tr("%1 is a snapshot, which is read-only: it can be cloned, not "
                                  "mirrored or snapshotted.")
                                   .arg(v->elementName));
        }
        req.sources.append(*v);
    }

    // Names apply in order to the replicas the engine creates; the rest get system names.
    const QList<Value> names = in.value(u"ElementNames").elements();
    if (names.size() > req.sources.size())
        return invalid(
            tr("%1 ElementNames for %2 SourceElements.").arg(names.size()).arg(req.sources.size()));
    for (qsizetype i = 0; i < req.sources.size(); ++i)
        req.names.append(i < names.size() && !isNull(names[i]) ? names[i].toString() : QString());

    const Value targetsValue = in.value(u"TargetElements");
    const QList<Value> targets = targetsValue.elements();
    const Value poolValue = in.value(u"TargetPool");
    const Value goalValue = in.value(u"TargetSettingGoal");
    if (!targets.isEmpty() && (!isNull(poolValue) || !isNull(goalValue)))
        return invalid(
            tr("TargetPool and TargetSettingGoal must be NULL when TargetElements are given."));
    if (!isNull(goalValue) && !m_storage->settingExists(goalValue.toReference()))
        return invalid(
            tr("TargetSettingGoal %1 does not exist.").arg(goalValue.toReference().toString()));
    if (!isNull(poolValue)) {
        const std::optional<QString> pool = m_storage->pool(poolValue.toReference());
        if (!pool)
            return invalid(
                tr("TargetPool %1 does not exist.").arg(poolValue.toReference().toString()));
        req.poolId = *pool;
    } else {
        req.poolId = m_storage->defaultPool();
    }

    // TargetElementSupplier: Use existing / Client must supply need a target per source; Create
    // new takes none; Use and create uses the given ones for the first sources and creates the
    // rest; Instrumentation decides (the default) uses them when given, else creates.
    if ((supplier == UseExisting || supplier == ClientMustSupply) &&
        targets.size() != req.sources.size())
        return invalid(tr("TargetElementSupplier asks for existing targets: give one TargetElement "
                          "per SourceElement."));
    if (supplier == CreateNew && !targets.isEmpty())
        return invalid(tr("TargetElementSupplier is Create new: TargetElements must be NULL."));
    if (supplier == UseAndCreate ? targets.size() > req.sources.size()
                                 : !targets.isEmpty() && targets.size() != req.sources.size())
        return invalid(tr("%1 TargetElements for %2 SourceElements.")
                           .arg(targets.size())
                           .arg(req.sources.size()));

    QStringList seen;
    for (const ReplicaVolume &s : std::as_const(req.sources))
        seen.append(s.deviceId);
    for (qsizetype i = 0; i < req.sources.size(); ++i) {
        if (i >= targets.size()) {
            req.targets.append(std::nullopt);
            continue;
        }
        if (isNull(targets[i]))
            return invalid(tr("TargetElements[%1] is NULL.").arg(i));
        const cim::ObjectPath path = targets[i].toReference();
        const std::optional<ReplicaVolume> t = m_storage->volume(path);
        if (!t)
            return invalid(
                tr("TargetElements[%1] (%2) does not exist.").arg(i).arg(path.toString()));
        if (seen.contains(t->deviceId))
            return invalid(
                tr("%1 appears twice among the sources and targets.").arg(t->elementName));
        seen.append(t->deviceId);
        if (t->size < req.sources[i].size)
            return invalid(tr("Target %1 (%2 bytes) is smaller than its source %3 (%4 bytes).")
                               .arg(t->elementName)
                               .arg(t->size)
                               .arg(req.sources[i].elementName)
                               .arg(req.sources[i].size));
        if (t->onPeer && req.syncType == quint16(cim::SyncType::Snapshot))
            return cim::Error(ReturnCode::NotSupported,
                              tr("%1 is on another system; a snapshot stays on the system of its "
                                 "source.")
                                  .arg(t->elementName));
        if (isInUse(t->deviceId))
            return cim::Error(
                ReturnCode::InUse,
                tr("Target %1 is already part of a synchronization.").arg(t->elementName),
                QStringLiteral("TargetElements"));
        req.targets.append(*t);
    }
    return req;
}

CloneOptions ReplicationService::cloneOptions(const Request &request, const SyncRecord &sync) const
{
    CloneOptions o;
    o.chunkSize = m_options.chunkSize;
    o.checkpointPath = checkpointPath(sync.id);
    // A snapshot source is read through its point in time, never from its image (a delta).
    o.sourceFd =
        isSnapshotTarget(sync.sourceDeviceId) ? -1 : m_storage->fileDescriptor(sync.sourceDeviceId);
    o.targetFd = m_storage->fileDescriptor(sync.targetDeviceId);
    applyCopyPriority(o, request.priority);
    return o;
}

QFuture<cim::MethodResult> ReplicationService::createListReplica(const cim::Parameters &in,
                                                                 ConcreteJob *job)
{
    auto validated = validate(in);
    if (!validated)
        return QtFuture::makeReadyFuture(failure(validated.error()));
    if (validated->syncType != quint16(cim::SyncType::Mirror) || !job)
        return QtFuture::makeReadyFuture(failure(cim::Error(
            ReturnCode::NotSupported, tr("Only a mirror can be made in a job made beforehand."))));
    return createMirrors(*validated, job);
}

QFuture<cim::MethodResult> ReplicationService::createListReplica(const cim::Parameters &in)
{
    auto validated = validate(in);
    if (!validated)
        return QtFuture::makeReadyFuture(failure(validated.error()));
    const Request req = std::move(validated).value();
    if (req.syncType == quint16(cim::SyncType::Snapshot))
        return createSnapshots(req);
    if (req.syncType == quint16(cim::SyncType::Mirror))
        return createMirrors(req, nullptr);

    // From here every step is undone if a later one fails: an error leaves nothing behind.
    QStringList createdVolumes;
    QStringList syncIds;
    auto task = std::make_shared<Task>();
    task->service = this;
    ConcreteJob *job = nullptr;
    auto rollback = [&](const cim::Error &error) {
        task->pairs.clear(); // copiers detach from their sources
        for (const QString &id : std::as_const(syncIds)) {
            (void)CheckpointMap::remove(checkpointPath(id));
            m_syncs.removeIf([&](const SyncRecord &s) { return s.id == id; });
            if (m_syncStore)
                (void)m_syncStore->removeSync(id);
        }
        for (const QString &id : std::as_const(createdVolumes)) {
            if (auto r = m_storage->deleteVolume(id); !r)
                qWarning("Cannot remove volume %s after a failed request: %s", qPrintable(id),
                         qPrintable(r.error().message));
        }
        if (job)
            m_jobs->discardJob(job->instanceId());
        return QtFuture::makeReadyFuture(failure(error));
    };

    QStringList sourceNames;
    for (const ReplicaVolume &s : req.sources)
        sourceNames.append(s.elementName.isEmpty() ? s.deviceId : s.elementName);
    job = m_jobs->createJob({QString(CloneJobKind),
                             QStringLiteral("CreateListReplica"),
                             tr("Clone of %1").arg(sourceNames.join(QStringLiteral(", "))),
                             {}});
    task->job = job;

    const QDateTime established = QDateTime::currentDateTimeUtc();
    QList<Value> targetRefs;
    for (qsizetype i = 0; i < req.sources.size(); ++i) {
        const ReplicaVolume &source = req.sources[i];
        ReplicaVolume target;
        bool created = false;
        if (req.targets[i]) {
            target = *req.targets[i];
        } else {
            const QString name =
                req.names[i].isEmpty() ? tr("Clone of %1").arg(sourceNames[i]) : req.names[i];
            auto made = m_storage->createVolume(req.poolId, name, source.size);
            if (!made)
                return rollback(made.error());
            target = made.value();
            created = true;
            createdVolumes.append(target.deviceId);
        }
        auto sourceDevice = this->sourceDevice(source.deviceId);
        auto targetDevice = m_storage->device(target.deviceId);
        if (!sourceDevice || !targetDevice) {
            return rollback(cim::Error(
                ReturnCode::Failed, tr("The volumes of %1 cannot be opened.").arg(sourceNames[i])));
        }
        SyncRecord s;
        s.id = QStringLiteral("sync-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
        s.sourceDeviceId = source.deviceId;
        s.targetDeviceId = target.deviceId;
        s.sourcePath = source.path.toString();
        s.targetPath = target.path.toString();
        s.syncType = quint16(cim::SyncType::Clone);
        s.mode = req.mode;
        // CopyState Initialized / ProgressStatus Initializing: the pair exists, no data moves yet.
        s.copyState = quint16(CopyState::Initialized);
        s.progressStatus = quint16(ProgressStatus::Initializing);
        s.whenEstablished = established;
        s.jobId = job->instanceId();
        s.targetCreated = created;
        m_syncs.append(s);
        syncIds.append(s.id);
        saveSync(s);
        auto pair = std::make_unique<Pair>();
        pair->syncId = s.id;
        pair->copier = std::make_unique<CloneCopier>(sourceDevice, targetDevice, m_queue.get(),
                                                     cloneOptions(req, s));
        task->pairs.push_back(std::move(pair));
        targetRefs.append(Value::reference(target.path));
    }

    // What a restart needs to resume the job, persisted before any copy is armed: a job found
    // after a crash always knows its pairs.
    {
        QJsonArray pairs;
        for (auto &pair : task->pairs)
            pairs.append(QJsonObject{{QStringLiteral("sync"), pair->syncId}});
        job->setParameters(
            QJsonDocument(QJsonObject{{QStringLiteral("pairs"), pairs},
                                      {QStringLiteral("priority"), int(req.priority)}})
                .toJson(QJsonDocument::Compact));
    }

    // The point in time. With ConsistentPointInTime every source is held still while all the
    // copies arm, so the replicas hold one instant across the list; otherwise each arms on its
    // own, microseconds apart.
    std::optional<WriteHold> held;
    if (req.consistentPointInTime) {
        QList<BlockDevice *> sources;
        for (const ReplicaVolume &s : req.sources)
            sources.append(m_storage->device(s.deviceId).get());
        held.emplace(sources);
    }
    cim::Result<void> armed;
    for (auto &pair : task->pairs) {
        armed = pair->copier->arm();
        if (!armed)
            break;
    }
    const QDateTime pointInTime = QDateTime::currentDateTimeUtc();
    held.reset();
    if (!armed)
        return rollback(armed.error());

    QList<Value> syncRefs;
    for (auto &pair : task->pairs) {
        SyncRecord *s = sync(pair->syncId);
        s->whenSynced = pointInTime;
        saveSync(*s);
        job->addAffectedElement(*cim::ObjectPath::fromString(s->targetPath));
        syncRefs.append(Value::reference(synchronizedInstance(*s).path()));
    }
    job->setControl(task.get());
    m_tasks.insert(job->instanceId(), task);
    startTask(task, false);
    Q_EMIT synchronizationsChanged();

    cim::MethodResult result;
    result.out.set(QStringLiteral("TargetElements"), Value::array(CimType::Reference, targetRefs));
    result.out.set(QStringLiteral("Synchronizations"), Value::array(CimType::Reference, syncRefs));
    result.out.set(QStringLiteral("Job"), Value::reference(job->path()));

    const bool waitForEnd = (req.modeGiven && req.mode == quint16(cim::Mode::Synchronous)) ||
                            req.waitFor == quint16(CopyState::Synchronized);
    if (!waitForEnd && req.waitFor) {
        // Initialized and Unsynchronized are behind us once the copy has started.
        result.returnValue = quint32(ReturnCode::Completed);
        return QtFuture::makeReadyFuture(result);
    }
    if (!waitForEnd || job->isFinished()) {
        result.returnValue = !waitForEnd ? quint32(ReturnCode::JobStarted) : 0;
        if (waitForEnd && job->state() != cim::JobState::Completed) {
            result.returnValue = quint32(ReturnCode::Failed);
            result.message = job->record().errorDescription;
        }
        return QtFuture::makeReadyFuture(result);
    }
    // Synchronous: answer when the job ends, without blocking the engine thread meanwhile.
    auto promise = std::make_shared<QPromise<cim::MethodResult>>();
    promise->start();
    QFuture<cim::MethodResult> future = promise->future();
    auto *context = new QObject(job);
    connect(job, &ConcreteJob::stateChanged, context,
            [promise, result, context](ConcreteJob *j) mutable {
                if (!j->isFinished())
                    return;
                if (j->state() == cim::JobState::Completed) {
                    result.returnValue = quint32(ReturnCode::Completed);
                } else {
                    result.returnValue = quint32(ReturnCode::Failed);
                    result.message = j->state() == cim::JobState::Exception
                                         ? j->record().errorDescription
                                         : tr("The clone was terminated before it completed.");
                }
                promise->addResult(result);
                promise->finish();
                context->deleteLater();
            });
    return future;
}

void ReplicationService::setProgressStatus(Task *task, ProgressStatus status)
{
    for (auto &p : task->pairs) {
        SyncRecord *s = sync(p->syncId);
        if (!s || p->done || copyEnded(*s))
            continue;
        s->progressStatus = quint16(status);
        saveSync(*s);
    }
    Q_EMIT synchronizationsChanged();
}

void ReplicationService::startTask(std::shared_ptr<Task> task, bool suspended)
{
    Task *t = task.get();
    for (auto &p : t->pairs) {
        if (p->done)
            continue;
        Pair *pair = p.get();
        // Copying: CopyState Unsynchronized ("not all the source data has been copied"),
        // ProgressStatus Synchronizing, or Dormant while the job is suspended.
        if (SyncRecord *s = sync(pair->syncId)) {
            s->copyState = quint16(CopyState::Unsynchronized);
            s->progressStatus =
                quint16(suspended ? ProgressStatus::Dormant : ProgressStatus::Synchronizing);
            saveSync(*s);
        }
        connect(pair->copier.get(), &CloneCopier::progress, this, [this, t] { updateProgress(t); });
        connect(pair->copier.get(), &CloneCopier::finished, this,
                [this, t, pair](CloneCopier::Outcome outcome, const QString &message) {
                    onCopierFinished(t, pair, outcome, message);
                });
        pair->copier->start(suspended);
    }
    if (t->job && !suspended)
        t->job->setRunning();
    updateProgress(t);
}

void ReplicationService::updateProgress(Task *task)
{
    quint64 done = 0;
    quint64 total = 0;
    QJsonArray checkpoint;
    for (auto &p : task->pairs) {
        const quint64 d = p->copier->bytesDone();
        const quint64 t = p->copier->bytesTotal();
        done += d;
        total += t;
        if (SyncRecord *s = sync(p->syncId); s && !copyEnded(*s))
            s->percentSynced = quint16(t == 0 ? 0 : d * 100 / t);
        checkpoint.append(QJsonObject{{QStringLiteral("sync"), p->syncId},
                                      {QStringLiteral("bytesDone"), qint64(d)},
                                      {QStringLiteral("bytesTotal"), qint64(t)}});
    }
    if (task->job) {
        // The authoritative checkpoint is each pair's chunk map (see CheckpointMap); the job
        // record carries the byte counts so the catalog shows how far the copy got.
        task->job->setCheckpoint(QJsonDocument(checkpoint).toJson(QJsonDocument::Compact));
        task->job->setPercentComplete(
            quint16(total == 0 ? 0 : std::min<quint64>(99, done * 100 / total)));
    }
    Q_EMIT synchronizationsChanged();
}

// How a pair's copy ends, in CopyState / ProgressStatus (SMI-S Replication Services for a clone):
//   Completed → Synchronized / Completed, PercentSynced 100: the target is the source as it was
//               at WhenSynced. SyncMaintained stays false: a clone is not kept in step after.
//   Failed    → Broken / Not Applicable: the copy cannot go on (I/O error, space…).
//   Cancelled → Aborted / Not Applicable: stopped by Terminate; the target holds a partial copy.
// The job ends once every pair has: Exception if any failed, else Terminated if any was
// cancelled, else Completed.
void ReplicationService::onCopierFinished(Task *task, Pair *pair, CloneCopier::Outcome outcome,
                                          const QString &message)
{
    pair->done = true;
    pair->outcome = outcome;
    pair->message = message;
    pair->copier->detach();
    if (SyncRecord *s = sync(pair->syncId)) {
        switch (outcome) {
        case CloneCopier::Outcome::Completed:
            s->copyState = quint16(CopyState::Synchronized);
            s->progressStatus = quint16(ProgressStatus::Completed);
            s->percentSynced = 100;
            break;
        case CloneCopier::Outcome::Failed:
            s->copyState = quint16(CopyState::Broken);
            s->progressStatus = quint16(ProgressStatus::NotApplicable);
            break;
        case CloneCopier::Outcome::Cancelled:
            s->copyState = quint16(CopyState::Aborted);
            s->progressStatus = quint16(ProgressStatus::NotApplicable);
            break;
        }
        saveSync(*s);
        // Only once the pair's end is persisted may its checkpoint go: a restart in between
        // finds the pair ended and does not look for it.
        (void)CheckpointMap::remove(checkpointPath(s->id));
    }
    Q_EMIT synchronizationsChanged();
    if (!std::all_of(task->pairs.begin(), task->pairs.end(), [](const auto &p) { return p->done; }))
        return;

    QStringList failures;
    bool cancelled = false;
    for (auto &p : task->pairs) {
        if (p->outcome == CloneCopier::Outcome::Failed)
            failures.append(p->message);
        cancelled = cancelled || p->outcome == CloneCopier::Outcome::Cancelled;
    }
    if (ConcreteJob *job = task->job) {
        if (!failures.isEmpty()) {
            job->setFailed({quint32(ReturnCode::Failed), failures.join(QLatin1Char('\n')),
                            JobErrorType::Software});
        } else if (cancelled || job->state() == cim::JobState::ShuttingDown) {
            job->setTerminated();
        } else {
            if (job->state() == cim::JobState::Suspended || job->state() == cim::JobState::New)
                job->setRunning(); // the last chunks went by copy-before-write while paused
            job->setCompleted();
        }
    }
    // The copiers emitted this; they go once the signal has returned.
    QMetaObject::invokeMethod(
        this,
        [this, task] {
            for (auto it = m_tasks.begin(); it != m_tasks.end(); ++it) {
                if (it->get() == task) {
                    m_tasks.erase(it);
                    return;
                }
            }
        },
        Qt::QueuedConnection);
}

cim::Result<void> ReplicationService::recover()
{
    if (m_syncStore) {
        auto loaded = m_syncStore->loadSyncs();
        if (!loaded)
            return loaded.error();
        m_syncs = loaded.value();
    }
    QDir().mkpath(m_options.checkpointDirectory);
    // Snapshots and mirrors come back before any job resumes (a clone may read a snapshot) and
    // before the engine serves a request: their observers are on the sources again.
    recoverSnapshotsAndMirrors();
    m_jobs->setResumer(QString(CloneJobKind), [this](ConcreteJob *job) { return resumeJob(job); });
    m_jobs->setResumer(QStringLiteral("mirror"),
                       [this](ConcreteJob *job) { return resumeMirrorJob(job); });
    return {};
}

void ReplicationService::breakPairs(const QString &jobId)
{
    for (SyncRecord &s : m_syncs) {
        if (s.jobId != jobId || copyEnded(s))
            continue;
        s.copyState = quint16(CopyState::Broken);
        s.progressStatus = quint16(ProgressStatus::NotApplicable);
        saveSync(s);
        (void)CheckpointMap::remove(checkpointPath(s.id));
    }
    Q_EMIT synchronizationsChanged();
}

void ReplicationService::reconcile()
{
    removeOrphanMaps();
    // A pair still copying whose job did not come back (its row is gone) has no copy behind it:
    // it can never finish, so it is Broken rather than left "Unsynchronized" for ever.
    QSet<QString> orphans;
    for (const SyncRecord &s : std::as_const(m_syncs)) {
        if (s.syncType == quint16(cim::SyncType::Clone) && !copyEnded(s) &&
            !m_tasks.contains(s.jobId)) {
            const ConcreteJob *job = m_jobs->job(s.jobId);
            if (!job || job->isFinished())
                orphans.insert(s.jobId);
        }
    }
    for (const QString &jobId : std::as_const(orphans))
        breakPairs(jobId);
}

// A clone job found unfinished after a restart. Its pairs resume from their checkpoints: a chunk
// the checkpoint marks is on the target; any other is copied again from the source, which still
// holds its point-in-time content because a source write could only land on a chunk after that
// chunk was marked (see CloneCopier::State). That argument needs every write to the source to go
// through the engine: volumes are engine-owned image files, so the engine is the only writer, and
// the copies re-arm here before the engine serves any request. A pair whose volume or checkpoint
// is gone (or damaged) cannot keep its point in time: it ends Broken and the job fails, saying why.
cim::Result<void> ReplicationService::resumeJob(ConcreteJob *job)
{
    const QJsonObject params = QJsonDocument::fromJson(job->record().parameters).object();
    const QJsonArray pairs = params.value(QStringLiteral("pairs")).toArray();
    if (pairs.isEmpty())
        return cim::Error(ReturnCode::Failed, tr("its parameters are missing"));
    Request req;
    req.priority = quint16(params.value(QStringLiteral("priority")).toInt(Same));

    auto task = std::make_shared<Task>();
    task->service = this;
    task->job = job;
    const bool stopping = job->state() == cim::JobState::ShuttingDown;
    QList<SyncRecord *> syncs;
    for (const QJsonValue &p : pairs) {
        const QString syncId = p.toObject().value(QStringLiteral("sync")).toString();
        SyncRecord *s = sync(syncId);
        if (!s) {
            breakPairs(job->instanceId());
            return cim::Error(ReturnCode::Failed, tr("the synchronization %1 is gone").arg(syncId));
        }
        syncs.append(s);
    }
    for (SyncRecord *s : syncs) {
        if (copyEnded(*s) || stopping) {
            if (!copyEnded(*s)) {
                // Terminate was under way: finish it.
                s->copyState = quint16(CopyState::Aborted);
                s->progressStatus = quint16(ProgressStatus::NotApplicable);
                saveSync(*s);
            }
            (void)CheckpointMap::remove(checkpointPath(s->id));
            continue;
        }
        auto source = sourceDevice(s->sourceDeviceId);
        auto target = m_storage->device(s->targetDeviceId);
        cim::Result<void> armed;
        std::unique_ptr<CloneCopier> copier;
        if (!source || !target) {
            armed = cim::Error(ReturnCode::Failed,
                               tr("volume %1 no longer exists")
                                   .arg(source ? s->targetDeviceId : s->sourceDeviceId));
        } else {
            copier =
                std::make_unique<CloneCopier>(source, target, m_queue.get(), cloneOptions(req, *s));
            armed = copier->arm(true);
        }
        if (!armed) {
            // One pair cannot keep its point in time, so the job fails; its other pairs end
            // Broken too and keep what they copied, as after a failure during the copy.
            task->pairs.clear();
            const QString target = s->targetDeviceId;
            breakPairs(job->instanceId());
            return cim::Error(
                ReturnCode::Failed,
                tr("the copy to %1 cannot continue: %2").arg(target, armed.error().message));
        }
        auto pair = std::make_unique<Pair>();
        pair->syncId = s->id;
        pair->copier = std::move(copier);
        task->pairs.push_back(std::move(pair));
    }
    if (stopping) {
        job->setTerminated();
        return {};
    }
    Q_EMIT synchronizationsChanged();
    if (task->pairs.empty()) {
        // Every pair had ended: only the job's own end was lost.
        if (job->state() != cim::JobState::Running)
            job->setRunning();
        bool allSynced = true;
        for (const QJsonValue &p : pairs) {
            const SyncRecord *s = sync(p.toObject().value(QStringLiteral("sync")).toString());
            allSynced = allSynced && s && s->copyState == quint16(CopyState::Synchronized);
        }
        if (allSynced)
            job->setCompleted();
        else
            job->setFailed({quint32(ReturnCode::Failed), tr("Some copies did not complete."),
                            JobErrorType::Software});
        return {};
    }
    job->setControl(task.get());
    m_tasks.insert(job->instanceId(), task);
    startTask(task, job->state() == cim::JobState::Suspended);
    return {};
}

} // namespace rd::engine
