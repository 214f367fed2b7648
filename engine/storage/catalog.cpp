#include "catalog.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <QVariant>

namespace rd::engine {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("rd::engine", text);
}

cim::Error sqlError(const QSqlError &error)
{
    return cim::Error(cim::ReturnCode::Failed,
                      tr("The catalog could not be updated or read: %1.").arg(error.text()));
}

// Timestamps as UTC ISO text with milliseconds: sortable, readable with the sqlite3 tool, exact
// to what QDateTime keeps. A null QDateTime is SQL NULL.
QVariant toSql(const QDateTime &t)
{
    return t.isValid() ? QVariant(t.toUTC().toString(Qt::ISODateWithMs)) : QVariant();
}

QDateTime dateFromSql(const QVariant &v)
{
    if (v.isNull())
        return {};
    QDateTime t = QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
    t.setTimeSpec(Qt::UTC);
    return t;
}

// SQLite integers are signed 64-bit; every unsigned figure the catalog keeps (sizes, intervals
// in microseconds) stays below 2^63.
QVariant toSql(quint64 v)
{
    return QVariant(qint64(v));
}

// Each migration takes the schema from version index to index + 1. Append, never edit: a
// catalog on disk has run every step up to its recorded version.
const char *const Migrations[] = {
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
constexpr int MigrationCount = int(std::size(Migrations));
static_assert(MigrationCount == Catalog::SchemaVersion, "one migration per schema version");

} // namespace

Catalog::Catalog(QString filePath, QString connectionName)
    : m_filePath(std::move(filePath))
    , m_connectionName(std::move(connectionName))
{}

Catalog::~Catalog()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        db.close();
    } // the handle must be gone before the connection is removed
    QSqlDatabase::removeDatabase(m_connectionName);
}

cim::Result<std::unique_ptr<Catalog>> Catalog::open(const QString &filePath)
{
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QSQLITE"))) {
        return cim::Error(cim::ReturnCode::Failed,
                          tr("The SQLite driver for Qt SQL (QSQLITE) is not installed."));
    }
    // A connection per Catalog: Qt SQL connections are process-global by name, and several
    // engines (tests, a console with a local and a restarted engine) may run in one process.
    const QString name =
        QStringLiteral("rd-catalog-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    std::unique_ptr<Catalog> catalog(new Catalog(filePath, name));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(filePath);
        if (!db.open()) {
            return cim::Error(cim::ReturnCode::Failed,
                              tr("Cannot open the catalog %1: %2.")
                                  .arg(QDir::toNativeSeparators(filePath), db.lastError().text()));
        }
    }
    if (auto r = catalog->configure(); !r)
        return r.error();
    if (auto r = catalog->migrate(); !r)
        return r.error();
    return catalog;
}

cim::Result<void> Catalog::configure()
{
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    // WAL: readers (the console's views) never block the writer, and a crash mid-write leaves
    // the last committed state intact.
    if (!q.exec(QStringLiteral("PRAGMA journal_mode=WAL")) || !q.next() ||
        q.value(0).toString().compare(u"wal", Qt::CaseInsensitive) != 0) {
        return cim::Error(cim::ReturnCode::Failed,
                          tr("Cannot switch the catalog %1 to write-ahead logging: %2.")
                              .arg(QDir::toNativeSeparators(m_filePath), q.lastError().text()));
    }
    // synchronous=FULL: in WAL mode NORMAL may lose the last commits on power loss. The catalog
    // records facts that already hold outside it (an image file created, a job the client was
    // told about with 4096), so a commit must be on disk before the engine answers.
    // foreign_keys: SQLite leaves them off per connection unless asked.
    // busy_timeout: a second engine process (a restarted child) may hold the lock briefly.
    for (const auto *pragma :
         {"PRAGMA synchronous=FULL", "PRAGMA foreign_keys=ON", "PRAGMA busy_timeout=5000"}) {
        if (!q.exec(QString::fromLatin1(pragma)))
            return sqlError(q.lastError());
    }
    return {};
}

