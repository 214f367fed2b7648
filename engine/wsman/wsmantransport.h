#pragma once
// CimClient over WS-Management: the console drives a remote ReplicaDesk engine or a Windows
// iSCSI Target with the same calls as the embedded engine. Asynchronous on QNetworkAccessManager
// (never blocking its thread); HTTPS with certificate verification and trust-on-first-use by
// SHA-256 fingerprint; Basic auth; enumerations pulled to the end; faults become cim::Error with
// the fault's text.

#include "envelope.h"

#include "api/cimclient.h"

#include <QSslCertificate>
#include <QSslKey>
#include <QStringList>
#include <QUrl>

#include <functional>
#include <memory>

class QNetworkAccessManager;
class QNetworkReply;

namespace rd::wsman {

struct IdentifyResult
{
    QString protocolVersion;
    QString productVendor;
    QString productVersion; // empty for unauthenticated Identify
};

class WsmanTransport final : public engine::CimClient
{
    Q_OBJECT
public:
    // endpoint: "https://host:5986/wsman" (WinRM's HTTPS port) or any URL of a WS-Man service.
    explicit WsmanTransport(const QUrl &endpoint, QObject *parent = nullptr);
    ~WsmanTransport() override;
    Q_DISABLE_COPY_MOVE(WsmanTransport)

    // Kept in memory only; the console keeps passwords in the OS keychain.
    void setCredentials(const QString &user, const QString &password);
    QString user() const { return m_user; }
    // For handing the same access to the engine (PeerDirectory); never written anywhere.
    QString password() const { return m_password; }
    void setNameSpace(const QString &nameSpace);
    void setUriStyle(UriStyle style) { m_style = style; }
    void setOperationTimeout(int milliseconds) { m_operationTimeoutMs = milliseconds; }
    void setMaxElements(int count) { m_maxElements = qMax(1, count); }
    void setMaxEnvelopeSize(qint64 bytes) { m_maxEnvelopeSize = bytes; }

    // The server's certificate is accepted when the system's CAs vouch for it, or when its
    // SHA-256 fingerprint ("AB:CD:...") is one of these (a pinned self-signed certificate).
    void setTrustedFingerprints(const QStringList &fingerprints) { m_trusted = fingerprints; }
    // A certificate (and its key) shown to the server in the TLS handshake: a peer engine's
    // identity, which the server records with the user who signs in (for its NBD export).
    void setClientIdentity(const QSslCertificate &certificate, const QSslKey &key)
    {
        m_clientCertificate = certificate;
        m_clientKey = key;
    }
    QStringList trustedFingerprints() const { return m_trusted; }
    // Trust on first use: asked, on this thread, about a certificate nothing vouches for.
    // Returning true pins its fingerprint (certificateTrusted is emitted so it can be stored).
    using CertificateCheck =
        std::function<bool(const QSslCertificate &certificate, const QString &fingerprint)>;
    void setCertificateCheck(CertificateCheck check) { m_check = std::move(check); }
    // The certificate the server showed last, and its fingerprint, for the console to display.
    QSslCertificate peerCertificate() const { return m_peerCertificate; }
    QString peerFingerprint() const;

    QUrl endpoint() const { return m_endpoint; }
    QString displayName() const override;
    QString nameSpace() const override { return m_nameSpace; }
    bool isLocal() const override { return false; }

    QFuture<cim::Result<IdentifyResult>> identify(bool authenticated = true);

    QFuture<cim::Result<QList<cim::Instance>>>
    enumerateInstances(const QString &className) override;
    QFuture<cim::Result<cim::Instance>> getInstance(const cim::ObjectPath &path) override;
    QFuture<cim::Result<QList<cim::Instance>>>
    associators(const cim::ObjectPath &path, const engine::AssociationFilter &filter) override;
    QFuture<cim::Result<QList<cim::Instance>>>
    references(const cim::ObjectPath &path, const engine::AssociationFilter &filter) override;
    QFuture<cim::MethodResult> invokeMethod(const cim::MethodCall &call) override;
    QFuture<cim::Result<void>> modifyInstance(const cim::Instance &instance,
                                              const QStringList &propertyList) override;
    QFuture<cim::Result<void>> deleteInstance(const cim::ObjectPath &path) override;

Q_SIGNALS:
    void certificateTrusted(const QString &fingerprint);
    void certificateRejected(const QString &fingerprint, const QSslCertificate &certificate);

private:
    using Done = std::function<void(cim::Result<Message>)>;
    Message request(Operation operation, const cim::ObjectPath &target) const;
    void send(const Message &message, Done done, bool authenticated = true);
    void onSslErrors(QNetworkReply *reply, const QList<QSslError> &errors);
    cim::Error networkError(QNetworkReply *reply) const;
    // Enumerate, then Pull until the end, collecting instances.
    void enumerate(Message first, std::function<void(cim::Result<QList<cim::Instance>>)> done);
    void pull(const QString &resourceUri, const QString &context,
              std::shared_ptr<QList<cim::Instance>> items,
              std::function<void(cim::Result<QList<cim::Instance>>)> done, int round);

    QUrl m_endpoint;
    QString m_user;
    QString m_password;
    QString m_nameSpace;
    UriStyle m_style = UriStyle::Microsoft;
    int m_operationTimeoutMs = 60000;
    int m_maxElements = 200;
    qint64 m_maxEnvelopeSize = 512000; // WinRM's largest by default (MaxEnvelopeSizekb 500)
    QStringList m_trusted;
    QSslCertificate m_clientCertificate;
    QSslKey m_clientKey;
    CertificateCheck m_check;
    QSslCertificate m_peerCertificate;
    QString m_rejectedFingerprint;
    std::unique_ptr<QNetworkAccessManager> m_network;
};

} // namespace rd::wsman
