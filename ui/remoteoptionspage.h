#pragma once
// Remote Collection wizard, page 4: the collection's name, whether it is active, whether it goes
// with its last access point (DeleteOnUnassociated), and whether the peer's system is named so
// the engine checks it is talking to that system.

#include "replicawizardpage.h"

class QCheckBox;
class QLineEdit;

namespace rd::ui {

class RemoteOptionsPage final : public ReplicaWizardPage
{
    Q_OBJECT
public:
    explicit RemoteOptionsPage(SystemInventory *local, QWidget *parent = nullptr);

    QLineEdit *nameEdit() const { return m_name; }
    QCheckBox *activeCheck() const { return m_active; }
    QCheckBox *deleteOnUnassociatedCheck() const { return m_deleteOnUnassociated; }
    QCheckBox *verifySystemCheck() const { return m_verifySystem; }

    void initializePage() override;
    bool isComplete() const override;

private:
    QLineEdit *m_name;
    QCheckBox *m_active;
    QCheckBox *m_deleteOnUnassociated;
    QCheckBox *m_verifySystem;
    QString m_suggested; // the name last filled in; replaced while the user has not edited it
};

} // namespace rd::ui
