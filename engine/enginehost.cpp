#include "enginehost.h"

#include "remote/peerdirectory.h"

#include <QMutexLocker>

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

cim::Result<void> EngineHost::start(const EngineOptions &options)
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
    QMutexLocker lock(&m_peersMutex);
    m_peers = m_engine->peers();
    return {};
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
