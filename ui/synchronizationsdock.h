#pragma once
// The synchronizations view, docked beside the job monitor: every pair with its CopyState,
// ProgressStatus, PercentSynced, mode and type, and the operations the system allows on the
// selected one (with the reason for those it does not).

#include <QDockWidget>

class QLabel;
class QTableView;
class QToolBar;

namespace rd::ui {

class SynchronizationActions;
class SynchronizationModel;
class SystemInventory;

class SynchronizationsDock final : public QDockWidget
{
    Q_OBJECT
public:
    explicit SynchronizationsDock(SynchronizationActions *actions, QWidget *parent = nullptr);

    void addSystem(SystemInventory *inventory);
    SynchronizationModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    QLabel *reasonLabel() const { return m_reason; }

private:
    void updateCurrent();
    void updateReason();

    SynchronizationActions *m_actions;
    SynchronizationModel *m_model;
    QTableView *m_view;
    QToolBar *m_toolBar;
    QLabel *m_reason;
};

} // namespace rd::ui
