#include "volumeattachments.h"

#include <QAction>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMessageBox>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTimer>
#include <QWidget>

#include <unistd.h>

namespace rd::ui {

namespace {

QString tool(const char *name)
{
    return QStandardPaths::findExecutable(QString::fromLatin1(name));
}

// nbd-client can map an export to /dev/nbdN only as root and with the nbd module loaded.
bool blockDevicesPossible()
{
    return ::geteuid() == 0 && QFileInfo::exists(QStringLiteral("/sys/module/nbd")) &&
           !tool("nbd-client").isEmpty();
}

QString freeNbdDevice()
{
    for (int i = 0; i < 64; ++i) {
        const QString dev = QStringLiteral("/dev/nbd%1").arg(i);
        // A connected device has a pid; a free one has none.
        if (QFileInfo::exists(dev) &&
            !QFileInfo::exists(QStringLiteral("/sys/block/nbd%1/pid").arg(i)))
            return dev;
    }
    return {};
}

bool runQuietly(const QString &program, const QStringList &arguments, QString *error = nullptr)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(program, arguments);
    // Short commands (unmount, disconnect): they return at once or fail.
    const bool ok =
        p.waitForFinished(15000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
    if (!ok && error)
        *error = QString::fromLocal8Bit(p.readAll()).trimmed();
    return ok;
}

} // namespace

VolumeAttachments::VolumeAttachments(QWidget *window, std::function<QUrl()> localUrl)
    : QObject(window)
    , m_window(window)
    , m_localUrl(std::move(localUrl))
    , m_attach(new QAction(tr("&Attach on This Computer"), this))
    , m_detach(new QAction(tr("&Detach"), this))
{
    m_attach->setObjectName(QStringLiteral("attachVolumeAction"));
    m_attach->setToolTip(tr("Make the volume a disk file (or block device) on this computer"));
    m_detach->setObjectName(QStringLiteral("detachVolumeAction"));
    connect(m_attach, &QAction::triggered, this, &VolumeAttachments::attachSelected);
    connect(m_detach, &QAction::triggered, this, &VolumeAttachments::detachSelected);
    connect(this, &VolumeAttachments::failed, this, [this](const QString &text) {
        QMessageBox::warning(m_window, tr("Attach on This Computer"), text);
    });
    updateActions();
}

VolumeAttachments::~VolumeAttachments()
{
    const QList<Attachment> all = m_attached;
    for (const Attachment &a : all)
        detach(a.deviceId);
}

QString VolumeAttachments::missing()
{
    if (blockDevicesPossible())
        return {};
    if (tool("nbdfuse").isEmpty())
        return tr("nbdfuse is not installed (Debian package libnbd-bin), and block devices "
                  "need nbd-client, the nbd kernel module and root.");
    if (!QFileInfo::exists(QStringLiteral("/dev/fuse")))
        return tr("This computer has no /dev/fuse (the fuse kernel module is not loaded), and "
                  "block devices need nbd-client, the nbd kernel module and root.");
    if (tool("fusermount3").isEmpty())
        return tr("fusermount3 is not installed (Debian package fuse3): without it an attached "
                  "volume could not be detached.");
    return {};
}

void VolumeAttachments::setSelection(const QString &deviceId, const QString &name)
{
    m_selectedId = deviceId;
    m_selectedName = name;
    updateActions();
}

void VolumeAttachments::updateActions()
{
    const bool attached =
        std::any_of(m_attached.cbegin(), m_attached.cend(),
                    [this](const Attachment &a) { return a.deviceId == m_selectedId; });
    // Enabled even when this computer lacks something: the action then says what.
    m_attach->setEnabled(!m_selectedId.isEmpty() && !attached);
    m_detach->setEnabled(attached);
}

QUrl VolumeAttachments::exportUrl(const QString &deviceId) const
{
    QUrl url = m_localUrl ? m_localUrl() : QUrl();
    if (!url.isEmpty())
        url.setPath(u'/' + deviceId);
    return url;
}

void VolumeAttachments::attachSelected()
{
    attach(m_selectedId, m_selectedName);
}

void VolumeAttachments::detachSelected()
{
    detach(m_selectedId);
}

void VolumeAttachments::attach(const QString &deviceId, const QString &name)
{
    if (deviceId.isEmpty())
        return;
    if (exportUrl(deviceId).isEmpty())
        return Q_EMIT failed(tr("The engine does not serve its volumes on this computer."));
    if (const QString why = missing(); !why.isEmpty())
        return Q_EMIT failed(tr("%1 cannot be attached on this computer: %2").arg(name, why));
    if (blockDevicesPossible() && attachBlockDevice(deviceId, name))
        return;
    attachFile(deviceId, name);
}

bool VolumeAttachments::attachBlockDevice(const QString &deviceId, const QString &name)
{
    const QString device = freeNbdDevice();
    if (device.isEmpty())
        return false; // every /dev/nbdN is taken: a file still works
    const QUrl url = exportUrl(deviceId);
    const QString socket = url.query().section(u'=', 1);
    QString error;
    if (!runQuietly(tool("nbd-client"),
                    {QStringLiteral("-unix"), socket, QStringLiteral("-N"), deviceId, device},
                    &error))
        return false;
    m_attached.append({deviceId, name, device, true, {}, nullptr});
    updateActions();
    Q_EMIT attached(deviceId, device);
    return true;
}

void VolumeAttachments::attachFile(const QString &deviceId, const QString &name)
{
    // A directory per volume under this user's runtime directory, the file in it named after the
    // volume (in characters every file manager shows).
    QString label = name;
    label.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9._-]+")), QStringLiteral("_"));
    if (label.isEmpty() || label.startsWith(u'.'))
        label = QStringLiteral("volume");
    const QString mountPoint =
        QDir(QStandardPaths::writableLocation(QStandardPaths::RuntimeLocation))
            .filePath(QStringLiteral("replicadesk/attached/%1-%2").arg(label, deviceId.left(8)));
    if (!QDir().mkpath(mountPoint))
        return Q_EMIT failed(tr("Cannot make the folder %1.").arg(mountPoint));
    const QString file = mountPoint + QStringLiteral("/") + label + QStringLiteral(".raw");
    const QString pidFile = mountPoint + QStringLiteral(".pid");
    QFile::remove(pidFile);
    auto *fuse = new QProcess(this);
    fuse->setProcessChannelMode(QProcess::MergedChannels);
    m_attached.append({deviceId, name, file, false, mountPoint, fuse});
    updateActions();
    // Ready once nbdfuse writes its pid file; an early exit says why not.
    auto *ready = new QTimer(fuse);
    ready->setInterval(50);
    auto elapsed = std::make_shared<int>(0);
    connect(ready, &QTimer::timeout, fuse, [this, fuse, ready, elapsed, pidFile, deviceId, file] {
        if (QFile::exists(pidFile) && QFileInfo::exists(file)) {
            ready->stop();
            Q_EMIT attached(deviceId, file);
        } else if ((*elapsed += 50) > 30000) {
            ready->stop();
            fuse->kill();
        }
    });
    connect(fuse, &QProcess::finished, this, [this, fuse, deviceId, name, ready] {
        ready->stop();
        const bool wanted = fuse->property("detaching").toBool();
        const QString output = QString::fromLocal8Bit(fuse->readAll()).trimmed();
        m_attached.removeIf([fuse](const Attachment &a) { return a.fuse == fuse; });
        fuse->deleteLater();
        updateActions();
        if (wanted)
            Q_EMIT detached(deviceId);
        else
            Q_EMIT failed(tr("%1 is no longer attached: %2")
                              .arg(name, output.isEmpty() ? tr("nbdfuse ended.") : output));
    });
    fuse->start(tool("nbdfuse"),
                {QStringLiteral("-P"), pidFile, file, exportUrl(deviceId).toString()});
    ready->start();
}

