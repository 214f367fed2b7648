// The engine's persistence on a real SQLite file: the database (WAL and durability settings,
// its own connection, transactions that roll back, per-module schema migrations and their
// bookkeeping) and every module's store (typed round trips of each table, restart persistence).
// A database the single-catalog releases made (schema version 3, built here by their SQL) opens
// with its data intact.

#include "db/database.h"
#include "jobs/sqljobstore.h"
#include "remote/peervolumestore.h"
#include "remote/remotecollectionstore.h"
#include "replication/sqlsyncstore.h"
#include "storage/poolstore.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace rd;
using namespace rd::engine;

namespace {

// The database and every module's store, opened in the order an Engine opens them.
struct Stores
{
    std::unique_ptr<Database> db;
    std::unique_ptr<PoolStore> pools;
    std::unique_ptr<SqlSyncStore> syncs;
    std::unique_ptr<SqlJobStore> jobs;
    std::unique_ptr<RemoteCollectionStore> collections;
    std::unique_ptr<PeerVolumeStore> peerVolumes;
};

template<class T>
cim::Result<void> take(cim::Result<std::unique_ptr<T>> opened, std::unique_ptr<T> &into)
{
    if (!opened)
        return opened.error();
    into = std::move(opened).value();
    return {};
}

cim::Result<std::unique_ptr<Stores>> openStores(const QString &file)
{
    auto s = std::make_unique<Stores>();
    if (auto r = take(Database::open(file), s->db); !r)
        return r.error();
    Database *db = s->db.get();
    if (auto r = take(PoolStore::open(db), s->pools); !r)
        return r.error();
    if (auto r = take(SqlSyncStore::open(db), s->syncs); !r)
        return r.error();
    if (auto r = take(SqlJobStore::open(db), s->jobs); !r)
        return r.error();
    if (auto r = take(RemoteCollectionStore::open(db), s->collections); !r)
        return r.error();
    if (auto r = take(PeerVolumeStore::open(db), s->peerVolumes); !r)
        return r.error();
    return s;
}

QVariant pragma(const Database &db, const QString &name)
{
    QSqlQuery q(db.connection());
    if (!q.exec(QStringLiteral("PRAGMA ") + name) || !q.next())
        return {};
    return q.value(0);
}

int rowCount(const Database &db, const QString &table)
{
    QSqlQuery q(db.connection());
    if (!q.exec(QStringLiteral("SELECT COUNT(*) FROM ") + table) || !q.next())
        return -1;
    return q.value(0).toInt();
}

bool hasTable(const Database &db, const QString &table)
{
    QSqlQuery q(db.connection());
    q.prepare(
        QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = ?"));
    q.addBindValue(table);
    return q.exec() && q.next() && q.value(0).toInt() == 1;
}

// Every table and index with the SQL that made it, except the per-module bookkeeping and the
// tables of steps made after the single catalog (catalogVersion 0), which its releases ignore.
QStringList schemaOf(const QString &file)
{
    QStringList out;
    const QString name = QStringLiteral("schema-of-") + file;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(file);
        if (db.open()) {
            QSqlQuery q(db);
            q.exec(QStringLiteral(
                "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE "
                "tbl_name NOT IN ('schema_migrations', 'image_stamps', 'image_watch') "
                "ORDER BY name"));
            while (q.next()) {
                out.append(q.value(0).toString() + u'|' + q.value(1).toString() + u'|' +
                           q.value(2).toString() + u'|' + q.value(3).toString());
            }
        }
    }
    QSqlDatabase::removeDatabase(name);
    return out;
}

// The single catalog's migrations, as the releases before per-module schemas ran them (version
// index -> index + 1). Copied from their source, never to be edited.
const char *const LegacyMigrations[] = {
    // 0 -> 1
    "CREATE TABLE pools ("
    " id TEXT PRIMARY KEY,"
    " name TEXT NOT NULL,"
    " directory TEXT NOT NULL UNIQUE);"
    "CREATE TABLE volumes ("
    " device_id TEXT PRIMARY KEY,"
    " pool_id TEXT NOT NULL REFERENCES pools(id) ON DELETE RESTRICT,"
    " element_name TEXT NOT NULL,"
    " file_name TEXT NOT NULL,"
    " size INTEGER NOT NULL CHECK (size > 0),"
    " created TEXT);"
    // No foreign keys to volumes: a synchronization's target may live on a remote system, and
    // a pair must outlive a volume deleted behind the engine's back long enough to report it.
    "CREATE TABLE synchronizations ("
    " id TEXT PRIMARY KEY,"
    " source_device_id TEXT NOT NULL,"
    " target_device_id TEXT NOT NULL,"
    " source_path TEXT,"
    " target_path TEXT,"
    " sync_type INTEGER NOT NULL,"
    " mode INTEGER NOT NULL,"
    " copy_state INTEGER NOT NULL,"
    " progress_status INTEGER NOT NULL,"
    " percent_synced INTEGER NOT NULL DEFAULT 0,"
    " when_established TEXT,"
    " when_synced TEXT,"
    " job_id TEXT,"
    " target_created INTEGER NOT NULL DEFAULT 0,"
    " state BLOB);"
    "CREATE TABLE jobs ("
    " instance_id TEXT PRIMARY KEY,"
    " kind TEXT NOT NULL,"
    " name TEXT,"
    " element_name TEXT,"
    " state INTEGER NOT NULL,"
    " percent_complete INTEGER NOT NULL DEFAULT 0,"
    " error_code INTEGER NOT NULL DEFAULT 0,"
    " error_description TEXT,"
    " error_type INTEGER NOT NULL DEFAULT 0,"
    " time_submitted TEXT,"
    " start_time TEXT,"
    " finish_time TEXT,"
    " time_of_last_state_change TEXT,"
    " time_before_removal_us INTEGER NOT NULL,"
    " delete_on_completion INTEGER NOT NULL,"
    " affected_elements TEXT,"
    " parameters BLOB,"
    " checkpoint BLOB);",
    // 1 -> 2: remote replication collections (engine/remote); access points as JSON arrays of
    // canonical paths, since they are only ever read and written with their collection.
    "CREATE TABLE remote_collections ("
    " instance_id TEXT PRIMARY KEY,"
    " element_name TEXT NOT NULL,"
    " active INTEGER NOT NULL,"
    " delete_on_unassociated INTEGER NOT NULL,"
    " remote_system TEXT,"
    " local_points TEXT NOT NULL,"
    " remote_points TEXT NOT NULL,"
    " connectivity INTEGER NOT NULL DEFAULT 0);",
    // 2 -> 3: peers' volumes this engine mirrors to (engine/remote/peervolumes): its own name for
    // each, the peer's path, and how its NBD export is reached.
    "CREATE TABLE peer_volumes ("
    " device_id TEXT PRIMARY KEY,"
    " path TEXT NOT NULL,"
    " element_name TEXT NOT NULL,"
    " size INTEGER NOT NULL,"
    " export_url TEXT NOT NULL,"
    " certificates TEXT NOT NULL);",
};

// What the single-catalog release left on disk at version (1 to 3), with a row in each table it
// had; false when SQLite refused a statement.
bool makeLegacyCatalog(const QString &file, int version)
{
    const QString name = QStringLiteral("legacy-") + file;
    bool ok = true;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(file);
        ok = db.open();
        QSqlQuery q(db);
        auto run = [&](const QString &sql) {
            if (ok && !sql.trimmed().isEmpty() && !q.exec(sql)) {
                qWarning() << sql << q.lastError().text();
                ok = false;
            }
        };
        run(QStringLiteral("PRAGMA journal_mode=WAL"));
        run(QStringLiteral("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)"));
        for (int v = 0; v < version; ++v) {
            for (const QString &s : QString::fromLatin1(LegacyMigrations[v]).split(u';'))
                run(s);
        }
        run(QStringLiteral("INSERT INTO schema_version (version) VALUES (%1)").arg(version));
        run(QStringLiteral("INSERT INTO pools VALUES ('p1', 'Pool', '/p')"));
        run(QStringLiteral("INSERT INTO volumes VALUES ('v1', 'p1', 'Vol', 'v1.img', 4096, "
                           "'2024-05-17T12:00:01.123Z')"));
        run(QStringLiteral("INSERT INTO synchronizations (id, source_device_id, target_device_id, "
                           "source_path, target_path, sync_type, mode, copy_state, "
                           "progress_status, percent_synced, when_established, when_synced, "
                           "job_id, target_created, state) VALUES ('s1', 'v1', 'v2', 'a:B', "
                           "'c:D', 6, 3, 4, 2, 100, '2024-05-17T12:00:00.123Z', NULL, 'job-1', "
                           "1, X'00ff')"));
        run(QStringLiteral("INSERT INTO jobs (instance_id, kind, name, element_name, state, "
                           "percent_complete, time_before_removal_us, delete_on_completion, "
                           "affected_elements) VALUES ('job-1', 'clone', 'CreateListReplica', "
                           "'Clone', 7, 100, 300000000, 0, '[\"a:B\"]')"));
        if (version >= 2) {
            run(QStringLiteral("INSERT INTO remote_collections VALUES ('rc1', 'To peer', 1, 0, "
                               "'peer:System', '[\"l:P\"]', '[\"r:S\",\"r:T\"]', 2)"));
        }
        if (version >= 3) {
            run(QStringLiteral("INSERT INTO peer_volumes VALUES ('peer:1', "
                               "'root/cimv2:Vol.DeviceID=\"d1\",SystemName=\"peer\"', 'Replica', "
                               "8192, 'nbds://peer:10809/d1', '/certs')"));
        }
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
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
        auto c = openStores(file());
        QVERIFY2(c.ok(), qPrintable(c.error().message));
        const Database &db = *c.value()->db;
        QCOMPARE(db.journalMode(), QStringLiteral("wal"));
        QCOMPARE(pragma(db, QStringLiteral("synchronous")).toInt(), 2); // FULL
        QCOMPARE(pragma(db, QStringLiteral("foreign_keys")).toInt(), 1);
        QCOMPARE(db.schemaVersion(), Database::CatalogSchemaVersion);
        QVERIFY(QFile::exists(file() + QStringLiteral("-wal")));
    }

