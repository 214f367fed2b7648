#pragma once
// A storage pool is a directory that holds volume image files; its capacity and free space are
// those of the filesystem it lives on.

#include "cim/result.h"

#include <QString>

namespace rd::engine {

struct PoolSpace
{
    quint64 total = 0;     // bytes the filesystem holds
    quint64 available = 0; // bytes an unprivileged writer may still allocate
};

class StoragePool final
{
public:
    StoragePool() = default;
    StoragePool(QString id, QString name, QString directory);

    QString id() const { return m_id; }               // engine-chosen: InstanceID and PoolID
    QString name() const { return m_name; }           // label (ElementName)
    QString directory() const { return m_directory; } // absolute, clean path
    bool isValid() const { return !m_id.isEmpty(); }

    // statvfs of the directory; Failed with the system's text when it cannot be read.
    cim::Result<PoolSpace> space() const;
    // Where the image of a volume lives: <directory>/<deviceId>.img. deviceId is engine-chosen,
    // never a user string.
    QString imagePath(const QString &deviceId) const;

    friend bool operator==(const StoragePool &, const StoragePool &) = default;

private:
    QString m_id;
    QString m_name;
    QString m_directory;
};

} // namespace rd::engine
