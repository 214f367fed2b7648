// State choices (SMI-S Replication Services), written where they are decided below and checked by
// PairRegistry's table: Unsynchronized / Synchronizing during the initial copy (Resyncing for a
// resync or a recovery, Restoring for a restore, Dormant while its job is suspended), then
// Synchronized / Completed. Fracture → Fractured, Split → Split (both Completed: the replica holds
// the source as of WhenSynced and hosts may use it), Suspend → Suspended / Dormant, a failed copy
// or forward → Broken, a terminated job → Aborted.

#include "mirrorpairs.h"

#include "copypacing.h"
#include "jobs/enginejob.h"
#include "jobs/jobanswer.h"
#include "replicationprovider.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace rd::engine {

using cim::CimType;
using cim::CopyState;
using cim::ProgressStatus;
using cim::ReturnCode;
using cim::SyncOperation;
using cim::Value;

namespace {
constexpr QLatin1StringView MirrorJobKind("mirror");
} // namespace

// A mirror copy phase (initial copy, resync, resume, restore) behind one ConcreteJob: what
// RequestStateChange steers. The sessions drain on their own; the job shows and steers them.
struct MirrorPairs::Task final : public EngineJob
{
    explicit Task(ConcreteJob *job)
        : EngineJob(job)
    {}
    // The monitor reports for the task as its pairs move.
    using EngineJob::emitError;
    using EngineJob::emitResult;
    using EngineJob::setPercent;

    MirrorPairs *owner = nullptr;
    QStringList syncIds;
    quint16 progressStatus = quint16(ProgressStatus::Synchronizing); // while it runs

    bool copying(const QString &id) const
    {
        const SyncRecord *s = owner->m_context->pairs->find(id);
        return s && s->copyState == quint16(CopyState::Unsynchronized);
    }

protected:
    // The sessions drain on their own from the moment they are armed.
    void doStart() override {}
    void doSuspend() override
    {
        for (const QString &id : std::as_const(syncIds)) {
            const auto session = owner->m_mirrors.value(id);
            if (!session || !copying(id))
                continue;
            // Copying pauses; writes still reach the replica where it is in step (or, restoring,
            // still restore their chunks first).
            session->setDraining(false, session->direction());
            (void)owner->m_context->pairs->transition(id, CopyState::Unsynchronized,
                                                      ProgressStatus::Dormant);
        }
        owner->m_context->changed();
    }

    void doResume() override
    {
        for (const QString &id : std::as_const(syncIds)) {
            if (!copying(id))
                continue;
            (void)owner->m_context->pairs->transition(id, CopyState::Unsynchronized,
                                                      ProgressStatus(progressStatus));
            owner->applyState(id);
        }
        owner->m_context->changed();
    }

    // A terminated copy leaves its pairs Aborted: the replica holds part of the copy, the dirty
    // map what is still missing, so Resync Replica continues from there. The job ends stopped
    // here, before the pairs are announced as changed.
    bool doKill() override
    {
        for (const QString &id : std::as_const(syncIds)) {
            if (!copying(id))
                continue;
            (void)owner->m_context->pairs->transition(id, CopyState::Aborted,
                                                      ProgressStatus::NotApplicable);
            owner->applyState(id);
        }
        emitStopped();
        const QString jobId = job() ? job()->instanceId() : QString();
        MirrorPairs *pairs = owner;
        // This task is the job's control and may be on the stack: let it go once the call
        // returned.
        QMetaObject::invokeMethod(
            pairs->m_context->receiver, [pairs, jobId] { pairs->m_tasks.remove(jobId); },
            Qt::QueuedConnection);
        pairs->m_context->changed();
        return false;
    }
};

MirrorPairs::MirrorPairs(ReplicationContext *context)
    : m_context(context)
{
    m_monitor.setInterval(std::max(10, context->options.monitorIntervalMs));
    QObject::connect(&m_monitor, &QTimer::timeout, context->receiver, [this] { monitor(); });
}

MirrorPairs::~MirrorPairs() = default;

QString MirrorPairs::jobKind()
{
    return QString(MirrorJobKind);
}

void MirrorPairs::releaseJobs()
{
    // Each task lets go of its job as it goes (EngineJob).
    m_tasks.clear();
}

void MirrorPairs::stop()
{
    m_monitor.stop();
    for (const auto &mirror : std::as_const(m_mirrors))
        mirror->detach();
}

