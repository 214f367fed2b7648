#include "peerdirectory.h"

#include "wsman/wsmantransport.h"

#include <QMutexLocker>

namespace rd::engine {

QString PeerDirectory::key(const QUrl &endpoint)
{
    QUrl u = endpoint.adjusted(QUrl::NormalizePathSegments | QUrl::StripTrailingSlash |
                               QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment);
    const QString scheme = u.scheme().toLower();
    const int port = u.port(scheme == u"https" ? 443 : 80);
    return scheme + u"://" + u.host().toLower() + u':' + QString::number(port) + u.path();
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
    if (const std::optional<PeerAccess> access = find(endpoint)) {
        transport->setCredentials(access->user, access->password);
        transport->setTrustedFingerprints(access->trustedFingerprints);
    }
    return transport;
}

RemoteCollections::PeerConnector PeerDirectory::connector() const
{
    return [this](const QUrl &endpoint) { return connect(endpoint); };
}

} // namespace rd::engine
