#pragma once
// Create Replica, last page: what the system answered (done, or the job that carries on) and the
// replicas it made; the job monitor takes over from here.

#include "cim/methodcall.h"
#include "replicawizardpage.h"

class QLabel;

namespace rd::ui {

class ReplicaResultPage final : public ReplicaWizardPage
{
    Q_OBJECT
public:
    explicit ReplicaResultPage(SystemInventory *system, QWidget *parent = nullptr);

    void setResult(const cim::MethodResult &result);
    QLabel *resultLabel() const { return m_text; }

private:
    void render();

    cim::MethodResult m_result;
    QLabel *m_text;
};

} // namespace rd::ui
