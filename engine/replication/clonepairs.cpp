// How a clone's pair moves (SMI-S Replication Services; PairRegistry's table checks each step):
// Initialized / Initializing when the request is accepted, Unsynchronized / Synchronizing while
// the copy runs (Dormant while its job is suspended), then
//   Completed → Synchronized / Completed, PercentSynced 100: the target is the source as it was
//               at WhenSynced. SyncMaintained stays false: a clone is not kept in step after.
//   Failed    → Broken / Not Applicable: the copy cannot go on (I/O error, space…).
//   Cancelled → Aborted / Not Applicable: stopped by Terminate; the target holds a partial copy.
// The job ends once every pair has: Exception if any failed, else Terminated if any was
// cancelled, else Completed.

#include "clonepairs.h"

#include "copypacing.h"
#include "jobs/enginejob.h"
#include "jobs/jobanswer.h"
#include "replicationprovider.h"
#include "snapshotpairs.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace rd::engine {

using cim::CimType;
using cim::CopyState;
using cim::ProgressStatus;
using cim::ReturnCode;
using cim::Value;

namespace {
constexpr QLatin1StringView CloneJobKind("clone");
} // namespace

struct ClonePairs::Pair
{
    QString syncId;
    std::unique_ptr<CloneCopier> copier;
    bool done = false;
    CloneCopier::Outcome outcome = CloneCopier::Outcome::Completed;
    QString message;
};

// One CreateListReplica's copies behind one ConcreteJob; what RequestStateChange steers.
struct ClonePairs::Task final : public EngineJob
{
    explicit Task(ConcreteJob *job)
        : EngineJob(job)
    {}
    // ClonePairs reports for the task as its copiers move and end.
    using EngineJob::emitError;
    using EngineJob::emitResult;
    using EngineJob::emitStopped;
    using EngineJob::setCheckpoint;
    using EngineJob::setProgress;

    ClonePairs *owner = nullptr;
    std::vector<std::unique_ptr<Pair>> pairs;

protected:
    // The copiers start (paused when the job comes back Suspended) in startTask().
    void doStart() override {}
    void doSuspend() override
    {
        for (auto &p : pairs) {
            if (!p->done)
                p->copier->suspend();
        }
        owner->setProgressStatus(this, ProgressStatus::Dormant);
    }
    void doResume() override
    {
        for (auto &p : pairs) {
            if (!p->done)
                p->copier->resume();
        }
        owner->setProgressStatus(this, ProgressStatus::Synchronizing);
    }
    // A copier still running ends Cancelled, and the last to end stops the job.
    bool doKill() override
    {
        bool running = false;
        for (auto &p : pairs) {
            if (!p->done) {
                p->copier->terminate();
                running = true;
            }
        }
        return !running;
    }
};

ClonePairs::ClonePairs(ReplicationContext *context, SnapshotPairs *snapshots)
    : m_context(context)
    , m_snapshots(snapshots)
{}

ClonePairs::~ClonePairs()
{
    releaseJobs();
}

QString ClonePairs::jobKind()
{
    return QString(CloneJobKind);
}

void ClonePairs::releaseJobs()
{
    // Copies end where they are and resume from their checkpoints in the next engine.
    // Each task lets go of its job as it goes (EngineJob).
    m_tasks.clear();
}

std::shared_ptr<BlockDevice> ClonePairs::sourceDevice(const QString &deviceId) const
{
    // A snapshot's replica is read through its point in time, never as its image (a delta).
    if (m_context->pairs->snapshotWithTarget(deviceId))
        return m_snapshots->pointInTime(deviceId);
    return m_context->storage->device(deviceId);
}

CloneOptions ClonePairs::options(quint16 priority, const SyncRecord &sync) const
{
    CloneOptions o;
    o.chunkSize = m_context->options.chunkSize;
    o.checkpointPath = m_context->checkpointPath(sync.id);
    // A snapshot source is read through its point in time, never from its image (a delta).
    o.sourceFd = m_context->pairs->snapshotWithTarget(sync.sourceDeviceId)
                     ? -1
                     : m_context->storage->fileDescriptor(sync.sourceDeviceId);
    o.targetFd = m_context->storage->fileDescriptor(sync.targetDeviceId);
    CopyPacing::apply(o, priority);
    return o;
}

