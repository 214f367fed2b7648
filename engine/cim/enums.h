#pragma once
// Integer codes of the enumerations the seeds and their DMTF/SNIA parent classes use, as C++
// enums for engine code. Their display names live in ValueMap (valuemap.h).

#include <QtGlobal>

namespace rd::cim {

// CIM_ReplicationService.CreateListReplica SyncType, CIM_Synchronized.SyncType.
enum class SyncType : quint16 { Mirror = 6, Snapshot = 7, Clone = 8 };

// CreateListReplica Mode, CIM_Synchronized.Mode.
enum class Mode : quint16 { Synchronous = 2, Asynchronous = 3 };

// CIM_Synchronized.CopyState (also the WaitForCopyState parameter).
enum class CopyState : quint16 {
    Unknown = 0,
    Initialized = 2,
    Unsynchronized = 3,
    Synchronized = 4,
    Broken = 5,
    Fractured = 6,
    Split = 7,
    Inactive = 8,
    Suspended = 9,
    Failedover = 10,
    Prepared = 11,
    Aborted = 12,
    Skewed = 13,
    Mixed = 14,
    NotApplicable = 15,
    Partitioned = 16,
    Invalid = 17,
    Restored = 18,
};

// CIM_Synchronized.ProgressStatus.
enum class ProgressStatus : quint16 {
    Unknown = 0,
    Completed = 2,
    Dormant = 3,
    Initializing = 4,
    Preparing = 5,
    Synchronizing = 6,
    Resyncing = 7,
    Restoring = 8,
    Fracturing = 9,
    Splitting = 10,
    FailingOver = 11,
    FailingBack = 12,
    Aborting = 13,
    Mixed = 14,
    NotApplicable = 15,
    Suspending = 16,
    RequiresFracture = 17,
    RequiresResync = 18,
    RequiresActivate = 19,
    Pending = 20,
    Detaching = 21,
    RequiresDetach = 22,
};

// CIM_ConcreteJob.JobState.
enum class JobState : quint16 {
    New = 2,
    Starting = 3,
    Running = 4,
    Suspended = 5,
    ShuttingDown = 6,
    Completed = 7,
    Terminated = 8,
    Killed = 9,
    Exception = 10,
    Service = 11,
    QueryPending = 12,
};

// CIM_ManagedSystemElement.OperationalStatus (the values jobs and elements use).
enum class OperationalStatus : quint16 {
    Unknown = 0,
    Other = 1,
    OK = 2,
    Degraded = 3,
    Stressed = 4,
    PredictiveFailure = 5,
    Error = 6,
    NonRecoverableError = 7,
    Starting = 8,
    Stopping = 9,
    Stopped = 10,
    InService = 11,
    NoContact = 12,
    LostCommunication = 13,
    Aborted = 14,
    Dormant = 15,
    SupportingEntityInError = 16,
    Completed = 17,
    PowerMode = 18,
    Relocating = 19,
};

// CIM_ConcreteJob.RequestStateChange RequestedState.
enum class JobRequestedState : quint16 {
    Start = 2,
    Suspend = 3,
    Terminate = 4,
    Kill = 5,
    Service = 6
};

// ModifyListSynchronization / ModifyReplicaSynchronization Operation.
enum class SyncOperation : quint16 {
    Abort = 2,
    ActivateConsistency = 3,
    Activate = 4,
    AddSyncPair = 5,
    DeactivateConsistency = 6,
    Deactivate = 7,
    Detach = 8,
    Dissolve = 9,
    Failover = 10,
    Failback = 11,
    Fracture = 12,
    RemoveSyncPair = 13,
    ResyncReplica = 14,
    RestoreFromReplica = 15,
    Resume = 16,
    ResetToSync = 17,
    ResetToAsync = 18,
    ReturnToResourcePool = 19,
    ReverseRoles = 20,
    Split = 21,
    Suspend = 22,
    Unprepare = 23,
    Prepare = 24,
    Swap = 25,
    ResetToAdaptive = 26,
};

} // namespace rd::cim
