#pragma once
// Runs an Engine on a thread of its own and hands out the LocalTransport the console talks to, so
// engine work never runs on the GUI thread. It serves the volumes to hosts over NBD through the
// same EngineServer as the daemon: on a Unix socket for this user from the start, and on the
// network with TLS when told to. The console hands the engine its peers' credentials through it,
// so the console needs no header of the engine's remote/ module.

#include "api/localtransport.h"
#include "api/peeraccess.h"
#include "engine.h"

#include <QFuture>
#include <QHostAddress>
#include <QMutex>
#include <QObject>
#include <QThread>
#include <QUrl>

#include <memory>
#include <optional>

namespace rd::engine {

class EngineServer;

// How the embedded engine serves its volumes to other computers.
struct HostServing
{
    bool network = false; // false: this user's Unix socket only
    QHostAddress address = QHostAddress(QHostAddress::Any);
    quint16 port = 10809; // NBD's registered port
};

class EngineHost final : public QObject
{
    Q_OBJECT
public:
    explicit EngineHost(QObject *parent = nullptr);
    ~EngineHost() override; // stops the engine
    Q_DISABLE_COPY_MOVE(EngineHost)

    // Opens the engine on its thread and waits for that (opening only reads the catalog), then
    // serves NBD as serving says. An engine that cannot serve still runs: servingError() says
    // why.
    cim::Result<void> start(const EngineOptions &options, const HostServing &serving = {});
    // Serves NBD anew as serving says (the Unix socket always, the network with TLS when asked);
    // on an error the Unix socket alone is served and the error says why.
    cim::Result<void> serveHosts(const HostServing &serving);
    // The same without waiting (a first TLS key takes a moment to make): the future finishes on
    // the engine's thread; watch it from the caller's.
    QFuture<cim::Result<void>> serveHostsLater(const HostServing &serving);
    QString servingError() const;
    // nbd+unix:///?socket=… and nbds://host:port/ (empty when not served), for the logs.
    QUrl localNbdUrl() const;
    QUrl networkNbdUrl() const;
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
    std::unique_ptr<EngineServer> m_server; // lives on m_thread, like the engine
    cim::Result<void> serveOnEngineThread(const HostServing &serving);
    mutable QMutex m_servingMutex; // guards the three below, written on the engine's thread
    QString m_servingError;
    QUrl m_localUrl, m_networkUrl;
    std::unique_ptr<LocalTransport> m_client;
    EngineOptions m_options;
    mutable QMutex m_peersMutex;
    PeerDirectory *m_peers = nullptr; // the engine's, while it runs; guarded by m_peersMutex
};

} // namespace rd::engine
