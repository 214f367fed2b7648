#pragma once
// Remote Collection wizard, page 3: the access points found on both sides — this side's
// ProtocolEndpoints and the peer's (plus the address the console reached it at) — to record in
// the collection. Exactly one management (WS-Man) endpoint of the peer must be chosen: the one
// the engine signs in to; data (NBD) endpoints carry the replicas' blocks.

#include "cim/objectpath.h"
#include "replicawizardpage.h"

#include <QUrl>

class QLabel;
class QTreeWidget;

namespace rd::ui {

class RemoteAccessPointsPage final : public ReplicaWizardPage
{
    Q_OBJECT
public:
    explicit RemoteAccessPointsPage(SystemInventory *local, QWidget *parent = nullptr);

    QTreeWidget *localTree() const { return m_localTree; }
    QTreeWidget *peerTree() const { return m_peerTree; }
    QLabel *hintLabel() const { return m_hint; }
    bool isLoading() const { return m_pending > 0; }

    // What is checked: this side's endpoints by their paths, the peer's as URLs.
    QList<cim::ObjectPath> localPoints() const;
    QList<QUrl> remoteUrls() const;
    // The peer's chosen management endpoint; empty unless exactly one is chosen.
    QUrl managementUrl() const;

    void initializePage() override;
    bool isComplete() const override;

private:
    void addItem(QTreeWidget *tree, const QUrl &url, const QString &origin, bool checked,
                 const cim::ObjectPath &path = {});
    void updateHint();

    QTreeWidget *m_localTree;
    QTreeWidget *m_peerTree;
    QLabel *m_localTitle;
    QLabel *m_peerTitle;
    QLabel *m_hint;
    int m_pending = 0;
    int m_generation = 0;
};

} // namespace rd::ui
