#pragma once
// The job monitor docked at the bottom of the main window: a table of every followed system's
// jobs with native progress bars, the job actions on its context menu, details on double-click,
// and the selected job's throughput chart beside it.

#include "cim/objectpath.h"

#include <QDockWidget>

class QSplitter;
class QTableView;

namespace rd::ui {

class JobActions;
class JobTableModel;
class ThroughputChart;
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
    ThroughputChart *chart() const { return m_chart; }
    // Opens the details of the job in row (GetError, affected elements).
    void showDetails(int row);

private:
    void updateCurrentJob();
    bool selectPendingJob();
    void updateChart();

    JobActions *m_actions;
    JobTableModel *m_model;
    QTableView *m_view;
    ThroughputChart *m_chart;
    QSplitter *m_splitter;
    cim::ObjectPath m_pendingJob;
};

} // namespace rd::ui
