#include "poolreplicastorage.h"

#include "storage/poolmanager.h"
#include "storage/storagepoolprovider.h"
#include "storage/storagevolumeprovider.h"

namespace rd::engine {

using cim::Value;

PoolReplicaStorage::PoolReplicaStorage(PoolManager *pools, QString systemName)
    : m_pools(pools)
    , m_systemName(std::move(systemName))
{}

cim::ObjectPath PoolReplicaStorage::volumePath(const QString &deviceId) const
{
    // The same paths the storage providers serve, so a replica found here is the instance a
    // client enumerates.
    return StorageVolumeProvider::volumePath(m_systemName, deviceId);
}

cim::ObjectPath PoolReplicaStorage::poolPath(const QString &poolId)
{
    return StoragePoolProvider::poolPath(poolId);
}

std::optional<ReplicaVolume> PoolReplicaStorage::volume(const cim::ObjectPath &path)
{
    // Any name of the StorageVolume class, found by DeviceID: the other keys only say it is
    // this system's, which a path that reached this engine's registry is.
    if (path.className().compare(StorageVolumeProvider::volumeClass(), Qt::CaseInsensitive) != 0 &&
        path.className().compare(u"CIM_StorageVolume", Qt::CaseInsensitive) != 0)
        return std::nullopt;
    const Value id = path.key(u"DeviceID");
    if (!id.isTyped() || id.isNull() || id.type() != cim::CimType::String)
        return std::nullopt;
    const Value system = path.key(u"SystemName");
    if (system.isTyped() && !system.isNull() && system.toString() != m_systemName)
        return std::nullopt;
    return volumeById(id.toString());
}

std::optional<ReplicaVolume> PoolReplicaStorage::volumeById(const QString &deviceId)
{
    if (!m_pools)
        return std::nullopt;
    const std::optional<VolumeInfo> v = m_pools->volume(deviceId);
    if (!v)
        return std::nullopt;
    return ReplicaVolume{v->deviceId, v->elementName, v->poolId, v->size, volumePath(v->deviceId)};
}

std::optional<QString> PoolReplicaStorage::pool(const cim::ObjectPath &path)
{
    if (!m_pools ||
        (path.className().compare(StoragePoolProvider::poolClass(), Qt::CaseInsensitive) != 0 &&
         path.className().compare(u"CIM_StoragePool", Qt::CaseInsensitive) != 0))
        return std::nullopt;
    const QString id = path.key(u"InstanceID").toString();
    if (!m_pools->pool(id))
        return std::nullopt;
    return id;
}

QString PoolReplicaStorage::defaultPool()
{
    return m_pools ? m_pools->defaultPoolId() : QString();
}

bool PoolReplicaStorage::settingExists(const cim::ObjectPath &path)
{
    // The engine serves no StorageSetting yet, so no TargetSettingGoal can name one.
    Q_UNUSED(path)
    return false;
}

cim::Result<ReplicaVolume>
PoolReplicaStorage::createVolume(const QString &poolId, const QString &elementName, quint64 size)
{
    if (!m_pools)
        return cim::Error(cim::ReturnCode::Failed, QStringLiteral("no pool manager"));
    auto v = m_pools->createVolume(poolId, elementName, size);
    if (!v)
        return v.error();
    return ReplicaVolume{v->deviceId, v->elementName, v->poolId, v->size, volumePath(v->deviceId)};
}

cim::Result<void> PoolReplicaStorage::deleteVolume(const QString &deviceId)
{
    if (!m_pools)
        return cim::Error(cim::ReturnCode::Failed, QStringLiteral("no pool manager"));
    return m_pools->deleteVolume(deviceId);
}

std::shared_ptr<BlockDevice> PoolReplicaStorage::device(const QString &deviceId)
{
    if (!m_pools)
        return nullptr;
    auto d = m_pools->device(deviceId);
    return d ? std::shared_ptr<BlockDevice>(d.value()) : nullptr;
}

int PoolReplicaStorage::fileDescriptor(const QString &deviceId)
{
    if (!m_pools)
        return -1;
    auto d = m_pools->device(deviceId);
    return d ? d.value()->fd() : -1;
}

void PoolReplicaStorage::setServedView(const QString &deviceId, std::shared_ptr<BlockDevice> view)
{
    if (m_pools)
        m_pools->setOverlay(deviceId, std::move(view));
}

} // namespace rd::engine