QFuture<cim::MethodResult> ClonePairs::create(const ReplicaPlan &plan)
{
    ReplicaStorage *storage = m_context->storage;
    PairRegistry *pairs = m_context->pairs;
    // From here every step is undone if a later one fails: an error leaves nothing behind.
    QStringList createdVolumes;
    QStringList syncIds;
    auto task = std::make_shared<Task>(nullptr);
    task->owner = this;
    ConcreteJob *job = nullptr;
    auto rollback = [&](const cim::Error &error) {
        task->pairs.clear(); // copiers detach from their sources
        m_context->rollback(syncIds, createdVolumes, job, false);
        return QtFuture::makeReadyFuture(cim::MethodResult::failure(error));
    };

    QStringList sourceNames;
    for (const ReplicaVolume &s : plan.sources)
        sourceNames.append(ReplicationContext::displayName(s));
    job = m_context->jobs->createJob({jobKind(),
                                      QStringLiteral("CreateListReplica"),
                                      tr("Clone of %1").arg(sourceNames.join(QStringLiteral(", "))),
                                      {}});

    auto targets = m_context->makeTargets(plan, tr("Clone of %1"), createdVolumes);
    if (!targets)
        return rollback(targets.error());
    const QDateTime established = QDateTime::currentDateTimeUtc();
    QList<Value> targetRefs;
    for (qsizetype i = 0; i < plan.sources.size(); ++i) {
        const ReplicaVolume &source = plan.sources[i];
        const ReplicaVolume &target = targets->at(i);
        auto sourceDevice = this->sourceDevice(source.deviceId);
        auto targetDevice = storage->device(target.deviceId);
        if (!sourceDevice || !targetDevice) {
            return rollback(cim::Error(
                ReturnCode::Failed, tr("The volumes of %1 cannot be opened.").arg(sourceNames[i])));
        }
        // CopyState Initialized / ProgressStatus Initializing: the pair exists, no data moves yet.
        SyncRecord s = ReplicationContext::newRecord(cim::SyncType::Clone, plan.mode, source,
                                                     target, established);
        s.jobId = job->instanceId();
        s.targetCreated = createdVolumes.contains(target.deviceId);
        (void)pairs->add(s);
        syncIds.append(s.id);
        auto pair = std::make_unique<Pair>();
        pair->syncId = s.id;
        pair->copier = std::make_unique<CloneCopier>(sourceDevice, targetDevice, m_context->queue,
                                                     options(plan.priority, s));
        task->pairs.push_back(std::move(pair));
        targetRefs.append(Value::reference(target.path));
    }

    // What a restart needs to resume the job, persisted before any copy is armed: a job found
    // after a crash always knows its pairs.
    {
        QJsonArray pairList;
        for (auto &pair : task->pairs)
            pairList.append(QJsonObject{{QStringLiteral("sync"), pair->syncId}});
        job->setParameters(
            QJsonDocument(QJsonObject{{QStringLiteral("pairs"), pairList},
                                      {QStringLiteral("priority"), int(plan.priority)}})
                .toJson(QJsonDocument::Compact));
    }

    // The point in time. With ConsistentPointInTime every source is held still while all the
    // copies arm, so the replicas hold one instant across the list; otherwise each arms on its
    // own, microseconds apart.
    std::optional<WriteHold> held;
    m_context->holdSources(plan, held);
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
        pairs->amend(pair->syncId, [&](SyncRecord &s) { s.whenSynced = pointInTime; });
        const SyncRecord *s = pairs->find(pair->syncId);
        job->addAffectedElement(*cim::ObjectPath::fromString(s->targetPath));
        syncRefs.append(Value::reference(ReplicationProvider::synchronizedPath(*s)));
    }
    task->setJob(job);
    m_tasks.insert(job->instanceId(), task);
    startTask(task, false);
    m_context->changed();

    cim::MethodResult result;
    result.out.set(QStringLiteral("TargetElements"), Value::array(CimType::Reference, targetRefs));
    result.out.set(QStringLiteral("Synchronizations"), Value::array(CimType::Reference, syncRefs));
    result.out.set(QStringLiteral("Job"), Value::reference(job->path()));

    const bool waitForEnd = (plan.modeGiven && plan.mode == quint16(cim::Mode::Synchronous)) ||
                            plan.waitFor == quint16(CopyState::Synchronized);
    if (!waitForEnd) {
        // Initialized and Unsynchronized are behind us once the copy has started.
        result.returnValue = quint32(plan.waitFor ? ReturnCode::Completed : ReturnCode::JobStarted);
        return QtFuture::makeReadyFuture(result);
    }
    // Synchronous: answer when the job ends.
    return answerWhenFinished(job, result, tr("The clone was terminated before it completed."));
}

void ClonePairs::setProgressStatus(Task *task, ProgressStatus status)
{
    PairRegistry *pairs = m_context->pairs;
    for (auto &p : task->pairs) {
        const SyncRecord *s = pairs->find(p->syncId);
        if (!s || p->done || PairRegistry::copyEnded(*s))
            continue;
        (void)pairs->transition(p->syncId, CopyState(s->copyState), status);
    }
    m_context->changed();
}

