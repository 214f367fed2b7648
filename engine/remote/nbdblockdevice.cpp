#include "nbdblockdevice.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDeadlineTimer>
#include <QPromise>
#include <QThreadPool>

#include <libnbd.h>
#include <sys/socket.h>

#include <condition_variable>
#include <mutex>
#include <set>
#include <thread>

namespace rd::engine {

namespace {

// Below the server's 32 MiB payload limit (NbdServer::MaxPayload) and libnbd's own.
constexpr quint64 MaxRequest = 16ull << 20;
// WRITE_ZEROES carries no payload, but its length field is 32 bits.
constexpr quint64 MaxZero = 1ull << 30;

QString tr(const char *text)
{
    return QCoreApplication::translate("rd::engine::NbdBlockDevice", text);
}

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

} // namespace

// libnbd 1.14 has no timeouts on its synchronous calls: a peer whose link is cut leaves a call
// waiting for ever. The watchdog cuts such a connection's socket (shutdown, so the blocked call
// fails and the handle goes dead); one thread for all devices, running while any is open.
class NbdBlockDevice::Watchdog
{
public:
    static Watchdog &instance()
    {
        static Watchdog *w = new Watchdog; // never destroyed: devices may outlive statics
        return *w;
    }

    void add(NbdBlockDevice *d)
    {
        std::lock_guard l(m_lock);
        m_devices.insert(d);
        if (!m_thread.joinable()) {
            m_stop = std::make_shared<bool>(false);
            m_thread = std::thread([this, stop = m_stop] { run(stop); });
        }
    }

    void remove(NbdBlockDevice *d)
    {
        std::thread finished;
        {
            std::lock_guard l(m_lock);
            m_devices.erase(d);
            if (m_devices.empty() && m_thread.joinable()) {
                *m_stop = true;
                finished = std::move(m_thread);
            }
        }
        m_wake.notify_all();
        if (finished.joinable())
            finished.join();
    }

private:
    void run(const std::shared_ptr<bool> &stop)
    {
        std::unique_lock l(m_lock);
        while (!*stop) {
            m_wake.wait_for(l, std::chrono::milliseconds(250));
            const qint64 now = nowMs();
            for (NbdBlockDevice *d : m_devices) {
                if (d->m_ioTimeoutMs > 0 && d->m_inFlight.load() > 0 &&
                    now - d->m_lastProgress.load() > d->m_ioTimeoutMs && d->m_fd >= 0) {
                    d->m_timedOut = true;
                    ::shutdown(d->m_fd, SHUT_RDWR);
                }
            }
        }
    }

