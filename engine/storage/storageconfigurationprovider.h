#pragma once
// Serves StorageConfigurationService: the methods the console uses to create or grow a volume in
// a pool (CreateOrModifyElementFromStoragePool) and to delete one (ReturnToStoragePool).

#include "provider/provider.h"

#include <QPointer>

namespace rd::requests {
struct CreateVolumeRequest;
}

namespace rd::engine {

class PoolManager;

class StorageConfigurationProvider final : public Provider
{
public:
    static QString serviceClass()
    {
        return QStringLiteral("MSISCSITARGET_StorageConfigurationService");
    }
    static cim::ObjectPath servicePath(const QString &systemName);

    StorageConfigurationProvider(PoolManager *pools, QString systemName);

    QList<ClassInfo> classes() const override;
    cim::Result<QList<cim::Instance>> enumerateInstances(const QString &className) override;
    QList<MethodSpec> methods(const QString &className) const override;
    QFuture<cim::MethodResult> invokeMethod(const cim::MethodCall &call) override;

private:
    cim::MethodResult createOrModifyElement(const cim::Parameters &in);
    cim::MethodResult modifyElement(const requests::CreateVolumeRequest &request);
    cim::MethodResult returnToStoragePool(const cim::Parameters &in);

    QPointer<PoolManager> m_pools;
    QString m_systemName;
};

} // namespace rd::engine
