#include "enginehost.h"

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
    return {};
}

void EngineHost::stop()
{
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

} // namespace rd::engine
