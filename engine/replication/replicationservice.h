#pragma once
// The engine's replication: CreateListReplica (Clone implemented; Mirror and Snapshot answer Not
// Supported), the StorageSynchronized pairs it makes, and the clone jobs that copy them. Owns the
// engine's ThreadWeaver queue. Lives on the engine thread.

#include "clonecopier.h"
#include "replicastorage.h"
#include "syncstore.h"

#include "cim/enums.h"
#include "cim/methodcall.h"
#include "jobs/jobmanager.h"
#include "provider/methodspec.h"

#include <QFuture>
#include <QHash>
#include <QObject>

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

    QList<SyncRecord> synchronizations() const;
    // A volume an unfinished copy reads or writes, or that is the replica of a pair: not to be
    // deleted or reused as a target (PoolManager's in-use hook).
    bool isInUse(const QString &deviceId) const;

    ThreadWeaver::Queue *queue() const { return m_queue.get(); }

Q_SIGNALS:
    // Pairs were added or moved (state, progress); coalesced by the progress sampling.
    void synchronizationsChanged();

private:
    struct Task;
    struct Pair;
    struct Request;

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

    ReplicaStorage *m_storage;
    SyncStore *m_syncStore;
    JobManager *m_jobs;
    Options m_options;
    std::unique_ptr<ThreadWeaver::Queue> m_queue;
    QList<SyncRecord> m_syncs;
    QHash<QString, std::shared_ptr<Task>> m_tasks; // by job instance id
};

} // namespace rd::engine
