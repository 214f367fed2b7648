#include "wsmantransport.h"

#include "selfsignedcertificate.h"
#include "wsmannames.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPromise>
#include <QSslConfiguration>

namespace rd::wsman {

namespace {

// Pulls per enumeration before giving up, so a server that never ends a sequence cannot keep
// the console busy forever.
constexpr int kMaxPulls = 100000;
// Time the network may add to the operation's own timeout before the request is abandoned.
constexpr int kTransferMarginMs = 30000;

template<class T>
std::shared_ptr<QPromise<T>> startedPromise()
{
    auto p = std::make_shared<QPromise<T>>();
    p->start();
    return p;
}

template<class T>
void fulfil(const std::shared_ptr<QPromise<T>> &promise, T value)
{
    promise->addResult(std::move(value));
    promise->finish();
}

} // namespace

WsmanTransport::WsmanTransport(const QUrl &endpoint, QObject *parent)
    : CimClient(parent)
    , m_endpoint(endpoint)
    , m_nameSpace(engine::ProviderRegistry::defaultNameSpace())
    , m_network(std::make_unique<QNetworkAccessManager>())
{
    // Redirects would send credentials to wherever the server points.
    m_network->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
}

WsmanTransport::~WsmanTransport() = default;

void WsmanTransport::setCredentials(const QString &user, const QString &password)
{
    m_user = user;
    m_password = password;
}

void WsmanTransport::setNameSpace(const QString &nameSpace)
{
    m_nameSpace = nameSpace;
}

QString WsmanTransport::peerFingerprint() const
{
    return m_peerCertificate.isNull() ? QString() : certificateFingerprint(m_peerCertificate);
}

QString WsmanTransport::displayName() const
{
    return m_endpoint.host() + u':' +
           QString::number(m_endpoint.port(m_endpoint.scheme() == u"https" ? 5986 : 5985));
}

Message WsmanTransport::request(Operation operation, const cim::ObjectPath &target) const
{
    Message m;
    m.operation = operation;
    m.header.to = m_endpoint.toString();
    m.header.messageId = newMessageId();
    m.header.maxEnvelopeSize = m_maxEnvelopeSize;
    m.header.operationTimeoutMs = m_operationTimeoutMs;
    m.header.locale = QStringLiteral("en-US");
    if (!target.isEmpty()) {
        cim::ObjectPath path = target;
        if (path.nameSpace().isEmpty())
            path.setNameSpace(m_nameSpace);
        m.header.setTarget(path, m_style);
    }
    return m;
}

cim::Error WsmanTransport::networkError(QNetworkReply *reply) const
{
    if (reply->error() == QNetworkReply::SslHandshakeFailedError &&
        !m_rejectedFingerprint.isEmpty()) {
        return cim::Error(cim::ReturnCode::Failed,
                          tr("The certificate of %1 is not trusted (SHA-256 fingerprint %2).")
                              .arg(displayName(), m_rejectedFingerprint));
    }
    if (reply->error() == QNetworkReply::OperationCanceledError ||
        reply->error() == QNetworkReply::TimeoutError) {
        return cim::Error(cim::ReturnCode::Timeout,
                          tr("%1 did not answer in time.").arg(displayName()));
    }
    return cim::Error(cim::ReturnCode::Failed,
                      tr("Cannot reach %1: %2").arg(displayName(), reply->errorString()));
}

void WsmanTransport::onSslErrors(QNetworkReply *reply, const QList<QSslError> &errors)
{
    const QSslCertificate certificate = reply->sslConfiguration().peerCertificate();
    m_peerCertificate = certificate;
    const QString fingerprint = certificateFingerprint(certificate);
    bool trusted = !certificate.isNull() && m_trusted.contains(fingerprint, Qt::CaseInsensitive);
    if (!trusted && !certificate.isNull() && m_check && m_check(certificate, fingerprint)) {
        m_trusted.append(fingerprint);
        trusted = true;
        Q_EMIT certificateTrusted(fingerprint);
    }
    if (trusted) {
        // Pinning this exact certificate stands in for the checks it fails (an unknown issuer,
        // a name it was not made for), as ssh's known hosts do.
        reply->ignoreSslErrors(errors);
        return;
    }
    m_rejectedFingerprint = fingerprint;
    Q_EMIT certificateRejected(fingerprint, certificate);
}

void WsmanTransport::send(const Message &message, Done done, bool authenticated)
{
    WriteOptions options;
    options.style = m_style;
    const QByteArray body = writeMessage(message, options);
    QNetworkRequest req(m_endpoint);
    req.setHeader(QNetworkRequest::ContentTypeHeader,
                  QByteArrayLiteral("application/soap+xml;charset=UTF-8"));
    req.setHeader(QNetworkRequest::UserAgentHeader,
                  QByteArrayLiteral("ReplicaDesk WS-Management client"));
    req.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    req.setTransferTimeout(m_operationTimeoutMs + kTransferMarginMs);
    if (!m_clientCertificate.isNull() && !m_clientKey.isNull()) {
        QSslConfiguration tls = req.sslConfiguration();
        tls.setLocalCertificate(m_clientCertificate);
        tls.setPrivateKey(m_clientKey);
        req.setSslConfiguration(tls);
    }
    if (authenticated && !m_user.isEmpty()) {
        req.setRawHeader("Authorization",
                         "Basic " +
                             QByteArray(m_user.toUtf8() + ':' + m_password.toUtf8()).toBase64());
    } else if (message.operation == Operation::Identify) {
        req.setRawHeader("WSMANIDENTIFY", "unauthenticated");
    }
    QNetworkReply *reply = m_network->post(req, body);
    connect(reply, &QNetworkReply::sslErrors, this,
            [this, reply](const QList<QSslError> &errors) { onSslErrors(reply, errors); });
    connect(reply, &QNetworkReply::encrypted, this,
            [this, reply] { m_peerCertificate = reply->sslConfiguration().peerCertificate(); });
    // A server (or something posing as one) sending more than any envelope may hold is cut off.
    const qint64 limit = m_maxEnvelopeSize + 64 * 1024;
    connect(reply, &QNetworkReply::downloadProgress, reply,
            [reply, limit](qint64 received, qint64) {
                if (received > limit)
                    reply->abort();
            });
    const QString messageId = message.header.messageId;
    connect(reply, &QNetworkReply::finished, this,
            [this, reply, done = std::move(done), messageId, limit] {
                reply->deleteLater();
                const int status =
                    reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
                const QByteArray data = reply->readAll();
                if (status == 401) {
                    done(cim::Error(
                        cim::ReturnCode::Failed,
                        tr("%1 did not accept the user name or password.").arg(displayName())));
                    return;
                }
                if (status == 0 || (reply->error() != QNetworkReply::NoError && data.isEmpty())) {
                    done(networkError(reply));
                    return;
                }
                const QByteArray type =
                    reply->header(QNetworkRequest::ContentTypeHeader).toByteArray().toLower();
                if (!type.contains("xml")) {
                    done(cim::Error(cim::ReturnCode::Failed,
                                    tr("%1 answered HTTP %2: %3")
                                        .arg(displayName())
                                        .arg(status)
                                        .arg(QString::fromUtf8(data.left(200)).trimmed())));
                    return;
                }
                ReadLimits limits;
                limits.maxBytes = limit;
                ReadResult read = readMessage(data, nullptr, limits);
                if (!read.ok()) {
                    done(cim::Error(cim::ReturnCode::Failed,
                                    tr("The answer from %1 cannot be read: %2")
                                        .arg(displayName(), read.fault->reason)));
                    return;
                }
                if (read.message.operation == Operation::Fault) {
                    done(read.message.fault.toError());
                    return;
                }
                if (!read.message.header.relatesTo.isEmpty() &&
                    read.message.header.relatesTo != messageId) {
                    done(cim::Error(cim::ReturnCode::Failed,
                                    tr("%1 answered another request.").arg(displayName())));
                    return;
                }
                if (status != 200) {
                    done(cim::Error(cim::ReturnCode::Failed,
                                    tr("%1 answered HTTP %2.").arg(displayName()).arg(status)));
                    return;
                }
                done(std::move(read.message));
            });
}

QFuture<cim::Result<IdentifyResult>> WsmanTransport::identify(bool authenticated)
{
    using R = cim::Result<IdentifyResult>;
    auto promise = startedPromise<R>();
    Message m;
    m.operation = Operation::Identify;
    send(
        m,
        [promise](cim::Result<Message> r) {
            if (!r) {
                fulfil(promise, R(r.error()));
                return;
            }
            if (r->operation != Operation::Identify) {
                fulfil(promise, R(cim::Error(cim::ReturnCode::Failed,
                                             tr("The answer is not an IdentifyResponse."))));
                return;
            }
            const IdentifyBody &b = r->identify;
            fulfil(promise,
                   R(IdentifyResult{b.protocolVersion, b.productVendor, b.productVersion}));
        },
        authenticated);
    return promise->future();
}

void WsmanTransport::enumerate(Message first,
                               std::function<void(cim::Result<QList<cim::Instance>>)> done)
{
    first.enumerate.optimize = true;
    first.enumerate.maxElements = m_maxElements;
    first.enumerate.mode = EnumerationMode::ObjectsAndReferences;
    const QString resourceUri = first.header.resourceUri;
    send(first, [this, resourceUri, done = std::move(done)](cim::Result<Message> r) {
        if (!r) {
            done(r.error());
            return;
        }
        auto items = std::make_shared<QList<cim::Instance>>();
        for (const EnumerationItem &item : std::as_const(r->enumeration.items)) {
            if (item.instance)
                items->append(*item.instance);
        }
        if (r->enumeration.endOfSequence || r->enumeration.context.isEmpty()) {
            done(*items);
            return;
        }
        pull(resourceUri, r->enumeration.context, items, done, 0);
    });
}

void WsmanTransport::pull(const QString &resourceUri, const QString &context,
                          std::shared_ptr<QList<cim::Instance>> items,
                          std::function<void(cim::Result<QList<cim::Instance>>)> done, int round)
{
    if (round >= kMaxPulls) {
        done(cim::Error(cim::ReturnCode::Failed,
                        tr("The enumeration from %1 does not end.").arg(displayName())));
        return;
    }
    Message m = request(Operation::Pull, {});
    m.header.resourceUri = resourceUri;
    m.pull.context = context;
    m.pull.maxElements = m_maxElements;
    send(m,
         [this, resourceUri, items, done = std::move(done), round](cim::Result<Message> r) mutable {
             if (!r) {
                 done(r.error());
                 return;
             }
             for (const EnumerationItem &item : std::as_const(r->enumeration.items)) {
                 if (item.instance)
                     items->append(*item.instance);
             }
             if (r->enumeration.endOfSequence || r->enumeration.context.isEmpty()) {
                 done(*items);
                 return;
             }
             pull(resourceUri, r->enumeration.context, items, std::move(done), round + 1);
         });
}

QFuture<cim::Result<QList<cim::Instance>>>
WsmanTransport::enumerateInstances(const QString &className)
{
    using R = cim::Result<QList<cim::Instance>>;
    auto promise = startedPromise<R>();
    enumerate(request(Operation::Enumerate, cim::ObjectPath(m_nameSpace, className)),
              [promise](R r) { fulfil(promise, std::move(r)); });
    return promise->future();
}

QFuture<cim::Result<cim::Instance>> WsmanTransport::getInstance(const cim::ObjectPath &path)
{
    using R = cim::Result<cim::Instance>;
    auto promise = startedPromise<R>();
    const QString nameSpace = path.nameSpace().isEmpty() ? m_nameSpace : path.nameSpace();
    send(request(Operation::Get, path), [promise, path, nameSpace](cim::Result<Message> r) {
        if (!r) {
            fulfil(promise, R(r.error()));
            return;
        }
        cim::Instance instance = r->instance;
        // A Get answer carries no path; it is the one asked for, under the class that answered.
        instance.setPath(cim::ObjectPath(nameSpace, instance.className(), path.keys()));
        fulfil(promise, R(instance));
    });
    return promise->future();
}

QFuture<cim::Result<QList<cim::Instance>>>
WsmanTransport::associators(const cim::ObjectPath &path, const engine::AssociationFilter &filter)
{
    using R = cim::Result<QList<cim::Instance>>;
    auto promise = startedPromise<R>();
    Message m = request(Operation::Enumerate, {});
    m.header.resourceUri = ResourceUri::make(m_style, m_nameSpace, QString());
    AssociationQuery q;
    q.kind = AssociationQuery::AssociatedInstances;
    q.object = path;
    if (q.object.nameSpace().isEmpty())
        q.object.setNameSpace(m_nameSpace);
    q.filter = filter;
    m.enumerate.association = q;
    enumerate(m, [promise](R r) { fulfil(promise, std::move(r)); });
    return promise->future();
}

QFuture<cim::Result<QList<cim::Instance>>>
WsmanTransport::references(const cim::ObjectPath &path, const engine::AssociationFilter &filter)
{
    using R = cim::Result<QList<cim::Instance>>;
    auto promise = startedPromise<R>();
    Message m = request(Operation::Enumerate, {});
    m.header.resourceUri = ResourceUri::make(m_style, m_nameSpace, QString());
    AssociationQuery q;
    q.kind = AssociationQuery::AssociationInstances;
    q.object = path;
    if (q.object.nameSpace().isEmpty())
        q.object.setNameSpace(m_nameSpace);
    q.filter.assocClass = filter.assocClass;
    q.filter.role = filter.role;
    m.enumerate.association = q;
    enumerate(m, [promise](R r) { fulfil(promise, std::move(r)); });
    return promise->future();
}

QFuture<cim::MethodResult> WsmanTransport::invokeMethod(const cim::MethodCall &call)
{
    auto promise = startedPromise<cim::MethodResult>();
    Message m = request(Operation::Invoke, call.target);
    m.invoke.method = call.method;
    for (const auto &[name, value] : call.in.items()) {
        // An untyped NULL is a parameter left out, as the local engine reads it.
        if (value.isTyped())
            m.invoke.parameters.set(name, value);
    }
    const QString method = call.method;
    send(m, [promise, method](cim::Result<Message> r) {
        if (!r) {
            fulfil(promise, cim::MethodResult::failure(r.error()));
            return;
        }
        cim::MethodResult result;
        result.returnValue = r->invoke.returnValue;
        result.out = r->invoke.parameters;
        result.message = r->invoke.message;
        result.parameter = r->invoke.parameter;
        if (result.returnValue != 0 && result.returnValue != quint32(cim::ReturnCode::JobStarted) &&
            result.message.isEmpty()) {
            // WinRM sends the code alone.
            result.message = tr("%1 returned %2.").arg(method).arg(result.returnValue);
        }
        fulfil(promise, result);
    });
    return promise->future();
}

QFuture<cim::Result<void>> WsmanTransport::modifyInstance(const cim::Instance &instance,
                                                          const QStringList &propertyList)
{
    using R = cim::Result<void>;
    auto promise = startedPromise<R>();
    Message m = request(Operation::Put, instance.path());
    m.instance = cim::Instance(instance.className());
    // Only what is to change travels; the server changes exactly what it receives.
    QList<std::pair<QString, cim::Value>> properties;
    for (const auto &[name, value] : instance.properties()) {
        if (propertyList.isEmpty() || propertyList.contains(name, Qt::CaseInsensitive))
            properties.append({name, value});
    }
    m.instance.setProperties(properties);
    send(m, [promise](cim::Result<Message> r) { fulfil(promise, r ? R() : R(r.error())); });
    return promise->future();
}

QFuture<cim::Result<void>> WsmanTransport::deleteInstance(const cim::ObjectPath &path)
{
    using R = cim::Result<void>;
    auto promise = startedPromise<R>();
    send(request(Operation::Delete, path),
         [promise](cim::Result<Message> r) { fulfil(promise, r ? R() : R(r.error())); });
    return promise->future();
}

} // namespace rd::wsman
