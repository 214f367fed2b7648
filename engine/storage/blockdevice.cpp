#include "blockdevice.h"

namespace rd::engine {

cim::Result<void> BlockDevice::write(quint64 offset, std::span<const char> data)
{
    QReadLocker gate(&m_writeGate);
    QList<WriteObserver *> observers;
    {
        QMutexLocker lock(&m_observerLock);
        observers = m_observers;
    }
    for (WriteObserver *o : std::as_const(observers)) {
        if (auto r = o->beforeWrite(offset, data.size()); !r)
            return r;
    }
    if (auto r = writeRaw(offset, data); !r)
        return r;
    for (WriteObserver *o : std::as_const(observers))
        o->afterWrite(offset, data.size());
    return {};
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

} // namespace rd::engine
