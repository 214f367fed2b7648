#include "enginejob.h"

#include <algorithm>

namespace rd::engine {

using cim::JobState;

EngineJob::EngineJob(ConcreteJob *job)
{
    setJob(job);
}

EngineJob::~EngineJob()
{
    if (m_job && m_job->control() == this)
        m_job->setControl(nullptr);
}

void EngineJob::setJob(ConcreteJob *job)
{
    if (m_job && m_job->control() == this)
        m_job->setControl(nullptr);
    m_job = job;
    if (m_job && !m_job->isFinished())
        m_job->setControl(this);
}

bool EngineJob::isSuspended() const
{
    return m_job && m_job->state() == JobState::Suspended;
}

void EngineJob::start()
{
    if (m_started || m_finished)
        return;
    m_started = true;
    if (m_job && m_job->state() == JobState::ShuttingDown) {
        // A Terminate was under way when the engine stopped: finish it.
        terminate();
        return;
    }
    if (m_job && m_job->state() == JobState::New)
        m_job->setRunning();
    doStart();
}

void EngineJob::suspend()
{
    if (m_finished || !m_suspendable)
        return;
    doSuspend();
    if (m_job)
        m_job->setSuspended();
}

void EngineJob::resume()
{
    if (m_finished)
        return;
    if (!m_started) {
        // Start requested for a job whose work has not begun.
        start();
        return;
    }
    doResume();
    if (m_job)
        m_job->setRunning();
}

void EngineJob::terminate()
{
    if (m_finished)
        return;
    m_stopping = true;
    if (m_job && !m_job->isFinished() && m_job->state() != JobState::ShuttingDown)
        m_job->setShuttingDown();
    if (doKill())
        emitStopped();
}

void EngineJob::setProgress(quint64 done, quint64 total)
{
    setPercent(quint16(total == 0 ? 0 : std::min<quint64>(99, done * 100 / total)));
}

void EngineJob::setPercent(quint16 percent)
{
    if (m_job && !m_finished)
        m_job->setPercentComplete(std::min<quint16>(percent, 99));
}

void EngineJob::setCheckpoint(const QByteArray &checkpoint)
{
    if (m_job && !m_finished)
        m_job->setCheckpoint(checkpoint);
}

void EngineJob::emitResult()
{
    if (m_finished)
        return;
    if (m_stopping || (m_job && m_job->state() == JobState::ShuttingDown)) {
        emitStopped();
        return;
    }
    m_finished = true;
    if (m_job) {
        // Completed always follows Running: the last units may have gone while it was paused
        // (a clone's copy-before-write) or before it was started.
        if (m_job->state() == JobState::Suspended || m_job->state() == JobState::New)
            m_job->setRunning();
        m_job->setCompleted();
    }
    ended();
}

void EngineJob::emitError(const JobError &error)
{
    if (m_finished)
        return;
    m_finished = true;
    if (m_job)
        m_job->setFailed(error);
    ended();
}

void EngineJob::emitStopped()
{
    if (m_finished)
        return;
    m_finished = true;
    if (m_job)
        m_job->setTerminated();
    ended();
}

void EngineJob::ended()
{
    // Nothing may steer the work any more; JobManager does the same on the final state, this
    // covers a job no manager watches.
    if (m_job && m_job->control() == this)
        m_job->setControl(nullptr);
}

} // namespace rd::engine
