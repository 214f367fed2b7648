#include "sqljobstore.h"

#include "db/sqlvalues.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

namespace rd::engine {

using sql::dateFromSql;
using sql::toSql;

Schema SqlJobStore::schema()
{
    return {QStringLiteral("jobs"),
            {
                // Part of the single catalog's first step.
                {1,
                 QStringLiteral("CREATE TABLE jobs ("
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
                                " checkpoint BLOB);"),
                 1},
            }};
}

cim::Result<std::unique_ptr<SqlJobStore>> SqlJobStore::open(Database *database)
{
    if (auto r = database->migrate(schema()); !r)
        return r.error();
    return std::unique_ptr<SqlJobStore>(new SqlJobStore(database));
}

cim::Result<void> SqlJobStore::saveJob(const JobRecord &r)
{
    QSqlQuery q(m_database->connection());
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
        return Database::error(q.lastError());
    return {};
}

cim::Result<void> SqlJobStore::removeJob(const QString &instanceId)
{
    QSqlQuery q(m_database->connection());
    q.prepare(QStringLiteral("DELETE FROM jobs WHERE instance_id = ?"));
    q.addBindValue(instanceId);
    if (!q.exec())
        return Database::error(q.lastError());
    return {};
}

cim::Result<QList<JobRecord>> SqlJobStore::loadJobs()
{
    QSqlQuery q(m_database->connection());
    if (!q.exec(QStringLiteral(
            "SELECT instance_id, kind, name, element_name, state, percent_complete, error_code, "
            "error_description, error_type, time_submitted, start_time, finish_time, "
            "time_of_last_state_change, time_before_removal_us, delete_on_completion, "
            "affected_elements, parameters, checkpoint FROM jobs ORDER BY rowid")))
        return Database::error(q.lastError());
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
