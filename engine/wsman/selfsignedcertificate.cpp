#include "selfsignedcertificate.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QNetworkInterface>
#include <QSaveFile>
#include <QSysInfo>

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <memory>

namespace rd::wsman {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("rd::wsman::TlsIdentity", text);
}

template<class T, void (*Free)(T *)>
struct Deleter
{
    void operator()(T *p) const { Free(p); }
};
using PKeyPtr = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY, EVP_PKEY_free>>;
using X509Ptr = std::unique_ptr<X509, Deleter<X509, X509_free>>;
using BioPtr = std::unique_ptr<BIO, Deleter<BIO, BIO_free_all>>;
using BnPtr = std::unique_ptr<BIGNUM, Deleter<BIGNUM, BN_free>>;
using ExtPtr = std::unique_ptr<X509_EXTENSION, Deleter<X509_EXTENSION, X509_EXTENSION_free>>;

cim::Error opensslError(const QString &what)
{
    char buffer[256] = {};
    ERR_error_string_n(ERR_get_error(), buffer, sizeof buffer);
    ERR_clear_error();
    return cim::Error(cim::ReturnCode::Failed, tr("%1: %2").arg(what, QString::fromLatin1(buffer)));
}

QByteArray bioContents(BIO *bio)
{
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    return QByteArray(data, size);
}

bool addExtension(X509 *cert, int nid, const QByteArray &value)
{
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, cert, cert, nullptr, nullptr, 0);
    ExtPtr ext(X509V3_EXT_conf_nid(nullptr, &ctx, nid, value.constData()));
    return ext && X509_add_ext(cert, ext.get(), -1) == 1;
}

} // namespace

cim::Result<TlsIdentity> makeSelfSignedCertificate(const QString &commonName,
                                                   const QStringList &dnsNames,
                                                   const QList<QHostAddress> &addresses,
                                                   int validDays, CertificateUse use)
{
    PKeyPtr key(EVP_EC_gen("P-256"));
    if (!key)
        return opensslError(tr("Cannot make a key"));
    X509Ptr cert(X509_new());
    if (!cert)
        return opensslError(tr("Cannot make a certificate"));
    X509_set_version(cert.get(), 2); // v3

    // A random 127-bit serial (positive, as RFC 5280 wants).
    BnPtr serial(BN_new());
    if (!serial || BN_rand(serial.get(), 127, BN_RAND_TOP_ANY, BN_RAND_BOTTOM_ANY) != 1 ||
        !BN_to_ASN1_INTEGER(serial.get(), X509_get_serialNumber(cert.get())))
        return opensslError(tr("Cannot make a serial number"));

    // Valid from an hour ago, so clocks a little behind ours accept it at once.
    X509_gmtime_adj(X509_getm_notBefore(cert.get()), -3600);
    X509_gmtime_adj(X509_getm_notAfter(cert.get()), long(validDays) * 24 * 3600);
    X509_set_pubkey(cert.get(), key.get());

    X509_NAME *name = X509_get_subject_name(cert.get());
    const QByteArray cn = commonName.left(64).toUtf8();
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8,
                               reinterpret_cast<const unsigned char *>(cn.constData()), -1, -1, 0);
    X509_NAME_add_entry_by_txt(name, "O", MBSTRING_UTF8,
                               reinterpret_cast<const unsigned char *>("ReplicaDesk"), -1, -1, 0);
    X509_set_issuer_name(cert.get(), name);

    QStringList alt;
    for (const QString &dns : dnsNames) {
        if (!dns.isEmpty() && !dns.contains(u',') && !dns.contains(u':'))
            alt << QStringLiteral("DNS:") + dns;
    }
    for (const QHostAddress &a : addresses)
        alt << QStringLiteral("IP:") + a.toString();
    // Its own trust anchor, as a self-signed certificate is for the clients that pin it: CA:TRUE
    // (pathlen 0: it signs nothing else) so that clients that take it as their CA file accept it
    // (GnuTLS in qemu refuses a CA file without it). No keyUsage extension: with one it would
    // have to list keyCertSign beside the server usages.
    const bool server = use == CertificateUse::Server;
    if (!addExtension(cert.get(), NID_basic_constraints,
                      server ? "critical,CA:TRUE,pathlen:0" : "critical,CA:FALSE") ||
        !addExtension(cert.get(), NID_ext_key_usage, server ? "serverAuth" : "clientAuth") ||
        !addExtension(cert.get(), NID_subject_key_identifier, "hash") ||
        (!alt.isEmpty() &&
         !addExtension(cert.get(), NID_subject_alt_name, alt.join(u',').toUtf8())))
        return opensslError(tr("Cannot add certificate extensions"));

    if (X509_sign(cert.get(), key.get(), EVP_sha256()) <= 0)
        return opensslError(tr("Cannot sign the certificate"));

    BioPtr certBio(BIO_new(BIO_s_mem()));
    BioPtr keyBio(BIO_new(BIO_s_mem()));
    if (!certBio || !keyBio || PEM_write_bio_X509(certBio.get(), cert.get()) != 1 ||
        PEM_write_bio_PrivateKey(keyBio.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr) !=
            1)
        return opensslError(tr("Cannot encode the certificate"));

    TlsIdentity id;
    id.certificate = QSslCertificate(bioContents(certBio.get()), QSsl::Pem);
    id.privateKey = QSslKey(bioContents(keyBio.get()), QSsl::Ec, QSsl::Pem);
    if (id.certificate.isNull() || id.privateKey.isNull())
        return cim::Error(cim::ReturnCode::Failed,
                          tr("Qt cannot read the certificate it was given."));
    return id;
}

