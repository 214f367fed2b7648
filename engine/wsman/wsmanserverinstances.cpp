// WsmanServer's instance operations (Get, Put, Delete) and extrinsic method calls (Invoke).
#include "wsmanserver_p.h"
#include "wsmanservertypes_p.h"

#include "wsmannames.h"

#include <QTimer>

namespace rd::wsman {

using namespace serverdetail;

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

} // namespace rd::wsman
