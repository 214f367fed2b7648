#pragma once
// The peer_volumes table in the engine's database: the peers' volumes PeerVolumes knows, with the
// peer's path for each and how its NBD export is reached.

#include "cim/objectpath.h"
#include "cim/result.h"
#include "db/database.h"

#include <QList>
#include <QUrl>

#include <memory>

namespace rd::engine {

struct PeerVolumeRecord
{
    QString deviceId;     // this engine's name for it ("peer:…"), never a local volume's
    cim::ObjectPath path; // as the peer names it
    QString elementName;
    quint64 size = 0;
    QUrl exportUrl;       // nbd:// or nbds://host:port/<the peer's DeviceID>
    QString certificates; // directory with the peer's ca-cert.pem; empty for plain nbd://
};

class PeerVolumeStore final
{
public:
    static Schema schema();
    // Adds the peer_volumes table to database (not owned; must outlive the store).
    static cim::Result<std::unique_ptr<PeerVolumeStore>> open(Database *database);
    Q_DISABLE_COPY_MOVE(PeerVolumeStore)

    cim::Result<QList<PeerVolumeRecord>> load() const;
    cim::Result<void> insert(const PeerVolumeRecord &record);
    cim::Result<void> remove(const QString &deviceId);

private:
    explicit PeerVolumeStore(Database *database)
        : m_database(database)
    {}

    Database *m_database;
};

} // namespace rd::engine
