#pragma once
// A durable per-chunk map beside the catalog, one byte per chunk, updated with pwrite + fdatasync
// from any thread: which chunks a clone's target holds (its checkpoint), which chunks a snapshot
// saved before the source overwrote them (its copy-on-write map), which chunks a mirror's replica
// may lack (its dirty map). It is what lets each of them come back after a crash.

#include "cim/result.h"

#include <QByteArray>
#include <QMutex>
#include <QString>

#include <vector>

namespace rd::engine {

class CheckpointMap final
{
public:
    struct Geometry
    {
        quint64 chunkSize = 0;
        quint64 chunkCount = 0;
        quint64 sourceSize = 0;
        friend bool operator==(const Geometry &, const Geometry &) = default;
    };

    CheckpointMap() = default;
    ~CheckpointMap();
    Q_DISABLE_COPY_MOVE(CheckpointMap)

    // A new map with no chunk marked, durable (file and directory entry synced) on return.
    cim::Result<void> create(const QString &path, const Geometry &geometry);
    // An existing map; an error when it is missing, torn or made for another geometry.
    cim::Result<void> open(const QString &path, const Geometry &geometry);
    bool isOpen() const { return m_fd >= 0; }
    QString path() const { return m_path; }

    // Which chunks are marked; valid after create/open.
    std::vector<bool> marked() const;
    // Marks chunks and syncs the file before returning.
    cim::Result<void> mark(const std::vector<quint64> &chunks);
    // Clears marks and syncs the file before returning (a mirror's dirty map forgets chunks the
    // replica holds again).
    cim::Result<void> unmark(const std::vector<quint64> &chunks);

    static cim::Result<void> remove(const QString &path);

private:
    void close();
    cim::Result<void> set(std::vector<quint64> chunks, char value);

    QString m_path;
    int m_fd = -1;
    Geometry m_geometry;
    mutable QMutex m_lock;
};

} // namespace rd::engine