    void catalogsHaveTheirOwnConnections()
    {
        auto a = openStores(file());
        auto b = openStores(m_dir->filePath(QStringLiteral("other.sqlite")));
        QVERIFY(a.ok() && b.ok());
        QVERIFY(a.value()->db->connectionName() != b.value()->db->connectionName());
        QVERIFY(a.value()
                    ->pools
                    ->upsertPool({QStringLiteral("p1"), QStringLiteral("A"), QStringLiteral("/a")})
                    .ok());
        QCOMPARE(a.value()->pools->pools().value().size(), 1);
        QCOMPARE(b.value()->pools->pools().value().size(), 0);
        const QString name = a.value()->db->connectionName();
        a.value().reset();
        QVERIFY(!QSqlDatabase::contains(name)); // removed with its database
    }

    void poolsAndVolumesRoundTrip()
    {
        auto s = openStores(file()).value();
        PoolStore *c = s->pools.get();
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
        auto s = openStores(file()).value();
        SqlSyncStore *c = s->syncs.get();
        SyncRecord r = sampleSync(QStringLiteral("sync-1"));
        QVERIFY(c->saveSync(r).ok());
        QCOMPARE(c->loadSyncs().value(), QList<SyncRecord>{r});

        const QByteArray dirty("\x00\xff\x10 dirty map", 13);
        QVERIFY(c->saveSyncState(r.id, dirty).ok());
        r.copyState = 4;
        r.percentSynced = 100;
        r.whenSynced = QDateTime();
        QVERIFY(c->saveSync(r).ok()); // an update keeps the state blob
        QCOMPARE(c->loadSyncs().value(), QList<SyncRecord>{r});
        QCOMPARE(c->syncState(r.id).value(), dirty);

        QCOMPARE(c->saveSyncState(QStringLiteral("nope"), dirty).error().code,
                 quint32(cim::ReturnCode::InvalidParameter));
        QVERIFY(!c->syncState(QStringLiteral("nope")).ok());
        QVERIFY(c->removeSync(r.id).ok());
        QVERIFY(c->loadSyncs().value().isEmpty());
    }

