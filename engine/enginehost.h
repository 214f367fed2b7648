#pragma once
// Runs an Engine on a thread of its own and hands out the LocalTransport the console talks to, so
// engine work never runs on the GUI thread. The console hands the engine its peers' credentials
// through it, so the console needs no header of the engine's remote/ module.

#include "api/localtransport.h"
#include "api/peeraccess.h"
#include "engine.h"

#include <QMutex>
#include <QObject>
#include <QThread>
#include <QUrl>

#include <memory>
#include <optional>

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
    // What the engine presents to the peer at a WS-Man endpoint (the same endpoint written another
    // way is the same peer), in memory only. Safe from any thread; false, or nothing, while the
    // engine is stopped (a started engine knows no peer until it is told again).
    bool setPeerCredentials(const QUrl &endpoint, const PeerAccess &access);
    void forgetPeer(const QUrl &endpoint);
    std::optional<PeerAccess> peerCredentials(const QUrl &endpoint) const;

private:
    QThread m_thread;
    QObject *m_context = nullptr; // lives on m_thread; calls are queued to it
    std::unique_ptr<Engine> m_engine;
    std::unique_ptr<LocalTransport> m_client;
    EngineOptions m_options;
    mutable QMutex m_peersMutex;
    PeerDirectory *m_peers = nullptr; // the engine's, while it runs; guarded by m_peersMutex
};

} // namespace rd::engine
