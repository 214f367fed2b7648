#pragma once
// A job's details, opened from the job monitor: its state and times, the error the system reports
// for it (ConcreteJob.GetError) and what it did (the elements AffectedJobElement links it to),
// both asked for without blocking.

#include "cim/instance.h"

#include <QDialog>
#include <QPointer>

class QLabel;
class QTreeWidget;

namespace rd::ui {

class SystemInventory;

class JobDetailsDialog final : public QDialog
{
    Q_OBJECT
public:
    JobDetailsDialog(SystemInventory *system, const cim::Instance &job, QWidget *parent = nullptr);

    QLabel *errorLabel() const { return m_error; }
    QTreeWidget *affectedList() const { return m_affected; }
    bool isLoaded() const { return m_pending == 0; }

Q_SIGNALS:
    void loaded();

private:
    void askForError();
    void askForAffectedElements();
    void answered();

    QPointer<SystemInventory> m_system;
    cim::Instance m_job;
    QLabel *m_error;
    QTreeWidget *m_affected;
    int m_pending = 0;
};

} // namespace rd::ui