    void jobsRoundTrip()
    {
        auto s = openStores(file()).value();
        SqlJobStore *c = s->jobs.get();
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

    void remoteTablesRoundTrip()
    {
        auto s = openStores(file()).value();
        RemoteCollectionRecord rc;
        rc.instanceId = QStringLiteral("rc-1");
        rc.elementName = QStringLiteral("To peer");
        rc.deleteOnUnassociated = true;
        rc.remoteSystem = QStringLiteral("peer:System");
        rc.localPoints = {QStringLiteral("l:P")};
        rc.remotePoints = {QStringLiteral("r:S"), QStringLiteral("r:T")};
        rc.connectivity = ConnectivityStatus::Down;
        QVERIFY(s->collections->save(rc).ok());
        rc.active = false;
        QVERIFY(s->collections->save(rc).ok()); // updates by id
        QCOMPARE(s->collections->load().value(), QList<RemoteCollectionRecord>{rc});
        QVERIFY(s->collections->erase(rc.instanceId).ok());
        QVERIFY(s->collections->load().value().isEmpty());

        PeerVolumeRecord pv;
        pv.deviceId = QStringLiteral("peer:1");
        pv.path = cim::ObjectPath::fromString(
                      QStringLiteral("root/cimv2:Vol.DeviceID=\"d1\",SystemName=\"peer\""))
                      .value();
        pv.elementName = QStringLiteral("Replica");
        pv.size = 8192;
        pv.exportUrl = QUrl(QStringLiteral("nbds://peer:10809/d1"));
        pv.certificates = QStringLiteral("/certs");
        QVERIFY(s->peerVolumes->insert(pv).ok());
        QVERIFY(!s->peerVolumes->insert(pv).ok()); // one row per device ID
        const auto loaded = s->peerVolumes->load().value();
        QCOMPARE(loaded.size(), 1);
        QCOMPARE(loaded.first().path, pv.path);
        QCOMPARE(loaded.first().exportUrl, pv.exportUrl);
        QCOMPARE(loaded.first().size, pv.size);
        QVERIFY(s->peerVolumes->remove(pv.deviceId).ok());
        QVERIFY(s->peerVolumes->load().value().isEmpty());
    }

    void transactionsCommitOrRollBack()
    {
        auto s = openStores(file()).value();
        Database *db = s->db.get();
        PoolStore *c = s->pools.get();
        QVERIFY(
            c->upsertPool({QStringLiteral("p1"), QStringLiteral("P"), QStringLiteral("/p")}).ok());
        auto failed = db->transaction([&]() -> cim::Result<void> {
            if (auto r =
                    c->upsertVolume({QStringLiteral("v1"), QStringLiteral("p1"),
                                     QStringLiteral("V"), QStringLiteral("v1.img"), 512, at(0)});
                !r)
                return r;
            return cim::Error(cim::ReturnCode::Failed, QStringLiteral("file creation failed"));
        });
        QVERIFY(!failed.ok());
        QCOMPARE(failed.error().message, QStringLiteral("file creation failed"));
        QCOMPARE(rowCount(*db, QStringLiteral("volumes")), 0);

        auto ok = db->transaction([&]() -> cim::Result<void> {
            // A nested call joins the outer transaction.
            return c->transaction([&] {
                return c->upsertVolume({QStringLiteral("v1"), QStringLiteral("p1"),
                                        QStringLiteral("V"), QStringLiteral("v1.img"), 512, at(0)});
            });
        });
        QVERIFY(ok.ok());
        QCOMPARE(rowCount(*db, QStringLiteral("volumes")), 1);
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
            auto c = openStores(file()).value();
            QVERIFY(c->pools->upsertPool(pool).ok());
            QVERIFY(c->pools->upsertVolume(volume).ok());
            QVERIFY(c->syncs->saveSync(sync).ok());
            QVERIFY(c->syncs->saveSyncState(sync.id, QByteArrayLiteral("state")).ok());
            QVERIFY(c->jobs->saveJob(job).ok());
        }
        auto c = openStores(file());
        QVERIFY(c.ok());
        QCOMPARE(c.value()->db->schemaVersion(), Database::CatalogSchemaVersion);
        QCOMPARE(c.value()->pools->pools().value(), QList<PoolRow>{pool});
        QCOMPARE(c.value()->pools->volumes().value(), QList<VolumeRow>{volume});
        QCOMPARE(c.value()->syncs->loadSyncs().value(), QList<SyncRecord>{sync});
        QCOMPARE(c.value()->syncs->syncState(sync.id).value(), QByteArrayLiteral("state"));
        QCOMPARE(c.value()->jobs->loadJobs().value(), QList<JobRecord>{job});
    }

