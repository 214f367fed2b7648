#include "poolstore.h"

#include "db/sqlvalues.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>

namespace rd::engine {

using sql::dateFromSql;
using sql::toSql;

Schema PoolStore::schema()
{
    return {QStringLiteral("storage"),
            {
                // Part of the single catalog's first step, together with synchronizations and jobs.
                {1,
                 QStringLiteral("CREATE TABLE pools ("
                                " id TEXT PRIMARY KEY,"
                                " name TEXT NOT NULL,"
                                " directory TEXT NOT NULL UNIQUE);"
                                "CREATE TABLE volumes ("
                                " device_id TEXT PRIMARY KEY,"
                                " pool_id TEXT NOT NULL REFERENCES pools(id) ON DELETE RESTRICT,"
                                " element_name TEXT NOT NULL,"
                                " file_name TEXT NOT NULL,"
                                " size INTEGER NOT NULL CHECK (size > 0),"
                                " created TEXT);"),
                 1},
                // What the engine last left in each image, to tell a change made around it (a
                // user writing the pool folder) from its own writes, across restarts too.
                {2,
                 QStringLiteral("CREATE TABLE image_stamps ("
                                " device_id TEXT PRIMARY KEY"
                                "  REFERENCES volumes(device_id) ON DELETE CASCADE,"
                                " size INTEGER NOT NULL,"
                                " mtime_ns INTEGER NOT NULL,"
                                " inode INTEGER NOT NULL,"
                                " device INTEGER NOT NULL,"
                                " changed_outside INTEGER NOT NULL DEFAULT 0);"
                                "CREATE TABLE image_watch ("
                                " id INTEGER PRIMARY KEY CHECK (id = 1),"
                                " alive_ns INTEGER NOT NULL,"
                                " clean INTEGER NOT NULL);"),
                 0},
            }};
}

cim::Result<std::unique_ptr<PoolStore>> PoolStore::open(Database *database)
{
    if (auto r = database->migrate(schema()); !r)
        return r.error();
    return std::unique_ptr<PoolStore>(new PoolStore(database));
}

cim::Result<void> PoolStore::upsertPool(const PoolRow &row)
{
    QSqlQuery q(m_database->connection());
    q.prepare(QStringLiteral("INSERT INTO pools (id, name, directory) VALUES (?, ?, ?) "
                             "ON CONFLICT(id) DO UPDATE SET name = excluded.name, "
                             "directory = excluded.directory"));
    q.addBindValue(row.id);
    q.addBindValue(row.name);
    q.addBindValue(row.directory);
    if (!q.exec())
        return Database::error(q.lastError());
    return {};
}

cim::Result<void> PoolStore::deletePool(const QString &id)
{
    QSqlQuery q(m_database->connection());
    q.prepare(QStringLiteral("SELECT COUNT(*) FROM volumes WHERE pool_id = ?"));
    q.addBindValue(id);
    if (!q.exec() || !q.next())
        return Database::error(q.lastError());
    if (q.value(0).toInt() > 0) {
        return cim::Error(
            cim::ReturnCode::InUse,
            QCoreApplication::translate("rd::engine", "The pool %1 still holds volumes.").arg(id));
    }
    q.prepare(QStringLiteral("DELETE FROM pools WHERE id = ?"));
    q.addBindValue(id);
    if (!q.exec())
        return Database::error(q.lastError());
    return {};
}

cim::Result<QList<PoolRow>> PoolStore::pools() const
{
    QSqlQuery q(m_database->connection());
    if (!q.exec(QStringLiteral("SELECT id, name, directory FROM pools ORDER BY rowid")))
        return Database::error(q.lastError());
    QList<PoolRow> rows;
    while (q.next())
        rows.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toString()});
    return rows;
}

cim::Result<void> PoolStore::upsertVolume(const VolumeRow &row)
{
    QSqlQuery q(m_database->connection());
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
        return Database::error(q.lastError());
    return {};
}

