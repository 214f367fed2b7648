#pragma once
// Owns the engine's storage pools and volumes: creates and deletes volume images, keeps them in
// its PoolStore, and hands out one shared FileVolume per volume so every writer is observed. It
// also notices when an image file was changed around the engine (written in the pool folder
// directly), while the engine runs and while it was down, and says so (imageChangedOutside).

#include "filevolume.h"
#include "storagepool.h"

#include "cim/result.h"

#include <QDateTime>
#include <QFileSystemWatcher>
#include <QHash>
#include <QList>
#include <QMutex>
#include <QObject>
#include <QString>
#include <QTimer>

#include <functional>
#include <memory>
#include <optional>

namespace rd::engine {

class PoolStore;
struct ImageStampRow;
struct VolumeRow;

struct VolumeInfo
{
    QString deviceId; // engine-chosen; also names the image file
    QString poolId;
    QString elementName; // the user's label, never a path
    quint64 size = 0;    // bytes, a multiple of BlockDevice::BlockSize
    QDateTime created;

    quint64 numberOfBlocks() const { return size / BlockDevice::BlockSize; }
    friend bool operator==(const VolumeInfo &, const VolumeInfo &) = default;
};

class PoolManager final : public QObject
{
    Q_OBJECT
public:
    // Longest ElementName accepted, in UTF-16 code units.
    static constexpr int MaxElementNameLength = 256;

    // Loads pools and volumes from the store (not owned; must outlive the manager) and makes
    // sure the default pool exists for defaultPoolDirectory (created when missing).
    static cim::Result<std::unique_ptr<PoolManager>>
    open(PoolStore *store, const QString &defaultPoolDirectory, QObject *parent = nullptr);
    ~PoolManager() override;
    Q_DISABLE_COPY_MOVE(PoolManager)

    QList<StoragePool> pools() const;
    std::optional<StoragePool> pool(const QString &poolId) const;
    QString defaultPoolId() const { return m_defaultPoolId; }
    // Adds the directory (created when missing) as a pool labelled name; the same directory
    // twice gives InvalidParameter.
    cim::Result<StoragePool> addPool(const QString &directory, const QString &name);

    QList<VolumeInfo> volumes() const;
    QList<VolumeInfo> volumesInPool(const QString &poolId) const;
    std::optional<VolumeInfo> volume(const QString &deviceId) const;
    // The image file of a volume (empty when there is no such volume), and the bytes the
    // filesystem has allocated for it (what a sparse volume really takes).
    QString imagePath(const QString &deviceId) const;
    cim::Result<quint64> allocatedBytes(const QString &deviceId) const;

    // A new sparse volume: size in bytes (> 0, rounded up to a multiple of 512, no more than the
    // pool's free space). elementName is stored as a label; empty or longer than
    // MaxElementNameLength gives InvalidParameter. Either the image and its catalog row both
    // exist afterwards, or neither does.
    cim::Result<VolumeInfo> createVolume(const QString &poolId, const QString &elementName,
                                         quint64 sizeBytes);
    // Deletes image and row; InUse (naming what uses it) when usedBy names a synchronization or
    // openedBy a client, InvalidParameter when there is no such volume.
    cim::Result<void> deleteVolume(const QString &deviceId);
    // InvalidParameter unless elementName can label a volume (not empty, not too long, text
    // every client can show).
    static cim::Result<void> checkElementName(const QString &elementName);
    // A new label, checked as createVolume checks it; the image is untouched.
    cim::Result<VolumeInfo> renameVolume(const QString &deviceId, const QString &elementName);
    // Grows the image to sizeBytes (rounded up to whole blocks); the new range reads as zeros.
    // NotSupported for a smaller size, InUse while a synchronization uses the volume (no pair
    // follows a change of size), InvalidParameter when the pool has no room for the growth.
    cim::Result<VolumeInfo> growVolume(const QString &deviceId, quint64 sizeBytes);

