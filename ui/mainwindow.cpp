#include "mainwindow.h"

#include "aboutbox.h"
#include "asynccall.h"
#include "cimclasses.h"
#include "connectsystemdialog.h"
#include "createreplicawizard.h"
#include "credentialstore.h"
#include "detailspane.h"
#include "enginehost.h"
#include "hostaccessdialog.h"
#include "icons.h"
#include "jobactions.h"
#include "jobsdock.h"
#include "navigatormodel.h"
#include "propertytablemodel.h"
#include "remotecollectionwizard.h"
#include "synchronizationactions.h"
#include "synchronizationsdock.h"
#include "systeminventory.h"
#include "valueformat.h"
#include "volumeactions.h"
#include "volumeattachments.h"
#include "wsman/wsmantransport.h"

#include <QApplication>
#include <QCheckBox>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QSignalBlocker>
#include <QStatusBar>
#include <QToolBar>
#include <QTreeView>

namespace rd::ui {

namespace {
const QString kGeometryKey = QStringLiteral("MainWindow/geometry");
const QString kStateKey = QStringLiteral("MainWindow/state");
const QString kFingerprintsKey = QStringLiteral("Remote/trustedFingerprints");
const QString kLastAddressKey = QStringLiteral("Remote/lastAddress");
const QString kLastUserKey = QStringLiteral("Remote/lastUser");
constexpr int kStateVersion = 2; // 2: the synchronizations dock
} // namespace

QAction *MainWindow::serveHostsAction()
{
    // The one setting that opens the embedded engine's volumes to other computers (NBD with TLS,
    // hosts admitted by Host Access); this computer's user is always served on a Unix socket.
    auto *action = new QAction(tr("Serve Volumes to &Other Computers"), this);
    action->setObjectName(QStringLiteral("serveHostsAction"));
    action->setCheckable(true);
    action->setToolTip(tr("Let hosts listed under Host Access use the volumes over the network "
                          "(NBD with TLS, port 10809)"));
    action->setEnabled(m_host && m_host->isRunning());
    action->setChecked(m_host && !m_host->networkNbdUrl().isEmpty());
    connect(action, &QAction::toggled, this, [this, action](bool on) {
        if (!m_host || !m_host->isRunning())
            return;
        engine::HostServing serving;
        serving.network = on;
        QSettings settings;
        serving.port = quint16(settings.value(QStringLiteral("hosts/port"), 10809).toUInt());
        action->setEnabled(false);
        whenReady(
            m_host->serveHostsLater(serving), this,
            [this, action, on](const std::optional<cim::Result<void>> &served) {
                action->setEnabled(true);
                const bool ok = served && served->ok();
                if (ok)
                    QSettings().setValue(QStringLiteral("hosts/serveNetwork"), on);
                const QSignalBlocker block(action);
                action->setChecked(!m_host->networkNbdUrl().isEmpty());
                if (!ok) {
                    QMessageBox::warning(
                        this, tr("Serve Volumes to Other Computers"),
                        tr("The volumes cannot be served to other computers.\n\n%1")
                            .arg(served ? served->error().message
                                        : tr("The engine did not answer.")));
                } else if (on) {
                    statusBar()->showMessage(
                        tr("Serving the volumes on %1").arg(m_host->networkNbdUrl().toString()),
                        8000);
                }
            });
    });
    return action;
}

MainWindow::MainWindow(engine::EngineHost *host, QWidget *parent)
    : QMainWindow(parent)
    , m_host(host)
    , m_local(new SystemInventory(host ? host->client() : nullptr, classes::watched(), this))
    , m_navigatorModel(new NavigatorModel(this))
    , m_navigatorView(new QTreeView(this))
    , m_details(new DetailsPane(this))
    , m_jobActions(new JobActions(this))
    , m_jobsDock(new JobsDock(m_jobActions, this))
    , m_volumeActions(new VolumeActions(this))
    , m_attachments(new VolumeAttachments(
          this, [host] { return host && host->isRunning() ? host->localNbdUrl() : QUrl(); }))
    , m_syncActions(new SynchronizationActions(this))
    , m_syncDock(new SynchronizationsDock(m_syncActions, this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(QStringLiteral("ReplicaDesk"));
    setWindowIcon(applicationIcon());
    setCentralWidget(m_details);
    setDockOptions(AnimatedDocks | AllowTabbedDocks);

    m_details->model()->setReferenceNamer([this](const cim::ObjectPath &path) {
        const std::optional<cim::Instance> target = m_local ? m_local->find(path) : std::nullopt;
        return target ? instanceLabel(*target) : QString();
    });
    createDocks();
    createActions();
    createStatusBar();
    restoreSettings();

    m_navigatorModel->addSystem(m_local);
    m_jobsDock->addSystem(m_local);
    m_syncDock->addSystem(m_local);
    m_navigatorView->expand(m_navigatorModel->systemsIndex());
    m_navigatorView->expand(m_navigatorModel->synchronizationsIndex());
    m_navigatorView->expand(m_navigatorModel->jobsIndex());
    const QModelIndex systems = m_navigatorModel->systemsIndex();
    for (int row = 0; row < m_navigatorModel->rowCount(systems); ++row)
        m_navigatorView->expand(m_navigatorModel->index(row, 0, systems));
    // Start with this computer selected, so the details pane has something to say.
    if (m_navigatorModel->rowCount(systems) > 0)
        m_navigatorView->setCurrentIndex(m_navigatorModel->index(0, 0, systems));

    connect(m_local, &SystemInventory::instancesChanged, this, &MainWindow::updateEngineState);
    connect(m_local, &SystemInventory::instancesChanged, this, &MainWindow::updateSelectionActions);
    connect(m_local, &SystemInventory::loaded, this, [this] {
        updateEngineState();
        Q_EMIT loaded();
    });
    auto showMessage = [this](const QString &text) { statusBar()->showMessage(text, 8000); };
    connect(m_jobActions, &JobActions::message, this, showMessage);
    connect(m_volumeActions, &VolumeActions::message, this, showMessage);
    connect(m_syncActions, &SynchronizationActions::message, this, showMessage);
    connect(m_syncActions, &SynchronizationActions::operationStarted, this,
            [this](SystemInventory *, const cim::ObjectPath &job) {
                if (!job.isEmpty())
                    m_jobsDock->followJob(job);
            });
    updateEngineState();
    m_local->refresh();
}

MainWindow::~MainWindow()
{
    // The children go after this object has stopped being a MainWindow; none may call back.
    m_details->model()->setReferenceNamer({});
    m_navigatorModel->disconnect(this);
    m_navigatorView->selectionModel()->disconnect(this);
    m_jobActions->disconnect(this);
    m_volumeActions->disconnect(this);
    m_syncActions->disconnect(this);
    m_local->disconnect(this);
    delete m_local;
    m_local = nullptr;
    qDeleteAll(m_remotes); // before their transports
    m_remotes.clear();
}

bool MainWindow::isLoaded() const
{
    return m_local->isLoaded();
}

void MainWindow::createDocks()
{
    m_navigatorView->setObjectName(QStringLiteral("navigatorView"));
    m_navigatorView->setModel(m_navigatorModel);
    m_navigatorView->setHeaderHidden(true);
    m_navigatorView->setUniformRowHeights(true);
    m_navigatorView->setAnimated(true);
    m_navigatorView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_navigatorView->header()->setStretchLastSection(true);

    m_navigatorDock = new QDockWidget(tr("Navigator"), this);
    m_navigatorDock->setObjectName(QStringLiteral("navigatorDock"));
    m_navigatorDock->setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable);
    m_navigatorDock->setAllowedAreas(Qt::LeftDockWidgetArea | Qt::RightDockWidgetArea);
    m_navigatorDock->setWidget(m_navigatorView);
    addDockWidget(Qt::LeftDockWidgetArea, m_navigatorDock);
    addDockWidget(Qt::BottomDockWidgetArea, m_jobsDock);
    addDockWidget(Qt::BottomDockWidgetArea, m_syncDock);
    tabifyDockWidget(m_jobsDock, m_syncDock);
    m_jobsDock->raise();
    // The job monitor and the synchronizations view run the full width under the navigator and
    // the details pane: their tables have many columns, and the throughput chart sits beside.
    setCorner(Qt::BottomLeftCorner, Qt::BottomDockWidgetArea);

    connect(m_navigatorView->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &MainWindow::showSelection);
    connect(m_navigatorModel, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
                const QModelIndex current = m_navigatorView->currentIndex();
                if (current.isValid() && current.parent() == topLeft.parent() &&
                    current.row() >= topLeft.row() && current.row() <= bottomRight.row()) {
                    showSelection();
                }
            });
    connect(m_navigatorModel, &QAbstractItemModel::rowsRemoved, this, &MainWindow::showSelection);
    connect(m_navigatorModel, &QAbstractItemModel::rowsInserted, this, &MainWindow::expandNewRows);
}

