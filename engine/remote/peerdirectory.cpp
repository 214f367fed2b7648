#include "peerdirectory.h"

#include "wsman/wsmantransport.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutexLocker>

namespace rd::engine {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("rd::engine::PeerDirectory", text);
}
constexpr qint64 MaxFileBytes = 1 << 20;
} // namespace

cim::Result<QList<PeerEntry>> PeerDirectory::readFile(const QString &path)
{
    auto failed = [&path](const QString &why) {
        return cim::Error(cim::ReturnCode::Failed,
                          tr("The peers file %1 cannot be used: %2").arg(path, why));
    };
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return failed(file.errorString());
    const QFileDevice::Permissions others = QFileDevice::ReadGroup | QFileDevice::ReadOther |
                                            QFileDevice::WriteGroup | QFileDevice::WriteOther;
    if (file.permissions() & others)
        return failed(tr("it holds passwords, but others than its owner may read or change it "
                         "(chmod 600 it)."));
    if (file.size() > MaxFileBytes)
        return failed(tr("it is larger than %1 bytes.").arg(MaxFileBytes));
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.read(MaxFileBytes), &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return failed(tr("it is not JSON (%1 at byte %2).")
                          .arg(parseError.errorString())
                          .arg(parseError.offset));
    if (!doc.isArray())
        return failed(tr("it is not a JSON array of peers."));
    QList<PeerEntry> entries;
    const QJsonArray peers = doc.array();
    for (qsizetype i = 0; i < peers.size(); ++i) {
        const QJsonObject o = peers.at(i).toObject();
        const QUrl endpoint(o.value(QLatin1String("endpoint")).toString(), QUrl::StrictMode);
        if (!endpoint.isValid() || endpoint.host().isEmpty() ||
            (endpoint.scheme() != u"https" && endpoint.scheme() != u"http"))
            return failed(tr("peer %1 has no http or https \"endpoint\".").arg(i + 1));
        PeerEntry entry;
        entry.endpoint = endpoint;
        entry.access.user = o.value(QLatin1String("user")).toString();
        entry.access.password = o.value(QLatin1String("password")).toString();
        for (const QJsonValue &f : o.value(QLatin1String("fingerprints")).toArray()) {
            // "AB:CD:…", 32 bytes, as the daemons print theirs.
            const QString fingerprint = f.toString().trimmed().toUpper();
            if (QByteArray::fromHex(QString(fingerprint).remove(u':').toLatin1()).size() != 32 ||
                fingerprint.size() != 95)
                return failed(
                    tr("peer %1 has a fingerprint that is not a SHA-256 one (\"AB:CD:…\").")
                        .arg(i + 1));
            entry.access.trustedFingerprints.append(fingerprint);
        }
        if (entry.access.user.isEmpty())
            return failed(tr("peer %1 has no \"user\".").arg(i + 1));
        entries.append(entry);
    }
    return entries;
}

void PeerDirectory::replaceAll(const QList<PeerEntry> &entries)
{
    QMutexLocker lock(&m_mutex);
    m_peers.clear();
    for (const PeerEntry &e : entries)
        m_peers.insert(key(e.endpoint), {e.endpoint, e.access});
}

void PeerDirectory::set(const QUrl &endpoint, const PeerAccess &access)
{
    QMutexLocker lock(&m_mutex);
    m_peers.insert(key(endpoint), {endpoint, access});
}

void PeerDirectory::remove(const QUrl &endpoint)
{
    QMutexLocker lock(&m_mutex);
    m_peers.remove(key(endpoint));
}

std::optional<PeerAccess> PeerDirectory::find(const QUrl &endpoint) const
{
    QMutexLocker lock(&m_mutex);
    const auto it = m_peers.constFind(key(endpoint));
    if (it == m_peers.cend())
        return std::nullopt;
    return it->second;
}

QList<QUrl> PeerDirectory::endpoints() const
{
    QMutexLocker lock(&m_mutex);
    QList<QUrl> out;
    for (const auto &entry : m_peers)
        out.append(entry.first);
    return out;
}

std::unique_ptr<wsman::WsmanTransport> PeerDirectory::connect(const QUrl &endpoint) const
{
    auto transport = std::make_unique<wsman::WsmanTransport>(endpoint);
    if (const wsman::TlsIdentity identity = clientIdentity(); !identity.certificate.isNull())
        transport->setClientIdentity(identity.certificate, identity.privateKey);
    if (const std::optional<PeerAccess> access = find(endpoint)) {
        transport->setCredentials(access->user, access->password);
        transport->setTrustedFingerprints(access->trustedFingerprints);
    }
    return transport;
}

void PeerDirectory::setClientIdentity(const wsman::TlsIdentity &identity)
{
    QMutexLocker l(&m_mutex);
    m_identity = identity;
}

wsman::TlsIdentity PeerDirectory::clientIdentity() const
{
    QMutexLocker l(&m_mutex);
    return m_identity;
}

RemoteCollections::PeerConnector PeerDirectory::connector() const
{
    return [this](const QUrl &endpoint) { return connect(endpoint); };
}

} // namespace rd::engine
