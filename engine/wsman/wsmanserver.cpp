// WsmanServer's life (listen, close, its address) and the dispatch of each request it has read.
#include "wsmanserver_p.h"
#include "wsmanservertypes_p.h"

#include "wsmannames.h"

#include "rd/version.h"

#include <QSslConfiguration>
#include <QSysInfo>
#include <QThreadPool>
#include <QTimer>

namespace rd::wsman {

Q_LOGGING_CATEGORY(lcWsmanServer, "rd.wsman.server", QtInfoMsg)

using namespace serverdetail;

// ---------------------------------------------------------------------------------------------

WsmanServer::WsmanServer(engine::ProviderRegistry *registry, UserStore users, QObject *parent)
    : QObject(parent)
    , m_registry(registry)
    , m_users(std::make_shared<const UserStore>(std::move(users)))
    , m_types(std::make_unique<Types>(registry))
    , m_authPool(std::make_unique<QThreadPool>())
    , m_parsePool(std::make_unique<QThreadPool>())
    , m_machine(QSysInfo::machineHostName())
{
    // Password hashing is deliberately slow; two threads bound what bad logins can cost.
    m_authPool->setMaxThreadCount(2);
    m_parsePool->setMaxThreadCount(2);
    auto *sweep = new QTimer(this);
    connect(sweep, &QTimer::timeout, this, &WsmanServer::expireEnumerations);
    sweep->start(10000);
}

WsmanServer::~WsmanServer()
{
    m_http.reset();
    // Their tasks post back to this object; what they posted dies with it.
    m_authPool->waitForDone();
    m_parsePool->waitForDone();
}

void WsmanServer::setUsers(UserStore users)
{
    m_users = std::make_shared<const UserStore>(std::move(users));
    m_logins.clear();
}

cim::Result<void> WsmanServer::listen(const WsmanServerOptions &options)
{
    if (!options.tls && !options.address.isLoopback() && !options.allowInsecureHttp) {
        return cim::Error(
            cim::ReturnCode::InvalidParameter,
            tr("Plain HTTP is only served on a loopback address; give a certificate or "
               "allow insecure HTTP explicitly."));
    }
    m_options = options;
    m_http =
        std::make_unique<HttpServer>([this](const HttpRequest &request, HttpResponder responder) {
            handle(request, responder);
        });
    m_http->setLimits(options.http);
    m_http->setErrorFormatter([this](int status, const QString &text) {
        // A body over the limit is WS-Man's EncodingLimit, still with HTTP's 413.
        if (status == 413) {
            return faultResponse(
                Fault::make(FaultKind::EncodingLimit, text, QStringLiteral("ServiceEnvelopeLimit")),
                QString(), 413);
        }
        return HttpServer::textResponse(status, text);
    });
    connect(m_http.get(), &HttpServer::tlsError, this,
            [](const QHostAddress &peer, const QString &message) {
                qCInfo(lcWsmanServer).noquote() << peer.toString() << "TLS:" << logSafe(message);
            });
    if (options.tls) {
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setLocalCertificate(options.tls->certificate);
        tls.setPrivateKey(options.tls->privateKey);
        tls.setProtocol(QSsl::TlsV1_2OrLater);
        tls.setPeerVerifyMode(QSslSocket::VerifyNone);
        m_http->setTlsConfiguration(tls);
    }
    auto ok = m_http->listen(options.address, options.port);
    if (!ok)
        m_http.reset();
    return ok;
}

void WsmanServer::close()
{
    if (m_http)
        m_http->close();
}

bool WsmanServer::isListening() const
{
    return m_http && m_http->isListening();
}

quint16 WsmanServer::port() const
{
    return m_http ? m_http->serverPort() : 0;
}

int WsmanServer::connectionCount() const
{
    return m_http ? m_http->connectionCount() : 0;
}

QUrl WsmanServer::url() const
{
    QUrl u;
    u.setScheme(m_options.tls ? QStringLiteral("https") : QStringLiteral("http"));
    QHostAddress host = m_http ? m_http->serverAddress() : m_options.address;
    if (host == QHostAddress::Any || host == QHostAddress::AnyIPv4)
        host = QHostAddress(QHostAddress::LocalHost);
    else if (host == QHostAddress::AnyIPv6)
        host = QHostAddress(QHostAddress::LocalHostIPv6);
    u.setHost(host.toString());
    u.setPort(port());
    u.setPath(QStringLiteral("/wsman"));
    return u;
}

// ---------------------------------------------------------------------------------------------
// Dispatch

void WsmanServer::process(const std::shared_ptr<Exchange> &x)
{
    if (!m_registry) {
        replyFault(x, Fault::make(FaultKind::InternalError, tr("The engine is not running.")));
        return;
    }
    // The XML is parsed on the pool (a big body must not hold every other connection's I/O);
    // only interpreting it, which asks the registry for types, comes back to this thread. The
    // destructor waits for the pool, so the task may post to this object; a connection that
    // went meanwhile makes the answer go nowhere (HttpResponder).
    ReadLimits limits;
    limits.maxBytes = m_options.http.maxBodyBytes;
    WsmanServer *self = this;
    m_parsePool->start([self, x, limits, body = x->request.body] {
        ParsedEnvelope parsed = parseEnvelope(body, limits);
        QMetaObject::invokeMethod(
            self, [self, x, parsed = std::move(parsed)] { self->processParsed(x, parsed); },
            Qt::QueuedConnection);
    });
}

void WsmanServer::processParsed(const std::shared_ptr<Exchange> &x, const ParsedEnvelope &parsed)
{
    if (!x->responder.isConnected())
        return; // the client has gone; nothing to answer
    if (!m_registry) {
        replyFault(x, Fault::make(FaultKind::InternalError, tr("The engine is not running.")));
        return;
    }
    ReadLimits limits;
    limits.maxBytes = m_options.http.maxBodyBytes;
    ReadResult read = readMessage(parsed, m_types.get(), limits);
    x->message = read.message;
    x->maxEnvelopeSize = m_options.defaultMaxEnvelopeSize;
    if (!read.ok()) {
        replyFault(x, *read.fault);
        return;
    }
    const Message &m = x->message;
    const bool anonymous = x->user.name.isEmpty();
    if (m.operation == Operation::Identify) {
        Message r;
        r.operation = Operation::Identify;
        r.identify.protocolVersion = ns::wsman();
        r.identify.productVendor = QStringLiteral("ReplicaDesk");
        if (!anonymous)
            r.identify.productVersion = QStringLiteral("ReplicaDesk engine " RD_VERSION);
        reply(x, r);
        return;
    }
    if (anonymous) {
        HttpResponse r = HttpServer::textResponse(401, tr("Credentials are required."));
        r.headers.emplaceBack("WWW-Authenticate", "Basic realm=\"ReplicaDesk WS-Management\"");
        replyHttp(x, r);
        return;
    }
    if (m.response || m.operation == Operation::Fault || m.operation == Operation::Unknown) {
        replyFault(x, Fault::make(FaultKind::ActionNotSupported,
                                  tr("The action %1 is not a request.").arg(m.header.action)));
        return;
    }
    if (m.header.messageId.isEmpty()) {
        replyFault(x, Fault::make(FaultKind::MessageInformationHeaderRequired,
                                  tr("The request has no wsa:MessageID header.")));
        return;
    }
    if (!m.header.replyTo.isEmpty() && m.header.replyTo != uri::anonymous()) {
        replyFault(x, Fault::make(FaultKind::UnsupportedFeature,
                                  tr("Only the anonymous ReplyTo address is supported."),
                                  QStringLiteral("AddressingMode")));
        return;
    }
    if (m.header.maxEnvelopeSize) {
        if (*m.header.maxEnvelopeSize < 8192) {
            replyFault(x, Fault::make(FaultKind::EncodingLimit,
                                      tr("MaxEnvelopeSize is below 8192 bytes."),
                                      QStringLiteral("MinimumEnvelopeLimit")));
            return;
        }
        x->maxEnvelopeSize = *m.header.maxEnvelopeSize;
    }
    if (const auto r = ResourceUri::parse(m.header.resourceUri))
        x->style = r->style;
    if (x->user.readOnly && (m.operation == Operation::Put || m.operation == Operation::Delete ||
                             m.operation == Operation::Invoke)) {
        replyFault(x, Fault::make(FaultKind::AccessDenied,
                                  tr("The user %1 may only read.").arg(x->user.name)));
        return;
    }
    switch (m.operation) {
    case Operation::Get:
        doGet(x);
        return;
    case Operation::Put:
        doPut(x);
        return;
    case Operation::Delete:
        doDelete(x);
        return;
    case Operation::Enumerate:
        doEnumerate(x);
        return;
    case Operation::Pull:
        doPull(x);
        return;
    case Operation::Release:
        doRelease(x);
        return;
    case Operation::Invoke:
        doInvoke(x);
        return;
    default:
        replyFault(x, Fault::make(FaultKind::ActionNotSupported,
                                  tr("The action %1 is not supported.").arg(m.header.action)));
        return;
    }
}

QString serverdetail::logSafe(QStringView text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        const bool control = u < 0x20 || (u >= 0x7f && u <= 0x9f);
        const bool separator = u == 0x2028 || u == 0x2029;
        const bool bidi = (u >= 0x202a && u <= 0x202e) || (u >= 0x2066 && u <= 0x2069) ||
                          u == 0x200e || u == 0x200f || u == 0x061c;
        if (u == u'\\')
            out += QStringLiteral("\\\\");
        else if (control || separator || bidi)
            out += QStringLiteral("\\u%1").arg(uint(u), 4, 16, QLatin1Char('0'));
        else
            out += c;
    }
    return out;
}

} // namespace rd::wsman
