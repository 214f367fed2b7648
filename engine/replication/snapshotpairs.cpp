#include "snapshotpairs.h"

#include "replicationprovider.h"

#include <QDateTime>

namespace rd::engine {

using cim::CimType;
using cim::CopyState;
using cim::ProgressStatus;
using cim::ReturnCode;
using cim::Value;

SnapshotPairs::SnapshotPairs(ReplicationContext *context)
    : m_context(context)
{}

SnapshotPairs::~SnapshotPairs() = default;

void SnapshotPairs::stop()
{
    for (const auto &snapshot : std::as_const(m_snapshots))
        snapshot->detach();
}

CloneOptions SnapshotPairs::options(const SyncRecord &sync) const
{
    CloneOptions o;
    o.chunkSize = m_context->options.deltaChunkSize;
    o.checkpointPath = m_context->mapPath(sync);
    o.sourceFd = m_context->storage->fileDescriptor(sync.sourceDeviceId);
    o.targetFd = m_context->storage->fileDescriptor(sync.targetDeviceId);
    o.backgroundCopy = false;
    o.workers = 1;
    return o;
}

std::shared_ptr<BlockDevice> SnapshotPairs::pointInTime(const QString &targetDeviceId) const
{
    const SyncRecord *s = m_context->pairs->snapshotWithTarget(targetDeviceId);
    if (!s)
        return nullptr;
    const auto snapshot = m_snapshots.constFind(s->id);
    return snapshot == m_snapshots.constEnd() ? nullptr : (*snapshot)->pointInTimeDevice();
}

std::optional<quint64> SnapshotPairs::bytesCopied(const QString &syncId) const
{
    const auto s = m_snapshots.constFind(syncId);
    if (s == m_snapshots.constEnd())
        return std::nullopt;
    return (*s)->bytesCopied();
}

void SnapshotPairs::drop(const SyncRecord &sync)
{
    if (auto snapshot = m_snapshots.take(sync.id)) {
        snapshot->detach();
        m_context->storage->setServedView(sync.targetDeviceId, nullptr);
    }
}

// The point in time is fixed within the call, so the answer is 0 with no job. Nothing is copied:
// the copy-on-write map is created empty (a sparse file) and the observer goes on the source, so
// the cost is the same for 1 GiB and 64 GiB.
QFuture<cim::MethodResult> SnapshotPairs::create(const ReplicaPlan &plan)
{
    ReplicaStorage *storage = m_context->storage;
    PairRegistry *pairs = m_context->pairs;
    QStringList created;
    QStringList syncIds;
    auto fail = [&](const cim::Error &error) {
        for (const QString &id : std::as_const(syncIds))
            drop(*m_context->pairs->find(id));
        m_context->rollback(syncIds, created, nullptr, true);
        return QtFuture::makeReadyFuture(cim::MethodResult::failure(error));
    };
    auto targets = m_context->makeTargets(plan, tr("Snapshot of %1"), created);
    if (!targets)
        return fail(targets.error());

    const QDateTime established = QDateTime::currentDateTimeUtc();
    QList<std::shared_ptr<CloneCopier>> copiers;
    for (qsizetype i = 0; i < plan.sources.size(); ++i) {
        SyncRecord s =
            ReplicationContext::newRecord(cim::SyncType::Snapshot, quint16(cim::Mode::Synchronous),
                                          plan.sources[i], targets->at(i), established);
        s.targetCreated = created.contains(s.targetDeviceId);
        // The row first (Initialized: a restart that finds it so drops it, since the client
        // never got an answer), then the map, then Synchronized.
        (void)pairs->add(s);
        syncIds.append(s.id);
        // The image the source's writers use (so the observer sees them), and the raw target.
        auto source = storage->device(s.sourceDeviceId);
        auto target = storage->device(s.targetDeviceId);
        if (!source || !target)
            return fail(cim::Error(
                ReturnCode::Failed,
                tr("The volumes of %1 cannot be opened.").arg(plan.sources[i].elementName)));
        copiers.append(std::make_shared<CloneCopier>(source, target, m_context->queue, options(s)));
    }

    // With ConsistentPointInTime every source is held still while all the snapshots arm.
    std::optional<WriteHold> held;
    m_context->holdSources(plan, held);
    cim::Result<void> armed;
    for (qsizetype i = 0; i < copiers.size() && armed; ++i) {
        armed = copiers[i]->arm();
        if (armed)
            m_snapshots.insert(syncIds[i], copiers[i]);
    }
    const QDateTime pointInTime = QDateTime::currentDateTimeUtc();
    held.reset();
    if (!armed)
        return fail(armed.error());

    QList<Value> targetRefs;
    QList<Value> syncRefs;
    for (qsizetype i = 0; i < copiers.size(); ++i) {
        const QString &id = syncIds[i];
        (void)pairs->transition(id, CopyState::Synchronized, ProgressStatus::Completed, false);
        pairs->amend(id, [&](SyncRecord &s) {
            s.percentSynced = 100;
            s.whenSynced = pointInTime;
        });
        const SyncRecord *s = pairs->find(id);
        storage->setServedView(s->targetDeviceId, copiers[i]->pointInTimeDevice());
        targetRefs.append(Value::reference(targets->at(i).path));
        syncRefs.append(Value::reference(ReplicationProvider::synchronizedPath(*s)));
    }
    m_context->changed();
    cim::MethodResult result;
    result.out.set(QStringLiteral("TargetElements"), Value::array(CimType::Reference, targetRefs));
    result.out.set(QStringLiteral("Synchronizations"), Value::array(CimType::Reference, syncRefs));
    result.out.set(QStringLiteral("Job"), Value::null(CimType::Reference));
    return QtFuture::makeReadyFuture(result);
}

// A new point in time, now. The source is held while the old copy-on-write observer goes and the
// new one arms; the new map replaces the old one atomically (CheckpointMap::create renames)
// before the delta is emptied, so a crash in between leaves a snapshot of the source as it was at
// the crash, which no write has reached.
cim::Result<void> SnapshotPairs::refresh(const QString &syncId)
{
    const SyncRecord s = *m_context->pairs->find(syncId);
    ReplicaStorage *storage = m_context->storage;
    auto source = storage->device(s.sourceDeviceId);
    auto target = storage->device(s.targetDeviceId);
    if (!source || !target)
        return cim::Error(ReturnCode::Failed,
                          tr("The volumes of %1 cannot be opened.").arg(s.targetPath));
    auto copier = std::make_shared<CloneCopier>(source, target, m_context->queue, options(s));
    source->holdWrites();
    if (auto old = m_snapshots.take(s.id))
        old->detach();
    const cim::Result<void> armed = copier->arm();
    if (armed) {
        m_snapshots.insert(s.id, copier);
        storage->setServedView(s.targetDeviceId, copier->pointInTimeDevice());
    } else {
        storage->setServedView(s.targetDeviceId, nullptr);
    }
    const QDateTime pointInTime = QDateTime::currentDateTimeUtc();
    source->releaseWrites();
    if (!armed) {
        (void)m_context->pairs->transition(syncId, CopyState::Broken,
                                           ProgressStatus::NotApplicable);
        return armed;
    }
    (void)m_context->pairs->transition(syncId, CopyState::Synchronized, ProgressStatus::Completed,
                                       false);
    m_context->pairs->amend(syncId, [&](SyncRecord &r) { r.whenSynced = pointInTime; });
    return {};
}

void SnapshotPairs::imageChangedOutside(const QString &syncId)
{
    const SyncRecord *s = m_context->pairs->find(syncId);
    if (s && s->copyState == quint16(CopyState::Synchronized))
        (void)m_context->pairs->transition(syncId, CopyState::Skewed,
                                           ProgressStatus::RequiresResync);
}

// Snapshots re-arm from their copy-on-write maps (a chunk the map marks is read from the delta,
// any other from the source, which no write has reached since — see CloneCopier); one whose map
// is gone is Broken, since it can no longer promise its point in time. A snapshot still
// Initialized was never reported to the client and is dropped.
void SnapshotPairs::recover()
{
    PairRegistry *pairs = m_context->pairs;
    ReplicaStorage *storage = m_context->storage;
    QStringList dropped;
    for (const SyncRecord &s : pairs->all()) {
        if (s.syncType != quint16(cim::SyncType::Snapshot) ||
            s.copyState == quint16(CopyState::Broken))
            continue;
        auto broken = [&](const QString &why) { m_context->breakOnRecovery(s.id, why); };
        if (s.copyState == quint16(CopyState::Initialized)) {
            dropped.append(s.id);
            continue;
        }
        auto source = storage->device(s.sourceDeviceId);
        auto target = storage->device(s.targetDeviceId);
        if (!source || !target) {
            broken(tr("a volume is gone"));
            continue;
        }
        auto copier = std::make_shared<CloneCopier>(source, target, m_context->queue, options(s));
        if (auto r = copier->arm(true); !r) {
            broken(r.error().message);
            continue;
        }
        m_snapshots.insert(s.id, copier);
        storage->setServedView(s.targetDeviceId, copier->pointInTimeDevice());
    }
    for (const QString &id : std::as_const(dropped)) {
        const SyncRecord s = *pairs->find(id);
        pairs->discard(id);
        (void)CheckpointMap::remove(m_context->mapPath(s));
        if (s.targetCreated)
            (void)storage->deleteVolume(s.targetDeviceId);
    }
}

} // namespace rd::engine
