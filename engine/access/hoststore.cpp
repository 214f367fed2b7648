#include "hoststore.h"

#include "db/sqlvalues.h"

#include <QHash>
#include <QSqlError>
#include <QSqlQuery>

namespace rd::engine {

using sql::dateFromSql;
using sql::toSql;

namespace {

QString scopeName(HostGrant::Scope scope)
{
    return scope == HostGrant::Scope::Pool ? QStringLiteral("pool") : QStringLiteral("volume");
}

QVariant orNull(const QString &text)
{
    return text.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(text);
}

} // namespace

Schema HostStore::schema()
{
    // Identities and fingerprints are unique where set: one credential names one host.
    return {QStringLiteral("access"),
            {
                {1, QStringLiteral("CREATE TABLE hosts ("
                                   " id TEXT PRIMARY KEY,"
                                   " name TEXT NOT NULL UNIQUE,"
                                   " psk_identity TEXT UNIQUE,"
                                   " psk_key BLOB,"
                                   " certificate_sha256 TEXT UNIQUE,"
                                   " created TEXT);"
                                   "CREATE TABLE host_grants ("
                                   " host_id TEXT NOT NULL REFERENCES hosts(id),"
                                   " scope TEXT NOT NULL CHECK (scope IN ('volume', 'pool')),"
                                   " scope_id TEXT NOT NULL,"
                                   " read_only INTEGER NOT NULL DEFAULT 0,"
                                   " PRIMARY KEY (host_id, scope, scope_id))")},
            }};
}

cim::Result<std::unique_ptr<HostStore>> HostStore::open(Database *database)
{
    if (auto r = database->migrate(schema()); !r)
        return r.error();
    return std::unique_ptr<HostStore>(new HostStore(database));
}

cim::Result<void> HostStore::saveHost(const HostRecord &host)
{
    return m_database->transaction([&]() -> cim::Result<void> {
        QSqlQuery q(m_database->connection());
        q.prepare(QStringLiteral(
            "INSERT INTO hosts (id, name, psk_identity, psk_key, certificate_sha256, created) "
            "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET name = excluded.name, "
            "psk_identity = excluded.psk_identity, psk_key = excluded.psk_key, "
            "certificate_sha256 = excluded.certificate_sha256"));
        q.addBindValue(host.id);
        q.addBindValue(host.name);
        q.addBindValue(orNull(host.pskIdentity));
        q.addBindValue(host.pskKey.isEmpty() ? QVariant(QMetaType(QMetaType::QByteArray))
                                             : QVariant(host.pskKey));
        q.addBindValue(orNull(host.certificateSha256));
        q.addBindValue(toSql(host.created));
        if (!q.exec())
            return Database::error(q.lastError());
        q.prepare(QStringLiteral("DELETE FROM host_grants WHERE host_id = ?"));
        q.addBindValue(host.id);
        if (!q.exec())
            return Database::error(q.lastError());
        for (const HostGrant &g : host.grants) {
            q.prepare(QStringLiteral("INSERT INTO host_grants (host_id, scope, scope_id, "
                                     "read_only) VALUES (?, ?, ?, ?)"));
            q.addBindValue(host.id);
            q.addBindValue(scopeName(g.scope));
            q.addBindValue(g.id);
            q.addBindValue(g.readOnly ? 1 : 0);
            if (!q.exec())
                return Database::error(q.lastError());
        }
        return {};
    });
}

cim::Result<void> HostStore::removeHost(const QString &id)
{
    return m_database->transaction([&]() -> cim::Result<void> {
        QSqlQuery q(m_database->connection());
        for (const auto *statement :
             {"DELETE FROM host_grants WHERE host_id = ?", "DELETE FROM hosts WHERE id = ?"}) {
            q.prepare(QLatin1String(statement));
            q.addBindValue(id);
            if (!q.exec())
                return Database::error(q.lastError());
        }
        return {};
    });
}

cim::Result<QList<HostRecord>> HostStore::hosts() const
{
    QSqlQuery q(m_database->connection());
    if (!q.exec(QStringLiteral("SELECT id, name, psk_identity, psk_key, certificate_sha256, "
                               "created FROM hosts ORDER BY rowid")))
        return Database::error(q.lastError());
    QList<HostRecord> hosts;
    QHash<QString, qsizetype> at;
    while (q.next()) {
        HostRecord h;
        h.id = q.value(0).toString();
        h.name = q.value(1).toString();
        h.pskIdentity = q.value(2).toString();
        h.pskKey = q.value(3).toByteArray();
        h.certificateSha256 = q.value(4).toString();
        h.created = dateFromSql(q.value(5));
        at.insert(h.id, hosts.size());
        hosts.append(h);
    }
    if (!q.exec(QStringLiteral("SELECT host_id, scope, scope_id, read_only FROM host_grants "
                               "ORDER BY rowid")))
        return Database::error(q.lastError());
    while (q.next()) {
        const auto i = at.constFind(q.value(0).toString());
        if (i == at.constEnd())
            continue;
        HostGrant g;
        g.scope = q.value(1).toString() == QLatin1String("pool") ? HostGrant::Scope::Pool
                                                                 : HostGrant::Scope::Volume;
        g.id = q.value(2).toString();
        g.readOnly = q.value(3).toInt() != 0;
        hosts[*i].grants.append(g);
    }
    return hosts;
}

} // namespace rd::engine