void MainWindow::createActions()
{
    auto *quit = new QAction(themedIcon(QStringLiteral("application-exit")), tr("&Quit"), this);
    quit->setObjectName(QStringLiteral("quitAction"));
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);
    connect(quit, &QAction::triggered, this, &QWidget::close);

    auto *refresh = new QAction(themedIcon(QStringLiteral("view-refresh")), tr("&Refresh"), this);
    refresh->setObjectName(QStringLiteral("refreshAction"));
    refresh->setShortcut(QKeySequence::Refresh);
    refresh->setToolTip(tr("Reload systems, pools, volumes, synchronizations and jobs"));
    connect(refresh, &QAction::triggered, m_local, &SystemInventory::refresh);

    auto *about =
        new QAction(themedIcon(QStringLiteral("help-about")), tr("&About ReplicaDesk"), this);
    about->setObjectName(QStringLiteral("aboutAction"));
    about->setIconText(tr("About"));
    about->setMenuRole(QAction::AboutRole);
    connect(about, &QAction::triggered, this, &MainWindow::showAbout);

    auto *aboutQt = new QAction(tr("About &Qt"), this);
    aboutQt->setObjectName(QStringLiteral("aboutQtAction"));
    aboutQt->setMenuRole(QAction::AboutQtRole);
    connect(aboutQt, &QAction::triggered, qApp, &QApplication::aboutQt);

    m_connect =
        new QAction(themedIcon(QStringLiteral("computer")), tr("&Connect to Remote System…"), this);
    m_connect->setObjectName(QStringLiteral("connectAction"));
    m_connect->setIconText(tr("Connect"));
    m_connect->setToolTip(tr("Follow another ReplicaDesk engine or a Windows iSCSI target over "
                             "WS-Management"));
    connect(m_connect, &QAction::triggered, this, [this] { connectToRemoteSystem(); });

    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->setObjectName(QStringLiteral("fileMenu"));
    file->addAction(m_connect);
    file->addSeparator();
    file->addAction(quit);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->setObjectName(QStringLiteral("viewMenu"));
    view->addAction(refresh);
    view->addSeparator();
    QAction *toggleNavigator = m_navigatorDock->toggleViewAction();
    toggleNavigator->setText(tr("Show &Navigator"));
    QAction *toggleJobs = m_jobsDock->toggleViewAction();
    toggleJobs->setText(tr("Show &Jobs"));
    QAction *toggleSyncs = m_syncDock->toggleViewAction();
    toggleSyncs->setText(tr("Show &Synchronizations"));
    view->addAction(toggleNavigator);
    view->addAction(toggleJobs);
    view->addAction(toggleSyncs);

    QMenu *storage = menuBar()->addMenu(tr("&Storage"));
    storage->setObjectName(QStringLiteral("storageMenu"));
    storage->addAction(m_volumeActions->newVolumeAction());
    storage->addAction(m_volumeActions->renameVolumeAction());
    storage->addAction(m_volumeActions->growVolumeAction());
    storage->addAction(m_volumeActions->deleteVolumeAction());
    storage->addSeparator();
    storage->addAction(m_volumeActions->addDiskAction());
    storage->addAction(m_volumeActions->exportImageAction());
    // Where an attached volume is is what the administrator needs next: said in a box whose
    // text can be copied, and in the status bar.
    connect(m_attachments, &VolumeAttachments::attached, this,
            [this](const QString &deviceId, const QString &path) {
                QString name = deviceId;
                for (const VolumeAttachments::Attachment &a : m_attachments->attachments()) {
                    if (a.deviceId == deviceId)
                        name = a.name;
                }
                statusBar()->showMessage(tr("%1 is attached.").arg(name), 8000);
                auto *box = new QMessageBox(
                    QMessageBox::Information, tr("Attach on This Computer"),
                    tr("“%1” is attached on this computer as\n\n%2\n\nWhat is written there "
                       "goes through ReplicaDesk, so its replicas follow. Detach it from the "
                       "Storage menu when you are done; ReplicaDesk detaches it when it quits.")
                        .arg(name, QDir::toNativeSeparators(path)),
                    QMessageBox::Ok, this);
                box->setAttribute(Qt::WA_DeleteOnClose);
                box->setTextInteractionFlags(Qt::TextSelectableByMouse);
                box->open();
            });
    connect(m_attachments, &VolumeAttachments::detached, this,
            [this] { statusBar()->showMessage(tr("The volume is detached."), 5000); });
    storage->addSeparator();
    storage->addAction(m_attachments->attachAction());
    storage->addAction(m_attachments->detachAction());
    storage->addSeparator();
    storage->addAction(serveHostsAction());
    m_hostAccess =
        new QAction(themedIcon(QStringLiteral("network-server")), tr("&Host Access…"), this);
    m_hostAccess->setObjectName(QStringLiteral("hostAccessAction"));
    m_hostAccess->setToolTip(tr("Name the hosts that may open volumes over NBD and admit them to "
                                "the selected volume or pool"));
    connect(m_hostAccess, &QAction::triggered, this, &MainWindow::showHostAccess);
    storage->addAction(m_hostAccess);
    m_navigatorView->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_navigatorView->addActions(
        {m_volumeActions->newVolumeAction(), m_volumeActions->renameVolumeAction(),
         m_volumeActions->growVolumeAction(), m_volumeActions->deleteVolumeAction(),
         m_attachments->attachAction(), m_attachments->detachAction(), m_hostAccess,
         m_volumeActions->addDiskAction(), m_volumeActions->exportImageAction()});

    m_createReplica = new QAction(themedIcon(QStringLiteral("emblem-synchronizing")),
                                  tr("&Create Replica…"), this);
    m_createReplica->setObjectName(QStringLiteral("createReplicaAction"));
    m_createReplica->setIconText(tr("Create Replica"));
    m_createReplica->setShortcut(QKeySequence(tr("Ctrl+Shift+R")));
    m_createReplica->setToolTip(tr("Make mirrors, snapshots or clones of volumes"));
    connect(m_createReplica, &QAction::triggered, this, &MainWindow::createReplica);
    QMenu *replication = menuBar()->addMenu(tr("&Replication"));
    replication->setObjectName(QStringLiteral("replicationMenu"));
    replication->addAction(m_createReplica);
    m_remoteCollection = new QAction(themedIcon(QStringLiteral("network-workgroup")),
                                     tr("New Remote &Collection…"), this);
    m_remoteCollection->setObjectName(QStringLiteral("remoteCollectionAction"));
    m_remoteCollection->setShortcut(QKeySequence(tr("Ctrl+Shift+L")));
    m_remoteCollection->setToolTip(
        tr("Record a peer system that replicas can be made on, and how it is reached"));
    connect(m_remoteCollection, &QAction::triggered, this, &MainWindow::createRemoteCollection);
    replication->addAction(m_remoteCollection);
    replication->addSeparator();
    replication->addActions(m_syncActions->actions());
    m_navigatorView->addAction(m_createReplica);

    QMenu *jobs = menuBar()->addMenu(tr("&Jobs"));
    jobs->setObjectName(QStringLiteral("jobsMenu"));
    jobs->addAction(m_jobActions->suspendAction());
    jobs->addAction(m_jobActions->resumeAction());
    jobs->addAction(m_jobActions->cancelAction());

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->setObjectName(QStringLiteral("helpMenu"));
    help->addAction(about);
    help->addAction(aboutQt);

    QToolBar *toolBar = addToolBar(tr("Main Toolbar"));
    toolBar->setObjectName(QStringLiteral("mainToolBar"));
    toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolBar->setMovable(false);
    toolBar->addAction(refresh);
    toolBar->addAction(m_connect);
    toolBar->addSeparator();
    toolBar->addAction(m_volumeActions->newVolumeAction());
    toolBar->addAction(m_createReplica);
    toolBar->addSeparator();
    toolBar->addAction(m_jobActions->suspendAction());
    toolBar->addAction(m_jobActions->resumeAction());
    toolBar->addAction(m_jobActions->cancelAction());
    toolBar->addSeparator();
    toolBar->addAction(about);
    QAction *toggleToolBar = toolBar->toggleViewAction();
    toggleToolBar->setText(tr("Show &Toolbar"));
    view->addAction(toggleToolBar);
}