MirrorOptions MirrorPairs::options(const SyncRecord &sync, quint16 priority) const
{
    MirrorOptions o;
    o.chunkSize = m_context->options.deltaChunkSize;
    o.synchronous = sync.mode == quint16(cim::Mode::Synchronous);
    o.mapPath = m_context->mapPath(sync);
    o.sourceFd = m_context->storage->fileDescriptor(sync.sourceDeviceId);
    o.targetFd = m_context->storage->fileDescriptor(sync.targetDeviceId);
    // CopyPriority steers the initial copy; a pair recovered after a restart drains at Same.
    CopyPacing::apply(o, priority);
    return o;
}

std::optional<quint64> MirrorPairs::dirtyBytes(const QString &syncId) const
{
    const auto m = m_mirrors.constFind(syncId);
    if (m == m_mirrors.constEnd())
        return std::nullopt;
    return (*m)->dirtyBytes();
}

std::optional<quint64> MirrorPairs::copiedBytes(const QString &syncId) const
{
    const auto m = m_mirrors.constFind(syncId);
    if (m == m_mirrors.constEnd())
        return std::nullopt;
    return (*m)->copiedBytes();
}

quint64 MirrorPairs::forwardedBytes(const QString &syncId) const
{
    const auto m = m_mirrors.constFind(syncId);
    return m == m_mirrors.constEnd() ? 0 : (*m)->forwardedBytes();
}

void MirrorPairs::cleanMaps()
{
    for (const auto &mirror : std::as_const(m_mirrors))
        mirror->cleanNow();
}

void MirrorPairs::drop(const QString &syncId)
{
    if (auto mirror = m_mirrors.take(syncId))
        mirror->detach();
    m_phaseStart.remove(syncId);
    m_lastLag.remove(syncId);
}

// Written past the block layer, the change reached no observer, so the dirty map cannot say where
// the two sides differ: every chunk is marked, durably (a restart keeps the marks), and whatever
// copies next — the resync a Skewed pair needs, a copy under way, or the resume or resync of a
// fractured, split, suspended, broken or aborted pair — copies all of it. Only a Synchronized pair
// changes state: it is the one that would claim what nobody has seen.
void MirrorPairs::imageChangedOutside(const QString &syncId)
{
    PairRegistry *pairs = m_context->pairs;
    const SyncRecord *s = pairs->find(syncId);
    if (!s)
        return;
    if (const auto session = m_mirrors.value(syncId)) {
        // Marks are set with the drain held, so no chunk is half taken while they land.
        const MirrorSession::Direction direction = session->direction();
        session->setDraining(false, direction);
        if (auto r = session->markAllDirty(); !r)
            qWarning("Mirror %s: %s", qPrintable(syncId), qPrintable(r.error().message));
    }
    if (s->copyState == quint16(CopyState::Synchronized)) {
        (void)pairs->transition(syncId, CopyState::Skewed, ProgressStatus::RequiresResync, false);
        pairs->amend(syncId, [](SyncRecord &r) { r.percentSynced = 0; });
    }
    applyState(syncId);
}