    void refusesANewerSchema()
    {
        {
            auto c = openStores(file()).value();
            QSqlQuery q(c->db->connection());
            QVERIFY(q.exec(QStringLiteral("UPDATE schema_version SET version = 99")));
        }
        auto c = openStores(file());
        QVERIFY(!c.ok());
        QCOMPARE(c.error().code, quint32(cim::ReturnCode::Failed));
        QVERIFY(c.error().message.contains(QStringLiteral("99")));
    }

    void reportsAnUnopenableFile()
    {
        auto c = openStores(m_dir->filePath(QStringLiteral("no/such/dir/catalog.sqlite")));
        QVERIFY(!c.ok());
        QCOMPARE(c.error().code, quint32(cim::ReturnCode::Failed));
        QVERIFY(!c.error().message.isEmpty());
    }

    // --- migration bookkeeping ------------------------------------------------------------

    // The tables a new database gets are the single catalog's, statement for statement, so the
    // releases before per-module schemas open it too (they read schema_version 3).
    void aNewDatabaseHasTheSingleCatalogsSchema()
    {
        const QString legacy = m_dir->filePath(QStringLiteral("legacy.sqlite"));
        QVERIFY(makeLegacyCatalog(legacy, 3));
        QVERIFY(openStores(file()).ok());
        const QStringList made = schemaOf(file());
        QCOMPARE(made.size(), schemaOf(legacy).size());
        QCOMPARE(made, schemaOf(legacy));
        QVERIFY(made.size() >= 7); // six tables and schema_version, with their indexes
    }

