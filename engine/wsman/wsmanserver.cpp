#include "wsmanserver.h"

#include "wsmannames.h"

#include "rd/version.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFuture>
#include <QLoggingCategory>
#include <QSslConfiguration>
#include <QSysInfo>
#include <QThreadPool>
#include <QTimer>
#include <QUuid>

namespace rd::wsman {

Q_LOGGING_CATEGORY(lcWsmanServer, "rd.wsman.server", QtInfoMsg)

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("rd::wsman::WsmanServer", text);
}

constexpr int kLoginCacheMs = 5 * 60 * 1000;
constexpr int kLoginCacheSize = 256;
constexpr int kMaxPendingLogins = 64;

QString normalizedNameSpace(QString ns)
{
    ns.replace(u'\\', u'/');
    return ns.toLower();
}

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
// Types the wire does not carry, from the registry: method signatures, and the property and key
// types of each class as its instances show them (learnt once per class).

class WsmanServer::Types final : public TypeResolver
{
public:
    struct Schema
    {
        bool learned = false;
        QHash<QString, TypeSpec> properties; // lower-cased name
        QHash<QString, cim::CimType> keys;   // lower-cased name
        QStringList keyNames;
    };

    explicit Types(engine::ProviderRegistry *registry)
        : m_registry(registry)
    {}

    std::optional<TypeSpec> propertyType(const QString &className,
                                         const QString &name) const override
    {
        const Schema &s = schema(className);
        const auto it = s.properties.constFind(name.toLower());
        if (it == s.properties.cend())
            return std::nullopt;
        return *it;
    }

    std::optional<TypeSpec> parameterType(const QString &className, const QString &method,
                                          const QString &name, bool output) const override
    {
        if (!m_registry)
            return std::nullopt;
        const auto spec = m_registry->methodSpec(className, method);
        if (!spec)
            return std::nullopt;
        const engine::ParameterSpec *p = spec->parameter(name);
        if (!p || (output && !(p->direction & engine::ParameterSpec::Out)))
            return std::nullopt;
        return TypeSpec{p->type, p->array};
    }

    std::optional<cim::CimType> keyType(const QString &className, const QString &key) const override
    {
        const Schema &s = schema(className);
        const auto it = s.keys.constFind(key.toLower());
        if (it == s.keys.cend())
            return std::nullopt;
        return *it;
    }

    const Schema &schema(const QString &className) const
    {
        static const Schema none;
        if (!m_registry)
            return none;
        const QString canonical = m_registry->canonicalClassName(className);
        if (canonical.isEmpty())
            return none;
        Schema &s = m_schemas[canonical.toLower()];
        if (!s.learned) {
            // Learn from a few instances; a class with none yet is asked again next time.
            const auto all = m_registry->enumerateInstances(canonical);
            if (all.ok()) {
                for (qsizetype i = 0; i < qMin<qsizetype>(all->size(), 8); ++i)
                    learn(s, all->at(i));
            }
        }
        return s;
    }

    void learn(const cim::Instance &instance) const
    {
        if (!m_registry)
            return;
        const QString canonical = m_registry->canonicalClassName(instance.className());
        if (!canonical.isEmpty())
            learn(m_schemas[canonical.toLower()], instance);
    }

private:
    static void learn(Schema &s, const cim::Instance &instance)
    {
        s.learned = true;
        for (const auto &[name, value] : instance.properties()) {
            if (value.isTyped())
                s.properties.insert(name.toLower(), TypeSpec{value.type(), value.isArray()});
        }
        if (s.keyNames.isEmpty()) {
            for (const auto &[name, value] : instance.path().keys()) {
                s.keyNames.append(name);
                if (value.isTyped())
                    s.keys.insert(name.toLower(), value.type());
            }
        }
    }

    QPointer<engine::ProviderRegistry> m_registry;
    mutable QHash<QString, Schema> m_schemas;
};

struct WsmanServer::Exchange
{
    HttpRequest request;
    HttpResponder responder;
    QElapsedTimer started;
    User user;
    Message message;
    UriStyle style = UriStyle::Microsoft;
    qint64 maxEnvelopeSize = 0;
    bool answered = false;
};

// ---------------------------------------------------------------------------------------------

