#include "replicationservice.h"

#include "checkpointmap.h"
#include "clonepairs.h"
#include "mirrorpairs.h"
#include "replicationprovider.h"
#include "snapshotpairs.h"

#include "cim/cimxml.h"
#include "cim/valuemap.h"

#include <ThreadWeaver/Queue>

#include <QDir>
#include <QSet>

#include <algorithm>

namespace rd::engine {

using cim::CimType;
using cim::CopyState;
using cim::ReturnCode;
using cim::SyncOperation;
using cim::Value;

namespace {

// CIM_ReplicationSettingData.TargetElementSupplier.
enum Supplier : quint16 {
    UseExisting = 2,
    CreateNew = 3,
    UseAndCreate = 4,
    InstrumentationDecides = 5,
    ClientMustSupply = 6,
};

bool isNull(const Value &v)
{
    return !v.isTyped() || v.isNull();
}

QString deviceIdOf(const Value &ref)
{
    if (isNull(ref) || ref.type() != CimType::Reference)
        return {};
    return ref.toReference().key(u"DeviceID").toString();
}

QString opLabel(quint16 op)
{
    return cim::ValueMap::syncOperation().label(op);
}

QString stateLabel(quint16 state)
{
    return cim::ValueMap::copyState().label(state);
}

} // namespace

ReplicationService::ReplicationService(ReplicaStorage *storage, SyncStore *syncs, JobManager *jobs,
                                       const Options &options, QObject *parent)
    : QObject(parent)
    , m_queue(std::make_unique<ThreadWeaver::Queue>())
    , m_pairs(syncs)
{
    m_queue->setMaximumNumberOfThreads(std::max(1, options.maxThreads));
    m_context.storage = storage;
    m_context.pairs = &m_pairs;
    m_context.jobs = jobs;
    m_context.queue = m_queue.get();
    m_context.options = options;
    m_context.receiver = this;
    m_context.changed = [this] { Q_EMIT synchronizationsChanged(); };
    m_snapshots = std::make_unique<SnapshotPairs>(&m_context);
    m_clones = std::make_unique<ClonePairs>(&m_context, m_snapshots.get());
    m_mirrors = std::make_unique<MirrorPairs>(&m_context);
}

ReplicationService::~ReplicationService()
{
    // An engine stop: copies end where they are, jobs and pairs stay as persisted, and the next
    // engine on this data directory resumes them from their checkpoints.
    m_clones->releaseJobs();
    m_mirrors->releaseJobs();
    // Observers off the volumes first (a write in flight finishes its forward), then the queue:
    // drain work still queued finds its session detached and ends.
    m_mirrors->stop();
    m_snapshots->stop();
    m_queue->dequeue();
    m_queue->finish();
    m_mirrors.reset();
    m_clones.reset();
    m_snapshots.reset();
}

QString ReplicationService::mirrorJobKind()
{
    return MirrorPairs::jobKind();
}

QList<quint16> ReplicationService::supportedOperations(cim::SyncType type)
{
    return PairRegistry::supportedOperations(type);
}

QList<SyncRecord> ReplicationService::synchronizations() const
{
    return m_pairs.all();
}

bool ReplicationService::isInUse(const QString &deviceId) const
{
    return m_pairs.isInUse(deviceId);
}

cim::ObjectPath ReplicationService::servicePath() const
{
    return ReplicationProvider::servicePath(systemName());
}

cim::Instance ReplicationService::synchronizedInstance(const SyncRecord &record) const
{
    return ReplicationProvider::synchronizedInstance(record, mirrorLag(record.id));
}

QList<cim::Instance> ReplicationService::synchronizedInstances() const
{
    QList<cim::Instance> result;
    for (const SyncRecord &s : m_pairs.all())
        result.append(synchronizedInstance(s));
    return result;
}

quint64 ReplicationService::replicaBytesCopied(const QString &syncId) const
{
    if (const auto bytes = m_snapshots->bytesCopied(syncId))
        return *bytes;
    return m_mirrors->copiedBytes(syncId).value_or(0);
}

std::optional<quint64> ReplicationService::mirrorLag(const QString &syncId) const
{
    return m_mirrors->dirtyBytes(syncId);
}

quint64 ReplicationService::mirrorDirtyBytes(const QString &syncId) const
{
    return mirrorLag(syncId).value_or(0);
}

quint64 ReplicationService::mirrorForwardedBytes(const QString &syncId) const
{
    return m_mirrors->forwardedBytes(syncId);
}

void ReplicationService::cleanMirrorMaps()
{
    m_mirrors->cleanMaps();
}

// --- recovery -----------------------------------------------------------------------------------

cim::Result<void> ReplicationService::recover()
{
    if (auto loaded = m_pairs.load(); !loaded)
        return loaded;
    QDir().mkpath(m_context.options.checkpointDirectory);
    // Snapshots and mirrors come back before any job resumes (a clone may read a snapshot) and
    // before the engine serves a request: their observers are on the sources again.
    m_snapshots->recover();
    m_mirrors->recover();
    m_context.jobs->setResumer(ClonePairs::jobKind(),
                               [this](ConcreteJob *job) { return m_clones->resumeJob(job); });
    m_context.jobs->setResumer(MirrorPairs::jobKind(),
                               [this](ConcreteJob *job) { return m_mirrors->resumeJob(job); });
    return {};
}

void ReplicationService::reconcile()
{
    removeOrphanMaps();
    m_clones->reconcile();
}

void ReplicationService::removeOrphanMaps()
{
    QSet<QString> ids;
    for (const SyncRecord &s : m_pairs.all())
        ids.insert(s.id);
    const QDir dir(m_context.options.checkpointDirectory);
    const QStringList files = dir.entryList({QStringLiteral("*.map"), QStringLiteral("*.cow"),
                                             QStringLiteral("*.dirty"), QStringLiteral("*.tmp")},
                                            QDir::Files);
    for (const QString &file : files) {
        if (!ids.contains(file.section(QLatin1Char('.'), 0, 0)))
            QFile::remove(dir.filePath(file));
    }
}

// --- CreateListReplica --------------------------------------------------------------------------

QFuture<cim::MethodResult> ReplicationService::createReplicas(const ReplicaPlan &plan)
{
    switch (plan.syncType) {
    case cim::SyncType::Snapshot:
        return createSnapshots(plan);
    case cim::SyncType::Mirror:
        return createMirrors(plan);
    case cim::SyncType::Clone:
        break;
    }
    return createClones(plan);
}

QFuture<cim::MethodResult> ReplicationService::createClones(const ReplicaPlan &plan)
{
    return m_clones->create(plan);
}

QFuture<cim::MethodResult> ReplicationService::createSnapshots(const ReplicaPlan &plan)
{
    return m_snapshots->create(plan);
}

QFuture<cim::MethodResult> ReplicationService::createMirrors(const ReplicaPlan &plan,
                                                             ConcreteJob *job)
{
    if (job && job->record().kind != mirrorJobKind())
        return QtFuture::makeReadyFuture(cim::MethodResult::failure(cim::Error(
            ReturnCode::NotSupported, tr("Only a mirror can be made in a job made beforehand."))));
    return m_mirrors->create(plan, job);
}

// --- ModifyListSynchronization / ModifyReplicaSynchronization ----------------------------------

QFuture<cim::MethodResult> ReplicationService::modify(const SyncModification &m)
{
    cim::MethodResult result;
    result.out.set(QStringLiteral("Job"), Value::null(CimType::Reference));
    ConcreteJob *job = nullptr;
    cim::Result<void> done;
    switch (m.operation) {
    case SyncOperation::Detach:
        for (const QString &id : m.syncIds) {
            if (done = detach(id); !done)
                break;
        }
        break;
    case SyncOperation::Fracture:
    case SyncOperation::Split:
        done = m_mirrors->fracture(m);
        break;
    case SyncOperation::Suspend:
        m_mirrors->suspend(m.syncIds);
        break;
    case SyncOperation::ResyncReplica:
        if (m.syncType == quint16(cim::SyncType::Snapshot)) {
            for (const QString &id : m.syncIds) {
                if (done = m_snapshots->refresh(id); !done)
                    break;
            }
            break;
        }
        job = m_mirrors->startCopyPhase(m);
        break;
    case SyncOperation::Resume:
    case SyncOperation::RestoreFromReplica:
        job = m_mirrors->startCopyPhase(m);
        break;
    default:
        done =
            cim::Error(ReturnCode::NotSupported, tr("Not supported."), QStringLiteral("Operation"));
    }
    Q_EMIT synchronizationsChanged();
    if (!done)
        return QtFuture::makeReadyFuture(cim::MethodResult::failure(done.error()));
    if (!job)
        return QtFuture::makeReadyFuture(result);
    result.out.set(QStringLiteral("Job"), Value::reference(job->path()));
    if (m.waitFor == quint16(CopyState::Synchronized))
        return ReplicationContext::answerWhenFinished(
            job, result, tr("The job was terminated before it completed."));
    result.returnValue = quint32(m.waitFor ? ReturnCode::Completed : ReturnCode::JobStarted);
    return QtFuture::makeReadyFuture(result);
}

// Detach: the pair is forgotten. A mirror's or clone's replica stays as an independent volume. A
// snapshot's replica is only a delta against its source, useless alone, so detaching returns its
// space: the volume goes when the engine made it, or is emptied when the client supplied it.
// Order: row, then map, then the volume; a crash in between leaves an orphan map (removed at the
// next start) or an orphan volume (visible, deletable), never a pair without its map.
cim::Result<void> ReplicationService::detach(const QString &syncId)
{
    const SyncRecord s = *m_pairs.find(syncId);
    if (auto r = m_pairs.remove(syncId); !r)
        return r;
    m_mirrors->drop(syncId);
    m_snapshots->drop(s);
    ReplicaStorage *storage = m_context.storage;
    (void)CheckpointMap::remove(m_context.mapPath(s));
    storage->released(s.targetDeviceId);
    if (s.syncType == quint16(cim::SyncType::Snapshot)) {
        if (s.targetCreated) {
            if (auto r = storage->deleteVolume(s.targetDeviceId); !r)
                qWarning("Cannot remove the snapshot volume %s: %s", qPrintable(s.targetDeviceId),
                         qPrintable(r.error().message));
        } else if (auto target = storage->device(s.targetDeviceId)) {
            (void)target->discardUnobserved(0, target->size());
        }
    }
    return {};
}

// --- checking requests ----------------------------------------------------------------------

cim::Result<void> ReplicationService::checkSource(cim::SyncType type, const ReplicaVolume &v) const
{
    const QString parameter = QStringLiteral("SourceElements");
    for (const SyncRecord &s : m_pairs.all()) {
        if (s.targetDeviceId != v.deviceId)
            continue;
        if (!PairRegistry::copyEnded(s) && s.syncType == quint16(cim::SyncType::Clone))
            return cim::Error(
                ReturnCode::InUse,
                tr("%1 is still being copied to; it cannot be a source yet.").arg(v.elementName),
                parameter);
        // The engine writes a mirror's replica around the block layer's observers, so nothing
        // taken from it could keep a point in time: detach the mirror first.
        if (s.syncType == quint16(cim::SyncType::Mirror))
            return cim::Error(ReturnCode::InUse,
                              tr("%1 is the replica of a mirror; detach the mirror before "
                                 "replicating it.")
                                  .arg(v.elementName),
                              parameter);
        if (s.syncType == quint16(cim::SyncType::Snapshot) && type != cim::SyncType::Clone)
            return cim::Error(ReturnCode::InvalidParameter,
                              tr("%1 is a snapshot, which is read-only: it can be cloned, not "
                                 "mirrored or snapshotted.")
                                  .arg(v.elementName),
                              parameter);
    }
    return {};
}

cim::Result<void> ReplicationService::checkTarget(const ReplicaPlan &plan, qsizetype i,
                                                  const ReplicaVolume &t, QStringList &seen) const
{
    const QString parameter = QStringLiteral("TargetElements");
    if (seen.contains(t.deviceId))
        return cim::Error(ReturnCode::InvalidParameter,
                          tr("%1 appears twice among the sources and targets.").arg(t.elementName),
                          parameter);
    seen.append(t.deviceId);
    const ReplicaVolume &source = plan.sources[i];
    if (t.size < source.size)
        return cim::Error(ReturnCode::InvalidParameter,
                          tr("Target %1 (%2 bytes) is smaller than its source %3 (%4 bytes).")
                              .arg(t.elementName)
                              .arg(t.size)
                              .arg(source.elementName)
                              .arg(source.size),
                          parameter);
    if (t.onPeer && plan.syncType == cim::SyncType::Snapshot)
        return cim::Error(ReturnCode::NotSupported,
                          tr("%1 is on another system; a snapshot stays on the system of its "
                             "source.")
                              .arg(t.elementName),
                          parameter);
    if (isInUse(t.deviceId))
        return cim::Error(ReturnCode::InUse,
                          tr("Target %1 is already part of a synchronization.").arg(t.elementName),
                          parameter);
    return {};
}

cim::Result<void> ReplicationService::checkPlan(const ReplicaPlan &plan) const
{
    for (const ReplicaVolume &source : plan.sources) {
        if (auto r = checkSource(plan.syncType, source); !r)
            return r;
    }
    QStringList seen;
    for (const ReplicaVolume &s : plan.sources)
        seen.append(s.deviceId);
    for (qsizetype i = 0; i < plan.targets.size() && i < plan.sources.size(); ++i) {
        if (!plan.targets[i])
            continue;
        if (auto r = checkTarget(plan, i, *plan.targets[i], seen); !r)
            return r;
    }
    return {};
}

cim::Result<ReplicaPlan> ReplicationService::planReplicas(const cim::Parameters &in) const
{
    ReplicaPlan req;
    auto invalid = [](const QString &message, const QString &parameter) {
        return cim::Error(ReturnCode::InvalidParameter, message, parameter);
    };
    ReplicaStorage *storage = m_context.storage;

    // The request's own values first, then the elements they name.
    const Value syncType = in.value(u"SyncType");
    switch (syncType.toUInt64()) {
    case quint64(cim::SyncType::Clone):
    case quint64(cim::SyncType::Mirror):
    case quint64(cim::SyncType::Snapshot):
        req.syncType = cim::SyncType(syncType.toUInt64());
        break;
    default:
        return invalid(tr("SyncType %1 is not Mirror (6), Snapshot (7) or Clone (8).")
                           .arg(syncType.toUInt64()),
                       QStringLiteral("SyncType"));
    }

    if (const Value mode = in.value(u"Mode"); !isNull(mode)) {
        if (mode.toUInt64() != quint64(cim::Mode::Synchronous) &&
            mode.toUInt64() != quint64(cim::Mode::Asynchronous))
            return invalid(
                tr("Mode %1 is not Synchronous (2) or Asynchronous (3).").arg(mode.toUInt64()),
                QStringLiteral("Mode"));
        req.mode = quint16(mode.toUInt64());
        req.modeGiven = true;
    }
    if (req.syncType == cim::SyncType::Snapshot) {
        // A snapshot's point in time is fixed within the call; an asynchronous snapshot (taken
        // some time later) is not offered (ReplicationServiceCapabilities lists type 6 only).
        if (req.modeGiven && req.mode == quint16(cim::Mode::Asynchronous))
            return cim::Error(ReturnCode::NotSupported,
                              tr("Asynchronous snapshots are not supported; leave Mode NULL or "
                                 "make it Synchronous (2)."),
                              QStringLiteral("Mode"));
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
                               .arg(cim::ValueMap::copyState().label(w)),
                           QStringLiteral("WaitForCopyState"));
        }
        req.waitFor = quint16(w);
    }

    for (const char16_t *ap : {u"SourceAccessPoint", u"TargetAccessPoint"}) {
        if (!isNull(in.value(QStringView(ap)))) {
            return cim::Error(ReturnCode::NotSupported,
                              tr("Replication through access points (to or from another system) "
                                 "is not supported yet; leave %1 NULL.")
                                  .arg(QString::fromUtf16(ap)),
                              QString::fromUtf16(ap));
        }
    }

    quint16 supplier = InstrumentationDecides;
    if (const Value rsd = in.value(u"ReplicationSettingData"); !isNull(rsd)) {
        const QString parameter = QStringLiteral("ReplicationSettingData");
        auto parsed = cim::cimxml::parseInstance(rsd.toString());
        if (!parsed)
            return invalid(tr("ReplicationSettingData is not a valid embedded instance: %1")
                               .arg(parsed.error().message),
                           parameter);
        const cim::Instance &s = parsed.value();
        if (!s.className().endsWith(QStringLiteral("ReplicationSettingData"), Qt::CaseInsensitive))
            return invalid(tr("ReplicationSettingData holds a %1, not a ReplicationSettingData.")
                               .arg(s.className()),
                           parameter);
        auto uint16Of = [&](QStringView name, std::optional<quint16> &out) -> cim::Result<void> {
            const Value v = s.property(name);
            if (isNull(v))
                return {};
            if (v.isArray() || !cim::isInteger(v.type()) || cim::isSigned(v.type()) ||
                v.toUInt64() > 0xFFFF)
                return invalid(tr("ReplicationSettingData.%1 must be a uint16.").arg(name),
                               parameter);
            out = quint16(v.toUInt64());
            return {};
        };
        const Value cpit = s.property(u"ConsistentPointInTime");
        if (!isNull(cpit)) {
            if (cpit.isArray() || cpit.type() != CimType::Boolean)
                return invalid(
                    tr("ReplicationSettingData.ConsistentPointInTime must be a boolean."),
                    parameter);
            req.consistentPointInTime = cpit.toBool();
        }
        std::optional<quint16> priority, supplierValue;
        if (auto r = uint16Of(u"CopyPriority", priority); !r)
            return r.error();
        if (auto r = uint16Of(u"TargetElementSupplier", supplierValue); !r)
            return r.error();
        if (priority) {
            if (*priority > quint16(CopyPriority::Urgent))
                return invalid(tr("CopyPriority %1 is not Not Managed (0), Low (1), Same (2), "
                                  "High (3) or Urgent (4).")
                                   .arg(*priority),
                               parameter);
            req.priority = *priority == quint16(CopyPriority::NotManaged)
                               ? quint16(CopyPriority::Same)
                               : *priority;
        }
        if (supplierValue) {
            if (*supplierValue != 0 &&
                (*supplierValue < UseExisting || *supplierValue > ClientMustSupply))
                return invalid(
                    tr("TargetElementSupplier %1 is not a known value.").arg(*supplierValue),
                    parameter);
            if (*supplierValue != 0)
                supplier = *supplierValue;
        }
    }

    // Sources: one or more, all existing, all of one class, none an unfinished copy's replica.
    const QString sourcesParameter = QStringLiteral("SourceElements");
    const QList<Value> sources = in.value(u"SourceElements").elements();
    QString sourceClass;
    for (qsizetype i = 0; i < sources.size(); ++i) {
        if (isNull(sources[i]))
            return invalid(tr("SourceElements[%1] is NULL.").arg(i), sourcesParameter);
        const cim::ObjectPath path = sources[i].toReference();
        if (i == 0)
            sourceClass = path.className();
        else if (path.className().compare(sourceClass, Qt::CaseInsensitive) != 0)
            return invalid(tr("SourceElements must all be of one class; %1 is a %2, not a %3.")
                               .arg(path.toString(), path.className(), sourceClass),
                           sourcesParameter);
        const std::optional<ReplicaVolume> v = storage->volume(path);
        if (!v)
            return invalid(
                tr("SourceElements[%1] (%2) does not exist.").arg(i).arg(path.toString()),
                sourcesParameter);
        if (auto r = checkSource(req.syncType, *v); !r)
            return r.error();
        req.sources.append(*v);
    }

    // Names apply in order to the replicas the engine creates; the rest get system names.
    const QList<Value> names = in.value(u"ElementNames").elements();
    if (names.size() > req.sources.size())
        return invalid(
            tr("%1 ElementNames for %2 SourceElements.").arg(names.size()).arg(req.sources.size()),
            QStringLiteral("ElementNames"));
    for (qsizetype i = 0; i < req.sources.size(); ++i)
        req.names.append(i < names.size() && !isNull(names[i]) ? names[i].toString() : QString());

    const QString targetsParameter = QStringLiteral("TargetElements");
    const QList<Value> targets = in.value(u"TargetElements").elements();
    const Value poolValue = in.value(u"TargetPool");
    const Value goalValue = in.value(u"TargetSettingGoal");
    if (!targets.isEmpty() && (!isNull(poolValue) || !isNull(goalValue)))
        return invalid(
            tr("TargetPool and TargetSettingGoal must be NULL when TargetElements are given."),
            isNull(poolValue) ? QStringLiteral("TargetSettingGoal") : QStringLiteral("TargetPool"));
    if (!isNull(goalValue) && !storage->settingExists(goalValue.toReference()))
        return invalid(
            tr("TargetSettingGoal %1 does not exist.").arg(goalValue.toReference().toString()),
            QStringLiteral("TargetSettingGoal"));
    if (!isNull(poolValue)) {
        const std::optional<QString> pool = storage->pool(poolValue.toReference());
        if (!pool)
            return invalid(
                tr("TargetPool %1 does not exist.").arg(poolValue.toReference().toString()),
                QStringLiteral("TargetPool"));
        req.poolId = *pool;
    } else {
        req.poolId = storage->defaultPool();
    }

    // TargetElementSupplier: Use existing / Client must supply need a target per source; Create
    // new takes none; Use and create uses the given ones for the first sources and creates the
    // rest; Instrumentation decides (the default) uses them when given, else creates.
    if ((supplier == UseExisting || supplier == ClientMustSupply) &&
        targets.size() != req.sources.size())
        return invalid(tr("TargetElementSupplier asks for existing targets: give one TargetElement "
                          "per SourceElement."),
                       targetsParameter);
    if (supplier == CreateNew && !targets.isEmpty())
        return invalid(tr("TargetElementSupplier is Create new: TargetElements must be NULL."),
                       targetsParameter);
    if (supplier == UseAndCreate ? targets.size() > req.sources.size()
                                 : !targets.isEmpty() && targets.size() != req.sources.size())
        return invalid(tr("%1 TargetElements for %2 SourceElements.")
                           .arg(targets.size())
                           .arg(req.sources.size()),
                       targetsParameter);

    QStringList seen;
    for (const ReplicaVolume &s : std::as_const(req.sources))
        seen.append(s.deviceId);
    for (qsizetype i = 0; i < req.sources.size(); ++i) {
        if (i >= targets.size()) {
            req.targets.append(std::nullopt);
            continue;
        }
        if (isNull(targets[i]))
            return invalid(tr("TargetElements[%1] is NULL.").arg(i), targetsParameter);
        const cim::ObjectPath path = targets[i].toReference();
        const std::optional<ReplicaVolume> t = storage->volume(path);
        if (!t)
            return invalid(
                tr("TargetElements[%1] (%2) does not exist.").arg(i).arg(path.toString()),
                targetsParameter);
        if (auto r = checkTarget(req, i, *t, seen); !r)
            return r.error();
        req.targets.append(*t);
    }
    return req;
}

