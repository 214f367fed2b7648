#include "filevolume.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <limits>
#include <sys/stat.h>
#include <unistd.h>

namespace rd::engine {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("rd::engine", text);
}

QString systemError(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

cim::Error ioError(const char *what, const QString &path, int error)
{
    return cim::Error(cim::ReturnCode::Failed,
                      tr(what).arg(QDir::toNativeSeparators(path), systemError(error)));
}

} // namespace

FileVolume::FileVolume(int fd, QString path, quint64 size)
    : m_fd(fd)
    , m_path(std::move(path))
    , m_size(size)
{}

FileVolume::~FileVolume()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

cim::Result<std::unique_ptr<FileVolume>> FileVolume::open(const QString &path)
{
    const QByteArray name = QFile::encodeName(path);
    const int fd = ::open(name.constData(), O_RDWR | O_CLOEXEC);
    if (fd < 0)
        return ioError(QT_TRANSLATE_NOOP("rd::engine", "Cannot open the volume image %1: %2."),
                       path, errno);
    struct stat st
    {};
    if (::fstat(fd, &st) != 0) {
        const int error = errno;
        ::close(fd);
        return ioError(QT_TRANSLATE_NOOP("rd::engine", "Cannot read the size of %1: %2."), path,
                       error);
    }
    // Only regular files: a device node or directory would report a size that means nothing.
    if (!S_ISREG(st.st_mode) || quint64(st.st_size) % BlockSize != 0) {
        ::close(fd);
        return cim::Error(cim::ReturnCode::InvalidParameter,
                          tr("%1 is not a volume image (a regular file whose size is a multiple "
                             "of %2 bytes).")
                              .arg(QDir::toNativeSeparators(path))
                              .arg(BlockSize));
    }
    return std::unique_ptr<FileVolume>(new FileVolume(fd, path, quint64(st.st_size)));
}

cim::Result<std::unique_ptr<FileVolume>> FileVolume::create(const QString &path, quint64 size)
{
    if (size == 0 || size % BlockSize != 0 || size > quint64(std::numeric_limits<off_t>::max())) {
        return cim::Error(cim::ReturnCode::InvalidParameter,
                          tr("A volume size must be a positive multiple of %1 bytes; %2 is not.")
                              .arg(BlockSize)
                              .arg(size));
    }
    const QByteArray name = QFile::encodeName(path);
    // O_EXCL: never take over (or truncate) an image that already exists.
    const int fd = ::open(name.constData(), O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0)
        return ioError(QT_TRANSLATE_NOOP("rd::engine", "Cannot create the volume image %1: %2."),
                       path, errno);
    // ftruncate makes the whole image one hole: creation is instant and takes no space.
    int rc;
    do {
        rc = ::ftruncate(fd, off_t(size));
    } while (rc != 0 && errno == EINTR);
    if (rc != 0) {
        const int error = errno;
        ::close(fd);
        ::unlink(name.constData());
        return ioError(QT_TRANSLATE_NOOP("rd::engine", "Cannot size the volume image %1: %2."),
                       path, error);
    }
    return std::unique_ptr<FileVolume>(new FileVolume(fd, path, size));
}

cim::Result<quint64> FileVolume::allocatedBytes() const
{
    struct stat st
    {};
    if (::fstat(m_fd, &st) != 0)
        return ioError(QT_TRANSLATE_NOOP("rd::engine", "Cannot read the size of %1: %2."), m_path,
                       errno);
    // st_blocks counts 512-byte units whatever the filesystem's block size (POSIX).
    return quint64(st.st_blocks) * 512u;
}

cim::Result<void> FileVolume::grow(quint64 newSize)
{
    const quint64 now = m_size.load();
    if (newSize < now || newSize % BlockSize != 0 ||
        newSize > quint64(std::numeric_limits<off_t>::max())) {
        return cim::Error(cim::ReturnCode::InvalidParameter,
                          tr("A volume can only grow, in multiples of %1 bytes.").arg(BlockSize));
    }
    if (newSize == now)
        return {};
    int rc;
    do {
        rc = ::ftruncate(m_fd, off_t(newSize));
    } while (rc != 0 && errno == EINTR);
    if (rc != 0)
        return ioError(QT_TRANSLATE_NOOP("rd::engine", "Cannot size the volume image %1: %2."),
                       m_path, errno);
    m_size.store(newSize);
    return {};
}

