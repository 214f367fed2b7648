#include "peerreplicastorage.h"

namespace rd::engine {

PeerReplicaStorage::PeerReplicaStorage(ReplicaStorage *local, PeerVolumes *peers)
    : m_local(local)
    , m_peers(peers)
{}

ReplicaVolume PeerReplicaStorage::toVolume(const PeerVolumeRecord &r)
{
    return ReplicaVolume{r.deviceId, r.elementName, QString(), r.size, r.path, true};
}

std::optional<ReplicaVolume> PeerReplicaStorage::volume(const cim::ObjectPath &path)
{
    // Peers first: a peer's path carries the peer's SystemName, which the local storage refuses
    // anyway, unless both systems share a name (two engines on one host).
    if (auto r = m_peers->byPath(path))
        return toVolume(*r);
    return m_local->volume(path);
}

std::optional<ReplicaVolume> PeerReplicaStorage::volumeById(const QString &deviceId)
{
    if (PeerVolumes::isPeerDeviceId(deviceId)) {
        if (auto r = m_peers->byId(deviceId))
            return toVolume(*r);
        return std::nullopt;
    }
    return m_local->volumeById(deviceId);
}

std::optional<QString> PeerReplicaStorage::pool(const cim::ObjectPath &path)
{
    return m_local->pool(path);
}

QString PeerReplicaStorage::defaultPool()
{
    return m_local->defaultPool();
}

bool PeerReplicaStorage::settingExists(const cim::ObjectPath &path)
{
    return m_local->settingExists(path);
}

cim::Result<ReplicaVolume>
PeerReplicaStorage::createVolume(const QString &poolId, const QString &elementName, quint64 size)
{
    return m_local->createVolume(poolId, elementName, size);
}

cim::Result<void> PeerReplicaStorage::deleteVolume(const QString &deviceId)
{
    if (PeerVolumes::isPeerDeviceId(deviceId))
        return m_peers->remove(deviceId);
    return m_local->deleteVolume(deviceId);
}

std::shared_ptr<BlockDevice> PeerReplicaStorage::device(const QString &deviceId)
{
    if (PeerVolumes::isPeerDeviceId(deviceId))
        return m_peers->device(deviceId);
    return m_local->device(deviceId);
}

int PeerReplicaStorage::fileDescriptor(const QString &deviceId)
{
    return PeerVolumes::isPeerDeviceId(deviceId) ? -1 : m_local->fileDescriptor(deviceId);
}

void PeerReplicaStorage::setServedView(const QString &deviceId, std::shared_ptr<BlockDevice> view)
{
    if (!PeerVolumes::isPeerDeviceId(deviceId))
        m_local->setServedView(deviceId, std::move(view));
}

void PeerReplicaStorage::retryNow(const QString &deviceId)
{
    if (!PeerVolumes::isPeerDeviceId(deviceId))
        return m_local->retryNow(deviceId);
    if (auto d = m_peers->device(deviceId))
        d->retryNow();
}

void PeerReplicaStorage::released(const QString &deviceId)
{
    if (!PeerVolumes::isPeerDeviceId(deviceId))
        return m_local->released(deviceId);
    if (auto r = m_peers->remove(deviceId); !r)
        qWarning("Cannot forget the peer's volume %s: %s", qPrintable(deviceId),
                 qPrintable(r.error().message));
}

} // namespace rd::engine
