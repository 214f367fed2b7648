#include "remotecollectionwizard.h"

#include "api/remotenames.h"
#include "cim/result.h"
#include "cimclasses.h"
#include "enginehost.h"
#include "remoteaccesspointspage.h"
#include "remotecollectionrequest.h"
#include "remotecollectionresultpage.h"
#include "remoteoptionspage.h"
#include "remotepeerpage.h"
#include "remotetrustpage.h"
#include "replicasummarypage.h"
#include "systeminventory.h"
#include "wizardcommit.h"
#include "wsman/wsmantransport.h"

#include <QCheckBox>
#include <QLineEdit>

namespace rd::ui {

RemoteCollectionWizard::RemoteCollectionWizard(SystemInventory *local, PeerList peers,
                                               engine::EngineHost *host, QWidget *parent)
    : QWizard(parent)
    , m_local(local)
    , m_host(host)
    , m_peerPage(new RemotePeerPage(local, std::move(peers), this))
    , m_trustPage(new RemoteTrustPage(local, this))
    , m_pointsPage(new RemoteAccessPointsPage(local, this))
    , m_optionsPage(new RemoteOptionsPage(local, this))
    , m_summary(new ReplicaSummaryPage(
          local, [this] { return request(); }, this))
    , m_result(new RemoteCollectionResultPage(local, this))
{
    setObjectName(QStringLiteral("remoteCollectionWizard"));
    setWindowTitle(tr("New Remote Collection"));
    setWizardStyle(QWizard::ModernStyle);
    setOption(QWizard::NoBackButtonOnLastPage, true);
    setOption(QWizard::NoCancelButtonOnLastPage, true);
    m_summary->setDescriber(&describeCreateRemoteReplicationCollection);
    setPage(PeerPage, m_peerPage);
    setPage(TrustPage, m_trustPage);
    setPage(AccessPointsPage, m_pointsPage);
    setPage(OptionsPage, m_optionsPage);
    setPage(SummaryPage, m_summary);
    setPage(ResultPage, m_result);
    setStartId(PeerPage);
    resize(760, 620);
    connect(m_peerPage, &RemotePeerPage::connectRequested, this,
            &RemoteCollectionWizard::connectRequested);
    connect(m_summary, &ReplicaSummaryPage::runRequested, this, &RemoteCollectionWizard::run);
}

SystemInventory *RemoteCollectionWizard::localSystem() const
{
    return m_local;
}

SystemInventory *RemoteCollectionWizard::peer() const
{
    return m_peerPage->peer();
}

wsman::WsmanTransport *RemoteCollectionWizard::peerTransport() const
{
    SystemInventory *p = peer();
    return p ? qobject_cast<wsman::WsmanTransport *>(p->client()) : nullptr;
}

void RemoteCollectionWizard::peersChanged()
{
    m_peerPage->reload();
}

cim::ObjectPath RemoteCollectionWizard::servicePath() const
{
    const QList<cim::Instance> services =
        m_local ? m_local->instances(classes::replicationService()) : QList<cim::Instance>();
    return services.isEmpty() ? cim::ObjectPath() : services.constFirst().path();
}

cim::MethodCall RemoteCollectionWizard::request() const
{
    RemoteCollectionChoice choice;
    choice.elementName = m_optionsPage->nameEdit()->text();
    choice.localPoints = m_pointsPage->localPoints();
    // The peer's endpoints as this side names them: its URL, under the peer's system name.
    const QString peerName = m_trustPage->peerSystemName();
    for (const QUrl &url : m_pointsPage->remoteUrls())
        choice.remotePoints.append(engine::remotenames::remoteAccessPointPath(peerName, url));
    if (m_optionsPage->verifySystemCheck()->isChecked())
        choice.remoteSystem = m_trustPage->peerSystem();
    choice.active = m_optionsPage->activeCheck()->isChecked();
    choice.deleteOnUnassociated = m_optionsPage->deleteOnUnassociatedCheck()->isChecked();
    return createRemoteReplicationCollectionCall(choice, servicePath());
}

int RemoteCollectionWizard::nextId() const
{
    switch (currentId()) {
    case PeerPage:
        return TrustPage;
    case TrustPage:
        return AccessPointsPage;
    case AccessPointsPage:
        return OptionsPage;
    case OptionsPage:
        return SummaryPage;
    case SummaryPage:
        return ResultPage;
    default:
        return -1;
    }
}

int RemoteCollectionWizard::pageForError(const cim::MethodResult &result)
{
    // The parameter the system names decides, whatever the language of its message.
    static constexpr std::pair<const char16_t *, int> pages[] = {
        {u"LocalAccessPoints", AccessPointsPage},
        {u"RemoteAccessPoints", AccessPointsPage},
        {u"ElementName", OptionsPage},
        {u"RemoteComputerSystem", OptionsPage},
        {u"Active", OptionsPage},
        {u"DeleteOnUnassociated", OptionsPage},
    };
    const int named = pageForParameter(result, pages);
    if (named >= 0)
        return named;
    if (!result.parameter.isEmpty())
        return SummaryPage;
    // A system that names no parameter: what its message mentions.
    const QString m = result.message;
    if (m.contains(u"access point", Qt::CaseInsensitive) ||
        m.contains(u"endpoint", Qt::CaseInsensitive) ||
        m.contains(u"already reaches", Qt::CaseInsensitive))
        return AccessPointsPage;
    if (m.contains(u"ElementName", Qt::CaseInsensitive) ||
        m.contains(u"RemoteComputerSystem", Qt::CaseInsensitive))
        return OptionsPage;
    return SummaryPage;
}

void RemoteCollectionWizard::run()
{
    // The engine signs in to the peer as the console did: the same user, password and pinned
    // certificate, for the management endpoint the collection records.
    if (m_host) {
        if (const wsman::WsmanTransport *transport = peerTransport()) {
            engine::PeerAccess access{transport->user(), transport->password(),
                                      transport->trustedFingerprints()};
            m_host->setPeerCredentials(m_pointsPage->managementUrl(), access);
            m_host->setPeerCredentials(transport->endpoint(), access);
        }
    }
    WizardCommit commit;
    commit.wizard = this;
    commit.system = m_local;
    commit.summary = m_summary;
    commit.summaryPage = SummaryPage;
    commit.pageForError = &RemoteCollectionWizard::pageForError;
    commit.accepted = [this](SystemInventory *system, const cim::MethodResult &answer) {
        m_result->setResult(answer);
        next();
        Q_EMIT collectionRequested(system, answer.out.value(u"Job").toReference());
    };
    commitWizardRequest(commit, request());
}

} // namespace rd::ui
