#pragma once
// Serves the engine's volumes as StorageVolume instances (the seed system's
// MSISCSITARGET_StorageVolume shape: DeviceID, ElementName, BlockSize, NumberOfBlocks…).

#include "provider/provider.h"

#include <QPointer>

namespace rd::engine {

class PoolManager;
struct VolumeInfo;

class StorageVolumeProvider final : public Provider
{
public:
    static QString volumeClass() { return QStringLiteral("MSISCSITARGET_StorageVolume"); }
    // CIM_StorageExtent's keys: the volume by DeviceID within its hosting system.
    static cim::ObjectPath volumePath(const QString &systemName, const QString &deviceId);

    StorageVolumeProvider(PoolManager *pools, QString systemName);

    QList<ClassInfo> classes() const override;
    cim::Result<QList<cim::Instance>> enumerateInstances(const QString &className) override;
    cim::Result<cim::Instance> getInstance(const cim::ObjectPath &path) override;
    // Renames the volume when ElementName changes; the other properties are the system's and
    // must come back as they are (InvalidParameter naming the first that does not).
    cim::Result<void> modifyInstance(const cim::Instance &instance,
                                     const QStringList &propertyList) override;
    // Deleting a volume instance returns it to its pool, as ReturnToStoragePool does.
    cim::Result<void> deleteInstance(const cim::ObjectPath &path) override;

    // The DeviceID a path names when it is one of this system's volumes; empty otherwise.
    QString deviceIdOf(const cim::ObjectPath &path) const;

private:
    cim::Instance instanceFor(const VolumeInfo &volume) const;

    QPointer<PoolManager> m_pools;
    QString m_systemName;
};

} // namespace rd::engine
