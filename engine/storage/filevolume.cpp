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

// Images are the owner's alone (0600): they hold whole disks.
constexpr mode_t ImageMode = S_IRUSR | S_IWUSR;

} // namespace

// A change the engine makes to the image, from before it lands until its stamp is taken.
struct FileVolume::OwnWrite
{
    explicit OwnWrite(FileVolume *v)
        : volume(v)
    {
        volume->ownWriteBegins();
    }
    ~OwnWrite() { volume->ownWriteEnds(); }
    Q_DISABLE_COPY_MOVE(OwnWrite)
    FileVolume *volume;
};

FileVolume::FileVolume(int fd, QString path, quint64 size)
    : m_fd(fd)
    , m_path(std::move(path))
    , m_size(size)
    , m_stamp(ImageStamp::ofDescriptor(fd))
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
    // An image someone opened up to others goes back to the owner only (ctime changes, not the
    // data nor its stamp).
    if ((st.st_mode & 07777) != ImageMode)
        (void)::fchmod(fd, ImageMode);
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
    // Exactly 0600 whatever the umask (which can only narrow it).
    if (::fchmod(fd, ImageMode) != 0) {
        const int error = errno;
        ::close(fd);
        ::unlink(name.constData());
        return ioError(QT_TRANSLATE_NOOP("rd::engine", "Cannot create the volume image %1: %2."),
                       path, error);
    }
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
    const OwnWrite own(this);
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
    const OwnWrite own(this);
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
    const OwnWrite own(this);
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
    const OwnWrite own(this);
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

// --- changes made around the engine -------------------------------------------------------------
//
// A stamp cannot tell who changed a file, only that it changed since the engine's own last change.
// So every own change (write, discard, flush, grow, a copy_file_range into the image) runs inside
// an OwnWrite. Its begin and its end take m_stampLock (the bytes themselves land outside it, so
// writers still run in parallel):
//   begin — when no other own write is in flight, the image must still be as the last own write
//           left it (m_stamp); if fstat says otherwise, it was changed outside since, and that is
//           kept for the next check (without this, the fstat at this write's end would take the
//           outside change in as the engine's own). Then the in-flight count and the generation
//           go up, still under the lock, so no own write can land between that fstat and the
//           count: the comparison never sees an own write as foreign.
//   end   — fstat once the bytes have landed, stored as m_stamp; the generation goes up and the
//           count down. Of two writers finishing together, the later fstat is the one kept.
//
// The race with a check (stat of the path, compare with m_stamp) is handled by not deciding: a
// check that begins while an own write is in flight, or during which one began or ended (the
// generation moved), answers Busy and the next check decides. An own write whose bytes landed
// before the check's stat therefore either finished (its stamp is in m_stamp) or moved the
// generation, so the engine's own writes are never reported.
//
// What a stamp cannot see: a write from outside that lands while own writes are in flight without
// a pause (their fstat takes it in as the engine's), or one that keeps size and inode and falls
// within the same tick of the filesystem's timestamp clock as the engine's last write. Such a write
// is missed; one made at any other moment is found.

ImageStamp FileVolume::ownStamp() const
{
    QMutexLocker lock(&m_stampLock);
    return m_stamp;
}

void FileVolume::setKnownStamp(const ImageStamp &stamp)
{
    if (!stamp.valid)
        return;
    QMutexLocker lock(&m_stampLock);
    // Only before the engine changed the image through this device: after that, its own stamp
    // is newer than anything persisted.
    if (m_ownGeneration.load() == 0)
        m_stamp = stamp;
}

void FileVolume::ownWriteBegins()
{
    QMutexLocker lock(&m_stampLock);
    if (m_ownInFlight.load() == 0 && m_stamp.valid) {
        const ImageStamp now = ImageStamp::ofDescriptor(m_fd);
        if (now.valid && now != m_stamp && now != m_foreign)
            m_foreignPending = true;
    }
    m_ownInFlight.fetch_add(1);
    m_ownGeneration.fetch_add(1);
}

void FileVolume::ownWriteEnds()
{
    QMutexLocker lock(&m_stampLock);
    const ImageStamp now = ImageStamp::ofDescriptor(m_fd);
    if (now.valid)
        m_stamp = now;
    m_ownGeneration.fetch_add(1);
    m_ownInFlight.fetch_sub(1);
}

FileVolume::ImageCheck FileVolume::checkImage()
{
    {
        QMutexLocker lock(&m_stampLock);
        if (m_foreignPending) {
            // Found by an own write as it began: certain, whatever is in flight now.
            m_foreignPending = false;
            return ImageCheck::Changed;
        }
    }
    const quint64 generation = m_ownGeneration.load();
    if (m_ownInFlight.load() > 0)
        return ImageCheck::Busy;
    // The path, not the descriptor: a file replaced under the same name has another inode.
    const ImageStamp now = ImageStamp::ofPath(m_path);
    QMutexLocker lock(&m_stampLock);
    if (m_ownInFlight.load() > 0 || m_ownGeneration.load() != generation)
        return ImageCheck::Busy;
    if (!now.valid || now == m_stamp || now == m_foreign)
        return ImageCheck::Same;
    // Reported once: the file as it is now is what the engine knows from here on. m_stamp stays
    // the descriptor's view, which own writes keep up: for a file replaced under the same name
    // that is still the old inode (the engine writes it until the volume is opened again), and
    // m_foreign keeps the new file from being reported again until it changes once more.
    m_foreign = now;
    const ImageStamp mine = ImageStamp::ofDescriptor(m_fd);
    m_stamp = mine.valid ? mine : now;
    return ImageCheck::Changed;
}

} // namespace rd::engine
