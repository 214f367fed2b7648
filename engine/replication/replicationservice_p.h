#pragma once
// ReplicationService's private pieces, shared by its two implementation files: creation and clones
// (replicationservice.cpp), and snapshots', mirrors' life cycle (replicationlifecycle.cpp).

#include "replicationservice.h"

#include <QPointer>

#include <optional>

namespace rd::engine {

namespace replication_detail {
// CIM_ReplicationSettingData.CopyPriority (DMTF value map: 3 is High, 4 Urgent).
enum Priority : quint16 { NotManaged = 0, Low = 1, Same = 2, High = 3, Urgent = 4 };

inline bool isNull(const cim::Value &v)
{
    return !v.isTyped() || v.isNull();
}

inline cim::MethodResult failure(const cim::Error &e)
{
    return cim::MethodResult::failure(e);
}

// The copy state of a pair whose copy has ended, whatever the outcome.
inline bool copyEnded(const SyncRecord &s)
{
    return s.copyState != quint16(cim::CopyState::Initialized) &&
           s.copyState != quint16(cim::CopyState::Unsynchronized);
}
} // namespace replication_detail

// What validate() makes of the request's parameters; nothing has been created yet.
struct ReplicationService::Request
{
    quint16 syncType = quint16(cim::SyncType::Clone);
    QList<ReplicaVolume> sources;
    QList<std::optional<ReplicaVolume>> targets; // one per source; nullopt = create one
    QStringList names;                           // one per source; empty = system name
    QString poolId;
    quint16 mode = quint16(cim::Mode::Asynchronous);
    bool modeGiven = false;
    std::optional<quint16> waitFor;
    bool consistentPointInTime = false;
    quint16 priority = replication_detail::Same;
};

// A mirror copy phase (initial copy, resync, resume, restore) behind one ConcreteJob: what
// RequestStateChange steers. The sessions drain on their own; the job shows and steers them.
struct ReplicationService::MirrorTask final : public JobControl
{
    ReplicationService *service = nullptr;
    QPointer<ConcreteJob> job;
    QStringList syncIds;
    quint16 progressStatus = quint16(cim::ProgressStatus::Synchronizing); // while it runs

    void suspend() override;
    void resume() override;
    void terminate() override;
};

// A ModifyListSynchronization / ModifyReplicaSynchronization request, checked.
struct ReplicationService::Modify
{
    cim::SyncOperation operation = cim::SyncOperation::Detach;
    QStringList syncIds; // in the order given
    quint16 syncType = 0;
    quint16 mode = 0;
    std::optional<quint16> waitFor;
};

} // namespace rd::engine