    // The volume's one shared device (opened on first use): every writer goes through it, so
    // observers registered by replication see every write. Thread-safe.
    cim::Result<std::shared_ptr<FileVolume>> device(const QString &deviceId);

    // What the block layer serves for a volume: the view replication put over its image (a
    // snapshot's point in time), else the image itself. Exports and readers use this; device()
    // is always the image, for the engine's own replication I/O.
    cim::Result<std::shared_ptr<BlockDevice>> blockDevice(const QString &deviceId);
    // Puts a view over a volume (null removes it); deleting the volume removes it too.
    void setOverlay(const QString &deviceId, std::shared_ptr<BlockDevice> view);

    // --- images changed outside the engine ------------------------------------------------------
    // Every image is compared with what the engine last left in it (FileVolume's stamp) this
    // often (default 1 s), and at once when a pool directory changes (a file replaced or renamed).
    void setImageCheckInterval(int ms);
    // One comparison of every image now; normally run by the timer.
    void checkImages();
    // How many comparisons have run (tests wait on it rather than on time).
    quint64 imageChecks() const { return m_imageChecks; }
    // Volumes whose image was found changed outside the engine, and not yet acknowledged: changes
    // made while the engine was down are here right after open(). Persisted until acknowledged,
    // so a crash in between cannot lose one.
    QStringList outsideChanges() const;
    // Replication has taken the change in (the volume's pairs left Synchronized).
    void acknowledgeOutsideChange(const QString &deviceId);

    // Set by replication: the synchronizations that use the volume, in words for a refusal
    // ("the mirror of A to B"); empty when none. A volume in use must not go away or change size.
    std::function<QString(const QString &deviceId)> usedBy;
    // Who else has the volume open (an NBD client writing a replica into it): said in the
    // refusal; empty when nobody. Also keeps the volume from being deleted.
    std::function<QString(const QString &deviceId)> openedBy;
    // The image copies under way into or out of the volume ("the import of disk.qcow2"), set by
    // the image transfers; empty when none. A volume being copied must not go away or change size.
    std::function<QString(const QString &deviceId)> copiedBy;

Q_SIGNALS:
    void poolsChanged();
    void volumesChanged();
    // The image of deviceId was changed outside the engine (engine thread; also listed by
    // outsideChanges() until acknowledged).
    void imageChangedOutside(const QString &deviceId);

private:
    PoolManager(PoolStore *store, QObject *parent);
    cim::Result<void> load(const QString &defaultPoolDirectory);
    // The volume's catalog row, to change and write back; Failed when the catalog has none.
    cim::Result<VolumeRow> storedRow(const QString &deviceId) const;
    // At open: images changed while no engine watched them.
    cim::Result<void> findChangesWhileDown();
    void watchPoolDirectory(const QString &directory);
    // The stamp row written (logged on failure, as a state the next check writes again).
    void storeStamp(const ImageStampRow &row);
    void persistOwnStamp(const QString &deviceId, const ImageStamp &stamp);

    PoolStore *m_store;
    QString m_defaultPoolId;
    QList<StoragePool> m_pools;
    QHash<QString, VolumeInfo> m_volumes;
    // Device IDs oldest first (the catalog's row order): listings stay stable even when two
    // volumes share a creation timestamp.
    QStringList m_volumeOrder;
    // Guards the members below: ThreadWeaver workers look up volumes and devices while the
    // engine thread creates and deletes them.
    mutable QMutex m_lock;
    QHash<QString, std::shared_ptr<FileVolume>> m_devices;
    QHash<QString, std::shared_ptr<BlockDevice>> m_overlays;
    // The stamp each image had when last persisted (an unopened device's baseline).
    QHash<QString, ImageStamp> m_knownStamps;

    // Engine thread only.
    QStringList m_outsideChanges;
    QTimer m_imageTimer;
    QFileSystemWatcher *m_poolWatcher = nullptr;
    quint64 m_imageChecks = 0;
};

} // namespace rd::engine
