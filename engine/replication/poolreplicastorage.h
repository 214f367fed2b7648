#pragma once
// ReplicaStorage over the engine's PoolManager: StorageVolume paths by DeviceID, StoragePool paths
// by InstanceID, volumes created sparse in a pool, FileVolume descriptors for copy_file_range.

#include "replicastorage.h"

#include <QPointer>

namespace rd::engine {

class PoolManager;

class PoolReplicaStorage final : public ReplicaStorage
{
public:
    PoolReplicaStorage(PoolManager *pools, QString systemName);

    // The paths replication hands out for volumes it names (TargetElements, SyncedElement…).
    cim::ObjectPath volumePath(const QString &deviceId) const;
    static cim::ObjectPath poolPath(const QString &poolId);

    std::optional<ReplicaVolume> volume(const cim::ObjectPath &path) override;
    std::optional<ReplicaVolume> volumeById(const QString &deviceId) override;
    std::optional<QString> pool(const cim::ObjectPath &path) override;
    QString defaultPool() override;
    bool settingExists(const cim::ObjectPath &path) override;
    cim::Result<ReplicaVolume> createVolume(const QString &poolId, const QString &elementName,
                                            quint64 size) override;
    cim::Result<void> deleteVolume(const QString &deviceId) override;
    std::shared_ptr<BlockDevice> device(const QString &deviceId) override;
    int fileDescriptor(const QString &deviceId) override;
    void setServedView(const QString &deviceId, std::shared_ptr<BlockDevice> view) override;

private:
    QPointer<PoolManager> m_pools;
    QString m_systemName;
};

} // namespace rd::engine
