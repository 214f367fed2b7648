#pragma once
// A BlockDevice whose blocks live in an NBD export (libnbd): the target a remote clone or mirror
// writes to. Thread-safe (libnbd serialises calls on a handle); every call blocks on the network,
// but never for ever: a peer that stops answering (a cut link, not only a dead process) fails the
// call once the deadline passes, and the connection is then dead (isAlive() false).

#include "storage/blockdevice.h"

#include <QFuture>
#include <QUrl>

#include <atomic>
#include <memory>

struct nbd_handle;

namespace rd::engine {

struct NbdClientOptions
{
    // nbds:// URLs: a directory with ca-cert.pem (the peer's certificate or its CA), and
    // optionally client-cert.pem / client-key.pem; empty = the system's trust store.
    QString tlsCertificates;
    // How long connecting (TCP, TLS, negotiation) may take, and how long calls may wait
    // without any of them completing before the connection is cut.
    int connectTimeoutMs = 15000;
    int ioTimeoutMs = 30000;
};

class NbdBlockDevice final : public BlockDevice
{
public:
    using Options = NbdClientOptions;

    // Connects and negotiates (TLS for nbds://, structured replies, base:allocation when
    // offered). Blocks: call it off any thread whose event loop might be serving the export.
    static cim::Result<std::shared_ptr<NbdBlockDevice>> connect(const QUrl &url,
                                                                const Options &options = {});
    // connect() on the global thread pool.
    static QFuture<cim::Result<std::shared_ptr<NbdBlockDevice>>>
    connectAsync(const QUrl &url, const Options &options = {});
    ~NbdBlockDevice() override;
    Q_DISABLE_COPY_MOVE(NbdBlockDevice)

    QUrl url() const { return m_url; }
    // False once the connection failed or was cut: every later call fails; connect again.
    bool isAlive() const;
    quint64 size() const override { return m_size; }
    cim::Result<void> read(quint64 offset, std::span<char> buffer) override;
    cim::Result<void> flush() override;
    cim::Result<QList<Extent>> allocatedExtents(quint64 offset, quint64 length) override;

protected:
    cim::Result<void> writeRaw(quint64 offset, std::span<const char> data) override;
    // Zeroes (NBD_CMD_WRITE_ZEROES, holes allowed): a trim would be only advisory.
    cim::Result<void> discardRaw(quint64 offset, quint64 length) override;

private:
    class Watchdog;
    // Counts a call in flight for the watchdog, for the scope of one libnbd call.
    class Busy;

    NbdBlockDevice(nbd_handle *handle, QUrl url);
    cim::Error lastError(const char *what) const;
    cim::Result<void> checkRange(quint64 offset, quint64 length) const;

    nbd_handle *m_handle;
    QUrl m_url;
    quint64 m_size = 0;
    bool m_canFlush = false;
    bool m_canZero = false;
    bool m_allocation = false;
    int m_fd = -1; // the connection's socket, cut by the watchdog
    int m_ioTimeoutMs = 0;
    std::atomic<int> m_inFlight = 0;
    std::atomic<qint64> m_lastProgress = 0; // ms since the epoch of the last completed call
    std::atomic<bool> m_timedOut = false;   // the watchdog cut the connection
};

} // namespace rd::engine
