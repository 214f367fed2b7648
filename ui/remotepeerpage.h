#pragma once
// Remote Collection wizard, page 1: the peer, chosen among the connected remote systems, or
// connected now (the main window's Connect dialog checks its credentials and certificate).

#include "replicawizardpage.h"

#include <functional>

class QLabel;
class QListWidget;
class QPushButton;

namespace rd::ui {

class RemotePeerPage final : public ReplicaWizardPage
{
    Q_OBJECT
public:
    using PeerList = std::function<QList<SystemInventory *>()>;
    RemotePeerPage(SystemInventory *local, PeerList peers, QWidget *parent = nullptr);

    QListWidget *list() const { return m_list; }
    QPushButton *connectButton() const { return m_connect; }
    SystemInventory *peer() const;
    // Re-reads the connected systems; a newly connected one is selected.
    void reload();

    bool isComplete() const override;

Q_SIGNALS:
    void connectRequested();

private:
    PeerList m_peers;
    QList<QPointer<SystemInventory>> m_shown;
    QListWidget *m_list;
    QLabel *m_empty;
    QPushButton *m_connect;
    bool m_listed = false; // reload() ran before: what is new was connected from here
};

} // namespace rd::ui
