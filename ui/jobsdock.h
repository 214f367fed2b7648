#pragma once
// The job monitor docked at the bottom of the main window: a table of every followed system's
// jobs with native progress bars, and the job actions on its context menu.

#include "cim/objectpath.h"

#include <QDockWidget>

class QTableView;

namespace rd::ui {

class JobActions;
class JobTableModel;
class SystemInventory;

class JobsDock final : public QDockWidget
{
    Q_OBJECT
public:
    JobsDock(JobActions *actions, QWidget *parent = nullptr);

    void addSystem(SystemInventory *inventory);

    JobTableModel *model() const { return m_model; }
    // Selects that job, now or as soon as it appears (a new job may not be listed yet).
    void followJob(const cim::ObjectPath &job);
    QTableView *view() const { return m_view; }

private:
    void updateCurrentJob();
    bool selectPendingJob();

    JobActions *m_actions;
    JobTableModel *m_model;
    QTableView *m_view;
    cim::ObjectPath m_pendingJob;
};

} // namespace rd::ui
