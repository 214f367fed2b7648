#pragma once
// The WS-Management endpoint (/wsman) of an engine: authenticates each request (HTTP Basic against
// the user store), reads the envelope, dispatches Identify, Get, Put, Delete, Enumerate, Pull,
// Release and extrinsic methods into the ProviderRegistry, and answers in WinRM's shapes. It
// lives on the registry's thread (the daemon's main thread); only password hashing and XML parsing
// of request bodies run elsewhere. What it logs of a client's strings is escaped (logSafe).
//
// What a client gets for what (each answer leaves the engine unchanged and others served):
//   401 + WWW-Authenticate Basic   credentials missing, malformed or wrong (unauthenticated
//                                  Identify allowed with "WSMANIDENTIFY: unauthenticated")
//   404 / 405 / 415                not /wsman, not POST, not application/soap+xml
//   400 / 431 / 501 / 505          malformed HTTP or framing (also NUL or a bare CR in the
//                                  headers, two Authorization, Host or Content-Type headers),
//                                  headers too large, a transfer coding other than chunked,
//                                  not HTTP/1.x
//   408                            request not complete within HttpLimits::requestTimeoutMs,
//                                  or the first one's headers within firstRequestTimeoutMs
//   (closed, no answer)            TLS not done within handshakeTimeoutMs, nothing sent within
//                                  firstRequestTimeoutMs, HTTPS connection over the limits
//   413 + wsman:EncodingLimit      body larger than HttpLimits::maxBodyBytes (from the headers)
//   503                            too many connections (in all or from one address) or logins
//   500 + s:Fault (WinRM's shape, f:WSManFault Code = a Windows error code):
//     wsman:SchemaValidationError  malformed XML, DTDs or entity references, mistyped values,
//                                  two Header or two Body elements
//     wsman:EncodingLimit          nesting deeper than 64, too many elements, attributes of one
//                                  element, namespace declarations or parameters, an answer over
//                                  MaxEnvelopeSize (enumeration batches shrink to fit first)
//     s:VersionMismatch / s:MustUnderstand (+ s:NotUnderstood)
//     wsa:MessageInformationHeaderRequired, wsa:ActionNotSupported (also unknown methods),
//     wsa:DestinationUnreachable   unknown resource URI, class, namespace or instance
//     wsman:InvalidSelectors       unexpected, missing, duplicated or mistyped selectors
//     wsman:AccessDenied           a read-only user's Put, Delete or Invoke
//     wsen:InvalidEnumerationContext  unknown, finished, released, expired, another user's or
//                                  made under another ResourceURI
//     wsman:TimedOut               a method not done within OperationTimeout
//     wsen:CannotProcessFilter, wsman:UnsupportedFeature (ReplyTo not anonymous),
//     wsman:InvalidRepresentation (Put), wsman:InvalidOptions,
//     wsman:QuotaLimit             too many enumeration contexts open, in all or for this user
//   A method's own error is its ReturnValue (with rd:ReturnMessage and, when one input parameter
//   is at fault, rd:ReturnParameter naming it), never a fault.

#include "clientcertificates.h"
#include "envelope.h"
#include "httpserver.h"
#include "selfsignedcertificate.h"
#include "userstore.h"

#include "provider/providerregistry.h"

#include <QDeadlineTimer>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QUrl>

#include <memory>
#include <optional>

class QThreadPool;

namespace rd::wsman {

struct WsmanServerOptions
{
    QHostAddress address = QHostAddress(QHostAddress::LocalHost);
    quint16 port = 0;                           // 0: chosen by the OS
    std::optional<TlsIdentity> tls;             // HTTPS when set
    bool allowInsecureHttp = false;             // plain HTTP on an address other than loopback
    HttpLimits http;                            // http.maxBodyBytes is the largest request accepted
    qint64 defaultMaxEnvelopeSize = 512 * 1024; // for responses, when a request names none
    int defaultOperationTimeoutMs = 60000;
    int maxOperationTimeoutMs = 3600 * 1000;
    int enumerationExpiryMs = 120000;       // an enumeration context unused this long is dropped
    int maxEnumerationContexts = 256;       // open at once, all users together
    int maxEnumerationContextsPerUser = 64; // of them one user's
    int maxPullElements = 10000;
};

class WsmanServer final : public QObject
{
    Q_OBJECT
public:
    WsmanServer(engine::ProviderRegistry *registry, UserStore users, QObject *parent = nullptr);
    ~WsmanServer() override;
    Q_DISABLE_COPY_MOVE(WsmanServer)

