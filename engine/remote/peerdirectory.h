#pragma once
// How this engine reaches its peers: per WS-Man endpoint, the user, password and pinned
// certificate fingerprints it presents. Filled by whoever holds the secrets (the console from its
// keychain and its connect dialog); read on the engine thread when a peer must be contacted, so
// every member is safe to call from any thread. Passwords are kept in memory only.

#include "remote/remotecollections.h"

#include <QHash>
#include <QMutex>
#include <QStringList>
#include <QUrl>

#include <optional>

namespace rd::engine {

struct PeerAccess
{
    QString user;
    QString password;
    QStringList trustedFingerprints; // SHA-256, "AB:CD:..."; empty: the system CAs decide
    friend bool operator==(const PeerAccess &, const PeerAccess &) = default;
};

class PeerDirectory final
{
public:
    PeerDirectory() = default;
    Q_DISABLE_COPY_MOVE(PeerDirectory)

    // The same endpoint written another way (host case, default port, trailing slash) is the
    // same peer.
    static QString key(const QUrl &endpoint);

    void set(const QUrl &endpoint, const PeerAccess &access);
    void remove(const QUrl &endpoint);
    std::optional<PeerAccess> find(const QUrl &endpoint) const;
    QList<QUrl> endpoints() const;

    // A WS-Man client for the endpoint with what is known of it; a peer nothing is known of gets
    // an anonymous client that trusts only the system's CAs.
    std::unique_ptr<wsman::WsmanTransport> connect(const QUrl &endpoint) const;
    // connect() as RemoteCollections' connector; the directory must outlive its user.
    RemoteCollections::PeerConnector connector() const;

private:
    mutable QMutex m_mutex;
    QHash<QString, std::pair<QUrl, PeerAccess>> m_peers;
};

} // namespace rd::engine
