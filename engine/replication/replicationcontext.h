#pragma once
// What the replication service's kinds (ClonePairs, SnapshotPairs, MirrorPairs) share: the
// storage, the pair registry, the jobs, the copy queue and the options, with the few steps every
// kind's create path takes (new targets, a rollback, an answer when a job ends).

#include "pairregistry.h"
#include "replicaplan.h"
#include "replicastorage.h"

#include "cim/methodcall.h"
#include "jobs/jobmanager.h"

#include <QCoreApplication>
#include <QFuture>

#include <functional>
#include <optional>

namespace ThreadWeaver {
class Queue;
}

namespace rd::engine {

struct ReplicationOptions
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

struct ReplicationContext
{
    // Its texts are the replication service's (and keep their translations).
    Q_DECLARE_TR_FUNCTIONS(rd::engine::ReplicationService)
public:
    ReplicaStorage *storage = nullptr;
    PairRegistry *pairs = nullptr;
    JobManager *jobs = nullptr;
    ThreadWeaver::Queue *queue = nullptr;
    ReplicationOptions options;
    QObject *receiver = nullptr;   // context of the kinds' connections (the service)
    std::function<void()> changed; // pairs were added or moved

    static QString newSyncId();
    // A new pair's record (a new id; Initialized once PairRegistry::add() takes it).
    static SyncRecord newRecord(cim::SyncType type, quint16 mode, const ReplicaVolume &source,
                                const ReplicaVolume &target, const QDateTime &established);
    // With ConsistentPointInTime every source is held still (held engaged) while the copies arm,
    // so the replicas hold one instant across the list.
    void holdSources(const ReplicaPlan &plan, std::optional<WriteHold> &held) const;
    // A pair that cannot come back after a restart: Broken, and why in the log.
    void breakOnRecovery(const QString &syncId, const QString &why) const;
    // The durable per-pair map: a clone's checkpoint, a snapshot's copy-on-write map, a mirror's
    // dirty map, all in the checkpoint directory.
    QString mapPath(const SyncRecord &sync) const;
    QString checkpointPath(const QString &syncId) const;
    // Targets for a plan: the given ones, or new volumes named after label (the user's names
    // first); the volumes made are listed in created, for a rollback.
    cim::Result<QList<ReplicaVolume>> makeTargets(const ReplicaPlan &plan, const QString &label,
                                                  QStringList &created) const;
    // A failed create undone: the pairs' rows and maps, the volumes made, the job (if any);
    // release: the storage is told the targets are no longer paired. The kinds drop their
    // sessions first.
    void rollback(const QStringList &syncIds, const QStringList &createdVolumes, ConcreteJob *job,
                  bool release) const;
    static QString displayName(const ReplicaVolume &volume);
};

} // namespace rd::engine
