#pragma once
// The TLS client certificates that came with a successful sign-in to the WS-Management service,
// each with the user who signed in: what lets a peer engine open this engine's NBD export without
// a password of its own there (the export has no other login). Kept in a JSON file (mode 0600) so
// a restarted engine still knows them. Thread-safe: the WS-Man and NBD servers share it.

#include "cim/result.h"

#include <QHash>
#include <QMutex>
#include <QSslCertificate>
#include <QString>

#include <memory>

namespace rd::wsman {

class ClientCertificates final
{
public:
    // Reads the file when it exists (an empty set when not); an unreadable or damaged file is an
    // error, not an empty set, so nothing is forgotten silently.
    static cim::Result<std::shared_ptr<ClientCertificates>> open(const QString &filePath);

    // Records certificate as user's; written to the file when new. An empty user (an
    // unauthenticated request) authorizes nothing.
    cim::Result<void> authorize(const QSslCertificate &certificate, const QString &user);
    // The user whose sign-in brought the certificate, or empty when none did.
    QString userOf(const QSslCertificate &certificate) const;
    qsizetype count() const;

private:
    explicit ClientCertificates(QString filePath);
    cim::Result<void> save() const; // lock held

    const QString m_filePath;
    mutable QMutex m_lock;
    QHash<QString, QString> m_users; // SHA-256 fingerprint -> user
};

} // namespace rd::wsman
