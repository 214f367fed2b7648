#pragma once
// A wizard's commit page: the exact call in plain words and as the WS-Man XML it would send
// (copyable); CreateListReplica by default, any method with setDescriber. "Run" asks the wizard to
// send it; the page moves on only once the system has accepted it.

#include "cim/methodcall.h"
#include "replicawizardpage.h"

#include <functional>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTextBrowser;

namespace rd::ui {

class ReplicaSummaryPage final : public ReplicaWizardPage
{
    Q_OBJECT
public:
    using RequestSource = std::function<cim::MethodCall()>;
    // The call in plain words (rich text).
    using Describer = std::function<QString(const cim::MethodCall &, const SystemInventory *)>;
    ReplicaSummaryPage(SystemInventory *system, RequestSource request, QWidget *parent = nullptr);
    void setDescriber(Describer describe) { m_describe = std::move(describe); }

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
    Describer m_describe;
    QLabel *m_xmlLabel;
    QTextBrowser *m_words;
    QPlainTextEdit *m_xml;
    QPushButton *m_copy;
    bool m_running = false;
    bool m_accepted = false;
};

} // namespace rd::ui