cim::Result<SyncModification> ReplicationService::planModification(const cim::Parameters &in,
                                                                   bool listMethod) const
{
    auto invalid = [](const QString &message, const QString &parameter) {
        return cim::Error(ReturnCode::InvalidParameter, message, parameter);
    };
    const QString syncParameter = QStringLiteral("Synchronization");
    SyncModification m;
    const quint64 op = in.value(u"Operation").toUInt64();
    // Activate/Deactivate Consistency, AddSyncPair and RemoveSyncPair work on replication
    // groups: they are ModifyReplicaSynchronization's only (DMTF Reserved in the list method).
    if (listMethod && (op == 3 || op == 5 || op == 6 || op == 13))
        return invalid(tr("Operation %1 is not a ModifyListSynchronization operation; it exists "
                          "only in ModifyReplicaSynchronization.")
                           .arg(op),
                       QStringLiteral("Operation"));
    if (op < 2 || op > 26)
        return invalid(tr("Operation %1 is not a known operation.").arg(op),
                       QStringLiteral("Operation"));
    m.operation = SyncOperation(op);

    const Value syncValue = in.value(u"Synchronization");
    const QList<Value> refs = listMethod ? syncValue.elements() : QList<Value>{syncValue};
    if (refs.isEmpty())
        return invalid(tr("Synchronization names no synchronization."), syncParameter);
    for (qsizetype i = 0; i < refs.size(); ++i) {
        const Value &ref = refs[i];
        if (isNull(ref))
            return invalid(tr("Synchronization[%1] is NULL.").arg(i), syncParameter);
        const cim::ObjectPath path = ref.toReference();
        // Through the storage, which knows a peer's path for a replica there; else by DeviceID.
        auto resolve = [this](const Value &element) {
            if (!isNull(element) && element.type() == CimType::Reference) {
                if (auto v = m_context.storage->volume(element.toReference()))
                    return v->deviceId;
            }
            return deviceIdOf(element);
        };
        const SyncRecord *found = m_pairs.findPair(resolve(path.key(u"SystemElement")),
                                                   resolve(path.key(u"SyncedElement")));
        if (!found)
            return invalid(tr("There is no synchronization %1.").arg(path.toString()),
                           syncParameter);
        if (m.syncIds.contains(found->id))
            return invalid(tr("Synchronization %1 appears twice.").arg(path.toString()),
                           syncParameter);
        if (m.syncIds.isEmpty()) {
            m.syncType = found->syncType;
            m.mode = found->mode;
        } else if (found->syncType != m.syncType) {
            return invalid(tr("The synchronizations mix SyncTypes (%1 and %2); one request "
                              "modifies one kind.")
                               .arg(cim::ValueMap::syncType().label(m.syncType),
                                    cim::ValueMap::syncType().label(found->syncType)),
                           syncParameter);
        } else if (found->mode != m.mode) {
            return invalid(tr("The synchronizations mix Modes (%1 and %2); one request modifies "
                              "one kind.")
                               .arg(cim::ValueMap::mode().label(m.mode),
                                    cim::ValueMap::mode().label(found->mode)),
                           syncParameter);
        }
        m.syncIds.append(found->id);
    }

    // The CopyStates each operation starts from (PairRegistry's table); anything else is refused
    // and nothing changes.
    const bool snapshot = m.syncType == quint16(cim::SyncType::Snapshot);
    for (const QString &id : std::as_const(m.syncIds)) {
        if (auto r = m_pairs.checkOperation(id, m.operation); !r)
            return r.error();
        // A snapshot a clone still reads keeps its point in time until the clone is done.
        const SyncRecord *s = m_pairs.find(id);
        if (snapshot) {
            for (const SyncRecord &r : m_pairs.all()) {
                if (r.sourceDeviceId == s->targetDeviceId && !PairRegistry::copyEnded(r))
                    return cim::Error(ReturnCode::InUse,
                                      tr("A clone is still being copied from the snapshot %1.")
                                          .arg(s->targetPath),
                                      syncParameter);
            }
        }
    }

    if (const Value wait = in.value(u"WaitForCopyState"); !isNull(wait)) {
        const QList<CopyState> reachable =
            PairRegistry::waitableStates(cim::SyncType(m.syncType), m.operation);
        if (!reachable.contains(CopyState(wait.toUInt64())))
            return invalid(tr("%1 never leaves a synchronization in CopyState %2, so "
                              "WaitForCopyState cannot be %3.")
                               .arg(opLabel(quint16(op)), stateLabel(quint16(wait.toUInt64())))
                               .arg(wait.toUInt64()),
                           QStringLiteral("WaitForCopyState"));
        m.waitFor = quint16(wait.toUInt64());
    }
    return m;
}

} // namespace rd::engine
