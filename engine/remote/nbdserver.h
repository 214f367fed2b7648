#pragma once
// Serves the engine's volumes over NBD (fixed newstyle; OPT_GO/INFO/LIST, structured replies,
// base:allocation) on loopback or a peer link; every I/O goes through the volume's BlockDevice.

#include "cim/result.h"
#include "wsman/selfsignedcertificate.h"

#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QStringList>
#include <QUrl>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>

class QLocalServer;
class QTcpServer;

namespace rd::engine {

class BlockDevice;
class PoolManager;

class NbdServer final : public QObject
{
    Q_OBJECT
public:
    // An export by name (a volume's DeviceID), or why there is none.
    using Resolver = std::function<cim::Result<std::shared_ptr<BlockDevice>>(const QString &name)>;
    using Lister = std::function<QStringList()>;

    NbdServer(Resolver resolve, Lister list, QObject *parent = nullptr);
    // Exports every volume of the pools under its DeviceID, through PoolManager::blockDevice
    // (so writes are observed by replication). pools must outlive the server.
    explicit NbdServer(PoolManager *pools, QObject *parent = nullptr);
    ~NbdServer() override;
    Q_DISABLE_COPY_MOVE(NbdServer)

    // TLS through NBD_OPT_STARTTLS with this identity; required = nothing but STARTTLS (and
    // ABORT) is answered before the handshake, as between peers. Applies to new connections.
    void setTls(std::optional<wsman::TlsIdentity> identity, bool required);
    bool tlsRequired() const { return m_tlsRequired; }
    // Who may use the exports once TLS is on: given the certificate the client showed (null when
    // none) and its address, an empty answer admits it, anything else is why not (every option
    // is then refused with that reason). Unset: every client that completes TLS. Applies to new
    // connections.
    using ClientCheck =
        std::function<QString(const QSslCertificate &certificate, const QHostAddress &address)>;
    void setClientCheck(ClientCheck check) { m_clientCheck = std::move(check); }

    // What one client may hold of the server. Apply to new connections (the reply bound to all).
    struct Limits
    {
        // A connection that has not finished option negotiation (NBD_OPT_GO or EXPORT_NAME)
        // by then is closed: silent or slow clients do not keep sockets forever.
        std::chrono::milliseconds negotiationDeadline{10000};
        // Open connections from one client address; more are closed as they come.
        int connectionsPerAddress = 32;
        // Reply bytes queued on one connection before the server stops reading its requests
        // (it resumes as the client reads): a client that never reads cannot fill memory.
        qint64 queuedReplyBytes = 64 << 20;
    };
    void setLimits(const Limits &limits) { m_limits = limits; }
    const Limits &limits() const { return m_limits; }

    // Loopback unless told otherwise; port 0 lets the OS choose.
    cim::Result<void> listen(const QHostAddress &address = QHostAddress(QHostAddress::LocalHost),
                             quint16 port = 0);
    // Also serves on a Unix socket at path (replacing a stale one), mode 0600: the file's
    // permissions decide who may connect, so neither TLS nor the client check applies there.
    cim::Result<void> listenLocal(const QString &path);
    void close();
    quint16 port() const;
    QString localPath() const; // empty when not serving on a Unix socket
    // nbd+unix:///<exportName>?socket=<path>, or empty when not serving on a Unix socket.
    QUrl localUrl(const QString &exportName = {}) const;
    // nbd://address:port/<exportName> (nbds:// when TLS is required) as libnbd, nbdinfo and
    // qemu-img take it.
    QUrl url(const QString &exportName = {}) const;
    int connectionCount() const;
    // The clients that have the export open ("NBD client 192.0.2.7"), or empty.
    QString openedBy(const QString &exportName) const;

    // The largest READ or WRITE accepted (also the NBD_INFO_BLOCK_SIZE maximum).
    static constexpr quint32 MaxPayload = 32u << 20;

private:
    class Connection;
    friend class Connection;

    Resolver m_resolve;
    Lister m_list;
    QTcpServer *m_server;
    QLocalServer *m_localServer = nullptr;
    std::optional<wsman::TlsIdentity> m_tls;
    bool m_tlsRequired = false;
    ClientCheck m_clientCheck;
    int m_connections = 0;
    Limits m_limits;
    QHash<QString, int> m_perAddress;     // client address -> open connections
    QHash<QString, QStringList> m_openBy; // export name -> client addresses, one per connection
};

} // namespace rd::engine
