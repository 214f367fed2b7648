#pragma once
// Clones: full copies of sources as they were at one point in time, made by CloneCopiers behind
// one ConcreteJob per request (suspend, resume, terminate), checkpointed so a restart resumes
// them; a copy whose job is lost ends Broken.

#include "clonecopier.h"
#include "replicationcontext.h"

#include <QHash>

#include <memory>

namespace rd::engine {

class SnapshotPairs;

class ClonePairs final
{
    Q_DECLARE_TR_FUNCTIONS(rd::engine::ReplicationService)
public:
    // A clone of a snapshot's replica reads the snapshot's point in time from snapshots.
    ClonePairs(ReplicationContext *context, SnapshotPairs *snapshots);
    ~ClonePairs();
    Q_DISABLE_COPY_MOVE(ClonePairs)

    static QString jobKind();

    // Answers 0 when the copy is finished within the call (Mode Synchronous, or WaitForCopyState
    // Synchronized), 0 at once for an earlier WaitForCopyState, 4096 with the job otherwise; an
    // error leaves nothing behind (no volume, no pair, no job, no checkpoint).
    QFuture<cim::MethodResult> create(const ReplicaPlan &plan);
    // A clone job found unfinished after a restart (JobManager's resumer).
    cim::Result<void> resumeJob(ConcreteJob *job);
    // After JobManager::recover(): pairs whose copy has no job any more end Broken.
    void reconcile();
    // An engine stop: jobs lose their control and stay as persisted.
    void releaseJobs();

private:
    struct Pair;
    struct Task;

    CloneOptions options(quint16 priority, const SyncRecord &sync) const;
    std::shared_ptr<BlockDevice> sourceDevice(const QString &deviceId) const;
    void startTask(const std::shared_ptr<Task> &task, bool suspended);
    void onCopierFinished(Task *task, Pair *pair, CloneCopier::Outcome outcome,
                          const QString &message);
    void updateProgress(Task *task);
    void setProgressStatus(Task *task, cim::ProgressStatus status);
    // Every pair of the job that has not ended: Broken, checkpoint removed.
    void breakPairs(const QString &jobId);

    ReplicationContext *m_context;
    SnapshotPairs *m_snapshots;
    QHash<QString, std::shared_ptr<Task>> m_tasks; // by job instance id
};

} // namespace rd::engine
