#pragma once
// The base of the engine's long-running work (KJob's contract): start() returns at once, suspend
// and resume are a capability, kill asks the work to stop, and the work ends once with a result
// (Completed, an error with code and text, or stopped). It drives the ConcreteJob clients see, so
// a subclass writes doStart/doSuspend/doResume/doKill and reports through the protected helpers.

#include "concretejob.h"

#include <QPointer>

namespace rd::engine {

class EngineJob : public JobControl
{
public:
    // job may be null and set later (setJob); the job must live on this object's thread.
    explicit EngineJob(ConcreteJob *job = nullptr);
    // Lets go of the job without ending it: an engine that stops leaves its jobs as persisted,
    // for the next engine to resume.
    ~EngineJob() override;
    Q_DISABLE_COPY_MOVE(EngineJob)

    ConcreteJob *job() const { return m_job; }
    // Becomes the job's control, what RequestStateChange steers.
    void setJob(ConcreteJob *job);

    // KJob::start(), at once: a New job goes Running, then doStart() runs. A job brought back
    // after a restart keeps its state: Suspended stays so (doStart() sees isSuspended() and
    // starts its work paused), and one that was ShuttingDown finishes stopping (doKill()).
    void start();
    bool isSuspended() const;
    bool isStopping() const { return m_stopping; }
    bool isFinished() const { return m_finished; }

    // JobControl, as JobManager::requestStateChange calls it; the work's part is the do* below.
    bool canSuspend() const final { return m_suspendable; }
    void suspend() final;
    void resume() final;
    void terminate() final;

protected:
    virtual void doStart() = 0;
    // Pause between units of work; the job is Suspended once this returns.
    virtual void doSuspend() {}
    virtual void doResume() {}
    // Ask the work to stop. true: nothing runs any more, the job ends stopped now; false: the work
    // calls emitStopped() (or emitResult()/emitError()) once it has stopped.
    virtual bool doKill() = 0;

    void setSuspendable(bool on) { m_suspendable = on; }
    // Amounts in bytes; the percent is derived and stays below 100 until the result.
    void setProgress(quint64 done, quint64 total);
    void setPercent(quint16 percent);
    void setCheckpoint(const QByteArray &checkpoint);

    // The result, once; later calls are ignored. Completed, or, when a stop was asked for,
    // Terminated (Killed for a Kill request): work asked to stop that ends anyway has stopped.
    void emitResult();
    // Exception with the error's code, text and type, whatever was asked.
    void emitError(const JobError &error);
    // Terminated (or Killed): the work stopped before it completed.
    void emitStopped();

private:
    void ended();

    QPointer<ConcreteJob> m_job;
    bool m_suspendable = true;
    bool m_started = false;
    bool m_stopping = false;
    bool m_finished = false;
};

} // namespace rd::engine
