#pragma once
// ReplicaStorage over this engine's pools plus the peers' volumes it mirrors to (PeerVolumes): a
// replication pair whose replica lives on a peer then runs through the same MirrorSession, dirty
// map and life cycle as a local one. Volumes are made here only in the local storage; peers'
// volumes are made on the peer (RemoteReplicas) and recorded in PeerVolumes.

#include "peervolumes.h"

#include "replication/replicastorage.h"

namespace rd::engine {

class PeerReplicaStorage final : public ReplicaStorage
{
public:
    // Both must outlive this object.
    PeerReplicaStorage(ReplicaStorage *local, PeerVolumes *peers);

    std::optional<ReplicaVolume> volume(const cim::ObjectPath &path) override;
    std::optional<ReplicaVolume> volumeById(const QString &deviceId) override;
    std::optional<QString> pool(const cim::ObjectPath &path) override;
    QString defaultPool() override;
    bool settingExists(const cim::ObjectPath &path) override;
    cim::Result<ReplicaVolume> createVolume(const QString &poolId, const QString &elementName,
                                            quint64 size) override;
    // A peer's volume is only forgotten here (it is the peer's to delete).
    cim::Result<void> deleteVolume(const QString &deviceId) override;
    std::shared_ptr<BlockDevice> device(const QString &deviceId) override;
    int fileDescriptor(const QString &deviceId) override;
    void setServedView(const QString &deviceId, std::shared_ptr<BlockDevice> view) override;
    void retryNow(const QString &deviceId) override;
    void released(const QString &deviceId) override;

private:
    static ReplicaVolume toVolume(const PeerVolumeRecord &r);

    ReplicaStorage *m_local;
    PeerVolumes *m_peers;
};

} // namespace rd::engine
