#include "peervolumedevice.h"

#include <QCoreApplication>

namespace rd::engine {

namespace {

constexpr auto RetryInterval = std::chrono::seconds(2);

QString tr(const char *text)
{
    return QCoreApplication::translate("rd::engine::PeerVolumeDevice", text);
}

} // namespace

PeerVolumeDevice::PeerVolumeDevice(QUrl exportUrl, NbdBlockDevice::Options options, quint64 size)
    : m_url(std::move(exportUrl))
    , m_options(std::move(options))
    , m_size(size)
{}

PeerVolumeDevice::~PeerVolumeDevice() = default;

cim::Result<std::shared_ptr<NbdBlockDevice>> PeerVolumeDevice::connection()
{
    QMutexLocker l(&m_lock);
    if (m_connection && m_connection->isAlive())
        return m_connection;
    m_connection.reset();
    const auto now = std::chrono::steady_clock::now();
    if (!m_lastError.isEmpty() && now - m_lastFailure < RetryInterval)
        return cim::Error(cim::ReturnCode::Failed, m_lastError);
    auto made = NbdBlockDevice::connect(m_url, m_options);
    if (!made) {
        m_lastFailure = now;
        m_lastError = made.error().message;
        return made.error();
    }
    if (made.value()->size() < m_size) {
        m_lastFailure = now;
        m_lastError = tr("The peer's volume behind %1 has shrunk to %2 bytes (it had %3).")
                          .arg(m_url.toString())
                          .arg(made.value()->size())
                          .arg(m_size);
        return cim::Error(cim::ReturnCode::Failed, m_lastError);
    }
    m_lastError.clear();
    m_connection = made.value();
    return m_connection;
}

template<class T>
cim::Result<T> PeerVolumeDevice::call(const std::function<cim::Result<T>(NbdBlockDevice &)> &op)
{
    auto c = connection();
    if (!c)
        return c.error();
    cim::Result<T> r = op(*c.value());
    if (!r && !c.value()->isAlive()) {
        // The connection is gone (peer killed, link cut): the next call after the retry
        // interval connects again.
        QMutexLocker l(&m_lock);
        if (m_connection == c.value())
            m_connection.reset();
        m_lastFailure = std::chrono::steady_clock::now();
        m_lastError = r.error().message;
    }
    return r;
}

cim::Result<void> PeerVolumeDevice::connectNow()
{
    retryNow();
    auto c = connection();
    return c ? cim::Result<void>() : cim::Result<void>(c.error());
}

bool PeerVolumeDevice::isConnected() const
{
    QMutexLocker l(&m_lock);
    return m_connection && m_connection->isAlive();
}

void PeerVolumeDevice::retryNow()
{
    QMutexLocker l(&m_lock);
    m_lastError.clear();
}

void PeerVolumeDevice::disconnect()
{
    std::shared_ptr<NbdBlockDevice> gone;
    QMutexLocker l(&m_lock);
    gone = std::move(m_connection);
    l.unlock();
    // Destroyed outside the lock: a call still using it keeps it alive until it returns.
}

cim::Result<void> PeerVolumeDevice::read(quint64 offset, std::span<char> buffer)
{
    return call<void>([&](NbdBlockDevice &d) { return d.read(offset, buffer); });
}

cim::Result<void> PeerVolumeDevice::flush()
{
    return call<void>([](NbdBlockDevice &d) { return d.flush(); });
}

cim::Result<QList<Extent>> PeerVolumeDevice::allocatedExtents(quint64 offset, quint64 length)
{
    return call<QList<Extent>>(
        [&](NbdBlockDevice &d) { return d.allocatedExtents(offset, length); });
}

cim::Result<void> PeerVolumeDevice::writeRaw(quint64 offset, std::span<const char> data)
{
    return call<void>([&](NbdBlockDevice &d) { return d.writeUnobserved(offset, data); });
}

cim::Result<void> PeerVolumeDevice::discardRaw(quint64 offset, quint64 length)
{
    return call<void>([&](NbdBlockDevice &d) { return d.discardUnobserved(offset, length); });
}

} // namespace rd::engine
