#pragma once
// Host access's tables in the engine's database: the hosts admitted to NBD (a TLS-PSK identity
// and key, or a client certificate's fingerprint) and the volumes and pools each may open.

#include "cim/result.h"
#include "db/database.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

#include <memory>

namespace rd::engine {

// One volume or one pool (every volume in it, present and future) a host may open.
struct HostGrant
{
    enum class Scope { Volume, Pool };
    Scope scope = Scope::Volume;
    QString id; // the volume's DeviceID or the pool's InstanceID
    bool readOnly = false;
    friend bool operator==(const HostGrant &, const HostGrant &) = default;
};

struct HostRecord
{
    QString id;   // engine-chosen, stable
    QString name; // what the administrator calls it
    // TLS-PSK: the identity the host presents and the key both sides hold. Empty: none.
    QString pskIdentity;
    QByteArray pskKey;
    // A client certificate's SHA-256 fingerprint ("AB:CD:…"); empty: none.
    QString certificateSha256;
    QDateTime created;
    QList<HostGrant> grants;
    friend bool operator==(const HostRecord &, const HostRecord &) = default;
};

class HostStore final
{
public:
    static Schema schema();
    // Adds host access's tables to database (not owned; must outlive the store).
    static cim::Result<std::unique_ptr<HostStore>> open(Database *database);
    Q_DISABLE_COPY_MOVE(HostStore)

    // A host with its grants, replacing what was stored under its id, in one transaction.
    cim::Result<void> saveHost(const HostRecord &host);
    cim::Result<void> removeHost(const QString &id);
    cim::Result<QList<HostRecord>> hosts() const;

private:
    explicit HostStore(Database *database)
        : m_database(database)
    {}

    Database *m_database;
};

} // namespace rd::engine