    cim::Result<void> listen(const WsmanServerOptions &options);
    void close();
    bool isListening() const;
    quint16 port() const;
    QUrl url() const; // http(s)://address:port/wsman
    const WsmanServerOptions &options() const { return m_options; }

    void setUsers(UserStore users);
    // Where client certificates of signed-in users are recorded (for NBD); none by default.
    void setClientCertificates(std::shared_ptr<ClientCertificates> certificates)
    {
        m_clientCertificates = std::move(certificates);
    }
    int openEnumerationContexts() const { return int(m_enumerations.size()); }
    int connectionCount() const;

Q_SIGNALS:
    // One per answered request, for the log: who, what, and the HTTP status.
    void requestHandled(const QString &peer, const QString &user, const QString &operation,
                        int status);

private:
    class Types;
    struct Enumeration
    {
        QString user;
        QString resourceUri; // Pull and Release must name the one it was made under
        QList<EnumerationItem> items;
        qsizetype position = 0;
        UriStyle style = UriStyle::Microsoft;
        QDeadlineTimer expires;
    };
    struct Exchange; // one request being answered

    void handle(const HttpRequest &request, HttpResponder responder);
    void authenticated(const std::shared_ptr<Exchange> &x, const std::optional<User> &user);
    void process(const std::shared_ptr<Exchange> &x);
    void processParsed(const std::shared_ptr<Exchange> &x, const ParsedEnvelope &parsed);

    void doGet(const std::shared_ptr<Exchange> &x);
    void doPut(const std::shared_ptr<Exchange> &x);
    void doDelete(const std::shared_ptr<Exchange> &x);
    void doEnumerate(const std::shared_ptr<Exchange> &x);
    void doPull(const std::shared_ptr<Exchange> &x);
    void doRelease(const std::shared_ptr<Exchange> &x);
    void doInvoke(const std::shared_ptr<Exchange> &x);

    void reply(const std::shared_ptr<Exchange> &x, Message response);
    void replyFault(const std::shared_ptr<Exchange> &x, Fault fault);
    void replyHttp(const std::shared_ptr<Exchange> &x, HttpResponse response);
    // Writes as many enumeration items from e as MaxElements and MaxEnvelopeSize allow.
    void replyBatch(const std::shared_ptr<Exchange> &x, const QString &id, int maxElements,
                    bool pull);

    void expireEnumerations();
    HttpResponse faultResponse(const Fault &fault, const QString &relatesTo,
                               int status = 500) const;

    QPointer<engine::ProviderRegistry> m_registry;
    std::shared_ptr<const UserStore> m_users;
    std::shared_ptr<ClientCertificates> m_clientCertificates;
    std::unique_ptr<Types> m_types;
    std::unique_ptr<HttpServer> m_http;
    std::unique_ptr<QThreadPool> m_authPool;
    // XML parsing of request bodies, off the thread that serves every connection's I/O.
    std::unique_ptr<QThreadPool> m_parsePool;
    WsmanServerOptions m_options;
    QHash<QString, Enumeration> m_enumerations;
    // Authorization header digests that verified recently, so PBKDF2 runs once per session.
    struct CachedLogin
    {
        User user;
        QDeadlineTimer expires;
    };
    QHash<QByteArray, CachedLogin> m_logins;
    int m_pendingLogins = 0; // password checks queued or running
    QString m_machine;
};

} // namespace rd::wsman