void MainWindow::createStatusBar()
{
    m_engineState = new QLabel(this);
    m_engineState->setObjectName(QStringLiteral("engineStateLabel"));
    m_poolPath = new QLabel(this);
    m_poolPath->setObjectName(QStringLiteral("poolPathLabel"));
    m_poolPath->setTextInteractionFlags(Qt::TextSelectableByMouse);
    statusBar()->addWidget(m_engineState, 1);
    statusBar()->addPermanentWidget(m_poolPath);
    if (m_host) {
        const QString path = QDir::toNativeSeparators(m_host->options().defaultPoolDirectory);
        m_poolPath->setText(tr("Default pool: %1").arg(path));
        m_poolPath->setToolTip(tr("The embedded engine keeps the volumes of its default storage "
                                  "pool in %1")
                                   .arg(path));
    }
}

void MainWindow::updateEngineState()
{
    if (!m_host || !m_host->isRunning()) {
        m_engineState->setText(tr("Embedded engine: stopped"));
        return;
    }
    if (!m_local->isLoaded()) {
        m_engineState->setText(tr("Embedded engine: running — loading…"));
        return;
    }
    const QList<cim::Instance> systems = m_local->instances(classes::computerSystem());
    const QString name = systems.isEmpty() ? QString() : instanceLabel(systems.constFirst());
    const int pools = int(m_local->instances(classes::storagePool()).size());
    const int volumes = int(m_local->instances(classes::storageVolume()).size());
    const QString counts = tr("pools: %1, volumes: %2").arg(pools).arg(volumes);
    m_engineState->setText(name.isEmpty()
                               ? tr("Embedded engine: running — %1").arg(counts)
                               : tr("Embedded engine: running as %1 — %2").arg(name, counts));
}

