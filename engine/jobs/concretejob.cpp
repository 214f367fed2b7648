#include "concretejob.h"

#include "cim/datetime.h"
#include "cim/valuemap.h"
#include "provider/providerregistry.h"

#include <QPointer>
#include <QPromise>

#include <algorithm>

namespace rd::engine {

using cim::JobState;
using cim::OperationalStatus;
using cim::Value;

ConcreteJob::ConcreteJob(JobRecord record, QObject *parent)
    : QObject(parent)
    , m_record(std::move(record))
{}

ConcreteJob::~ConcreteJob()
{
    // Waiters of a job that goes before it ends hear so, rather than waiting for ever.
    for (const auto &promise : std::exchange(m_waiters, {})) {
        promise->addResult(JobOutcome{});
        promise->finish();
    }
}

JobOutcome ConcreteJob::outcome() const
{
    JobOutcome o;
    if (isFinished()) {
        o.state = state();
        if (state() == JobState::Exception)
            o.error = error().value_or(JobError{});
    }
    return o;
}

QFuture<JobOutcome> ConcreteJob::whenFinished()
{
    if (isFinished())
        return QtFuture::makeReadyFuture(outcome());
    auto promise = std::make_shared<QPromise<JobOutcome>>();
    promise->start();
    m_waiters.push_back(promise);
    return promise->future();
}

void ConcreteJob::fulfilWaiters()
{
    const JobOutcome o = outcome();
    for (const auto &promise : std::exchange(m_waiters, {})) {
        promise->addResult(o);
        promise->finish();
    }
}

bool ConcreteJob::isFinalState(JobState state)
{
    return state == JobState::Completed || state == JobState::Terminated ||
           state == JobState::Killed || state == JobState::Exception;
}

std::optional<JobError> ConcreteJob::error() const
{
    if (m_record.errorCode == 0 && m_record.errorDescription.isEmpty())
        return std::nullopt;
    return JobError{m_record.errorCode, m_record.errorDescription,
                    JobErrorType(m_record.errorType)};
}

// OperationalStatus per JobState. The issue fixes {17 Completed, 2 OK} and {17, 6 Error}; the other
// rows follow CIM_ManagedSystemElement's meanings as SMI-S Job Control implementations use them:
// a job that has not started is Dormant, a running one OK, a suspended one Stopped (cleanly
// halted, can go on), one being stopped Stopping, a terminated or killed one Stopped + Aborted
// (it ended by request, not by error, and did not complete).
QList<quint16> ConcreteJob::operationalStatus() const
{
    auto os = [](std::initializer_list<OperationalStatus> l) {
        QList<quint16> r;
        for (OperationalStatus s : l)
            r.append(quint16(s));
        return r;
    };
    switch (state()) {
    case JobState::New:
        return os({OperationalStatus::Dormant});
    case JobState::Starting:
        return os({OperationalStatus::Starting});
    case JobState::Running:
        return os({OperationalStatus::OK});
    case JobState::Suspended:
        return os({OperationalStatus::Stopped});
    case JobState::ShuttingDown:
        return os({OperationalStatus::Stopping});
    case JobState::Completed:
        return os({OperationalStatus::Completed, OperationalStatus::OK});
    case JobState::Exception:
        return os({OperationalStatus::Completed, OperationalStatus::Error});
    case JobState::Terminated:
    case JobState::Killed:
        return os({OperationalStatus::Stopped, OperationalStatus::Aborted});
    default:
        return os({OperationalStatus::Unknown});
    }
}

QList<cim::ObjectPath> ConcreteJob::affectedElements() const
{
    QList<cim::ObjectPath> result;
    for (const QString &text : m_record.affectedElements) {
        if (auto p = cim::ObjectPath::fromString(text))
            result.append(*p);
    }
    return result;
}

cim::ObjectPath ConcreteJob::pathFor(const QString &instanceId)
{
    return cim::ObjectPath(ProviderRegistry::defaultNameSpace(), jobclass::concreteJob(),
                           {{QStringLiteral("InstanceID"), Value::string(instanceId)}});
}

cim::ObjectPath ConcreteJob::path() const
{
    return pathFor(m_record.instanceId);
}

cim::Instance ConcreteJob::toInstance() const
{
    cim::Instance inst(jobclass::concreteJob());
    inst.setPath(path());
    const JobRecord &r = m_record;
    auto timestamp = [](const QDateTime &t) {
        return t.isValid() ? Value::dateTime(cim::DateTime::timestamp(t))
                           : Value::null(cim::CimType::DateTime);
    };
    inst.setProperty(QStringLiteral("InstanceID"), Value::string(r.instanceId));
    inst.setProperty(QStringLiteral("Name"), Value::string(r.name));
    inst.setProperty(QStringLiteral("ElementName"), Value::string(r.elementName));
    inst.setProperty(QStringLiteral("JobState"), Value::uint16(r.state));
    QList<Value> os;
    for (quint16 s : operationalStatus())
        os.append(Value::uint16(s));
    inst.setProperty(QStringLiteral("OperationalStatus"), Value::array(cim::CimType::UInt16, os));
    inst.setProperty(QStringLiteral("JobStatus"),
                     Value::string(cim::ValueMap::jobState().label(r.state)));
    inst.setProperty(QStringLiteral("PercentComplete"), Value::uint16(r.percentComplete));
    // CIM_Job.ErrorCode is a uint16; our codes are CIM return codes, which fit except for
    // vendor-specific ones, which are clamped rather than wrapped.
    inst.setProperty(QStringLiteral("ErrorCode"),
                     Value::uint16(quint16(std::min<quint32>(r.errorCode, 0xFFFF))));
    inst.setProperty(QStringLiteral("ErrorDescription"), r.errorDescription.isEmpty()
                                                             ? Value::null(cim::CimType::String)
                                                             : Value::string(r.errorDescription));
    inst.setProperty(QStringLiteral("TimeSubmitted"), timestamp(r.timeSubmitted));
    inst.setProperty(QStringLiteral("StartTime"), timestamp(r.startTime));
    quint64 elapsedUs = 0;
    if (r.startTime.isValid()) {
        const QDateTime end =
            r.finishTime.isValid() ? r.finishTime : QDateTime::currentDateTimeUtc();
        elapsedUs = quint64(std::max<qint64>(0, r.startTime.msecsTo(end))) * 1000;
    }
    inst.setProperty(QStringLiteral("ElapsedTime"),
                     Value::dateTime(cim::DateTime::interval(elapsedUs)));
    inst.setProperty(QStringLiteral("TimeOfLastStateChange"), timestamp(r.timeOfLastStateChange));
    inst.setProperty(QStringLiteral("TimeBeforeRemoval"),
                     Value::dateTime(cim::DateTime::interval(r.timeBeforeRemovalUs)));
    inst.setProperty(QStringLiteral("DeleteOnCompletion"), Value::boolean(r.deleteOnCompletion));
    inst.setProperty(QStringLiteral("LocalOrUtcTime"), Value::uint16(2)); // UTC
    return inst;
}

// The state model:
//   New ──▶ Running ◀──▶ Suspended
//    │        │  ╲           │
//    │        │   ▶ ShuttingDown ──▶ Terminated / Killed
//    ▼        ▼           │
//   Completed / Exception ◀┘
// New may also go straight to ShuttingDown/Terminated (terminated before it ran), Completed
// (nothing to do) or Exception (failed to start). Suspended may end in Exception (a
// copy-before-write that fails while the copy is paused) but not in Completed: the work must be
// resumed first, so "Completed" always follows "Running". The final states have no way out.
bool ConcreteJob::moveTo(JobState to)
{
    const JobState from = state();
    bool allowed = false;
    switch (from) {
    case JobState::New:
        allowed = to == JobState::Running || to == JobState::Suspended ||
                  to == JobState::ShuttingDown || to == JobState::Completed ||
                  to == JobState::Exception || to == JobState::Terminated || to == JobState::Killed;
        break;
    case JobState::Running:
        allowed = to == JobState::Suspended || to == JobState::ShuttingDown ||
                  to == JobState::Completed || to == JobState::Exception ||
                  to == JobState::Terminated || to == JobState::Killed;
        break;
    case JobState::Suspended:
        allowed = to == JobState::Running || to == JobState::ShuttingDown ||
                  to == JobState::Exception || to == JobState::Terminated || to == JobState::Killed;
        break;
    case JobState::ShuttingDown:
        allowed = to == JobState::Terminated || to == JobState::Killed ||
                  to == JobState::Completed || to == JobState::Exception;
        break;
    default:
        allowed = false;
    }
    if (!allowed)
        return false;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    m_record.state = quint16(to);
    m_record.timeOfLastStateChange = now;
    if (to == JobState::Running && !m_record.startTime.isValid())
        m_record.startTime = now;
    if (isFinalState(to)) {
        m_record.finishTime = now;
        if (!m_record.startTime.isValid())
            m_record.startTime = now;
    }
    // Persisting (JobManager's slot) goes first, then whoever waits for the end.
    QPointer<ConcreteJob> self(this);
    Q_EMIT stateChanged(this);
    if (self && isFinalState(to))
        fulfilWaiters();
    return true;
}

bool ConcreteJob::setRunning()
{
    return moveTo(JobState::Running);
}

bool ConcreteJob::setSuspended()
{
    return moveTo(JobState::Suspended);
}

bool ConcreteJob::setShuttingDown()
{
    return moveTo(JobState::ShuttingDown);
}

bool ConcreteJob::setCompleted()
{
    if (isFinished())
        return false;
    m_record.percentComplete = 100;
    return moveTo(JobState::Completed);
}

bool ConcreteJob::setFailed(const JobError &error)
{
    if (isFinished())
        return false;
    m_record.errorCode = error.code;
    m_record.errorDescription = error.message;
    m_record.errorType = quint16(error.type);
    return moveTo(JobState::Exception);
}

bool ConcreteJob::setTerminated()
{
    return moveTo(m_killRequested ? JobState::Killed : JobState::Terminated);
}

void ConcreteJob::setPercentComplete(quint16 percent)
{
    percent = std::min<quint16>(percent, 100);
    if (isFinished() || percent == m_record.percentComplete)
        return;
    m_record.percentComplete = percent;
    Q_EMIT progressChanged(this);
}

void ConcreteJob::setCheckpoint(const QByteArray &checkpoint)
{
    if (checkpoint == m_record.checkpoint)
        return;
    m_record.checkpoint = checkpoint;
    Q_EMIT progressChanged(this);
}

void ConcreteJob::setParameters(const QByteArray &parameters)
{
    m_record.parameters = parameters;
    Q_EMIT stateChanged(this);
}

void ConcreteJob::addAffectedElement(const cim::ObjectPath &path)
{
    const QString text = path.toString();
    if (m_record.affectedElements.contains(text))
        return;
    m_record.affectedElements.append(text);
    Q_EMIT stateChanged(this);
}

void ConcreteJob::setDeleteOnCompletion(bool on)
{
    m_record.deleteOnCompletion = on;
    Q_EMIT stateChanged(this);
}

void ConcreteJob::setTimeBeforeRemoval(quint64 microseconds)
{
    m_record.timeBeforeRemovalUs = microseconds;
    Q_EMIT stateChanged(this);
}

} // namespace rd::engine