cim::Result<void> PoolStore::deleteVolume(const QString &deviceId)
{
    QSqlQuery q(m_database->connection());
    q.prepare(QStringLiteral("DELETE FROM volumes WHERE device_id = ?"));
    q.addBindValue(deviceId);
    if (!q.exec())
        return Database::error(q.lastError());
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

cim::Result<QList<VolumeRow>> PoolStore::volumes() const
{
    QSqlQuery q(m_database->connection());
    if (!q.exec(QStringLiteral("SELECT %1 FROM volumes ORDER BY rowid")
                    .arg(QLatin1String(VolumeColumns))))
        return Database::error(q.lastError());
    QList<VolumeRow> rows;
    while (q.next())
        rows.append(volumeFrom(q));
    return rows;
}

cim::Result<std::optional<VolumeRow>> PoolStore::volume(const QString &deviceId) const
{
    QSqlQuery q(m_database->connection());
    q.prepare(QStringLiteral("SELECT %1 FROM volumes WHERE device_id = ?")
                  .arg(QLatin1String(VolumeColumns)));
    q.addBindValue(deviceId);
    if (!q.exec())
        return Database::error(q.lastError());
    if (!q.next())
        return std::optional<VolumeRow>();
    return std::optional<VolumeRow>(volumeFrom(q));
}

cim::Result<void> PoolStore::upsertImageStamp(const ImageStampRow &row)
{
    QSqlQuery q(m_database->connection());
    q.prepare(QStringLiteral(
        "INSERT INTO image_stamps (device_id, size, mtime_ns, inode, device, changed_outside) "
        "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(device_id) DO UPDATE SET size = excluded.size, "
        "mtime_ns = excluded.mtime_ns, inode = excluded.inode, device = excluded.device, "
        "changed_outside = excluded.changed_outside"));
    q.addBindValue(row.deviceId);
    // SQLite integers are signed 64-bit; inode and device numbers keep their bits.
    q.addBindValue(qint64(row.stamp.size));
    q.addBindValue(row.stamp.mtimeNs);
    q.addBindValue(qint64(row.stamp.inode));
    q.addBindValue(qint64(row.stamp.device));
    q.addBindValue(row.changedOutside ? 1 : 0);
    if (!q.exec())
        return Database::error(q.lastError());
    return {};
}

cim::Result<QHash<QString, ImageStampRow>> PoolStore::imageStamps() const
{
    QSqlQuery q(m_database->connection());
    if (!q.exec(QStringLiteral("SELECT device_id, size, mtime_ns, inode, device, changed_outside "
                               "FROM image_stamps")))
        return Database::error(q.lastError());
    QHash<QString, ImageStampRow> rows;
    while (q.next()) {
        ImageStampRow row;
        row.deviceId = q.value(0).toString();
        row.stamp.size = quint64(q.value(1).toLongLong());
        row.stamp.mtimeNs = q.value(2).toLongLong();
        row.stamp.inode = quint64(q.value(3).toLongLong());
        row.stamp.device = quint64(q.value(4).toLongLong());
        row.stamp.valid = true;
        row.changedOutside = q.value(5).toInt() != 0;
        rows.insert(row.deviceId, row);
    }
    return rows;
}

cim::Result<ImageWatchState> PoolStore::imageWatchState() const
{
    QSqlQuery q(m_database->connection());
    if (!q.exec(QStringLiteral("SELECT alive_ns, clean FROM image_watch WHERE id = 1")))
        return Database::error(q.lastError());
    ImageWatchState state;
    if (q.next()) {
        state.aliveNs = q.value(0).toLongLong();
        state.clean = q.value(1).toInt() != 0;
        state.known = true;
    }
    return state;
}

cim::Result<void> PoolStore::setImageWatchState(qint64 aliveNs, bool clean)
{
    QSqlQuery q(m_database->connection());
    q.prepare(QStringLiteral("INSERT INTO image_watch (id, alive_ns, clean) VALUES (1, ?, ?) "
                             "ON CONFLICT(id) DO UPDATE SET alive_ns = excluded.alive_ns, "
                             "clean = excluded.clean"));
    q.addBindValue(aliveNs);
    q.addBindValue(clean ? 1 : 0);
    if (!q.exec())
        return Database::error(q.lastError());
    return {};
}

} // namespace rd::engine
