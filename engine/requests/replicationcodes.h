#pragma once
// The value maps of the replication and storage requests that engine/cim/enums.h does not hold:
// CIM_ReplicationSettingData's CopyPriority and TargetElementSupplier, the ElementType of
// CreateOrModifyElementFromStoragePool and CIM_ReplicationServiceCapabilities' replication types.

#include "cim/enums.h"

namespace rd::requests {

// CIM_ReplicationSettingData.CopyPriority (DMTF value map: 3 is High, 4 Urgent).
enum class CopyPriority : quint16 { NotManaged = 0, Low = 1, Same = 2, High = 3, Urgent = 4 };

// CIM_ReplicationSettingData.TargetElementSupplier.
enum class TargetElementSupplier : quint16 {
    UseExisting = 2,
    CreateNew = 3,
    UseAndCreate = 4,
    InstrumentationDecides = 5,
    ClientMustSupply = 6,
};

// CIM_StorageConfigurationService.CreateOrModifyElementFromStoragePool ElementType. The engine
// makes storage volumes; the other defined types are valid but not made.
enum class ElementType : quint16 {
    StorageVolume = 2,
    StorageExtent = 3,
    StoragePool = 4,
    LogicalDisk = 5,
};

// CIM_ReplicationServiceCapabilities.SupportedReplicationTypes: per SyncType a synchronous and an
// asynchronous code, local and remote (a remote kind is two more than its local one).
enum class ReplicationType : quint16 {
    SynchronousMirrorLocal = 2,
    AsynchronousMirrorLocal = 3,
    SynchronousMirrorRemote = 4,
    AsynchronousMirrorRemote = 5,
    SynchronousSnapshotLocal = 6,
    AsynchronousSnapshotLocal = 7,
    SynchronousSnapshotRemote = 8,
    AsynchronousSnapshotRemote = 9,
    SynchronousCloneLocal = 10,
    AsynchronousCloneLocal = 11,
    SynchronousCloneRemote = 12,
    AsynchronousCloneRemote = 13,
};

// The replication type of a SyncType in a Mode, here or on another system; 0 for a SyncType
// outside the map.
constexpr quint16 replicationType(cim::SyncType syncType, cim::Mode mode, bool remote = false)
{
    quint16 base = 0;
    switch (syncType) {
    case cim::SyncType::Mirror:
        base = quint16(ReplicationType::SynchronousMirrorLocal);
        break;
    case cim::SyncType::Snapshot:
        base = quint16(ReplicationType::SynchronousSnapshotLocal);
        break;
    case cim::SyncType::Clone:
        base = quint16(ReplicationType::SynchronousCloneLocal);
        break;
    default:
        return 0;
    }
    return quint16(base + (mode == cim::Mode::Asynchronous ? 1 : 0) + (remote ? 2 : 0));
}

// CIM_ReplicationServiceCapabilities.SupportedSynchronousActions / SupportedAsynchronousActions.
enum class ReplicationAction : quint16 {
    ModifyReplicaSynchronization = 5,
    ModifyListSynchronization = 6,
    CreateListReplica = 19,
};

} // namespace rd::requests