    void opensADatabaseTheSingleCatalogMade()
    {
        QVERIFY(makeLegacyCatalog(file(), 3));
        const QStringList before = schemaOf(file());
        for (int round = 0; round < 2; ++round) { // recognised, then as recorded
            auto opened = openStores(file());
            QVERIFY2(opened.ok(), qPrintable(opened.error().message));
            const Stores &s = *opened.value();
            QCOMPARE(s.db->schemaVersion(), 3);
            for (const char *module : {"replication", "jobs", "remote-collections", "peer-volumes"})
                QCOMPARE(s.db->moduleVersion(QString::fromLatin1(module)), 1);
            // Storage's image stamps (step 2) came after the single catalog.
            QCOMPARE(s.db->moduleVersion(QStringLiteral("storage")), 2);

            QCOMPARE(s.pools->pools().value(),
                     (QList<PoolRow>{
                         {QStringLiteral("p1"), QStringLiteral("Pool"), QStringLiteral("/p")}}));
            const auto volumes = s.pools->volumes().value();
            QCOMPARE(volumes.size(), 1);
            QCOMPARE(volumes.first().size, 4096u);
            QCOMPARE(volumes.first().created, at(1));
            const auto syncs = s.syncs->loadSyncs().value();
            QCOMPARE(syncs.size(), 1);
            QCOMPARE(syncs.first().syncType, quint16(6));
            QCOMPARE(syncs.first().whenEstablished, at(0));
            QVERIFY(syncs.first().targetCreated);
            QCOMPARE(s.syncs->syncState(QStringLiteral("s1")).value(), QByteArray("\x00\xff", 2));
            const auto jobs = s.jobs->loadJobs().value();
            QCOMPARE(jobs.size(), 1);
            QCOMPARE(jobs.first().affectedElements, QStringList{QStringLiteral("a:B")});
            QCOMPARE(jobs.first().timeBeforeRemovalUs, 300000000u);
            const auto collections = s.collections->load().value();
            QCOMPARE(collections.size(), 1);
            QCOMPARE(collections.first().remotePoints,
                     (QStringList{QStringLiteral("r:S"), QStringLiteral("r:T")}));
            QCOMPARE(collections.first().connectivity, ConnectivityStatus::Up);
            const auto peerVolumes = s.peerVolumes->load().value();
            QCOMPARE(peerVolumes.size(), 1);
            QCOMPARE(peerVolumes.first().exportUrl, QUrl(QStringLiteral("nbds://peer:10809/d1")));
        }
        QCOMPARE(schemaOf(file()), before); // no table touched

        // A step a module adds later runs on top of what the single catalog made.
        auto s = openStores(file()).value();
        Schema storage = PoolStore::schema();
        storage.migrations.append({3, QStringLiteral("CREATE TABLE pool_notes (note TEXT)"), 0});
        QVERIFY(s->db->migrate(storage).ok());
        QCOMPARE(s->db->moduleVersion(QStringLiteral("storage")), 3);
        QVERIFY(hasTable(*s->db, QStringLiteral("pool_notes")));
        QCOMPARE(s->db->schemaVersion(), 3);
    }

