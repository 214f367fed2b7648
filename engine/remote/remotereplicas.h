#pragma once
// CreateListReplica across systems: a call whose TargetAccessPoint is a peer's endpoint in an
// active RemoteReplicationCollection makes the replicas on the peer. A job creates each target
// volume there over WS-Man (signing in through the PeerDirectory), then clones the source into it
// over the peer's NBD export (RemoteCloneWriter: holes skipped, copy-before-write of the source
// while it runs). TLS on NBD is checked against the certificate the peer showed on WS-Man (one
// identity serves both), so no second trust decision is needed. Clone only for now: a snapshot
// stays on its source's system, and mirrors across systems are refused with NotSupported.

#include "cim/methodcall.h"
#include "cim/result.h"

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
class RemoteCollections;
class ReplicaStorage;

class RemoteReplicas final : public QObject
{
    Q_OBJECT
public:
    // Everything given must outlive this object. stateDirectory keeps the peers' certificates
    // the NBD connections are checked against.
    RemoteReplicas(RemoteCollections *collections, ReplicaStorage *storage, JobManager *jobs,
                   PeerDirectory *peers, QString stateDirectory, QObject *parent = nullptr);
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
    void fail(const std::shared_ptr<Run> &run, const cim::Error &error);
    QString certificateDirectory(const QUrl &wsman) const;

    QPointer<RemoteCollections> m_collections;
    ReplicaStorage *m_storage;
    QPointer<JobManager> m_jobs;
    PeerDirectory *m_peers;
    QString m_stateDirectory;
    std::unique_ptr<ThreadWeaver::Queue> m_queue;
};

} // namespace rd::engine