cim::Result<TlsIdentity> loadTlsIdentity(const QString &certificateFile, const QString &keyFile)
{
    QFile c(certificateFile);
    QFile k(keyFile);
    if (!c.open(QIODevice::ReadOnly))
        return cim::Error(cim::ReturnCode::Failed,
                          tr("Cannot read %1: %2").arg(certificateFile, c.errorString()));
    if (!k.open(QIODevice::ReadOnly))
        return cim::Error(cim::ReturnCode::Failed,
                          tr("Cannot read %1: %2").arg(keyFile, k.errorString()));
    TlsIdentity id;
    const QList<QSslCertificate> chain = QSslCertificate::fromData(c.readAll(), QSsl::Pem);
    if (chain.isEmpty())
        return cim::Error(cim::ReturnCode::Failed,
                          tr("%1 holds no PEM certificate.").arg(certificateFile));
    id.certificate = chain.front();
    const QByteArray keyPem = k.readAll();
    for (QSsl::KeyAlgorithm algorithm : {QSsl::Ec, QSsl::Rsa}) {
        id.privateKey = QSslKey(keyPem, algorithm, QSsl::Pem);
        if (!id.privateKey.isNull())
            break;
    }
    if (id.privateKey.isNull())
        return cim::Error(cim::ReturnCode::Failed,
                          tr("%1 holds no unencrypted PEM private key.").arg(keyFile));
    return id;
}

cim::Result<TlsIdentity> loadOrCreateTlsIdentity(const QString &certificateFile,
                                                 const QString &keyFile, const QString &commonName,
                                                 CertificateUse use)
{
    const bool haveCert = QFileInfo::exists(certificateFile);
    const bool haveKey = QFileInfo::exists(keyFile);
    if (haveCert && haveKey)
        return loadTlsIdentity(certificateFile, keyFile);
    if (haveCert != haveKey) {
        return cim::Error(cim::ReturnCode::Failed,
                          tr("Only one of %1 and %2 exists; remove it or supply the other.")
                              .arg(certificateFile, keyFile));
    }
    // Every name and address the host is reached at: NBD's TLS (libnbd) checks the name it
    // connected to, unlike a pinned WS-Man fingerprint.
    QStringList names{commonName, QStringLiteral("localhost")};
    if (const QString host = QSysInfo::machineHostName();
        !host.isEmpty() && !names.contains(host, Qt::CaseInsensitive))
        names.append(host);
    QList<QHostAddress> addresses{QHostAddress(QHostAddress::LocalHost),
                                  QHostAddress(QHostAddress::LocalHostIPv6)};
    for (const QHostAddress &a : QNetworkInterface::allAddresses()) {
        if (!a.isLinkLocal() && !addresses.contains(a))
            addresses.append(a);
    }
    if (use == CertificateUse::Client) { // known by its fingerprint, not by its names
        names.clear();
        addresses.clear();
    }
    auto made = makeSelfSignedCertificate(commonName, names, addresses, 825, use);
    if (!made)
        return made.error();
    QDir().mkpath(QFileInfo(keyFile).absolutePath());
    QDir().mkpath(QFileInfo(certificateFile).absolutePath());
    // The key is written owner-only before any byte of it reaches the disk.
    QFile key(keyFile);
    if (!key.open(QIODevice::WriteOnly | QIODevice::NewOnly,
                  QFileDevice::ReadOwner | QFileDevice::WriteOwner) ||
        key.write(made->privateKey.toPem()) < 0 || !key.flush())
        return cim::Error(cim::ReturnCode::Failed,
                          tr("Cannot write %1: %2").arg(keyFile, key.errorString()));
    QSaveFile cert(certificateFile);
    if (!cert.open(QIODevice::WriteOnly) || cert.write(made->certificate.toPem()) < 0 ||
        !cert.commit())
        return cim::Error(cim::ReturnCode::Failed,
                          tr("Cannot write %1: %2").arg(certificateFile, cert.errorString()));
    return made;
}

QString certificateFingerprint(const QSslCertificate &certificate)
{
    const QByteArray digest = certificate.digest(QCryptographicHash::Sha256).toHex().toUpper();
    QString out;
    for (qsizetype i = 0; i < digest.size(); i += 2) {
        if (i)
            out += u':';
        out += QLatin1StringView(digest.mid(i, 2));
    }
    return out;
}

} // namespace rd::wsman
