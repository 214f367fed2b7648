#include "jobprovider.h"

#include "cim/cimxml.h"

#include <QCoreApplication>
#include <QFuture>

namespace rd::engine {

using cim::CimType;
using cim::Value;

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("rd::engine::JobProvider", text);
}

bool isClass(const QString &name, const QString &canonical, const QString &alias)
{
    return name.compare(canonical, Qt::CaseInsensitive) == 0 ||
           name.compare(alias, Qt::CaseInsensitive) == 0;
}

const QString cimConcreteJob = QStringLiteral("CIM_ConcreteJob");
const QString cimAffectedJobElement = QStringLiteral("CIM_AffectedJobElement");

// CIM_Error.PerceivedSeverity and CIM_Error.CIMStatusCode values used here.
constexpr quint16 SeverityInformation = 2;
constexpr quint16 SeverityMajor = 5;
constexpr quint32 CimErrFailed = 1;
} // namespace

JobProvider::JobProvider(JobManager *manager)
    : m_manager(manager)
{}

QList<ClassInfo> JobProvider::classes() const
{
    return {
        {jobclass::concreteJob(), {cimConcreteJob}, false},
        {jobclass::affectedJobElement(), {cimAffectedJobElement}, true},
    };
}

cim::Result<QList<cim::Instance>> JobProvider::enumerateInstances(const QString &className)
{
    QList<cim::Instance> result;
    if (!m_manager)
        return result;
    if (isClass(className, jobclass::concreteJob(), cimConcreteJob)) {
        for (ConcreteJob *job : m_manager->jobs())
            result.append(job->toInstance());
    } else if (isClass(className, jobclass::affectedJobElement(), cimAffectedJobElement)) {
        for (ConcreteJob *job : m_manager->jobs()) {
            for (const cim::ObjectPath &affected : job->affectedElements()) {
                cim::Instance link(jobclass::affectedJobElement());
                const Value affecting = Value::reference(job->path());
                const Value element = Value::reference(affected);
                link.setPath(cim::ObjectPath(job->path().nameSpace(),
                                             jobclass::affectedJobElement(),
                                             {{QStringLiteral("AffectingElement"), affecting},
                                              {QStringLiteral("AffectedElement"), element}}));
                link.setProperty(QStringLiteral("AffectingElement"), affecting);
                link.setProperty(QStringLiteral("AffectedElement"), element);
                // ElementEffects 5 "Create": the job made the element.
                link.setProperty(QStringLiteral("ElementEffects"),
                                 Value::array(CimType::UInt16, {Value::uint16(5)}));
                result.append(link);
            }
        }
    }
    return result;
}

cim::Result<cim::Instance> JobProvider::getInstance(const cim::ObjectPath &path)
{
    if (m_manager && isClass(path.className(), jobclass::concreteJob(), cimConcreteJob)) {
        const Value id = path.key(u"InstanceID");
        if (id.isTyped() && !id.isNull() && id.type() == CimType::String) {
            if (ConcreteJob *job = m_manager->job(id.toString()))
                return job->toInstance();
        }
        return cim::Error(cim::ReturnCode::InvalidParameter,
                          tr("No job %1 exists.").arg(path.toString()));
    }
    return Provider::getInstance(path);
}

QList<MethodSpec> JobProvider::methods(const QString &className) const
{
    if (!isClass(className, jobclass::concreteJob(), cimConcreteJob))
        return {};
    return {
        {QStringLiteral("RequestStateChange"),
         {{QStringLiteral("RequestedState"), CimType::UInt16, false, ParameterSpec::In, true, {}},
          {QStringLiteral("TimeoutPeriod"),
           CimType::DateTime,
           false,
           ParameterSpec::In,
           false,
           {}}}},
        {QStringLiteral("GetError"),
         {{QStringLiteral("Error"), CimType::String, false, ParameterSpec::Out, false, {}}}},
    };
}

