#include "replicationservice.h"

#include "checkpointmap.h"
#include "clonepairs.h"
#include "jobs/jobanswer.h"
#include "mirrorpairs.h"
#include "replicationprovider.h"
#include "snapshotpairs.h"

#include "cim/valuemap.h"

#include <ThreadWeaver/Queue>

#include <QDir>
#include <QLocale>
#include <QSet>

#include <algorithm>

namespace rd::engine {

using cim::CimType;
using cim::CopyState;
using cim::ReturnCode;
using cim::SyncOperation;
using cim::Value;

namespace {

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

QString ReplicationService::usesOf(const QString &deviceId) const
{
    const QList<SyncRecord> pairs = m_pairs.pairsUsing(deviceId);
    if (pairs.isEmpty())
        return {};
    const auto nameOf = [this](const QString &id) {
        const std::optional<ReplicaVolume> v = m_context.storage->volumeById(id);
        return v && !v->elementName.isEmpty() ? v->elementName : id;
    };
    QStringList parts;
    for (const SyncRecord &s : pairs) {
        const QString source = nameOf(s.sourceDeviceId);
        const QString target = nameOf(s.targetDeviceId);
        switch (cim::SyncType(s.syncType)) {
        case cim::SyncType::Mirror:
            parts << tr("the mirror of %1 to %2").arg(source, target);
            break;
        case cim::SyncType::Snapshot:
            parts << tr("the snapshot %2 of %1").arg(source, target);
            break;
        default:
            parts << tr("the clone of %1 to %2").arg(source, target);
            break;
        }
    }
    return QLocale().createSeparatedList(parts);
}

QString ReplicationService::hostWriteRefusal(const QString &deviceId) const
{
    const auto nameOf = [this](const QString &id) {
        const std::optional<ReplicaVolume> v = m_context.storage->volumeById(id);
        return v && !v->elementName.isEmpty() ? v->elementName : id;
    };
    for (const SyncRecord &s : m_pairs.pairsUsing(deviceId)) {
        if (s.targetDeviceId != deviceId)
            continue;
        const auto state = cim::CopyState(s.copyState);
        switch (cim::SyncType(s.syncType)) {
        case cim::SyncType::Snapshot:
            return tr("%1 is a snapshot of %2: snapshots are read-only.")
                .arg(nameOf(deviceId), nameOf(s.sourceDeviceId));
        case cim::SyncType::Mirror:
            // Fractured or split, the replica is the administrator's to use; otherwise the next
            // copy from the source would overwrite what a host wrote.
            if (state == cim::CopyState::Fractured || state == cim::CopyState::Split ||
                state == cim::CopyState::Failedover)
                continue;
            return tr("%1 is the mirror of %2: hosts write to %2, and ReplicaDesk copies every "
                      "write here.")
                .arg(nameOf(deviceId), nameOf(s.sourceDeviceId));
        default:
            if (PairRegistry::copyEnded(s))
                continue;
            return tr("%1 is receiving a clone of %2: it can be written once the copy has "
                      "finished.")
                .arg(nameOf(deviceId), nameOf(s.sourceDeviceId));
        }
    }
    return {};
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

void ReplicationService::imageChangedOutside(const QString &deviceId)
{
    QList<SyncRecord> affected;
    for (const SyncRecord &s : m_pairs.all()) {
        if (s.sourceDeviceId == deviceId || s.targetDeviceId == deviceId)
            affected.append(s);
    }
    for (const SyncRecord &s : std::as_const(affected)) {
        if (s.syncType == quint16(cim::SyncType::Mirror))
            m_mirrors->imageChangedOutside(s.id);
        else if (s.syncType == quint16(cim::SyncType::Snapshot))
            m_snapshots->imageChangedOutside(s.id);
    }
    if (!affected.isEmpty())
        Q_EMIT synchronizationsChanged();
}

// --- recovery -----------------------------------------------------------------------------------

cim::Result<void> ReplicationService::recover(const QStringList &changedOutside)
{
    if (auto loaded = m_pairs.load(); !loaded)
        return loaded;
    // Before the sessions: a mirror still Synchronized would re-arm as one (and resync only its
    // dirty map); Skewed, it re-arms with every chunk dirty.
    for (const QString &deviceId : changedOutside)
        imageChangedOutside(deviceId);
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
        return answerWhenFinished(job, result, tr("The job was terminated before it completed."));
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

// The state rules, in the order the parameters are read; parse() had the others.
cim::Result<ReplicaPlan>
ReplicationService::planReplicas(const requests::CreateListReplicaRequest &request) const
{
    auto invalid = [](const QString &message, const QString &parameter) {
        return cim::Error(ReturnCode::InvalidParameter, message, parameter);
    };
    if (auto local = request.checkLocal(); !local)
        return local.error();
    ReplicaStorage *storage = m_context.storage;
    ReplicaPlan plan;
    plan.syncType = request.syncType;
    plan.mode = quint16(request.effectiveMode());
    plan.modeGiven = request.mode.has_value();
    if (request.waitForCopyState)
        plan.waitFor = quint16(*request.waitForCopyState);
    plan.consistentPointInTime = request.consistentPointInTime();
    plan.priority = quint16(request.copyPriority());

    // Sources: all existing, none an unfinished copy's replica.
    const QString sourcesParameter = QStringLiteral("SourceElements");
    for (qsizetype i = 0; i < request.sourceElements.size(); ++i) {
        const cim::ObjectPath &path = request.sourceElements[i];
        const std::optional<ReplicaVolume> v = storage->volume(path);
        if (!v)
            return invalid(
                tr("SourceElements[%1] (%2) does not exist.").arg(i).arg(path.toString()),
                sourcesParameter);
        if (auto r = checkSource(plan.syncType, *v); !r)
            return r.error();
        plan.sources.append(*v);
    }
    // Names apply in order to the replicas the engine creates; the rest get system names.
    for (qsizetype i = 0; i < plan.sources.size(); ++i) {
        const bool named = i < request.elementNames.size() && request.elementNames[i];
        plan.names.append(named ? *request.elementNames[i] : QString());
    }

    if (request.targetSettingGoal && !storage->settingExists(*request.targetSettingGoal))
        return invalid(
            tr("TargetSettingGoal %1 does not exist.").arg(request.targetSettingGoal->toString()),
            QStringLiteral("TargetSettingGoal"));
    if (request.targetPool) {
        const std::optional<QString> pool = storage->pool(*request.targetPool);
        if (!pool)
            return invalid(tr("TargetPool %1 does not exist.").arg(request.targetPool->toString()),
                           QStringLiteral("TargetPool"));
        plan.poolId = *pool;
    } else {
        plan.poolId = storage->defaultPool();
    }

    QStringList seen;
    for (const ReplicaVolume &s : std::as_const(plan.sources))
        seen.append(s.deviceId);
    for (qsizetype i = 0; i < plan.sources.size(); ++i) {
        if (i >= request.targetElements.size()) {
            plan.targets.append(std::nullopt);
            continue;
        }
        const cim::ObjectPath &path = request.targetElements[i];
        const std::optional<ReplicaVolume> t = storage->volume(path);
        if (!t)
            return invalid(
                tr("TargetElements[%1] (%2) does not exist.").arg(i).arg(path.toString()),
                QStringLiteral("TargetElements"));
        if (auto r = checkTarget(plan, i, *t, seen); !r)
            return r.error();
        plan.targets.append(*t);
    }
    return plan;
}

cim::Result<SyncModification>
ReplicationService::planModification(const requests::ModifySynchronizationRequest &request) const
{
    auto invalid = [](const QString &message, const QString &parameter) {
        return cim::Error(ReturnCode::InvalidParameter, message, parameter);
    };
    const QString syncParameter = QStringLiteral("Synchronization");
    SyncModification m;
    m.operation = request.operation;
    const quint16 op = quint16(request.operation);

    for (const cim::ObjectPath &path : request.synchronizations) {
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

    if (const std::optional<CopyState> wait = request.waitForCopyState) {
        const QList<CopyState> reachable =
            PairRegistry::waitableStates(cim::SyncType(m.syncType), m.operation);
        if (!reachable.contains(*wait))
            return invalid(tr("%1 never leaves a synchronization in CopyState %2, so "
                              "WaitForCopyState cannot be %3.")
                               .arg(opLabel(op), stateLabel(quint16(*wait)))
                               .arg(quint16(*wait)),
                           QStringLiteral("WaitForCopyState"));
        m.waitFor = quint16(*wait);
    }
    return m;
}

} // namespace rd::engine
