#pragma once
// CreateListReplica across systems: a call whose TargetAccessPoint is a peer's endpoint in an
// active RemoteReplicationCollection makes the replicas on the peer. A job creates each target
// volume there over WS-Man (signing in through the PeerDirectory), then
//  - Clone: copies the source into it over the peer's NBD export (RemoteCloneWriter: holes
//    skipped, copy-before-write of the source while it runs);
//  - Mirror (Mode 2 or 3): records the peer's volumes in PeerVolumes and hands the same job to the
//    ReplicationService, which mirrors to them as to local replicas (dirty map, Broken when the
//    peer goes, Resync of only what changed once it is back).
// TLS on NBD is checked against the certificate the peer showed on WS-Man (one identity serves
// both), so no second trust decision is needed. A snapshot stays on its source's system.

#include "cim/methodcall.h"
#include "cim/result.h"
#include "replication/replicaplan.h"

#include <QFuture>
#include <QObject>
#include <QPointer>
#include <QUrl>

#include <memory>

namespace ThreadWeaver {
class Queue;
}

namespace rd::engine {

class JobManager;
class PeerDirectory;
class PeerVolumes;
class RemoteCollections;
class ReplicaStorage;
class ReplicationService;

class RemoteReplicas final : public QObject
{
    Q_OBJECT
public:
    // What it works with; everything must outlive this object. stateDirectory keeps the peers'
    // certificates the NBD connections are checked against.
    struct Parts
    {
        RemoteCollections *collections = nullptr;
        ReplicaStorage *storage = nullptr;
        JobManager *jobs = nullptr;
        PeerDirectory *peers = nullptr;
        ReplicationService *replication = nullptr;
        PeerVolumes *peerVolumes = nullptr;
        QString stateDirectory;
    };
    explicit RemoteReplicas(const Parts &parts, QObject *parent = nullptr);
    ~RemoteReplicas() override;
    Q_DISABLE_COPY_MOVE(RemoteReplicas)

    static QString jobKind();
    // A CreateListReplica with a TargetAccessPoint: this class's to answer.
    static bool handles(const cim::MethodCall &call);
    QFuture<cim::MethodResult> invoke(const cim::MethodCall &call);

private:
    struct Plan;
    struct Run;
    cim::Result<std::shared_ptr<Plan>> validate(const cim::Parameters &in) const;
    void createNext(const std::shared_ptr<Run> &run);
    void copyNext(const std::shared_ptr<Run> &run);
    // The peer's certificate kept for its NBD export (once per run); false: the run failed.
    bool keepCertificate(const std::shared_ptr<Run> &run);
    void attachMirrors(const std::shared_ptr<Run> &run);
    void startMirrors(const std::shared_ptr<Run> &run);
    // The service's plan for a request's replicas (sources, mode, settings; targets unset).
    static ReplicaPlan replicaPlan(const Plan &remote);
    void fail(const std::shared_ptr<Run> &run, const cim::Error &error);
    // fail() for an NBD error, with a hint when the certificate's names are the cause.
    void failOnDataChannel(const std::shared_ptr<Run> &run, QString why);
    // ReturnToStoragePool of a volume made on the peer, tried again while the peer says InUse.
    void giveBack(const std::shared_ptr<Run> &run, const cim::ObjectPath &volume, int attempts);
    QString certificateDirectory(const QUrl &wsman) const;

    QPointer<RemoteCollections> m_collections;
    ReplicaStorage *m_storage;
    QPointer<JobManager> m_jobs;
    PeerDirectory *m_peers;
    QPointer<ReplicationService> m_replication;
    PeerVolumes *m_peerVolumes;
    QString m_stateDirectory;
    std::unique_ptr<ThreadWeaver::Queue> m_queue;
};

} // namespace rd::engine
