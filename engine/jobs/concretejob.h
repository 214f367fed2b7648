#pragma once
// One unit of long-running engine work as CIM_ConcreteJob shows it: state, progress, times, error.
// JobManager owns it on the engine thread; the work behind it drives it (start, progress, finish).

#include "jobstore.h"

#include "cim/enums.h"
#include "cim/instance.h"
#include "cim/objectpath.h"

#include <QFuture>
#include <QObject>

#include <memory>
#include <optional>
#include <vector>

template<typename T>
class QPromise;

namespace rd::engine {

// The CIM class names jobs are served under.
namespace jobclass {
inline QString concreteJob()
{
    return QStringLiteral("MSISCSITARGET_ConcreteJob");
}
inline QString affectedJobElement()
{
    return QStringLiteral("MSISCSITARGET_AffectedJobElement");
}
} // namespace jobclass

// CIM_Error.ErrorType values a job failure can carry.
enum class JobErrorType : quint16 {
    Unknown = 0,
    Other = 1,
    Communications = 2,
    QualityOfService = 3,
    Software = 4,
    Hardware = 5,
    Environmental = 6,
    Security = 7,
    Oversubscription = 8,
    UnavailableResource = 9,
    UnsupportedOperation = 10,
};

struct JobError
{
    quint32 code = quint32(cim::ReturnCode::Failed);
    QString message;
    JobErrorType type = JobErrorType::Software;
};

// How a job ended, as ConcreteJob::whenFinished() reports it.
struct JobOutcome
{
    // Completed, Terminated, Killed or Exception; nullopt when the job was removed (or the engine
    // went away) before it ended.
    std::optional<cim::JobState> state;
    std::optional<JobError> error; // with Exception
    bool completed() const { return state == cim::JobState::Completed; }
};

// The work behind a job, as far as RequestStateChange can steer it. Calls come on the engine
// thread; the work answers by calling the job's setters (possibly later, from the engine thread).
class JobControl
{
public:
    virtual ~JobControl() = default;
    virtual bool canSuspend() const { return true; }
    // Pause between units of work; the job is Suspended when this returns.
    virtual void suspend() = 0;
    virtual void resume() = 0;
    // Ask the work to stop; it calls ConcreteJob::setTerminated() once nothing runs any more.
    virtual void terminate() = 0;
};

class ConcreteJob final : public QObject
{
    Q_OBJECT
public:
    explicit ConcreteJob(JobRecord record, QObject *parent = nullptr);
    ~ConcreteJob() override;
    Q_DISABLE_COPY_MOVE(ConcreteJob)

    QString instanceId() const { return m_record.instanceId; }
    QString kind() const { return m_record.kind; }
    cim::JobState state() const { return cim::JobState(m_record.state); }
    quint16 percentComplete() const { return m_record.percentComplete; }
    std::optional<JobError> error() const;
    bool isFinished() const { return isFinalState(state()); }
    // Completed, Terminated, Killed or Exception: nothing runs and nothing will.
    static bool isFinalState(cim::JobState state);
    QList<quint16> operationalStatus() const;
    QList<cim::ObjectPath> affectedElements() const;
    const JobRecord &record() const { return m_record; }
    cim::ObjectPath path() const;
    static cim::ObjectPath pathFor(const QString &instanceId);
    // The CIM_ConcreteJob instance, with ElapsedTime computed for now.
    cim::Instance toInstance() const;

    // The job's end, for whoever must answer once it is over (a synchronous method, a Terminate
    // request): ready at once for a job that has ended, else fulfilled once, on the engine thread,
    // when it reaches its final state (after stateChanged), or with no state if the job is
    // destroyed first. Each call gives a future of its own, so each caller may attach its own
    // continuation (a QFuture keeps only one).
    QFuture<JobOutcome> whenFinished();
    JobOutcome outcome() const;

    JobControl *control() const { return m_control; }
    void setControl(JobControl *control) { m_control = control; }

    // Driven by the work and by JobManager (engine thread). Each moves the state only along the
    // model's edges (see concretejob.cpp); a call that would not is ignored and returns false.
    bool setRunning();
    bool setSuspended();
    bool setShuttingDown();
    bool setCompleted();
    bool setFailed(const JobError &error);
    // Terminated, or Killed when the stop came from a Kill request (markKillRequested).
    bool setTerminated();
    void markKillRequested() { m_killRequested = true; }
    void setPercentComplete(quint16 percent);
    void setCheckpoint(const QByteArray &checkpoint);
    void setParameters(const QByteArray &parameters);
    void addAffectedElement(const cim::ObjectPath &path);
    void setDeleteOnCompletion(bool on);
    void setTimeBeforeRemoval(quint64 microseconds);

Q_SIGNALS:
    // State, error or affected elements changed: worth persisting at once.
    void stateChanged(rd::engine::ConcreteJob *job);
    // Percent or checkpoint moved: persisted when the manager next gets to it.
    void progressChanged(rd::engine::ConcreteJob *job);

private:
    bool moveTo(cim::JobState to);
    void fulfilWaiters();

    JobRecord m_record;
    std::vector<std::shared_ptr<QPromise<JobOutcome>>> m_waiters;
    JobControl *m_control = nullptr;
    bool m_killRequested = false;
};

} // namespace rd::engine
