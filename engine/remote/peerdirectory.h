#pragma once
// How this engine reaches its peers: per WS-Man endpoint, the user, password and pinned
// certificate fingerprints it presents. Filled by whoever holds the secrets (the console from its
// keychain and its connect dialog); read on the engine thread when a peer must be contacted, so
// every member is safe to call from any thread. Passwords are kept in memory only.

#include "api/peeraccess.h"
#include "cim/result.h"
#include "remote/remotecollections.h"
#include "wsman/selfsignedcertificate.h"

#include <QHash>
#include <QMutex>
#include <QStringList>
#include <QUrl>

#include <optional>

namespace rd::engine {

struct PeerEntry
{
    QUrl endpoint;
    PeerAccess access;
};

class PeerDirectory final
{
public:
    // A headless engine's peers file: a JSON array of objects {"endpoint": "https://…/wsman",
    // "user": …, "password": …, "fingerprints": ["AB:CD:…"]}. It holds passwords, so it is refused
    // unless only its owner may read it; any malformed entry refuses the whole file, naming it.
    static cim::Result<QList<PeerEntry>> readFile(const QString &path);

    PeerDirectory() = default;
    Q_DISABLE_COPY_MOVE(PeerDirectory)

    // The same endpoint written another way (host case, default port, trailing slash) is the
    // same peer (remotenames::peerKey).
    static QString key(const QUrl &endpoint) { return remotenames::peerKey(endpoint); }

    void set(const QUrl &endpoint, const PeerAccess &access);
    // Everything known is replaced by these (a peers file read again).
    void replaceAll(const QList<PeerEntry> &entries);
    void remove(const QUrl &endpoint);
    std::optional<PeerAccess> find(const QUrl &endpoint) const;
    QList<QUrl> endpoints() const;

    // A WS-Man client for the endpoint with what is known of it; a peer nothing is known of gets
    // an anonymous client that trusts only the system's CAs.
    std::unique_ptr<wsman::WsmanTransport> connect(const QUrl &endpoint) const;
    // The certificate this engine shows its peers (on WS-Man, where signing in records it, and on
    // NBD, where that record admits it). Every client connect() makes from now on shows it.
    void setClientIdentity(const wsman::TlsIdentity &identity);
    wsman::TlsIdentity clientIdentity() const;
    // connect() as RemoteCollections' connector; the directory must outlive its user.
    RemoteCollections::PeerConnector connector() const;

private:
    mutable QMutex m_mutex;
    QHash<QString, std::pair<QUrl, PeerAccess>> m_peers;
    wsman::TlsIdentity m_identity;
};

} // namespace rd::engine