WsmanServer::WsmanServer(engine::ProviderRegistry *registry, UserStore users, QObject *parent)
    : QObject(parent)
    , m_registry(registry)
    , m_users(std::make_shared<const UserStore>(std::move(users)))
    , m_types(std::make_unique<Types>(registry))
    , m_authPool(std::make_unique<QThreadPool>())
    , m_machine(QSysInfo::machineHostName())
{
    // Password hashing is deliberately slow; two threads bound what bad logins can cost.
    m_authPool->setMaxThreadCount(2);
    auto *sweep = new QTimer(this);
    connect(sweep, &QTimer::timeout, this, &WsmanServer::expireEnumerations);
    sweep->start(10000);
}

WsmanServer::~WsmanServer()
{
    m_http.reset();
    m_authPool->waitForDone();
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
                qCInfo(lcWsmanServer).noquote() << peer.toString() << "TLS:" << message;
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
    qCInfo(lcWsmanServer).noquote() << x->request.peer.toString()
                                    << (x->user.name.isEmpty() ? QStringLiteral("-") : x->user.name)
                                    << op << response.status << x->started.elapsed() << "ms";
    Q_EMIT requestHandled(x->request.peer.toString(), x->user.name, op, response.status);
    x->responder.respond(std::move(response));
}

void WsmanServer::replyFault(const std::shared_ptr<Exchange> &x, Fault fault)
{
    qCInfo(lcWsmanServer).noquote() << "fault" << fault.kindName() << fault.reason;
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
            qWarning("%s", qPrintable(r.error().message));
    }
    process(x);
}

// ---------------------------------------------------------------------------------------------
// Dispatch

