#pragma once
// What an engine serves, assembled once: the WS-Management server, the NBD export of its volumes
// (a Unix socket for this computer's users, TCP for other hosts, admitted by Host Access or as
// peers by the certificate they signed in with), the hook that keeps a volume a client has open
// from being deleted, and the endpoints its remote collections may name. The daemon and the
// console's embedded engine serve through it. Lives on the engine's thread.

#include "cim/result.h"
#include "remote/nbdserver.h"
#include "wsman/userstore.h"
#include "wsman/wsmanserver.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <QUrl>

#include <memory>
#include <optional>

namespace rd::engine {

class HostAccess;
class PoolManager;
class ProviderRegistry;
class RemoteCollections;
class ReplicationService;

struct EngineServerOptions
{
    // Address, port, TLS identity (HTTPS when set) and limits of the WS-Man listener. NBD listens
    // on the same address and, with TLS, shows the same identity.
    wsman::WsmanServerOptions wsman;
    bool serveWsman = true; // false: NBD only (the console's embedded engine)
    // NBD on TCP is served when set (0: a port the OS chooses). It requires TLS; a client is
    // admitted by a PSK or certificate Host Access lists, or as a peer by the certificate it
    // signed in to WS-Man with. Loopback is no exception: it would admit every local user.
    std::optional<quint16> nbdPort;
    // NBD on a Unix socket at this path (mode 0600: the engine's user only); empty: none.
    QString nbdLocalPath;
    // Admit every NBD client on TCP, and allow TCP without TLS.
    bool nbdInsecure = false;
    NbdServer::Limits nbdLimits;
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
        HostAccess *hosts = nullptr;                    // may be null: no host is admitted
        ReplicationService *replication = nullptr;      // may be null: no write is refused
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
    QUrl nbdUrl() const;      // empty when NBD is not served on TCP
    QUrl nbdLocalUrl() const; // empty when NBD is not served on a Unix socket

private:
    QPointer<PoolManager> m_pools;
    QPointer<RemoteCollections> m_remoteCollections;
    QPointer<HostAccess> m_hosts;
    QPointer<ReplicationService> m_replication;
    std::unique_ptr<wsman::WsmanServer> m_wsman;
    std::unique_ptr<NbdServer> m_nbd; // after m_wsman: the hook and endpoints name both
};

} // namespace rd::engine