QFuture<cim::MethodResult> MirrorPairs::create(const ReplicaPlan &plan, ConcreteJob *given)
{
    ReplicaStorage *storage = m_context->storage;
    PairRegistry *pairs = m_context->pairs;
    QStringList created;
    QStringList syncIds;
    QStringList sourceNames;
    for (const ReplicaVolume &v : plan.sources)
        sourceNames.append(ReplicationContext::displayName(v));
    ConcreteJob *job =
        given ? given
              : m_context->jobs->createJob({jobKind(),
                                            QStringLiteral("CreateListReplica"),
                                            tr("Mirror of %1").arg(sourceNames.join(u", ")),
                                            {}});
    auto fail = [&](const cim::Error &error) {
        for (const QString &id : std::as_const(syncIds))
            drop(id);
        m_context->rollback(syncIds, created, given ? nullptr : job, true);
        return QtFuture::makeReadyFuture(cim::MethodResult::failure(error));
    };
    auto targets = m_context->makeTargets(plan, tr("Mirror of %1"), created);
    if (!targets)
        return fail(targets.error());

    const QDateTime established = QDateTime::currentDateTimeUtc();
    QJsonArray pairList;
    for (qsizetype i = 0; i < plan.sources.size(); ++i) {
        SyncRecord s = ReplicationContext::newRecord(cim::SyncType::Mirror, plan.mode,
                                                     plan.sources[i], targets->at(i), established);
        s.jobId = job->instanceId();
        s.targetCreated = created.contains(s.targetDeviceId);
        (void)pairs->add(s);
        syncIds.append(s.id);
        pairList.append(QJsonObject{{QStringLiteral("sync"), s.id}});
    }
    job->setParameters(QJsonDocument(QJsonObject{{QStringLiteral("pairs"), pairList},
                                                 {QStringLiteral("operation"), 0},
                                                 {QStringLiteral("priority"), int(plan.priority)}})
                           .toJson(QJsonDocument::Compact));

    for (const QString &id : std::as_const(syncIds)) {
        const SyncRecord *s = pairs->find(id);
        auto source = storage->device(s->sourceDeviceId);
        auto target = storage->device(s->targetDeviceId);
        if (!source || !target)
            return fail(cim::Error(ReturnCode::Failed,
                                   tr("The volumes of %1 cannot be opened.").arg(s->sourcePath)));
        auto session = std::make_shared<MirrorSession>(source, target, m_context->queue,
                                                       options(*s, plan.priority));
        // The map (every chunk with data marked) is durable and the observer in place before the
        // pair is reported: from here no source write can escape the replica.
        if (auto r = session->arm(); !r)
            return fail(r.error());
        m_mirrors.insert(id, session);
    }
    QList<Value> targetRefs;
    QList<Value> syncRefs;
    for (qsizetype i = 0; i < syncIds.size(); ++i) {
        const QString &id = syncIds[i];
        (void)pairs->transition(id, CopyState::Unsynchronized, ProgressStatus::Synchronizing,
                                false);
        pairs->amend(id, [](SyncRecord &s) { s.percentSynced = 0; });
        m_phaseStart.insert(id, 0);
        applyState(id);
        job->addAffectedElement(targets->at(i).path);
        targetRefs.append(Value::reference(targets->at(i).path));
        syncRefs.append(Value::reference(ReplicationProvider::synchronizedPath(*pairs->find(id))));
    }
    startTask(job, syncIds, quint16(ProgressStatus::Synchronizing));
    m_context->changed();

    cim::MethodResult result;
    result.out.set(QStringLiteral("TargetElements"), Value::array(CimType::Reference, targetRefs));
    result.out.set(QStringLiteral("Synchronizations"), Value::array(CimType::Reference, syncRefs));
    result.out.set(QStringLiteral("Job"), Value::reference(job->path()));
    const bool waitForEnd =
        !given &&
        (plan.waitFor == quint16(CopyState::Synchronized) ||
         (!plan.waitFor && plan.modeGiven && plan.mode == quint16(cim::Mode::Synchronous)));
    if (waitForEnd)
        return answerWhenFinished(job, result, tr("The job was terminated before it completed."));
    result.returnValue =
        quint32(plan.waitFor && !given ? ReturnCode::Completed : ReturnCode::JobStarted);
    return QtFuture::makeReadyFuture(result);
}

