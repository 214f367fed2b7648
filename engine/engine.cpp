#include "engine.h"

#include "access/hostaccess.h"
#include "access/hostaccessprovider.h"
#include "access/hoststore.h"

#include "db/database.h"
#include "jobs/jobmanager.h"
#include "jobs/jobprovider.h"
#include "jobs/sqljobstore.h"
#include "provider/computersystemprovider.h"
#include "rd/version.h"
#include "remote/peerdirectory.h"
#include "remote/peerreplicastorage.h"
#include "remote/peervolumes.h"
#include "remote/peervolumestore.h"
#include "remote/remotecollectionprovider.h"
#include "remote/remotecollections.h"
#include "remote/remotecollectionstore.h"
#include "remote/remotereplicas.h"
#include "replication/poolreplicastorage.h"
#include "replication/replicationprovider.h"
#include "replication/replicationservice.h"
#include "replication/sqlsyncstore.h"
#include "storage/poolmanager.h"
#include "storage/poolstore.h"
#include "storage/storageconfigurationprovider.h"
#include "storage/storagepoolprovider.h"
#include "storage/storagevolumeprovider.h"
#include "transfer/imagetransfers.h"
#include "wsman/selfsignedcertificate.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QPointer>
#include <QSysInfo>

namespace rd::engine {

cim::Result<std::unique_ptr<Engine>> Engine::open(const EngineOptions &options)
{
    if (options.dataDirectory.isEmpty() || options.defaultPoolDirectory.isEmpty()) {
        return cim::Error(cim::ReturnCode::InvalidParameter,
                          tr("The engine needs a data directory and a default pool directory."));
    }
    for (const QString &dir : {options.dataDirectory, options.defaultPoolDirectory}) {
        if (!QDir().mkpath(dir)) {
            return cim::Error(
                cim::ReturnCode::Failed,
                tr("Cannot create the directory %1.").arg(QDir::toNativeSeparators(dir)));
        }
    }
    // The state directory (catalog, TLS key, client certificates) is the engine's user's alone.
    if (!QFile::setPermissions(options.dataDirectory, QFileDevice::ReadOwner |
                                                          QFileDevice::WriteOwner |
                                                          QFileDevice::ExeOwner)) {
        return cim::Error(cim::ReturnCode::Failed,
                          tr("Cannot make the directory %1 private to its owner.")
                              .arg(QDir::toNativeSeparators(options.dataDirectory)));
    }
    std::unique_ptr<Engine> engine(new Engine(options));
    if (auto started = engine->start(); !started)
        return started.error();
    return engine;
}

Engine::Engine(const EngineOptions &options)
    : m_options(options)
    , m_systemName(options.systemName.isEmpty() ? QSysInfo::machineHostName() : options.systemName)
    , m_peers(std::make_unique<PeerDirectory>())
    , m_registry(std::make_unique<ProviderRegistry>())
{}

Engine::~Engine() = default;

cim::Result<void> Engine::start()
{
    if (!m_registry->addProvider(std::make_shared<ComputerSystemProvider>(m_systemName)))
        return cim::Error(cim::ReturnCode::Failed, tr("Provider classes overlap."));

    const QDir data(m_options.dataDirectory);
    // The certificate this engine shows peers: signing in to a peer's WS-Man with it lets the
    // same engine use that peer's NBD export.
    auto identity = wsman::loadOrCreateTlsIdentity(
        data.filePath(QStringLiteral("identity/client-cert.pem")),
        data.filePath(QStringLiteral("identity/client-key.pem")),
        // Not translated: the name in a certificate must not change with the language.
        QStringLiteral("ReplicaDesk engine %1").arg(m_systemName), wsman::CertificateUse::Client);
    if (!identity)
        return identity.error();
    m_peers->setClientIdentity(*identity);
    if (auto r = openStores(data.filePath(QStringLiteral("catalog.sqlite"))); !r)
        return r;
    auto pools = PoolManager::open(m_poolStore.get(), m_options.defaultPoolDirectory);
    if (!pools)
        return pools.error();
    m_pools = std::move(pools).value();
    // Host access after the pools: its grants name volumes and pools.
    auto hostStore = HostStore::open(m_database.get());
    if (!hostStore)
        return hostStore.error();
    m_hostStore = std::move(hostStore).value();
    auto hosts = HostAccess::open(m_hostStore.get(), m_pools.get());
    if (!hosts)
        return hosts.error();
    m_hosts = std::move(hosts).value();

    // Jobs and replication. Recovery runs here, before the registry serves anything: pairs are
    // loaded, then every unfinished job is resumed (its copies re-armed on their sources) or
    // failed with its reason, so no write can reach a source ahead of its copy.
    m_jobs = std::make_unique<JobManager>(m_jobStore.get());
    // Peers' volumes (remote mirrors' replicas) are known before recovery re-arms their pairs.
    m_peerVolumes = std::make_unique<PeerVolumes>(m_peerVolumeStore.get());
    m_peerVolumes->setTimeout(m_options.peerTimeoutMs);
    if (auto r = m_peerVolumes->load(); !r)
        return r;
    m_localStorage = std::make_unique<PoolReplicaStorage>(m_pools.get(), m_systemName);
    m_replicaStorage =
        std::make_unique<PeerReplicaStorage>(m_localStorage.get(), m_peerVolumes.get());
    ReplicationService::Options replication;
    replication.systemName = m_systemName;
    replication.checkpointDirectory = data.filePath(QStringLiteral("checkpoints"));
    m_replication = std::make_unique<ReplicationService>(m_replicaStorage.get(), m_syncStore.get(),
                                                         m_jobs.get(), replication);
    m_pools->usedBy = [service = m_replication.get()](const QString &deviceId) {
        return service->usesOf(deviceId);
    };
    // Images changed around the engine while it was down take their pairs out of Synchronized
    // before the pairs' sessions come back (and before anything is served); later ones as the
    // running engine finds them. A change is acknowledged only once replication has persisted
    // the pairs' new state and marked what a mirror must copy.
    if (auto r = m_replication->recover(m_pools->outsideChanges()); !r)
        return r;
    auto takeIn = [pools = m_pools.get(), service = m_replication.get()](const QString &id) {
        service->imageChangedOutside(id);
        pools->acknowledgeOutsideChange(id);
    };
    for (const QString &id : m_pools->outsideChanges())
        takeIn(id);
    connect(m_pools.get(), &PoolManager::imageChangedOutside, m_replication.get(), takeIn);
    m_pools->setImageCheckInterval(m_options.imageCheckIntervalMs);
    // Its resumers clean up after imports and exports the last engine left unfinished.
    m_transfers = std::make_unique<ImageTransfers>(ImageTransfers::Parts{
        m_pools.get(), m_jobs.get(), m_systemName, data.filePath(QStringLiteral("transfer.sock")),
        TransferPolicy(m_options.transferDirectories)});
    m_pools->copiedBy = [transfers =
                             QPointer<ImageTransfers>(m_transfers.get())](const QString &deviceId) {
        return transfers ? transfers->copiesOf(deviceId) : QString();
    };
    if (auto r = m_jobs->recover(); !r)
        return r;
    m_replication->reconcile();
    // Storage: pools, volumes and the configuration service that creates and deletes volumes
    // (and imports and exports their images).
    auto configuration =
        std::make_shared<StorageConfigurationProvider>(m_pools.get(), m_systemName);
    configuration->setImageTransfers(m_transfers.get());
    if (!m_registry->addProvider(
            std::make_shared<StoragePoolProvider>(m_pools.get(), m_systemName)) ||
        !m_registry->addProvider(
            std::make_shared<StorageVolumeProvider>(m_pools.get(), m_systemName)) ||
        !m_registry->addProvider(std::move(configuration)) ||
        !m_registry->addProvider(
            std::make_shared<HostAccessProvider>(m_hosts.get(), m_pools.get(), m_systemName)))
        return cim::Error(cim::ReturnCode::Failed, tr("Provider classes overlap."));
    connect(m_pools.get(), &PoolManager::poolsChanged, m_registry.get(),
            [registry = m_registry.get()] {
                Q_EMIT registry->classChanged(StoragePoolProvider::poolClass());
                Q_EMIT registry->classChanged(StoragePoolProvider::hostedPoolClass());
            });
    connect(m_pools.get(), &PoolManager::volumesChanged, m_registry.get(),
            [registry = m_registry.get()] {
                Q_EMIT registry->classChanged(StorageVolumeProvider::volumeClass());
                Q_EMIT registry->classChanged(StoragePoolProvider::allocatedFromClass());
                // A pool's RemainingManagedSpace moves with its volumes.
                Q_EMIT registry->classChanged(StoragePoolProvider::poolClass());
            });
    // Remote collections: their two methods are served on the ReplicationService's path.
    m_remoteCollections = std::make_unique<RemoteCollections>(m_remoteCollectionStore.get(),
                                                              m_jobs.get(), m_systemName);
    RemoteCollections *remote = m_remoteCollections.get();
    if (auto r = remote->load(); !r)
        return r;
    remote->setPeerConnector(m_peers->connector());
    // Replicas on peers; their copies stop before the jobs go.
    m_remoteReplicas = std::make_unique<RemoteReplicas>(
        RemoteReplicas::Parts{remote, m_replicaStorage.get(), m_jobs.get(), m_peers.get(),
                              m_replication.get(), m_peerVolumes.get(), m_options.dataDirectory});
    auto router = std::make_shared<ReplicationServiceRouter>(
        std::make_shared<ReplicationProvider>(m_replication.get()), remote,
        ReplicationService::serviceClass());
    router->setRemoteReplicas(m_remoteReplicas.get());
    if (!m_registry->addProvider(std::make_shared<JobProvider>(m_jobs.get())) ||
        !m_registry->addProvider(router) ||
        !m_registry->addProvider(std::make_shared<RemoteCollectionProvider>(remote)))
        return cim::Error(cim::ReturnCode::Failed, tr("Provider classes overlap."));
    connect(remote, &RemoteCollections::collectionsChanged, m_registry.get(),
            [registry = m_registry.get()] {
                Q_EMIT registry->classChanged(RemoteCollections::collectionClass());
            });
    connect(
        m_jobs.get(), &JobManager::jobsChanged, m_registry.get(),
        [registry = m_registry.get()] { Q_EMIT registry->classChanged(jobclass::concreteJob()); });
    connect(m_replication.get(), &ReplicationService::synchronizationsChanged, m_registry.get(),
            [registry = m_registry.get()] {
                Q_EMIT registry->classChanged(ReplicationService::synchronizedClass());
            });
    return {};
}

cim::Result<void> Engine::openStores(const QString &filePath)
{
    auto database = Database::open(filePath);
    if (!database)
        return database.error();
    m_database = std::move(database).value();
    // Each module adds its own tables, in the order the single catalog made them.
    auto pools = PoolStore::open(m_database.get());
    if (!pools)
        return pools.error();
    m_poolStore = std::move(pools).value();
    auto syncs = SqlSyncStore::open(m_database.get());
    if (!syncs)
        return syncs.error();
    m_syncStore = std::move(syncs).value();
    auto jobs = SqlJobStore::open(m_database.get());
    if (!jobs)
        return jobs.error();
    m_jobStore = std::move(jobs).value();
    auto collections = RemoteCollectionStore::open(m_database.get());
    if (!collections)
        return collections.error();
    m_remoteCollectionStore = std::move(collections).value();
    auto peerVolumes = PeerVolumeStore::open(m_database.get());
    if (!peerVolumes)
        return peerVolumes.error();
    m_peerVolumeStore = std::move(peerVolumes).value();
    return {};
}

QString Engine::version()
{
    return QStringLiteral(RD_VERSION);
}

QString Engine::threadWeaverVersion()
{
    return QStringLiteral(RD_THREADWEAVER_VERSION);
}

} // namespace rd::engine
