// ReplicationService, second part: snapshots and mirrors (creation, recovery, monitoring) and the
// life cycle of every pair through ModifyListSynchronization / ModifyReplicaSynchronization.
//
// State choices (SMI-S Replication Services), written where they are decided below:
//   Snapshot — Synchronized / Completed from creation: the point in time is fixed within the call.
//              Resync Replica takes a new point in time; Detach returns its space.
//   Mirror   — Unsynchronized / Synchronizing during the initial copy (Resyncing for a resync or a
//              recovery, Restoring for a restore, Dormant while its job is suspended), then
//              Synchronized / Completed. Fracture → Fractured, Split → Split (both Completed: the
//              replica holds the source as of WhenSynced and hosts may use it), Suspend →
//              Suspended / Dormant, a failed copy or forward → Broken, a terminated job → Aborted.
//   An operation the pair's CopyState does not allow answers 5 (Invalid Parameter) naming the
//   state; an operation that does not apply to the SyncType answers 1 (Not Supported). The
//   ModifyListSynchronization return codes are those of the seed methods: there is no separate
//   "invalid state" code.

#include "replicationservice.h"
#include "replicationservice_p.h"

#include "cim/valuemap.h"

#include <ThreadWeaver/Queue>

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPromise>
#include <QSet>
#include <QUuid>

#include <algorithm>

