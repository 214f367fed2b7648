#pragma once
// CimClient for an engine in this process: each call is queued to the registry's thread and its
// answer comes back through a future, so the GUI thread never waits on the engine.

#include "cimclient.h"

#include <QPointer>

namespace rd::engine {

class LocalTransport final : public CimClient
{
    Q_OBJECT
public:
    explicit LocalTransport(ProviderRegistry *registry, QObject *parent = nullptr);

    QString displayName() const override;
    QString nameSpace() const override;
    bool isLocal() const override { return true; }

    QFuture<cim::Result<QList<cim::Instance>>>
    enumerateInstances(const QString &className) override;
    QFuture<cim::Result<cim::Instance>> getInstance(const cim::ObjectPath &path) override;
    QFuture<cim::Result<QList<cim::Instance>>>
    associators(const cim::ObjectPath &path, const AssociationFilter &filter) override;
    QFuture<cim::Result<QList<cim::Instance>>> references(const cim::ObjectPath &path,
                                                          const AssociationFilter &filter) override;
    QFuture<cim::MethodResult> invokeMethod(const cim::MethodCall &call) override;
    QFuture<cim::Result<void>> modifyInstance(const cim::Instance &instance,
                                              const QStringList &propertyList) override;
    QFuture<cim::Result<void>> deleteInstance(const cim::ObjectPath &path) override;

private:
    QPointer<ProviderRegistry> m_registry;
    QString m_nameSpace;
};

} // namespace rd::engine