void MainWindow::restoreSettings()
{
    QSettings settings;
    if (!restoreGeometry(settings.value(kGeometryKey).toByteArray()))
        resize(1100, 700);
    if (!restoreState(settings.value(kStateKey).toByteArray(), kStateVersion)) {
        resizeDocks({m_navigatorDock}, {330}, Qt::Horizontal);
        resizeDocks({m_jobsDock}, {230}, Qt::Vertical);
    }
}

void MainWindow::saveSettings() const
{
    QSettings settings;
    settings.setValue(kGeometryKey, saveGeometry());
    settings.setValue(kStateKey, saveState(kStateVersion));
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveSettings();
    QMainWindow::closeEvent(event);
}

void MainWindow::updateSelectionActions()
{
    const QModelIndex current = m_navigatorView->currentIndex();
    const bool item =
        current.isValid() && m_navigatorModel->kind(current) != NavigatorModel::Kind::Group;
    const cim::Instance selected = item ? m_navigatorModel->instance(current) : cim::Instance();
    m_volumeActions->setSelection(selectedSystem(), selected);
    // Only this computer's engine serves its volumes on this computer's socket.
    const bool localVolume = selectedSystem() == m_local &&
                             selected.className().contains(u"StorageVolume", Qt::CaseInsensitive);
    m_attachments->setSelection(localVolume ? selected.property(u"DeviceID").toString() : QString(),
                                selected.property(u"ElementName").toString());
}

