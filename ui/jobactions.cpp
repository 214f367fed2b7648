#include "jobactions.h"

#include "cim/enums.h"
#include "icons.h"
#include "systeminventory.h"
#include "valueformat.h"

#include <QAction>
#include <QFutureWatcher>

namespace rd::ui {

namespace {
// CIM_ConcreteJob.RequestStateChange RequestedState codes.
constexpr quint16 kStart = 2;
constexpr quint16 kSuspend = 3;
constexpr quint16 kTerminate = 4;
} // namespace

JobActions::JobActions(QObject *parent)
    : QObject(parent)
    , m_suspend(
          new QAction(themedIcon(QStringLiteral("media-playback-pause")), tr("&Suspend Job"), this))
    , m_resume(
          new QAction(themedIcon(QStringLiteral("media-playback-start")), tr("&Resume Job"), this))
    , m_cancel(new QAction(themedIcon(QStringLiteral("process-stop")), tr("&Cancel Job"), this))
{
    m_suspend->setObjectName(QStringLiteral("suspendJobAction"));
    m_resume->setObjectName(QStringLiteral("resumeJobAction"));
    m_cancel->setObjectName(QStringLiteral("cancelJobAction"));
    m_suspend->setToolTip(tr("Pause the selected job; it can be resumed later"));
    m_resume->setToolTip(tr("Continue the selected suspended job"));
    m_cancel->setToolTip(tr("Stop the selected job"));
    m_suspend->setIconText(tr("Suspend"));
    m_resume->setIconText(tr("Resume"));
    m_cancel->setIconText(tr("Cancel"));
    connect(m_suspend, &QAction::triggered, this, [this] { request(kSuspend, tr("Suspend")); });
    connect(m_resume, &QAction::triggered, this, [this] { request(kStart, tr("Resume")); });
    connect(m_cancel, &QAction::triggered, this, [this] { request(kTerminate, tr("Cancel")); });
    setJob(nullptr, {});
}

void JobActions::setJob(SystemInventory *system, const cim::Instance &job)
{
    m_system = system;
    m_job = job;
    using cim::JobState;
    const cim::Value stateValue = job.property(u"JobState");
    const bool known = system && !job.isEmpty() && stateValue.isTyped() && !stateValue.isNull() &&
                       !stateValue.isArray() && cim::isInteger(stateValue.type());
    const auto state = known ? JobState(stateValue.toUInt64()) : JobState::Completed;
    m_suspend->setEnabled(known && state == JobState::Running);
    m_resume->setEnabled(known && state == JobState::Suspended);
    m_cancel->setEnabled(known && (state == JobState::New || state == JobState::Starting ||
                                   state == JobState::Running || state == JobState::Suspended));
}

void JobActions::request(quint16 requestedState, const QString &verb)
{
    if (!m_system || !m_system->client() || m_job.isEmpty())
        return;
    cim::MethodCall call;
    call.target = m_job.path();
    call.method = QStringLiteral("RequestStateChange");
    call.in.set(QStringLiteral("RequestedState"), cim::Value::uint16(requestedState));

    const QString jobName = instanceLabel(m_job);
    QPointer<SystemInventory> system = m_system;
    auto *watcher = new QFutureWatcher<cim::MethodResult>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, jobName, verb, system] {
        watcher->deleteLater();
        if (watcher->isCanceled() || watcher->future().resultCount() == 0) {
            Q_EMIT message(tr("%1 “%2”: the system did not answer.").arg(verb, jobName));
            return;
        }
        const cim::MethodResult result = watcher->result();
        if (result.returnValue == 0) {
            Q_EMIT message(tr("%1 “%2”: accepted.").arg(verb, jobName));
        } else {
            const QString reason = valueMapLabel(cim::ValueMap::returnCode(), result.returnValue);
            Q_EMIT message(
                result.message.isEmpty()
                    ? tr("%1 “%2” failed: %3.").arg(verb, jobName, reason)
                    : tr("%1 “%2” failed: %3 — %4").arg(verb, jobName, reason, result.message));
        }
        if (system)
            system->refresh();
    });
    watcher->setFuture(m_system->client()->invokeMethod(call));
    // One request at a time per selection: the state will change.
    setJob(m_system, {});
}

} // namespace rd::ui
