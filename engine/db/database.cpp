#include "database.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
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

// The bookkeeping row of a database that predates per-module bookkeeping: the schema_version it
// had then. No module may use this name.
const QString CatalogRow = QStringLiteral("catalog");

} // namespace

Database::Database(QString filePath, QString connectionName)
    : m_filePath(std::move(filePath))
    , m_connectionName(std::move(connectionName))
{}

Database::~Database()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        db.close();
    } // the handle must be gone before the connection is removed
    QSqlDatabase::removeDatabase(m_connectionName);
}

cim::Error Database::error(const QSqlError &error)
{
    return cim::Error(cim::ReturnCode::Failed,
                      tr("The catalog could not be updated or read: %1.").arg(error.text()));
}

// The catalog names users' volumes, peers and jobs: only the engine's user may read it. Created
// 0600 before SQLite opens it (SQLite gives its -wal and -shm files the same mode), and put back
// to 0600 when an older release left it readable.
static cim::Result<void> restrictToOwner(const QString &filePath)
{
    if (filePath.isEmpty() || filePath.startsWith(u':'))
        return {}; // in memory
    constexpr auto ownerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
    QFile file(filePath);
    if (!file.exists() && !file.open(QIODevice::WriteOnly, ownerOnly)) {
        return cim::Error(cim::ReturnCode::Failed,
                          tr("Cannot create the catalog %1: %2.")
                              .arg(QDir::toNativeSeparators(filePath), file.errorString()));
    }
    file.close();
    for (const QString &path : QStringList{filePath, filePath + QStringLiteral("-wal"),
                                           filePath + QStringLiteral("-shm")}) {
        if (QFile::exists(path) && !QFile::setPermissions(path, ownerOnly)) {
            return cim::Error(cim::ReturnCode::Failed,
                              tr("Cannot make the catalog %1 private to its owner.")
                                  .arg(QDir::toNativeSeparators(path)));
        }
    }
    return {};
}

cim::Result<std::unique_ptr<Database>> Database::open(const QString &filePath)
{
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QSQLITE"))) {
        return cim::Error(cim::ReturnCode::Failed,
                          tr("The SQLite driver for Qt SQL (QSQLITE) is not installed."));
    }
    // A connection per Database: Qt SQL connections are process-global by name, and several
    // engines (tests, a console with a local and a restarted engine) may run in one process.
    const QString name =
        QStringLiteral("rd-catalog-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    if (auto r = restrictToOwner(filePath); !r)
        return r.error();
    std::unique_ptr<Database> database(new Database(filePath, name));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(filePath);
        if (!db.open()) {
            return cim::Error(cim::ReturnCode::Failed,
                              tr("Cannot open the catalog %1: %2.")
                                  .arg(QDir::toNativeSeparators(filePath), db.lastError().text()));
        }
    }
    if (auto r = database->configure(); !r)
        return r.error();
    if (auto r = database->prepareBookkeeping(); !r)
        return r.error();
    return database;
}

QSqlDatabase Database::connection() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

cim::Result<void> Database::configure()
{
    QSqlQuery q(connection());
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
            return error(q.lastError());
    }
    return {};
}

cim::Error Database::newerRelease(const QString &what, int found, int known) const
{
    return cim::Error(cim::ReturnCode::Failed,
                      tr("The catalog %1 was written by a newer ReplicaDesk (%2 %3; this "
                         "version knows up to %4).")
                          .arg(QDir::toNativeSeparators(m_filePath), what)
                          .arg(found)
                          .arg(known));
}

cim::Result<void> Database::prepareBookkeeping()
{
    QSqlQuery q(connection());
    // schema_version as the single-catalog releases made it; they read it to decide what to run.
    if (!q.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT "
                               "NULL)")))
        return error(q.lastError());
    const int version = schemaVersion();
    if (version > CatalogSchemaVersion) {
        return cim::Error(cim::ReturnCode::Failed,
                          tr("The catalog %1 was written by a newer ReplicaDesk (schema %2; this "
                             "version knows up to %3).")
                              .arg(QDir::toNativeSeparators(m_filePath))
                              .arg(version)
                              .arg(CatalogSchemaVersion));
    }
    if (!q.exec(QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name "
                               "= 'schema_migrations'")) ||
        !q.next())
        return error(q.lastError());
    if (q.value(0).toInt() == 0) {
        // First open by a release with per-module bookkeeping. A database a single-catalog
        // release made keeps what it had run as one row, so each module can tell later which of
        // its steps are done (a module registered only later, too).
        auto made = transaction([&]() -> cim::Result<void> {
            QSqlQuery m(connection());
            if (!m.exec(QStringLiteral("CREATE TABLE schema_migrations (module TEXT PRIMARY KEY, "
                                       "version INTEGER NOT NULL)")))
                return error(m.lastError());
            if (version > 0) {
                m.prepare(QStringLiteral(
                    "INSERT INTO schema_migrations (module, version) VALUES (?, ?)"));
                m.addBindValue(CatalogRow);
                m.addBindValue(version);
                if (!m.exec())
                    return error(m.lastError());
            }
            return {};
        });
        if (!made)
            return made;
    }
    m_catalogVersion = moduleVersion(CatalogRow);
    return {};
}

