#include "transferpolicy.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

#include <sys/stat.h>

namespace rd::engine {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("rd::engine::TransferPolicy", text);
}

cim::Error invalid(const QString &message, const QString &parameter)
{
    return cim::Error(cim::ReturnCode::InvalidParameter, message, parameter);
}

} // namespace

TransferPolicy::TransferPolicy(std::optional<QStringList> directories)
{
    if (!directories)
        return;
    m_directories.emplace();
    for (const QString &dir : *directories) {
        // A directory that does not exist (yet) admits nothing rather than a prefix of itself.
        const QString canonical = QFileInfo(dir).canonicalFilePath();
        if (!canonical.isEmpty())
            m_directories->append(canonical.endsWith(u'/') ? canonical : canonical + u'/');
    }
}

cim::Result<void> TransferPolicy::checkEnabled() const
{
    if (m_directories && m_directories->isEmpty()) {
        return cim::Error(cim::ReturnCode::NotSupported,
                          tr("This system reads and writes image files in no directory; its "
                             "administrator names them with --transfer-dir."));
    }
    return {};
}

bool TransferPolicy::isAllowed(const QString &canonicalPath) const
{
    if (!m_directories)
        return true;
    for (const QString &dir : *m_directories) {
        if (canonicalPath.startsWith(dir))
            return true;
    }
    return false;
}

cim::Result<QString> TransferPolicy::readablePath(const QString &path,
                                                  const QString &parameter) const
{
    if (auto enabled = checkEnabled(); !enabled)
        return enabled.error();
    const QString canonical = QFileInfo(path).canonicalFilePath();
    struct stat st = {};
    if (canonical.isEmpty() || ::stat(QFile::encodeName(canonical).constData(), &st) != 0)
        return invalid(tr("%1: there is no file %2.").arg(parameter, path), parameter);
    // Outside first: a client must not learn what lies where it may not read.
    if (!isAllowed(canonical)) {
        return invalid(tr("%1: %2 is outside the directories this system reads images from.")
                           .arg(parameter, path),
                       parameter);
    }
    // A FIFO or a socket would leave qemu-img waiting for ever; a directory holds no image.
    if (!S_ISREG(st.st_mode) && !S_ISBLK(st.st_mode)) {
        return invalid(tr("%1: %2 is neither a file nor a block device.").arg(parameter, path),
                       parameter);
    }
    return canonical;
}

cim::Result<QString> TransferPolicy::writablePath(const QString &path,
                                                  const QString &parameter) const
{
    if (auto enabled = checkEnabled(); !enabled)
        return enabled.error();
    const QFileInfo info(path);
    const QString directory = QFileInfo(info.absolutePath()).canonicalFilePath();
    if (directory.isEmpty() || !QFileInfo(directory).isDir())
        return invalid(tr("%1: there is no directory %2.").arg(parameter, info.absolutePath()),
                       parameter);
    const QString target = QDir(directory).filePath(info.fileName());
    if (!isAllowed(target)) {
        return invalid(tr("%1: %2 is outside the directories this system writes images to.")
                           .arg(parameter, path),
                       parameter);
    }
    struct stat st = {};
    if (::lstat(QFile::encodeName(target).constData(), &st) == 0) {
        return invalid(
            tr("%1: %2 exists already; an export never overwrites a file.").arg(parameter, path),
            parameter);
    }
    return target;
}

} // namespace rd::engine
