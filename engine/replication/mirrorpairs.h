#pragma once
// Mirrors: replicas kept in step with their sources by a MirrorSession each (synchronously or from
// a dirty map), their copy phases behind ConcreteJobs (initial copy, resync, resume, restore),
// Fracture / Split / Suspend, the periodic sampling that moves their state, and their return
// after a restart.

#include "mirrorsession.h"
#include "replicationcontext.h"

#include <QHash>
#include <QTimer>

#include <memory>

namespace rd::engine {

class MirrorPairs final
{
    Q_DECLARE_TR_FUNCTIONS(rd::engine::ReplicationService)
public:
    explicit MirrorPairs(ReplicationContext *context);
    ~MirrorPairs();
    Q_DISABLE_COPY_MOVE(MirrorPairs)

    static QString jobKind();

    // A job for the initial copy. Without a given job: Mode 2 with no WaitForCopyState, or
    // WaitForCopyState Synchronized, answers when the copy is done; WaitForCopyState Initialized
    // or Unsynchronized answers 0 at once, the job going on. With a given job (kind jobKind(),
    // running: the caller prepared the targets in it, e.g. on a peer) it answers at once: 4096
    // when the pairs were made, or the error, the job then left to the caller untouched.
    QFuture<cim::MethodResult> create(const ReplicaPlan &plan, ConcreteJob *given);

    // Fracture and Split: the replicas become the hosts' own, all at one instant.
    cim::Result<void> fracture(const SyncModification &m);
    // Suspended / Dormant: nothing reaches the replica; writes mark chunks for Resume.
    void suspend(const QStringList &syncIds);
    // Resume, Resync Replica, Restore From Replica: copies what differs, behind a new job; null
    // when nothing differs (the pairs are Synchronized at once).
    ConcreteJob *startCopyPhase(const SyncModification &m);
    // The pair is going: its session detaches (the map stays for the caller to remove).
    void drop(const QString &syncId);
    // The source's or the replica's image file was changed outside the engine: every chunk is
    // marked dirty, and a Synchronized pair becomes Skewed / Requires Resync.
    void imageChangedOutside(const QString &syncId);

    std::optional<quint64> dirtyBytes(const QString &syncId) const;
    std::optional<quint64> copiedBytes(const QString &syncId) const;
    quint64 forwardedBytes(const QString &syncId) const;
    void cleanMaps();

    // After a restart, before any job resumes: sessions re-arm from their dirty maps.
    void recover();
    // A mirror job found unfinished after a restart (JobManager's resumer).
    cim::Result<void> resumeJob(ConcreteJob *job);
    // An engine stop: jobs lose their control (they stay as persisted, a later engine resumes
    // them), then the observers leave the volumes (a write in flight finishes its forward).
    void releaseJobs();
    void stop();

private:
    struct Task;

    MirrorOptions options(const SyncRecord &sync, quint16 priority) const;
    // Session flags from the pair's CopyState.
    void applyState(const QString &syncId);
    void startTask(ConcreteJob *job, const QStringList &syncIds, quint16 progressStatus);
    void monitor();

    ReplicationContext *m_context;
    QHash<QString, std::shared_ptr<MirrorSession>> m_mirrors; // by sync id
    QHash<QString, quint64> m_phaseStart;          // copiedBytes when a phase began, by sync id
    QHash<QString, quint64> m_lastLag;             // dirtyBytes last shown, by sync id
    QHash<QString, std::shared_ptr<Task>> m_tasks; // by job instance id
    QTimer m_monitor;
    int m_monitorTicks = 0;
};

} // namespace rd::engine