void ClonePairs::startTask(const std::shared_ptr<Task> &task, bool suspended)
{
    Task *t = task.get();
    for (auto &p : t->pairs) {
        if (p->done)
            continue;
        Pair *pair = p.get();
        // Copying: CopyState Unsynchronized ("not all the source data has been copied"),
        // ProgressStatus Synchronizing, or Dormant while the job is suspended.
        if (m_context->pairs->find(pair->syncId))
            (void)m_context->pairs->transition(pair->syncId, CopyState::Unsynchronized,
                                               suspended ? ProgressStatus::Dormant
                                                         : ProgressStatus::Synchronizing);
        QObject::connect(pair->copier.get(), &CloneCopier::progress, m_context->receiver,
                         [this, t] { updateProgress(t); });
        QObject::connect(pair->copier.get(), &CloneCopier::finished, m_context->receiver,
                         [this, t, pair](CloneCopier::Outcome outcome, const QString &message) {
                             onCopierFinished(t, pair, outcome, message);
                         });
        pair->copier->start(suspended);
    }
    t->start();
    updateProgress(t);
}

void ClonePairs::updateProgress(Task *task)
{
    quint64 done = 0;
    quint64 total = 0;
    QJsonArray checkpoint;
    for (auto &p : task->pairs) {
        const quint64 d = p->copier->bytesDone();
        const quint64 t = p->copier->bytesTotal();
        done += d;
        total += t;
        if (const SyncRecord *s = m_context->pairs->find(p->syncId);
            s && !PairRegistry::copyEnded(*s))
            m_context->pairs->amend(
                p->syncId,
                [&](SyncRecord &r) { r.percentSynced = quint16(t == 0 ? 0 : d * 100 / t); }, false);
        checkpoint.append(QJsonObject{{QStringLiteral("sync"), p->syncId},
                                      {QStringLiteral("bytesDone"), qint64(d)},
                                      {QStringLiteral("bytesTotal"), qint64(t)}});
    }
    // The authoritative checkpoint is each pair's chunk map (see CheckpointMap); the job record
    // carries the byte counts so the catalog shows how far the copy got.
    task->setCheckpoint(QJsonDocument(checkpoint).toJson(QJsonDocument::Compact));
    task->setProgress(done, total);
    m_context->changed();
}

