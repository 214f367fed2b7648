#pragma once
// A StorageSynchronized pair as the engine keeps it, and the interface it persists through (the
// synchronizations table, SqlSyncStore; a memory store for tests).

#include "cim/result.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace rd::engine {

struct SyncRecord
{
    QString id;
    QString sourceDeviceId;
    QString targetDeviceId;
    QString sourcePath; // ObjectPath::toString()
    QString targetPath;
    quint16 syncType = 8;       // cim::SyncType
    quint16 mode = 3;           // cim::Mode
    quint16 copyState = 2;      // cim::CopyState
    quint16 progressStatus = 4; // cim::ProgressStatus
    quint16 percentSynced = 0;
    QDateTime whenEstablished;
    QDateTime whenSynced; // the point in time the replica holds
    QString jobId;
    bool targetCreated = false; // the engine made the target for this pair

    friend bool operator==(const SyncRecord &, const SyncRecord &) = default;
};

class SyncStore
{
public:
    virtual ~SyncStore() = default;
    virtual cim::Result<void> saveSync(const SyncRecord &record) = 0; // insert or replace by id
    virtual cim::Result<void> removeSync(const QString &id) = 0;
    virtual cim::Result<QList<SyncRecord>> loadSyncs() = 0;
};

class MemorySyncStore final : public SyncStore
{
public:
    cim::Result<void> saveSync(const SyncRecord &record) override
    {
        for (SyncRecord &r : m_records) {
            if (r.id == record.id) {
                r = record;
                return {};
            }
        }
        m_records.append(record);
        return {};
    }
    cim::Result<void> removeSync(const QString &id) override
    {
        m_records.removeIf([&](const SyncRecord &r) { return r.id == id; });
        return {};
    }
    cim::Result<QList<SyncRecord>> loadSyncs() override { return m_records; }

private:
    QList<SyncRecord> m_records;
};

} // namespace rd::engine