cim::Result<void> FileVolume::checkRange(quint64 offset, quint64 length) const
{
    const quint64 size = m_size.load();
    if (offset > size || length > size - offset) {
        return cim::Error(cim::ReturnCode::InvalidParameter,
                          tr("The range of %1 bytes at offset %2 lies beyond the end of the "
                             "volume (%3 bytes).")
                              .arg(length)
                              .arg(offset)
                              .arg(size));
    }
    return {};
}

cim::Result<void> FileVolume::read(quint64 offset, std::span<char> buffer)
{
    if (auto ok = checkRange(offset, buffer.size()); !ok)
        return ok;
    size_t done = 0;
    while (done < buffer.size()) {
        const ssize_t n =
            ::pread(m_fd, buffer.data() + done, buffer.size() - done, off_t(offset + done));
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return ioError(QT_TRANSLATE_NOOP("rd::engine", "Cannot read from %1: %2."), m_path,
                           errno);
        if (n == 0) {
            // The image shrank under us (someone else truncated it): the tail reads as zeros,
            // as the block layer promises for anything not written.
            std::memset(buffer.data() + done, 0, buffer.size() - done);
            break;
        }
        done += size_t(n);
    }
    return {};
}

cim::Result<void> FileVolume::writeRaw(quint64 offset, std::span<const char> data)
{
    if (auto ok = checkRange(offset, data.size()); !ok)
        return ok;
    size_t done = 0;
    while (done < data.size()) {
        const ssize_t n =
            ::pwrite(m_fd, data.data() + done, data.size() - done, off_t(offset + done));
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return ioError(QT_TRANSLATE_NOOP("rd::engine", "Cannot write to %1: %2."), m_path,
                           errno);
        if (n == 0)
            return ioError(QT_TRANSLATE_NOOP("rd::engine", "Cannot write to %1: %2."), m_path,
                           ENOSPC);
        done += size_t(n);
    }
    return {};
}

cim::Result<void> FileVolume::flush()
{
    // fdatasync: the data and the size must be durable; timestamps need not be.
    int rc;
    do {
        rc = ::fdatasync(m_fd);
    } while (rc != 0 && errno == EINTR);
    if (rc != 0)
        return ioError(QT_TRANSLATE_NOOP("rd::engine", "Cannot flush %1: %2."), m_path, errno);
    return {};
}

cim::Result<QList<Extent>> FileVolume::allocatedExtents(quint64 offset, quint64 length)
{
    QList<Extent> result;
    const quint64 size = m_size.load();
    if (offset >= size || length == 0)
        return result;
    const quint64 end = offset + std::min(length, size - offset);
    quint64 pos = offset;
    while (pos < end) {
        const off_t data = ::lseek(m_fd, off_t(pos), SEEK_DATA);
        if (data < 0) {
            if (errno == ENXIO) // no data from pos to the end of the file
                break;
            if (errno == EINVAL || errno == EOPNOTSUPP) {
                // No SEEK_DATA here: call the rest allocated; copying zeros is only slower.
                result.append({pos, end - pos});
                break;
            }
            return ioError(QT_TRANSLATE_NOOP("rd::engine", "Cannot map the data of %1: %2."),
                           m_path, errno);
        }
        if (quint64(data) >= end)
            break;
        off_t hole = ::lseek(m_fd, data, SEEK_HOLE);
        if (hole < 0)
            hole = off_t(end); // a data region runs to the end of the file
        const quint64 stop = std::min(quint64(hole), end);
        if (!result.isEmpty() && result.last().offset + result.last().length == quint64(data))
            result.last().length += stop - quint64(data);
        else
            result.append({quint64(data), stop - quint64(data)});
        pos = stop;
    }
    return result;
}

cim::Result<void> FileVolume::discardRaw(quint64 offset, quint64 length)
{
    if (auto ok = checkRange(offset, length); !ok)
        return ok;
    if (length == 0)
        return {};
    if (::fallocate(m_fd, FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE, off_t(offset),
                    off_t(length)) == 0)
        return {};
    const int error = errno;
    if (error != EOPNOTSUPP && error != ENOSYS)
        return ioError(QT_TRANSLATE_NOOP("rd::engine", "Cannot discard blocks of %1: %2."), m_path,
                       error);
    // No hole punching on this filesystem: write zeros, so the range still reads as zeros.
    static constexpr size_t Chunk = 1 << 20;
    const QByteArray zeros(qsizetype(std::min<quint64>(Chunk, length)), '\0');
    for (quint64 done = 0; done < length;) {
        const size_t n = size_t(std::min<quint64>(quint64(zeros.size()), length - done));
        if (auto r = writeRaw(offset + done, std::span<const char>(zeros.constData(), n)); !r)
            return r;
        done += n;
    }
    return {};
}

} // namespace rd::engine
