#pragma once
// The replication engine as one object: it opens the database and pools under a data directory,
// registers the providers that serve its CIM classes, and runs the replication work. It owns
// everything it runs. An Engine lives on one thread (the engine thread in the console, the main
// thread in the daemon and tests).

#include "cim/result.h"
#include "provider/providerregistry.h"

#include <QObject>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace rd::engine {

class Database;
class HostAccess;
class HostStore;
class ImageTransfers;
class JobManager;
class PeerDirectory;
class PeerVolumeStore;
class PeerVolumes;
class PoolManager;
class PoolStore;
class RemoteCollectionStore;
class RemoteCollections;
class RemoteReplicas;
class ReplicaStorage;
class ReplicationService;
class SqlJobStore;
class SqlSyncStore;

struct EngineOptions
{
    QString dataDirectory;        // catalog and state; created when missing
    QString defaultPoolDirectory; // the default storage pool; created when missing
    QString systemName;           // CIM Name of the ComputerSystem; the host name when empty
    // How long a peer's NBD export may leave a mirror's write or copy unanswered before the
    // connection counts as cut (the pair then turns Broken); also the limit for connecting.
    int peerTimeoutMs = 30000;
    // How often the images in the pools are compared with what the engine last wrote to them, to
    // find changes made around it (a user writing an image file directly).
    int imageCheckIntervalMs = 1000;
    // Where ImportImage may read and ExportImage write image files (the engine opens them with
    // its own rights): nullopt, any path (the console's engine, which runs as its user); else
    // only files under these directories, by canonical path, and none when the list is empty
    // (the daemon, whose clients must not make it read what they may not: --transfer-dir).
    std::optional<QStringList> transferDirectories;
};

class Engine final : public QObject
{
    Q_OBJECT
public:
    // Opens (or creates) the engine's state; an error says what could not be opened and why.
    static cim::Result<std::unique_ptr<Engine>> open(const EngineOptions &options);
    ~Engine() override;
    Q_DISABLE_COPY_MOVE(Engine)

    ProviderRegistry *registry() const { return m_registry.get(); }
    // The database every module keeps its tables in, and the stores of those it persists
    // through.
    Database *database() const { return m_database.get(); }
    SqlSyncStore *syncStore() const { return m_syncStore.get(); }
    SqlJobStore *jobStore() const { return m_jobStore.get(); }
    PoolManager *poolManager() const { return m_pools.get(); }
    // The hosts admitted to the volumes' NBD export.
    HostAccess *hostAccess() const { return m_hosts.get(); }
    JobManager *jobManager() const { return m_jobs.get(); }
    ReplicationService *replication() const { return m_replication.get(); }
    // Remote replication collections (peers and their access points) and the replicas this
    // engine makes on peers.
    RemoteCollections *remoteCollections() const { return m_remoteCollections.get(); }
    RemoteReplicas *remoteReplicas() const { return m_remoteReplicas.get(); }
    // Credentials and pinned certificates for the peers this engine contacts; thread-safe.
    PeerDirectory *peers() const { return m_peers.get(); }
    const EngineOptions &options() const { return m_options; }
    QString systemName() const { return m_systemName; }

    // The versions the about box shows.
    static QString version();
    static QString threadWeaverVersion();

private:
    explicit Engine(const EngineOptions &options);
    cim::Result<void> start();
    cim::Result<void> openStores(const QString &filePath);

    EngineOptions m_options;
    QString m_systemName;
    // Destroyed bottom-up: the registry's providers first, then the replicas on peers (their
    // copies stop) and the remote collections, replication (its copies stop), jobs, pools, the
    // stores they persist through and the database last.
    std::unique_ptr<PeerDirectory> m_peers; // outlives RemoteCollections, which asks it
    std::unique_ptr<Database> m_database;
    std::unique_ptr<PoolStore> m_poolStore;
    std::unique_ptr<SqlSyncStore> m_syncStore;
    std::unique_ptr<SqlJobStore> m_jobStore;
    std::unique_ptr<RemoteCollectionStore> m_remoteCollectionStore;
    std::unique_ptr<PeerVolumeStore> m_peerVolumeStore;
    std::unique_ptr<PoolManager> m_pools;
    std::unique_ptr<HostStore> m_hostStore;
    std::unique_ptr<HostAccess> m_hosts;
    std::unique_ptr<JobManager> m_jobs;
    std::unique_ptr<PeerVolumes> m_peerVolumes;
    std::unique_ptr<ReplicaStorage> m_localStorage;
    std::unique_ptr<ReplicaStorage> m_replicaStorage; // local pools and peers' volumes
    std::unique_ptr<ReplicationService> m_replication;
    // Use the jobs and replication above; the replicas use the collections.
    std::unique_ptr<RemoteCollections> m_remoteCollections;
    std::unique_ptr<RemoteReplicas> m_remoteReplicas;
    // Image imports and exports: jobs over a private NBD export; their qemu-img runs stop before
    // the jobs and pools go.
    std::unique_ptr<ImageTransfers> m_transfers;
    // Its providers hold the objects above by QPointer or raw pointer, so it goes first.
    std::unique_ptr<ProviderRegistry> m_registry;
};

} // namespace rd::engine