void WsmanServer::process(const std::shared_ptr<Exchange> &x)
{
    if (!m_registry) {
        replyFault(x, Fault::make(FaultKind::InternalError, tr("The engine is not running.")));
        return;
    }
    ReadLimits limits;
    limits.maxBytes = m_options.http.maxBodyBytes;
    ReadResult read = readMessage(x->request.body, m_types.get(), limits);
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

namespace {

struct Target
{
    cim::ObjectPath path; // canonical class, the registry's namespace
    QString className;    // canonical
};

// The class and instance the request's resource URI and selectors address.
std::optional<Fault> resolveTarget(engine::ProviderRegistry &registry, const Header &h,
                                   const QStringList &keyNames, bool keysRequired, Target &out)
{
    const auto uriParts = ResourceUri::parse(h.resourceUri);
    if (h.resourceUri.isEmpty() || !uriParts || uriParts->allClasses) {
        return Fault::make(
            FaultKind::DestinationUnreachable,
            tr("The resource URI %1 does not name a class this service serves.").arg(h.resourceUri),
            QStringLiteral("InvalidResourceURI"));
    }
    const auto target = h.target();
    const QString canonical = registry.canonicalClassName(uriParts->className);
    if (canonical.isEmpty() || !target) {
        return Fault::make(
            FaultKind::DestinationUnreachable,
            tr("The class %1 is not served by this system.").arg(uriParts->className),
            QStringLiteral("InvalidResourceURI"));
    }
    if (!target->nameSpace().isEmpty() &&
        normalizedNameSpace(target->nameSpace()) != normalizedNameSpace(registry.nameSpace())) {
        return Fault::make(FaultKind::DestinationUnreachable,
                           tr("The namespace %1 is not served by this system; it serves %2.")
                               .arg(target->nameSpace(), registry.nameSpace()),
                           QStringLiteral("InvalidResourceURI"));
    }
    if (!keyNames.isEmpty() && (keysRequired || !target->keys().isEmpty())) {
        for (const auto &[name, value] : target->keys()) {
            if (!keyNames.contains(name, Qt::CaseInsensitive)) {
                return Fault::make(FaultKind::InvalidSelectors,
                                   tr("%1 is not a key of %2.").arg(name, canonical),
                                   QStringLiteral("UnexpectedSelectors"));
            }
        }
        for (const QString &key : keyNames) {
            if (target->key(key).isNull()) {
                return Fault::make(FaultKind::InvalidSelectors,
                                   tr("The selector %1 of %2 is missing.").arg(key, canonical),
                                   QStringLiteral("InsufficientSelectors"));
            }
        }
    }
    out.className = canonical;
    out.path = cim::ObjectPath(registry.nameSpace(), canonical, target->keys());
    return std::nullopt;
}

// An engine error on an instance operation as the fault WinRM would give.
Fault instanceFault(const cim::Error &e, FaultKind forInvalidParameter)
{
    switch (cim::ReturnCode(e.code)) {
    case cim::ReturnCode::InvalidParameter:
        return Fault::make(forInvalidParameter, e.message);
    case cim::ReturnCode::NotSupported:
        return Fault::make(FaultKind::ActionNotSupported, e.message);
    case cim::ReturnCode::Timeout:
        return Fault::make(FaultKind::TimedOut, e.message);
    case cim::ReturnCode::InUse:
        return Fault::make(FaultKind::InternalError, e.message);
    default:
        return Fault::make(FaultKind::InternalError, e.message);
    }
}

} // namespace

void WsmanServer::doGet(const std::shared_ptr<Exchange> &x)
{
    const Header &h = x->message.header;
    Target t;
    const auto uriParts = ResourceUri::parse(h.resourceUri);
    const QStringList keys =
        uriParts ? m_types->schema(uriParts->className).keyNames : QStringList();
    if (auto f = resolveTarget(*m_registry, h, keys, true, t)) {
        replyFault(x, *f);
        return;
    }
    auto got = m_registry->getInstance(t.path);
    if (!got) {
        replyFault(x, instanceFault(got.error(), FaultKind::DestinationUnreachable));
        return;
    }
    Message r;
    r.operation = Operation::Get;
    r.instance = got.value();
    reply(x, r);
}

void WsmanServer::doPut(const std::shared_ptr<Exchange> &x)
{
    const Message &m = x->message;
    Target t;
    const auto uriParts = ResourceUri::parse(m.header.resourceUri);
    const QStringList keys =
        uriParts ? m_types->schema(uriParts->className).keyNames : QStringList();
    if (auto f = resolveTarget(*m_registry, m.header, keys, true, t)) {
        replyFault(x, *f);
        return;
    }
    if (auto existing = m_registry->getInstance(t.path); !existing) {
        replyFault(x, instanceFault(existing.error(), FaultKind::DestinationUnreachable));
        return;
    }
    if (m_registry->canonicalClassName(m.instance.className()) != t.className) {
        replyFault(
            x, Fault::make(
                   FaultKind::InvalidRepresentation,
                   tr("The body describes %1, not %2.").arg(m.instance.className(), t.className),
                   QStringLiteral("InvalidResourceURI")));
        return;
    }
    cim::Instance changed = m.instance;
    changed.setClassName(t.className);
    changed.setPath(t.path);
    QStringList propertyList;
    for (const auto &[name, value] : changed.properties())
        propertyList << name;
    if (auto ok = m_registry->modifyInstance(changed, propertyList); !ok) {
        replyFault(x, instanceFault(ok.error(), FaultKind::InvalidRepresentation));
        return;
    }
    Message r;
    r.operation = Operation::Put;
    if (auto now = m_registry->getInstance(t.path))
        r.instance = now.value();
    reply(x, r);
}

void WsmanServer::doDelete(const std::shared_ptr<Exchange> &x)
{
    const Header &h = x->message.header;
    Target t;
    const auto uriParts = ResourceUri::parse(h.resourceUri);
    const QStringList keys =
        uriParts ? m_types->schema(uriParts->className).keyNames : QStringList();
    if (auto f = resolveTarget(*m_registry, h, keys, true, t)) {
        replyFault(x, *f);
        return;
    }
    if (auto ok = m_registry->deleteInstance(t.path); !ok) {
        replyFault(x, instanceFault(ok.error(), FaultKind::DestinationUnreachable));
        return;
    }
    Message r;
    r.operation = Operation::Delete;
    reply(x, r);
}

void WsmanServer::doEnumerate(const std::shared_ptr<Exchange> &x)
{
    const Message &m = x->message;
    const EnumerateBody &b = m.enumerate;
    const auto uriParts = ResourceUri::parse(m.header.resourceUri);
    if (!uriParts) {
        replyFault(x,
                   Fault::make(FaultKind::DestinationUnreachable,
                               tr("The resource URI %1 does not name a class this service serves.")
                                   .arg(m.header.resourceUri),
                               QStringLiteral("InvalidResourceURI")));
        return;
    }
    cim::Result<QList<cim::Instance>> found = QList<cim::Instance>();
    if (b.association) {
        const AssociationQuery &q = *b.association;
        if (m_registry->canonicalClassName(q.object.className()).isEmpty()) {
            replyFault(
                x, Fault::make(
                       FaultKind::DestinationUnreachable,
                       tr("The class %1 is not served by this system.").arg(q.object.className()),
                       QStringLiteral("InvalidResourceURI")));
            return;
        }
        found = q.kind == AssociationQuery::AssociatedInstances
                    ? m_registry->associators(q.object, q.filter)
                    : m_registry->references(q.object, q.filter);
        if (!found) {
            replyFault(x, Fault::make(FaultKind::CannotProcessFilter, found.error().message));
            return;
        }
    } else {
        Target t;
        if (auto f = resolveTarget(*m_registry, m.header, {}, false, t)) {
            replyFault(x, *f);
            return;
        }
        found = m_registry->enumerateInstances(t.className);
        if (!found) {
            replyFault(x, instanceFault(found.error(), FaultKind::DestinationUnreachable));
            return;
        }
    }
    expireEnumerations();
    if (m_enumerations.size() >= m_options.maxEnumerationContexts) {
        replyFault(x, Fault::make(FaultKind::QuotaLimit,
                                  tr("Too many enumerations are open; release some.")));
        return;
    }
    Enumeration e;
    e.user = x->user.name;
    e.style = x->style;
    e.expires = QDeadlineTimer(m_options.enumerationExpiryMs);
    e.items.reserve(found->size());
    if (!found->isEmpty())
        m_types->learn(found->front());
    for (const cim::Instance &inst : found.value()) {
        EnumerationItem item;
        if (b.mode != EnumerationMode::References)
            item.instance = inst;
        // Instances without a path (association instances often have none) go without an EPR.
        if (b.mode != EnumerationMode::Objects && !inst.path().isEmpty())
            item.path = inst.path();
        e.items.append(std::move(item));
    }
    const QString id =
        QStringLiteral("uuid:") + QUuid::createUuid().toString(QUuid::WithoutBraces).toUpper();
    m_enumerations.insert(id, std::move(e));
    if (!b.optimize) {
        Message r;
        r.operation = Operation::Enumerate;
        r.enumeration.context = id;
        reply(x, r);
        return;
    }
    replyBatch(x, id, b.maxElements > 0 ? b.maxElements : 1, false);
}

void WsmanServer::replyBatch(const std::shared_ptr<Exchange> &x, const QString &id, int maxElements,
                             bool pull)
{
    Enumeration &e = m_enumerations[id];
    maxElements = qBound(1, maxElements, m_options.maxPullElements);
    qsizetype n = qMin<qsizetype>(maxElements, e.items.size() - e.position);
    WriteOptions w;
    w.style = e.style;
    // Fit the batch into MaxEnvelopeSize, halving it until it does; the rest waits for a Pull.
    while (true) {
        Message r;
        r.operation = pull ? Operation::Pull : Operation::Enumerate;
        r.response = true;
        r.header.relatesTo = x->message.header.messageId;
        r.header.messageId = newMessageId();
        r.enumeration.items = e.items.mid(e.position, n);
        r.enumeration.endOfSequence = e.position + n >= e.items.size();
        if (!r.enumeration.endOfSequence)
            r.enumeration.context = id;
        QByteArray body = writeMessage(r, w);
        if (body.size() <= x->maxEnvelopeSize || n <= 1) {
            if (body.size() > x->maxEnvelopeSize) {
                replyFault(x, Fault::make(FaultKind::EncodingLimit,
                                          tr("One item is larger than MaxEnvelopeSize (%1 bytes).")
                                              .arg(x->maxEnvelopeSize),
                                          QStringLiteral("MaxEnvelopeSize")));
                return;
            }
            e.position += n;
            e.expires = QDeadlineTimer(m_options.enumerationExpiryMs);
            if (r.enumeration.endOfSequence)
                m_enumerations.remove(id);
            HttpResponse http;
            http.headers.emplaceBack("Content-Type", "application/soap+xml;charset=UTF-8");
            http.body = std::move(body);
            replyHttp(x, std::move(http));
            return;
        }
        n = qMax<qsizetype>(1, n / 2);
    }
}

void WsmanServer::doPull(const std::shared_ptr<Exchange> &x)
{
    expireEnumerations();
    const PullBody &p = x->message.pull;
    const auto it = m_enumerations.constFind(p.context);
    if (it == m_enumerations.cend() || it->user != x->user.name) {
        replyFault(x, Fault::make(FaultKind::InvalidEnumerationContext,
                                  tr("The enumeration context %1 is not valid: it is unknown, "
                                     "finished, released or expired.")
                                      .arg(p.context.left(64))));
        return;
    }
    replyBatch(x, p.context, p.maxElements > 0 ? p.maxElements : 1, true);
}

void WsmanServer::doRelease(const std::shared_ptr<Exchange> &x)
{
    expireEnumerations();
    const PullBody &p = x->message.pull;
    const auto it = m_enumerations.constFind(p.context);
    if (it == m_enumerations.cend() || it->user != x->user.name) {
        replyFault(x, Fault::make(FaultKind::InvalidEnumerationContext,
                                  tr("The enumeration context %1 is not valid: it is unknown, "
                                     "finished, released or expired.")
                                      .arg(p.context.left(64))));
        return;
    }
    m_enumerations.remove(p.context);
    Message r;
    r.operation = Operation::Release;
    reply(x, r);
}

void WsmanServer::doInvoke(const std::shared_ptr<Exchange> &x)
{
    const Message &m = x->message;
    Target t;
    const auto uriParts = ResourceUri::parse(m.header.resourceUri);
    const QStringList keys =
        uriParts ? m_types->schema(uriParts->className).keyNames : QStringList();
    if (auto f = resolveTarget(*m_registry, m.header, keys, false, t)) {
        replyFault(x, *f);
        return;
    }
    const auto spec = m_registry->methodSpec(t.className, m.invoke.method);
    if (!spec) {
        Fault f = Fault::make(FaultKind::ActionNotSupported, spec.error().message,
                              QStringLiteral("ActionMismatch"));
        replyFault(x, f);
        return;
    }
    cim::MethodCall call;
    call.target = t.path;
    call.method = spec->name;
    call.in = m.invoke.parameters;

    const qint64 timeoutMs =
        qBound(qint64(1), m.header.operationTimeoutMs.value_or(m_options.defaultOperationTimeoutMs),
               qint64(m_options.maxOperationTimeoutMs));
    auto timer = std::make_shared<QTimer>();
    timer->setSingleShot(true);
    QPointer<WsmanServer> self(this);
    const QString method = spec->name;
    connect(timer.get(), &QTimer::timeout, this, [self, x, timeoutMs] {
        if (self && !x->answered) {
            self->replyFault(
                x, Fault::make(FaultKind::TimedOut,
                               tr("The method did not finish within OperationTimeout (%1 ms).")
                                   .arg(timeoutMs)));
        }
    });
    timer->start(int(timeoutMs));
    // Providers finish their futures on the engine thread, which is this object's thread; a
    // synchronous continuation with a guard copes with a server (or provider) that has gone.
    // (Qt 6.4's then(context, ...) asserts when the context is gone before the promise ends.)
    m_registry->invokeMethod(call)
        .then(QtFuture::Launch::Sync,
              [self, x, timer, method](cim::MethodResult result) {
                  if (!self)
                      return;
                  timer->stop();
                  if (x->answered)
                      return;
                  Message r;
                  r.operation = Operation::Invoke;
                  r.header.resourceUri = x->message.header.resourceUri;
                  r.invoke.method = method;
                  r.invoke.returnValue = result.returnValue;
                  r.invoke.parameters = result.out;
                  r.invoke.message = result.message;
                  r.invoke.parameter = result.parameter;
                  self->reply(x, r);
              })
        .onCanceled([self, x, timer] {
            if (!self)
                return;
            timer->stop();
            if (!x->answered)
                self->replyFault(x, Fault::make(FaultKind::InternalError,
                                                tr("The method was abandoned by the engine.")));
        });
}

void WsmanServer::expireEnumerations()
{
    for (auto it = m_enumerations.begin(); it != m_enumerations.end();) {
        if (it->expires.hasExpired())
            it = m_enumerations.erase(it);
        else
            ++it;
    }
}

} // namespace rd::wsman
