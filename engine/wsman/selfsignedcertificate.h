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

// What the certificate is for: a server's is its own CA (clients pin it or take it as their CA
// file); a client's is a plain end entity for clientAuth (qemu's GnuTLS refuses a CA there).
enum class CertificateUse { Server, Client };

// commonName goes into the subject; dnsNames and addresses into subjectAltName.
cim::Result<TlsIdentity> makeSelfSignedCertificate(const QString &commonName,
                                                   const QStringList &dnsNames,
                                                   const QList<QHostAddress> &addresses,
                                                   int validDays = 825,
                                                   CertificateUse use = CertificateUse::Server);

// Reads PEM certificate and key files (an unencrypted key, RSA or EC).
cim::Result<TlsIdentity> loadTlsIdentity(const QString &certificateFile, const QString &keyFile);

// Reads the pair when both files exist; makes, writes (key with mode 0600) and returns a new
// self-signed pair when neither exists; an error when only one does.
cim::Result<TlsIdentity> loadOrCreateTlsIdentity(const QString &certificateFile,
                                                 const QString &keyFile, const QString &commonName,
                                                 CertificateUse use = CertificateUse::Server);

// "AB:CD:..." — the SHA-256 fingerprint operators compare and clients pin.
QString certificateFingerprint(const QSslCertificate &certificate);

} // namespace rd::wsman
