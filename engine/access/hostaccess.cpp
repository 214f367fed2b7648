#include "hostaccess.h"

#include "requests/parameterreader.h"
#include "storage/poolmanager.h"

#include <QRegularExpression>
#include <QUuid>

namespace rd::engine {

namespace {

cim::Error invalid(const QString &message, const QString &parameter = {})
{
    return cim::Error(cim::ReturnCode::InvalidParameter, message, parameter);
}

bool sameScope(const HostGrant &g, HostGrant::Scope scope, const QString &id)
{
    return g.scope == scope && g.id == id;
}

} // namespace

HostAccess::HostAccess(HostStore *store, PoolManager *pools, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_pools(pools)
{}

cim::Result<std::unique_ptr<HostAccess>> HostAccess::open(HostStore *store, PoolManager *pools,
                                                          QObject *parent)
{
    std::unique_ptr<HostAccess> access(new HostAccess(store, pools, parent));
    auto loaded = store->hosts();
    if (!loaded)
        return loaded.error();
    access->m_hosts = loaded.value();
    if (pools) {
        connect(pools, &PoolManager::volumesChanged, access.get(), &HostAccess::prune);
        connect(pools, &PoolManager::poolsChanged, access.get(), &HostAccess::prune);
    }
    access->prune();
    return access;
}

std::optional<HostRecord> HostAccess::host(const QString &id) const
{
    for (const HostRecord &h : m_hosts) {
        if (h.id == id)
            return h;
    }
    return std::nullopt;
}

cim::Result<void> HostAccess::checkHostName(const QString &name)
{
    const QString parameter = QStringLiteral("ElementName");
    if (name.trimmed().isEmpty())
        return invalid(tr("A host needs a name."), parameter);
    if (name.size() > 64)
        return invalid(tr("A host name may have at most %n characters.", nullptr, 64), parameter);
    return requests::checkName(name, parameter);
}

cim::Result<void> HostAccess::checkPskIdentity(const QString &identity)
{
    // What a PSK file can carry ("identity:hexkey" per line) and every client accepts.
    static const QRegularExpression allowed(QStringLiteral("^[A-Za-z0-9._@-]{1,128}$"));
    if (!allowed.match(identity).hasMatch()) {
        return invalid(tr("A PSK identity is 1 to 128 letters, digits, '.', '_', '@' or '-'; "
                          "\"%1\" is not.")
                           .arg(identity.left(140)),
                       QStringLiteral("StorageID"));
    }
    return {};
}

cim::Result<QString> HostAccess::normalizedFingerprint(const QString &fingerprint)
{
    QString hex = fingerprint.trimmed().toUpper();
    hex.remove(u':');
    static const QRegularExpression sha256(QStringLiteral("^[0-9A-F]{64}$"));
    if (!sha256.match(hex).hasMatch()) {
        return invalid(tr("A certificate is named by its SHA-256 fingerprint, 64 hexadecimal "
                          "digits (colons allowed)."),
                       QStringLiteral("StorageID"));
    }
    QStringList pairs;
    for (int i = 0; i < hex.size(); i += 2)
        pairs << hex.mid(i, 2);
    return pairs.join(u':');
}

cim::Result<HostRecord> HostAccess::addHost(HostRecord host)
{
    if (auto ok = checkHostName(host.name); !ok)
        return ok.error();
    if (host.pskIdentity.isEmpty() && host.certificateSha256.isEmpty())
        return invalid(tr("A host needs a PSK identity or a certificate to be known by."),
                       QStringLiteral("StorageID"));
    if (!host.pskIdentity.isEmpty()) {
        if (auto ok = checkPskIdentity(host.pskIdentity); !ok)
            return ok.error();
        if (host.pskKey.size() < MinKeyBytes || host.pskKey.size() > MaxKeyBytes) {
            return invalid(tr("A pre-shared key has %1 to %2 bytes; this one has %3.")
                               .arg(MinKeyBytes)
                               .arg(MaxKeyBytes)
                               .arg(host.pskKey.size()),
                           QStringLiteral("PreSharedKey"));
        }
    } else if (!host.pskKey.isEmpty()) {
        return invalid(tr("A pre-shared key needs the identity it belongs to."),
                       QStringLiteral("PreSharedKey"));
    }
    if (!host.certificateSha256.isEmpty()) {
        auto normalized = normalizedFingerprint(host.certificateSha256);
        if (!normalized)
            return normalized.error();
        host.certificateSha256 = normalized.value();
    }
    for (const HostRecord &other : m_hosts) {
        if (other.name.compare(host.name, Qt::CaseInsensitive) == 0)
            return invalid(tr("There is a host named %1 already.").arg(other.name),
                           QStringLiteral("ElementName"));
        if (!host.pskIdentity.isEmpty() && other.pskIdentity == host.pskIdentity)
            return invalid(tr("The host %1 has the PSK identity %2 already.")
                               .arg(other.name, host.pskIdentity),
                           QStringLiteral("StorageID"));
        if (!host.certificateSha256.isEmpty() && other.certificateSha256 == host.certificateSha256)
            return invalid(tr("The host %1 has this certificate already.").arg(other.name),
                           QStringLiteral("StorageID"));
    }
    host.id = QStringLiteral("host-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    host.created = QDateTime::currentDateTimeUtc();
    const QList<HostGrant> grants = std::exchange(host.grants, {});
    if (auto ok = store(host); !ok)
        return ok.error();
    for (const HostGrant &g : grants) {
        if (auto ok = grant(host.id, g); !ok) {
            removeHost(host.id);
            return ok.error();
        }
    }
    Q_EMIT hostsChanged();
    return *this->host(host.id);
}

cim::Result<void> HostAccess::removeHost(const QString &id)
{
    const auto at = std::find_if(m_hosts.begin(), m_hosts.end(),
                                 [&](const HostRecord &h) { return h.id == id; });
    if (at == m_hosts.end())
        return invalid(tr("There is no host %1.").arg(id));
    if (auto ok = m_store->removeHost(id); !ok)
        return ok;
    m_hosts.erase(at);
    Q_EMIT hostsChanged();
    return {};
}

cim::Result<void> HostAccess::grant(const QString &hostId, const HostGrant &grant)
{
    std::optional<HostRecord> h = host(hostId);
    if (!h)
        return invalid(tr("There is no host %1.").arg(hostId));
    if (grant.scope == HostGrant::Scope::Volume && (!m_pools || !m_pools->volume(grant.id)))
        return invalid(tr("There is no volume %1.").arg(grant.id));
    if (grant.scope == HostGrant::Scope::Pool && (!m_pools || !m_pools->pool(grant.id)))
        return invalid(tr("There is no pool %1.").arg(grant.id));
    h->grants.removeIf([&](const HostGrant &g) { return sameScope(g, grant.scope, grant.id); });
    h->grants.append(grant);
    if (auto ok = store(*h); !ok)
        return ok;
    Q_EMIT hostsChanged();
    return {};
}

cim::Result<void> HostAccess::revoke(const QString &hostId, HostGrant::Scope scope,
                                     const QString &id)
{
    std::optional<HostRecord> h = host(hostId);
    if (!h)
        return invalid(tr("There is no host %1.").arg(hostId));
    if (h->grants.removeIf([&](const HostGrant &g) { return sameScope(g, scope, id); }) == 0)
        return {};
    if (auto ok = store(*h); !ok)
        return ok;
    Q_EMIT hostsChanged();
    return {};
}

cim::Result<void> HostAccess::store(const HostRecord &host)
{
    if (auto ok = m_store->saveHost(host); !ok)
        return ok;
    const auto at = std::find_if(m_hosts.begin(), m_hosts.end(),
                                 [&](const HostRecord &h) { return h.id == host.id; });
    if (at == m_hosts.end())
        m_hosts.append(host);
    else
        *at = host;
    return {};
}

void HostAccess::prune()
{
    if (!m_pools)
        return;
    bool changed = false;
    for (HostRecord h : std::as_const(m_hosts)) {
        const qsizetype dropped = h.grants.removeIf([this](const HostGrant &g) {
            return g.scope == HostGrant::Scope::Volume ? !m_pools->volume(g.id)
                                                       : !m_pools->pool(g.id);
        });
        // A failed write keeps the grant on disk; it stays harmless, as it names nothing.
        if (dropped > 0 && store(h))
            changed = true;
    }
    if (changed)
        Q_EMIT hostsChanged();
}

QByteArray HostAccess::pskKey(const QString &identity) const
{
    if (identity.isEmpty())
        return {};
    for (const HostRecord &h : m_hosts) {
        if (h.pskIdentity == identity)
            return h.pskKey;
    }
    return {};
}

const HostRecord *HostAccess::findClient(const Client &client) const
{
    for (const HostRecord &h : m_hosts) {
        if (!client.pskIdentity.isEmpty() && h.pskIdentity == client.pskIdentity)
            return &h;
        if (!client.certificateSha256.isEmpty() && h.certificateSha256 == client.certificateSha256)
            return &h;
    }
    return nullptr;
}

std::optional<bool> HostAccess::grantedAccess(const HostRecord &host, const QString &deviceId,
                                              const QString &poolId)
{
    std::optional<bool> readOnly;
    for (const HostGrant &g : host.grants) {
        const bool volumeGrant = g.scope == HostGrant::Scope::Volume;
        const bool matches = volumeGrant ? g.id == deviceId : !poolId.isEmpty() && g.id == poolId;
        // A grant on the volume itself decides over one on its pool.
        if (matches && (!readOnly || volumeGrant))
            readOnly = g.readOnly;
    }
    return readOnly;
}

HostAccess::Admission HostAccess::admit(const Client &client, const QString &deviceId) const
{
    Admission a;
    const HostRecord *h = findClient(client);
    if (!h) {
        a.refusal = client.pskIdentity.isEmpty() && client.certificateSha256.isEmpty()
                        ? tr("This server admits hosts by a pre-shared key or a client "
                             "certificate: connect with one that Host Access lists.")
                    : client.pskIdentity.isEmpty()
                        ? tr("No host in Host Access has this certificate.")
                        : tr("No host in Host Access has this PSK identity.");
        return a;
    }
    a.hostName = h->name;
    const std::optional<VolumeInfo> volume = m_pools ? m_pools->volume(deviceId) : std::nullopt;
    const std::optional<bool> readOnly =
        grantedAccess(*h, deviceId, volume ? volume->poolId : QString());
    if (!readOnly) {
        a.refusal = tr("The host %1 is not admitted to the volume %2: add it under Host Access.")
                        .arg(h->name, volume ? volume->elementName : deviceId);
        return a;
    }
    a.readOnly = *readOnly;
    return a;
}

} // namespace rd::engine
