#include "pskfile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QStandardPaths>

namespace rd::ui {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("rd::ui::PskFile", text);
}
} // namespace

QByteArray generatePskKey()
{
    QByteArray key(32, '\0');
    QRandomGenerator::system()->generate(reinterpret_cast<quint32 *>(key.data()),
                                         reinterpret_cast<quint32 *>(key.data() + key.size()));
    return key;
}

QString defaultPskFilePath(const QString &identity)
{
    const QString base = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return QDir(base).filePath(QStringLiteral("psk/%1/keys.psk").arg(identity));
}

QString writePskFile(const QString &path, const QString &identity, const QByteArray &key)
{
    const QFileInfo info(path);
    if (!QDir().mkpath(info.absolutePath()))
        return tr("The folder %1 could not be created.")
            .arg(QDir::toNativeSeparators(info.absolutePath()));
    QFile file(path);
    // The key is never readable by others, not even for a moment: a new file is made with the
    // mode, an old one gets it before it is opened.
    const QFileDevice::Permissions ownerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
    if ((file.exists() && !file.setPermissions(ownerOnly)) ||
        !file.open(QIODevice::WriteOnly | QIODevice::Truncate, ownerOnly))
        return tr("%1 could not be written: %2")
            .arg(QDir::toNativeSeparators(path), file.errorString());
    const QByteArray line = identity.toUtf8() + ':' + key.toHex() + '\n';
    if (file.write(line) != line.size() || !file.flush())
        return tr("%1 could not be written: %2")
            .arg(QDir::toNativeSeparators(path), file.errorString());
    return {};
}

} // namespace rd::ui
