#pragma once
// Storage's tables in the engine's database: the pools and the volumes in them. PoolManager keeps
// its pools and volumes here, so they survive restarts and crashes.

#include "cim/result.h"
#include "db/database.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <memory>
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

class PoolStore final
{
public:
    static Schema schema();
    // Adds storage's tables to database (not owned; must outlive the store).
    static cim::Result<std::unique_ptr<PoolStore>> open(Database *database);
    Q_DISABLE_COPY_MOVE(PoolStore)

    Database *database() const { return m_database; }
    // Database::transaction, for a row written together with a file.
    cim::Result<void> transaction(const std::function<cim::Result<void>()> &body)
    {
        return m_database->transaction(body);
    }

    cim::Result<void> upsertPool(const PoolRow &row);
    cim::Result<void> deletePool(const QString &id); // InUse while volumes live in it
    cim::Result<QList<PoolRow>> pools() const;

    cim::Result<void> upsertVolume(const VolumeRow &row);
    cim::Result<void> deleteVolume(const QString &deviceId);
    cim::Result<QList<VolumeRow>> volumes() const;
    cim::Result<std::optional<VolumeRow>> volume(const QString &deviceId) const;

private:
    explicit PoolStore(Database *database)
        : m_database(database)
    {}

    Database *m_database;
};

} // namespace rd::engine