    // A release before remote replication (schema 1): the remote tables are added, nothing else.
    void upgradesAnOlderSingleCatalog()
    {
        QVERIFY(makeLegacyCatalog(file(), 1));
        auto opened = openStores(file());
        QVERIFY2(opened.ok(), qPrintable(opened.error().message));
        const Stores &s = *opened.value();
        QCOMPARE(s.db->schemaVersion(), 3);
        QCOMPARE(s.pools->pools().value().size(), 1);
        QCOMPARE(s.jobs->loadJobs().value().size(), 1);
        QVERIFY(s.collections->load().value().isEmpty());
        QVERIFY(s.peerVolumes->load().value().isEmpty());
        QCOMPARE(schemaOf(file()), [&] {
            const QString legacy = m_dir->filePath(QStringLiteral("legacy.sqlite"));
            return makeLegacyCatalog(legacy, 3) ? schemaOf(legacy) : QStringList();
        }());
    }

    // A module opened on a database made without it gets its tables then, whatever the others'
    // versions.
    void aModuleRegisteredLaterGetsItsTables()
    {
        {
            auto db = Database::open(file()).value();
            QVERIFY(PoolStore::open(db.get()).ok());
            QCOMPARE(db->moduleVersion(QStringLiteral("storage")), 2);
            QVERIFY(!hasTable(*db, QStringLiteral("synchronizations")));
        }
        auto s = openStores(file());
        QVERIFY2(s.ok(), qPrintable(s.error().message));
        QVERIFY(s.value()->syncs->saveSync(sampleSync(QStringLiteral("sync-1"))).ok());
        QCOMPARE(s.value()->db->moduleVersion(QStringLiteral("replication")), 1);
        QCOMPARE(s.value()->db->schemaVersion(), Database::CatalogSchemaVersion);
    }