    std::mutex m_lock;
    std::condition_variable m_wake;
    std::set<NbdBlockDevice *> m_devices;
    std::thread m_thread;
    std::shared_ptr<bool> m_stop;
};

class NbdBlockDevice::Busy
{
public:
    explicit Busy(NbdBlockDevice *d)
        : m_d(d)
    {
        if (m_d->m_inFlight.fetch_add(1) == 0)
            m_d->m_lastProgress = nowMs();
    }
    ~Busy()
    {
        m_d->m_lastProgress = nowMs();
        m_d->m_inFlight.fetch_sub(1);
    }
    Q_DISABLE_COPY_MOVE(Busy)

private:
    NbdBlockDevice *m_d;
};

NbdBlockDevice::NbdBlockDevice(nbd_handle *handle, QUrl url)
    : m_handle(handle)
    , m_url(std::move(url))
{}

NbdBlockDevice::~NbdBlockDevice()
{
    Watchdog::instance().remove(this);
    // A clean NBD_CMD_DISC first, so the server flushes and closes without an error (a dead
    // connection refuses it at once).
    if (isAlive())
        nbd_shutdown(m_handle, 0);
    nbd_close(m_handle);
}

bool NbdBlockDevice::isAlive() const
{
    return nbd_aio_is_dead(m_handle) == 0 && nbd_aio_is_closed(m_handle) == 0;
}

cim::Result<std::shared_ptr<NbdBlockDevice>> NbdBlockDevice::connect(const QUrl &url,
                                                                     const Options &options)
{
    nbd_handle *h = nbd_create();
    if (!h)
        return cim::Error(
            cim::ReturnCode::Failed,
            tr("Cannot create an NBD client: %1").arg(QString::fromUtf8(nbd_get_error())));
    nbd_add_meta_context(h, LIBNBD_CONTEXT_BASE_ALLOCATION);
    if (!options.tlsCertificates.isEmpty() &&
        nbd_set_tls_certificates(h, options.tlsCertificates.toLocal8Bit().constData()) == -1) {
        const QString why = QString::fromUtf8(nbd_get_error());
        nbd_close(h);
        return cim::Error(cim::ReturnCode::Failed, why);
    }
    // Asynchronous connect driven here with a deadline: a peer that does not answer (a cut
    // link) must not hold the caller for the minutes TCP would wait.
    auto refused = [&](const QString &why) {
        nbd_close(h);
        return cim::Error(cim::ReturnCode::Failed,
                          tr("Cannot open the NBD export %1: %2").arg(url.toString(), why));
    };
    if (nbd_aio_connect_uri(h, url.toString().toUtf8().constData()) == -1)
        return refused(QString::fromUtf8(nbd_get_error()));
    const QDeadlineTimer deadline(options.connectTimeoutMs > 0 ? options.connectTimeoutMs
                                                               : QDeadlineTimer::Forever);
    while (nbd_aio_is_connecting(h) == 1) {
        if (deadline.hasExpired())
            return refused(tr("no answer within %1 s").arg(options.connectTimeoutMs / 1000.0));
        const qint64 left = deadline.remainingTime();
        if (nbd_poll(h, left < 0 ? 1000 : int(std::min<qint64>(left, 1000))) == -1)
            return refused(QString::fromUtf8(nbd_get_error()));
    }
    if (nbd_aio_is_ready(h) != 1) {
        const QString why = QString::fromUtf8(nbd_get_error());
        return refused(why.isEmpty() ? tr("the server closed the connection") : why);
    }
    std::shared_ptr<NbdBlockDevice> d(new NbdBlockDevice(h, url));
    d->m_fd = nbd_aio_get_fd(h);
    d->m_ioTimeoutMs = options.ioTimeoutMs;
    Watchdog::instance().add(d.get());
    const int64_t size = nbd_get_size(h);
    if (size < 0 || size % BlockSize != 0)
        return cim::Error(
            cim::ReturnCode::Failed,
            tr("The NBD export %1 has no usable size (%2 bytes).").arg(url.toString()).arg(size));
    d->m_size = quint64(size);
    d->m_canFlush = nbd_can_flush(h) == 1;
    d->m_canZero = nbd_can_zero(h) == 1;
    d->m_allocation = nbd_can_meta_context(h, LIBNBD_CONTEXT_BASE_ALLOCATION) == 1;
    if (nbd_is_read_only(h) == 1)
        return cim::Error(cim::ReturnCode::Failed,
                          tr("The NBD export %1 is read-only.").arg(url.toString()));
    return d;
}

QFuture<cim::Result<std::shared_ptr<NbdBlockDevice>>>
NbdBlockDevice::connectAsync(const QUrl &url, const Options &options)
{
    using R = cim::Result<std::shared_ptr<NbdBlockDevice>>;
    auto promise = std::make_shared<QPromise<R>>();
    promise->start();
    QFuture<R> future = promise->future();
    QThreadPool::globalInstance()->start([promise, url, options] {
        promise->addResult(connect(url, options));
        promise->finish();
    });
    return future;
}

cim::Error NbdBlockDevice::lastError(const char *what) const
{
    if (m_timedOut)
        return cim::Error(cim::ReturnCode::Failed,
                          tr("NBD %1 on %2 failed: no answer within %3 s; the connection was cut.")
                              .arg(QString::fromLatin1(what), m_url.toString())
                              .arg(m_ioTimeoutMs / 1000.0));
    return cim::Error(cim::ReturnCode::Failed, tr("NBD %1 on %2 failed: %3")
                                                   .arg(QString::fromLatin1(what), m_url.toString(),
                                                        QString::fromUtf8(nbd_get_error())));
}

cim::Result<void> NbdBlockDevice::checkRange(quint64 offset, quint64 length) const
{
    if (offset > m_size || length > m_size - offset)
        return cim::Error(cim::ReturnCode::InvalidParameter,
                          tr("The range of %1 bytes at offset %2 lies beyond the end of the NBD "
                             "export (%3 bytes).")
                              .arg(length)
                              .arg(offset)
                              .arg(m_size));
    return {};
}

cim::Result<void> NbdBlockDevice::read(quint64 offset, std::span<char> buffer)
{
    const Busy busy(this);
    if (auto r = checkRange(offset, buffer.size()); !r)
        return r;
    for (quint64 done = 0; done < buffer.size();) {
        const quint64 n = std::min<quint64>(buffer.size() - done, MaxRequest);
        if (nbd_pread(m_handle, buffer.data() + done, n, offset + done, 0) == -1)
            return lastError("read");
        done += n;
    }
    return {};
}

cim::Result<void> NbdBlockDevice::writeRaw(quint64 offset, std::span<const char> data)
{
    const Busy busy(this);
    if (auto r = checkRange(offset, data.size()); !r)
        return r;
    for (quint64 done = 0; done < data.size();) {
        const quint64 n = std::min<quint64>(data.size() - done, MaxRequest);
        if (nbd_pwrite(m_handle, data.data() + done, n, offset + done, 0) == -1)
            return lastError("write");
        done += n;
    }
    return {};
}

cim::Result<void> NbdBlockDevice::discardRaw(quint64 offset, quint64 length)
{
    const Busy busy(this);
    if (auto r = checkRange(offset, length); !r)
        return r;
    if (!m_canZero) {
        const QByteArray zeros(qsizetype(std::min(length, MaxRequest)), '\0');
        for (quint64 done = 0; done < length;) {
            const quint64 n = std::min<quint64>(length - done, quint64(zeros.size()));
            if (nbd_pwrite(m_handle, zeros.constData(), n, offset + done, 0) == -1)
                return lastError("write");
            done += n;
        }
        return {};
    }
    for (quint64 done = 0; done < length;) {
        const quint64 n = std::min(length - done, MaxZero);
        if (nbd_zero(m_handle, n, offset + done, 0) == -1)
            return lastError("zero");
        done += n;
    }
    return {};
}

cim::Result<void> NbdBlockDevice::flush()
{
    const Busy busy(this);
    if (m_canFlush && nbd_flush(m_handle, 0) == -1)
        return lastError("flush");
    return {};
}

cim::Result<QList<Extent>> NbdBlockDevice::allocatedExtents(quint64 offset, quint64 length)
{
    const Busy busy(this);
    if (auto r = checkRange(offset, length); !r)
        return r.error();
    QList<Extent> out;
    if (!m_allocation) {
        // Nothing known: all of it may hold data.
        if (length > 0)
            out.append({offset, length});
        return out;
    }
    struct Walk
    {
        quint64 at;
        QList<Extent> *out;
    } walk{offset, &out};
    const quint64 end = offset + length;
    while (walk.at < end) {
        const quint64 start = walk.at;
        nbd_extent_callback cb{
            [](void *user, const char *context, uint64_t, uint32_t *entries, size_t count, int *) {
                if (qstrcmp(context, LIBNBD_CONTEXT_BASE_ALLOCATION) != 0)
                    return 0;
                auto *w = static_cast<Walk *>(user);
                for (size_t i = 0; i + 1 < count; i += 2) {
                    const quint64 n = entries[i];
                    if (!(entries[i + 1] & LIBNBD_STATE_HOLE)) {
                        if (!w->out->isEmpty() &&
                            w->out->last().offset + w->out->last().length == w->at)
                            w->out->last().length += n;
                        else
                            w->out->append({w->at, n});
                    }
                    w->at += n;
                }
                return 0;
            },
            &walk, nullptr};
        const quint64 ask = std::min<quint64>(end - start, MaxZero);
        if (nbd_block_status(m_handle, ask, start, cb, 0) == -1)
            return lastError("block status");
        if (walk.at == start)
            return lastError("block status (no progress)");
    }
    // The server may describe beyond what was asked: clip to the range.
    while (!out.isEmpty() && out.last().offset >= end)
        out.removeLast();
    if (!out.isEmpty() && out.last().offset + out.last().length > end)
        out.last().length = end - out.last().offset;
    return out;
}

} // namespace rd::engine
