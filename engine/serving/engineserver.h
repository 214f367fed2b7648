#pragma once
// What an engine serves to the network, assembled once: the WS-Management server, the NBD export
// of its volumes, the record of client certificates that admits peers to NBD, the hook that keeps
// a volume a peer has open from being deleted, and the endpoints its remote collections may name.
// The daemon serves through it; the console can, too. Lives on the engine's thread.

#include "cim/result.h"
#include "wsman/userstore.h"
#include "wsman/wsmanserver.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <QUrl>

#include <memory>
#include <optional>

namespace rd::engine {

class NbdServer;
class PoolManager;
class ProviderRegistry;
class RemoteCollections;

struct EngineServerOptions
{
    // Address, port, TLS identity (HTTPS when set) and limits of the WS-Man listener. NBD listens
    // on the same address and, with TLS, shows the same identity.
    wsman::WsmanServerOptions wsman;
    // NBD is served when set (0: a port the OS chooses).
    std::optional<quint16> nbdPort;
    // Admit every NBD client and allow NBD without TLS off loopback. Without it, a client off
    // this host must show a certificate that signed in to WS-Man here.
    bool nbdInsecure = false;
    // Where the certificates of clients that signed in over HTTPS are kept (JSON).
    QString clientCertificatesFile;
};

class EngineServer final : public QObject
{
    Q_OBJECT
public:
    // What it serves; everything must outlive the server (the Engine owns it all).
    struct Parts
    {
        ProviderRegistry *registry = nullptr;
        PoolManager *pools = nullptr;
        RemoteCollections *remoteCollections = nullptr; // may be null
    };
    EngineServer(const Parts &parts, wsman::UserStore users, QObject *parent = nullptr);
    ~EngineServer() override; // stop()s
    Q_DISABLE_COPY_MOVE(EngineServer)

    // Listens as options say; on an error nothing is left listening and the error says why.
    cim::Result<void> start(const EngineServerOptions &options);
    // Stops taking requests: closes both listeners and withdraws the endpoints and the hook.
    void stop();

    // The users WS-Man signs in (SIGHUP reads them again); applies to new requests.
    void setUsers(wsman::UserStore users);

    wsman::WsmanServer *wsmanServer() const { return m_wsman.get(); }
    // Null unless start() serves NBD.
    NbdServer *nbdServer() const { return m_nbd.get(); }
    QUrl wsmanUrl() const;
    QUrl nbdUrl() const; // empty when NBD is not served

private:
    QPointer<PoolManager> m_pools;
    QPointer<RemoteCollections> m_remoteCollections;
    std::unique_ptr<wsman::WsmanServer> m_wsman;
    std::unique_ptr<NbdServer> m_nbd; // after m_wsman: the hook and endpoints name both
};

} // namespace rd::engine
