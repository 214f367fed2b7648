#pragma once
// Runs an Engine on a thread of its own and hands out the LocalTransport the console talks to, so
// engine work never runs on the GUI thread.

#include "api/localtransport.h"
#include "engine.h"

#include <QObject>
#include <QThread>

#include <memory>

namespace rd::engine {

class EngineHost final : public QObject
{
    Q_OBJECT
public:
    explicit EngineHost(QObject *parent = nullptr);
    ~EngineHost() override; // stops the engine
    Q_DISABLE_COPY_MOVE(EngineHost)

    // Opens the engine on its thread and waits for that (opening only reads the catalog).
    cim::Result<void> start(const EngineOptions &options);
    void stop();

    bool isRunning() const { return m_client != nullptr; }
    // Valid while running; lives on the caller's thread.
    CimClient *client() const { return m_client.get(); }
    const EngineOptions &options() const { return m_options; }
    // What the engine presents to its peers; safe to fill from the GUI thread. Null when stopped.
    PeerDirectory *peers() const { return m_engine ? m_engine->peers() : nullptr; }

private:
    QThread m_thread;
    QObject *m_context = nullptr; // lives on m_thread; calls are queued to it
    std::unique_ptr<Engine> m_engine;
    std::unique_ptr<LocalTransport> m_client;
    EngineOptions m_options;
};

} // namespace rd::engine
