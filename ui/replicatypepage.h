#pragma once
// Create Replica, page 2: the replica type (Mirror, Snapshot, Clone, each explained) and the mode;
// what the system's ReplicationServiceCapabilities do not offer is disabled with their reason.

#include "replicationcapabilities.h"
#include "replicawizardpage.h"

#include <QHash>

class QButtonGroup;
class QLabel;
class QRadioButton;
class QVBoxLayout;

namespace rd::ui {

class ReplicaTypePage final : public ReplicaWizardPage
{
    Q_OBJECT
    Q_PROPERTY(int syncType READ syncType NOTIFY choiceChanged)
    Q_PROPERTY(int mode READ mode NOTIFY choiceChanged)
public:
    explicit ReplicaTypePage(SystemInventory *system, QWidget *parent = nullptr);

    int syncType() const; // 6, 7, 8; 0 when none can be chosen
    int mode() const;     // 2, 3; 0 for "the system decides"
    QRadioButton *typeButton(int syncType) const { return m_typeButtons.value(syncType); }
    QRadioButton *modeButton(int mode) const { return m_modeButtons.value(mode); }
    QLabel *typeReason(int syncType) const { return m_typeReasons.value(syncType); }

    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;

Q_SIGNALS:
    void choiceChanged();

private:
    void addType(int syncType, const QString &title, const QString &explanation);
    void addMode(int mode, const QString &title, const QString &explanation);
    void updateAvailability();

    ReplicationCapabilities m_capabilities;
    QVBoxLayout *m_typeLayout;
    QVBoxLayout *m_modeLayout;
    QButtonGroup *m_types;
    QButtonGroup *m_modes;
    QHash<int, QRadioButton *> m_typeButtons;
    QHash<int, QLabel *> m_typeReasons;
    QHash<int, QRadioButton *> m_modeButtons;
    QLabel *m_modeReason;
};

} // namespace rd::ui
