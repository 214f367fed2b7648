#pragma once
// Suspend, resume and cancel for the selected job: three actions enabled by the job's state that
// ask its system for ConcreteJob.RequestStateChange, and report what the system answered.

#include "cim/instance.h"

#include <QObject>
#include <QPointer>

class QAction;

namespace rd::ui {

class SystemInventory;

class JobActions final : public QObject
{
    Q_OBJECT
public:
    explicit JobActions(QObject *parent = nullptr);

    QAction *suspendAction() const { return m_suspend; }
    QAction *resumeAction() const { return m_resume; }
    QAction *cancelAction() const { return m_cancel; }

    // The job the actions apply to; an empty instance disables them.
    void setJob(SystemInventory *system, const cim::Instance &job);

Q_SIGNALS:
    // A sentence for the status bar: the request was accepted, or why it was not.
    void message(const QString &text);

private:
    void request(quint16 requestedState, const QString &verb);

    QAction *m_suspend;
    QAction *m_resume;
    QAction *m_cancel;
    QPointer<SystemInventory> m_system;
    cim::Instance m_job;
};

} // namespace rd::ui
