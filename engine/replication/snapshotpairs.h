#pragma once
// Snapshots: a point in time of a source fixed within the call, kept by copy-on-write into the
// replica (a delta, read through the copier's point-in-time view). Owns the snapshots' copiers:
// their creation, Resync Replica (a new point in time), their end, and their return after a
// restart.

#include "clonecopier.h"
#include "replicationcontext.h"

#include <QHash>

#include <memory>

namespace rd::engine {

class SnapshotPairs final
{
    Q_DECLARE_TR_FUNCTIONS(rd::engine::ReplicationService)
public:
    explicit SnapshotPairs(ReplicationContext *context);
    ~SnapshotPairs();
    Q_DISABLE_COPY_MOVE(SnapshotPairs)

    // Answers 0 with no job: nothing is copied, so the cost is the same for any size.
    QFuture<cim::MethodResult> create(const ReplicaPlan &plan);
    // Resync Replica: a new point in time, now; Broken if it cannot arm.
    cim::Result<void> refresh(const QString &syncId);
    // The pair is going: copy-on-write stops and the replica's view goes.
    void drop(const SyncRecord &sync);
    // The source's or the snapshot's image file was changed outside the engine, past the
    // copy-on-write that keeps the point in time: a Synchronized snapshot becomes Skewed /
    // Requires Resync (Resync Replica takes a new point in time).
    void imageChangedOutside(const QString &syncId);
    // What reads a snapshot's replica as a source: its point in time; null when deviceId is
    // not the replica of a live snapshot.
    std::shared_ptr<BlockDevice> pointInTime(const QString &targetDeviceId) const;
    std::optional<quint64> bytesCopied(const QString &syncId) const;
    // After a restart, before anything is served: re-arm from the copy-on-write maps; a snapshot
    // never reported (still Initialized) is dropped.
    void recover();
    // Copy-on-write stops (an engine stop: maps and pairs stay as persisted).
    void stop();

private:
    CloneOptions options(const SyncRecord &sync) const;

    ReplicationContext *m_context;
    QHash<QString, std::shared_ptr<CloneCopier>> m_snapshots; // by sync id
};

} // namespace rd::engine
