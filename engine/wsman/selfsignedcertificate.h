#pragma once
// The server's TLS identity when the operator gives none: a self-signed certificate (ECDSA P-256,
// SHA-256) made with OpenSSL's libcrypto on first start and kept next to the engine's data.
//
// Why libcrypto and not the openssl command line: Qt cannot make certificates, and libcrypto is
// already on every machine that runs Qt's TLS backend (the OpenSSL plugin loads it), whereas the
// CLI is a separate package, a process to spawn and parse, and a PATH to trust. libcrypto gives
// errors as values and keeps the private key in memory until we write it with mode 0600.

#include "cim/result.h"

#include <QHostAddress>
#include <QSslCertificate>
#include <QSslKey>
#include <QStringList>

namespace rd::wsman {

struct TlsIdentity
{
    QSslCertificate certificate;
    QSslKey privateKey;
};

// commonName goes into the subject; dnsNames and addresses into subjectAltName.
cim::Result<TlsIdentity> makeSelfSignedCertificate(const QString &commonName,
                                                   const QStringList &dnsNames,
                                                   const QList<QHostAddress> &addresses,
                                                   int validDays = 825);

// Reads PEM certificate and key files (an unencrypted key, RSA or EC).
cim::Result<TlsIdentity> loadTlsIdentity(const QString &certificateFile, const QString &keyFile);

// Reads the pair when both files exist; makes, writes (key with mode 0600) and returns a new
// self-signed pair when neither exists; an error when only one does.
cim::Result<TlsIdentity> loadOrCreateTlsIdentity(const QString &certificateFile,
                                                 const QString &keyFile, const QString &commonName);

// "AB:CD:..." — the SHA-256 fingerprint operators compare and clients pin.
QString certificateFingerprint(const QSslCertificate &certificate);

} // namespace rd::wsman
