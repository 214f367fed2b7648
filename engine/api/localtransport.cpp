#include "localtransport.h"

#include <QCoreApplication>
#include <QPromise>

#include <memory>

namespace rd::engine {

namespace {

// Runs fn on context's thread and hands its value back through a future. When context is gone
// before fn runs, the promise is dropped, which cancels the future: the caller sees "no result"
// instead of waiting forever.
template<class T, class F>
QFuture<T> postTo(QObject *context, F fn)
{
    auto promise = std::make_shared<QPromise<T>>();
    QFuture<T> future = promise->future();
    promise->start();
    QMetaObject::invokeMethod(
        context,
        [promise, fn = std::move(fn)]() mutable {
            promise->addResult(fn());
            promise->finish();
        },
        Qt::QueuedConnection);
    return future;
}

template<class T>
QFuture<T> engineGone()
{
    return QtFuture::makeReadyFuture(
        T(cim::Error(cim::ReturnCode::Failed,
                     QCoreApplication::translate("rd::engine::LocalTransport",
                                                 "The embedded engine is not running."))));
}

} // namespace

LocalTransport::LocalTransport(ProviderRegistry *registry, QObject *parent)
    : CimClient(parent)
    , m_registry(registry)
    , m_nameSpace(registry->nameSpace())
{
    connect(registry, &ProviderRegistry::classChanged, this, &CimClient::classChanged);
}

QString LocalTransport::displayName() const
{
    return tr("This computer");
}

QString LocalTransport::nameSpace() const
{
    return m_nameSpace;
}

QFuture<cim::Result<QList<cim::Instance>>>
LocalTransport::enumerateInstances(const QString &className)
{
    using R = cim::Result<QList<cim::Instance>>;
    if (!m_registry)
        return engineGone<R>();
    return postTo<R>(m_registry,
                     [r = m_registry, className] { return r->enumerateInstances(className); });
}

QFuture<cim::Result<cim::Instance>> LocalTransport::getInstance(const cim::ObjectPath &path)
{
    using R = cim::Result<cim::Instance>;
    if (!m_registry)
        return engineGone<R>();
    return postTo<R>(m_registry, [r = m_registry, path] { return r->getInstance(path); });
}

QFuture<cim::Result<QList<cim::Instance>>>
LocalTransport::associators(const cim::ObjectPath &path, const AssociationFilter &filter)
{
    using R = cim::Result<QList<cim::Instance>>;
    if (!m_registry)
        return engineGone<R>();
    return postTo<R>(m_registry,
                     [r = m_registry, path, filter] { return r->associators(path, filter); });
}

QFuture<cim::Result<QList<cim::Instance>>>
LocalTransport::references(const cim::ObjectPath &path, const AssociationFilter &filter)
{
    using R = cim::Result<QList<cim::Instance>>;
    if (!m_registry)
        return engineGone<R>();
    return postTo<R>(m_registry,
                     [r = m_registry, path, filter] { return r->references(path, filter); });
}

QFuture<cim::MethodResult> LocalTransport::invokeMethod(const cim::MethodCall &call)
{
    if (!m_registry) {
        return QtFuture::makeReadyFuture(cim::MethodResult::failure(
            quint32(cim::ReturnCode::Failed), tr("The embedded engine is not running.")));
    }
    auto promise = std::make_shared<QPromise<cim::MethodResult>>();
    QFuture<cim::MethodResult> future = promise->future();
    promise->start();
    QMetaObject::invokeMethod(
        m_registry,
        [promise, r = m_registry, call] {
            // The provider may finish later (a synchronous-mode copy); forward whenever it does.
            r->invokeMethod(call).then(QtFuture::Launch::Sync, [promise](cim::MethodResult result) {
                promise->addResult(std::move(result));
                promise->finish();
            });
        },
        Qt::QueuedConnection);
    return future;
}

QFuture<cim::Result<void>> LocalTransport::modifyInstance(const cim::Instance &instance,
                                                          const QStringList &propertyList)
{
    using R = cim::Result<void>;
    if (!m_registry)
        return engineGone<R>();
    return postTo<R>(m_registry, [r = m_registry, instance, propertyList] {
        return r->modifyInstance(instance, propertyList);
    });
}

QFuture<cim::Result<void>> LocalTransport::deleteInstance(const cim::ObjectPath &path)
{
    using R = cim::Result<void>;
    if (!m_registry)
        return engineGone<R>();
    return postTo<R>(m_registry, [r = m_registry, path] { return r->deleteInstance(path); });
}

} // namespace rd::engine
