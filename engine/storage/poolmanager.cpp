#include "poolmanager.h"

#include "poolstore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QUuid>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <limits>
#include <sys/stat.h>
#include <time.h>

namespace rd::engine {

namespace {

// Characters XML 1.0 cannot carry (so neither CIM-XML nor WS-Man could return the name) and
// unpaired surrogates: such a label could be stored but never shown again.
// Sizes in refusals are for people: binary units, as the console enters them.
QString sizeText(quint64 bytes)
{
    return QLocale().formattedDataSize(qint64(bytes), 1, QLocale::DataSizeIecFormat);
}

bool isPrintableLabel(const QString &name)
{
    for (qsizetype i = 0; i < name.size(); ++i) {
        const QChar c = name.at(i);
        if (c.unicode() < 0x20 && c != u'\t' && c != u'\n' && c != u'\r')
            return false;
        if (c.unicode() == 0xFFFE || c.unicode() == 0xFFFF)
            return false;
        if (c.isHighSurrogate()) {
            if (i + 1 >= name.size() || !name.at(i + 1).isLowSurrogate())
                return false;
            ++i;
        } else if (c.isLowSurrogate()) {
            return false;
        }
    }
    return true;
}

QString canonicalDirectory(const QString &directory)
{
    const QFileInfo info(directory);
    const QString canonical = info.canonicalFilePath();
    return canonical.isEmpty() ? QDir::cleanPath(info.absoluteFilePath()) : canonical;
}

constexpr auto DeletingSuffix = ".deleting";

// The clock file times are taken from, in nanoseconds since the epoch.
qint64 wallClockNs()
{
    timespec ts{};
    ::clock_gettime(CLOCK_REALTIME, &ts);
    return qint64(ts.tv_sec) * 1000000000 + qint64(ts.tv_nsec);
}

constexpr int DefaultImageCheckMs = 1000;
// After a crash the engine's own last writes may be newer than the stamps it persisted (at most
// one check interval older than the crash). A later modification time than the last sign of life
// plus this margin cannot be the engine's: the margin allows for a check delayed by a busy engine
// thread.
constexpr qint64 CrashMarginNs = 10'000'000'000;

} // namespace

PoolManager::PoolManager(PoolStore *store, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_poolWatcher(new QFileSystemWatcher(this))
{
    m_imageTimer.setInterval(DefaultImageCheckMs);
    connect(&m_imageTimer, &QTimer::timeout, this, &PoolManager::checkImages);
    // A file renamed over an image, or removed, shows here at once; a write in place only shows
    // to the timer (watching every image for writes would wake the engine for each of its own).
    connect(m_poolWatcher, &QFileSystemWatcher::directoryChanged, this,
            [this] { QTimer::singleShot(0, this, &PoolManager::checkImages); });
}

// A clean stop: every stamp as the engine leaves the image, then the mark that they are exact.
PoolManager::~PoolManager()
{
    m_imageTimer.stop();
    QHash<QString, std::shared_ptr<FileVolume>> devices;
    {
        QMutexLocker lock(&m_lock);
        devices = m_devices;
    }
    for (auto it = devices.constBegin(); it != devices.constEnd(); ++it) {
        // A change from outside not yet seen is looked for first, so it is not persisted as the
        // engine's own.
        if ((*it)->checkImage() == FileVolume::ImageCheck::Changed &&
            !m_outsideChanges.contains(it.key())) {
            storeStamp({it.key(), (*it)->ownStamp(), true});
            continue;
        }
        persistOwnStamp(it.key(), (*it)->ownStamp());
    }
    if (auto r = m_store->setImageWatchState(wallClockNs(), true); !r)
        qWarning("Cannot record the image stamps: %s", qPrintable(r.error().message));
}

cim::Result<std::unique_ptr<PoolManager>>
PoolManager::open(PoolStore *store, const QString &defaultPoolDirectory, QObject *parent)
{
    std::unique_ptr<PoolManager> manager(new PoolManager(store, parent));
    if (auto r = manager->load(defaultPoolDirectory); !r)
        return r.error();
    return manager;
}

cim::Result<void> PoolManager::load(const QString &defaultPoolDirectory)
{
    if (!QDir().mkpath(defaultPoolDirectory)) {
        return cim::Error(cim::ReturnCode::Failed,
                          tr("Cannot create the pool directory %1.")
                              .arg(QDir::toNativeSeparators(defaultPoolDirectory)));
    }
    const QString defaultDir = canonicalDirectory(defaultPoolDirectory);

    auto poolRows = m_store->pools();
    if (!poolRows)
        return poolRows.error();
    for (const PoolRow &row : poolRows.value()) {
        m_pools.append(StoragePool(row.id, row.name, row.directory));
        if (canonicalDirectory(row.directory) == defaultDir)
            m_defaultPoolId = row.id;
    }
    if (m_defaultPoolId.isEmpty()) {
        const PoolRow row{QStringLiteral("pool-") + QUuid::createUuid().toString(QUuid::Id128),
                          tr("Default pool"), defaultDir};
        if (auto r = m_store->upsertPool(row); !r)
            return r;
        m_pools.append(StoragePool(row.id, row.name, row.directory));
        m_defaultPoolId = row.id;
    }

    auto volumeRows = m_store->volumes();
    if (!volumeRows)
        return volumeRows.error();
    for (const VolumeRow &row : volumeRows.value()) {
        m_volumes.insert(row.deviceId,
                         {row.deviceId, row.poolId, row.elementName, row.size, row.created});
        m_volumeOrder.append(row.deviceId);
    }

    // A deletion that renamed its image but died before unlinking it: the row is gone (or the
    // rename would have been undone), so the file is garbage.
    for (const StoragePool &pool : std::as_const(m_pools)) {
        const QDir dir(pool.directory());
        const QStringList stale =
            dir.entryList({QStringLiteral("*.img") + QLatin1String(DeletingSuffix)}, QDir::Files);
        for (const QString &file : stale)
            QFile::remove(dir.filePath(file));
        watchPoolDirectory(pool.directory());
    }
    if (auto r = findChangesWhileDown(); !r)
        return r;
    m_imageTimer.start();
    return {};
}

void PoolManager::watchPoolDirectory(const QString &directory)
{
    if (!m_poolWatcher->directories().contains(directory))
        m_poolWatcher->addPath(directory);
}

// Each image against the stamp persisted when the engine last saw it. After a clean stop those
// stamps are exact, so any difference was made outside. After a crash the engine's own last
// writes may not have been persisted yet: a later modification time (same file, same size) up to
// the engine's last sign of life plus CrashMarginNs is taken as its own; anything else, a new
// inode, a new size, or a modification time after that, was made outside.
cim::Result<void> PoolManager::findChangesWhileDown()
{
    auto rows = m_store->imageStamps();
    if (!rows)
        return rows.error();
    auto watch = m_store->imageWatchState();
    if (!watch)
        return watch.error();
    const ImageWatchState &state = watch.value();
    for (const QString &id : std::as_const(m_volumeOrder)) {
        const ImageStamp now = ImageStamp::ofPath(imagePath(id));
        if (!now.valid)
            continue; // a missing image fails when it is opened, and says why there
        auto found = rows->constFind(id);
        ImageStampRow row{id, now, false};
        if (found != rows->constEnd()) {
            const ImageStamp &was = found->stamp;
            const bool ownAfterCrash = state.known && !state.clean && now.inode == was.inode &&
                                       now.device == was.device && now.size == was.size &&
                                       now.mtimeNs >= was.mtimeNs &&
                                       now.mtimeNs <= state.aliveNs + CrashMarginNs;
            row.changedOutside = found->changedOutside || (now != was && !ownAfterCrash);
            if (row.changedOutside)
                m_outsideChanges.append(id);
            if (found->stamp == now && found->changedOutside == row.changedOutside) {
                m_knownStamps.insert(id, now);
                continue;
            }
        }
        // (No row: the volume is older than the stamps; it is taken as it is.)
        if (auto r = m_store->upsertImageStamp(row); !r)
            return r;
        m_knownStamps.insert(id, now);
    }
    return m_store->setImageWatchState(wallClockNs(), false);
}

void PoolManager::storeStamp(const ImageStampRow &row)
{
    if (auto r = m_store->upsertImageStamp(row); !r) {
        qWarning("Cannot record the stamp of the image of %s: %s", qPrintable(row.deviceId),
                 qPrintable(r.error().message));
        return;
    }
    QMutexLocker lock(&m_lock);
    if (m_volumes.contains(row.deviceId))
        m_knownStamps.insert(row.deviceId, row.stamp);
}

void PoolManager::persistOwnStamp(const QString &deviceId, const ImageStamp &stamp)
{
    if (!stamp.valid)
        return;
    {
        QMutexLocker lock(&m_lock);
        if (m_knownStamps.value(deviceId) == stamp)
            return;
    }
    storeStamp({deviceId, stamp, m_outsideChanges.contains(deviceId)});
}

void PoolManager::setImageCheckInterval(int ms)
{
    m_imageTimer.setInterval(std::max(10, ms));
}

// Open images ask their FileVolume (which knows its own writes; see filevolume.cpp for how a
// check and an own write in flight are kept apart); images no device has open yet are compared
// with their persisted stamp. What the engine itself changed is persisted as it goes, together
// with a sign of life for the judgement after a crash.
void PoolManager::checkImages()
{
    const QList<VolumeInfo> all = volumes();
    for (const VolumeInfo &v : all) {
        std::shared_ptr<FileVolume> device;
        ImageStamp known;
        {
            QMutexLocker lock(&m_lock);
            device = m_devices.value(v.deviceId);
            known = m_knownStamps.value(v.deviceId);
        }
        bool changed = false;
        ImageStamp now;
        if (device) {
            const FileVolume::ImageCheck check = device->checkImage();
            if (check == FileVolume::ImageCheck::Busy)
                continue;
            changed = check == FileVolume::ImageCheck::Changed;
            now = device->ownStamp();
        } else {
            now = ImageStamp::ofPath(imagePath(v.deviceId));
            {
                // Opened (and perhaps written) by the engine since: that device decides next time.
                QMutexLocker lock(&m_lock);
                if (m_devices.contains(v.deviceId))
                    continue;
            }
            if (!now.valid)
                continue;
            changed = known.valid && now != known;
        }
        if (changed) {
            qWarning("The image of volume %s was changed outside the engine",
                     qPrintable(v.deviceId));
            if (!m_outsideChanges.contains(v.deviceId))
                m_outsideChanges.append(v.deviceId);
            storeStamp({v.deviceId, now, true});
            Q_EMIT imageChangedOutside(v.deviceId);
        } else {
            persistOwnStamp(v.deviceId, now);
        }
    }
    if (auto r = m_store->setImageWatchState(wallClockNs(), false); !r)
        qWarning("Cannot record the image watch: %s", qPrintable(r.error().message));
    ++m_imageChecks;
}

QStringList PoolManager::outsideChanges() const
{
    return m_outsideChanges;
}

void PoolManager::acknowledgeOutsideChange(const QString &deviceId)
{
    if (!m_outsideChanges.removeAll(deviceId))
        return;
    ImageStamp known;
    {
        QMutexLocker lock(&m_lock);
        known = m_knownStamps.value(deviceId);
    }
    if (known.valid)
        storeStamp({deviceId, known, false});
}

QList<StoragePool> PoolManager::pools() const
{
    QMutexLocker lock(&m_lock);
    return m_pools;
}

std::optional<StoragePool> PoolManager::pool(const QString &poolId) const
{
    QMutexLocker lock(&m_lock);
    for (const StoragePool &p : m_pools) {
        if (p.id() == poolId)
            return p;
    }
    return std::nullopt;
}

cim::Result<StoragePool> PoolManager::addPool(const QString &directory, const QString &name)
{
    if (directory.isEmpty()) {
        return cim::Error(cim::ReturnCode::InvalidParameter, tr("A pool needs a directory."));
    }
    if (name.size() > MaxElementNameLength || !isPrintableLabel(name)) {
        return cim::Error(cim::ReturnCode::InvalidParameter,
                          tr("A pool name must be printable text of at most %1 characters.")
                              .arg(MaxElementNameLength));
    }
    if (!QDir().mkpath(directory)) {
        return cim::Error(
            cim::ReturnCode::Failed,
            tr("Cannot create the pool directory %1.").arg(QDir::toNativeSeparators(directory)));
    }
    const QString dir = canonicalDirectory(directory);
    {
        QMutexLocker lock(&m_lock);
        for (const StoragePool &p : std::as_const(m_pools)) {
            if (canonicalDirectory(p.directory()) == dir) {
                return cim::Error(cim::ReturnCode::InvalidParameter,
                                  tr("The directory %1 is already the pool %2.")
                                      .arg(QDir::toNativeSeparators(dir), p.name()));
            }
        }
    }
    const PoolRow row{QStringLiteral("pool-") + QUuid::createUuid().toString(QUuid::Id128),
                      name.isEmpty() ? QFileInfo(dir).fileName() : name, dir};
    if (auto r = m_store->upsertPool(row); !r)
        return r.error();
    const StoragePool pool(row.id, row.name, row.directory);
    {
        QMutexLocker lock(&m_lock);
        m_pools.append(pool);
    }
    watchPoolDirectory(pool.directory());
    Q_EMIT poolsChanged();
    return pool;
}

QList<VolumeInfo> PoolManager::volumes() const
{
    QMutexLocker lock(&m_lock);
    QList<VolumeInfo> list;
    list.reserve(m_volumeOrder.size());
    for (const QString &id : m_volumeOrder)
        list.append(m_volumes.value(id));
    return list;
}

QList<VolumeInfo> PoolManager::volumesInPool(const QString &poolId) const
{
    QList<VolumeInfo> list = volumes();
    list.removeIf([&](const VolumeInfo &v) { return v.poolId != poolId; });
    return list;
}

std::optional<VolumeInfo> PoolManager::volume(const QString &deviceId) const
{
    QMutexLocker lock(&m_lock);
    auto it = m_volumes.constFind(deviceId);
    if (it == m_volumes.constEnd())
        return std::nullopt;
    return *it;
}

QString PoolManager::imagePath(const QString &deviceId) const
{
    const std::optional<VolumeInfo> v = volume(deviceId);
    if (!v)
        return {};
    const std::optional<StoragePool> p = pool(v->poolId);
    return p ? p->imagePath(deviceId) : QString();
}

cim::Result<quint64> PoolManager::allocatedBytes(const QString &deviceId) const
{
    const QString path = imagePath(deviceId);
    if (path.isEmpty()) {
        return cim::Error(cim::ReturnCode::InvalidParameter,
                          tr("There is no volume %1.").arg(deviceId));
    }
    struct stat st
    {};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0) {
        const int error = errno;
        return cim::Error(
            cim::ReturnCode::Failed,
            tr("Cannot read the volume image %1: %2.")
                .arg(QDir::toNativeSeparators(path), QString::fromLocal8Bit(std::strerror(error))));
    }
    return quint64(st.st_blocks) * 512u; // st_blocks is in 512-byte units (POSIX)
}

cim::Result<void> PoolManager::checkElementName(const QString &elementName)
{
    // The name is only ever a label: it is checked so every client can show it, not for
    // path safety, since it never reaches the filesystem.
    if (elementName.isEmpty()) {
        return cim::Error(cim::ReturnCode::InvalidParameter, tr("A volume needs a name."));
    }
    if (elementName.size() > MaxElementNameLength) {
        return cim::Error(cim::ReturnCode::InvalidParameter,
                          tr("A volume name may have at most %1 characters; this one has %2.")
                              .arg(MaxElementNameLength)
                              .arg(elementName.size()));
    }
    if (!isPrintableLabel(elementName)) {
        return cim::Error(cim::ReturnCode::InvalidParameter,
                          tr("A volume name may not contain control characters."));
    }
    return {};
}

cim::Result<VolumeInfo> PoolManager::createVolume(const QString &poolId, const QString &elementName,
                                                  quint64 sizeBytes)
{
    const std::optional<StoragePool> target = pool(poolId);
    if (!target) {
        return cim::Error(cim::ReturnCode::InvalidParameter,
                          tr("There is no storage pool %1.").arg(poolId));
    }
    if (auto named = checkElementName(elementName); !named)
        return named.error();
    constexpr quint64 Block = BlockDevice::BlockSize;
    if (sizeBytes == 0 || sizeBytes > std::numeric_limits<qint64>::max() - Block) {
        return cim::Error(
            cim::ReturnCode::InvalidParameter,
            tr("A volume size must be between 1 byte and 8 EiB; %1 is not.").arg(sizeBytes));
    }
    // Whole blocks: the volume's NumberOfBlocks must describe all of it.
    const quint64 size = (sizeBytes + Block - 1) / Block * Block;
    auto space = target->space();
    if (!space)
        return space.error();
    // Volumes are sparse, but a volume larger than the free space could fail any write: refuse
    // it now rather than let a copy fail halfway with ENOSPC.
    if (size > space->available) {
        return cim::Error(cim::ReturnCode::InvalidParameter,
                          tr("The pool %1 has %2 free; a volume of %3 does not fit.")
                              .arg(target->name(), sizeText(space->available), sizeText(size)));
    }

    VolumeInfo info{QUuid::createUuid().toString(QUuid::WithoutBraces), poolId, elementName, size,
                    QDateTime::currentDateTimeUtc()};
    const QString path = target->imagePath(info.deviceId);
    std::shared_ptr<FileVolume> created;
    // Row and image in one transaction: the image is made inside it, so a failure of either
    // rolls the row back, and a failed commit removes the image below.
    auto stored = m_store->transaction([&]() -> cim::Result<void> {
        const VolumeRow row{info.deviceId,    info.poolId,
                            info.elementName, QFileInfo(path).fileName(),
                            info.size,        info.created};
        if (auto r = m_store->upsertVolume(row); !r)
            return r;
        auto file = FileVolume::create(path, size);
        if (!file)
            return file.error();
        created = std::move(file).value();
        return {};
    });
    if (!stored) {
        if (created) {
            created.reset();
            QFile::remove(path);
        }
        return stored.error();
    }
    {
        QMutexLocker lock(&m_lock);
        m_volumes.insert(info.deviceId, info);
        m_volumeOrder.append(info.deviceId);
        m_devices.insert(info.deviceId, std::shared_ptr<FileVolume>(created));
    }
    persistOwnStamp(info.deviceId, created->ownStamp());
    Q_EMIT volumesChanged();
    return info;
}

cim::Result<void> PoolManager::deleteVolume(const QString &deviceId)
{
    const QString path = imagePath(deviceId);
    if (path.isEmpty()) {
        return cim::Error(cim::ReturnCode::InvalidParameter,
                          tr("There is no volume %1.").arg(deviceId));
    }
    if (const QString uses = usedBy ? usedBy(deviceId) : QString(); !uses.isEmpty()) {
        return cim::Error(cim::ReturnCode::InUse,
                          tr("The volume %1 is part of a synchronization (%2); remove that first.")
                              .arg(volume(deviceId)->elementName, uses));
    }
    if (const QString who = openedBy ? openedBy(deviceId) : QString(); !who.isEmpty()) {
        return cim::Error(cim::ReturnCode::InUse,
                          tr("The volume %1 is open by %2; it cannot be deleted while they use it.")
                              .arg(volume(deviceId)->elementName, who));
    }
    if (const QString copy = copiedBy ? copiedBy(deviceId) : QString(); !copy.isEmpty()) {
        return cim::Error(cim::ReturnCode::InUse,
                          tr("The volume %1 is being copied (%2); stop that job first.")
                              .arg(volume(deviceId)->elementName, copy));
    }
    // Rename, delete the row, then unlink: if the row cannot go, the rename is undone and the
    // volume is intact; if the engine dies in between, load() removes the renamed image.
    const QString doomed = path + QLatin1String(DeletingSuffix);
    const bool hadFile = QFileInfo::exists(path);
    if (hadFile && !QFile::rename(path, doomed)) {
        return cim::Error(
            cim::ReturnCode::Failed,
            tr("Cannot remove the volume image %1.").arg(QDir::toNativeSeparators(path)));
    }
    if (auto r = m_store->deleteVolume(deviceId); !r) {
        if (hadFile)
            QFile::rename(doomed, path);
        return r;
    }
    if (hadFile)
        QFile::remove(doomed);
    {
        QMutexLocker lock(&m_lock);
        m_volumes.remove(deviceId);
        m_volumeOrder.removeOne(deviceId);
        m_devices.remove(deviceId);
        m_overlays.remove(deviceId);
        m_knownStamps.remove(deviceId); // its row went with the volume's (ON DELETE CASCADE)
    }
    m_outsideChanges.removeAll(deviceId);
    Q_EMIT volumesChanged();
    return {};
}

cim::Result<VolumeRow> PoolManager::storedRow(const QString &deviceId) const
{
    auto row = m_store->volume(deviceId);
    if (!row)
        return row.error();
    if (!row.value()) {
        return cim::Error(cim::ReturnCode::Failed,
                          tr("The catalog has no record of the volume %1.").arg(deviceId));
    }
    return *row.value();
}

cim::Result<VolumeInfo> PoolManager::renameVolume(const QString &deviceId,
                                                  const QString &elementName)
{
    std::optional<VolumeInfo> info = volume(deviceId);
    if (!info) {
        return cim::Error(cim::ReturnCode::InvalidParameter,
                          tr("There is no volume %1.").arg(deviceId));
    }
    if (auto named = checkElementName(elementName); !named)
        return named.error();
    if (info->elementName == elementName)
        return *info;
    auto row = storedRow(deviceId);
    if (!row)
        return row.error();
    VolumeRow changed = row.value();
    changed.elementName = elementName;
    if (auto r = m_store->upsertVolume(changed); !r)
        return r.error();
    info->elementName = elementName;
    {
        QMutexLocker lock(&m_lock);
        m_volumes.insert(deviceId, *info);
    }
    Q_EMIT volumesChanged();
    return *info;
}

cim::Result<VolumeInfo> PoolManager::growVolume(const QString &deviceId, quint64 sizeBytes)
{
    std::optional<VolumeInfo> info = volume(deviceId);
    if (!info) {
        return cim::Error(cim::ReturnCode::InvalidParameter,
                          tr("There is no volume %1.").arg(deviceId));
    }
    constexpr quint64 Block = BlockDevice::BlockSize;
    if (sizeBytes > std::numeric_limits<qint64>::max() - Block) {
        return cim::Error(cim::ReturnCode::InvalidParameter,
                          tr("A volume size must be between 1 byte and 8 EiB; %1 is not.")
                              .arg(sizeText(sizeBytes)));
    }
    const quint64 size = (sizeBytes + Block - 1) / Block * Block;
    if (size < info->size) {
        // Shrinking would cut off data a host or a file system may still use; no engine
        // state can tell that it is unused, so it is never done.
        return cim::Error(cim::ReturnCode::NotSupported,
                          tr("The volume %1 has %2; volumes can grow but not shrink to %3.")
                              .arg(info->elementName, sizeText(info->size), sizeText(size)));
    }
    if (size == info->size)
        return *info;
    // No pair kind follows a grow yet: a snapshot's view and a mirror's dirty map are sized
    // when the pair is made, and a replica of the old size would silently miss the new blocks.
    if (const QString uses = usedBy ? usedBy(deviceId) : QString(); !uses.isEmpty()) {
        return cim::Error(cim::ReturnCode::InUse,
                          tr("The volume %1 is part of a synchronization (%2), which cannot follow "
                             "a change of size; remove that first.")
                              .arg(info->elementName, uses));
    }
    if (const QString copy = copiedBy ? copiedBy(deviceId) : QString(); !copy.isEmpty()) {
        return cim::Error(cim::ReturnCode::InUse,
                          tr("The volume %1 is being copied (%2); it cannot change size until "
                             "that job ends.")
                              .arg(info->elementName, copy));
    }
    const std::optional<StoragePool> home = pool(info->poolId);
    if (!home) {
        return cim::Error(cim::ReturnCode::Failed,
                          tr("The pool of the volume %1 is gone.").arg(info->elementName));
    }
    auto space = home->space();
    if (!space)
        return space.error();
    if (size - info->size > space->available) {
        return cim::Error(cim::ReturnCode::InvalidParameter,
                          tr("The pool %1 has %2 free; growing %3 by %4 does not fit.")
                              .arg(home->name(), sizeText(space->available), info->elementName,
                                   sizeText(size - info->size)));
    }
    auto file = device(deviceId);
    if (!file)
        return file.error();
    auto row = storedRow(deviceId);
    if (!row)
        return row.error();
    // The row and the image in one transaction: a failed ftruncate rolls the row back. A failed
    // commit leaves the image longer than its row, which is harmless: the row is what clients
    // are shown and the extra tail is a hole, so the same grow can simply be asked again.
    VolumeRow changed = row.value();
    changed.size = size;
    auto grown = m_store->transaction([&]() -> cim::Result<void> {
        if (auto r = m_store->upsertVolume(changed); !r)
            return r;
        return file.value()->grow(size);
    });
    if (!grown)
        return grown.error();
    persistOwnStamp(deviceId, file.value()->ownStamp());
    info->size = size;
    {
        QMutexLocker lock(&m_lock);
        m_volumes.insert(deviceId, *info);
    }
    Q_EMIT volumesChanged();
    return *info;
}

cim::Result<std::shared_ptr<FileVolume>> PoolManager::device(const QString &deviceId)
{
    QMutexLocker lock(&m_lock);
    if (auto it = m_devices.constFind(deviceId); it != m_devices.constEnd())
        return *it;
    auto v = m_volumes.constFind(deviceId);
    if (v == m_volumes.constEnd()) {
        return cim::Error(cim::ReturnCode::InvalidParameter,
                          tr("There is no volume %1.").arg(deviceId));
    }
    QString path;
    for (const StoragePool &p : std::as_const(m_pools)) {
        if (p.id() == v->poolId)
            path = p.imagePath(deviceId);
    }
    auto opened = FileVolume::open(path);
    if (!opened)
        return opened.error();
    std::shared_ptr<FileVolume> shared(std::move(opened).value());
    // The image as the engine last knew it, not as it is now: a change made before this open is
    // found by the next check.
    shared->setKnownStamp(m_knownStamps.value(deviceId));
    m_devices.insert(deviceId, shared);
    return shared;
}

cim::Result<std::shared_ptr<BlockDevice>> PoolManager::blockDevice(const QString &deviceId)
{
    {
        QMutexLocker lock(&m_lock);
        if (auto it = m_overlays.constFind(deviceId); it != m_overlays.constEnd())
            return *it;
    }
    auto image = device(deviceId);
    if (!image)
        return image.error();
    return std::shared_ptr<BlockDevice>(image.value());
}

void PoolManager::setOverlay(const QString &deviceId, std::shared_ptr<BlockDevice> view)
{
    QMutexLocker lock(&m_lock);
    if (view)
        m_overlays.insert(deviceId, std::move(view));
    else
        m_overlays.remove(deviceId);
}

} // namespace rd::engine
