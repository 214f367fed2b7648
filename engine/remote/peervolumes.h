#pragma once
// The peers' volumes this engine writes to as mirror replicas, kept in the catalog: for each, the
// name replication knows it by here (a DeviceID of this engine's making), the peer's own path for
// it, and how its NBD export is reached. Each has one PeerVolumeDevice, made on first use. Engine
// thread; the devices themselves are thread-safe.

#include "peervolumedevice.h"
#include "peervolumestore.h"

#include "cim/objectpath.h"
#include "cim/result.h"

#include <QHash>
#include <QList>

#include <memory>
#include <optional>

namespace rd::engine {

class PeerVolumes final
{
public:
    // store must outlive this object.
    explicit PeerVolumes(PeerVolumeStore *store);
    ~PeerVolumes();
    Q_DISABLE_COPY_MOVE(PeerVolumes)

    static bool isPeerDeviceId(const QString &deviceId);
    // For devices made from here on: how long connecting, and a call without an answer, may take.
    void setTimeout(int ms) { m_timeoutMs = ms; }

    cim::Result<void> load();
    // Records a peer's volume; its deviceId is made here and returned.
    cim::Result<PeerVolumeRecord> add(PeerVolumeRecord record);
    // Forgets it (the volume stays on the peer) and closes its connection.
    cim::Result<void> remove(const QString &deviceId);

    QList<PeerVolumeRecord> records() const { return m_records; }
    std::optional<PeerVolumeRecord> byId(const QString &deviceId) const;
    // The record whose peer path names the same volume (SystemName and DeviceID).
    std::optional<PeerVolumeRecord> byPath(const cim::ObjectPath &path) const;
    std::shared_ptr<PeerVolumeDevice> device(const QString &deviceId);

private:
    PeerVolumeStore *m_store;
    int m_timeoutMs = 30000;
    QList<PeerVolumeRecord> m_records;
    QHash<QString, std::shared_ptr<PeerVolumeDevice>> m_devices;
};

} // namespace rd::engine