bool VolumeAttachments::detach(const QString &deviceId)
{
    const auto at = std::find_if(m_attached.begin(), m_attached.end(),
                                 [&](const Attachment &a) { return a.deviceId == deviceId; });
    if (at == m_attached.end())
        return false;
    const Attachment a = *at;
    QString error;
    if (a.blockDevice) {
        if (!runQuietly(tool("nbd-client"), {QStringLiteral("-d"), a.path}, &error)) {
            Q_EMIT failed(tr("%1 could not be detached: %2").arg(a.name, error));
            return false;
        }
        m_attached.erase(at);
        updateActions();
        Q_EMIT detached(deviceId);
        return true;
    }
    a.fuse->setProperty("detaching", true);
    // Unmounting makes nbdfuse flush and exit; killing it would leave a dead mount behind.
    if (!runQuietly(tool("fusermount3"), {QStringLiteral("-u"), a.mountPoint}, &error)) {
        a.fuse->setProperty("detaching", false);
        Q_EMIT failed(
            tr("%1 could not be detached (is the file still open?): %2").arg(a.name, error));
        return false;
    }
    if (!a.fuse->waitForFinished(15000))
        a.fuse->kill();
    QDir().rmdir(a.mountPoint);
    QFile::remove(a.mountPoint + QStringLiteral(".pid"));
    return true;
}

} // namespace rd::ui
