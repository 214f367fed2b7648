#pragma once
// A BlockDevice whose blocks live in an NBD export (libnbd): the target a remote clone writes to.
// Thread-safe (libnbd serialises calls on a handle); every call blocks on the network.

#include "storage/blockdevice.h"

#include <QFuture>
#include <QUrl>

#include <memory>

struct nbd_handle;

namespace rd::engine {

class NbdBlockDevice final : public BlockDevice
{
public:
    struct Options
    {
        // nbds:// URLs: a directory with ca-cert.pem (the peer's certificate or its CA), and
        // optionally client-cert.pem / client-key.pem; empty = the system's trust store.
        QString tlsCertificates;
    };

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
    quint64 size() const override { return m_size; }
    cim::Result<void> read(quint64 offset, std::span<char> buffer) override;
    cim::Result<void> flush() override;
    cim::Result<QList<Extent>> allocatedExtents(quint64 offset, quint64 length) override;

protected:
    cim::Result<void> writeRaw(quint64 offset, std::span<const char> data) override;
    // Zeroes (NBD_CMD_WRITE_ZEROES, holes allowed): a trim would be only advisory.
    cim::Result<void> discardRaw(quint64 offset, quint64 length) override;

private:
    NbdBlockDevice(nbd_handle *handle, QUrl url);
    cim::Error lastError(const char *what) const;
    cim::Result<void> checkRange(quint64 offset, quint64 length) const;

    nbd_handle *m_handle;
    QUrl m_url;
    quint64 m_size = 0;
    bool m_canFlush = false;
    bool m_canZero = false;
    bool m_allocation = false;
};

} // namespace rd::engine
