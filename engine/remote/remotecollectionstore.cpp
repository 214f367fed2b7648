#include "remotecollectionstore.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

namespace rd::engine {

namespace {

QString toJson(const QStringList &list)
{
    return QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(list)).toJson(QJsonDocument::Compact));
}

QStringList fromJson(const QString &text)
{
    QStringList out;
    const QJsonArray a = QJsonDocument::fromJson(text.toUtf8()).array();
    for (const auto &v : a)
        out.append(v.toString());
    return out;
}

cim::Error sqlError(const QSqlQuery &q)
{
    return cim::Error(cim::ReturnCode::Failed,
                      QCoreApplication::translate("rd::engine::RemoteCollections",
                                                  "The catalog could not store the remote "
                                                  "collection: %1")
                          .arg(q.lastError().text()));
}

} // namespace

Schema RemoteCollectionStore::schema()
{
    // The single catalog's second step. Access points as JSON arrays of canonical paths, since
    // they are only ever read and written with their collection.
    return {QStringLiteral("remote-collections"),
            {
                {1,
                 QStringLiteral("CREATE TABLE remote_collections ("
                                " instance_id TEXT PRIMARY KEY,"
                                " element_name TEXT NOT NULL,"
                                " active INTEGER NOT NULL,"
                                " delete_on_unassociated INTEGER NOT NULL,"
                                " remote_system TEXT,"
                                " local_points TEXT NOT NULL,"
                                " remote_points TEXT NOT NULL,"
                                " connectivity INTEGER NOT NULL DEFAULT 0);"),
                 2},
            }};
}

cim::Result<std::unique_ptr<RemoteCollectionStore>> RemoteCollectionStore::open(Database *database)
{
    if (auto r = database->migrate(schema()); !r)
        return r.error();
    return std::unique_ptr<RemoteCollectionStore>(new RemoteCollectionStore(database));
}

cim::Result<QList<RemoteCollectionRecord>> RemoteCollectionStore::load() const
{
    QSqlQuery q(m_database->connection());
    if (!q.exec(QStringLiteral(
            "SELECT instance_id, element_name, active, delete_on_unassociated, remote_system, "
            "local_points, remote_points, connectivity FROM remote_collections ORDER BY rowid")))
        return sqlError(q);
    QList<RemoteCollectionRecord> records;
    while (q.next()) {
        RemoteCollectionRecord r;
        r.instanceId = q.value(0).toString();
        r.elementName = q.value(1).toString();
        r.active = q.value(2).toBool();
        r.deleteOnUnassociated = q.value(3).toBool();
        r.remoteSystem = q.value(4).toString();
        r.localPoints = fromJson(q.value(5).toString());
        r.remotePoints = fromJson(q.value(6).toString());
        r.connectivity = ConnectivityStatus(q.value(7).toUInt());
        records.append(r);
    }
    return records;
}

cim::Result<void> RemoteCollectionStore::save(const RemoteCollectionRecord &r)
{
    QSqlQuery q(m_database->connection());
    q.prepare(QStringLiteral(
        "INSERT INTO remote_collections (instance_id, element_name, active, "
        "delete_on_unassociated, remote_system, local_points, remote_points, connectivity) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(instance_id) DO UPDATE SET "
        "element_name = excluded.element_name, active = excluded.active, "
        "delete_on_unassociated = excluded.delete_on_unassociated, "
        "remote_system = excluded.remote_system, local_points = excluded.local_points, "
        "remote_points = excluded.remote_points, connectivity = excluded.connectivity"));
    q.addBindValue(r.instanceId);
    q.addBindValue(r.elementName);
    q.addBindValue(r.active ? 1 : 0);
    q.addBindValue(r.deleteOnUnassociated ? 1 : 0);
    q.addBindValue(r.remoteSystem);
    q.addBindValue(toJson(r.localPoints));
    q.addBindValue(toJson(r.remotePoints));
    q.addBindValue(int(r.connectivity));
    if (!q.exec())
        return sqlError(q);
    return {};
}

cim::Result<void> RemoteCollectionStore::erase(const QString &instanceId)
{
    QSqlQuery q(m_database->connection());
    q.prepare(QStringLiteral("DELETE FROM remote_collections WHERE instance_id = ?"));
    q.addBindValue(instanceId);
    if (!q.exec())
        return sqlError(q);
    return {};
}

} // namespace rd::engine