void MainWindow::showSelection()
{
    updateSelectionActions();
    const QModelIndex current = m_navigatorView->currentIndex();
    if (!current.isValid() || m_navigatorModel->kind(current) == NavigatorModel::Kind::Group) {
        m_details->showInstance({}, current.data().toString());
        return;
    }
    m_details->showInstance(m_navigatorModel->instance(current), current.data().toString(),
                            selectedSystem());
}

void MainWindow::expandNewRows(const QModelIndex &parent, int first, int last)
{
    // New systems and pools open so their contents show; whatever the user closes stays closed.
    for (int row = first; row <= last; ++row) {
        const QModelIndex index = m_navigatorModel->index(row, 0, parent);
        const NavigatorModel::Kind kind = m_navigatorModel->kind(index);
        if (kind == NavigatorModel::Kind::System || kind == NavigatorModel::Kind::Pool)
            m_navigatorView->expand(index);
    }
}

void MainWindow::createReplica()
{
    auto *wizard = new CreateReplicaWizard(selectedSystem(), this);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    const QModelIndex current = m_navigatorView->currentIndex();
    if (current.isValid() && m_navigatorModel->kind(current) == NavigatorModel::Kind::Volume)
        wizard->preselectSources({m_navigatorModel->instance(current).path().toString()});
    connect(wizard, &CreateReplicaWizard::replicaRequested, this,
            [this](SystemInventory *, const cim::ObjectPath &job) {
                statusBar()->showMessage(tr("Replica request accepted."), 8000);
                if (!job.isEmpty())
                    m_jobsDock->followJob(job);
            });
    wizard->open();
}

