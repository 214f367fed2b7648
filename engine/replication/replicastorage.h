#pragma once
// What replication needs from the storage layer, as a narrow interface: resolve volume and pool
// paths, create and delete volumes, and reach a volume's BlockDevice (and image file descriptor).
// The engine implements it over PoolManager; tests may implement it over plain files.

#include "cim/objectpath.h"
#include "cim/result.h"
#include "storage/blockdevice.h"

#include <QString>

#include <memory>
#include <optional>

namespace rd::engine {

struct ReplicaVolume
{
    QString deviceId;
    QString elementName;
    QString poolId;
    quint64 size = 0; // bytes
    cim::ObjectPath path;
    // A peer's volume reached over the network (a remote mirror's replica): not a snapshot's
    // target, and writes made to it on the peer are not seen here.
    bool onPeer = false;
};

class ReplicaStorage
{
public:
    virtual ~ReplicaStorage() = default;

    // The volume a StorageVolume path (any class name or alias of it) names, or nullopt.
    virtual std::optional<ReplicaVolume> volume(const cim::ObjectPath &path) = 0;
    virtual std::optional<ReplicaVolume> volumeById(const QString &deviceId) = 0;
    // The pool id a StoragePool path names, or nullopt; and the default pool's id.
    virtual std::optional<QString> pool(const cim::ObjectPath &path) = 0;
    virtual QString defaultPool() = 0;
    // Whether a TargetSettingGoal path names an existing setting.
    virtual bool settingExists(const cim::ObjectPath &path) = 0;
    // A new, sparse (all holes) volume of at least size bytes; the engine picks its DeviceID.
    virtual cim::Result<ReplicaVolume> createVolume(const QString &poolId,
                                                    const QString &elementName, quint64 size) = 0;
    virtual cim::Result<void> deleteVolume(const QString &deviceId) = 0;
    // The volume's shared device (the one every writer goes through), or null.
    virtual std::shared_ptr<BlockDevice> device(const QString &deviceId) = 0;
    // The image file behind the volume, for copy_file_range; -1 when there is none.
    virtual int fileDescriptor(const QString &deviceId) = 0;
    // What the block layer should serve for the volume instead of its image (a snapshot's point
    // in time); null removes the view. Storage without views may ignore it.
    virtual void setServedView(const QString &deviceId, std::shared_ptr<BlockDevice> view)
    {
        Q_UNUSED(deviceId)
        Q_UNUSED(view)
    }
    // A copy to or from the volume is about to start on an administrator's request: a device
    // that gave up on its peer for a while should try again at once.
    virtual void retryNow(const QString &deviceId) { Q_UNUSED(deviceId) }
    // No pair uses the volume any more (its pair was detached or never made): storage that only
    // kept it for replication may let it go. The volume itself stays.
    virtual void released(const QString &deviceId) { Q_UNUSED(deviceId) }
};

} // namespace rd::engine
