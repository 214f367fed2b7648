// WsmanServer's HTTP side: authenticating each request (with a cache of recent logins) and
// writing its answer, fault or HTTP error.
#include "wsmanserver_p.h"
#include "wsmanservertypes_p.h"

#include "wsmannames.h"

#include <QCryptographicHash>
#include <QFuture>
#include <QThreadPool>

namespace rd::wsman {

using namespace serverdetail;

namespace {

constexpr int kLoginCacheMs = 5 * 60 * 1000;
constexpr int kLoginCacheSize = 256;
constexpr int kMaxPendingLogins = 64;

QString operationName(Operation op)
{
    switch (op) {
    case Operation::Identify:
        return QStringLiteral("Identify");
    case Operation::Get:
        return QStringLiteral("Get");
    case Operation::Put:
        return QStringLiteral("Put");
    case Operation::Delete:
        return QStringLiteral("Delete");
    case Operation::Enumerate:
        return QStringLiteral("Enumerate");
    case Operation::Pull:
        return QStringLiteral("Pull");
    case Operation::Release:
        return QStringLiteral("Release");
    case Operation::Invoke:
        return QStringLiteral("Invoke");
    case Operation::Fault:
    case Operation::Unknown:
        break;
    }
    return QStringLiteral("-");
}

} // namespace

// ---------------------------------------------------------------------------------------------
// Transport and authentication

HttpResponse WsmanServer::faultResponse(const Fault &fault, const QString &relatesTo,
                                        int status) const
{
    Fault f = fault;
    f.machine = m_machine;
    HttpResponse r;
    r.status = status;
    r.headers.emplaceBack("Content-Type", "application/soap+xml;charset=UTF-8");
    r.body = writeFault(f, relatesTo);
    return r;
}

void WsmanServer::replyHttp(const std::shared_ptr<Exchange> &x, HttpResponse response)
{
    if (x->answered)
        return;
    x->answered = true;
    const QString op = operationName(x->message.operation);
    qCInfo(lcWsmanServer).noquote()
        << x->request.peer.toString()
        << (x->user.name.isEmpty() ? QStringLiteral("-") : logSafe(x->user.name)) << op
        << response.status << x->started.elapsed() << "ms";
    Q_EMIT requestHandled(x->request.peer.toString(), x->user.name, op, response.status);
    x->responder.respond(std::move(response));
}

void WsmanServer::replyFault(const std::shared_ptr<Exchange> &x, Fault fault)
{
    // The reason often quotes the request (an action, a class, a selector): escaped.
    qCInfo(lcWsmanServer).noquote() << "fault" << fault.kindName() << logSafe(fault.reason);
    replyHttp(x, faultResponse(fault, x->message.header.messageId));
}

void WsmanServer::reply(const std::shared_ptr<Exchange> &x, Message response)
{
    response.response = true;
    response.header.relatesTo = x->message.header.messageId;
    response.header.messageId = newMessageId();
    WriteOptions w;
    w.style = x->style;
    QByteArray body = writeMessage(response, w);
    if (body.size() > x->maxEnvelopeSize) {
        replyFault(
            x, Fault::make(FaultKind::EncodingLimit,
                           tr("The response (%1 bytes) is larger than MaxEnvelopeSize (%2 bytes).")
                               .arg(body.size())
                               .arg(x->maxEnvelopeSize),
                           QStringLiteral("MaxEnvelopeSize")));
        return;
    }
    HttpResponse r;
    r.headers.emplaceBack("Content-Type", "application/soap+xml;charset=UTF-8");
    r.body = std::move(body);
    replyHttp(x, std::move(r));
}

void WsmanServer::handle(const HttpRequest &request, HttpResponder responder)
{
    auto x = std::make_shared<Exchange>();
    x->started.start();
    x->request = request;
    x->responder = responder;
    if (request.path().toLower() != "/wsman") {
        replyHttp(x, HttpServer::textResponse(404, tr("The WS-Management endpoint is /wsman.")));
        return;
    }
    if (request.method != "POST") {
        HttpResponse r = HttpServer::textResponse(405, tr("Only POST is accepted."));
        r.headers.emplaceBack("Allow", "POST");
        replyHttp(x, r);
        return;
    }
    const QByteArray type = request.header("content-type").toLower();
    if (!type.startsWith("application/soap+xml") && !type.startsWith("text/xml")) {
        replyHttp(
            x, HttpServer::textResponse(415, tr("The content type must be application/soap+xml.")));
        return;
    }

    const QByteArray auth = request.header("authorization");
    if (auth.isEmpty()) {
        // WinRM's unauthenticated Identify: answered without the product version.
        if (request.header("wsmanidentify").toLower() == "unauthenticated") {
            authenticated(x, User{});
            return;
        }
        HttpResponse r = HttpServer::textResponse(401, tr("Credentials are required."));
        r.headers.emplaceBack("WWW-Authenticate", "Basic realm=\"ReplicaDesk WS-Management\"");
        replyHttp(x, r);
        return;
    }
    const QByteArray digest = QCryptographicHash::hash(auth, QCryptographicHash::Sha256);
    if (auto it = m_logins.find(digest); it != m_logins.end()) {
        if (!it->expires.hasExpired()) {
            authenticated(x, it->user);
            return;
        }
        m_logins.erase(it);
    }
    QString name;
    QString password;
    if (auth.toLower().startsWith("basic ")) {
        const auto decoded = QByteArray::fromBase64Encoding(
            auth.mid(6).trimmed(), QByteArray::AbortOnBase64DecodingErrors);
        const qsizetype colon = decoded ? decoded.decoded.indexOf(':') : -1;
        if (colon > 0) {
            name = QString::fromUtf8(decoded.decoded.left(colon));
            password = QString::fromUtf8(decoded.decoded.mid(colon + 1));
        }
    }
    if (name.isEmpty()) {
        authenticated(x, std::nullopt);
        return;
    }
    // PBKDF2 off this thread: a burst of logins must not stall requests already authenticated.
    // A flood of logins waits in a bounded queue; beyond it the client is asked to come back.
    if (m_pendingLogins >= kMaxPendingLogins) {
        HttpResponse busy =
            HttpServer::textResponse(503, tr("Too many logins at once; try again."));
        busy.headers.emplaceBack("Retry-After", "1");
        replyHttp(x, busy);
        return;
    }
    ++m_pendingLogins;
    // The destructor waits for the pool, so the server outlives every task posting back to it.
    WsmanServer *self = this;
    std::shared_ptr<const UserStore> users = m_users;
    m_authPool->start([self, users, x, name, password, digest] {
        std::optional<User> user = users->authenticate(name, password);
        QMetaObject::invokeMethod(
            self,
            [self, x, user, digest, users] {
                --self->m_pendingLogins;
                // Only cache against the store that verified it (setUsers may have replaced it).
                if (user && users == self->m_users) {
                    if (self->m_logins.size() >= kLoginCacheSize)
                        self->m_logins.clear();
                    self->m_logins.insert(digest,
                                          CachedLogin{*user, QDeadlineTimer(kLoginCacheMs)});
                }
                self->authenticated(x, user);
            },
            Qt::QueuedConnection);
    });
}

void WsmanServer::authenticated(const std::shared_ptr<Exchange> &x, const std::optional<User> &user)
{
    if (!user) {
        HttpResponse r =
            HttpServer::textResponse(401, tr("The user name or password is not accepted."));
        r.headers.emplaceBack("WWW-Authenticate", "Basic realm=\"ReplicaDesk WS-Management\"");
        replyHttp(x, r);
        return;
    }
    x->user = *user;
    if (m_clientCertificates && !user->name.isEmpty() && !x->request.clientCertificate.isNull()) {
        if (auto r = m_clientCertificates->authorize(x->request.clientCertificate, user->name); !r)
            qCWarning(lcWsmanServer).noquote() << logSafe(r.error().message);
    }
    process(x);
}

} // namespace rd::wsman
