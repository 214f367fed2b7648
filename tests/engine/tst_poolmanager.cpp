// PoolManager on real files and a real catalog: volumes are created and deleted as image files
// with catalog rows, user names never become paths, capacity and in-use are enforced, failures
// leave nothing half-made, and everything survives a restart.

#include "db/database.h"
#include "storage/poolmanager.h"
#include "storage/poolstore.h"

#include <QDir>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <csignal>
#include <sys/resource.h>

using namespace rd;
using namespace rd::engine;

namespace {

constexpr quint64 MiB = 1024 * 1024;

QStringList filesIn(const QString &dir)
{
    return QDir(dir).entryList(QDir::Files | QDir::Hidden | QDir::System, QDir::Name);
}

} // namespace

class TestPoolManager : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        QVERIFY(reopen());
    }
    void cleanup()
    {
        m_pools.reset();
        m_catalog.reset();
        m_database.reset();
    }

    void opensWithADefaultPool()
    {
        QVERIFY(QFileInfo(poolDir()).isDir());
        const QList<StoragePool> pools = m_pools->pools();
        QCOMPARE(pools.size(), 1);
        QCOMPARE(pools.first().id(), m_pools->defaultPoolId());
        QCOMPARE(pools.first().directory(), QFileInfo(poolDir()).canonicalFilePath());
        auto space = pools.first().space();
        QVERIFY(space.ok());
        QVERIFY(space->total > 0);
        QVERIFY(space->available <= space->total);
        QCOMPARE(m_catalog->pools().value().size(), 1);
    }

    void createsSparseImagesNamedByTheEngine()
    {
        QSignalSpy changed(m_pools.get(), &PoolManager::volumesChanged);
        auto v = m_pools->createVolume(m_pools->defaultPoolId(), QStringLiteral("Data"), 1000);
        QVERIFY2(v.ok(), qPrintable(v.error().message));
        QCOMPARE(changed.size(), 1);
        QCOMPARE(v->size, 1024u); // rounded up to whole blocks
        QCOMPARE(v->numberOfBlocks(), 2u);
        QCOMPARE(v->elementName, QStringLiteral("Data"));
        QVERIFY(!QUuid::fromString(v->deviceId).isNull()); // engine-chosen
        QCOMPARE(filesIn(poolDir()), QStringList{v->deviceId + QStringLiteral(".img")});
        QCOMPARE(QFileInfo(m_pools->imagePath(v->deviceId)).size(), 1024);
        QCOMPARE(m_pools->allocatedBytes(v->deviceId).value(), 0u);
        QCOMPARE(m_pools->volume(v->deviceId), std::optional<VolumeInfo>(v.value()));
        QCOMPARE(m_catalog->volume(v->deviceId).value()->elementName, QStringLiteral("Data"));

        auto big = m_pools->createVolume(m_pools->defaultPoolId(), QStringLiteral("Big"), 64 * MiB);
        QVERIFY(big.ok());
        QCOMPARE(big->size, 64 * MiB);
        QCOMPARE(m_pools->volumes().size(), 2);
        QCOMPARE(m_pools->volumesInPool(m_pools->defaultPoolId()).size(), 2);
    }

    void hostileNamesAreOnlyLabels_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("parent") << QStringLiteral("../../etc/passwd");
        QTest::newRow("slash") << QStringLiteral("a/b");
        QTest::newRow("absolute") << QStringLiteral("/tmp/evil.img");
        QTest::newRow("dotdot") << QStringLiteral("..");
        QTest::newRow("backslash") << QStringLiteral("..\\..\\x");
        QTest::newRow("dot-img") << QStringLiteral(".img");
        QTest::newRow("quote") << QStringLiteral("a'; DROP TABLE volumes; --");
        QTest::newRow("unicode") << QStringLiteral("Datenträger 💾");
        QTest::newRow("max") << QString(PoolManager::MaxElementNameLength, u'x');
    }
    void hostileNamesAreOnlyLabels()
    {
        QFETCH(QString, name);
        const QStringList outside = filesIn(m_dir->path());
        auto v = m_pools->createVolume(m_pools->defaultPoolId(), name, 4096);
        QVERIFY2(v.ok(), qPrintable(v.error().message));
        QCOMPARE(v->elementName, name);
        // The only new file is <DeviceID>.img inside the pool; nothing appears anywhere else.
        QCOMPARE(filesIn(poolDir()), QStringList{v->deviceId + QStringLiteral(".img")});
        QCOMPARE(filesIn(m_dir->path()), outside);
        QCOMPARE(QDir(poolDir()).entryList(QDir::Dirs | QDir::NoDotAndDotDot), QStringList());
        QVERIFY(!QFile::exists(QStringLiteral("/tmp/evil.img")));
        // The label round-trips through the catalog unchanged.
        QVERIFY(reopen());
        QCOMPARE(m_pools->volume(v->deviceId)->elementName, name);
    }

    void badNamesAndSizesAreRefused_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<quint64>("size");
        QTest::newRow("empty") << QString() << quint64(4096);
        QTest::newRow("too long") << QString(10 * 1024, u'n') << quint64(4096);
        QTest::newRow("NUL") << QStringLiteral("a") + QChar(0) + QStringLiteral("b")
                             << quint64(4096);
        QTest::newRow("control") << QStringLiteral("a\x1b[2Jb") << quint64(4096);
        QTest::newRow("lone surrogate") << QString(QChar(0xD800)) << quint64(4096);
        QTest::newRow("zero size") << QStringLiteral("ok") << quint64(0);
        QTest::newRow("huge size") << QStringLiteral("ok") << std::numeric_limits<quint64>::max();
        QTest::newRow("beyond free space") << QStringLiteral("ok") << (quint64(1) << 62);
    }
    void badNamesAndSizesAreRefused()
    {
        QFETCH(QString, name);
        QFETCH(quint64, size);
        auto v = m_pools->createVolume(m_pools->defaultPoolId(), name, size);
        QVERIFY(!v.ok());
        QCOMPARE(v.error().code, quint32(cim::ReturnCode::InvalidParameter));
        QVERIFY(!v.error().message.isEmpty());
        QVERIFY(filesIn(poolDir()).isEmpty());
        QVERIFY(m_catalog->volumes().value().isEmpty());
        QVERIFY(m_pools->volumes().isEmpty());
    }

    void capacityIsTheFilesystemsFreeSpace()
    {
        const quint64 available = m_pools->pools().first().space()->available;
        // A little more than the free space (rounded to blocks) does not fit; the message says
        // how much there is.
        auto tooBig = m_pools->createVolume(m_pools->defaultPoolId(), QStringLiteral("x"),
                                            available + 1024 * MiB);
        QVERIFY(!tooBig.ok());
        QCOMPARE(tooBig.error().code, quint32(cim::ReturnCode::InvalidParameter));
        QVERIFY(tooBig.error().message.contains(QStringLiteral("free")));
        QVERIFY(filesIn(poolDir()).isEmpty());
    }

    void unknownPoolIsRefused()
    {
        auto v = m_pools->createVolume(QStringLiteral("no-such-pool"), QStringLiteral("x"), 4096);
        QCOMPARE(v.error().code, quint32(cim::ReturnCode::InvalidParameter));
    }

    void aFailedImageLeavesNoRow()
    {
        // RLIMIT_FSIZE stands in for a full disk: sizing the image fails with EFBIG.
        auto oldHandler = std::signal(SIGXFSZ, SIG_IGN);
        rlimit old{};
        ::getrlimit(RLIMIT_FSIZE, &old);
        rlimit limit = old;
        limit.rlim_cur = 1 * MiB;
        ::setrlimit(RLIMIT_FSIZE, &limit);
        auto v = m_pools->createVolume(m_pools->defaultPoolId(), QStringLiteral("x"), 8 * MiB);
        ::setrlimit(RLIMIT_FSIZE, &old);
        std::signal(SIGXFSZ, oldHandler);

        QVERIFY(!v.ok());
        QCOMPARE(v.error().code, quint32(cim::ReturnCode::Failed));
        QVERIFY2(v.error().message.contains(QStringLiteral("File too large")),
                 qPrintable(v.error().message));
        QVERIFY(filesIn(poolDir()).isEmpty());
        QVERIFY(m_catalog->volumes().value().isEmpty());
        QVERIFY(m_pools->volumes().isEmpty());
    }

    void aFailedRowLeavesNoImage()
    {
        QSqlQuery q(QSqlDatabase::database(m_catalog->database()->connectionName(), false));
        QVERIFY(q.exec(QStringLiteral("CREATE TEMP TRIGGER refuse BEFORE INSERT ON volumes "
                                      "BEGIN SELECT RAISE(ABORT, 'injected failure'); END")));
        auto v = m_pools->createVolume(m_pools->defaultPoolId(), QStringLiteral("x"), 4096);
        QVERIFY(!v.ok());
        QCOMPARE(v.error().code, quint32(cim::ReturnCode::Failed));
        QVERIFY(v.error().message.contains(QStringLiteral("injected failure")));
        QVERIFY(filesIn(poolDir()).isEmpty());
        QVERIFY(m_pools->volumes().isEmpty());
    }

    void deleteRemovesImageAndRow()
    {
        auto v = m_pools->createVolume(m_pools->defaultPoolId(), QStringLiteral("x"), 4096).value();
        QSignalSpy changed(m_pools.get(), &PoolManager::volumesChanged);
        QVERIFY(m_pools->deleteVolume(v.deviceId).ok());
        QCOMPARE(changed.size(), 1);
        QVERIFY(filesIn(poolDir()).isEmpty());
        QVERIFY(m_catalog->volumes().value().isEmpty());
        QVERIFY(!m_pools->volume(v.deviceId));
        QVERIFY(!m_pools->device(v.deviceId).ok());
        auto again = m_pools->deleteVolume(v.deviceId);
        QCOMPARE(again.error().code, quint32(cim::ReturnCode::InvalidParameter));
    }

    void deleteRefusesAVolumeInUse()
    {
        auto v = m_pools->createVolume(m_pools->defaultPoolId(), QStringLiteral("x"), 4096).value();
        QString asked;
        m_pools->usedBy = [&](const QString &id) {
            asked = id;
            return QStringLiteral("the mirror of x to y");
        };
        auto r = m_pools->deleteVolume(v.deviceId);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, quint32(cim::ReturnCode::InUse));
        QCOMPARE(asked, v.deviceId);
        QVERIFY2(r.error().message.contains(QStringLiteral("the mirror of x to y")),
                 qPrintable(r.error().message));
        QCOMPARE(filesIn(poolDir()), QStringList{v.deviceId + QStringLiteral(".img")});
        QVERIFY(m_pools->volume(v.deviceId));
        m_pools->usedBy = [](const QString &) { return QString(); };
        QVERIFY(m_pools->deleteVolume(v.deviceId).ok());
    }

    void aFailedRowDeletionKeepsTheImage()
    {
        auto v = m_pools->createVolume(m_pools->defaultPoolId(), QStringLiteral("x"), 4096).value();
        QSqlQuery q(QSqlDatabase::database(m_catalog->database()->connectionName(), false));
        QVERIFY(q.exec(QStringLiteral("CREATE TEMP TRIGGER keep BEFORE DELETE ON volumes "
                                      "BEGIN SELECT RAISE(ABORT, 'injected failure'); END")));
        QVERIFY(!m_pools->deleteVolume(v.deviceId).ok());
        QCOMPARE(filesIn(poolDir()), QStringList{v.deviceId + QStringLiteral(".img")});
        QVERIFY(m_pools->device(v.deviceId).ok());
    }

    void oneSharedDevicePerVolume()
    {
        auto v =
            m_pools->createVolume(m_pools->defaultPoolId(), QStringLiteral("x"), 1 * MiB).value();
        auto a = m_pools->device(v.deviceId);
        auto b = m_pools->device(v.deviceId);
        QVERIFY(a.ok() && b.ok());
        QCOMPARE(a.value().get(), b.value().get());
        const QByteArray data(4096, 'q');
        QVERIFY(a.value()->write(0, std::span<const char>(data.constData(), 4096)).ok());
        QByteArray back(4096, '\0');
        QVERIFY(b.value()->read(0, std::span<char>(back.data(), 4096)).ok());
        QCOMPARE(back, data);
        QCOMPARE(m_pools->allocatedBytes(v.deviceId).value(), 4096u);

        // Also after a restart, when the device is opened from the image on first use.
        QVERIFY(reopen());
        auto c = m_pools->device(v.deviceId);
        QVERIFY(c.ok());
        QCOMPARE(c.value().get(), m_pools->device(v.deviceId).value().get());
        QVERIFY(c.value()->read(0, std::span<char>(back.data(), 4096)).ok());
        QCOMPARE(back, data);
    }

    void addedPoolsHoldTheirOwnVolumes()
    {
        const QString second = m_dir->filePath(QStringLiteral("second"));
        QSignalSpy changed(m_pools.get(), &PoolManager::poolsChanged);
        auto pool = m_pools->addPool(second, QStringLiteral("Second"));
        QVERIFY2(pool.ok(), qPrintable(pool.error().message));
        QCOMPARE(changed.size(), 1);
        QCOMPARE(m_pools->pools().size(), 2);
        QVERIFY(pool->id() != m_pools->defaultPoolId());
        auto v = m_pools->createVolume(pool->id(), QStringLiteral("x"), 4096).value();
        QCOMPARE(filesIn(second), QStringList{v.deviceId + QStringLiteral(".img")});
        QVERIFY(filesIn(poolDir()).isEmpty());

        auto twice = m_pools->addPool(second + QStringLiteral("/."), QStringLiteral("Again"));
        QCOMPARE(twice.error().code, quint32(cim::ReturnCode::InvalidParameter));
        auto defaultAgain = m_pools->addPool(poolDir(), QStringLiteral("Again"));
        QCOMPARE(defaultAgain.error().code, quint32(cim::ReturnCode::InvalidParameter));
        QCOMPARE(m_pools->pools().size(), 2);
    }

    void everythingSurvivesARestart()
    {
        const QString second = m_dir->filePath(QStringLiteral("second"));
        const QString secondId = m_pools->addPool(second, QStringLiteral("Second"))->id();
        const QString defaultId = m_pools->defaultPoolId();
        auto a = m_pools->createVolume(defaultId, QStringLiteral("A"), 8192).value();
        auto b = m_pools->createVolume(secondId, QStringLiteral("B"), 4096).value();
        const QByteArray data(512, 'd');
        QVERIFY(m_pools->device(a.deviceId)
                    .value()
                    ->write(512, std::span<const char>(data.constData(), 512))
                    .ok());

        QVERIFY(reopen()); // a new database, PoolStore and PoolManager on the same files
        QCOMPARE(m_pools->defaultPoolId(), defaultId);
        QCOMPARE(m_pools->pools().size(), 2);
        QCOMPARE(m_pools->pool(secondId)->name(), QStringLiteral("Second"));
        QCOMPARE(m_pools->volumes(), (QList<VolumeInfo>{a, b}));
        QByteArray back(512, '\0');
        QVERIFY(
            m_pools->device(a.deviceId).value()->read(512, std::span<char>(back.data(), 512)).ok());
        QCOMPARE(back, data);
    }

    void restartRemovesHalfDeletedImages()
    {
        auto v = m_pools->createVolume(m_pools->defaultPoolId(), QStringLiteral("x"), 4096).value();
        m_pools.reset();
        // What a crash between the rename and the unlink of a deletion leaves behind.
        QFile stale(poolDir() + QStringLiteral("/dead.img.deleting"));
        QVERIFY(stale.open(QIODevice::WriteOnly));
        stale.close();
        QVERIFY(reopen());
        QCOMPARE(filesIn(poolDir()), QStringList{v.deviceId + QStringLiteral(".img")});
    }

private:
    QString poolDir() const { return m_dir->filePath(QStringLiteral("pool")); }
    bool reopen()
    {
        m_pools.reset();
        m_catalog.reset();
        m_database.reset();
        auto database = Database::open(m_dir->filePath(QStringLiteral("catalog.sqlite")));
        if (!database)
            return false;
        m_database = std::move(database).value();
        auto catalog = PoolStore::open(m_database.get());
        if (!catalog)
            return false;
        m_catalog = std::move(catalog).value();
        auto pools = PoolManager::open(m_catalog.get(), poolDir());
        if (!pools) {
            qWarning() << pools.error().message;
            return false;
        }
        m_pools = std::move(pools).value();
        return true;
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<PoolStore> m_catalog; // storage's tables
    std::unique_ptr<PoolManager> m_pools;
};

QTEST_GUILESS_MAIN(TestPoolManager)
#include "tst_poolmanager.moc"
