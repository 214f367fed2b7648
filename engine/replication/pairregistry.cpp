#include "pairregistry.h"

#include "cim/valuemap.h"

#include <algorithm>
#include <initializer_list>

namespace rd::engine {

using cim::CopyState;
using cim::ProgressStatus;
using cim::ReturnCode;
using cim::SyncOperation;
using cim::SyncType;

namespace {

// The steps a pair may take (SMI-S Replication Services, as this engine implements them):
//   Clone    — Initialized → Unsynchronized while it copies (Synchronizing, Dormant while its
//              job is suspended), then Synchronized (done), Broken (failed) or Aborted
//              (terminated). A copy whose job is lost after a restart ends Broken from wherever
//              it was; one being terminated when the engine stopped ends Aborted.
//   Snapshot — Initialized → Synchronized within the call; Resync Replica takes a new point in
//              time (Synchronized again), or ends Broken when it cannot arm; a snapshot whose map
//              is gone after a restart is Broken, and Resync Replica mends it.
//   Mirror   — Initialized → Unsynchronized for the initial copy (Synchronizing, Resyncing,
//              Restoring, Dormant), then Synchronized. From Synchronized: Fractured, Split,
//              Suspended, or Unsynchronized again (a restart finds it behind). Resume, Resync and
//              Restore go back to Unsynchronized, or straight to Synchronized when nothing
//              differs. A terminated copy is Aborted; an I/O error makes any pair Broken.
//   Skewed   — a Synchronized mirror or snapshot whose source or replica image file was changed
//              outside the engine (written in the pool folder directly, past the block layer).
//              The seed defines Synchronized as "Replicas are an exact copy of the source", which
//              no longer holds; of the other states it names, Initialized and Inactive say no data
//              flows yet and UnSynchronized says a copy is in progress, which none is. CopyState's
//              value map has the state for it: Skewed, "the target has been modified and is no
//              longer synchronized with the source element or the point-in-time view", shown
//              with ProgressStatus Requires Resync, the one thing that mends it. A mirror leaves
//              it only through Resync Replica (to Unsynchronized, every chunk copied again — never
//              straight to Synchronized, since nothing has compared the two); a snapshot through
//              Resync Replica's new point in time. Either may still break.
struct Step
{
    SyncType type;
    CopyState from;
    std::initializer_list<CopyState> to;
};

constexpr CopyState Initialized = CopyState::Initialized;
constexpr CopyState Unsynchronized = CopyState::Unsynchronized;
constexpr CopyState Synchronized = CopyState::Synchronized;
constexpr CopyState Broken = CopyState::Broken;
constexpr CopyState Fractured = CopyState::Fractured;
constexpr CopyState Split = CopyState::Split;
constexpr CopyState Suspended = CopyState::Suspended;
constexpr CopyState Aborted = CopyState::Aborted;
constexpr CopyState Skewed = CopyState::Skewed;

const Step steps[] = {
    {SyncType::Clone, Initialized, {Unsynchronized, Broken, Aborted}},
    {SyncType::Clone, Unsynchronized, {Unsynchronized, Synchronized, Broken, Aborted}},

    {SyncType::Snapshot, Initialized, {Synchronized}},
    {SyncType::Snapshot, Synchronized, {Synchronized, Broken, Skewed}},
    {SyncType::Snapshot, Broken, {Synchronized, Broken}},
    {SyncType::Snapshot, Skewed, {Synchronized, Broken}},

    {SyncType::Mirror, Initialized, {Unsynchronized, Broken}},
    {SyncType::Mirror, Unsynchronized, {Unsynchronized, Synchronized, Aborted, Broken}},
    {SyncType::Mirror, Synchronized, {Unsynchronized, Fractured, Split, Suspended, Broken, Skewed}},
    {SyncType::Mirror, Fractured, {Unsynchronized, Synchronized, Broken}},
    {SyncType::Mirror, Split, {Unsynchronized, Synchronized, Broken}},
    {SyncType::Mirror, Suspended, {Unsynchronized, Synchronized, Broken}},
    {SyncType::Mirror, Broken, {Unsynchronized, Synchronized}},
    {SyncType::Mirror, Aborted, {Unsynchronized, Synchronized, Broken}},
    {SyncType::Mirror, Skewed, {Unsynchronized, Broken}},
};

// The ProgressStatus a pair shows in each CopyState.
struct Shown
{
    SyncType type;
    CopyState state;
    std::initializer_list<ProgressStatus> progress;
};

const Shown shown[] = {
    {SyncType::Clone, Initialized, {ProgressStatus::Initializing}},
    {SyncType::Clone, Unsynchronized, {ProgressStatus::Synchronizing, ProgressStatus::Dormant}},
    {SyncType::Clone, Synchronized, {ProgressStatus::Completed}},
    {SyncType::Clone, Broken, {ProgressStatus::NotApplicable}},
    {SyncType::Clone, Aborted, {ProgressStatus::NotApplicable}},

    {SyncType::Snapshot, Initialized, {ProgressStatus::Initializing}},
    {SyncType::Snapshot, Synchronized, {ProgressStatus::Completed}},
    {SyncType::Snapshot, Broken, {ProgressStatus::NotApplicable}},
    {SyncType::Snapshot, Skewed, {ProgressStatus::RequiresResync}},

    {SyncType::Mirror, Initialized, {ProgressStatus::Initializing}},
    {SyncType::Mirror,
     Unsynchronized,
     {ProgressStatus::Synchronizing, ProgressStatus::Resyncing, ProgressStatus::Restoring,
      ProgressStatus::Dormant}},
    {SyncType::Mirror, Synchronized, {ProgressStatus::Completed}},
    {SyncType::Mirror, Fractured, {ProgressStatus::Completed}},
    {SyncType::Mirror, Split, {ProgressStatus::Completed}},
    {SyncType::Mirror, Suspended, {ProgressStatus::Dormant}},
    {SyncType::Mirror, Broken, {ProgressStatus::NotApplicable}},
    {SyncType::Mirror, Aborted, {ProgressStatus::NotApplicable}},
    {SyncType::Mirror, Skewed, {ProgressStatus::RequiresResync}},
};

// The operations a type offers, in value-map order: the CopyStates each starts from, and those
// a WaitForCopyState may name (none for Detach: the pair is gone).
struct Operation
{
    SyncType type;
    SyncOperation operation;
    std::initializer_list<CopyState> from;
    std::initializer_list<CopyState> waitable;
};

const Operation operations[] = {
    {SyncType::Mirror,
     SyncOperation::Detach,
     {Synchronized, Fractured, Split, Suspended, Broken, Aborted, Skewed},
     {}},
    {SyncType::Mirror, SyncOperation::Fracture, {Synchronized}, {Fractured}},
    {SyncType::Mirror,
     SyncOperation::ResyncReplica,
     {Fractured, Split, Broken, Aborted, Skewed},
     {Synchronized, Unsynchronized}},
    {SyncType::Mirror,
     SyncOperation::RestoreFromReplica,
     {Fractured, Split},
     {Synchronized, Unsynchronized}},
    {SyncType::Mirror, SyncOperation::Resume, {Suspended}, {Synchronized, Unsynchronized}},
    {SyncType::Mirror, SyncOperation::Split, {Synchronized}, {Split}},
    {SyncType::Mirror, SyncOperation::Suspend, {Synchronized}, {Suspended}},

    {SyncType::Snapshot, SyncOperation::Detach, {Synchronized, Broken, Skewed}, {}},
    // Resync Replica takes a new point in time. Restore from a snapshot is not offered.
    {SyncType::Snapshot,
     SyncOperation::ResyncReplica,
     {Synchronized, Broken, Skewed},
     {Synchronized}},

    {SyncType::Clone, SyncOperation::Detach, {Synchronized, Broken, Aborted}, {}},
};

const Operation *operationRule(SyncType type, SyncOperation op)
{
    for (const Operation &o : operations) {
        if (o.type == type && o.operation == op)
            return &o;
    }
    return nullptr;
}

bool contains(std::initializer_list<CopyState> list, CopyState state)
{
    return std::find(list.begin(), list.end(), state) != list.end();
}

QString stateLabel(quint16 state)
{
    return cim::ValueMap::copyState().label(state);
}

} // namespace

PairRegistry::PairRegistry(SyncStore *store)
    : m_store(store)
{}

cim::Result<void> PairRegistry::load()
{
    if (!m_store)
        return {};
    auto loaded = m_store->loadSyncs();
    if (!loaded)
        return loaded.error();
    m_syncs = loaded.value();
    return {};
}

const SyncRecord *PairRegistry::find(const QString &id) const
{
    for (const SyncRecord &s : m_syncs) {
        if (s.id == id)
            return &s;
    }
    return nullptr;
}

SyncRecord *PairRegistry::findMutable(const QString &id)
{
    return const_cast<SyncRecord *>(std::as_const(*this).find(id));
}

const SyncRecord *PairRegistry::findPair(const QString &sourceDeviceId,
                                         const QString &targetDeviceId) const
{
    const SyncRecord *found = nullptr;
    for (const SyncRecord &s : m_syncs) {
        if (!targetDeviceId.isEmpty() && s.targetDeviceId == targetDeviceId &&
            s.sourceDeviceId == sourceDeviceId)
            found = &s;
    }
    return found;
}

QStringList PairRegistry::idsOfJob(const QString &jobId) const
{
    QStringList ids;
    for (const SyncRecord &s : m_syncs) {
        if (s.jobId == jobId)
            ids.append(s.id);
    }
    return ids;
}

void PairRegistry::persist(const SyncRecord &record)
{
    if (!m_store)
        return;
    if (auto r = m_store->saveSync(record); !r)
        qWarning("Cannot save synchronization %s: %s", qPrintable(record.id),
                 qPrintable(r.error().message));
}

cim::Result<void> PairRegistry::add(SyncRecord record)
{
    Q_ASSERT(!find(record.id));
    record.copyState = quint16(CopyState::Initialized);
    record.progressStatus = quint16(ProgressStatus::Initializing);
    m_syncs.append(record);
    persist(record);
    return {};
}

cim::Result<void> PairRegistry::remove(const QString &id)
{
    if (m_store) {
        if (auto r = m_store->removeSync(id); !r)
            return r;
    }
    m_syncs.removeIf([&](const SyncRecord &r) { return r.id == id; });
    return {};
}

void PairRegistry::discard(const QString &id)
{
    m_syncs.removeIf([&](const SyncRecord &r) { return r.id == id; });
    if (m_store)
        (void)m_store->removeSync(id);
}

cim::Result<void> PairRegistry::transition(const QString &id, CopyState to, ProgressStatus progress,
                                           bool persistNow)
{
    SyncRecord *s = findMutable(id);
    if (!s)
        return cim::Error(ReturnCode::Failed, tr("There is no synchronization %1.").arg(id));
    const SyncType type = SyncType(s->syncType);
    const CopyState from = CopyState(s->copyState);
    if (!allows(type, from, to) || !allowsProgress(type, to, progress)) {
        const QString message = tr("A %1 synchronization cannot go from %2 to %3 (%4).")
                                    .arg(cim::ValueMap::syncType().label(s->syncType),
                                         stateLabel(s->copyState), stateLabel(quint16(to)),
                                         cim::ValueMap::progressStatus().label(quint16(progress)));
        qWarning("Synchronization %s: %s", qPrintable(id), qPrintable(message));
        return cim::Error(ReturnCode::Failed, message);
    }
    s->copyState = quint16(to);
    s->progressStatus = quint16(progress);
    if (persistNow)
        persist(*s);
    return {};
}

void PairRegistry::amend(const QString &id, const std::function<void(SyncRecord &)> &change,
                         bool persistNow)
{
    SyncRecord *s = findMutable(id);
    if (!s)
        return;
    const quint16 copyState = s->copyState;
    const quint16 progress = s->progressStatus;
    change(*s);
    // States change through transition() only, where the table is checked.
    Q_ASSERT(s->copyState == copyState && s->progressStatus == progress);
    s->copyState = copyState;
    s->progressStatus = progress;
    if (persistNow)
        persist(*s);
}

void PairRegistry::save(const QString &id)
{
    if (const SyncRecord *s = find(id))
        persist(*s);
}

bool PairRegistry::copyEnded(const SyncRecord &s)
{
    return s.copyState != quint16(CopyState::Initialized) &&
           s.copyState != quint16(CopyState::Unsynchronized);
}

bool PairRegistry::isInUse(const QString &deviceId) const
{
    return !pairsUsing(deviceId).isEmpty();
}

QList<SyncRecord> PairRegistry::pairsUsing(const QString &deviceId) const
{
    QList<SyncRecord> uses;
    for (const SyncRecord &s : m_syncs) {
        if (s.targetDeviceId == deviceId)
            uses.append(s); // a replica belongs to its pair
        else if (s.sourceDeviceId == deviceId &&
                 (s.syncType != quint16(SyncType::Clone) || !copyEnded(s)))
            uses.append(s); // a copy still reads it; a snapshot or mirror lives off it
    }
    return uses;
}

const SyncRecord *PairRegistry::snapshotWithTarget(const QString &deviceId) const
{
    for (const SyncRecord &s : m_syncs) {
        if (s.syncType == quint16(SyncType::Snapshot) && s.targetDeviceId == deviceId)
            return &s;
    }
    return nullptr;
}

bool PairRegistry::allows(SyncType type, CopyState from, CopyState to)
{
    for (const Step &step : steps) {
        if (step.type == type && step.from == from)
            return contains(step.to, to);
    }
    return false;
}

bool PairRegistry::allowsProgress(SyncType type, CopyState state, ProgressStatus progress)
{
    for (const Shown &s : shown) {
        if (s.type == type && s.state == state)
            return std::find(s.progress.begin(), s.progress.end(), progress) != s.progress.end();
    }
    return false;
}

QList<quint16> PairRegistry::supportedOperations(SyncType type)
{
    QList<quint16> ops;
    for (const Operation &o : operations) {
        if (o.type == type)
            ops.append(quint16(o.operation));
    }
    return ops;
}

QList<CopyState> PairRegistry::operationStates(SyncType type, SyncOperation operation)
{
    const Operation *o = operationRule(type, operation);
    return o ? QList<CopyState>(o->from) : QList<CopyState>();
}

QList<CopyState> PairRegistry::waitableStates(SyncType type, SyncOperation operation)
{
    const Operation *o = operationRule(type, operation);
    return o ? QList<CopyState>(o->waitable) : QList<CopyState>();
}

cim::Result<void> PairRegistry::checkOperation(const QString &id, SyncOperation operation) const
{
    const SyncRecord *s = find(id);
    if (!s)
        return cim::Error(ReturnCode::InvalidParameter,
                          tr("There is no synchronization %1.").arg(id),
                          QStringLiteral("Synchronization"));
    const QString opLabel = cim::ValueMap::syncOperation().label(quint16(operation));
    const Operation *rule = operationRule(SyncType(s->syncType), operation);
    if (!rule)
        return cim::Error(ReturnCode::NotSupported,
                          tr("%1 does not apply to %2 synchronizations here; "
                             "GetSupportedOperations lists what does.")
                              .arg(opLabel, cim::ValueMap::syncType().label(s->syncType)),
                          QStringLiteral("Operation"));
    if (!contains(rule->from, CopyState(s->copyState))) {
        QStringList allowed;
        for (CopyState c : rule->from)
            allowed.append(stateLabel(quint16(c)));
        return cim::Error(
            ReturnCode::InvalidParameter,
            tr("%1 needs a synchronization that is %2; %3 is %4.")
                .arg(opLabel, allowed.join(tr(" or ")), s->targetPath, stateLabel(s->copyState)),
            QStringLiteral("Synchronization"));
    }
    return {};
}

} // namespace rd::engine
