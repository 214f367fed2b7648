#include "blockdevice.h"

#include <algorithm>

namespace rd::engine {

template<class Change>
cim::Result<void> BlockDevice::observed(quint64 offset, quint64 length, Change change)
{
    QReadLocker gate(&m_writeGate);
    QList<WriteObserver *> observers;
    {
        QMutexLocker lock(&m_observerLock);
        observers = m_observers;
    }
    auto abort = [&](qsizetype passed) {
        for (qsizetype i = 0; i < passed; ++i)
            observers[i]->writeAborted(offset, length);
    };
    for (qsizetype i = 0; i < observers.size(); ++i) {
        if (auto r = observers[i]->beforeWrite(offset, length); !r) {
            abort(i);
            return r;
        }
    }
    if (auto r = change(); !r) {
        abort(observers.size());
        return r;
    }
    for (WriteObserver *o : std::as_const(observers))
        o->afterWrite(offset, length);
    return {};
}

cim::Result<void> BlockDevice::write(quint64 offset, std::span<const char> data)
{
    return observed(offset, data.size(), [&] { return writeRaw(offset, data); });
}

cim::Result<void> BlockDevice::discard(quint64 offset, quint64 length)
{
    return observed(offset, length, [&] { return discardRaw(offset, length); });
}

void BlockDevice::addObserver(WriteObserver *observer)
{
    QMutexLocker lock(&m_observerLock);
    if (!m_observers.contains(observer))
        m_observers.append(observer);
}

void BlockDevice::removeObserver(WriteObserver *observer)
{
    {
        QMutexLocker lock(&m_observerLock);
        m_observers.removeAll(observer);
    }
    QWriteLocker drain(&m_writeGate);
}

WriteHold::WriteHold(QList<BlockDevice *> devices)
    : m_devices(std::move(devices))
{
    m_devices.removeAll(nullptr);
    std::sort(m_devices.begin(), m_devices.end());
    m_devices.erase(std::unique(m_devices.begin(), m_devices.end()), m_devices.end());
    for (BlockDevice *d : std::as_const(m_devices))
        d->holdWrites();
}

void WriteHold::release()
{
    for (BlockDevice *d : std::as_const(m_devices))
        d->releaseWrites();
    m_devices.clear();
}

} // namespace rd::engine
