#pragma once
// A clone's durable record of which chunks the target already holds: a small file beside the
// catalog, one byte per chunk, updated with pwrite + fdatasync from any thread. It is what makes a
// resumed clone continue where it stopped without breaking its point in time.

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

    static cim::Result<void> remove(const QString &path);

private:
    void close();

    QString m_path;
    int m_fd = -1;
    Geometry m_geometry;
    mutable QMutex m_lock;
};

} // namespace rd::engine
