#include "jobmanager.h"

#include "cim/valuemap.h"

#include <QCoreApplication>
#include <QFuture>
#include <QPromise>
#include <QUuid>

#include <algorithm>
#include <limits>
#include <memory>

namespace rd::engine {

namespace {
QFuture<cim::MethodResult> ready(quint32 code, const QString &message = {})
{
    cim::MethodResult r;
    r.returnValue = code;
    r.message = message;
    return QtFuture::makeReadyFuture(r);
}

constexpr qint64 MaxTimerMs = std::numeric_limits<int>::max();
} // namespace

JobManager::JobManager(JobStore *store, QObject *parent)
    : QObject(parent)
    , m_store(store)
{
    m_saveTimer.setInterval(1000);
    m_saveTimer.setSingleShot(true);
    connect(&m_saveTimer, &QTimer::timeout, this, &JobManager::saveDirty);
    m_notifyTimer.setInterval(100);
    m_notifyTimer.setSingleShot(true);
    connect(&m_notifyTimer, &QTimer::timeout, this, &JobManager::jobsChanged);
}

JobManager::~JobManager()
{
    saveDirty();
    // Jobs are children; their work (JobControl) belongs to whoever made it and must be gone.
}

ConcreteJob *JobManager::createJob(const NewJob &spec)
{
    JobRecord r;
    r.instanceId =
        QStringLiteral("ReplicaDesk:job-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    r.kind = spec.kind;
    r.name = spec.name;
    r.elementName = spec.elementName;
    r.state = quint16(cim::JobState::New);
    r.timeSubmitted = QDateTime::currentDateTimeUtc();
    r.timeOfLastStateChange = r.timeSubmitted;
    r.deleteOnCompletion = spec.deleteOnCompletion;
    r.timeBeforeRemovalUs = spec.timeBeforeRemovalUs;
    r.parameters = spec.parameters;
    ConcreteJob *job = adopt(std::move(r));
    save(job);
    Q_EMIT jobAdded(job);
    notifyChanged();
    return job;
}

ConcreteJob *JobManager::adopt(JobRecord record)
{
    auto *job = new ConcreteJob(std::move(record), this);
    m_jobs.insert(job->instanceId(), job);
    connect(job, &ConcreteJob::stateChanged, this, &JobManager::onStateChanged);
    connect(job, &ConcreteJob::progressChanged, this, &JobManager::onProgressChanged);
    return job;
}

ConcreteJob *JobManager::job(const QString &instanceId) const
{
    return m_jobs.value(instanceId);
}

QList<ConcreteJob *> JobManager::jobs() const
{
    QList<ConcreteJob *> list = m_jobs.values();
    std::sort(list.begin(), list.end(), [](ConcreteJob *a, ConcreteJob *b) {
        return a->record().timeSubmitted < b->record().timeSubmitted;
    });
    return list;
}

void JobManager::onStateChanged(ConcreteJob *job)
{
    // A state change is written through at once: it is what recovery decides on.
    save(job);
    notifyChanged();
    if (job->isFinished()) {
        job->setControl(nullptr); // the work may go away now; nothing may steer it any more
        scheduleRemoval(job);
        Q_EMIT jobFinished(job);
    }
}

void JobManager::onProgressChanged(ConcreteJob *job)
{
    m_dirty.insert(job->instanceId());
    if (!m_saveTimer.isActive())
        m_saveTimer.start();
    notifyChanged();
}

void JobManager::notifyChanged()
{
    if (!m_notifyTimer.isActive())
        m_notifyTimer.start();
}

void JobManager::save(ConcreteJob *job)
{
    m_dirty.remove(job->instanceId());
    if (!m_store)
        return;
    if (auto r = m_store->saveJob(job->record()); !r)
        qWarning("Cannot save job %s: %s", qPrintable(job->instanceId()),
                 qPrintable(r.error().message));
}

void JobManager::saveDirty()
{
    const QSet<QString> dirty = std::exchange(m_dirty, {});
    for (const QString &id : dirty) {
        if (ConcreteJob *j = m_jobs.value(id))
            save(j);
    }
}

void JobManager::flush()
{
    for (ConcreteJob *j : std::as_const(m_jobs))
        save(j);
}

// Retention: a finished job with DeleteOnCompletion stays visible for TimeBeforeRemoval after it
// ended (CIM_ConcreteJob semantics), so a client polling it sees the outcome, then disappears. One
// with DeleteOnCompletion false stays until a client deletes it.
void JobManager::scheduleRemoval(ConcreteJob *job)
{
    if (!job->record().deleteOnCompletion)
        return;
    const QDateTime due =
        job->record().finishTime.addMSecs(qint64(job->record().timeBeforeRemovalUs / 1000));
    const qint64 ms = QDateTime::currentDateTimeUtc().msecsTo(due);
    const QString id = job->instanceId();
    if (ms <= 0) {
        // Removing from inside the state-change signal would delete the emitter: defer.
        QMetaObject::invokeMethod(
            this, [this, id] { (void)removeJob(id); }, Qt::QueuedConnection);
        return;
    }
    QTimer::singleShot(std::min(ms, MaxTimerMs), job, [this, job] { scheduleRemoval(job); });
}

cim::Result<void> JobManager::removeJob(const QString &instanceId)
{
    ConcreteJob *job = m_jobs.value(instanceId);
    if (!job)
        return cim::Error(cim::ReturnCode::InvalidParameter,
                          tr("No job %1 exists.").arg(instanceId));
    if (!job->isFinished()) {
        return cim::Error(cim::ReturnCode::InUse,
                          tr("Job %1 is still running; terminate it first.").arg(instanceId));
    }
    m_jobs.remove(instanceId);
    m_dirty.remove(instanceId);
    if (m_store) {
        if (auto r = m_store->removeJob(instanceId); !r)
            qWarning("Cannot remove job %s: %s", qPrintable(instanceId),
                     qPrintable(r.error().message));
    }
    job->deleteLater();
    Q_EMIT jobRemoved(instanceId);
    notifyChanged();
    return {};
}

void JobManager::discardJob(const QString &instanceId)
{
    ConcreteJob *job = m_jobs.take(instanceId);
    if (!job)
        return;
    m_dirty.remove(instanceId);
    job->setControl(nullptr);
    job->disconnect(this);
    if (m_store)
        (void)m_store->removeJob(instanceId);
    job->deleteLater();
    Q_EMIT jobRemoved(instanceId);
    notifyChanged();
}

QFuture<cim::MethodResult> JobManager::requestStateChange(const QString &instanceId,
                                                          quint16 requestedState, quint64 timeoutUs)
{
    using cim::JobRequestedState;
    using cim::JobState;
    using cim::ReturnCode;
    ConcreteJob *job = m_jobs.value(instanceId);
    if (!job)
        return ready(quint32(ReturnCode::InvalidParameter),
                     tr("No job %1 exists.").arg(instanceId));
    if (requestedState < quint16(JobRequestedState::Start) ||
        requestedState > quint16(JobRequestedState::Service)) {
        return ready(quint32(ReturnCode::InvalidParameter),
                     tr("%1 is not a RequestedState value a job knows.").arg(requestedState));
    }
    const auto requested = JobRequestedState(requestedState);
    if (requested == JobRequestedState::Service) {
        return ready(quint32(ReturnCode::NotSupported),
                     tr("Jobs of this engine have no service state."));
    }
    const JobState state = job->state();
    const auto invalid = [&] {
        return ready(quint32(ReturnCode::InvalidStateTransition),
                     tr("Job %1 is %2; it cannot go to the requested state from there.")
                         .arg(instanceId, cim::ValueMap::jobState().label(quint16(state))));
    };
    // Transitions a request may cause (anything else is 4097, including asking for the state
    // the job is already in, and any request to a finished job):
    //   Start:          New, Suspended      → Running
    //   Suspend:        Running             → Suspended
    //   Terminate/Kill: New, Running, Suspended → ShuttingDown → Terminated/Killed
    switch (requested) {
    case JobRequestedState::Start:
        if (state != JobState::New && state != JobState::Suspended)
            return invalid();
        if (JobControl *c = job->control())
            c->resume();
        job->setRunning();
        return ready(0);
    case JobRequestedState::Suspend:
        if (state != JobState::Running)
            return invalid();
        if (!job->control() || !job->control()->canSuspend()) {
            return ready(quint32(ReturnCode::NotSupported),
                         tr("Job %1 cannot be suspended.").arg(instanceId));
        }
        job->control()->suspend();
        job->setSuspended();
        return ready(0);
    case JobRequestedState::Terminate:
    case JobRequestedState::Kill: {
        if (state != JobState::New && state != JobState::Running && state != JobState::Suspended)
            return invalid();
        if (requested == JobRequestedState::Kill)
            job->markKillRequested();
        auto promise = std::make_shared<QPromise<cim::MethodResult>>();
        promise->start();
        QFuture<cim::MethodResult> future = promise->future();
        auto done = std::make_shared<bool>(false);
        auto finish = [promise, done](quint32 code, const QString &message) {
            if (*done)
                return;
            *done = true;
            cim::MethodResult r;
            r.returnValue = code;
            r.message = message;
            promise->addResult(r);
            promise->finish();
        };
        // The context dies with the job: a job removed before it stopped leaves the request
        // unanswered (cancelled), as its timer goes with it.
        auto *context = new QObject(job);
        job->whenFinished().then(context, [finish, context, instanceId](const JobOutcome &end) {
            if (!end.state)
                return;
            if (end.state == JobState::Terminated || end.state == JobState::Killed) {
                finish(0, {});
            } else {
                finish(quint32(ReturnCode::InvalidStateTransition),
                       tr("Job %1 ended before it could be terminated.").arg(instanceId));
            }
            context->deleteLater();
        });
        if (timeoutUs > 0) {
            QTimer::singleShot(std::min<qint64>(qint64(timeoutUs / 1000), MaxTimerMs), context,
                               [finish, instanceId] {
                                   finish(quint32(ReturnCode::Timeout),
                                          tr("Job %1 is still stopping.").arg(instanceId));
                               });
        }
        job->setShuttingDown();
        if (JobControl *c = job->control())
            c->terminate(); // the work calls setTerminated() once it has stopped
        else
            job->setTerminated();
        return future;
    }
    default:
        return invalid();
    }
}

void JobManager::setResumer(const QString &kind, Resumer resumer)
{
    m_resumers.insert(kind, std::move(resumer));
}

cim::Result<void> JobManager::recover()
{
    if (!m_store)
        return {};
    auto records = m_store->loadJobs();
    if (!records)
        return records.error();
    for (const JobRecord &record : records.value()) {
        if (m_jobs.contains(record.instanceId))
            continue;
        ConcreteJob *job = adopt(record);
        Q_EMIT jobAdded(job);
        if (job->isFinished()) {
            scheduleRemoval(job);
            continue;
        }
        const Resumer resumer = m_resumers.value(job->kind());
        cim::Result<void> resumed =
            resumer ? resumer(job)
                    : cim::Result<void>(cim::Error(
                          cim::ReturnCode::NotSupported,
                          tr("this engine cannot resume jobs of kind \"%1\"").arg(job->kind())));
        if (!resumed && !job->isFinished()) {
            job->setFailed({resumed.error().code,
                            tr("The engine stopped while this job was running and could not resume "
                               "it: %1")
                                .arg(resumed.error().message),
                            JobErrorType::Software});
        }
    }
    notifyChanged();
    return {};
}

} // namespace rd::engine
