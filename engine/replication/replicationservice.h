#pragma once
// The engine's replication, as a typed API: CreateListReplica's clones, snapshots and mirrors
// (createReplicas from a ReplicaPlan), their life cycle (modify from a SyncModification), the
// StorageSynchronized pairs, and recovery after a restart. A façade over the PairRegistry and the
// three kinds (ClonePairs, SnapshotPairs, MirrorPairs); ReplicationProvider serves it as CIM.
// Owns the engine's ThreadWeaver queue. Lives on the engine thread.

#include "pairregistry.h"
#include "replicaplan.h"
#include "replicastorage.h"
#include "replicationcontext.h"
#include "syncstore.h"

#include "cim/enums.h"
#include "cim/methodcall.h"
#include "jobs/jobmanager.h"
#include "requests/createlistreplicarequest.h"
#include "requests/modifysynchronizationrequest.h"

#include <QFuture>
#include <QObject>

#include <memory>

namespace ThreadWeaver {
class Queue;
}

namespace rd::engine {

class ClonePairs;
class MirrorPairs;
class SnapshotPairs;

class ReplicationService final : public QObject
{
    Q_OBJECT
public:
    using Options = ReplicationOptions;

    // storage, syncs and jobs must outlive the service.
    ReplicationService(ReplicaStorage *storage, SyncStore *syncs, JobManager *jobs,
                       const Options &options, QObject *parent = nullptr);
    // Stops every copy (the jobs stay as persisted: a later engine resumes them) and the queue.
    ~ReplicationService() override;
    Q_DISABLE_COPY_MOVE(ReplicationService)

    // Loads the persisted pairs and registers the clone resumer with the job manager. Call before
    // JobManager::recover(). changedOutside: volumes whose image was changed outside the engine
    // while it was down; their Synchronized pairs leave that state before their sessions re-arm
    // (call imageChangedOutside for them afterwards too: a mirror's marks need its session).
    cim::Result<void> recover(const QStringList &changedOutside = {});
    // After JobManager::recover(): pairs whose copy has no job any more end Broken.
    void reconcile();

    // The CIM names the service is served under (ReplicationProvider).
    static QString serviceClass() { return QStringLiteral("MSISCSITARGET_ReplicationService"); }
    static QString capabilitiesClass()
    {
        return QStringLiteral("MSISCSITARGET_ReplicationServiceCapabilities");
    }
    static QString synchronizedClass()
    {
        return QStringLiteral("MSISCSITARGET_StorageSynchronized");
    }
    const QString &systemName() const { return m_context.options.systemName; }

    // --- CreateListReplica ---------------------------------------------------------------------
    // A parsed CreateListReplica (its state-free rules checked by parse()) checked against the
    // engine's state: the sources exist and may be replicated, the targets exist, are large enough
    // and free, the pool and setting exist. Every refusal names its parameter.
    cim::Result<ReplicaPlan> planReplicas(const requests::CreateListReplicaRequest &request) const;
    // The state rules of a plan made elsewhere (the remote path's plan, whose targets it made on a
    // peer): the same checks, the same refusals.
    cim::Result<void> checkPlan(const ReplicaPlan &plan) const;
    // Makes the replicas of a checked plan (seed 000): 0 when the work is finished within the
    // call (Mode Synchronous, or WaitForCopyState reached), 4096 with a job otherwise; an error
    // leaves nothing behind (no volume, no pair, no job, no checkpoint).
    QFuture<cim::MethodResult> createReplicas(const ReplicaPlan &plan);
    QFuture<cim::MethodResult> createClones(const ReplicaPlan &plan);
    QFuture<cim::MethodResult> createSnapshots(const ReplicaPlan &plan);
    // job: null, or one a caller already made (kind mirrorJobKind(), running: the caller prepared
    // the targets in it, e.g. on a peer). With a job it answers at once, whatever the Mode: 4096
    // when the pairs were made and the job copies on, or the error — the job is then left to the
    // caller, untouched.
    QFuture<cim::MethodResult> createMirrors(const ReplicaPlan &plan, ConcreteJob *job = nullptr);
    static QString mirrorJobKind();

