#include "engine.h"

#include "jobs/jobmanager.h"
#include "jobs/jobprovider.h"
#include "provider/computersystemprovider.h"
#include "remote/peerdirectory.h"
#include "remote/peerreplicastorage.h"
#include "remote/peervolumes.h"
#include "remote/remotecollectionprovider.h"
#include "replication/poolreplicastorage.h"
#include "replication/replicationprovider.h"
#include "replication/replicationservice.h"
#include "storage/catalog.h"
#include "storage/poolmanager.h"
#include "storage/storageconfigurationprovider.h"
#include "storage/storagepoolprovider.h"
#include "storage/storagevolumeprovider.h"
#include "wsman/selfsignedcertificate.h"

#include <QCoreApplication>
#include <QDir>
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
    auto catalog = Catalog::open(data.filePath(QStringLiteral("catalog.sqlite")));
    if (!catalog)
        return catalog.error();
    m_catalog = std::move(catalog).value();
    auto pools = PoolManager::open(m_catalog.get(), m_options.defaultPoolDirectory);
    if (!pools)
        return pools.error();
    m_pools = std::move(pools).value();

    // Jobs and replication. Recovery runs here, before the registry serves anything: pairs are
    // loaded, then every unfinished job is resumed (its copies re-armed on their sources) or
    // failed with its reason, so no write can reach a source ahead of its copy.
    m_jobs = std::make_unique<JobManager>(m_catalog.get());
    // Peers' volumes (remote mirrors' replicas) are known before recovery re-arms their pairs.
    m_peerVolumes = std::make_unique<PeerVolumes>(m_catalog.get());
    m_peerVolumes->setTimeout(m_options.peerTimeoutMs);
    if (auto r = m_peerVolumes->load(); !r)
        return r;
    m_localStorage = std::make_unique<PoolReplicaStorage>(m_pools.get(), m_systemName);
    m_replicaStorage =
        std::make_unique<PeerReplicaStorage>(m_localStorage.get(), m_peerVolumes.get());
    ReplicationService::Options replication;
    replication.systemName = m_systemName;
    replication.checkpointDirectory = data.filePath(QStringLiteral("checkpoints"));
    m_replication = std::make_unique<ReplicationService>(m_replicaStorage.get(), m_catalog.get(),
                                                         m_jobs.get(), replication);
    m_pools->isInUse = [service = m_replication.get()](const QString &deviceId) {
        return service->isInUse(deviceId);
    };
    if (auto r = m_replication->recover(); !r)
        return r;
    if (auto r = m_jobs->recover(); !r)
        return r;
    m_replication->reconcile();
    // Storage: pools, volumes and the configuration service that creates and deletes volumes.
    if (!m_registry->addProvider(
            std::make_shared<StoragePoolProvider>(m_pools.get(), m_systemName)) ||
        !m_registry->addProvider(
            std::make_shared<StorageVolumeProvider>(m_pools.get(), m_systemName)) ||
        !m_registry->addProvider(
            std::make_shared<StorageConfigurationProvider>(m_pools.get(), m_systemName)))
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
    // Remote collections live under the registry (RemoteCollections::of), so they go before the
    // jobs and catalog they use; their two methods are served on the ReplicationService's path.
    auto *remote =
        new RemoteCollections(m_catalog.get(), m_jobs.get(), m_systemName, m_registry.get());
    if (auto r = remote->load(); !r)
        return r;
    remote->setPeerConnector(m_peers->connector());
    // Replicas on peers: children of the registry too, so their copies stop before the jobs go.
    auto *remoteReplicas =
        new RemoteReplicas({remote, m_replicaStorage.get(), m_jobs.get(), m_peers.get(),
                            m_replication.get(), m_peerVolumes.get(), m_options.dataDirectory},
                           m_registry.get());
    auto router = std::make_shared<ReplicationServiceRouter>(
        std::make_shared<ReplicationProvider>(m_replication.get()), remote,
        ReplicationService::serviceClass());
    router->setRemoteReplicas(remoteReplicas);
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

QString Engine::version()
{
    return QStringLiteral(RD_VERSION);
}

QString Engine::threadWeaverVersion()
{
    return QStringLiteral(RD_THREADWEAVER_VERSION);
}

} // namespace rd::engine
