#pragma once
// Remote Collection wizard, last page: the job that signs in to the peer, followed to its end
// (progress while it runs, then the collection it recorded with its connectivity, or the reason
// it failed); the job monitor shows the same job.

#include "cim/methodcall.h"
#include "replicawizardpage.h"

class QLabel;
class QProgressBar;

namespace rd::ui {

class RemoteCollectionResultPage final : public ReplicaWizardPage
{
    Q_OBJECT
public:
    explicit RemoteCollectionResultPage(SystemInventory *local, QWidget *parent = nullptr);

    void setResult(const cim::MethodResult &result);
    QLabel *stateLabel() const { return m_state; }
    QProgressBar *progressBar() const { return m_progress; }
    // The job has ended (or there was none); succeeded says how.
    bool isFinished() const { return m_finished; }
    bool succeeded() const { return m_succeeded; }
    // The collection the system recorded, once known.
    cim::ObjectPath collection() const { return m_collection; }

Q_SIGNALS:
    void finished(bool succeeded);

private:
    void follow();
    void findCollection();
    void showCollection();

    cim::MethodResult m_result;
    cim::ObjectPath m_job;
    cim::ObjectPath m_collection;
    QLabel *m_state;
    QProgressBar *m_progress;
    QLabel *m_details;
    bool m_finished = false;
    bool m_succeeded = false;
    bool m_lookingUp = false;
};

} // namespace rd::ui
