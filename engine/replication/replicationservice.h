#pragma once
// The engine's replication: CreateListReplica for clones, snapshots and mirrors, their life cycle
// through ModifyListSynchronization / ModifyReplicaSynchronization, the StorageSynchronized pairs,
// and the jobs that copy. Owns the engine's ThreadWeaver queue. Lives on the engine thread.

#include "clonecopier.h"
#include "mirrorsession.h"
#include "replicastorage.h"
#include "syncstore.h"

#include "cim/enums.h"
#include "cim/methodcall.h"
#include "jobs/jobmanager.h"
#include "provider/methodspec.h"

#include <QFuture>
#include <QHash>
#include <QObject>
#include <QTimer>

#include <memory>

namespace ThreadWeaver {
class Queue;
}

namespace rd::engine {

class ReplicationService final : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        QString systemName;          // the ComputerSystem the service and its elements belong to
        QString checkpointDirectory; // where clone checkpoints live (beside the catalog)
        int maxThreads = 4;          // the queue's threads (copies are I/O bound: more than cores)
        quint64 chunkSize = 1 << 20;
        // Granularity of snapshots' copy-on-write maps and mirrors' dirty maps: a first overwrite
        // saves, and a resync copies, this much around each write.
        quint64 deltaChunkSize = 64 << 10;
        int monitorIntervalMs = 100; // how often mirrors' progress and state are sampled
    };

    // storage, syncs and jobs must outlive the service.
    ReplicationService(ReplicaStorage *storage, SyncStore *syncs, JobManager *jobs,
                       const Options &options, QObject *parent = nullptr);
    // Stops every copy (the jobs stay as persisted: a later engine resumes them) and the queue.
    ~ReplicationService() override;
    Q_DISABLE_COPY_MOVE(ReplicationService)

    // Loads the persisted pairs and registers the clone resumer with the job manager. Call before
    // JobManager::recover().
    cim::Result<void> recover();
    // After JobManager::recover(): pairs whose copy has no job any more end Broken.
    void reconcile();

    static QString serviceClass() { return QStringLiteral("MSISCSITARGET_ReplicationService"); }
    static QString capabilitiesClass()
    {
        return QStringLiteral("MSISCSITARGET_ReplicationServiceCapabilities");
    }
    static QString synchronizedClass()
    {
        return QStringLiteral("MSISCSITARGET_StorageSynchronized");
    }
    static MethodSpec createListReplicaSpec();
    static MethodSpec modifyListSynchronizationSpec();
    static MethodSpec modifyReplicaSynchronizationSpec();
    static MethodSpec getSupportedOperationsSpec(); // on the capabilities

    cim::ObjectPath servicePath() const;
    cim::ObjectPath capabilitiesPath() const;
    cim::Instance serviceInstance() const;
    cim::Instance capabilitiesInstance() const;
    QList<cim::Instance> synchronizedInstances() const;
    cim::Instance synchronizedInstance(const SyncRecord &record) const;

    // CIM_ReplicationService.CreateListReplica (seed 000). Answers 0 when the work is finished
    // within the call (Mode Synchronous, or WaitForCopyState reached), 4096 with a job otherwise;
    // an error leaves nothing behind (no volume, no pair, no job, no checkpoint).
    QFuture<cim::MethodResult> createListReplica(const cim::Parameters &in);
    // The same for a mirror whose job a caller already made (kind mirrorJobKind(), running: the
    // caller prepared the targets in it, e.g. on a peer). Answers at once, whatever the Mode:
    // 4096 when the pairs were made and the job copies on, or the error — the job is then left
    // to the caller, untouched.
    QFuture<cim::MethodResult> createListReplica(const cim::Parameters &in, ConcreteJob *job);
    static QString mirrorJobKind();
    // CIM_ReplicationService.ModifyListSynchronization / ModifyReplicaSynchronization: Detach,
    // Fracture, Resync Replica, Restore From Replica, Resume, Split, Suspend where they apply (see
    // supportedOperations). Every pair is checked before any changes: a refused request changes
    // nothing. 0 when done within the call (or WaitForCopyState reached), 4096 with a job for a
    // resync, resume or restore that has data to copy.
    QFuture<cim::MethodResult> modifyListSynchronization(const cim::Parameters &in);
    QFuture<cim::MethodResult> modifyReplicaSynchronization(const cim::Parameters &in);
    // CIM_ReplicationServiceCapabilities.GetSupportedOperations(ReplicationType).
    cim::MethodResult getSupportedOperations(const cim::Parameters &in) const;
    static QList<quint16> supportedOperations(cim::SyncType type);

    QList<SyncRecord> synchronizations() const;
    // A volume an unfinished copy reads or writes, or that is the replica of a pair: not to be
    // deleted or reused as a target (PoolManager's in-use hook).
    bool isInUse(const QString &deviceId) const;

    // Bytes the engine wrote to a pair's replica since this engine armed it: a snapshot's
    // copy-on-write saves, a mirror's drain copies (initial copy, resync, restore, asynchronous
    // lag). Work counted, for tests and benchmarks, rather than timed.
    quint64 replicaBytesCopied(const QString &syncId) const;
    // A mirror's lag: bytes its replica lacks (or the source, while restoring).
    quint64 mirrorDirtyBytes(const QString &syncId) const;
    // Bytes a synchronous mirror forwarded inline since this engine armed it.
    quint64 mirrorForwardedBytes(const QString &syncId) const;
    // Clears durable dirty marks now (normally periodic); for tests and shutdown.
    void cleanMirrorMaps();

    ThreadWeaver::Queue *queue() const { return m_queue.get(); }

