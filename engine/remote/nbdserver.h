#pragma once
// Serves the engine's volumes over NBD (fixed newstyle; OPT_GO/INFO/LIST, structured replies,
// base:allocation) on loopback or a peer link; every I/O goes through the volume's BlockDevice.

#include "cim/result.h"
#include "wsman/selfsignedcertificate.h"

#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QSslCertificate>
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
    // Who a client is: where it came from and what TLS showed of it.
    struct Client
    {
        QHostAddress address;
        bool local = false;          // on the Unix socket, where no check applies
        QSslCertificate certificate; // null when none was shown
        QString pskIdentity;         // the identity its pre-shared key was found under
    };
    // The answer to a client asking for an export.
    struct Admission
    {
        QString refusal; // why not (NBD_REP_ERR_POLICY with this text, and logged); empty: yes
        bool readOnly = false;
        QString who; // how openedBy() names the client ("host web01"); empty: its address
    };
    // Whether a client on TCP may open an export; asked at INFO, GO and EXPORT_NAME, and LIST
    // shows only what it may open. Unset: every client (that completed TLS, when required) may
    // open every export read-write. Applies to new requests.
    using AccessCheck = std::function<Admission(const Client &client, const QString &exportName)>;
    void setAccessCheck(AccessCheck check) { m_accessCheck = std::move(check); }
    // The key of a TLS-PSK identity, empty when there is none (the handshake then fails).
    // Unset: TLS takes certificates only. Applies to new handshakes.
    using PskLookup = std::function<QByteArray(const QString &identity)>;
    void setPskLookup(PskLookup lookup) { m_pskLookup = std::move(lookup); }
    // Why nobody may write to an export now (a mirror's target, a snapshot), empty when they may.
    // Asked at GO (the export is then offered read-only) and at every write, on the Unix socket
    // too, so a pair made while a host has the export open takes effect at once.
    using WriteGuard = std::function<QString(const QString &exportName)>;
    void setWriteGuard(WriteGuard guard) { m_writeGuard = std::move(guard); }

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
    // Asks the access check again for every open export (after grants changed): clients no
    // longer admitted are disconnected, and those now read-only may only read.
    void reviewAdmissions();
    // The clients that have the export open ("NBD client 192.0.2.7"), or empty.
    QString openedBy(const QString &exportName) const;
    // The same, one entry per connection ("host web01 from 192.0.2.7", "local").
    QStringList clientsOf(const QString &exportName) const { return m_openBy.value(exportName); }

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
    AccessCheck m_accessCheck;
    PskLookup m_pskLookup;
    WriteGuard m_writeGuard;
    int m_connections = 0;
    Limits m_limits;
    QHash<QString, int> m_perAddress;     // client address -> open connections
    QHash<QString, QStringList> m_openBy; // export name -> client addresses, one per connection
};

} // namespace rd::engine
