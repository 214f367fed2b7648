// The Catalog on a real SQLite file: WAL and durability settings, typed round trips of every
// table, transactions that roll back, restart persistence, and schema versioning.

#include "storage/catalog.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace rd;
using namespace rd::engine;

namespace {

QVariant pragma(const Catalog &catalog, const QString &name)
{
    QSqlQuery q(QSqlDatabase::database(catalog.connectionName(), false));
    if (!q.exec(QStringLiteral("PRAGMA ") + name) || !q.next())
        return {};
    return q.value(0);
}

int rowCount(const Catalog &catalog, const QString &table)
{
    QSqlQuery q(QSqlDatabase::database(catalog.connectionName(), false));
    if (!q.exec(QStringLiteral("SELECT COUNT(*) FROM ") + table) || !q.next())
        return -1;
    return q.value(0).toInt();
}

// Timestamps with milliseconds, as the engine makes them.
QDateTime at(int seconds)
{
    return QDateTime(QDate(2024, 5, 17), QTime(12, 0).addSecs(seconds).addMSecs(123), Qt::UTC);
}

SyncRecord sampleSync(const QString &id)
{
    SyncRecord r;
    r.id = id;
    r.sourceDeviceId = QStringLiteral("src-1");
    r.targetDeviceId = QStringLiteral("tgt-1");
    r.sourcePath = QStringLiteral("root/x:Vol.DeviceID=\"src-1\"");
    r.targetPath = QStringLiteral("root/x:Vol.DeviceID=\"tgt-1\"");
    r.syncType = 8;
    r.mode = 3;
    r.copyState = 3;
    r.progressStatus = 2;
    r.percentSynced = 42;
    r.whenEstablished = at(0);
    r.whenSynced = at(5);
    r.jobId = QStringLiteral("job-7");
    r.targetCreated = true;
    return r;
}

JobRecord sampleJob(const QString &id)
{
    JobRecord r;
    r.instanceId = id;
    r.kind = QStringLiteral("clone");
    r.name = QStringLiteral("CreateListReplica");
    r.elementName = QStringLiteral("Clone of Ünïcode \"quoted\"");
    r.state = 4;
    r.percentComplete = 17;
    r.errorCode = 4;
    r.errorDescription = QStringLiteral("disk full");
    r.errorType = 4;
    r.timeSubmitted = at(0);
    r.startTime = at(1);
    r.timeOfLastStateChange = at(2);
    r.timeBeforeRemovalUs = 123456789;
    r.deleteOnCompletion = false;
    r.affectedElements = {QStringLiteral("a:B.K=\"1\""), QStringLiteral("c:D.K=\"2\"")};
    r.parameters = QByteArrayLiteral("{\"sources\":[1]}");
    r.checkpoint = QByteArray("\x00\x01\x02\xff", 4); // binary, with a NUL
    return r;
}

} // namespace

