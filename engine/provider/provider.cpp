#include "provider.h"

#include <QCoreApplication>
#include <QFuture>

namespace rd::engine {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("rd::engine::Provider", text);
}
} // namespace

cim::Result<cim::Instance> Provider::getInstance(const cim::ObjectPath &path)
{
    auto all = enumerateInstances(path.className());
    if (!all)
        return all.error();
    for (const cim::Instance &instance : all.value()) {
        if (instance.path() == path)
            return instance;
    }
    return cim::Error(cim::ReturnCode::InvalidParameter,
                      tr("No instance %1 exists.").arg(path.toString()));
}

QList<MethodSpec> Provider::methods(const QString &className) const
{
    Q_UNUSED(className)
    return {};
}

QFuture<cim::MethodResult> Provider::invokeMethod(const cim::MethodCall &call)
{
    return QtFuture::makeReadyFuture(cim::MethodResult::failure(
        quint32(cim::ReturnCode::NotSupported),
        tr("%1 is not supported by %2.").arg(call.method, call.target.className())));
}

cim::Result<void> Provider::modifyInstance(const cim::Instance &instance, const QStringList &)
{
    return cim::Error(cim::ReturnCode::NotSupported,
                      tr("Instances of %1 cannot be modified.").arg(instance.className()));
}

cim::Result<void> Provider::deleteInstance(const cim::ObjectPath &path)
{
    return cim::Error(cim::ReturnCode::NotSupported,
                      tr("Instances of %1 cannot be deleted.").arg(path.className()));
}

} // namespace rd::engine
