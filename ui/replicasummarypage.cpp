#include "replicasummarypage.h"

#include "messagebanner.h"
#include "replicacalltext.h"
#include "systeminventory.h"
#include "wsmanpreview.h"

#include <QApplication>
#include <QClipboard>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTextBrowser>
#include <QTextCursor>
#include <QTextDocument>
#include <QVBoxLayout>

namespace rd::ui {

ReplicaSummaryPage::ReplicaSummaryPage(SystemInventory *system, RequestSource request,
                                       QWidget *parent)
    : ReplicaWizardPage(system, parent)
    , m_request(std::move(request))
    , m_describe(&describeCreateListReplica)
    , m_xmlLabel(new QLabel(this))
    , m_words(new QTextBrowser(this))
    , m_xml(new QPlainTextEdit(this))
    , m_copy(new QPushButton(tr("&Copy XML"), this))
{
    setObjectName(QStringLiteral("summaryPage"));
    setTitle(tr("Summary"));
    setSubTitle(tr("This is the request that will be sent. Run sends it; the system checks it "
                   "before anything is created."));
    setCommitPage(true);
    setButtonText(QWizard::CommitButton, tr("&Run"));

    m_words->setObjectName(QStringLiteral("summaryWords"));
    m_words->setOpenLinks(false);
    m_words->setMinimumHeight(120);
    m_xml->setObjectName(QStringLiteral("summaryXml"));
    m_xml->setReadOnly(true);
    m_xml->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_xml->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_copy->setObjectName(QStringLiteral("copyXml"));

    auto *row = new QHBoxLayout;
    auto *note = new QLabel(
        system && system->client() && system->client()->isLocal()
            ? tr("The embedded engine is called in-process; a remote system gets this envelope.")
            : tr("Sent over HTTPS to the system's WS-Management endpoint."),
        this);
    note->setWordWrap(true);
    note->setForegroundRole(QPalette::PlaceholderText);
    row->addWidget(note, 1);
    row->addWidget(m_copy);
    contentLayout()->addWidget(m_words, 2);
    contentLayout()->addWidget(m_xmlLabel);
    contentLayout()->addWidget(m_xml, 3);
    contentLayout()->addLayout(row);

    connect(m_copy, &QPushButton::clicked, this,
            [this] { QApplication::clipboard()->setText(m_xml->toPlainText()); });
}

void ReplicaSummaryPage::initializePage()
{
    m_accepted = false;
    const cim::MethodCall call = m_request();
    m_words->setHtml(m_describe(call, system()));
    m_xmlLabel->setText(tr("As WS-Management XML (the Invoke of %1):").arg(call.method));
    m_xml->setPlainText(invokeEnvelopeText(call, system() ? system()->client() : nullptr));
    // Open at the body, the request itself; the addressing headers are above it.
    QTextCursor body = m_xml->document()->find(QStringLiteral(":Body>"));
    if (!body.isNull()) {
        m_xml->moveCursor(QTextCursor::End);
        body.movePosition(QTextCursor::StartOfLine);
        m_xml->setTextCursor(body);
        m_xml->ensureCursorVisible();
    }
}

void ReplicaSummaryPage::setRunning(bool running)
{
    m_running = running;
    if (running)
        banner()->showMessage(tr("Sending the request…"), MessageBanner::Kind::Information);
    else if (banner()->kind() == MessageBanner::Kind::Information)
        banner()->clearMessage();
    Q_EMIT completeChanged();
}

bool ReplicaSummaryPage::isComplete() const
{
    return !m_running;
}

bool ReplicaSummaryPage::validatePage()
{
    if (m_accepted)
        return true;
    if (!m_running) {
        banner()->clearMessage();
        Q_EMIT runRequested();
    }
    return false;
}

} // namespace rd::ui
