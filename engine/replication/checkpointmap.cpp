#include "checkpointmap.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QtEndian>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace rd::engine {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("rd::engine::CheckpointMap", text);
}

constexpr char Magic[8] = {'R', 'D', 'C', 'L', 'O', 'N', 'E', '1'};
constexpr qsizetype HeaderSize = 32; // magic, chunkSize, chunkCount, sourceSize (big endian)

QString errnoText()
{
    return QString::fromLocal8Bit(std::strerror(errno));
}

QByteArray header(const CheckpointMap::Geometry &g)
{
    QByteArray h(HeaderSize, '\0');
    std::memcpy(h.data(), Magic, sizeof Magic);
    qToBigEndian<quint64>(g.chunkSize, h.data() + 8);
    qToBigEndian<quint64>(g.chunkCount, h.data() + 16);
    qToBigEndian<quint64>(g.sourceSize, h.data() + 24);
    return h;
}

bool writeAll(int fd, const char *data, qsizetype size, off_t offset)
{
    while (size > 0) {
        const ssize_t n = ::pwrite(fd, data, size_t(size), offset);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        data += n;
        size -= n;
        offset += n;
    }
    return true;
}

bool readAll(int fd, char *data, qsizetype size, off_t offset)
{
    while (size > 0) {
        const ssize_t n = ::pread(fd, data, size_t(size), offset);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        data += n;
        size -= n;
        offset += n;
    }
    return true;
}
} // namespace

CheckpointMap::~CheckpointMap()
{
    close();
}

void CheckpointMap::close()
{
    if (m_fd >= 0)
        ::close(m_fd);
    m_fd = -1;
}

cim::Result<void> CheckpointMap::create(const QString &path, const Geometry &geometry)
{
    close();
    const QByteArray native = QFile::encodeName(path);
    // Written under a temporary name and renamed, so a crash never leaves a torn map behind.
    const QByteArray temp = native + ".tmp";
    const int fd = ::open(temp.constData(), O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0) {
        return cim::Error(cim::ReturnCode::Failed,
                          tr("Cannot create the checkpoint %1: %2").arg(path, errnoText()));
    }
    const QByteArray h = header(geometry);
    const bool ok = writeAll(fd, h.constData(), h.size(), 0) &&
                    ::ftruncate(fd, off_t(HeaderSize + geometry.chunkCount)) == 0 &&
                    ::fdatasync(fd) == 0 && ::rename(temp.constData(), native.constData()) == 0;
    if (!ok) {
        const QString why = errnoText();
        ::close(fd);
        ::unlink(temp.constData());
        return cim::Error(cim::ReturnCode::Failed,
                          tr("Cannot write the checkpoint %1: %2").arg(path, why));
    }
    const QByteArray dir = QFile::encodeName(QFileInfo(path).absolutePath());
    if (const int dfd = ::open(dir.constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); dfd >= 0) {
        ::fsync(dfd);
        ::close(dfd);
    }
    QMutexLocker lock(&m_lock);
    m_fd = fd;
    m_path = path;
    m_geometry = geometry;
    return {};
}

cim::Result<void> CheckpointMap::open(const QString &path, const Geometry &geometry)
{
    close();
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDWR | O_CLOEXEC);
    if (fd < 0) {
        return cim::Error(cim::ReturnCode::Failed,
                          tr("the checkpoint %1 cannot be opened: %2").arg(path, errnoText()));
    }
    QByteArray h(HeaderSize, '\0');
    struct stat st;
    if (!readAll(fd, h.data(), HeaderSize, 0) || h != header(geometry) || ::fstat(fd, &st) != 0 ||
        quint64(st.st_size) != quint64(HeaderSize) + geometry.chunkCount) {
        ::close(fd);
        return cim::Error(cim::ReturnCode::Failed,
                          tr("the checkpoint %1 is damaged or belongs to another copy").arg(path));
    }
    QMutexLocker lock(&m_lock);
    m_fd = fd;
    m_path = path;
    m_geometry = geometry;
    return {};
}

std::vector<bool> CheckpointMap::marked() const
{
    QMutexLocker lock(&m_lock);
    std::vector<bool> result(m_geometry.chunkCount, false);
    if (m_fd < 0)
        return result;
    QByteArray bytes(qsizetype(m_geometry.chunkCount), '\0');
    if (!readAll(m_fd, bytes.data(), bytes.size(), HeaderSize))
        return result;
    for (quint64 i = 0; i < m_geometry.chunkCount; ++i)
        result[i] = bytes.at(qsizetype(i)) != 0;
    return result;
}

cim::Result<void> CheckpointMap::mark(const std::vector<quint64> &chunks)
{
    return set(chunks, 1);
}

cim::Result<void> CheckpointMap::unmark(const std::vector<quint64> &chunks)
{
    return set(chunks, 0);
}

cim::Result<void> CheckpointMap::set(std::vector<quint64> chunks, char value)
{
    QMutexLocker lock(&m_lock);
    if (m_fd < 0)
        return cim::Error(cim::ReturnCode::Failed, tr("The checkpoint is not open."));
    // One pwrite per run of neighbouring chunks: a new mirror marks every allocated chunk at once.
    std::sort(chunks.begin(), chunks.end());
    QByteArray run;
    for (size_t i = 0; i < chunks.size();) {
        size_t j = i + 1;
        while (j < chunks.size() && chunks[j] <= chunks[j - 1] + 1)
            ++j;
        const quint64 first = chunks[i];
        const quint64 last = chunks[j - 1];
        if (last >= m_geometry.chunkCount) {
            return cim::Error(cim::ReturnCode::Failed,
                              tr("Chunk %1 lies beyond the checkpoint %2.").arg(last).arg(m_path));
        }
        run.fill(value, qsizetype(last - first + 1));
        if (!writeAll(m_fd, run.constData(), run.size(), off_t(HeaderSize + first))) {
            return cim::Error(cim::ReturnCode::Failed,
                              tr("Cannot write the checkpoint %1: %2").arg(m_path, errnoText()));
        }
        i = j;
    }
    if (::fdatasync(m_fd) != 0) {
        return cim::Error(cim::ReturnCode::Failed,
                          tr("Cannot sync the checkpoint %1: %2").arg(m_path, errnoText()));
    }
    return {};
}

cim::Result<void> CheckpointMap::remove(const QString &path)
{
    if (::unlink(QFile::encodeName(path).constData()) != 0 && errno != ENOENT) {
        return cim::Error(cim::ReturnCode::Failed,
                          tr("Cannot remove the checkpoint %1: %2").arg(path, errnoText()));
    }
    return {};
}

} // namespace rd::engine
