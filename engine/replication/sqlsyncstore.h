#pragma once
// The synchronizations table in the engine's database: the SyncStore an Engine's replication
// persists through, and each pair's own replication state (e.g. a dirty map) kept with its row.

#include "db/database.h"
#include "syncstore.h"

#include <QByteArray>

#include <memory>

namespace rd::engine {

class SqlSyncStore final : public SyncStore
{
public:
    static Schema schema();
    // Adds the synchronizations table to database (not owned; must outlive the store).
    static cim::Result<std::unique_ptr<SqlSyncStore>> open(Database *database);
    Q_DISABLE_COPY_MOVE(SqlSyncStore)

    cim::Result<void> saveSync(const SyncRecord &record) override;
    cim::Result<void> removeSync(const QString &id) override;
    cim::Result<QList<SyncRecord>> loadSyncs() override;
    cim::Result<void> saveSyncState(const QString &id, const QByteArray &state);
    cim::Result<QByteArray> syncState(const QString &id) const;

private:
    explicit SqlSyncStore(Database *database)
        : m_database(database)
    {}

    Database *m_database;
};

} // namespace rd::engine
