#pragma once
// A peer's volume as a mirror's replica: a BlockDevice over the peer's NBD export that survives the
// peer going away. A failed call drops the connection and fails (the mirror turns Broken and marks
// the chunk dirty); a later call connects again, at most once per retry interval so a dead peer
// costs a write one quick failure, not one connect timeout each. retryNow() lifts the interval
// (an administrator's Resync should try at once).

#include "nbdblockdevice.h"

#include <QMutex>
#include <QUrl>

#include <chrono>
#include <functional>

namespace rd::engine {

class PeerVolumeDevice final : public BlockDevice
{
public:
    // size: the volume's, known from the peer before any connection (the device has a size
    // while disconnected).
    PeerVolumeDevice(QUrl exportUrl, NbdBlockDevice::Options options, quint64 size);
    ~PeerVolumeDevice() override;
    Q_DISABLE_COPY_MOVE(PeerVolumeDevice)

    QUrl url() const { return m_url; }
    // Connects now if not connected (blocks: call it off the engine thread).
    cim::Result<void> connectNow();
    bool isConnected() const;
    void retryNow();
    // Drops the connection (a clean disconnect): the next call connects again.
    void disconnect();

    quint64 size() const override { return m_size; }
    cim::Result<void> read(quint64 offset, std::span<char> buffer) override;
    cim::Result<void> flush() override;
    cim::Result<QList<Extent>> allocatedExtents(quint64 offset, quint64 length) override;

protected:
    cim::Result<void> writeRaw(quint64 offset, std::span<const char> data) override;
    cim::Result<void> discardRaw(quint64 offset, quint64 length) override;

private:
    template<class T>
    cim::Result<T> call(const std::function<cim::Result<T>(NbdBlockDevice &)> &op);
    cim::Result<std::shared_ptr<NbdBlockDevice>> connection();

    const QUrl m_url;
    const NbdBlockDevice::Options m_options;
    const quint64 m_size;
    mutable QMutex m_lock; // guards the members below; held while connecting
    std::shared_ptr<NbdBlockDevice> m_connection;
    std::chrono::steady_clock::time_point m_lastFailure{};
    QString m_lastError;
};

} // namespace rd::engine
