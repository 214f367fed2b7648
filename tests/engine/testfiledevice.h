#pragma once
// A BlockDevice over a plain sparse file for replication tests: pread/pwrite, SEEK_DATA/SEEK_HOLE,
// punch-hole discard, and the descriptor for copy_file_range.

#include "storage/blockdevice.h"

#include <QCryptographicHash>
#include <QFile>
#include <QRandomGenerator>
#include <QString>

#include <cerrno>
#include <fcntl.h>
#include <memory>
#include <unistd.h>

namespace rd::test {

class TestFileDevice final : public engine::BlockDevice
{
public:
    ~TestFileDevice() override
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }

    // A sparse file of this size (created or truncated).
    static std::shared_ptr<TestFileDevice> create(const QString &path, quint64 size)
    {
        const int fd = ::open(QFile::encodeName(path).constData(),
                              O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
        if (fd < 0 || ::ftruncate(fd, off_t(size)) != 0)
            return nullptr;
        auto d = std::shared_ptr<TestFileDevice>(new TestFileDevice);
        d->m_fd = fd;
        d->m_size = size;
        return d;
    }

    int fd() const { return m_fd; }
    quint64 size() const override { return m_size; }

    cim::Result<void> read(quint64 offset, std::span<char> buffer) override
    {
        size_t done = 0;
        while (done < buffer.size()) {
            const ssize_t n =
                ::pread(m_fd, buffer.data() + done, buffer.size() - done, off_t(offset + done));
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0)
                return cim::Error(cim::ReturnCode::Failed, QStringLiteral("read failed"));
            done += size_t(n);
        }
        return {};
    }
    cim::Result<void> flush() override
    {
        if (::fdatasync(m_fd) != 0)
            return cim::Error(cim::ReturnCode::Failed, QStringLiteral("flush failed"));
        return {};
    }
    cim::Result<QList<engine::Extent>> allocatedExtents(quint64 offset, quint64 length) override
    {
        QList<engine::Extent> result;
        const quint64 end = std::min(m_size, offset + length);
        off_t pos = off_t(offset);
        while (quint64(pos) < end) {
            const off_t data = ::lseek(m_fd, pos, SEEK_DATA);
            if (data < 0 || quint64(data) >= end)
                break;
            off_t hole = ::lseek(m_fd, data, SEEK_HOLE);
            if (hole < 0)
                hole = off_t(end);
            const quint64 stop = std::min<quint64>(quint64(hole), end);
            result.append({quint64(data), stop - quint64(data)});
            pos = off_t(stop);
        }
        return result;
    }
    cim::Result<void> discardRaw(quint64 offset, quint64 length) override
    {
        if (length && ::fallocate(m_fd, FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE, off_t(offset),
                                  off_t(length)) != 0)
            return cim::Error(cim::ReturnCode::Failed, QStringLiteral("discard failed"));
        return {};
    }

    // Checksum of the whole device as read through it.
    QByteArray sha256()
    {
        QCryptographicHash h(QCryptographicHash::Sha256);
        QByteArray buf(1 << 20, '\0');
        for (quint64 off = 0; off < m_size; off += quint64(buf.size())) {
            const qsizetype n = qsizetype(std::min<quint64>(quint64(buf.size()), m_size - off));
            if (!read(off, std::span<char>(buf.data(), size_t(n))))
                return {};
            h.addData(QByteArrayView(buf.constData(), n));
        }
        return h.result();
    }

    // Random bytes written (observed) at [offset, offset+length).
    bool fillRandom(quint64 offset, quint64 length, QRandomGenerator &rng)
    {
        QByteArray buf(qsizetype(length), '\0');
        rng.fillRange(reinterpret_cast<quint32 *>(buf.data()), buf.size() / 4);
        return write(offset, std::span<const char>(buf.constData(), size_t(buf.size()))).ok();
    }

protected:
    cim::Result<void> writeRaw(quint64 offset, std::span<const char> data) override
    {
        size_t done = 0;
        while (done < data.size()) {
            const ssize_t n =
                ::pwrite(m_fd, data.data() + done, data.size() - done, off_t(offset + done));
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0)
                return cim::Error(cim::ReturnCode::Failed, QStringLiteral("write failed"));
            done += size_t(n);
        }
        return {};
    }

private:
    TestFileDevice() = default;
    int m_fd = -1;
    quint64 m_size = 0;
};

} // namespace rd::test
