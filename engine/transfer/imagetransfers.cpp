#include "imagetransfers.h"

#include "imagetransferjob.h"
#include "qemuimg.h"

#include "jobs/jobmanager.h"
#include "remote/nbdserver.h"
#include "requests/exportimagerequest.h"
#include "requests/imageformat.h"
#include "requests/importimagerequest.h"
#include "requests/parameterreader.h"
#include "storage/poolmanager.h"
#include "storage/storagepoolprovider.h"
#include "storage/storagevolumeprovider.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QLoggingCategory>
#include <QProcess>
#include <QPromise>
#include <QTimer>
#include <QUuid>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace rd::engine {

namespace {

Q_LOGGING_CATEGORY(lcTransfer, "rd.transfer", QtInfoMsg)

QString tr(const char *text)
{
    return QCoreApplication::translate("rd::engine::ImageTransfers", text);
}

const auto SourcePath = QStringLiteral("SourcePath");
const auto Format = QStringLiteral("Format");
const auto InPool = QStringLiteral("InPool");
const auto ElementName = QStringLiteral("ElementName");
const auto TheElement = QStringLiteral("TheElement");

// qemu-img info on a file that is still being written, or on a slow disk, has this long.
constexpr int InfoTimeoutMs = 60000;

QFuture<cim::MethodResult> refuse(const cim::Error &error)
{
    return QtFuture::makeReadyFuture(cim::MethodResult::failure(error));
}

cim::Error noQemuImg()
{
    return cim::Error(cim::ReturnCode::NotSupported,
                      tr("This system cannot convert images: qemu-img is not installed."));
}

// The volume's name from the file's: "disk.qcow2" gives "disk", or a fixed name when the file's
// cannot label a volume.
QString nameFromFile(const QString &path)
{
    QString name = QFileInfo(path).completeBaseName();
    if (name.isEmpty())
        name = QFileInfo(path).fileName();
    name.truncate(PoolManager::MaxElementNameLength);
    if (name.isEmpty() || !requests::checkName(name, ElementName) ||
        !PoolManager::checkElementName(name))
        return tr("Imported volume");
    return name;
}

// Moves from to to unless to exists: the refusal to overwrite holds even for a file made while
// the export ran.
cim::Result<void> renameNoReplace(const QString &from, const QString &to)
{
    const QByteArray f = QFile::encodeName(from);
    const QByteArray t = QFile::encodeName(to);
    if (::renameat2(AT_FDCWD, f.constData(), AT_FDCWD, t.constData(), RENAME_NOREPLACE) == 0)
        return {};
    int error = errno;
    if (error == EINVAL || error == ENOSYS) {
        // A filesystem without RENAME_NOREPLACE: a hard link fails as well when to exists.
        if (::link(f.constData(), t.constData()) == 0) {
            ::unlink(f.constData());
            return {};
        }
        error = errno;
    }
    if (error == EEXIST) {
        return cim::Error(cim::ReturnCode::Failed,
                          tr("%1 was created while the export ran; it was left as it is.")
                              .arg(QDir::toNativeSeparators(to)));
    }
    return cim::Error(cim::ReturnCode::Failed, tr("Cannot name the exported image %1: %2")
                                                   .arg(QDir::toNativeSeparators(to),
                                                        QString::fromLocal8Bit(strerror(error))));
}

QByteArray jobParameters(std::initializer_list<std::pair<const char *, QString>> values)
{
    QJsonObject o;
    for (const auto &[key, value] : values)
        o.insert(QLatin1String(key), value);
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QString jobParameter(const ConcreteJob *job, const char *key)
{
    return QJsonDocument::fromJson(job->record().parameters)
        .object()
        .value(QLatin1String(key))
        .toString();
}

} // namespace

struct ImageTransfers::ImportPlan
{
    QString source; // canonical
    QString poolId;
    QString elementName;
};

ImageTransfers::ImageTransfers(Parts parts, QObject *parent)
    : QObject(parent)
    , m_pools(parts.pools)
    , m_jobs(parts.jobs)
    , m_systemName(std::move(parts.systemName))
    , m_socketPath(std::move(parts.socketPath))
    , m_policy(std::move(parts.policy))
{
    // A copy under way when the engine stopped cannot go on (qemu-img went with it); what it
    // made is removed, and the job says so.
    m_jobs->setResumer(importKind(), [this](ConcreteJob *job) -> cim::Result<void> {
        const QString deviceId = jobParameter(job, "deviceId");
        if (!deviceId.isEmpty() && m_pools && m_pools->volume(deviceId)) {
            if (auto deleted = m_pools->deleteVolume(deviceId); !deleted)
                qCWarning(lcTransfer).noquote() << deleted.error().message;
        }
        return cim::Error(cim::ReturnCode::Failed,
                          tr("The engine stopped during the import; the partly written volume "
                             "was deleted."));
    });
    m_jobs->setResumer(exportKind(), [](ConcreteJob *job) -> cim::Result<void> {
        if (const QString partial = jobParameter(job, "partialPath"); !partial.isEmpty())
            QFile::remove(partial);
        return cim::Error(cim::ReturnCode::Failed,
                          tr("The engine stopped during the export; the partly written file "
                             "was deleted."));
    });
}

ImageTransfers::~ImageTransfers()
{
    m_running.clear();
}

QString ImageTransfers::exportUrl(const QString &deviceId) const
{
    return m_nbd ? m_nbd->localUrl(deviceId).toString(QUrl::FullyEncoded) : QString();
}

cim::Result<void> ImageTransfers::ensureServing()
{
    if (m_nbd && !m_nbd->localPath().isEmpty())
        return {};
    if (!m_pools)
        return cim::Error(cim::ReturnCode::Failed, tr("The engine is stopping."));
    m_nbd = std::make_unique<NbdServer>(m_pools.data());
    if (auto listening = m_nbd->listenLocal(m_socketPath); !listening) {
        m_nbd.reset();
        return listening.error();
    }
    return {};
}

QFuture<cim::MethodResult> ImageTransfers::importImage(const requests::ImportImageRequest &request)
{
    if (!m_pools || !m_jobs)
        return refuse(cim::Error(cim::ReturnCode::Failed, tr("The engine is stopping.")));
    // Every refusal comes before the volume is made: a refused import changes nothing.
    auto source = m_policy.readablePath(request.sourcePath, SourcePath);
    if (!source)
        return refuse(source.error());
    ImportPlan plan;
    plan.source = source.value();
    plan.poolId = m_pools->defaultPoolId();
    if (const auto &path = request.inPool) {
        const bool isPoolClass =
            path->className().compare(StoragePoolProvider::poolClass(), Qt::CaseInsensitive) == 0 ||
            path->className().compare(u"CIM_StoragePool", Qt::CaseInsensitive) == 0;
        plan.poolId = path->key(u"InstanceID").toString();
        if (!isPoolClass || !m_pools->pool(plan.poolId)) {
            return refuse(cim::Error(
                cim::ReturnCode::InvalidParameter,
                tr("InPool %1 is not a storage pool of this system.").arg(path->toString()),
                InPool));
        }
    }
    plan.elementName = request.elementName.value_or(nameFromFile(request.sourcePath));
    if (auto named = PoolManager::checkElementName(plan.elementName); !named)
        return refuse(cim::Error(named.error().code, named.error().message, ElementName));
    const QString program = qemuimg::program();
    if (program.isEmpty())
        return refuse(noQemuImg());

    // Format and size first; the volume is made to hold them.
    QStringList arguments{QStringLiteral("info"), QStringLiteral("--output=json")};
    if (request.format)
        arguments << QStringLiteral("-f") << *request.format;
    arguments << plan.source;
    auto promise = std::make_shared<QPromise<cim::MethodResult>>();
    promise->start();
    auto *info = new QProcess(this);
    QTimer::singleShot(InfoTimeoutMs, info, [info] { info->kill(); });
    const bool formatGiven = request.format.has_value();
    auto answer = [this, promise, info, plan, formatGiven](bool started) {
        info->deleteLater();
        cim::MethodResult result;
        const QByteArray errors = info->readAllStandardError();
        if (!started) {
            result = cim::MethodResult::failure(noQemuImg());
        } else if (info->exitStatus() != QProcess::NormalExit || info->exitCode() != 0) {
            // qemu-img's own words: "Image is not in qcow2 format", "Permission denied".
            const QString why = qemuimg::errorText(errors);
            result =
                cim::MethodResult::failure(quint32(cim::ReturnCode::InvalidParameter),
                                           tr("%1 cannot be read as an image: %2")
                                               .arg(QDir::toNativeSeparators(plan.source),
                                                    why.isEmpty() ? tr("qemu-img stopped.") : why),
                                           formatGiven ? Format : SourcePath);
        } else if (auto parsed = qemuimg::parseInfo(info->readAllStandardOutput()); !parsed) {
            result = cim::MethodResult::failure(parsed.error());
        } else {
            result = startImport(plan, parsed.value());
        }
        promise->addResult(result);
        promise->finish();
    };
    connect(info, &QProcess::finished, this, [answer] { answer(true); });
    connect(info, &QProcess::errorOccurred, this, [answer](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            answer(false);
    });
    info->start(program, arguments);
    return promise->future();
}

cim::MethodResult ImageTransfers::startImport(const ImportPlan &plan,
                                              const qemuimg::ImageInfo &info)
{
    if (!m_pools || !m_jobs)
        return cim::MethodResult::failure(quint32(cim::ReturnCode::Failed),
                                          tr("The engine is stopping."));
    if (!requests::isImageFormat(info.format)) {
        return cim::MethodResult::failure(quint32(cim::ReturnCode::NotSupported),
                                          tr("%1 is a %2 image; this system imports %3.")
                                              .arg(QDir::toNativeSeparators(plan.source),
                                                   info.format,
                                                   requests::imageFormats().join(u", ")),
                                          SourcePath);
    }
    // The data of a backing file, an external data file or a VMDK's extents is read too: each
    // must be a file the engine may read.
    if (!m_policy.allowsAnyPath()) {
        for (const QString &file : info.referencedFiles) {
            if (auto ok = m_policy.readablePath(file, SourcePath); !ok) {
                return cim::MethodResult::failure(
                    quint32(cim::ReturnCode::InvalidParameter),
                    tr("%1 reads data from %2, which this system may not read.")
                        .arg(QDir::toNativeSeparators(plan.source), file),
                    SourcePath);
            }
        }
    }
    if (info.virtualSize == 0) {
        return cim::MethodResult::failure(
            quint32(cim::ReturnCode::InvalidParameter),
            tr("%1 holds an image of no size.").arg(QDir::toNativeSeparators(plan.source)),
            SourcePath);
    }
    // The pool rounds the size up to whole blocks; the tail beyond the image reads as zeros.
    auto created = m_pools->createVolume(plan.poolId, plan.elementName, info.virtualSize);
    if (!created) {
        cim::Error e = created.error();
        if (e.parameter.isEmpty() && e.code == quint32(cim::ReturnCode::InvalidParameter))
            e.parameter = InPool;
        return cim::MethodResult::failure(e);
    }
    const QString deviceId = created->deviceId;
    auto undo = [pools = m_pools, deviceId] {
        if (!pools || !pools->volume(deviceId))
            return;
        if (auto deleted = pools->deleteVolume(deviceId); !deleted)
            qCWarning(lcTransfer).noquote() << deleted.error().message;
    };
    if (auto serving = ensureServing(); !serving) {
        undo();
        return cim::MethodResult::failure(serving.error());
    }
    ConcreteJob *job =
        m_jobs->createJob({importKind(), requests::ImportImageRequest::methodName(),
                           // What the file held, as qemu-img read it: the jobs dock shows it.
                           tr("Import of %1 (%2, %3)")
                               .arg(QFileInfo(plan.source).fileName(), info.format,
                                    QLocale().formattedDataSize(qint64(info.virtualSize))),
                           jobParameters({{"deviceId", deviceId}, {"source", plan.source}})});
    const cim::ObjectPath volume = StorageVolumeProvider::volumePath(m_systemName, deviceId);
    job->addAffectedElement(volume);
    // -n: the volume exists (and is all zeros, --target-is-zero), so holes are skipped, not
    // written; the URL is the volume's block device, so every written block is observed.
    run(
        job, {deviceId, tr("the import of %1").arg(QFileInfo(plan.source).fileName())},
        {QStringLiteral("convert"), QStringLiteral("-p"), QStringLiteral("-n"),
         QStringLiteral("--target-is-zero"), QStringLiteral("-f"), info.format,
         QStringLiteral("-O"), QStringLiteral("raw"), plan.source, exportUrl(deviceId)},
        [] { return cim::Result<void>(); }, std::move(undo));

    cim::MethodResult result;
    result.returnValue = quint32(cim::ReturnCode::JobStarted);
    result.out.set(QStringLiteral("Job"), cim::Value::reference(job->path()));
    result.out.set(TheElement, cim::Value::reference(volume));
    return result;
}

QFuture<cim::MethodResult> ImageTransfers::exportImage(const requests::ExportImageRequest &request)
{
    if (!m_pools || !m_jobs)
        return refuse(cim::Error(cim::ReturnCode::Failed, tr("The engine is stopping.")));
    const StorageVolumeProvider volumes(m_pools, m_systemName);
    const QString deviceId = volumes.deviceIdOf(request.theElement);
    const std::optional<VolumeInfo> volume =
        deviceId.isEmpty() ? std::nullopt : m_pools->volume(deviceId);
    if (!volume) {
        return refuse(cim::Error(
            cim::ReturnCode::InvalidParameter,
            tr("TheElement %1 is not a volume of this system.").arg(request.theElement.toString()),
            TheElement));
    }
    auto destination =
        m_policy.writablePath(request.destinationPath, QStringLiteral("DestinationPath"));
    if (!destination)
        return refuse(destination.error());
    if (qemuimg::program().isEmpty())
        return refuse(noQemuImg());
    if (auto serving = ensureServing(); !serving)
        return refuse(serving.error());

    // qemu-img writes a hidden file beside the destination, named into place at the end: a
    // failed or stopped export leaves no half image under the name asked for.
    const QFileInfo target(*destination);
    const QString partial =
        target.dir().filePath(u'.' + target.fileName() + u'.' +
                              QUuid::createUuid().toString(QUuid::Id128).left(12) + u".part");
    ConcreteJob *job = m_jobs->createJob(
        {exportKind(), requests::ExportImageRequest::methodName(),
         tr("Export of %1").arg(volume->elementName),
         jobParameters(
             {{"deviceId", deviceId}, {"destination", *destination}, {"partialPath", partial}})});
    job->addAffectedElement(StorageVolumeProvider::volumePath(m_systemName, deviceId));
    QStringList arguments{QStringLiteral("convert"), QStringLiteral("-p"), QStringLiteral("-f"),
                          QStringLiteral("raw"),     QStringLiteral("-O"), request.format};
    // A VHD's size is otherwise rounded to a disk geometry, and would not be the volume's.
    if (request.format == u"vpc")
        arguments << QStringLiteral("-o") << QStringLiteral("force_size=on");
    arguments << exportUrl(deviceId) << partial;
    run(
        job, {deviceId, tr("the export to %1").arg(QDir::toNativeSeparators(*destination))},
        arguments, [partial, final = *destination] { return renameNoReplace(partial, final); },
        [partial] { QFile::remove(partial); });

    cim::MethodResult result;
    result.returnValue = quint32(cim::ReturnCode::JobStarted);
    result.out.set(QStringLiteral("Job"), cim::Value::reference(job->path()));
    return QtFuture::makeReadyFuture(result);
}

QString ImageTransfers::copiesOf(const QString &deviceId) const
{
    QStringList copies;
    for (const Copy &c : m_copies) {
        if (c.deviceId == deviceId)
            copies.append(c.description);
    }
    return QLocale().createSeparatedList(copies);
}

void ImageTransfers::run(ConcreteJob *job, const Copy &copy, QStringList arguments,
                         std::function<cim::Result<void>()> finish, std::function<void()> undo)
{
    const QString id = job->instanceId();
    m_copies.insert(id, copy);
    // The volume is free again before the run cleans up after itself: an import's undo deletes it.
    finish = [this, id, finish = std::move(finish)] {
        m_copies.remove(id);
        return finish();
    };
    undo = [this, id, undo = std::move(undo)] {
        m_copies.remove(id);
        undo();
    };
    connect(job, &ConcreteJob::stateChanged, this, [this, id](ConcreteJob *changed) {
        if (!changed->isFinished())
            return;
        m_copies.remove(id);
        // Not inside the run's own calls: it goes once they have returned.
        QMetaObject::invokeMethod(
            this, [this, id] { m_running.erase(id); }, Qt::QueuedConnection);
    });
    auto transfer = std::make_unique<ImageTransferJob>(
        job, ImageTransferJob::Steps{std::move(arguments), std::move(finish), std::move(undo)});
    ImageTransferJob *started = transfer.get();
    m_running[id] = std::move(transfer);
    started->start();
}

} // namespace rd::engine