std::optional<cim::Instance> JobProvider::errorInstance(const ConcreteJob &job)
{
    // GetError: "If the OperationalStatus on the Job is not OK, this method returns a CIM Error
    // instance; otherwise, when the Job is OK, null" (CIM_ConcreteJob). A terminated job is not
    // OK (Stopped, Aborted) but did not fail: it gets an informational error saying so.
    const cim::JobState state = job.state();
    const std::optional<JobError> error = job.error();
    const bool stopped = state == cim::JobState::Terminated || state == cim::JobState::Killed;
    if (!error && !stopped)
        return std::nullopt;
    cim::Instance e(QStringLiteral("CIM_Error"));
    const JobError err =
        error.value_or(JobError{quint32(cim::ReturnCode::Completed),
                                tr("The job was stopped by request."), JobErrorType::Other});
    e.setProperty(QStringLiteral("ErrorType"), Value::uint16(quint16(err.type)));
    if (err.type == JobErrorType::Other) {
        e.setProperty(
            QStringLiteral("OtherErrorType"),
            Value::string(stopped ? QStringLiteral("Terminated") : QStringLiteral("Other")));
    }
    e.setProperty(QStringLiteral("OwningEntity"), Value::string(QStringLiteral("ReplicaDesk")));
    // MessageID: stable per cause so a client can key on it; the return code is the cause here.
    e.setProperty(QStringLiteral("MessageID"),
                  Value::string(stopped && !error ? QStringLiteral("RD-JOB-TERMINATED")
                                                  : QStringLiteral("RD-JOB-%1").arg(err.code)));
    e.setProperty(QStringLiteral("Message"), Value::string(err.message));
    e.setProperty(QStringLiteral("MessageArguments"),
                  Value::array(CimType::String, {Value::string(job.instanceId())}));
    e.setProperty(QStringLiteral("PerceivedSeverity"),
                  Value::uint16(error ? SeverityMajor : SeverityInformation));
    e.setProperty(QStringLiteral("ProbableCause"), Value::uint16(0)); // Unknown
    e.setProperty(QStringLiteral("ErrorSource"), Value::string(job.path().toString()));
    e.setProperty(QStringLiteral("ErrorSourceFormat"), Value::uint16(2)); // CIMObjectPath
    e.setProperty(QStringLiteral("CIMStatusCode"), Value::uint32(CimErrFailed));
    e.setProperty(QStringLiteral("CIMStatusCodeDescription"),
                  Value::string(QStringLiteral("CIM_ERR_FAILED")));
    return e;
}

QFuture<cim::MethodResult> JobProvider::invokeMethod(const cim::MethodCall &call)
{
    if (!m_manager || !isClass(call.target.className(), jobclass::concreteJob(), cimConcreteJob))
        return Provider::invokeMethod(call);
    const Value idValue = call.target.key(u"InstanceID");
    const QString id = idValue.isNull() ? QString() : idValue.toString();
    ConcreteJob *job = m_manager->job(id);
    if (!job) {
        return QtFuture::makeReadyFuture(
            cim::MethodResult::failure(quint32(cim::ReturnCode::InvalidParameter),
                                       tr("No job %1 exists.").arg(call.target.toString())));
    }
    if (call.method.compare(u"RequestStateChange", Qt::CaseInsensitive) == 0) {
        const Value requested = call.in.value(u"RequestedState");
        const Value timeout = call.in.value(u"TimeoutPeriod");
        quint64 timeoutUs = 0;
        if (!timeout.isNull()) {
            // TimeoutPeriod "must be specified using the interval format".
            if (!timeout.toDateTime().isInterval()) {
                return QtFuture::makeReadyFuture(cim::MethodResult::failure(
                    quint32(cim::ReturnCode::InvalidParameter),
                    tr("TimeoutPeriod must be an interval, not a point in time.")));
            }
            timeoutUs = timeout.toDateTime().intervalMicroseconds();
        }
        return m_manager->requestStateChange(id, quint16(requested.toUInt64()), timeoutUs);
    }
    if (call.method.compare(u"GetError", Qt::CaseInsensitive) == 0) {
        cim::MethodResult r;
        const std::optional<cim::Instance> error = errorInstance(*job);
        r.out.set(QStringLiteral("Error"), error ? Value::string(cim::cimxml::writeInstance(*error))
                                                 : Value::null(CimType::String));
        return QtFuture::makeReadyFuture(r);
    }
    return Provider::invokeMethod(call);
}

cim::Result<void> JobProvider::deleteInstance(const cim::ObjectPath &path)
{
    if (!m_manager || !isClass(path.className(), jobclass::concreteJob(), cimConcreteJob))
        return Provider::deleteInstance(path);
    return m_manager->removeJob(path.key(u"InstanceID").toString());
}

} // namespace rd::engine
