#include "storagepool.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>

#include <cerrno>
#include <cstring>
#include <sys/statvfs.h>

namespace rd::engine {

StoragePool::StoragePool(QString id, QString name, QString directory)
    : m_id(std::move(id))
    , m_name(std::move(name))
    , m_directory(QDir::cleanPath(QDir(directory).absolutePath()))
{}

cim::Result<PoolSpace> StoragePool::space() const
{
    struct statvfs st
    {};
    if (::statvfs(QFile::encodeName(m_directory).constData(), &st) != 0) {
        const int error = errno;
        return cim::Error(cim::ReturnCode::Failed,
                          QCoreApplication::translate("rd::engine",
                                                      "Cannot read the capacity of the pool "
                                                      "directory %1: %2.")
                              .arg(QDir::toNativeSeparators(m_directory),
                                   QString::fromLocal8Bit(std::strerror(error))));
    }
    // f_bavail, not f_bfree: the engine runs unprivileged and cannot use the root reserve.
    return PoolSpace{quint64(st.f_blocks) * st.f_frsize, quint64(st.f_bavail) * st.f_frsize};
}

QString StoragePool::imagePath(const QString &deviceId) const
{
    return m_directory + QLatin1Char('/') + deviceId + QStringLiteral(".img");
}

} // namespace rd::engine