Q_SIGNALS:
    // Pairs were added or moved (state, progress); coalesced by the progress sampling.
    void synchronizationsChanged();

private:
    struct Task;
    struct Pair;
    struct Request;
    struct MirrorTask;
    struct Modify;

    cim::Result<Request> validate(const cim::Parameters &in);
    CloneOptions cloneOptions(const Request &request, const SyncRecord &sync) const;
    QString checkpointPath(const QString &syncId) const;
    void startTask(std::shared_ptr<Task> task, bool suspended);
    void onCopierFinished(Task *task, Pair *pair, CloneCopier::Outcome outcome,
                          const QString &message);
    void updateProgress(Task *task);
    void setProgressStatus(Task *task, cim::ProgressStatus status);
    void saveSync(const SyncRecord &record);
    SyncRecord *sync(const QString &id);
    cim::Result<void> resumeJob(ConcreteJob *job);
    // Every pair of the job that has not ended: Broken, checkpoint removed.
    void breakPairs(const QString &jobId);

    // What reads a volume as a source: a snapshot's point in time, or the volume's image.
    std::shared_ptr<BlockDevice> sourceDevice(const QString &deviceId);
    bool isSnapshotTarget(const QString &deviceId) const;
    // The durable per-pair map: a clone's checkpoint, a snapshot's copy-on-write map, a mirror's
    // dirty map, all in the checkpoint directory.
    QString mapPath(const SyncRecord &sync) const;
    CloneOptions snapshotOptions(const SyncRecord &sync) const;
    MirrorOptions mirrorOptions(const SyncRecord &sync, quint16 priority) const;
    QFuture<cim::MethodResult> createSnapshots(const Request &request);
    QFuture<cim::MethodResult> createMirrors(const Request &request, ConcreteJob *given);
    // Targets for a request: the given ones, or new volumes named after label (the user's names
    // first); the volumes made are listed in created, for a rollback.
    cim::Result<QList<ReplicaVolume>> makeTargets(const Request &request, const QString &label,
                                                  QStringList &created);
    void rollbackCreate(const QStringList &syncIds, const QStringList &createdVolumes,
                        ConcreteJob *job);
    // Answers result once job ends (0 when Completed, 4 with the job's error otherwise).
    QFuture<cim::MethodResult> answerWhenFinished(ConcreteJob *job, cim::MethodResult result);

    cim::Result<Modify> validateModify(const cim::Parameters &in, bool listMethod);
    QFuture<cim::MethodResult> modify(const cim::Parameters &in, bool listMethod);
    cim::Result<void> fracture(const Modify &m);
    cim::Result<void> detach(const QString &syncId);
    cim::Result<void> refreshSnapshot(SyncRecord &sync);
    ConcreteJob *startCopyPhase(const Modify &m);

    // Mirrors: session flags from the pair's CopyState, periodic sampling, jobs.
    void applyMirrorState(const SyncRecord &sync);
    void monitorMirrors();
    void startMirrorTask(ConcreteJob *job, const QStringList &syncIds, quint16 progressStatus);
    cim::Result<void> resumeMirrorJob(ConcreteJob *job);
    void recoverSnapshotsAndMirrors();
    void removeOrphanMaps();

    ReplicaStorage *m_storage;
    SyncStore *m_syncStore;
    JobManager *m_jobs;
    Options m_options;
    std::unique_ptr<ThreadWeaver::Queue> m_queue;
    QList<SyncRecord> m_syncs;
    QHash<QString, std::shared_ptr<Task>> m_tasks;            // by job instance id
    QHash<QString, std::shared_ptr<CloneCopier>> m_snapshots; // by sync id
    QHash<QString, std::shared_ptr<MirrorSession>> m_mirrors; // by sync id
    QHash<QString, quint64> m_phaseStart; // copiedBytes when a phase began, by sync id
    QHash<QString, quint64> m_lastLag;    // dirtyBytes last shown, by sync id
    QHash<QString, std::shared_ptr<MirrorTask>> m_mirrorTasks; // by job instance id
    QTimer m_monitor;
    int m_monitorTicks = 0;
};

} // namespace rd::engine