SystemInventory *MainWindow::selectedSystem() const
{
    SystemInventory *system = m_navigatorModel->systemOf(m_navigatorView->currentIndex());
    return system ? system : m_local;
}

void MainWindow::showHostAccess()
{
    const QModelIndex current = m_navigatorView->currentIndex();
    const bool item =
        current.isValid() && m_navigatorModel->kind(current) != NavigatorModel::Kind::Group;
    auto *dialog = new HostAccessDialog(
        selectedSystem(), item ? m_navigatorModel->instance(current) : cim::Instance(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::createRemoteCollection()
{
    SystemInventory *local = selectedSystem();
    // Only the embedded engine takes credentials from this console; a remote engine keeps its own.
    engine::EngineHost *host = local == m_local && m_host->isRunning() ? m_host : nullptr;
    auto *wizard = new RemoteCollectionWizard(
        local, [this] { return m_remotes; }, host, this);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    connect(this, &MainWindow::remoteSystemsChanged, wizard, &RemoteCollectionWizard::peersChanged);
    connect(wizard, &RemoteCollectionWizard::connectRequested, this,
            [this, wizard] { connectToRemoteSystem(wizard); });
    connect(wizard, &RemoteCollectionWizard::collectionRequested, this,
            [this](SystemInventory *, const cim::ObjectPath &job) {
                statusBar()->showMessage(tr("Remote collection request accepted."), 8000);
                if (!job.isEmpty())
                    m_jobsDock->followJob(job);
            });
    wizard->open();
}

void MainWindow::connectToRemoteSystem(QWidget *parent)
{
    auto *dialog = new ConnectSystemDialog(parent ? parent : this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    QSettings settings;
    dialog->setKnownFingerprints(settings.value(kFingerprintsKey).toStringList());
    dialog->addressEdit()->setText(settings.value(kLastAddressKey).toString());
    dialog->userEdit()->setText(settings.value(kLastUserKey).toString());
    if (!m_credentials)
        m_credentials = new CredentialStore(this);
    dialog->setCredentialStore(m_credentials);
    connect(dialog, &ConnectSystemDialog::connected, this,
            [this, dialog](wsman::WsmanTransport *transport, const QString &fingerprint) {
                // Address and user in the settings; the password only ever in the keychain.
                QSettings settings;
                settings.setValue(kLastAddressKey, dialog->addressEdit()->text());
                settings.setValue(kLastUserKey, dialog->userEdit()->text());
                const QString key = dialog->credentialKey();
                if (dialog->rememberCheck()->isChecked()) {
                    whenReady(m_credentials->writePassword(key, dialog->passwordEdit()->text()),
                              this, [this](const std::optional<CredentialResult> &result) {
                                  if (result && !result->ok())
                                      statusBar()->showMessage(
                                          tr("The password could not be kept in the keychain: %1")
                                              .arg(result->error));
                              });
                } else {
                    // Not to be remembered: one kept before goes (none kept is fine).
                    whenReady(m_credentials->deletePassword(key), this,
                              [this](const std::optional<CredentialResult> &result) {
                                  if (result && !result->ok() &&
                                      result->status != CredentialResult::Status::NotFound)
                                      statusBar()->showMessage(
                                          tr("The password could not be removed from the "
                                             "keychain: %1")
                                              .arg(result->error));
                              });
                }
                // The embedded engine signs in to this system as the console does, for its
                // remote collections (after a restart it knows no peer's password until the user
                // connects again). In memory only, like every password the engine is handed.
                if (m_host) {
                    m_host->setPeerCredentials(
                        transport->endpoint(),
                        {transport->user(), transport->password(),
                         fingerprint.isEmpty() ? QStringList() : QStringList{fingerprint}});
                }
                addRemoteSystem(transport, fingerprint);
            });
    dialog->open();
}

SystemInventory *MainWindow::addRemoteSystem(wsman::WsmanTransport *transport,
                                             const QString &fingerprint)
{
    transport->setParent(this);
    if (!fingerprint.isEmpty()) {
        // Remembered, so the next connection to it needs no question (passwords only in the
        // keychain).
        QSettings settings;
        QStringList known = settings.value(kFingerprintsKey).toStringList();
        if (!known.contains(fingerprint)) {
            known.append(fingerprint);
            settings.setValue(kFingerprintsKey, known);
        }
    }
    auto *inventory = new SystemInventory(transport, classes::watched(), this);
    // WS-Man announces nothing: the views poll it.
    inventory->setPollingInterval(3000);
    m_remotes.append(inventory);
    m_navigatorModel->addSystem(inventory);
    m_jobsDock->addSystem(inventory);
    m_syncDock->addSystem(inventory);
    inventory->refresh();
    statusBar()->showMessage(tr("Connected to %1.").arg(transport->displayName()), 8000);
    Q_EMIT remoteSystemsChanged();
    return inventory;
}

void MainWindow::showAbout()
{
    auto *box = new AboutBox(this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

} // namespace rd::ui
