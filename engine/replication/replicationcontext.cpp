#include "replicationcontext.h"

#include "checkpointmap.h"

#include <QDir>
#include <QUuid>

namespace rd::engine {

using cim::ReturnCode;

QString ReplicationContext::newSyncId()
{
    return QStringLiteral("sync-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
}

SyncRecord ReplicationContext::newRecord(cim::SyncType type, quint16 mode,
                                         const ReplicaVolume &source, const ReplicaVolume &target,
                                         const QDateTime &established)
{
    SyncRecord s;
    s.id = newSyncId();
    s.sourceDeviceId = source.deviceId;
    s.targetDeviceId = target.deviceId;
    s.sourcePath = source.path.toString();
    s.targetPath = target.path.toString();
    s.syncType = quint16(type);
    s.mode = mode;
    s.whenEstablished = established;
    return s;
}

void ReplicationContext::holdSources(const ReplicaPlan &plan, std::optional<WriteHold> &held) const
{
    if (!plan.consistentPointInTime)
        return;
    QList<BlockDevice *> sources;
    for (const ReplicaVolume &v : plan.sources)
        sources.append(storage->device(v.deviceId).get());
    held.emplace(sources);
}

void ReplicationContext::breakOnRecovery(const QString &syncId, const QString &why) const
{
    qWarning("Synchronization %s cannot come back: %s", qPrintable(syncId), qPrintable(why));
    (void)pairs->transition(syncId, cim::CopyState::Broken, cim::ProgressStatus::NotApplicable);
}

QString ReplicationContext::checkpointPath(const QString &syncId) const
{
    return QDir(options.checkpointDirectory).filePath(syncId + QStringLiteral(".map"));
}

QString ReplicationContext::mapPath(const SyncRecord &sync) const
{
    if (sync.syncType == quint16(cim::SyncType::Snapshot))
        return QDir(options.checkpointDirectory).filePath(sync.id + QStringLiteral(".cow"));
    if (sync.syncType == quint16(cim::SyncType::Mirror))
        return QDir(options.checkpointDirectory).filePath(sync.id + QStringLiteral(".dirty"));
    return checkpointPath(sync.id);
}

QString ReplicationContext::displayName(const ReplicaVolume &volume)
{
    return volume.elementName.isEmpty() ? volume.deviceId : volume.elementName;
}

cim::Result<QList<ReplicaVolume>> ReplicationContext::makeTargets(const ReplicaPlan &plan,
                                                                  const QString &label,
                                                                  QStringList &created) const
{
    QList<ReplicaVolume> targets;
    for (qsizetype i = 0; i < plan.sources.size(); ++i) {
        if (plan.targets[i]) {
            targets.append(*plan.targets[i]);
            continue;
        }
        const ReplicaVolume &source = plan.sources[i];
        const QString name =
            plan.names[i].isEmpty() ? label.arg(displayName(source)) : plan.names[i];
        auto made = storage->createVolume(plan.poolId, name, source.size);
        if (!made)
            return made.error();
        created.append(made->deviceId);
        targets.append(made.value());
    }
    return targets;
}

void ReplicationContext::rollback(const QStringList &syncIds, const QStringList &createdVolumes,
                                  ConcreteJob *job, bool release) const
{
    for (const QString &id : syncIds) {
        if (const SyncRecord *s = pairs->find(id)) {
            (void)CheckpointMap::remove(mapPath(*s));
            if (release)
                storage->released(s->targetDeviceId);
        }
        pairs->discard(id);
    }
    for (const QString &id : createdVolumes) {
        if (auto r = storage->deleteVolume(id); !r)
            qWarning("Cannot remove volume %s after a failed request: %s", qPrintable(id),
                     qPrintable(r.error().message));
    }
    if (job)
        jobs->discardJob(job->instanceId());
}

} // namespace rd::engine