cim::Result<void> Catalog::migrate()
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT "
                               "NULL)")))
        return sqlError(q.lastError());
    int version = schemaVersion();
    if (version > SchemaVersion) {
        return cim::Error(cim::ReturnCode::Failed,
                          tr("The catalog %1 was written by a newer ReplicaDesk (schema %2; this "
                             "version knows up to %3).")
                              .arg(QDir::toNativeSeparators(m_filePath))
                              .arg(version)
                              .arg(SchemaVersion));
    }
    for (; version < SchemaVersion; ++version) {
        auto step = transaction([&]() -> cim::Result<void> {
            // QSqlQuery runs one statement at a time: split the migration on ';'.
            const QStringList statements = QString::fromLatin1(Migrations[version])
                                               .split(QLatin1Char(';'), Qt::SkipEmptyParts);
            QSqlQuery m(db);
            for (const QString &statement : statements) {
                if (!statement.trimmed().isEmpty() && !m.exec(statement))
                    return sqlError(m.lastError());
            }
            if (!m.exec(QStringLiteral("DELETE FROM schema_version")))
                return sqlError(m.lastError());
            m.prepare(QStringLiteral("INSERT INTO schema_version (version) VALUES (?)"));
            m.addBindValue(version + 1);
            if (!m.exec())
                return sqlError(m.lastError());
            return {};
        });
        if (!step)
            return step;
    }
    return {};
}

int Catalog::schemaVersion() const
{
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    if (q.exec(QStringLiteral("SELECT version FROM schema_version")) && q.next())
        return q.value(0).toInt();
    return 0;
}

QString Catalog::journalMode() const
{
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    if (q.exec(QStringLiteral("PRAGMA journal_mode")) && q.next())
        return q.value(0).toString();
    return {};
}

cim::Result<void> Catalog::transaction(const std::function<cim::Result<void>()> &body)
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    if (m_inTransaction)
        return body(); // part of the outer transaction
    if (!db.transaction())
        return sqlError(db.lastError());
    m_inTransaction = true;
    cim::Result<void> result = body();
    m_inTransaction = false;
    if (!result) {
        db.rollback();
        return result;
    }
    if (!db.commit()) {
        const QSqlError error = db.lastError();
        db.rollback();
        return sqlError(error);
    }
    return {};
}

// --- pools ---------------------------------------------------------------------------------

cim::Result<void> Catalog::upsertPool(const PoolRow &row)
{
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    q.prepare(QStringLiteral("INSERT INTO pools (id, name, directory) VALUES (?, ?, ?) "
                             "ON CONFLICT(id) DO UPDATE SET name = excluded.name, "
                             "directory = excluded.directory"));
    q.addBindValue(row.id);
    q.addBindValue(row.name);
    q.addBindValue(row.directory);
    if (!q.exec())
        return sqlError(q.lastError());
    return {};
}

cim::Result<void> Catalog::deletePool(const QString &id)
{
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    q.prepare(QStringLiteral("SELECT COUNT(*) FROM volumes WHERE pool_id = ?"));
    q.addBindValue(id);
    if (!q.exec() || !q.next())
        return sqlError(q.lastError());
    if (q.value(0).toInt() > 0) {
        return cim::Error(cim::ReturnCode::InUse, tr("The pool %1 still holds volumes.").arg(id));
    }
    q.prepare(QStringLiteral("DELETE FROM pools WHERE id = ?"));
    q.addBindValue(id);
    if (!q.exec())
        return sqlError(q.lastError());
    return {};
}

cim::Result<QList<PoolRow>> Catalog::pools() const
{
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    if (!q.exec(QStringLiteral("SELECT id, name, directory FROM pools ORDER BY rowid")))
        return sqlError(q.lastError());
    QList<PoolRow> rows;
    while (q.next())
        rows.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toString()});
    return rows;
}

// --- volumes -------------------------------------------------------------------------------

cim::Result<void> Catalog::upsertVolume(const VolumeRow &row)
{
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    q.prepare(QStringLiteral(
        "INSERT INTO volumes (device_id, pool_id, element_name, file_name, size, created) "
        "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(device_id) DO UPDATE SET "
        "pool_id = excluded.pool_id, element_name = excluded.element_name, "
        "file_name = excluded.file_name, size = excluded.size, created = excluded.created"));
    q.addBindValue(row.deviceId);
    q.addBindValue(row.poolId);
    q.addBindValue(row.elementName);
    q.addBindValue(row.fileName);
    q.addBindValue(toSql(row.size));
    q.addBindValue(toSql(row.created));
    if (!q.exec())
        return sqlError(q.lastError());
    return {};
}

cim::Result<void> Catalog::deleteVolume(const QString &deviceId)
{
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    q.prepare(QStringLiteral("DELETE FROM volumes WHERE device_id = ?"));
    q.addBindValue(deviceId);
    if (!q.exec())
        return sqlError(q.lastError());
    return {};
}

