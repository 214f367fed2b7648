#pragma once
// What this engine presents to one peer's WS-Man endpoint: user, password and the certificate
// fingerprints it trusts there. The console hands it over through EngineHost; the engine keeps it
// in its PeerDirectory, in memory only.

#include <QString>
#include <QStringList>

namespace rd::engine {

struct PeerAccess
{
    QString user;
    QString password;
    QStringList trustedFingerprints; // SHA-256, "AB:CD:..."; empty: the system CAs decide
    friend bool operator==(const PeerAccess &, const PeerAccess &) = default;
};

} // namespace rd::engine
