#pragma once
// The job monitor docked at the bottom of the main window: a table of every followed system's
// jobs with native progress bars, and the job actions on its context menu.

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
    QTableView *view() const { return m_view; }

private:
    void updateCurrentJob();

    JobActions *m_actions;
    JobTableModel *m_model;
    QTableView *m_view;
};

} // namespace rd::ui
