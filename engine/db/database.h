#pragma once
// The engine's SQLite database (Qt SQL): one connection of its own, write-ahead logging, nested
// transactions and the numbered schema migrations each module registers for its own tables.
// It knows no module's tables; storage, jobs, replication and remote keep theirs in their stores.

#include "cim/result.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <functional>
#include <memory>

class QSqlError;

namespace rd::engine {

// One step of a module's schema, taking it from version - 1 to version.
struct Migration
{
    int version = 0;        // 1, 2, … in the module's own order
    QString statements;     // SQL statements separated by ';'
    int catalogVersion = 0; // schema_version the single-catalog releases had after this step;
                            // 0 for steps made after them
};

// What a module registers: its name (the key of its bookkeeping row) and its steps, oldest first.
// Append steps, never edit one: a database on disk has run every step up to its recorded version.
struct Schema
{
    QString module;
    QList<Migration> migrations;
};

class Database final
{
public:
    // The last schema_version the releases with one Catalog wrote (pools, volumes,
    // synchronizations, jobs, remote collections, peers' volumes). The table is still kept, so such
    // a release opens a database this one made; a larger number means a newer release wrote it.
    static constexpr int CatalogSchemaVersion = 3;

    // Opens (or creates) the database at filePath on a connection of its own, so several
    // databases (several engines) can live in one process, in WAL mode with full sync. Use it from
    // one thread. Modules then add their tables with migrate().
    static cim::Result<std::unique_ptr<Database>> open(const QString &filePath);
    ~Database();
    Q_DISABLE_COPY_MOVE(Database)

    // Runs the steps of schema the database has not run yet, each in a transaction of its own
    // together with its bookkeeping: a step that fails leaves no trace and open() fails with it.
    // A module recorded at a version above its last step was written by a newer release: refused.
    cim::Result<void> migrate(const Schema &schema);

    QString filePath() const { return m_filePath; }
    QString connectionName() const { return m_connectionName; }
    QSqlDatabase connection() const;
    // schema_version, as the single-catalog releases read it.
    int schemaVersion() const;
    // The last step of module this database has run (0: none).
    int moduleVersion(const QString &module) const;
    // PRAGMA journal_mode as SQLite reports it ("wal").
    QString journalMode() const;

    // Runs body inside one transaction: committed when body succeeds, rolled back otherwise.
    // Called from inside another transaction's body, it joins that transaction.
    cim::Result<void> transaction(const std::function<cim::Result<void>()> &body);

    // A failed query as the engine reports it.
    static cim::Error error(const QSqlError &error);

private:
    Database(QString filePath, QString connectionName);
    cim::Result<void> configure();
    cim::Result<void> prepareBookkeeping();
    cim::Error newerRelease(const QString &what, int found, int known) const;

    QString m_filePath;
    QString m_connectionName;
    // The database predates per-module bookkeeping: its schema_version, else 0. A module with
    // no row of its own has run the steps whose catalogVersion is at most this.
    int m_catalogVersion = 0;
    bool m_inTransaction = false;
};

} // namespace rd::engine