class TestCatalog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
    }

    void opensInWalWithFullSync()
    {
        auto c = Catalog::open(file());
        QVERIFY2(c.ok(), qPrintable(c.error().message));
        QCOMPARE(c.value()->journalMode(), QStringLiteral("wal"));
        QCOMPARE(pragma(*c.value(), QStringLiteral("synchronous")).toInt(), 2); // FULL
        QCOMPARE(pragma(*c.value(), QStringLiteral("foreign_keys")).toInt(), 1);
        QCOMPARE(c.value()->schemaVersion(), Catalog::SchemaVersion);
        QVERIFY(QFile::exists(file() + QStringLiteral("-wal")));
    }

    void catalogsHaveTheirOwnConnections()
    {
        auto a = Catalog::open(file());
        auto b = Catalog::open(m_dir->filePath(QStringLiteral("other.sqlite")));
        QVERIFY(a.ok() && b.ok());
        QVERIFY(a.value()->connectionName() != b.value()->connectionName());
        QVERIFY(a.value()
                    ->upsertPool({QStringLiteral("p1"), QStringLiteral("A"), QStringLiteral("/a")})
                    .ok());
        QCOMPARE(a.value()->pools().value().size(), 1);
        QCOMPARE(b.value()->pools().value().size(), 0);
        const QString name = a.value()->connectionName();
        a.value().reset();
        QVERIFY(!QSqlDatabase::contains(name)); // removed with its catalog
    }

    void poolsAndVolumesRoundTrip()
    {
        auto c = Catalog::open(file()).value();
        const PoolRow pool{QStringLiteral("p1"), QStringLiteral("Pool"),
                           QStringLiteral("/pools/1")};
        QVERIFY(c->upsertPool(pool).ok());
        QCOMPARE(c->pools().value(), QList<PoolRow>{pool});
        PoolRow renamed = pool;
        renamed.name = QStringLiteral("Renamed");
        QVERIFY(c->upsertPool(renamed).ok());
        QCOMPARE(c->pools().value(), QList<PoolRow>{renamed});

        const VolumeRow v{QStringLiteral("dev-1"),
                          QStringLiteral("p1"),
                          QStringLiteral("../../etc/passwd"),
                          QStringLiteral("dev-1.img"),
                          (quint64(1) << 40) + 512,
                          at(3)};
        QVERIFY(c->upsertVolume(v).ok());
        QCOMPARE(c->volumes().value(), QList<VolumeRow>{v});
        QCOMPARE(c->volume(QStringLiteral("dev-1")).value(), std::optional<VolumeRow>(v));
        QVERIFY(!c->volume(QStringLiteral("nope")).value().has_value());

        // Foreign keys hold: no volume in a pool that does not exist, no pool deleted under one.
        VolumeRow orphan = v;
        orphan.deviceId = QStringLiteral("dev-2");
        orphan.poolId = QStringLiteral("missing");
        QVERIFY(!c->upsertVolume(orphan).ok());
        auto busy = c->deletePool(QStringLiteral("p1"));
        QVERIFY(!busy.ok());
        QCOMPARE(busy.error().code, quint32(cim::ReturnCode::InUse));

        QVERIFY(c->deleteVolume(QStringLiteral("dev-1")).ok());
        QVERIFY(c->volumes().value().isEmpty());
        QVERIFY(c->deletePool(QStringLiteral("p1")).ok());
        QVERIFY(c->pools().value().isEmpty());
    }

    void synchronizationsRoundTripAndKeepTheirState()
    {
        auto c = Catalog::open(file()).value();
        SyncRecord s = sampleSync(QStringLiteral("sync-1"));
        QVERIFY(c->saveSync(s).ok());
        QCOMPARE(c->loadSyncs().value(), QList<SyncRecord>{s});

        const QByteArray dirty("\x00\xff\x10 dirty map", 13);
        QVERIFY(c->saveSyncState(s.id, dirty).ok());
        s.copyState = 4;
        s.percentSynced = 100;
        s.whenSynced = QDateTime();
        QVERIFY(c->saveSync(s).ok()); // an update keeps the state blob
        QCOMPARE(c->loadSyncs().value(), QList<SyncRecord>{s});
        QCOMPARE(c->syncState(s.id).value(), dirty);

        QCOMPARE(c->saveSyncState(QStringLiteral("nope"), dirty).error().code,
                 quint32(cim::ReturnCode::InvalidParameter));
        QVERIFY(!c->syncState(QStringLiteral("nope")).ok());
        QVERIFY(c->removeSync(s.id).ok());
        QVERIFY(c->loadSyncs().value().isEmpty());
    }

    void jobsRoundTrip()
    {
        auto c = Catalog::open(file()).value();
        JobRecord j = sampleJob(QStringLiteral("job-1"));
        JobRecord k = sampleJob(QStringLiteral("job-2"));
        k.affectedElements.clear();
        k.parameters.clear();
        k.checkpoint.clear();
        k.startTime = QDateTime();
        k.timeBeforeRemovalUs = 99999999ull * 24 * 3600 * 1000 * 1000; // the largest interval
        QVERIFY(c->saveJob(j).ok());
        QVERIFY(c->saveJob(k).ok());
        QCOMPARE(c->loadJobs().value(), (QList<JobRecord>{j, k}));

        j.state = 7;
        j.percentComplete = 100;
        j.finishTime = at(9);
        QVERIFY(c->saveJob(j).ok()); // replaces by id
        const auto loaded = c->loadJobs().value();
        QCOMPARE(loaded.size(), 2);
        QVERIFY(loaded.contains(j));
        QVERIFY(c->removeJob(k.instanceId).ok());
        QCOMPARE(c->loadJobs().value(), QList<JobRecord>{j});
    }

    void transactionsCommitOrRollBack()
    {
        auto c = Catalog::open(file()).value();
        QVERIFY(
            c->upsertPool({QStringLiteral("p1"), QStringLiteral("P"), QStringLiteral("/p")}).ok());
        auto failed = c->transaction([&]() -> cim::Result<void> {
            if (auto r =
                    c->upsertVolume({QStringLiteral("v1"), QStringLiteral("p1"),
                                     QStringLiteral("V"), QStringLiteral("v1.img"), 512, at(0)});
                !r)
                return r;
            return cim::Error(cim::ReturnCode::Failed, QStringLiteral("file creation failed"));
        });
        QVERIFY(!failed.ok());
        QCOMPARE(failed.error().message, QStringLiteral("file creation failed"));
        QCOMPARE(rowCount(*c, QStringLiteral("volumes")), 0);

        auto ok = c->transaction([&]() -> cim::Result<void> {
            // A nested call joins the outer transaction.
            return c->transaction([&] {
                return c->upsertVolume({QStringLiteral("v1"), QStringLiteral("p1"),
                                        QStringLiteral("V"), QStringLiteral("v1.img"), 512, at(0)});
            });
        });
        QVERIFY(ok.ok());
        QCOMPARE(rowCount(*c, QStringLiteral("volumes")), 1);
    }

    void dataSurvivesReopen()
    {
        const JobRecord job = sampleJob(QStringLiteral("job-1"));
        const SyncRecord sync = sampleSync(QStringLiteral("sync-1"));
        const PoolRow pool{QStringLiteral("p1"), QStringLiteral("Pool"), QStringLiteral("/p")};
        const VolumeRow volume{QStringLiteral("v1"),
                               QStringLiteral("p1"),
                               QStringLiteral("Vol"),
                               QStringLiteral("v1.img"),
                               4096,
                               at(1)};
        {
            auto c = Catalog::open(file()).value();
            QVERIFY(c->upsertPool(pool).ok());
            QVERIFY(c->upsertVolume(volume).ok());
            QVERIFY(c->saveSync(sync).ok());
            QVERIFY(c->saveSyncState(sync.id, QByteArrayLiteral("state")).ok());
            QVERIFY(c->saveJob(job).ok());
        }
        auto c = Catalog::open(file());
        QVERIFY(c.ok());
        QCOMPARE(c.value()->schemaVersion(), Catalog::SchemaVersion);
        QCOMPARE(c.value()->pools().value(), QList<PoolRow>{pool});
        QCOMPARE(c.value()->volumes().value(), QList<VolumeRow>{volume});
        QCOMPARE(c.value()->loadSyncs().value(), QList<SyncRecord>{sync});
        QCOMPARE(c.value()->syncState(sync.id).value(), QByteArrayLiteral("state"));
        QCOMPARE(c.value()->loadJobs().value(), QList<JobRecord>{job});
    }

    void refusesANewerSchema()
    {
        {
            auto c = Catalog::open(file()).value();
            QSqlQuery q(QSqlDatabase::database(c->connectionName(), false));
            QVERIFY(q.exec(QStringLiteral("UPDATE schema_version SET version = 99")));
        }
        auto c = Catalog::open(file());
        QVERIFY(!c.ok());
        QCOMPARE(c.error().code, quint32(cim::ReturnCode::Failed));
        QVERIFY(c.error().message.contains(QStringLiteral("99")));
    }

    void reportsAnUnopenableFile()
    {
        auto c = Catalog::open(m_dir->filePath(QStringLiteral("no/such/dir/catalog.sqlite")));
        QVERIFY(!c.ok());
        QCOMPARE(c.error().code, quint32(cim::ReturnCode::Failed));
        QVERIFY(!c.error().message.isEmpty());
    }

private:
    QString file() const { return m_dir->filePath(QStringLiteral("catalog.sqlite")); }
    std::unique_ptr<QTemporaryDir> m_dir;
};

QTEST_GUILESS_MAIN(TestCatalog)
#include "tst_catalog.moc"