    // --- ModifyListSynchronization / ModifyReplicaSynchronization ------------------------------
    // Detach, Fracture, Resync Replica, Restore From Replica, Resume, Split, Suspend where they
    // apply (see supportedOperations). Every pair is checked before any changes: a refused
    // request changes nothing.
    // The pairs a parsed request names exist, are of one SyncType and Mode, and are in a state
    // the operation starts from (PairRegistry's table).
    cim::Result<SyncModification>
    planModification(const requests::ModifySynchronizationRequest &request) const;
    // 0 when done within the call (or WaitForCopyState reached), 4096 with a job for a resync,
    // resume or restore that has data to copy.
    QFuture<cim::MethodResult> modify(const SyncModification &m);
    static QList<quint16> supportedOperations(cim::SyncType type);

    QList<SyncRecord> synchronizations() const;
    // A volume an unfinished copy reads or writes, or that is the replica of a pair: not to be
    // deleted or reused as a target (PoolManager's in-use hook).
    bool isInUse(const QString &deviceId) const;
    // The pairs that use the volume, in words for a refusal ("the mirror of A to B"); empty
    // when none (PoolManager's usedBy hook).
    QString usesOf(const QString &deviceId) const;
    // Why hosts may not write to the volume now, empty when they may: it is a snapshot, a
    // mirror's replica (until the mirror is fractured or split) or the target of an unfinished
    // clone. The NBD export asks at every write.
    QString hostWriteRefusal(const QString &deviceId) const;

    // The CIM face, kept here for the callers that reach the service through Engine (tests,
    // benchmarks); ReplicationProvider builds them.
    cim::ObjectPath servicePath() const;
    QList<cim::Instance> synchronizedInstances() const;
    cim::Instance synchronizedInstance(const SyncRecord &record) const;

    // Bytes the engine wrote to a pair's replica since this engine armed it: a snapshot's
    // copy-on-write saves, a mirror's drain copies (initial copy, resync, restore, asynchronous
    // lag). Work counted, for tests and benchmarks, rather than timed.
    quint64 replicaBytesCopied(const QString &syncId) const;
    // A mirror's lag: bytes its replica lacks (or the source, while restoring); nullopt when the
    // pair has no live session.
    std::optional<quint64> mirrorLag(const QString &syncId) const;
    quint64 mirrorDirtyBytes(const QString &syncId) const;
    // Bytes a synchronous mirror forwarded inline since this engine armed it.
    quint64 mirrorForwardedBytes(const QString &syncId) const;
    // Clears durable dirty marks now (normally periodic); for tests and shutdown.
    void cleanMirrorMaps();
    // The volume's image file was changed outside the engine (PoolManager found it): every pair
    // with it as source or replica leaves Synchronized (mirrors and snapshots become Skewed /
    // Requires Resync), and a mirror's next copy copies every chunk. A finished clone is a copy
    // of its point in time that nothing keeps in step, so it stays as it is.
    void imageChangedOutside(const QString &deviceId);

    ThreadWeaver::Queue *queue() const { return m_queue.get(); }

Q_SIGNALS:
    // Pairs were added or moved (state, progress); coalesced by the progress sampling.
    void synchronizationsChanged();

private:
    // The state rules of one source and one target of a plan, shared by planReplicas (in the
    // order it reads the parameters) and checkPlan. seen: the volumes named so far.
    cim::Result<void> checkSource(cim::SyncType type, const ReplicaVolume &source) const;
    cim::Result<void> checkTarget(const ReplicaPlan &plan, qsizetype index,
                                  const ReplicaVolume &target, QStringList &seen) const;
    // Detach: the pair is forgotten (see the definition for what happens to its replica).
    cim::Result<void> detach(const QString &syncId);
    // Maps whose pair is gone: a crash between removing a pair's row and its map (rows go first).
    void removeOrphanMaps();

    std::unique_ptr<ThreadWeaver::Queue> m_queue;
    PairRegistry m_pairs;
    ReplicationContext m_context;
    std::unique_ptr<SnapshotPairs> m_snapshots;
    std::unique_ptr<ClonePairs> m_clones;
    std::unique_ptr<MirrorPairs> m_mirrors;
};

} // namespace rd::engine
