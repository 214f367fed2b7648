#pragma once
// What a job leaves in durable storage so that it survives an engine restart or a crash, and the
// interface JobManager persists through (SqlJobStore in the engine's database; tests may use a
// memory store).

#include "cim/result.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace rd::engine {

struct JobRecord
{
    QString instanceId;
    QString kind; // which resumer brings the job back after a restart, e.g. "clone"
    QString name;
    QString elementName;
    quint16 state = 2; // cim::JobState
    quint16 percentComplete = 0;
    quint32 errorCode = 0; // 0: no error
    QString errorDescription;
    quint16 errorType = 0; // CIM_Error.ErrorType of the failure
    QDateTime timeSubmitted;
    QDateTime startTime;
    QDateTime finishTime;
    QDateTime timeOfLastStateChange;
    quint64 timeBeforeRemovalUs =
        5ull * 60 * 1000 * 1000; // CIM default "00000000000500.000000:000"
    bool deleteOnCompletion = true;
    QStringList affectedElements; // ObjectPath::toString() of what the job made
    QByteArray parameters;        // kind-specific: what resuming needs (JSON)
    QByteArray checkpoint;        // kind-specific: how far the work got

    friend bool operator==(const JobRecord &, const JobRecord &) = default;
};

class JobStore
{
public:
    virtual ~JobStore() = default;
    // Inserts or replaces the record with the same instanceId.
    virtual cim::Result<void> saveJob(const JobRecord &record) = 0;
    virtual cim::Result<void> removeJob(const QString &instanceId) = 0;
    virtual cim::Result<QList<JobRecord>> loadJobs() = 0;
};

// A JobStore in memory, for tests and for an engine run without a catalog.
class MemoryJobStore final : public JobStore
{
public:
    cim::Result<void> saveJob(const JobRecord &record) override;
    cim::Result<void> removeJob(const QString &instanceId) override;
    cim::Result<QList<JobRecord>> loadJobs() override { return m_records; }

private:
    QList<JobRecord> m_records;
};

} // namespace rd::engine
