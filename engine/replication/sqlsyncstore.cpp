#include "sqlsyncstore.h"

#include "db/sqlvalues.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>

namespace rd::engine {

using sql::dateFromSql;
using sql::toSql;

namespace {
cim::Error noSuchSync(const QString &id)
{
    return cim::Error(
        cim::ReturnCode::InvalidParameter,
        QCoreApplication::translate("rd::engine", "There is no synchronization %1 in the catalog.")
            .arg(id));
}
} // namespace

Schema SqlSyncStore::schema()
{
    return {QStringLiteral("replication"),
            {
                // Part of the single catalog's first step. No foreign keys to volumes: a
                // synchronization's target may live on a remote system, and a pair must outlive a
                // volume deleted behind the engine's back long enough to report it.
                {1,
                 QStringLiteral("CREATE TABLE synchronizations ("
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
                                " state BLOB);"),
                 1},
            }};
}

cim::Result<std::unique_ptr<SqlSyncStore>> SqlSyncStore::open(Database *database)
{
    if (auto r = database->migrate(schema()); !r)
        return r.error();
    return std::unique_ptr<SqlSyncStore>(new SqlSyncStore(database));
}

cim::Result<void> SqlSyncStore::saveSync(const SyncRecord &r)
{
    QSqlQuery q(m_database->connection());
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
        return Database::error(q.lastError());
    return {};
}

cim::Result<void> SqlSyncStore::removeSync(const QString &id)
{
    QSqlQuery q(m_database->connection());
    q.prepare(QStringLiteral("DELETE FROM synchronizations WHERE id = ?"));
    q.addBindValue(id);
    if (!q.exec())
        return Database::error(q.lastError());
    return {};
}

cim::Result<QList<SyncRecord>> SqlSyncStore::loadSyncs()
{
    QSqlQuery q(m_database->connection());
    if (!q.exec(QStringLiteral(
            "SELECT id, source_device_id, target_device_id, source_path, target_path, sync_type, "
            "mode, copy_state, progress_status, percent_synced, when_established, when_synced, "
            "job_id, target_created FROM synchronizations ORDER BY rowid")))
        return Database::error(q.lastError());
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

cim::Result<void> SqlSyncStore::saveSyncState(const QString &id, const QByteArray &state)
{
    QSqlQuery q(m_database->connection());
    q.prepare(QStringLiteral("UPDATE synchronizations SET state = ? WHERE id = ?"));
    q.addBindValue(state);
    q.addBindValue(id);
    if (!q.exec())
        return Database::error(q.lastError());
    if (q.numRowsAffected() != 1)
        return noSuchSync(id);
    return {};
}

cim::Result<QByteArray> SqlSyncStore::syncState(const QString &id) const
{
    QSqlQuery q(m_database->connection());
    q.prepare(QStringLiteral("SELECT state FROM synchronizations WHERE id = ?"));
    q.addBindValue(id);
    if (!q.exec())
        return Database::error(q.lastError());
    if (!q.next())
        return noSuchSync(id);
    return q.value(0).toByteArray();
}

} // namespace rd::engine