namespace rd::engine {

using cim::CimType;
using cim::CopyState;
using cim::ProgressStatus;
using cim::ReturnCode;
using cim::SyncOperation;
using cim::Value;
using namespace replication_detail;

namespace {
constexpr QLatin1StringView MirrorJobKind("mirror");

bool isMirror(const SyncRecord &s)
{
    return s.syncType == quint16(cim::SyncType::Mirror);
}

bool isSnapshot(const SyncRecord &s)
{
    return s.syncType == quint16(cim::SyncType::Snapshot);
}

QString opLabel(quint16 op)
{
    return cim::ValueMap::syncOperation().label(op);
}

QString stateLabel(quint16 state)
{
    return cim::ValueMap::copyState().label(state);
}

QString deviceIdOf(const Value &ref)
{
    if (isNull(ref) || ref.type() != CimType::Reference)
        return {};
    return ref.toReference().key(u"DeviceID").toString();
}
} // namespace

// --- small helpers ------------------------------------------------------------------------------

bool ReplicationService::isSnapshotTarget(const QString &deviceId) const
{
    return std::any_of(m_syncs.begin(), m_syncs.end(), [&](const SyncRecord &s) {
        return isSnapshot(s) && s.targetDeviceId == deviceId;
    });
}

std::shared_ptr<BlockDevice> ReplicationService::sourceDevice(const QString &deviceId)
{
    for (const SyncRecord &s : std::as_const(m_syncs)) {
        if (isSnapshot(s) && s.targetDeviceId == deviceId) {
            const auto snapshot = m_snapshots.constFind(s.id);
            return snapshot == m_snapshots.constEnd() ? nullptr : (*snapshot)->pointInTimeDevice();
        }
    }
    return m_storage->device(deviceId);
}

QString ReplicationService::mapPath(const SyncRecord &sync) const
{
    if (isSnapshot(sync))
        return QDir(m_options.checkpointDirectory).filePath(sync.id + QStringLiteral(".cow"));
    if (isMirror(sync))
        return QDir(m_options.checkpointDirectory).filePath(sync.id + QStringLiteral(".dirty"));
    return checkpointPath(sync.id);
}

CloneOptions ReplicationService::snapshotOptions(const SyncRecord &sync) const
{
    CloneOptions o;
    o.chunkSize = m_options.deltaChunkSize;
    o.checkpointPath = mapPath(sync);
    o.sourceFd = m_storage->fileDescriptor(sync.sourceDeviceId);
    o.targetFd = m_storage->fileDescriptor(sync.targetDeviceId);
    o.backgroundCopy = false;
    o.workers = 1;
    return o;
}

MirrorOptions ReplicationService::mirrorOptions(const SyncRecord &sync, quint16 priority) const
{
    MirrorOptions o;
    o.chunkSize = m_options.deltaChunkSize;
    o.synchronous = sync.mode == quint16(cim::Mode::Synchronous);
    o.mapPath = mapPath(sync);
    o.sourceFd = m_storage->fileDescriptor(sync.sourceDeviceId);
    o.targetFd = m_storage->fileDescriptor(sync.targetDeviceId);
    // CopyPriority, as for clones: Low yields to host I/O, High and Urgent copy more chunks at
    // once. It steers the initial copy; a pair recovered after a restart drains at Same.
    switch (priority) {
    case Low:
        o.workers = 1;
        o.priority = 0;
        o.bytesPerSecond = 64ull << 20;
        break;
    case High:
    case Urgent:
        o.workers = 4;
        o.priority = priority == Urgent ? 20 : 15;
        break;
    default:
        o.workers = 2;
        o.priority = 10;
    }
    return o;
}

quint64 ReplicationService::replicaBytesCopied(const QString &syncId) const
{
    if (const auto s = m_snapshots.constFind(syncId); s != m_snapshots.constEnd())
        return (*s)->bytesCopied();
    if (const auto m = m_mirrors.constFind(syncId); m != m_mirrors.constEnd())
        return (*m)->copiedBytes();
    return 0;
}

quint64 ReplicationService::mirrorDirtyBytes(const QString &syncId) const
{
    const auto m = m_mirrors.constFind(syncId);
    return m == m_mirrors.constEnd() ? 0 : (*m)->dirtyBytes();
}

quint64 ReplicationService::mirrorForwardedBytes(const QString &syncId) const
{
    const auto m = m_mirrors.constFind(syncId);
    return m == m_mirrors.constEnd() ? 0 : (*m)->forwardedBytes();
}

void ReplicationService::cleanMirrorMaps()
{
    for (const auto &mirror : std::as_const(m_mirrors))
        mirror->cleanNow();
}

QList<quint16> ReplicationService::supportedOperations(cim::SyncType type)
{
    switch (type) {
    case cim::SyncType::Mirror:
        return {quint16(SyncOperation::Detach),        quint16(SyncOperation::Fracture),
                quint16(SyncOperation::ResyncReplica), quint16(SyncOperation::RestoreFromReplica),
                quint16(SyncOperation::Resume),        quint16(SyncOperation::Split),
                quint16(SyncOperation::Suspend)};
    case cim::SyncType::Snapshot:
        // Resync Replica takes a new point in time. Restore from a snapshot is not offered.
        return {quint16(SyncOperation::Detach), quint16(SyncOperation::ResyncReplica)};
    case cim::SyncType::Clone:
        return {quint16(SyncOperation::Detach)};
    }
    return {};
}

cim::MethodResult ReplicationService::getSupportedOperations(const cim::Parameters &in) const
{
    std::optional<cim::SyncType> type;
    switch (in.value(u"ReplicationType").toUInt64()) {
    case 2: // Synchronous Mirror Local
    case 3: // Asynchronous Mirror Local
    case 4: // Synchronous Mirror Remote: the same pair and life cycle, its replica on a peer
    case 5: // Asynchronous Mirror Remote
        type = cim::SyncType::Mirror;
        break;
    case 12: // Synchronous Clone Remote: the copy leaves no pair here to modify
    case 13: // Asynchronous Clone Remote
        break;
    case 6: // Synchronous Snapshot Local
        type = cim::SyncType::Snapshot;
        break;
    case 10: // Synchronous Clone Local
    case 11: // Asynchronous Clone Local
        type = cim::SyncType::Clone;
        break;
    default:
        return cim::MethodResult::failure(
            quint32(ReturnCode::NotSupported),
            tr("ReplicationType %1 is not supported; SupportedReplicationTypes lists what is.")
                .arg(in.value(u"ReplicationType").toUInt64()));
    }
    QList<Value> ops;
    for (quint16 op : type ? supportedOperations(*type) : QList<quint16>())
        ops.append(Value::uint16(op));
    cim::MethodResult r;
    r.out.set(QStringLiteral("SupportedOperations"), Value::array(CimType::UInt16, ops));
    return r;
}

// --- creation -----------------------------------------------------------------------------------

cim::Result<QList<ReplicaVolume>>
ReplicationService::makeTargets(const Request &req, const QString &label, QStringList &created)
{
    QList<ReplicaVolume> targets;
    for (qsizetype i = 0; i < req.sources.size(); ++i) {
        if (req.targets[i]) {
            targets.append(*req.targets[i]);
            continue;
        }
        const ReplicaVolume &source = req.sources[i];
        const QString name =
            req.names[i].isEmpty()
                ? label.arg(source.elementName.isEmpty() ? source.deviceId : source.elementName)
                : req.names[i];
        auto made = m_storage->createVolume(req.poolId, name, source.size);
        if (!made)
            return made.error();
        created.append(made->deviceId);
        targets.append(made.value());
    }
    return targets;
}

void ReplicationService::rollbackCreate(const QStringList &syncIds,
                                        const QStringList &createdVolumes, ConcreteJob *job)
{
    for (const QString &id : syncIds) {
        if (SyncRecord *s = sync(id)) {
            if (auto m = m_mirrors.take(id))
                m->detach();
            if (auto c = m_snapshots.take(id)) {
                c->detach();
                m_storage->setServedView(s->targetDeviceId, nullptr);
            }
            (void)CheckpointMap::remove(mapPath(*s));
            m_storage->released(s->targetDeviceId);
        }
        m_syncs.removeIf([&](const SyncRecord &r) { return r.id == id; });
        if (m_syncStore)
            (void)m_syncStore->removeSync(id);
    }
    for (const QString &id : createdVolumes) {
        if (auto r = m_storage->deleteVolume(id); !r)
            qWarning("Cannot remove volume %s after a failed request: %s", qPrintable(id),
                     qPrintable(r.error().message));
    }
    if (job)
        m_jobs->discardJob(job->instanceId());
}

QFuture<cim::MethodResult> ReplicationService::answerWhenFinished(ConcreteJob *job,
                                                                  cim::MethodResult result)
{
    auto answer = [](ConcreteJob *j, cim::MethodResult r) {
        if (j->state() == cim::JobState::Completed) {
            r.returnValue = quint32(ReturnCode::Completed);
        } else {
            r.returnValue = quint32(ReturnCode::Failed);
            r.message = j->state() == cim::JobState::Exception
                            ? j->record().errorDescription
                            : tr("The job was terminated before it completed.");
        }
        return r;
    };
    if (job->isFinished())
        return QtFuture::makeReadyFuture(answer(job, result));
    auto promise = std::make_shared<QPromise<cim::MethodResult>>();
    promise->start();
    QFuture<cim::MethodResult> future = promise->future();
    auto *context = new QObject(job);
    connect(job, &ConcreteJob::stateChanged, context,
            [promise, result, context, answer](ConcreteJob *j) {
                if (!j->isFinished())
                    return;
                promise->addResult(answer(j, result));
                promise->finish();
                context->deleteLater();
            });
    return future;
}

// Snapshot: the point in time is fixed within the call, so the answer is 0 with no job. Nothing is
// copied: the copy-on-write map is created empty (a sparse file) and the observer goes on the
// source, so the cost is the same for 1 GiB and 64 GiB.
QFuture<cim::MethodResult> ReplicationService::createSnapshots(const Request &req)
{
    QStringList created;
    QStringList syncIds;
    auto fail = [&](const cim::Error &error) {
        rollbackCreate(syncIds, created, nullptr);
        return QtFuture::makeReadyFuture(failure(error));
    };
    auto targets = makeTargets(req, tr("Snapshot of %1"), created);
    if (!targets)
        return fail(targets.error());

    const QDateTime established = QDateTime::currentDateTimeUtc();
    QList<std::shared_ptr<CloneCopier>> copiers;
    for (qsizetype i = 0; i < req.sources.size(); ++i) {
        SyncRecord s;
        s.id = QStringLiteral("sync-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
        s.sourceDeviceId = req.sources[i].deviceId;
        s.targetDeviceId = targets->at(i).deviceId;
        s.sourcePath = req.sources[i].path.toString();
        s.targetPath = targets->at(i).path.toString();
        s.syncType = quint16(cim::SyncType::Snapshot);
        s.mode = quint16(cim::Mode::Synchronous);
        s.copyState = quint16(CopyState::Initialized);
        s.progressStatus = quint16(ProgressStatus::Initializing);
        s.whenEstablished = established;
        s.targetCreated = created.contains(s.targetDeviceId);
        // The row first (Initialized: a restart that finds it so drops it, since the client
        // never got an answer), then the map, then Synchronized.
        m_syncs.append(s);
        syncIds.append(s.id);
        saveSync(s);
        // The image the source's writers use (so the observer sees them), and the raw target.
        auto source = m_storage->device(s.sourceDeviceId);
        auto target = m_storage->device(s.targetDeviceId);
        if (!source || !target)
            return fail(cim::Error(
                ReturnCode::Failed,
                tr("The volumes of %1 cannot be opened.").arg(req.sources[i].elementName)));
        copiers.append(
            std::make_shared<CloneCopier>(source, target, m_queue.get(), snapshotOptions(s)));
    }

    // With ConsistentPointInTime every source is held still while all the snapshots arm.
    std::optional<WriteHold> held;
    if (req.consistentPointInTime) {
        QList<BlockDevice *> sources;
        for (const ReplicaVolume &v : req.sources)
            sources.append(m_storage->device(v.deviceId).get());
        held.emplace(sources);
    }
    cim::Result<void> armed;
    for (qsizetype i = 0; i < copiers.size() && armed; ++i) {
        armed = copiers[i]->arm();
        if (armed)
            m_snapshots.insert(syncIds[i], copiers[i]);
    }
    const QDateTime pointInTime = QDateTime::currentDateTimeUtc();
    held.reset();
    if (!armed)
        return fail(armed.error());

    QList<Value> targetRefs;
    QList<Value> syncRefs;
    for (qsizetype i = 0; i < copiers.size(); ++i) {
        SyncRecord *s = sync(syncIds[i]);
        s->copyState = quint16(CopyState::Synchronized);
        s->progressStatus = quint16(ProgressStatus::Completed);
        s->percentSynced = 100;
        s->whenSynced = pointInTime;
        saveSync(*s);
        m_storage->setServedView(s->targetDeviceId, copiers[i]->pointInTimeDevice());
        targetRefs.append(Value::reference(targets->at(i).path));
        syncRefs.append(Value::reference(synchronizedInstance(*s).path()));
    }
    Q_EMIT synchronizationsChanged();
    cim::MethodResult result;
    result.out.set(QStringLiteral("TargetElements"), Value::array(CimType::Reference, targetRefs));
    result.out.set(QStringLiteral("Synchronizations"), Value::array(CimType::Reference, syncRefs));
    result.out.set(QStringLiteral("Job"), Value::null(CimType::Reference));
    return QtFuture::makeReadyFuture(result);
}

// Mirror: a job for the initial copy. Mode 2 with no WaitForCopyState, or WaitForCopyState
// Synchronized, answers when the copy is done (as for clones); WaitForCopyState Initialized or
// Unsynchronized answers 0 at once, the job going on.
QString ReplicationService::mirrorJobKind()
{
    return QString(MirrorJobKind);
}

QFuture<cim::MethodResult> ReplicationService::createMirrors(const Request &req, ConcreteJob *given)
{
    QStringList created;
    QStringList syncIds;
    QStringList sourceNames;
    for (const ReplicaVolume &v : req.sources)
        sourceNames.append(v.elementName.isEmpty() ? v.deviceId : v.elementName);
    ConcreteJob *job = given ? given
                             : m_jobs->createJob({QString(MirrorJobKind),
                                                  QStringLiteral("CreateListReplica"),
                                                  tr("Mirror of %1").arg(sourceNames.join(u", ")),
                                                  {}});
    auto fail = [&](const cim::Error &error) {
        rollbackCreate(syncIds, created, given ? nullptr : job);
        return QtFuture::makeReadyFuture(failure(error));
    };
    auto targets = makeTargets(req, tr("Mirror of %1"), created);
    if (!targets)
        return fail(targets.error());

    const QDateTime established = QDateTime::currentDateTimeUtc();
    QJsonArray pairs;
    for (qsizetype i = 0; i < req.sources.size(); ++i) {
        SyncRecord s;
        s.id = QStringLiteral("sync-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
        s.sourceDeviceId = req.sources[i].deviceId;
        s.targetDeviceId = targets->at(i).deviceId;
        s.sourcePath = req.sources[i].path.toString();
        s.targetPath = targets->at(i).path.toString();
        s.syncType = quint16(cim::SyncType::Mirror);
        s.mode = req.mode;
        s.copyState = quint16(CopyState::Initialized);
        s.progressStatus = quint16(ProgressStatus::Initializing);
        s.whenEstablished = established;
        s.jobId = job->instanceId();
        s.targetCreated = created.contains(s.targetDeviceId);
        m_syncs.append(s);
        syncIds.append(s.id);
        saveSync(s);
        pairs.append(QJsonObject{{QStringLiteral("sync"), s.id}});
    }
    job->setParameters(QJsonDocument(QJsonObject{{QStringLiteral("pairs"), pairs},
                                                 {QStringLiteral("operation"), 0},
                                                 {QStringLiteral("priority"), int(req.priority)}})
                           .toJson(QJsonDocument::Compact));

    for (const QString &id : std::as_const(syncIds)) {
        const SyncRecord *s = sync(id);
        auto source = m_storage->device(s->sourceDeviceId);
        auto target = m_storage->device(s->targetDeviceId);
        if (!source || !target)
            return fail(cim::Error(ReturnCode::Failed,
                                   tr("The volumes of %1 cannot be opened.").arg(s->sourcePath)));
        auto session = std::make_shared<MirrorSession>(source, target, m_queue.get(),
                                                       mirrorOptions(*s, req.priority));
        // The map (every chunk with data marked) is durable and the observer in place before the
        // pair is reported: from here no source write can escape the replica.
        if (auto r = session->arm(); !r)
            return fail(r.error());
        m_mirrors.insert(id, session);
    }
    QList<Value> targetRefs;
    QList<Value> syncRefs;
    for (qsizetype i = 0; i < syncIds.size(); ++i) {
        SyncRecord *s = sync(syncIds[i]);
        s->copyState = quint16(CopyState::Unsynchronized);
        s->progressStatus = quint16(ProgressStatus::Synchronizing);
        s->percentSynced = 0;
        saveSync(*s);
        m_phaseStart.insert(s->id, 0);
        applyMirrorState(*s);
        job->addAffectedElement(targets->at(i).path);
        targetRefs.append(Value::reference(targets->at(i).path));
        syncRefs.append(Value::reference(synchronizedInstance(*s).path()));
    }
    startMirrorTask(job, syncIds, quint16(ProgressStatus::Synchronizing));
    Q_EMIT synchronizationsChanged();

    cim::MethodResult result;
    result.out.set(QStringLiteral("TargetElements"), Value::array(CimType::Reference, targetRefs));
    result.out.set(QStringLiteral("Synchronizations"), Value::array(CimType::Reference, syncRefs));
    result.out.set(QStringLiteral("Job"), Value::reference(job->path()));
    const bool waitForEnd =
        !given && (req.waitFor == quint16(CopyState::Synchronized) ||
                   (!req.waitFor && req.modeGiven && req.mode == quint16(cim::Mode::Synchronous)));
    if (waitForEnd)
        return answerWhenFinished(job, result);
    result.returnValue =
        quint32(req.waitFor && !given ? ReturnCode::Completed : ReturnCode::JobStarted);
    return QtFuture::makeReadyFuture(result);
}

// --- mirrors: state, monitoring, jobs -------------------------------------------------------

void ReplicationService::applyMirrorState(const SyncRecord &s)
{
    const std::shared_ptr<MirrorSession> session = m_mirrors.value(s.id);
    if (!session)
        return;
    using D = MirrorSession::Direction;
    switch (CopyState(s.copyState)) {
    case CopyState::Initialized:
    case CopyState::Unsynchronized: {
        const bool restoring = s.progressStatus == quint16(ProgressStatus::Restoring) ||
                               (s.progressStatus == quint16(ProgressStatus::Dormant) &&
                                session->direction() == D::ToSource);
        session->setTrackTarget(false);
        session->setForwarding(true);
        session->setDraining(s.progressStatus != quint16(ProgressStatus::Dormant),
                             restoring ? D::ToSource : D::ToReplica);
        break;
    }
    case CopyState::Synchronized:
        session->setTrackTarget(false);
        session->setForwarding(true);
        session->setDraining(true, D::ToReplica); // an asynchronous mirror's lag
        break;
    case CopyState::Fractured:
    case CopyState::Split:
        // The replica is the hosts' now: its writes are tracked so a resync undoes them.
        session->setForwarding(false);
        session->setDraining(false, D::ToReplica);
        session->setTrackTarget(true);
        break;
    default: // Suspended, Aborted, Broken: writes only mark chunks dirty
        session->setForwarding(false);
        session->setDraining(false, D::ToReplica);
        session->setTrackTarget(false);
    }
}

void ReplicationService::startMirrorTask(ConcreteJob *job, const QStringList &syncIds,
                                         quint16 progressStatus)
{
    auto task = std::make_shared<MirrorTask>();
    task->service = this;
    task->job = job;
    task->syncIds = syncIds;
    task->progressStatus = progressStatus;
    job->setControl(task.get());
    m_mirrorTasks.insert(job->instanceId(), task);
    if (job->state() == cim::JobState::New)
        job->setRunning();
    if (!m_monitor.isActive())
        m_monitor.start();
}

void ReplicationService::MirrorTask::suspend()
{
    for (const QString &id : std::as_const(syncIds)) {
        SyncRecord *s = service->sync(id);
        const auto session = service->m_mirrors.value(id);
        if (!s || !session || s->copyState != quint16(CopyState::Unsynchronized))
            continue;
        // Copying pauses; writes still reach the replica where it is in step (or, restoring,
        // still restore their chunks first).
        session->setDraining(false, session->direction());
        s->progressStatus = quint16(ProgressStatus::Dormant);
        service->saveSync(*s);
    }
    Q_EMIT service->synchronizationsChanged();
}

void ReplicationService::MirrorTask::resume()
{
    for (const QString &id : std::as_const(syncIds)) {
        SyncRecord *s = service->sync(id);
        if (!s || s->copyState != quint16(CopyState::Unsynchronized))
            continue;
        s->progressStatus = progressStatus;
        service->saveSync(*s);
        service->applyMirrorState(*s);
    }
    Q_EMIT service->synchronizationsChanged();
}

// A terminated copy leaves its pairs Aborted: the replica holds part of the copy, the dirty map
// what is still missing, so Resync Replica continues from there.
void ReplicationService::MirrorTask::terminate()
{
    for (const QString &id : std::as_const(syncIds)) {
        SyncRecord *s = service->sync(id);
        if (!s || s->copyState != quint16(CopyState::Unsynchronized))
            continue;
        s->copyState = quint16(CopyState::Aborted);
        s->progressStatus = quint16(ProgressStatus::NotApplicable);
        service->saveSync(*s);
        service->applyMirrorState(*s);
    }
    if (job)
        job->setTerminated();
    const QString jobId = job ? job->instanceId() : QString();
    ReplicationService *owner = service;
    // This task is the job's control and may be on the stack: let it go once the call returned.
    QMetaObject::invokeMethod(
        owner, [owner, jobId] { owner->m_mirrorTasks.remove(jobId); }, Qt::QueuedConnection);
    Q_EMIT owner->synchronizationsChanged();
}

// Sampled on the engine thread (never per chunk): errors end pairs Broken, drained pairs become
// Synchronized, PercentSynced and the lag move, jobs end when all their pairs are in step, and
// every second the dirty maps forget what both sides hold alike.
void ReplicationService::monitorMirrors()
{
    ++m_monitorTicks;
    const bool housekeeping = m_monitorTicks % 10 == 0;
    bool changed = false;
    for (SyncRecord &s : m_syncs) {
        if (!isMirror(s))
            continue;
        const std::shared_ptr<MirrorSession> session = m_mirrors.value(s.id);
        if (!session)
            continue;
        if (const QString error = session->error();
            !error.isEmpty() && s.copyState != quint16(CopyState::Broken)) {
            // Broken / Not Applicable: a copy or a forward failed; the dirty map keeps what the
            // replica lacks, and Resync Replica tries again.
            qWarning("Mirror %s is broken: %s", qPrintable(s.id), qPrintable(error));
            s.copyState = quint16(CopyState::Broken);
            s.progressStatus = quint16(ProgressStatus::NotApplicable);
            saveSync(s);
            applyMirrorState(s);
            if (auto task = m_mirrorTasks.value(s.jobId); task && task->job) {
                task->job->setFailed({quint32(ReturnCode::Failed), error, JobErrorType::Hardware});
            }
            changed = true;
            continue;
        }
        if (s.copyState == quint16(CopyState::Unsynchronized) &&
            s.progressStatus != quint16(ProgressStatus::Dormant)) {
            if (session->isInStep()) {
                // In step: Synchronized / Completed; a restore hands the direction back.
                if (session->direction() == MirrorSession::Direction::ToSource)
                    session->setDraining(true, MirrorSession::Direction::ToReplica);
                s.copyState = quint16(CopyState::Synchronized);
                s.progressStatus = quint16(ProgressStatus::Completed);
                s.percentSynced = 100;
                s.whenSynced = QDateTime::currentDateTimeUtc();
                saveSync(s);
                applyMirrorState(s);
                changed = true;
            } else {
                const quint64 done = session->copiedBytes() - m_phaseStart.value(s.id);
                const quint64 left = session->dirtyBytes();
                const quint16 percent =
                    quint16(std::min<quint64>(99, done * 100 / std::max<quint64>(1, done + left)));
                if (percent != s.percentSynced) {
                    s.percentSynced = percent; // shown; persisted with the next state change
                    changed = true;
                }
            }
        }
        const quint64 lag = session->dirtyBytes();
        if (lag != m_lastLag.value(s.id)) {
            m_lastLag.insert(s.id, lag);
            changed = true;
        }
        if (housekeeping) {
            session->kick();
            session->scheduleClean();
        }
    }
    for (auto it = m_mirrorTasks.begin(); it != m_mirrorTasks.end();) {
        const std::shared_ptr<MirrorTask> task = *it;
        ConcreteJob *job = task->job;
        if (!job || job->isFinished()) {
            it = m_mirrorTasks.erase(it);
            continue;
        }
        bool allInStep = true;
        quint64 percent = 0;
        for (const QString &id : std::as_const(task->syncIds)) {
            const SyncRecord *s = sync(id);
            allInStep = allInStep && s && s->copyState == quint16(CopyState::Synchronized);
            percent += s ? s->percentSynced : 100;
        }
        if (allInStep) {
            if (job->state() != cim::JobState::Running)
                job->setRunning();
            job->setPercentComplete(100);
            job->setCompleted();
            job->setControl(nullptr);
            it = m_mirrorTasks.erase(it);
            continue;
        }
        job->setPercentComplete(
            quint16(std::min<quint64>(99, percent / std::max<qsizetype>(1, task->syncIds.size()))));
        ++it;
    }
    if (changed)
        Q_EMIT synchronizationsChanged();
    if (m_mirrors.isEmpty() && m_mirrorTasks.isEmpty())
        m_monitor.stop();
}

// A mirror job found unfinished after a restart. Its pairs came back in recover() (their sessions
// re-armed from the dirty maps, copying again); the job only needs its control back.
cim::Result<void> ReplicationService::resumeMirrorJob(ConcreteJob *job)
{
    const QJsonObject params = QJsonDocument::fromJson(job->record().parameters).object();
    const QJsonArray pairs = params.value(QStringLiteral("pairs")).toArray();
    const int op = params.value(QStringLiteral("operation")).toInt();
    if (pairs.isEmpty() && params.contains(QStringLiteral("peer")))
        return cim::Error(ReturnCode::Failed,
                          tr("the engine stopped while it made the replicas on %1; no mirror "
                             "was set up (the volumes it made there are listed with the job)")
                              .arg(params.value(QStringLiteral("peer")).toString()));
    if (pairs.isEmpty())
        return cim::Error(ReturnCode::Failed, tr("its parameters are missing"));
    QStringList ids;
    for (const QJsonValue &p : pairs) {
        const QString id = p.toObject().value(QStringLiteral("sync")).toString();
        if (!sync(id) || !m_mirrors.contains(id))
            return cim::Error(ReturnCode::Failed, tr("the mirror %1 is gone").arg(id));
        ids.append(id);
    }
    const quint16 progress =
        op == int(SyncOperation::RestoreFromReplica) ? quint16(ProgressStatus::Restoring)
        : op == int(SyncOperation::ResyncReplica)    ? quint16(ProgressStatus::Resyncing)
                                                     : quint16(ProgressStatus::Synchronizing);
    startMirrorTask(job, ids, progress);
    auto task = m_mirrorTasks.value(job->instanceId());
    if (job->state() == cim::JobState::ShuttingDown) {
        task->terminate(); // Terminate was under way: finish it
        return {};
    }
    const bool suspended = job->state() == cim::JobState::Suspended;
    for (const QString &id : std::as_const(ids)) {
        SyncRecord *s = sync(id);
        if (s->copyState != quint16(CopyState::Unsynchronized))
            continue;
        s->progressStatus = suspended ? quint16(ProgressStatus::Dormant) : progress;
        saveSync(*s);
        if (suspended) {
            // Held, but a suspended restore still restores a chunk before a write lands on it.
            m_mirrors.value(id)->setDraining(false, progress == quint16(ProgressStatus::Restoring)
                                                        ? MirrorSession::Direction::ToSource
                                                        : MirrorSession::Direction::ToReplica);
        } else {
            applyMirrorState(*s);
        }
    }
    Q_EMIT synchronizationsChanged();
    return {};
}

// After a restart, before any job resumes and before the engine serves anything:
//   snapshots re-arm from their copy-on-write maps (a chunk the map marks is read from the delta,
//   any other from the source, which no write has reached since — see CloneCopier); one whose map
//   is gone is Broken, since it can no longer promise its point in time. A snapshot still
//   Initialized was never reported to the client and is dropped.
//   mirrors re-arm from their dirty maps: every chunk the map marks is copied again (Resyncing),
//   nothing else; a missing map means a full resync. Their observers are back on the sources
//   before anything can write.
void ReplicationService::recoverSnapshotsAndMirrors()
{
    QStringList dropped;
    for (SyncRecord &s : m_syncs) {
        if (!isSnapshot(s) && !isMirror(s))
            continue;
        if (s.copyState == quint16(CopyState::Broken))
            continue;
        auto source = m_storage->device(s.sourceDeviceId);
        auto target = m_storage->device(s.targetDeviceId);
        auto broken = [&](const QString &why) {
            qWarning("Synchronization %s cannot come back: %s", qPrintable(s.id), qPrintable(why));
            s.copyState = quint16(CopyState::Broken);
            s.progressStatus = quint16(ProgressStatus::NotApplicable);
            saveSync(s);
        };
        if (isSnapshot(s)) {
            if (s.copyState == quint16(CopyState::Initialized)) {
                dropped.append(s.id);
                continue;
            }
            if (!source || !target) {
                broken(tr("a volume is gone"));
                continue;
            }
            auto copier =
                std::make_shared<CloneCopier>(source, target, m_queue.get(), snapshotOptions(s));
            if (auto r = copier->arm(true); !r) {
                broken(r.error().message);
                continue;
            }
            m_snapshots.insert(s.id, copier);
            m_storage->setServedView(s.targetDeviceId, copier->pointInTimeDevice());
            continue;
        }
        if (!source || !target) {
            broken(tr("a volume is gone"));
            continue;
        }
        auto session =
            std::make_shared<MirrorSession>(source, target, m_queue.get(), mirrorOptions(s, Same));
        bool full = false;
        if (auto r = session->rearm(&full); !r) {
            broken(r.error().message);
            continue;
        }
        if (full)
            qWarning("Mirror %s has no dirty map: resyncing all of it", qPrintable(s.id));
        m_mirrors.insert(s.id, session);
        m_phaseStart.insert(s.id, 0);
        if (s.copyState == quint16(CopyState::Initialized) ||
            (s.copyState == quint16(CopyState::Synchronized) && !session->isInStep())) {
            s.progressStatus = quint16(s.copyState == quint16(CopyState::Initialized)
                                           ? ProgressStatus::Synchronizing
                                           : ProgressStatus::Resyncing);
            s.copyState = quint16(CopyState::Unsynchronized);
            s.percentSynced = 0;
            saveSync(s);
        }
        applyMirrorState(s);
    }
    for (const QString &id : std::as_const(dropped)) {
        const SyncRecord s = *sync(id);
        m_syncs.removeIf([&](const SyncRecord &r) { return r.id == id; });
        if (m_syncStore)
            (void)m_syncStore->removeSync(id);
        (void)CheckpointMap::remove(mapPath(s));
        if (s.targetCreated)
            (void)m_storage->deleteVolume(s.targetDeviceId);
    }
    if (!m_mirrors.isEmpty())
        m_monitor.start();
}

// Maps whose pair is gone: a crash between removing a pair's row and its map (rows go first).
void ReplicationService::removeOrphanMaps()
{
    QSet<QString> ids;
    for (const SyncRecord &s : std::as_const(m_syncs))
        ids.insert(s.id);
    const QDir dir(m_options.checkpointDirectory);
    const QStringList files = dir.entryList({QStringLiteral("*.map"), QStringLiteral("*.cow"),
                                             QStringLiteral("*.dirty"), QStringLiteral("*.tmp")},
                                            QDir::Files);
    for (const QString &file : files) {
        if (!ids.contains(file.section(QLatin1Char('.'), 0, 0)))
            QFile::remove(dir.filePath(file));
    }
}

// --- ModifyListSynchronization / ModifyReplicaSynchronization ----------------------------------

MethodSpec ReplicationService::modifyListSynchronizationSpec()
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

MethodSpec ReplicationService::modifyReplicaSynchronizationSpec()
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

MethodSpec ReplicationService::getSupportedOperationsSpec()
{
    using P = ParameterSpec;
    return {QStringLiteral("GetSupportedOperations"),
            {
                {QStringLiteral("ReplicationType"), CimType::UInt16, false, P::In, true, {}},
                {QStringLiteral("SupportedOperations"), CimType::UInt16, true, P::Out, false, {}},
            }};
}

QFuture<cim::MethodResult> ReplicationService::modifyListSynchronization(const cim::Parameters &in)
{
    return modify(in, true);
}

QFuture<cim::MethodResult>
ReplicationService::modifyReplicaSynchronization(const cim::Parameters &in)
{
    return modify(in, false);
}

cim::Result<ReplicationService::Modify>
ReplicationService::validateModify(const cim::Parameters &in, bool listMethod)
{
    auto invalid = [](const QString &message) {
        return cim::Error(ReturnCode::InvalidParameter, message);
    };
    Modify m;
    const quint64 op = in.value(u"Operation").toUInt64();
    // Activate/Deactivate Consistency, AddSyncPair and RemoveSyncPair work on replication
    // groups: they are ModifyReplicaSynchronization's only (DMTF Reserved in the list method).
    if (listMethod && (op == 3 || op == 5 || op == 6 || op == 13))
        return invalid(tr("Operation %1 is not a ModifyListSynchronization operation; it exists "
                          "only in ModifyReplicaSynchronization.")
                           .arg(op));
    if (op < 2 || op > 26)
        return invalid(tr("Operation %1 is not a known operation.").arg(op));
    m.operation = SyncOperation(op);

    const Value syncValue = in.value(u"Synchronization");
    const QList<Value> refs = listMethod ? syncValue.elements() : QList<Value>{syncValue};
    if (refs.isEmpty())
        return invalid(tr("Synchronization names no synchronization."));
    for (qsizetype i = 0; i < refs.size(); ++i) {
        const Value &ref = refs[i];
        if (isNull(ref))
            return invalid(tr("Synchronization[%1] is NULL.").arg(i));
        const cim::ObjectPath path = ref.toReference();
        // Through the storage, which knows a peer's path for a replica there; else by DeviceID.
        auto resolve = [this](const Value &element) {
            if (!isNull(element) && element.type() == CimType::Reference) {
                if (auto v = m_storage->volume(element.toReference()))
                    return v->deviceId;
            }
            return deviceIdOf(element);
        };
        const QString source = resolve(path.key(u"SystemElement"));
        const QString target = resolve(path.key(u"SyncedElement"));
        const SyncRecord *found = nullptr;
        for (const SyncRecord &s : std::as_const(m_syncs)) {
            if (!target.isEmpty() && s.targetDeviceId == target && s.sourceDeviceId == source)
                found = &s;
        }
        if (!found)
            return invalid(tr("There is no synchronization %1.").arg(path.toString()));
        if (m.syncIds.contains(found->id))
            return invalid(tr("Synchronization %1 appears twice.").arg(path.toString()));
        if (m.syncIds.isEmpty()) {
            m.syncType = found->syncType;
            m.mode = found->mode;
        } else if (found->syncType != m.syncType) {
            return invalid(tr("The synchronizations mix SyncTypes (%1 and %2); one request "
                              "modifies one kind.")
                               .arg(cim::ValueMap::syncType().label(m.syncType),
                                    cim::ValueMap::syncType().label(found->syncType)));
        } else if (found->mode != m.mode) {
            return invalid(tr("The synchronizations mix Modes (%1 and %2); one request modifies "
                              "one kind.")
                               .arg(cim::ValueMap::mode().label(m.mode),
                                    cim::ValueMap::mode().label(found->mode)));
        }
        m.syncIds.append(found->id);
    }

    if (!supportedOperations(cim::SyncType(m.syncType)).contains(quint16(op))) {
        return cim::Error(
            ReturnCode::NotSupported,
            tr("%1 does not apply to %2 synchronizations here; "
               "GetSupportedOperations lists what does.")
                .arg(opLabel(quint16(op)), cim::ValueMap::syncType().label(m.syncType)));
    }

    // The CopyStates each operation starts from; anything else is refused and nothing changes.
    QList<CopyState> from;
    const bool mirror = m.syncType == quint16(cim::SyncType::Mirror);
    const bool snapshot = m.syncType == quint16(cim::SyncType::Snapshot);
    switch (m.operation) {
    case SyncOperation::Detach:
        if (mirror)
            from = {CopyState::Synchronized, CopyState::Fractured, CopyState::Split,
                    CopyState::Suspended,    CopyState::Broken,    CopyState::Aborted};
        else if (snapshot)
            from = {CopyState::Synchronized, CopyState::Broken};
        else
            from = {CopyState::Synchronized, CopyState::Broken, CopyState::Aborted};
        break;
    case SyncOperation::Fracture:
    case SyncOperation::Split:
    case SyncOperation::Suspend:
        from = {CopyState::Synchronized};
        break;
    case SyncOperation::Resume:
        from = {CopyState::Suspended};
        break;
    case SyncOperation::ResyncReplica:
        if (snapshot)
            from = {CopyState::Synchronized, CopyState::Broken};
        else
            from = {CopyState::Fractured, CopyState::Split, CopyState::Broken, CopyState::Aborted};
        break;
    case SyncOperation::RestoreFromReplica:
        from = {CopyState::Fractured, CopyState::Split};
        break;
    default:
        break;
    }
    for (const QString &id : std::as_const(m.syncIds)) {
        const SyncRecord *s = sync(id);
        if (!from.contains(CopyState(s->copyState))) {
            QStringList allowed;
            for (CopyState c : std::as_const(from))
                allowed.append(stateLabel(quint16(c)));
            return invalid(tr("%1 needs a synchronization that is %2; %3 is %4.")
                               .arg(opLabel(quint16(op)), allowed.join(tr(" or ")), s->targetPath,
                                    stateLabel(s->copyState)));
        }
        // A snapshot a clone still reads keeps its point in time until the clone is done.
        if (snapshot) {
            for (const SyncRecord &r : std::as_const(m_syncs)) {
                if (r.sourceDeviceId == s->targetDeviceId && !copyEnded(r))
                    return cim::Error(ReturnCode::InUse,
                                      tr("A clone is still being copied from the snapshot %1.")
                                          .arg(s->targetPath));
            }
        }
    }

    if (const Value wait = in.value(u"WaitForCopyState"); !isNull(wait)) {
        QList<CopyState> reachable;
        switch (m.operation) {
        case SyncOperation::Fracture:
            reachable = {CopyState::Fractured};
            break;
        case SyncOperation::Split:
            reachable = {CopyState::Split};
            break;
        case SyncOperation::Suspend:
            reachable = {CopyState::Suspended};
            break;
        case SyncOperation::Resume:
        case SyncOperation::ResyncReplica:
        case SyncOperation::RestoreFromReplica:
            reachable = {CopyState::Synchronized};
            if (mirror)
                reachable.append(CopyState::Unsynchronized);
            break;
        default:
            break; // Detach: the pair is gone, there is no state to wait for
        }
        if (!reachable.contains(CopyState(wait.toUInt64())))
            return invalid(tr("%1 never leaves a synchronization in CopyState %2, so "
                              "WaitForCopyState cannot be %3.")
                               .arg(opLabel(quint16(op)), stateLabel(quint16(wait.toUInt64())))
                               .arg(wait.toUInt64()));
        m.waitFor = quint16(wait.toUInt64());
    }
    return m;
}

QFuture<cim::MethodResult> ReplicationService::modify(const cim::Parameters &in, bool listMethod)
{
    auto validated = validateModify(in, listMethod);
    if (!validated)
        return QtFuture::makeReadyFuture(failure(validated.error()));
    const Modify m = std::move(validated).value();
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
        done = fracture(m);
        break;
    case SyncOperation::Suspend:
        // Suspended / Dormant: nothing reaches the replica; writes mark chunks for Resume.
        for (const QString &id : m.syncIds) {
            SyncRecord *s = sync(id);
            s->copyState = quint16(CopyState::Suspended);
            s->progressStatus = quint16(ProgressStatus::Dormant);
            saveSync(*s);
            applyMirrorState(*s);
        }
        break;
    case SyncOperation::ResyncReplica:
        if (m.syncType == quint16(cim::SyncType::Snapshot)) {
            for (const QString &id : m.syncIds) {
                if (done = refreshSnapshot(*sync(id)); !done)
                    break;
            }
            break;
        }
        job = startCopyPhase(m);
        break;
    case SyncOperation::Resume:
    case SyncOperation::RestoreFromReplica:
        job = startCopyPhase(m);
        break;
    default:
        done = cim::Error(ReturnCode::NotSupported, tr("Not supported."));
    }
    Q_EMIT synchronizationsChanged();
    if (!done)
        return QtFuture::makeReadyFuture(failure(done.error()));
    if (!job)
        return QtFuture::makeReadyFuture(result);
    result.out.set(QStringLiteral("Job"), Value::reference(job->path()));
    if (m.waitFor == quint16(CopyState::Synchronized))
        return answerWhenFinished(job, result);
    result.returnValue = quint32(m.waitFor ? ReturnCode::Completed : ReturnCode::JobStarted);
    return QtFuture::makeReadyFuture(result);
}

// Fracture and Split: the replica stops following and becomes the hosts' own, holding the source
// as it was at one instant. The sources are held still while an asynchronous mirror's lag is
// copied (a synchronous one has none), so that instant is the same for every pair of a Split.
cim::Result<void> ReplicationService::fracture(const Modify &m)
{
    QList<BlockDevice *> sources;
    for (const QString &id : m.syncIds)
        sources.append(m_storage->device(sync(id)->sourceDeviceId).get());
    WriteHold held(sources);
    cim::Result<void> drained;
    for (const QString &id : m.syncIds) {
        if (drained = m_mirrors.value(id)->drainNow(); !drained)
            break;
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (drained) {
        for (const QString &id : m.syncIds) {
            SyncRecord *s = sync(id);
            s->copyState = quint16(m.operation == SyncOperation::Split ? CopyState::Split
                                                                       : CopyState::Fractured);
            s->progressStatus = quint16(ProgressStatus::Completed);
            s->percentSynced = 100;
            s->whenSynced = now;
            saveSync(*s);
            applyMirrorState(*s);
        }
    }
    held.release();
    if (!drained)
        return cim::Error(ReturnCode::Failed, tr("The replica could not be brought up to date "
                                                 "before the fracture: %1")
                                                  .arg(drained.error().message));
    return {};
}

// Resume, Resync Replica, Restore From Replica on mirrors: the dirty map holds exactly what
// differs (source writes since the fracture or suspension, and replica writes while fractured),
// so only those chunks are copied, to the replica or, restoring, back to the source. The new
// state is persisted before copying starts, so a crash resumes the same phase. No job when nothing
// differs: the pairs are Synchronized at once.
ConcreteJob *ReplicationService::startCopyPhase(const Modify &m)
{
    const quint16 progress =
        m.operation == SyncOperation::RestoreFromReplica ? quint16(ProgressStatus::Restoring)
        : m.operation == SyncOperation::ResyncReplica    ? quint16(ProgressStatus::Resyncing)
                                                         : quint16(ProgressStatus::Synchronizing);
    bool anyDirty = false;
    for (const QString &id : m.syncIds) {
        SyncRecord *s = sync(id);
        const auto session = m_mirrors.value(id);
        session->clearError();
        session->setTrackTarget(false);
        const std::optional<ReplicaVolume> target = m_storage->volumeById(s->targetDeviceId);
        if (target && target->onPeer &&
            (s->copyState == quint16(CopyState::Fractured) ||
             s->copyState == quint16(CopyState::Split))) {
            // Hosts on the peer may have written the replica, and those writes were not seen
            // here: every chunk is copied again.
            if (auto r = session->markAllDirty(); !r)
                qWarning("Mirror %s: %s", qPrintable(id), qPrintable(r.error().message));
        }
        m_storage->retryNow(s->targetDeviceId);
        s->copyState = quint16(CopyState::Unsynchronized);
        s->progressStatus = progress;
        s->percentSynced = 0;
        m_phaseStart.insert(id, session->copiedBytes());
        anyDirty = anyDirty || !session->isInStep();
    }
    if (!anyDirty) {
        for (const QString &id : m.syncIds) {
            SyncRecord *s = sync(id);
            s->copyState = quint16(CopyState::Synchronized);
            s->progressStatus = quint16(ProgressStatus::Completed);
            s->percentSynced = 100;
            s->whenSynced = QDateTime::currentDateTimeUtc();
            saveSync(*s);
            applyMirrorState(*s);
        }
        return nullptr;
    }
    QStringList names;
    QJsonArray pairs;
    for (const QString &id : m.syncIds) {
        names.append(sync(id)->targetPath);
        pairs.append(QJsonObject{{QStringLiteral("sync"), id}});
    }
    const QString what = m.operation == SyncOperation::RestoreFromReplica ? tr("Restore from %1")
                         : m.operation == SyncOperation::ResyncReplica    ? tr("Resync of %1")
                                                                          : tr("Resume of %1");
    ConcreteJob *job = m_jobs->createJob(
        {QString(MirrorJobKind), QStringLiteral("ModifyListSynchronization"),
         what.arg(names.join(u", ")),
         QJsonDocument(QJsonObject{{QStringLiteral("pairs"), pairs},
                                   {QStringLiteral("operation"), int(m.operation)}})
             .toJson(QJsonDocument::Compact)});
    for (const QString &id : m.syncIds) {
        SyncRecord *s = sync(id);
        s->jobId = job->instanceId();
        saveSync(*s);
        applyMirrorState(*s);
        job->addAffectedElement(*cim::ObjectPath::fromString(
            m.operation == SyncOperation::RestoreFromReplica ? s->sourcePath : s->targetPath));
    }
    startMirrorTask(job, m.syncIds, progress);
    if (!m_monitor.isActive())
        m_monitor.start();
    return job;
}

// Detach: the pair is forgotten. A mirror's or clone's replica stays as an independent volume. A
// snapshot's replica is only a delta against its source, useless alone, so detaching returns its
// space: the volume goes when the engine made it, or is emptied when the client supplied it.
// Order: row, then map, then the volume; a crash in between leaves an orphan map (removed at the
// next start) or an orphan volume (visible, deletable), never a pair without its map.
cim::Result<void> ReplicationService::detach(const QString &syncId)
{
    const SyncRecord s = *sync(syncId);
    if (m_syncStore) {
        if (auto r = m_syncStore->removeSync(syncId); !r)
            return r;
    }
    if (auto mirror = m_mirrors.take(syncId))
        mirror->detach();
    if (auto snapshot = m_snapshots.take(syncId)) {
        snapshot->detach();
        m_storage->setServedView(s.targetDeviceId, nullptr);
    }
    m_syncs.removeIf([&](const SyncRecord &r) { return r.id == syncId; });
    m_phaseStart.remove(syncId);
    m_lastLag.remove(syncId);
    (void)CheckpointMap::remove(mapPath(s));
    m_storage->released(s.targetDeviceId);
    if (isSnapshot(s)) {
        if (s.targetCreated) {
            if (auto r = m_storage->deleteVolume(s.targetDeviceId); !r)
                qWarning("Cannot remove the snapshot volume %s: %s", qPrintable(s.targetDeviceId),
                         qPrintable(r.error().message));
        } else if (auto target = m_storage->device(s.targetDeviceId)) {
            (void)target->discardUnobserved(0, target->size());
        }
    }
    return {};
}

// Resync Replica on a snapshot: a new point in time, now. The source is held while the old
// copy-on-write observer goes and the new one arms; the new map replaces the old one atomically
// (CheckpointMap::create renames) before the delta is emptied, so a crash in between leaves a
// snapshot of the source as it was at the crash, which no write has reached.
cim::Result<void> ReplicationService::refreshSnapshot(SyncRecord &s)
{
    auto source = m_storage->device(s.sourceDeviceId);
    auto target = m_storage->device(s.targetDeviceId);
    if (!source || !target)
        return cim::Error(ReturnCode::Failed,
                          tr("The volumes of %1 cannot be opened.").arg(s.targetPath));
    auto copier = std::make_shared<CloneCopier>(source, target, m_queue.get(), snapshotOptions(s));
    source->holdWrites();
    if (auto old = m_snapshots.take(s.id))
        old->detach();
    const cim::Result<void> armed = copier->arm();
    if (armed) {
        m_snapshots.insert(s.id, copier);
        m_storage->setServedView(s.targetDeviceId, copier->pointInTimeDevice());
    } else {
        m_storage->setServedView(s.targetDeviceId, nullptr);
    }
    const QDateTime pointInTime = QDateTime::currentDateTimeUtc();
    source->releaseWrites();
    if (!armed) {
        s.copyState = quint16(CopyState::Broken);
        s.progressStatus = quint16(ProgressStatus::NotApplicable);
        saveSync(s);
        return armed;
    }
    s.copyState = quint16(CopyState::Synchronized);
    s.progressStatus = quint16(ProgressStatus::Completed);
    s.whenSynced = pointInTime;
    saveSync(s);
    return {};
}

} // namespace rd::engine
