#include "enginehost.h"

#include "remote/peerdirectory.h"
#include "serving/engineserver.h"
#include "wsman/selfsignedcertificate.h"

#include <QDir>
#include <QLoggingCategory>
#include <QMutexLocker>
#include <QPromise>

Q_LOGGING_CATEGORY(lcEngineHost, "rd.enginehost")

namespace rd::engine {

EngineHost::EngineHost(QObject *parent)
    : QObject(parent)
{
    m_thread.setObjectName(QStringLiteral("rd-engine"));
}

EngineHost::~EngineHost()
{
    stop();
}

cim::Result<void> EngineHost::start(const EngineOptions &options, const HostServing &serving)
{
    if (m_engine)
        return {};
    m_options = options;
    m_thread.start();
    m_context = new QObject;
    m_context->moveToThread(&m_thread);

    cim::Result<std::unique_ptr<Engine>> opened =
        cim::Error(cim::ReturnCode::Failed, tr("The engine thread did not answer."));
    QMetaObject::invokeMethod(
        m_context, [&] { opened = Engine::open(options); }, Qt::BlockingQueuedConnection);
    if (!opened) {
        stop();
        return opened.error();
    }
    m_engine = std::move(opened).value();
    m_client = std::make_unique<LocalTransport>(m_engine->registry());
    {
        QMutexLocker lock(&m_peersMutex);
        m_peers = m_engine->peers();
    }
    if (auto served = serveHosts(serving); !served)
        qCWarning(lcEngineHost).noquote() << served.error().message;
    return {};
}

cim::Result<void> EngineHost::serveHosts(const HostServing &serving)
{
    if (!m_engine)
        return cim::Error(cim::ReturnCode::Failed, tr("The engine is not running."));
    cim::Result<void> result;
    QMetaObject::invokeMethod(
        m_context, [&] { result = serveOnEngineThread(serving); }, Qt::BlockingQueuedConnection);
    return result;
}

QFuture<cim::Result<void>> EngineHost::serveHostsLater(const HostServing &serving)
{
    auto promise = std::make_shared<QPromise<cim::Result<void>>>();
    QFuture<cim::Result<void>> future = promise->future();
    promise->start();
    if (!m_engine) {
        promise->addResult(cim::Error(cim::ReturnCode::Failed, tr("The engine is not running.")));
        promise->finish();
        return future;
    }
    QMetaObject::invokeMethod(
        m_context,
        [this, serving, promise] {
            promise->addResult(serveOnEngineThread(serving));
            promise->finish();
        },
        Qt::QueuedConnection);
    return future;
}

cim::Result<void> EngineHost::serveOnEngineThread(const HostServing &serving)
{
    const QDir data(m_options.dataDirectory);
    auto start = [&](bool network) -> cim::Result<void> {
        m_server.reset();
        m_server = std::make_unique<EngineServer>(
            EngineServer::Parts{m_engine->registry(), m_engine->poolManager(),
                                m_engine->remoteCollections(), m_engine->hostAccess(),
                                m_engine->replication()},
            wsman::UserStore());
        EngineServerOptions o;
        o.serveWsman = false;
        o.nbdLocalPath = data.filePath(QStringLiteral("nbd.sock"));
        if (network) {
            auto identity = wsman::loadOrCreateTlsIdentity(
                data.filePath(QStringLiteral("tls/engine-cert.pem")),
                data.filePath(QStringLiteral("tls/engine-key.pem")), m_engine->systemName());
            if (!identity)
                return identity.error();
            o.wsman.tls = identity.value();
            o.wsman.address = serving.address;
            o.nbdPort = serving.port;
        }
        return m_server->start(o);
    };
    cim::Result<void> result = start(serving.network);
    if (!result && serving.network)
        (void)start(false); // this user's socket, at least
    QMutexLocker lock(&m_servingMutex);
    m_localUrl = m_server->nbdLocalUrl();
    m_networkUrl = m_server->nbdUrl();
    m_servingError = result ? QString() : result.error().message;
    return result;
}

QString EngineHost::servingError() const
{
    QMutexLocker lock(&m_servingMutex);
    return m_servingError;
}

QUrl EngineHost::localNbdUrl() const
{
    QMutexLocker lock(&m_servingMutex);
    return m_localUrl;
}

QUrl EngineHost::networkNbdUrl() const
{
    QMutexLocker lock(&m_servingMutex);
    return m_networkUrl;
}

void EngineHost::stop()
{
    {
        QMutexLocker lock(&m_peersMutex);
        m_peers = nullptr;
    }
    m_client.reset();
    if (m_thread.isRunning()) {
        // The engine's timers and queued work belong to its thread; it must be destroyed there.
        QMetaObject::invokeMethod(
            m_context,
            [this] {
                m_server.reset(); // stops serving before the engine goes
                m_engine.reset();
                delete m_context;
            },
            Qt::BlockingQueuedConnection);
        m_context = nullptr;
        m_thread.quit();
        m_thread.wait();
    }
}

bool EngineHost::setPeerCredentials(const QUrl &endpoint, const PeerAccess &access)
{
    QMutexLocker lock(&m_peersMutex);
    if (!m_peers)
        return false;
    m_peers->set(endpoint, access);
    return true;
}

void EngineHost::forgetPeer(const QUrl &endpoint)
{
    QMutexLocker lock(&m_peersMutex);
    if (m_peers)
        m_peers->remove(endpoint);
}

std::optional<PeerAccess> EngineHost::peerCredentials(const QUrl &endpoint) const
{
    QMutexLocker lock(&m_peersMutex);
    return m_peers ? m_peers->find(endpoint) : std::nullopt;
}

} // namespace rd::engine
