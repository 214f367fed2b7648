#pragma once
// Storage's tables in the engine's database: the pools and the volumes in them, and what the
// engine last left in each image file (ImageStamp). PoolManager keeps its pools and volumes here,
// so they survive restarts and crashes.

#include "cim/result.h"
#include "db/database.h"
#include "imagestamp.h"

#include <QDateTime>
#include <QHash>
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

// An image as the engine last left it, and whether a change made outside the engine was seen
// that replication has not yet taken in (kept until it has, so a crash cannot lose it).
struct ImageStampRow
{
    QString deviceId;
    ImageStamp stamp;
    bool changedOutside = false;
};

// When the engine last said it was alive while it watched the images, and whether it stopped
// cleanly (its last stamps then describe the files exactly).
struct ImageWatchState
{
    qint64 aliveNs = 0; // nanoseconds since the epoch (the clock file times use)
    bool clean = true;
    bool known = false; // false: no engine watched these images yet
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

    // The stamps go with their volume's row (ON DELETE CASCADE).
    cim::Result<void> upsertImageStamp(const ImageStampRow &row);
    cim::Result<QHash<QString, ImageStampRow>> imageStamps() const;
    cim::Result<ImageWatchState> imageWatchState() const;
    cim::Result<void> setImageWatchState(qint64 aliveNs, bool clean);

private:
    explicit PoolStore(Database *database)
        : m_database(database)
    {}

    Database *m_database;
};

} // namespace rd::engine