namespace {
constexpr auto VolumeColumns = "device_id, pool_id, element_name, file_name, size, created";

VolumeRow volumeFrom(const QSqlQuery &q)
{
    return {q.value(0).toString(),
            q.value(1).toString(),
            q.value(2).toString(),
            q.value(3).toString(),
            quint64(q.value(4).toLongLong()),
            dateFromSql(q.value(5))};
}
} // namespace

cim::Result<QList<VolumeRow>> Catalog::volumes() const
{
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    if (!q.exec(QStringLiteral("SELECT %1 FROM volumes ORDER BY rowid")
                    .arg(QLatin1String(VolumeColumns))))
        return sqlError(q.lastError());
    QList<VolumeRow> rows;
    while (q.next())
        rows.append(volumeFrom(q));
    return rows;
}

cim::Result<std::optional<VolumeRow>> Catalog::volume(const QString &deviceId) const
{
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    q.prepare(QStringLiteral("SELECT %1 FROM volumes WHERE device_id = ?")
                  .arg(QLatin1String(VolumeColumns)));
    q.addBindValue(deviceId);
    if (!q.exec())
        return sqlError(q.lastError());
    if (!q.next())
        return std::optional<VolumeRow>();
    return std::optional<VolumeRow>(volumeFrom(q));
}

// --- synchronizations ----------------------------------------------------------------------

cim::Result<void> Catalog::saveSync(const SyncRecord &r)
{
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    // An upsert, not INSERT OR REPLACE: replacing would drop the row's state blob.
    q.prepare(QStringLiteral(
        "INSERT INTO synchronizations (id, source_device_id, target_device_id, source_path, "
        "target_path, sync_type, mode, copy_state, progress_status, percent_synced, "
        "when_established, when_synced, job_id, target_created) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET "
        "source_device_id = excluded.source_device_id, "
        "target_device_id = excluded.target_device_id, source_path = excluded.source_path, "
        "target_path = excluded.target_path, sync_type = excluded.sync_type, "
        "mode = excluded.mode, copy_state = excluded.copy_state, "
        "progress_status = excluded.progress_status, percent_synced = excluded.percent_synced, "
        "when_established = excluded.when_established, when_synced = excluded.when_synced, "
        "job_id = excluded.job_id, target_created = excluded.target_created"));
    q.addBindValue(r.id);
    q.addBindValue(r.sourceDeviceId);
    q.addBindValue(r.targetDeviceId);
    q.addBindValue(r.sourcePath);
    q.addBindValue(r.targetPath);
    q.addBindValue(int(r.syncType));
    q.addBindValue(int(r.mode));
    q.addBindValue(int(r.copyState));
    q.addBindValue(int(r.progressStatus));
    q.addBindValue(int(r.percentSynced));
    q.addBindValue(toSql(r.whenEstablished));
    q.addBindValue(toSql(r.whenSynced));
    q.addBindValue(r.jobId);
    q.addBindValue(r.targetCreated ? 1 : 0);
    if (!q.exec())
        return sqlError(q.lastError());
    return {};
}

cim::Result<void> Catalog::removeSync(const QString &id)
{
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    q.prepare(QStringLiteral("DELETE FROM synchronizations WHERE id = ?"));
    q.addBindValue(id);
    if (!q.exec())
        return sqlError(q.lastError());
    return {};
}

cim::Result<QList<SyncRecord>> Catalog::loadSyncs()
{
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    if (!q.exec(QStringLiteral(
            "SELECT id, source_device_id, target_device_id, source_path, target_path, sync_type, "
            "mode, copy_state, progress_status, percent_synced, when_established, when_synced, "
            "job_id, target_created FROM synchronizations ORDER BY rowid")))
        return sqlError(q.lastError());
    QList<SyncRecord> records;
    while (q.next()) {
        SyncRecord r;
        r.id = q.value(0).toString();
        r.sourceDeviceId = q.value(1).toString();
        r.targetDeviceId = q.value(2).toString();
        r.sourcePath = q.value(3).toString();
        r.targetPath = q.value(4).toString();
        r.syncType = quint16(q.value(5).toUInt());
        r.mode = quint16(q.value(6).toUInt());
        r.copyState = quint16(q.value(7).toUInt());
        r.progressStatus = quint16(q.value(8).toUInt());
        r.percentSynced = quint16(q.value(9).toUInt());
        r.whenEstablished = dateFromSql(q.value(10));
        r.whenSynced = dateFromSql(q.value(11));
        r.jobId = q.value(12).toString();
        r.targetCreated = q.value(13).toInt() != 0;
        records.append(r);
    }
    return records;
}