    // A step that fails leaves no trace: its statements and its bookkeeping roll back together,
    // the steps before it stay, and the same step runs on the next try once it can.
    void aFailedMigrationRollsBack()
    {
        auto s = openStores(file()).value();
        Database *db = s->db.get();
        QVERIFY(
            s->pools->upsertPool({QStringLiteral("p1"), QStringLiteral("P"), QStringLiteral("/p")})
                .ok());
        Schema test{QStringLiteral("test"),
                    {{1, QStringLiteral("CREATE TABLE t1 (x INTEGER)"), 0},
                     {2,
                      QStringLiteral("CREATE TABLE t2 (x INTEGER); INSERT INTO t1 VALUES (1); "
                                     "DELETE FROM pools; INSERT INTO no_such_table VALUES (1)"),
                      0}}};
        auto failed = db->migrate(test);
        QVERIFY(!failed.ok());
        QCOMPARE(failed.error().code, quint32(cim::ReturnCode::Failed));
        QVERIFY(failed.error().message.contains(QStringLiteral("no_such_table")));
        QCOMPARE(db->moduleVersion(QStringLiteral("test")), 1);
        QVERIFY(hasTable(*db, QStringLiteral("t1")));
        QVERIFY(!hasTable(*db, QStringLiteral("t2")));
        QCOMPARE(rowCount(*db, QStringLiteral("t1")), 0);
        QCOMPARE(rowCount(*db, QStringLiteral("pools")), 1);
        QCOMPARE(db->schemaVersion(), Database::CatalogSchemaVersion);

        test.migrations[1].statements = QStringLiteral("CREATE TABLE t2 (x INTEGER)");
        QVERIFY(db->migrate(test).ok());
        QCOMPARE(db->moduleVersion(QStringLiteral("test")), 2);
        QVERIFY(hasTable(*db, QStringLiteral("t2")));
    }

    // A failing step of one module makes the whole open fail, and the database stays as it was.
    void aFailedMigrationFailsTheOpen()
    {
        QVERIFY(makeLegacyCatalog(file(), 1));
        {
            // Something in the way of the second step of the single catalog.
            QSqlDatabase db =
                QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("x"));
            db.setDatabaseName(file());
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("CREATE VIEW remote_collections AS SELECT 1")));
        }
        QSqlDatabase::removeDatabase(QStringLiteral("x"));
        auto opened = openStores(file());
        QVERIFY(!opened.ok());
        QVERIFY(opened.error().message.contains(QStringLiteral("remote_collections")));
        auto db = Database::open(file()).value();
        QCOMPARE(db->schemaVersion(), 1);
        QCOMPARE(db->moduleVersion(QStringLiteral("remote-collections")), 0);
        // Recognised before, and its own later step (the image stamps) ran in its own migrate.
        QCOMPARE(db->moduleVersion(QStringLiteral("storage")), 2);
        QVERIFY(!hasTable(*db, QStringLiteral("peer_volumes")));
    }

    void refusesAModuleNewerThanItsSteps()
    {
        {
            auto c = openStores(file()).value();
            QSqlQuery q(c->db->connection());
            QVERIFY(q.exec(QStringLiteral(
                "UPDATE schema_migrations SET version = 7 WHERE module = 'replication'")));
        }
        auto c = openStores(file());
        QVERIFY(!c.ok());
        QCOMPARE(c.error().code, quint32(cim::ReturnCode::Failed));
        QVERIFY(c.error().message.contains(QStringLiteral("replication")));
        QVERIFY(c.error().message.contains(QStringLiteral("7")));
    }

    void stepsAreNumberedFromOne()
    {
        auto db = Database::open(file()).value();
        auto r = db->migrate({QStringLiteral("gap"),
                              {{1, QStringLiteral("CREATE TABLE g1 (x)"), 0},
                               {3, QStringLiteral("CREATE TABLE g3 (x)"), 0}}});
        QVERIFY(!r.ok());
        QVERIFY(!hasTable(*db, QStringLiteral("g1")));
        QCOMPARE(db->moduleVersion(QStringLiteral("gap")), 0);
    }

private:
    QString file() const { return m_dir->filePath(QStringLiteral("catalog.sqlite")); }
    std::unique_ptr<QTemporaryDir> m_dir;
};

QTEST_GUILESS_MAIN(TestCatalog)
#include "tst_catalog.moc"
