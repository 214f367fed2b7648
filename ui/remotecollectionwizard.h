#pragma once
// The Remote Collection wizard: peer system → credentials and certificate → access points on
// both sides → options → summary (commit) → result, the job followed to its end. Its fields become
// one CreateRemoteReplicationCollection call sent to the local side without blocking; a refusal
// is shown with the return code's meaning and the system's message on the page that can fix it.
// When the local side is the embedded engine, the peer's credentials and pinned certificate are
// handed to that engine through its EngineHost, so it can sign in to the peer as the console did.

#include "cim/methodcall.h"

#include <QPointer>
#include <QWizard>

#include <functional>

namespace rd::engine {
class EngineHost;
}
namespace rd::wsman {
class WsmanTransport;
}

namespace rd::ui {

class RemoteAccessPointsPage;
class RemoteCollectionResultPage;
class RemoteOptionsPage;
class RemotePeerPage;
class RemoteTrustPage;
class ReplicaSummaryPage;
class SystemInventory;

class RemoteCollectionWizard final : public QWizard
{
    Q_OBJECT
public:
    enum PageId { PeerPage, TrustPage, AccessPointsPage, OptionsPage, SummaryPage, ResultPage };
    Q_ENUM(PageId)

    // The systems the peer may be chosen from (connected remote systems).
    using PeerList = std::function<QList<SystemInventory *>()>;
    // local: the system that records the collection. host: the embedded engine's, when local is
    // the embedded engine; null otherwise (a remote system keeps its own peer credentials).
    RemoteCollectionWizard(SystemInventory *local, PeerList peers, engine::EngineHost *host,
                           QWidget *parent = nullptr);

    SystemInventory *localSystem() const;
    SystemInventory *peer() const;
    // The peer's WS-Man client, as the console connected it; null when none is chosen.
    wsman::WsmanTransport *peerTransport() const;
    bool handsOverCredentials() const { return m_host != nullptr; }

    RemotePeerPage *peerPage() const { return m_peerPage; }
    RemoteTrustPage *trustPage() const { return m_trustPage; }
    RemoteAccessPointsPage *accessPointsPage() const { return m_pointsPage; }
    RemoteOptionsPage *optionsPage() const { return m_optionsPage; }
    ReplicaSummaryPage *summaryPage() const { return m_summary; }
    RemoteCollectionResultPage *resultPage() const { return m_result; }

    cim::MethodCall request() const;
    static int pageForError(const cim::MethodResult &result);
    int nextId() const override;

public Q_SLOTS:
    // The list of connected systems changed (one was connected from the peer page).
    void peersChanged();

Q_SIGNALS:
    // The peer page asks the main window to connect to another system.
    void connectRequested();
    // The system accepted the request; job is empty when it finished within the call.
    void collectionRequested(SystemInventory *system, const cim::ObjectPath &job);

private:
    void run();
    cim::ObjectPath servicePath() const;

    QPointer<SystemInventory> m_local;
    engine::EngineHost *m_host;
    RemotePeerPage *m_peerPage;
    RemoteTrustPage *m_trustPage;
    RemoteAccessPointsPage *m_pointsPage;
    RemoteOptionsPage *m_optionsPage;
    ReplicaSummaryPage *m_summary;
    RemoteCollectionResultPage *m_result;
};

} // namespace rd::ui