cim::Result<void> Catalog::saveSyncState(const QString &id, const QByteArray &state)
{
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    q.prepare(QStringLiteral("UPDATE synchronizations SET state = ? WHERE id = ?"));
    q.addBindValue(state);
    q.addBindValue(id);
    if (!q.exec())
        return sqlError(q.lastError());
    if (q.numRowsAffected() != 1) {
        return cim::Error(cim::ReturnCode::InvalidParameter,
                          tr("There is no synchronization %1 in the catalog.").arg(id));
    }
    return {};
}

cim::Result<QByteArray> Catalog::syncState(const QString &id) const
{
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    q.prepare(QStringLiteral("SELECT state FROM synchronizations WHERE id = ?"));
    q.addBindValue(id);
    if (!q.exec())
        return sqlError(q.lastError());
    if (!q.next()) {
        return cim::Error(cim::ReturnCode::InvalidParameter,
                          tr("There is no synchronization %1 in the catalog.").arg(id));
    }
    return q.value(0).toByteArray();
}

// --- jobs ----------------------------------------------------------------------------------

cim::Result<void> Catalog::saveJob(const JobRecord &r)
{
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    q.prepare(QStringLiteral(
        "INSERT OR REPLACE INTO jobs (instance_id, kind, name, element_name, state, "
        "percent_complete, error_code, error_description, error_type, time_submitted, "
        "start_time, finish_time, time_of_last_state_change, time_before_removal_us, "
        "delete_on_completion, affected_elements, parameters, checkpoint) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(r.instanceId);
    q.addBindValue(r.kind);
    q.addBindValue(r.name);
    q.addBindValue(r.elementName);
    q.addBindValue(int(r.state));
    q.addBindValue(int(r.percentComplete));
    q.addBindValue(qint64(r.errorCode));
    q.addBindValue(r.errorDescription);
    q.addBindValue(int(r.errorType));
    q.addBindValue(toSql(r.timeSubmitted));
    q.addBindValue(toSql(r.startTime));
    q.addBindValue(toSql(r.finishTime));
    q.addBindValue(toSql(r.timeOfLastStateChange));
    q.addBindValue(toSql(r.timeBeforeRemovalUs));
    q.addBindValue(r.deleteOnCompletion ? 1 : 0);
    q.addBindValue(QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(r.affectedElements))
                                         .toJson(QJsonDocument::Compact)));
    // Explicit empty-vs-null: a QByteArray() binds as NULL, which reads back as an empty array.
    q.addBindValue(r.parameters);
    q.addBindValue(r.checkpoint);
    if (!q.exec())
        return sqlError(q.lastError());
    return {};
}

cim::Result<void> Catalog::removeJob(const QString &instanceId)
{
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    q.prepare(QStringLiteral("DELETE FROM jobs WHERE instance_id = ?"));
    q.addBindValue(instanceId);
    if (!q.exec())
        return sqlError(q.lastError());
    return {};
}

cim::Result<QList<JobRecord>> Catalog::loadJobs()
{
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    if (!q.exec(QStringLiteral(
            "SELECT instance_id, kind, name, element_name, state, percent_complete, error_code, "
            "error_description, error_type, time_submitted, start_time, finish_time, "
            "time_of_last_state_change, time_before_removal_us, delete_on_completion, "
            "affected_elements, parameters, checkpoint FROM jobs ORDER BY rowid")))
        return sqlError(q.lastError());
    QList<JobRecord> records;
    while (q.next()) {
        JobRecord r;
        r.instanceId = q.value(0).toString();
        r.kind = q.value(1).toString();
        r.name = q.value(2).toString();
        r.elementName = q.value(3).toString();
        r.state = quint16(q.value(4).toUInt());
        r.percentComplete = quint16(q.value(5).toUInt());
        r.errorCode = quint32(q.value(6).toLongLong());
        r.errorDescription = q.value(7).toString();
        r.errorType = quint16(q.value(8).toUInt());
        r.timeSubmitted = dateFromSql(q.value(9));
        r.startTime = dateFromSql(q.value(10));
        r.finishTime = dateFromSql(q.value(11));
        r.timeOfLastStateChange = dateFromSql(q.value(12));
        r.timeBeforeRemovalUs = quint64(q.value(13).toLongLong());
        r.deleteOnCompletion = q.value(14).toInt() != 0;
        const QJsonArray affected =
            QJsonDocument::fromJson(q.value(15).toString().toUtf8()).array();
        for (const auto &v : affected)
            r.affectedElements.append(v.toString());
        r.parameters = q.value(16).toByteArray();
        r.checkpoint = q.value(17).toByteArray();
        records.append(r);
    }
    return records;
}

} // namespace rd::engine