int Database::schemaVersion() const
{
    QSqlQuery q(connection());
    if (q.exec(QStringLiteral("SELECT version FROM schema_version")) && q.next())
        return q.value(0).toInt();
    return 0;
}

int Database::moduleVersion(const QString &module) const
{
    QSqlQuery q(connection());
    q.prepare(QStringLiteral("SELECT version FROM schema_migrations WHERE module = ?"));
    q.addBindValue(module);
    if (q.exec() && q.next())
        return q.value(0).toInt();
    return 0;
}

QString Database::journalMode() const
{
    QSqlQuery q(connection());
    if (q.exec(QStringLiteral("PRAGMA journal_mode")) && q.next())
        return q.value(0).toString();
    return {};
}

cim::Result<void> Database::migrate(const Schema &schema)
{
    const QList<Migration> &steps = schema.migrations;
    for (qsizetype i = 0; i < steps.size(); ++i) {
        // A programming error, found by every test that opens the module.
        if (schema.module.isEmpty() || schema.module == CatalogRow || steps[i].version != i + 1) {
            return cim::Error(cim::ReturnCode::Failed,
                              tr("The schema of %1 is not numbered 1, 2, 3, …").arg(schema.module));
        }
    }
    QSqlDatabase db = connection();
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT version FROM schema_migrations WHERE module = ?"));
    q.addBindValue(schema.module);
    if (!q.exec())
        return error(q.lastError());
    const bool recorded = q.next();
    int version = recorded ? q.value(0).toInt() : 0;
    if (!recorded) {
        // The single-catalog releases ran every step up to their schema_version.
        for (const Migration &step : steps) {
            if (step.catalogVersion > 0 && step.catalogVersion <= m_catalogVersion)
                version = step.version;
        }
    }
    if (version > steps.size())
        return newerRelease(schema.module, version, int(steps.size()));

    auto record = [&](int reached, int catalogVersion) -> cim::Result<void> {
        QSqlQuery m(db);
        m.prepare(QStringLiteral("INSERT INTO schema_migrations (module, version) VALUES (?, ?) "
                                 "ON CONFLICT(module) DO UPDATE SET version = excluded.version"));
        m.addBindValue(schema.module);
        m.addBindValue(reached);
        if (!m.exec())
            return error(m.lastError());
        if (catalogVersion > schemaVersion()) {
            if (!m.exec(QStringLiteral("DELETE FROM schema_version")))
                return error(m.lastError());
            m.prepare(QStringLiteral("INSERT INTO schema_version (version) VALUES (?)"));
            m.addBindValue(catalogVersion);
            if (!m.exec())
                return error(m.lastError());
        }
        return {};
    };
    if (!recorded && version > 0) {
        // Recognised from schema_version: recorded, so later opens need not infer it again.
        if (auto r = transaction([&] { return record(version, 0); }); !r)
            return r;
    }
    for (; version < steps.size(); ++version) {
        const Migration &step = steps[version];
        auto done = transaction([&]() -> cim::Result<void> {
            // QSqlQuery runs one statement at a time: split the step on ';'.
            const QStringList statements = step.statements.split(u';', Qt::SkipEmptyParts);
            QSqlQuery m(db);
            for (const QString &statement : statements) {
                if (!statement.trimmed().isEmpty() && !m.exec(statement))
                    return error(m.lastError());
            }
            return record(step.version, step.catalogVersion);
        });
        if (!done)
            return done;
    }
    return {};
}

cim::Result<void> Database::transaction(const std::function<cim::Result<void>()> &body)
{
    QSqlDatabase db = connection();
    if (m_inTransaction)
        return body(); // part of the outer transaction
    if (!db.transaction())
        return error(db.lastError());
    m_inTransaction = true;
    cim::Result<void> result = body();
    m_inTransaction = false;
    if (!result) {
        db.rollback();
        return result;
    }
    if (!db.commit()) {
        const QSqlError failed = db.lastError();
        db.rollback();
        return error(failed);
    }
    return {};
}

} // namespace rd::engine
