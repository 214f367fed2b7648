#pragma once
// The console's main window: the navigator on the left, the selected object's details in the
// middle, the job monitor docked below; menus, toolbar and a status bar with the engine's state.

#include <QMainWindow>

class QAction;
class QLabel;
class QTreeView;

namespace rd::engine {
class EngineHost;
}
namespace rd::wsman {
class WsmanTransport;
}

namespace rd::ui {

class CredentialStore;
class DetailsPane;
class JobActions;
class JobsDock;
class NavigatorModel;
class SynchronizationActions;
class SynchronizationsDock;
class SystemInventory;
class VolumeAttachments;
class VolumeActions;

class MainWindow final : public QMainWindow
{
    Q_OBJECT
public:
    // Follows the embedded engine the host runs; the host must outlive the window.
    explicit MainWindow(engine::EngineHost *host, QWidget *parent = nullptr);
    ~MainWindow() override;

    NavigatorModel *navigatorModel() const { return m_navigatorModel; }
    QTreeView *navigatorView() const { return m_navigatorView; }
    DetailsPane *detailsPane() const { return m_details; }
    JobsDock *jobsDock() const { return m_jobsDock; }
    SystemInventory *localSystem() const { return m_local; }
    VolumeActions *volumeActions() const { return m_volumeActions; }
    VolumeAttachments *volumeAttachments() const { return m_attachments; }
    QAction *createReplicaAction() const { return m_createReplica; }
    SynchronizationsDock *synchronizationsDock() const { return m_syncDock; }
    SynchronizationActions *synchronizationActions() const { return m_syncActions; }
    QAction *connectAction() const { return m_connect; }
    QAction *remoteCollectionAction() const { return m_remoteCollection; }
    QAction *hostAccessAction() const { return m_hostAccess; }
    // Follows a connected remote system (the window takes the transport); returns its inventory.
    SystemInventory *addRemoteSystem(wsman::WsmanTransport *transport, const QString &fingerprint);
    // Every followed system has answered for every class at least once.
    bool isLoaded() const;

Q_SIGNALS:
    void loaded(); // once, when isLoaded() becomes true
    void remoteSystemsChanged();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    QAction *serveHostsAction();
    void createDocks();
    void createActions();
    void createStatusBar();
    void restoreSettings();
    void saveSettings() const;
    void showSelection();
    void expandNewRows(const QModelIndex &parent, int first, int last);
    void updateEngineState();
    void showAbout();
    void updateSelectionActions();
    void createReplica();
    // parent: the window the dialog is modal to (a wizard that asked for it); this one if null.
    void connectToRemoteSystem(QWidget *parent = nullptr);
    void createRemoteCollection();
    void showHostAccess();
    // The system the navigator's selection belongs to; this computer when nothing is selected.
    SystemInventory *selectedSystem() const;

    engine::EngineHost *m_host;
    SystemInventory *m_local;
    QList<SystemInventory *> m_remotes;
    CredentialStore *m_credentials = nullptr; // remote systems' passwords, in the keychain
    NavigatorModel *m_navigatorModel;
    QTreeView *m_navigatorView;
    DetailsPane *m_details;
    JobActions *m_jobActions;
    JobsDock *m_jobsDock;
    VolumeActions *m_volumeActions;
    VolumeAttachments *m_attachments;
    QAction *m_createReplica = nullptr;
    QAction *m_connect = nullptr;
    QAction *m_remoteCollection = nullptr;
    QAction *m_hostAccess = nullptr;
    SynchronizationActions *m_syncActions;
    SynchronizationsDock *m_syncDock;
    QDockWidget *m_navigatorDock = nullptr;
    QLabel *m_engineState = nullptr;
    QLabel *m_poolPath = nullptr;
};

} // namespace rd::ui