void ClonePairs::onCopierFinished(Task *task, Pair *pair, CloneCopier::Outcome outcome,
                                  const QString &message)
{
    PairRegistry *pairs = m_context->pairs;
    pair->done = true;
    pair->outcome = outcome;
    pair->message = message;
    pair->copier->detach();
    if (pairs->find(pair->syncId)) {
        switch (outcome) {
        case CloneCopier::Outcome::Completed:
            (void)pairs->transition(pair->syncId, CopyState::Synchronized,
                                    ProgressStatus::Completed, false);
            pairs->amend(pair->syncId, [](SyncRecord &s) { s.percentSynced = 100; });
            break;
        case CloneCopier::Outcome::Failed:
            (void)pairs->transition(pair->syncId, CopyState::Broken, ProgressStatus::NotApplicable);
            break;
        case CloneCopier::Outcome::Cancelled:
            (void)pairs->transition(pair->syncId, CopyState::Aborted,
                                    ProgressStatus::NotApplicable);
            break;
        }
        // Only once the pair's end is persisted may its checkpoint go: a restart in between
        // finds the pair ended and does not look for it.
        (void)CheckpointMap::remove(m_context->checkpointPath(pair->syncId));
    }
    m_context->changed();
    if (!std::all_of(task->pairs.begin(), task->pairs.end(), [](const auto &p) { return p->done; }))
        return;

    QStringList failures;
    bool cancelled = false;
    for (auto &p : task->pairs) {
        if (p->outcome == CloneCopier::Outcome::Failed)
            failures.append(p->message);
        cancelled = cancelled || p->outcome == CloneCopier::Outcome::Cancelled;
    }
    if (!failures.isEmpty()) {
        task->emitError({quint32(ReturnCode::Failed), failures.join(QLatin1Char('\n')),
                         JobErrorType::Software});
    } else if (cancelled) {
        task->emitStopped();
    } else {
        // Stopped instead when a Terminate was under way; Running first when the last chunks
        // went by copy-before-write while the job was paused.
        task->emitResult();
    }
    // The copiers emitted this; they go once the signal has returned.
    QMetaObject::invokeMethod(
        m_context->receiver,
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

void ClonePairs::breakPairs(const QString &jobId)
{
    for (const QString &id : m_context->pairs->idsOfJob(jobId)) {
        if (PairRegistry::copyEnded(*m_context->pairs->find(id)))
            continue;
        (void)m_context->pairs->transition(id, CopyState::Broken, ProgressStatus::NotApplicable);
        (void)CheckpointMap::remove(m_context->checkpointPath(id));
    }
    m_context->changed();
}

void ClonePairs::reconcile()
{
    // A pair still copying whose job did not come back (its row is gone) has no copy behind it:
    // it can never finish, so it is Broken rather than left "Unsynchronized" for ever.
    QSet<QString> orphans;
    for (const SyncRecord &s : m_context->pairs->all()) {
        if (s.syncType == quint16(cim::SyncType::Clone) && !PairRegistry::copyEnded(s) &&
            !m_tasks.contains(s.jobId)) {
            const ConcreteJob *job = m_context->jobs->job(s.jobId);
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
cim::Result<void> ClonePairs::resumeJob(ConcreteJob *job)
{
    PairRegistry *pairs = m_context->pairs;
    const QJsonObject params = QJsonDocument::fromJson(job->record().parameters).object();
    const QJsonArray pairList = params.value(QStringLiteral("pairs")).toArray();
    if (pairList.isEmpty())
        return cim::Error(ReturnCode::Failed, tr("its parameters are missing"));
    const quint16 priority =
        quint16(params.value(QStringLiteral("priority")).toInt(int(CopyPriority::Same)));

    auto task = std::make_shared<Task>(nullptr);
    task->owner = this;
    const bool stopping = job->state() == cim::JobState::ShuttingDown;
    QStringList ids;
    for (const QJsonValue &p : pairList) {
        const QString syncId = p.toObject().value(QStringLiteral("sync")).toString();
        if (!pairs->find(syncId)) {
            breakPairs(job->instanceId());
            return cim::Error(ReturnCode::Failed, tr("the synchronization %1 is gone").arg(syncId));
        }
        ids.append(syncId);
    }
    for (const QString &id : std::as_const(ids)) {
        const SyncRecord s = *pairs->find(id);
        if (PairRegistry::copyEnded(s) || stopping) {
            if (!PairRegistry::copyEnded(s)) {
                // Terminate was under way: finish it.
                (void)pairs->transition(id, CopyState::Aborted, ProgressStatus::NotApplicable);
            }
            (void)CheckpointMap::remove(m_context->checkpointPath(id));
            continue;
        }
        auto source = sourceDevice(s.sourceDeviceId);
        auto target = m_context->storage->device(s.targetDeviceId);
        cim::Result<void> armed;
        std::unique_ptr<CloneCopier> copier;
        if (!source || !target) {
            armed = cim::Error(
                ReturnCode::Failed,
                tr("volume %1 no longer exists").arg(source ? s.targetDeviceId : s.sourceDeviceId));
        } else {
            copier = std::make_unique<CloneCopier>(source, target, m_context->queue,
                                                   options(priority, s));
            armed = copier->arm(true);
        }
        if (!armed) {
            // One pair cannot keep its point in time, so the job fails; its other pairs end
            // Broken too and keep what they copied, as after a failure during the copy.
            task->pairs.clear();
            breakPairs(job->instanceId());
            return cim::Error(ReturnCode::Failed,
                              tr("the copy to %1 cannot continue: %2")
                                  .arg(s.targetDeviceId, armed.error().message));
        }
        auto pair = std::make_unique<Pair>();
        pair->syncId = id;
        pair->copier = std::move(copier);
        task->pairs.push_back(std::move(pair));
    }
    task->setJob(job);
    if (stopping) {
        // No copy is left to run: start() finishes the Terminate that was under way.
        task->start();
        return {};
    }
    m_context->changed();
    if (task->pairs.empty()) {
        // Every pair had ended: only the job's own end was lost. It reports Running before its
        // end, as a job that ran does (emitError alone would leave a Suspended job's state so).
        if (job->state() != cim::JobState::Running)
            job->setRunning();
        bool allSynced = true;
        for (const QString &id : std::as_const(ids)) {
            const SyncRecord *s = pairs->find(id);
            allSynced = allSynced && s && s->copyState == quint16(CopyState::Synchronized);
        }
        if (allSynced)
            task->emitResult();
        else
            task->emitError({quint32(ReturnCode::Failed), tr("Some copies did not complete."),
                             JobErrorType::Software});
        return {};
    }
    m_tasks.insert(job->instanceId(), task);
    startTask(task, job->state() == cim::JobState::Suspended);
    return {};
}

} // namespace rd::engine
