#pragma once
// The common frame of the Create Replica wizard's pages: the system the wizard works on, a
// content layout, and a banner where the system's refusal is shown on the page that can fix it.

#include <QPointer>
#include <QWizardPage>

class QVBoxLayout;

namespace rd::ui {

class MessageBanner;
class SystemInventory;

class ReplicaWizardPage : public QWizardPage
{
    Q_OBJECT
public:
    ReplicaWizardPage(SystemInventory *system, QWidget *parent = nullptr);

    // The system's answer to the request, shown until the user moves on.
    void showEngineError(const QString &text);
    MessageBanner *banner() const { return m_banner; }

protected:
    SystemInventory *system() const;
    QVBoxLayout *contentLayout() const { return m_content; }

private:
    QPointer<SystemInventory> m_system;
    QVBoxLayout *m_content;
    MessageBanner *m_banner;
};

} // namespace rd::ui
