#pragma once
// Which hosts may open which volumes over NBD, like an iSCSI target's initiator list: hosts are
// named and known by a TLS-PSK identity or a client certificate, and admitted per volume or per
// pool, read-write or read-only. Keeps them in its HostStore; lives on the engine's thread.

#include "hoststore.h"

#include "cim/result.h"

#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QUrl>

#include <functional>

#include <optional>

namespace rd::engine {

class PoolManager;

class HostAccess final : public QObject
{
    Q_OBJECT
public:
    // The shortest and longest PSK accepted, in bytes (psktool makes 32).
    static constexpr int MinKeyBytes = 16;
    static constexpr int MaxKeyBytes = 64;

    // Loads the hosts from store; pools (for per-pool grants) and store must outlive it.
    static cim::Result<std::unique_ptr<HostAccess>> open(HostStore *store, PoolManager *pools,
                                                         QObject *parent = nullptr);
    Q_DISABLE_COPY_MOVE(HostAccess)

    QList<HostRecord> hosts() const { return m_hosts; }
    std::optional<HostRecord> host(const QString &id) const;

    // Adds a host (its id and created are the engine's to choose). InvalidParameter names what
    // is wrong: a name, identity or fingerprint already used, no credential, a bad key.
    cim::Result<HostRecord> addHost(HostRecord host);
    cim::Result<void> removeHost(const QString &id);
    // Admits the host to a volume or pool (replacing an earlier grant of the same scope and id)
    // or withdraws that; InvalidParameter for an unknown host, volume or pool.
    cim::Result<void> grant(const QString &hostId, const HostGrant &grant);
    cim::Result<void> revoke(const QString &hostId, HostGrant::Scope scope, const QString &id);

    // The key of the host presenting identity, empty when no host has it.
    QByteArray pskKey(const QString &identity) const;

    // Who a connection is, as TLS showed it.
    struct Client
    {
        QString pskIdentity;       // the identity its PSK was found under; empty: none
        QString certificateSha256; // its certificate's fingerprint; empty: none shown
    };
    struct Admission
    {
        QString hostName; // the host it is, when known
        QString refusal;  // why not; empty: admitted
        bool readOnly = false;
    };
    // What host's grants allow on the volume deviceId in the pool poolId: nullopt nothing, else
    // whether read-only. A grant on the volume itself decides over one on its pool.
    static std::optional<bool> grantedAccess(const HostRecord &host, const QString &deviceId,
                                             const QString &poolId);
    // Whether client may open the volume deviceId: by a grant on the volume, or on its pool.
    Admission admit(const Client &client, const QString &deviceId) const;

    // How hosts reach the volumes now, told by whoever serves them (EngineServer); empty while
    // nothing does.
    struct Serving
    {
        QUrl networkUrl; // nbds://host:port/ (no export name); empty: not served on TCP
        QUrl localUrl;   // nbd+unix:///?socket=path; empty: no Unix socket
        std::function<QStringList(const QString &deviceId)> openedBy;
        std::function<QString(const QString &deviceId)> writeRefusal;
    };
    void setServing(Serving serving) { m_serving = std::move(serving); }
    const Serving &serving() const { return m_serving; }

    // The syntax checks addHost applies, for callers that check before asking.
    static cim::Result<void> checkHostName(const QString &name);
    static cim::Result<void> checkPskIdentity(const QString &identity);
    static cim::Result<QString> normalizedFingerprint(const QString &fingerprint);

Q_SIGNALS:
    void hostsChanged();

private:
    HostAccess(HostStore *store, PoolManager *pools, QObject *parent);
    cim::Result<void> store(const HostRecord &host);
    // Grants on volumes and pools that no longer exist are dropped.
    void prune();
    const HostRecord *findClient(const Client &client) const;

    HostStore *m_store;
    QPointer<PoolManager> m_pools;
    QList<HostRecord> m_hosts;
    Serving m_serving;
};

} // namespace rd::engine
