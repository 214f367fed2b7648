#pragma once
// Create Replica, page 4: the ReplicationSettingData fields that apply to the request (copy
// priority, one point in time for several sources; the target supplier follows the targets page)
// and WaitForCopyState, i.e. when the call returns. Replicas on another system are always made by a
// job, so WaitForCopyState is not offered for them (the system would refuse it), with the reason.

#include "replicawizardpage.h"

class QCheckBox;
class QComboBox;
class QLabel;

namespace rd::ui {

class ReplicaSettingsPage final : public ReplicaWizardPage
{
    Q_OBJECT
    Q_PROPERTY(int copyPriority READ copyPriority NOTIFY settingsChanged)
    Q_PROPERTY(bool consistentPointInTime READ consistentPointInTime NOTIFY settingsChanged)
    Q_PROPERTY(int waitForCopyState READ waitForCopyState NOTIFY settingsChanged)
public:
    explicit ReplicaSettingsPage(SystemInventory *system, QWidget *parent = nullptr);

    int copyPriority() const; // -1: left to the system
    bool consistentPointInTime() const;
    int waitForCopyState() const; // 0: do not wait

    QComboBox *priorityCombo() const { return m_priority; }
    QCheckBox *consistentCheck() const { return m_consistent; }
    QComboBox *waitCombo() const { return m_wait; }
    // Why the wait is not offered, or what the choices mean.
    QLabel *waitNote() const { return m_waitNote; }

    void initializePage() override;
    bool validatePage() override;

Q_SIGNALS:
    void settingsChanged();

private:
    QComboBox *m_priority;
    QLabel *m_priorityNote;
    QCheckBox *m_consistent;
    QLabel *m_consistentNote;
    QLabel *m_supplier;
    QComboBox *m_wait;
    QLabel *m_waitNote;
};

} // namespace rd::ui
