#pragma once
// The engine's durable state in SQLite (Qt SQL): pools, volumes, synchronizations and jobs. It
// survives restarts and crashes; replication and jobs persist through its SyncStore/JobStore side.

#include "cim/result.h"
#include "jobs/jobstore.h"
#include "replication/syncstore.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

namespace rd::engine {

struct PoolRow
{
    QString id;
    QString name;
    QString directory;
    friend bool operator==(const PoolRow &, const PoolRow &) = default;
};

struct VolumeRow
{
    QString deviceId;
    QString poolId;
    QString elementName;
    QString fileName; // inside the pool directory; engine-chosen
    quint64 size = 0;
    QDateTime created;
    friend bool operator==(const VolumeRow &, const VolumeRow &) = default;
};

class Catalog final : public JobStore, public SyncStore
{
public:
    static constexpr int SchemaVersion = 3;

    // Opens (or creates and migrates) the database at filePath on a connection of its own, so
    // several catalogs (several engines) can live in one process. Use it from one thread.
    static cim::Result<std::unique_ptr<Catalog>> open(const QString &filePath);
    ~Catalog() override;
    Q_DISABLE_COPY_MOVE(Catalog)

    QString filePath() const { return m_filePath; }
    QString connectionName() const { return m_connectionName; }
    int schemaVersion() const;
    // PRAGMA journal_mode as SQLite reports it ("wal").
    QString journalMode() const;

    // Runs body inside one transaction: committed when body succeeds, rolled back otherwise.
    // Called from inside another transaction's body, it joins that transaction.
    cim::Result<void> transaction(const std::function<cim::Result<void>()> &body);

    cim::Result<void> upsertPool(const PoolRow &row);
    cim::Result<void> deletePool(const QString &id); // InUse while volumes live in it
    cim::Result<QList<PoolRow>> pools() const;

    cim::Result<void> upsertVolume(const VolumeRow &row);
    cim::Result<void> deleteVolume(const QString &deviceId);
    cim::Result<QList<VolumeRow>> volumes() const;
    cim::Result<std::optional<VolumeRow>> volume(const QString &deviceId) const;

    // SyncStore: the synchronizations table.
    cim::Result<void> saveSync(const SyncRecord &record) override;
    cim::Result<void> removeSync(const QString &id) override;
    cim::Result<QList<SyncRecord>> loadSyncs() override;
    // Replication's own per-synchronization state (e.g. a dirty map), kept with the row.
    cim::Result<void> saveSyncState(const QString &id, const QByteArray &state);
    cim::Result<QByteArray> syncState(const QString &id) const;

    // JobStore: the jobs table.
    cim::Result<void> saveJob(const JobRecord &record) override;
    cim::Result<void> removeJob(const QString &instanceId) override;
    cim::Result<QList<JobRecord>> loadJobs() override;

private:
    Catalog(QString filePath, QString connectionName);
    cim::Result<void> configure();
    cim::Result<void> migrate();

    QString m_filePath;
    QString m_connectionName;
    bool m_inTransaction = false;
};

} // namespace rd::engine
