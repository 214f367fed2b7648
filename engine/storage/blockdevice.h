#pragma once
// The engine's block layer: every read and write of a volume goes through a BlockDevice, so
// replication can intercept writes (copy-before-write for clones, mirroring, snapshots) and later
// work can export volumes. Implementations are thread-safe: ThreadWeaver workers share them.

#include "cim/result.h"

#include <QList>
#include <QMutex>
#include <QReadWriteLock>

#include <span>

namespace rd::engine {

struct Extent
{
    quint64 offset = 0;
    quint64 length = 0;
    friend bool operator==(const Extent &, const Extent &) = default;
};

// Sees writes to a device. beforeWrite runs before the bytes land, while the range still holds
// its old contents (a clone copies them out there); afterWrite runs once they have landed (a
// mirror forwards or marks them dirty). An error from beforeWrite fails the write unchanged.
class WriteObserver
{
public:
    virtual ~WriteObserver() = default;
    virtual cim::Result<void> beforeWrite(quint64 offset, quint64 length) = 0;
    virtual void afterWrite(quint64 offset, quint64 length)
    {
        Q_UNUSED(offset)
        Q_UNUSED(length)
    }
    // The write whose beforeWrite this observer passed does not land (a later observer or the
    // device refused it): an observer that took something in beforeWrite gives it back here.
    virtual void writeAborted(quint64 offset, quint64 length)
    {
        Q_UNUSED(offset)
        Q_UNUSED(length)
    }
};

class BlockDevice
{
public:
    static constexpr quint32 BlockSize = 512;

    virtual ~BlockDevice() = default;

    virtual quint64 size() const = 0; // bytes, a multiple of BlockSize

    // Reads exactly buffer.size() bytes; holes read as zeros.
    virtual cim::Result<void> read(quint64 offset, std::span<char> buffer) = 0;
    // The public write API: observers see the write, then the bytes land.
    cim::Result<void> write(quint64 offset, std::span<const char> data);
    virtual cim::Result<void> flush() = 0;
    // Ranges that hold data (everything else reads as zeros), clipped to [offset, offset+length).
    virtual cim::Result<QList<Extent>> allocatedExtents(quint64 offset, quint64 length) = 0;
    // Deallocates a range so it reads as zeros and takes no space (punch hole). Observers see it
    // as a write of zeros: a discard changes content just as a write does.
    cim::Result<void> discard(quint64 offset, quint64 length);

    void addObserver(WriteObserver *observer);
    // Returns only once no write that may still call the observer is in flight, so the observer
    // may be destroyed right after (a write copies the list before it calls observers).
    void removeObserver(WriteObserver *observer);
    // Lets the writes in flight land, then holds every new write until releaseWrites():
    // replication uses it to fix one point in time across several devices.
    void holdWrites() { m_writeGate.lockForWrite(); }
    void releaseWrites() { m_writeGate.unlock(); }

protected:
    // The write itself, without observers; writeUnobserved is for the engine's own replication
    // I/O to targets, which must not trigger observers of the target.
    virtual cim::Result<void> writeRaw(quint64 offset, std::span<const char> data) = 0;
    virtual cim::Result<void> discardRaw(quint64 offset, quint64 length) = 0;

public:
    cim::Result<void> writeUnobserved(quint64 offset, std::span<const char> data)
    {
        return writeRaw(offset, data);
    }
    cim::Result<void> discardUnobserved(quint64 offset, quint64 length)
    {
        return discardRaw(offset, length);
    }
    // The engine writes the device's image past this interface (copy_file_range on its
    // descriptor) only between these two calls, so a device that watches its image for changes
    // made outside the engine counts that write as the engine's own.
    virtual void beginDirectWrite() {}
    virtual void endDirectWrite() {}

private:
    template<class Change>
    cim::Result<void> observed(quint64 offset, quint64 length, Change change);

    QMutex m_observerLock;
    QList<WriteObserver *> m_observers;
    // Held for reading by every write(), for writing by removeObserver() to drain them.
    // Recursive: an observer may write to the same device from inside its callback.
    QReadWriteLock m_writeGate{QReadWriteLock::Recursive};
};

// Holds the writes of several devices for one instant across them (a consistent point in time,
// a list-wide fracture). Each device is held once, in address order, so two holders never wait
// on each other; the hold ends with release() or the object.
class WriteHold
{
public:
    explicit WriteHold(QList<BlockDevice *> devices);
    ~WriteHold() { release(); }
    Q_DISABLE_COPY_MOVE(WriteHold)

    void release();

private:
    QList<BlockDevice *> m_devices;
};

} // namespace rd::engine
