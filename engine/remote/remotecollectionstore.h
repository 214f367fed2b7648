#pragma once
// The remote_collections table in the engine's database: each RemoteReplicationCollection with
// its access points and last known connectivity, as RemoteCollections keeps them.

#include "api/remotenames.h"
#include "cim/result.h"
#include "db/database.h"

#include <QList>
#include <QStringList>

#include <memory>

namespace rd::engine {

struct RemoteCollectionRecord
{
    QString instanceId;
    QString elementName;
    bool active = true;
    bool deleteOnUnassociated = false;
    QString remoteSystem;     // canonical path text of the peer's ComputerSystem; may be empty
    QStringList localPoints;  // canonical path texts of local ProtocolEndpoints
    QStringList remotePoints; // canonical path texts of RemoteServiceAccessPoints (Name = URL)
    ConnectivityStatus connectivity = ConnectivityStatus::Unknown;
    friend bool operator==(const RemoteCollectionRecord &,
                           const RemoteCollectionRecord &) = default;
};

class RemoteCollectionStore final
{
public:
    static Schema schema();
    // Adds the remote_collections table to database (not owned; must outlive the store).
    static cim::Result<std::unique_ptr<RemoteCollectionStore>> open(Database *database);
    Q_DISABLE_COPY_MOVE(RemoteCollectionStore)

    cim::Result<QList<RemoteCollectionRecord>> load() const;
    cim::Result<void> save(const RemoteCollectionRecord &record); // insert or update by id
    cim::Result<void> erase(const QString &instanceId);
    cim::Result<void> transaction(const std::function<cim::Result<void>()> &body)
    {
        return m_database->transaction(body);
    }

private:
    explicit RemoteCollectionStore(Database *database)
        : m_database(database)
    {}

    Database *m_database;
};

} // namespace rd::engine