void MirrorPairs::applyState(const QString &syncId)
{
    const std::shared_ptr<MirrorSession> session = m_mirrors.value(syncId);
    const SyncRecord *s = m_context->pairs->find(syncId);
    if (!session || !s)
        return;
    using D = MirrorSession::Direction;
    switch (CopyState(s->copyState)) {
    case CopyState::Initialized:
    case CopyState::Unsynchronized: {
        const bool restoring = s->progressStatus == quint16(ProgressStatus::Restoring) ||
                               (s->progressStatus == quint16(ProgressStatus::Dormant) &&
                                session->direction() == D::ToSource);
        session->setTrackTarget(false);
        session->setForwarding(true);
        session->setDraining(s->progressStatus != quint16(ProgressStatus::Dormant),
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

void MirrorPairs::startTask(ConcreteJob *job, const QStringList &syncIds, quint16 progressStatus)
{
    auto task = std::make_shared<Task>(job);
    task->owner = this;
    task->syncIds = syncIds;
    task->progressStatus = progressStatus;
    m_tasks.insert(job->instanceId(), task);
    // A New job goes Running; one recovered while ShuttingDown finishes its Terminate here.
    task->start();
    if (!m_monitor.isActive())
        m_monitor.start();
}

// Sampled on the engine thread (never per chunk): errors end pairs Broken, drained pairs become
// Synchronized, PercentSynced and the lag move, jobs end when all their pairs are in step, and
// every second the dirty maps forget what both sides hold alike.
void MirrorPairs::monitor()
{
    PairRegistry *pairs = m_context->pairs;
    ++m_monitorTicks;
    const bool housekeeping = m_monitorTicks % 10 == 0;
    bool changed = false;
    QStringList ids;
    for (const SyncRecord &s : pairs->all()) {
        if (s.syncType == quint16(cim::SyncType::Mirror))
            ids.append(s.id);
    }
    for (const QString &id : std::as_const(ids)) {
        const std::shared_ptr<MirrorSession> session = m_mirrors.value(id);
        if (!session)
            continue;
        const SyncRecord s = *pairs->find(id);
        if (const QString error = session->error();
            !error.isEmpty() && s.copyState != quint16(CopyState::Broken)) {
            // Broken / Not Applicable: a copy or a forward failed; the dirty map keeps what the
            // replica lacks, and Resync Replica tries again.
            qWarning("Mirror %s is broken: %s", qPrintable(id), qPrintable(error));
            (void)pairs->transition(id, CopyState::Broken, ProgressStatus::NotApplicable);
            applyState(id);
            if (auto task = m_tasks.value(s.jobId))
                task->emitError({quint32(ReturnCode::Failed), error, JobErrorType::Hardware});
            changed = true;
            continue;
        }
        if (s.copyState == quint16(CopyState::Unsynchronized) &&
            s.progressStatus != quint16(ProgressStatus::Dormant)) {
            if (session->isInStep()) {
                // In step: Synchronized / Completed; a restore hands the direction back.
                if (session->direction() == MirrorSession::Direction::ToSource)
                    session->setDraining(true, MirrorSession::Direction::ToReplica);
                (void)pairs->transition(id, CopyState::Synchronized, ProgressStatus::Completed,
                                        false);
                pairs->amend(id, [](SyncRecord &r) {
                    r.percentSynced = 100;
                    r.whenSynced = QDateTime::currentDateTimeUtc();
                });
                applyState(id);
                changed = true;
            } else {
                const quint64 done = session->copiedBytes() - m_phaseStart.value(id);
                const quint64 left = session->dirtyBytes();
                const quint16 percent =
                    quint16(std::min<quint64>(99, done * 100 / std::max<quint64>(1, done + left)));
                if (percent != s.percentSynced) {
                    // Shown; persisted with the next state change.
                    pairs->amend(
                        id, [percent](SyncRecord &r) { r.percentSynced = percent; }, false);
                    changed = true;
                }
            }
        }
        const quint64 lag = session->dirtyBytes();
        if (lag != m_lastLag.value(id)) {
            m_lastLag.insert(id, lag);
            changed = true;
        }
        if (housekeeping) {
            session->kick();
            session->scheduleClean();
        }
    }
    for (auto it = m_tasks.begin(); it != m_tasks.end();) {
        const std::shared_ptr<Task> task = *it;
        const ConcreteJob *job = task->job();
        if (!job || job->isFinished()) {
            it = m_tasks.erase(it);
            continue;
        }
        bool allInStep = true;
        quint64 percent = 0;
        for (const QString &id : std::as_const(task->syncIds)) {
            const SyncRecord *s = pairs->find(id);
            allInStep = allInStep && s && s->copyState == quint16(CopyState::Synchronized);
            percent += s ? s->percentSynced : 100;
        }
        if (allInStep) {
            task->emitResult();
            it = m_tasks.erase(it);
            continue;
        }
        task->setPercent(
            quint16(std::min<quint64>(99, percent / std::max<qsizetype>(1, task->syncIds.size()))));
        ++it;
    }
    if (changed)
        m_context->changed();
    if (m_mirrors.isEmpty() && m_tasks.isEmpty())
        m_monitor.stop();
}

// A mirror job found unfinished after a restart. Its pairs came back in recover() (their sessions
// re-armed from the dirty maps, copying again); the job only needs its control back.
cim::Result<void> MirrorPairs::resumeJob(ConcreteJob *job)
{
    PairRegistry *pairs = m_context->pairs;
    const QJsonObject params = QJsonDocument::fromJson(job->record().parameters).object();
    const QJsonArray pairList = params.value(QStringLiteral("pairs")).toArray();
    const int op = params.value(QStringLiteral("operation")).toInt();
    if (pairList.isEmpty() && params.contains(QStringLiteral("peer")))
        return cim::Error(ReturnCode::Failed,
                          tr("the engine stopped while it made the replicas on %1; no mirror "
                             "was set up (the volumes it made there are listed with the job)")
                              .arg(params.value(QStringLiteral("peer")).toString()));
    if (pairList.isEmpty())
        return cim::Error(ReturnCode::Failed, tr("its parameters are missing"));
    QStringList ids;
    for (const QJsonValue &p : pairList) {
        const QString id = p.toObject().value(QStringLiteral("sync")).toString();
        if (!pairs->find(id) || !m_mirrors.contains(id))
            return cim::Error(ReturnCode::Failed, tr("the mirror %1 is gone").arg(id));
        ids.append(id);
    }
    const quint16 progress =
        op == int(SyncOperation::RestoreFromReplica) ? quint16(ProgressStatus::Restoring)
        : op == int(SyncOperation::ResyncReplica)    ? quint16(ProgressStatus::Resyncing)
                                                     : quint16(ProgressStatus::Synchronizing);
    startTask(job, ids, progress);
    if (job->isFinished())
        return {}; // a Terminate was under way: start() finished it
    const bool suspended = job->state() == cim::JobState::Suspended;
    for (const QString &id : std::as_const(ids)) {
        if (pairs->find(id)->copyState != quint16(CopyState::Unsynchronized))
            continue;
        (void)pairs->transition(id, CopyState::Unsynchronized,
                                suspended ? ProgressStatus::Dormant : ProgressStatus(progress));
        if (suspended) {
            // Held, but a suspended restore still restores a chunk before a write lands on it.
            m_mirrors.value(id)->setDraining(false, progress == quint16(ProgressStatus::Restoring)
                                                        ? MirrorSession::Direction::ToSource
                                                        : MirrorSession::Direction::ToReplica);
        } else {
            applyState(id);
        }
    }
    m_context->changed();
    return {};
}

// Mirrors re-arm from their dirty maps: every chunk the map marks is copied again (Resyncing),
// nothing else; a missing map means a full resync. Their observers are back on the sources
// before anything can write.
void MirrorPairs::recover()
{
    PairRegistry *pairs = m_context->pairs;
    ReplicaStorage *storage = m_context->storage;
    QStringList ids;
    for (const SyncRecord &s : pairs->all()) {
        if (s.syncType == quint16(cim::SyncType::Mirror) &&
            s.copyState != quint16(CopyState::Broken))
            ids.append(s.id);
    }
    for (const QString &id : std::as_const(ids)) {
        const SyncRecord s = *pairs->find(id);
        auto broken = [&](const QString &why) { m_context->breakOnRecovery(id, why); };
        auto source = storage->device(s.sourceDeviceId);
        auto target = storage->device(s.targetDeviceId);
        if (!source || !target) {
            broken(tr("a volume is gone"));
            continue;
        }
        auto session = std::make_shared<MirrorSession>(source, target, m_context->queue,
                                                       options(s, quint16(CopyPriority::Same)));
        bool full = false;
        if (auto r = session->rearm(&full); !r) {
            broken(r.error().message);
            continue;
        }
        if (full)
            qWarning("Mirror %s has no dirty map: resyncing all of it", qPrintable(id));
        // Skewed: an image was changed where no observer saw it, so the map cannot say where.
        if (s.copyState == quint16(CopyState::Skewed)) {
            if (auto r = session->markAllDirty(); !r) {
                broken(r.error().message);
                continue;
            }
        }
        m_mirrors.insert(id, session);
        m_phaseStart.insert(id, 0);
        if (s.copyState == quint16(CopyState::Initialized) ||
            (s.copyState == quint16(CopyState::Synchronized) && !session->isInStep())) {
            (void)pairs->transition(id, CopyState::Unsynchronized,
                                    s.copyState == quint16(CopyState::Initialized)
                                        ? ProgressStatus::Synchronizing
                                        : ProgressStatus::Resyncing,
                                    false);
            pairs->amend(id, [](SyncRecord &r) { r.percentSynced = 0; });
        }
        applyState(id);
    }
    if (!m_mirrors.isEmpty())
        m_monitor.start();
}

// The sources are held still while an asynchronous mirror's lag is copied (a synchronous one has
// none), so that instant is the same for every pair of a Split.
cim::Result<void> MirrorPairs::fracture(const SyncModification &m)
{
    PairRegistry *pairs = m_context->pairs;
    QList<BlockDevice *> sources;
    for (const QString &id : m.syncIds)
        sources.append(m_context->storage->device(pairs->find(id)->sourceDeviceId).get());
    WriteHold held(sources);
    cim::Result<void> drained;
    for (const QString &id : m.syncIds) {
        if (drained = m_mirrors.value(id)->drainNow(); !drained)
            break;
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (drained) {
        for (const QString &id : m.syncIds) {
            (void)pairs->transition(
                id, m.operation == SyncOperation::Split ? CopyState::Split : CopyState::Fractured,
                ProgressStatus::Completed, false);
            pairs->amend(id, [now](SyncRecord &r) {
                r.percentSynced = 100;
                r.whenSynced = now;
            });
            applyState(id);
        }
    }
    held.release();
    if (!drained)
        return cim::Error(ReturnCode::Failed, tr("The replica could not be brought up to date "
                                                 "before the fracture: %1")
                                                  .arg(drained.error().message));
    return {};
}

void MirrorPairs::suspend(const QStringList &syncIds)
{
    for (const QString &id : syncIds) {
        (void)m_context->pairs->transition(id, CopyState::Suspended, ProgressStatus::Dormant);
        applyState(id);
    }
}

// The dirty map holds exactly what differs (source writes since the fracture or suspension, and
// replica writes while fractured), so only those chunks are copied, to the replica or, restoring,
// back to the source. The new state is persisted before copying starts, so a crash resumes the
// same phase.
ConcreteJob *MirrorPairs::startCopyPhase(const SyncModification &m)
{
    PairRegistry *pairs = m_context->pairs;
    ReplicaStorage *storage = m_context->storage;
    const ProgressStatus progress =
        m.operation == SyncOperation::RestoreFromReplica ? ProgressStatus::Restoring
        : m.operation == SyncOperation::ResyncReplica    ? ProgressStatus::Resyncing
                                                         : ProgressStatus::Synchronizing;
    bool anyDirty = false;
    for (const QString &id : m.syncIds) {
        const SyncRecord s = *pairs->find(id);
        const auto session = m_mirrors.value(id);
        session->clearError();
        session->setTrackTarget(false);
        const std::optional<ReplicaVolume> target = storage->volumeById(s.targetDeviceId);
        if (target && target->onPeer &&
            (s.copyState == quint16(CopyState::Fractured) ||
             s.copyState == quint16(CopyState::Split))) {
            // Hosts on the peer may have written the replica, and those writes were not seen
            // here: every chunk is copied again.
            if (auto r = session->markAllDirty(); !r)
                qWarning("Mirror %s: %s", qPrintable(id), qPrintable(r.error().message));
        }
        storage->retryNow(s.targetDeviceId);
        (void)pairs->transition(id, CopyState::Unsynchronized, progress, false);
        pairs->amend(
            id, [](SyncRecord &r) { r.percentSynced = 0; }, false);
        m_phaseStart.insert(id, session->copiedBytes());
        anyDirty = anyDirty || !session->isInStep();
    }
    if (!anyDirty) {
        for (const QString &id : m.syncIds) {
            (void)pairs->transition(id, CopyState::Synchronized, ProgressStatus::Completed, false);
            pairs->amend(id, [](SyncRecord &r) {
                r.percentSynced = 100;
                r.whenSynced = QDateTime::currentDateTimeUtc();
            });
            applyState(id);
        }
        return nullptr;
    }
    QStringList names;
    QJsonArray pairList;
    for (const QString &id : m.syncIds) {
        names.append(pairs->find(id)->targetPath);
        pairList.append(QJsonObject{{QStringLiteral("sync"), id}});
    }
    const QString what = m.operation == SyncOperation::RestoreFromReplica ? tr("Restore from %1")
                         : m.operation == SyncOperation::ResyncReplica    ? tr("Resync of %1")
                                                                          : tr("Resume of %1");
    ConcreteJob *job = m_context->jobs->createJob(
        {jobKind(), QStringLiteral("ModifyListSynchronization"), what.arg(names.join(u", ")),
         QJsonDocument(QJsonObject{{QStringLiteral("pairs"), pairList},
                                   {QStringLiteral("operation"), int(m.operation)}})
             .toJson(QJsonDocument::Compact)});
    for (const QString &id : m.syncIds) {
        pairs->amend(id, [&](SyncRecord &r) { r.jobId = job->instanceId(); });
        applyState(id);
        const SyncRecord *s = pairs->find(id);
        job->addAffectedElement(*cim::ObjectPath::fromString(
            m.operation == SyncOperation::RestoreFromReplica ? s->sourcePath : s->targetPath));
    }
    startTask(job, m.syncIds, quint16(progress));
    return job;
}

} // namespace rd::engine
