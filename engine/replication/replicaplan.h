#pragma once
// The replication service's typed requests: what a CreateListReplica or a Modify…Synchronization
// asks for once its parameters are checked, so the service's kinds, and the remote path, take
// values instead of re-reading CIM parameters.

#include "replicastorage.h"

#include "cim/enums.h"
#include "requests/replicationcodes.h"

#include <QList>
#include <QStringList>

#include <optional>

namespace rd::engine {

using requests::CopyPriority;

// Replicas to make: one per source, of one SyncType. Nothing has been created yet.
struct ReplicaPlan
{
    cim::SyncType syncType = cim::SyncType::Clone;
    QList<ReplicaVolume> sources;
    QList<std::optional<ReplicaVolume>> targets; // one per source; nullopt = create one
    QStringList names;                           // one per source; empty = system name
    QString poolId;                              // where new targets go
    quint16 mode = quint16(cim::Mode::Asynchronous);
    bool modeGiven = false;
    std::optional<quint16> waitFor; // WaitForCopyState
    bool consistentPointInTime = false;
    quint16 priority = quint16(CopyPriority::Same); // CopyPriority; Not Managed is Same
};

// An operation on existing pairs, all of one SyncType and Mode.
struct SyncModification
{
    cim::SyncOperation operation = cim::SyncOperation::Detach;
    QStringList syncIds; // in the order given
    quint16 syncType = 0;
    quint16 mode = 0;
    std::optional<quint16> waitFor;
};

} // namespace rd::engine
