#pragma once
// The engine's StorageSynchronized pairs: their records, their persistence through a SyncStore,
// and the one place a pair's CopyState / ProgressStatus changes, checked against a table per
// SyncType (which operations apply, from which states, and which states follow which).

#include "syncstore.h"

#include "cim/enums.h"
#include "cim/result.h"

#include <QCoreApplication>
#include <QList>

#include <functional>

namespace rd::engine {

class PairRegistry final
{
    // Its refusals are the replication service's texts (and keep their translations).
    Q_DECLARE_TR_FUNCTIONS(rd::engine::ReplicationService)
public:
    // store may be null: the pairs then live in memory only.
    explicit PairRegistry(SyncStore *store);

    // Reads the persisted pairs, replacing what is held.
    cim::Result<void> load();

    const QList<SyncRecord> &all() const { return m_syncs; }
    const SyncRecord *find(const QString &id) const;
    // The pair of a source and a target, by DeviceID, or null.
    const SyncRecord *findPair(const QString &sourceDeviceId, const QString &targetDeviceId) const;
    // The pairs a job copies for.
    QStringList idsOfJob(const QString &jobId) const;

    // A new pair: it starts Initialized / Initializing (the table's only way in) and is persisted
    // before this returns; a store error is logged, the pair is kept (as a save is everywhere).
    cim::Result<void> add(SyncRecord record);
    // The row first, then memory: a refused removal keeps the pair.
    cim::Result<void> remove(const QString &id);
    // remove() for a rollback: the pair goes from memory even if its row could not.
    void discard(const QString &id);

    // The pair's CopyState and ProgressStatus become to / progress, if its SyncType's table
    // allows that step from where it is; otherwise the Error, and nothing changes. persist false:
    // the change is only shown, and is saved with the next persisted one.
    cim::Result<void> transition(const QString &id, cim::CopyState to, cim::ProgressStatus progress,
                                 bool persist = true);
    // The pair's other fields (PercentSynced, WhenSynced, JobID…); its state fields stay.
    void amend(const QString &id, const std::function<void(SyncRecord &)> &change,
               bool persist = true);
    // The pair as it is now, saved again.
    void save(const QString &id);

    // A volume an unfinished copy reads or writes, or that is the replica of a pair: not to be
    // deleted or reused as a target.
    bool isInUse(const QString &deviceId) const;
    // The pairs that make isInUse true, in registry order.
    QList<SyncRecord> pairsUsing(const QString &deviceId) const;
    // The snapshot pair whose replica deviceId is, or null.
    const SyncRecord *snapshotWithTarget(const QString &deviceId) const;

    // The copy state of a pair whose copy has ended, whatever the outcome.
    static bool copyEnded(const SyncRecord &s);

    // --- the table -------------------------------------------------------------------------
    // Whether a pair of type may go from one state to another (from == to: its ProgressStatus
    // changes while the CopyState stays), and which ProgressStatus goes with a CopyState.
    static bool allows(cim::SyncType type, cim::CopyState from, cim::CopyState to);
    static bool allowsProgress(cim::SyncType type, cim::CopyState state,
                               cim::ProgressStatus progress);
    // ModifyListSynchronization / ModifyReplicaSynchronization operations that apply to the type,
    // in value-map order (GetSupportedOperations).
    static QList<quint16> supportedOperations(cim::SyncType type);
    // The CopyStates an operation starts from, and those a WaitForCopyState may name for it.
    static QList<cim::CopyState> operationStates(cim::SyncType type, cim::SyncOperation operation);
    static QList<cim::CopyState> waitableStates(cim::SyncType type, cim::SyncOperation operation);
    // Whether operation may be applied to the pair now: NotSupported when it does not apply to
    // the pair's SyncType, InvalidParameter (naming Synchronization) when its CopyState is not
    // one the operation starts from.
    cim::Result<void> checkOperation(const QString &id, cim::SyncOperation operation) const;

private:
    SyncRecord *findMutable(const QString &id);
    void persist(const SyncRecord &record);

    SyncStore *m_store;
    QList<SyncRecord> m_syncs;
};

} // namespace rd::engine
