#include "remotecollectionresultpage.h"

#include "api/remotenames.h"
#include "asynccall.h"
#include "cim/enums.h"
#include "cim/valuemap.h"
#include "cimclasses.h"
#include "errortext.h"
#include "messagebanner.h"
#include "systeminventory.h"
#include "valueformat.h"

#include <QLabel>
#include <QProgressBar>
#include <QVBoxLayout>

namespace rd::ui {

namespace {
QString connectivityText(quint64 status)
{
    using engine::ConnectivityStatus;
    switch (ConnectivityStatus(status)) {
    case ConnectivityStatus::Up:
        return RemoteCollectionResultPage::tr("up: the peer answers");
    case ConnectivityStatus::Down:
        return RemoteCollectionResultPage::tr("down: the peer does not answer");
    case ConnectivityStatus::Partitioned:
        return RemoteCollectionResultPage::tr("partitioned");
    default:
        return RemoteCollectionResultPage::tr("not known yet");
    }
}
} // namespace

RemoteCollectionResultPage::RemoteCollectionResultPage(SystemInventory *local, QWidget *parent)
    : ReplicaWizardPage(local, parent)
    , m_state(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_details(new QLabel(this))
{
    setObjectName(QStringLiteral("collectionResultPage"));
    setTitle(tr("Creating the Collection"));
    setFinalPage(true);
    m_state->setObjectName(QStringLiteral("collectionState"));
    m_state->setWordWrap(true);
    m_progress->setObjectName(QStringLiteral("collectionProgress"));
    m_progress->setRange(0, 0);
    m_details->setObjectName(QStringLiteral("collectionDetails"));
    m_details->setWordWrap(true);
    m_details->setTextFormat(Qt::RichText);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    contentLayout()->addWidget(m_state);
    contentLayout()->addWidget(m_progress);
    contentLayout()->addSpacing(12);
    contentLayout()->addWidget(m_details);
    contentLayout()->addStretch(1);
    if (local) {
        connect(local, &SystemInventory::instancesChanged, this, [this](const QString &className) {
            if (classes::sameClass(className, classes::concreteJob()) ||
                classes::sameClass(className, classes::affectedJobElement()))
                follow();
        });
    }
}

void RemoteCollectionResultPage::setResult(const cim::MethodResult &result)
{
    m_result = result;
    m_job = result.out.value(u"Job").toReference();
    m_collection = result.out.value(u"ConnectivityCollection").toReference();
    m_finished = false;
    m_succeeded = false;
    m_details->clear();
    banner()->clearMessage();
    if (m_job.isEmpty()) {
        // Recorded within the call: nothing to contact.
        m_finished = true;
        m_succeeded = true;
        setSubTitle(tr("The system recorded the collection."));
        m_state->setText(tr("Done."));
        m_progress->setRange(0, 100);
        m_progress->setValue(100);
        showCollection();
        Q_EMIT finished(true);
        return;
    }
    setSubTitle(tr("The system is signing in to the peer. You can close the wizard; the job "
                   "monitor follows the job too."));
    m_state->setText(tr("Contacting the peer…"));
    m_progress->setRange(0, 0);
    follow();
}

void RemoteCollectionResultPage::follow()
{
    if (m_job.isEmpty() || !system())
        return;
    if (m_finished) {
        // The link to what the job made may be listed after the job's end.
        if (m_succeeded && m_collection.isEmpty())
            findCollection();
        return;
    }
    const std::optional<cim::Instance> job = system()->find(m_job);
    if (!job)
        return;
    const cim::Value stateValue = job->property(u"JobState");
    const auto state = cim::JobState(stateValue.isNull() ? 0 : stateValue.toUInt64());
    const cim::Value percent = job->property(u"PercentComplete");
    if (state < cim::JobState::Completed) {
        m_state->setText(tr("%1…").arg(cim::ValueMap::jobState().label(quint64(state))));
        if (!percent.isNull() && percent.toUInt64() > 0) {
            m_progress->setRange(0, 100);
            m_progress->setValue(int(percent.toUInt64()));
        }
        return;
    }
    m_finished = true;
    m_succeeded = state == cim::JobState::Completed;
    m_progress->setRange(0, 100);
    m_progress->setValue(m_succeeded ? 100 : m_progress->value());
    if (!m_succeeded) {
        setSubTitle(tr("The collection was not created; nothing was recorded."));
        m_state->setText(cim::ValueMap::jobState().label(quint64(state)));
        const QString reason = job->property(u"ErrorDescription").toString();
        banner()->showMessage(reason.isEmpty() ? tr("The job ended without saying why.")
                                               : tr("The job failed: %1").arg(reason),
                              MessageBanner::Kind::Error);
        Q_EMIT finished(false);
        return;
    }
    setSubTitle(tr("The peer answered and the collection is recorded."));
    m_state->setText(tr("Completed."));
    findCollection();
    Q_EMIT finished(true);
}

void RemoteCollectionResultPage::findCollection()
{
    // The job names what it made.
    for (const cim::Instance &link : system()->instances(classes::affectedJobElement())) {
        if (link.property(u"AffectingElement").toReference().key(u"InstanceID") ==
            m_job.key(u"InstanceID"))
            m_collection = link.property(u"AffectedElement").toReference();
    }
    showCollection();
}

void RemoteCollectionResultPage::showCollection()
{
    if (m_collection.isEmpty() || !system() || !system()->client() || m_lookingUp)
        return;
    m_lookingUp = true;
    whenReady(
        system()->client()->getInstance(m_collection), this,
        [this](const std::optional<cim::Result<cim::Instance>> &got) {
            m_lookingUp = false;
            if (!got || !*got) {
                m_details->setText(
                    tr("<p>The collection could not be read back: %1</p>")
                        .arg((got ? errorText(got->error()) : tr("The system did not answer."))
                                 .toHtmlEscaped()));
                return;
            }
            const cim::Instance &c = **got;
            const cim::Value status = c.property(u"ConnectivityStatus");
            m_details->setText(tr("<p>The collection <b>%1</b> is recorded.</p>"
                                  "<p>Connection to the peer: %2.</p>")
                                   .arg(c.property(u"ElementName").toString().toHtmlEscaped(),
                                        connectivityText(status.isNull() ? 0 : status.toUInt64())));
        });
}

} // namespace rd::ui
