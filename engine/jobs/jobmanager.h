#pragma once
// Creates, steers, persists and retires the engine's ConcreteJobs (engine thread). After a restart
// it brings every unfinished job back through the resumer registered for its kind, or fails it
// with the reason: a job is never silently lost.

#include "concretejob.h"
#include "jobstore.h"

#include "cim/methodcall.h"
#include "cim/result.h"

#include <QFuture>
#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <functional>

namespace rd::engine {

struct NewJob
{
    QString kind; // names the resumer; see JobManager::setResumer
    QString name;
    QString elementName;
    QByteArray parameters;
    bool deleteOnCompletion = true;
    quint64 timeBeforeRemovalUs = 5ull * 60 * 1000 * 1000;
};

class JobManager final : public QObject
{
    Q_OBJECT
public:
    // store may be null (nothing persists); it must outlive the manager.
    explicit JobManager(JobStore *store, QObject *parent = nullptr);
    ~JobManager() override;
    Q_DISABLE_COPY_MOVE(JobManager)

    // A new job in state New, persisted before it is returned.
    ConcreteJob *createJob(const NewJob &spec);
    ConcreteJob *job(const QString &instanceId) const;
    QList<ConcreteJob *> jobs() const;

    // CIM_ConcreteJob.RequestStateChange. Answers 0 once the job is in the requested state (a
    // Terminate waits until the work has stopped), 4097 for a transition the job's state does not
    // allow, 1 for a request its work cannot honour (Service; Suspend of work that cannot pause),
    // 5 for an unknown job or RequestedState, 3 when TimeoutPeriod passes before a Terminate ends
    // (the termination still goes on).
    QFuture<cim::MethodResult> requestStateChange(const QString &instanceId, quint16 requestedState,
                                                  quint64 timeoutUs = 0);
    // Removes a finished job now (DeleteInstance); a job that still runs is InUse.
    cim::Result<void> removeJob(const QString &instanceId);
    // Removes a job whatever its state, without a trace: for a request that failed after it made
    // the job and must leave nothing behind. Its work must not have started.
    void discardJob(const QString &instanceId);

    // Brings an unfinished job of this kind back after a restart: set a JobControl and start (or,
    // for a persisted Suspended job, hold) its work, or return why that is impossible.
    using Resumer = std::function<cim::Result<void>(ConcreteJob *job)>;
    void setResumer(const QString &kind, Resumer resumer);
    // Loads the persisted jobs: finished ones are kept until their removal time; unfinished ones
    // go to their resumer, or end in Exception with the reason. Call once, before serving requests.
    cim::Result<void> recover();
    // Writes every job's record now (progress is otherwise written at most once a second).
    void flush();

    // How often progress and checkpoints are written at most.
    void setSaveInterval(int ms) { m_saveTimer.setInterval(ms); }

Q_SIGNALS:
    // Some job was added, moved, progressed or was removed; coalesced (at most ~10 per second).
    void jobsChanged();
    void jobAdded(rd::engine::ConcreteJob *job);
    void jobFinished(rd::engine::ConcreteJob *job);
    void jobRemoved(const QString &instanceId);

private:
    ConcreteJob *adopt(JobRecord record);
    void onStateChanged(ConcreteJob *job);
    void onProgressChanged(ConcreteJob *job);
    void save(ConcreteJob *job);
    void saveDirty();
    void scheduleRemoval(ConcreteJob *job);
    void notifyChanged();

    JobStore *m_store;
    QHash<QString, ConcreteJob *> m_jobs;
    QHash<QString, Resumer> m_resumers;
    QSet<QString> m_dirty;
    QTimer m_saveTimer;
    QTimer m_notifyTimer;
};

} // namespace rd::engine
