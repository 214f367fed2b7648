#include "peervolumestore.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>

namespace rd::engine {

namespace {
cim::Error sqlError(const QSqlQuery &q)
{
    return cim::Error(cim::ReturnCode::Failed,
                      QCoreApplication::translate("rd::engine::PeerVolumes",
                                                  "The catalog cannot record a peer's volume: %1")
                          .arg(q.lastError().text()));
}
} // namespace

Schema PeerVolumeStore::schema()
{
    // The single catalog's third step: its own name for each volume, the peer's path, and how
    // its NBD export is reached.
    return {QStringLiteral("peer-volumes"),
            {
                {1,
                 QStringLiteral("CREATE TABLE peer_volumes ("
                                " device_id TEXT PRIMARY KEY,"
                                " path TEXT NOT NULL,"
                                " element_name TEXT NOT NULL,"
                                " size INTEGER NOT NULL,"
                                " export_url TEXT NOT NULL,"
                                " certificates TEXT NOT NULL);"),
                 3},
            }};
}

cim::Result<std::unique_ptr<PeerVolumeStore>> PeerVolumeStore::open(Database *database)
{
    if (auto r = database->migrate(schema()); !r)
        return r.error();
    return std::unique_ptr<PeerVolumeStore>(new PeerVolumeStore(database));
}

cim::Result<QList<PeerVolumeRecord>> PeerVolumeStore::load() const
{
    QSqlQuery q(m_database->connection());
    if (!q.exec(QStringLiteral("SELECT device_id, path, element_name, size, export_url, "
                               "certificates FROM peer_volumes ORDER BY rowid")))
        return sqlError(q);
    QList<PeerVolumeRecord> records;
    while (q.next()) {
        PeerVolumeRecord r;
        r.deviceId = q.value(0).toString();
        r.path = cim::ObjectPath::fromString(q.value(1).toString()).value_or(cim::ObjectPath());
        r.elementName = q.value(2).toString();
        r.size = q.value(3).toULongLong();
        r.exportUrl = QUrl(q.value(4).toString());
        r.certificates = q.value(5).toString();
        records.append(r);
    }
    return records;
}

cim::Result<void> PeerVolumeStore::insert(const PeerVolumeRecord &r)
{
    QSqlQuery q(m_database->connection());
    q.prepare(QStringLiteral("INSERT INTO peer_volumes (device_id, path, element_name, size, "
                             "export_url, certificates) VALUES (?, ?, ?, ?, ?, ?)"));
    q.addBindValue(r.deviceId);
    q.addBindValue(r.path.toString());
    q.addBindValue(r.elementName);
    q.addBindValue(qint64(r.size));
    q.addBindValue(r.exportUrl.toString());
    q.addBindValue(r.certificates);
    if (!q.exec())
        return sqlError(q);
    return {};
}

cim::Result<void> PeerVolumeStore::remove(const QString &deviceId)
{
    QSqlQuery q(m_database->connection());
    q.prepare(QStringLiteral("DELETE FROM peer_volumes WHERE device_id = ?"));
    q.addBindValue(deviceId);
    if (!q.exec())
        return sqlError(q);
    return {};
}

} // namespace rd::engine
