#pragma once
// Serves StorageConfigurationService: the methods the console uses to create or grow a volume in
// a pool (CreateOrModifyElementFromStoragePool) and to delete one (ReturnToStoragePool), and the
// jobs that bring a volume in from an image file or write one out (ImportImage, ExportImage).

#include "provider/provider.h"

#include <QPointer>

namespace rd::requests {
struct CreateVolumeRequest;
}

namespace rd::engine {

class ImageTransferService;
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

    // Serves ImportImage and ExportImage (not owned; outlives the provider). Unset, both are
    // NotSupported.
    void setImageTransfers(ImageTransferService *transfers) { m_transfers = transfers; }

private:
    cim::MethodResult createOrModifyElement(const cim::Parameters &in);
    cim::MethodResult modifyElement(const requests::CreateVolumeRequest &request);
    cim::MethodResult returnToStoragePool(const cim::Parameters &in);

    QFuture<cim::MethodResult> importImage(const cim::Parameters &in);
    QFuture<cim::MethodResult> exportImage(const cim::Parameters &in);

    QPointer<PoolManager> m_pools;
    ImageTransferService *m_transfers = nullptr;
    QString m_systemName;
};

} // namespace rd::engine
