#pragma once
// Create Replica, page 5 (the commit page): the exact CreateListReplica call in plain words and as
// the WS-Man XML it would send (copyable). "Run" asks the wizard to send it; the page moves on
// only once the system has accepted it.

#include "cim/methodcall.h"
#include "replicawizardpage.h"

#include <functional>

class QPlainTextEdit;
class QPushButton;
class QTextBrowser;

namespace rd::ui {

class ReplicaSummaryPage final : public ReplicaWizardPage
{
    Q_OBJECT
public:
    using RequestSource = std::function<cim::MethodCall()>;
    ReplicaSummaryPage(SystemInventory *system, RequestSource request, QWidget *parent = nullptr);

    QTextBrowser *wordsView() const { return m_words; }
    QPlainTextEdit *xmlView() const { return m_xml; }
    QPushButton *copyButton() const { return m_copy; }
    bool isRunning() const { return m_running; }

    // The wizard sends the request and reports back here.
    void setRunning(bool running);
    void setAccepted(bool accepted) { m_accepted = accepted; }

    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;

Q_SIGNALS:
    void runRequested();

private:
    RequestSource m_request;
    QTextBrowser *m_words;
    QPlainTextEdit *m_xml;
    QPushButton *m_copy;
    bool m_running = false;
    bool m_accepted = false;
};

} // namespace rd::ui
