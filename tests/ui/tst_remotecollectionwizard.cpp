// The Remote Collection wizard driven end to end: the console's embedded engine records a peer
// engine (in this process, behind a real HTTPS WS-Man server and a real NBD server on loopback)
// through CreateRemoteReplicationCollection. The peer's identity and certificate are checked
// before Next is allowed, the access points come from both sides, the job is followed to its end,
// and the embedded engine signs in to the peer with what the console handed it. A refusal comes
// back on the page that can fix it; a peer gone before the job reaches it leaves nothing behind.
// Through the Create Replica wizard, clones and mirrors are made on the peer; a mirror's replica
// there is named in the synchronizations view.

#include "cim/enums.h"
#include "cimclasses.h"
#include "createreplicawizard.h"
#include "engine.h"
#include "enginehost.h"
#include "jobsdock.h"
#include "mainwindow.h"
#include "messagebanner.h"
#include "remote/nbdserver.h"
#include "remote/peerdirectory.h"
#include "remote/remotecollections.h"
#include "remoteaccesspointspage.h"
#include "remotecollectionresultpage.h"
#include "remotecollectionwizard.h"
#include "remoteoptionspage.h"
#include "remotepeerpage.h"
#include "remotetrustpage.h"
#include "replicasettingspage.h"
#include "replicasummarypage.h"
#include "replicatargetspage.h"
#include "replicatypepage.h"
#include "storage/poolmanager.h"
#include "storage/storagepool.h"
#include "synchronizationmodel.h"
#include "synchronizationsdock.h"
#include "systeminventory.h"
#include "translations.h"
#include "wsman/selfsignedcertificate.h"
#include "wsman/userstore.h"
#include "wsman/wsmanserver.h"
#include "wsman/wsmantransport.h"

#include "uitestsupport.h"
#include <QAbstractButton>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QRandomGenerator>
#include <QScopeGuard>
#include <QSettings>
#include <QSslSocket>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTreeWidget>

using namespace rd;
using namespace rd::ui;
using rd::ui::test::await;

class TestRemoteCollectionWizard : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    engine::EngineHost m_host;     // the console's own engine
    test::PeerEngine m_peerEngine; // the engine on "another host"
    engine::Engine *m_peer = nullptr;
    wsman::WsmanServer *m_server = nullptr;
    std::unique_ptr<engine::NbdServer> m_nbd;
    QString m_fingerprint;
    QUrl m_wsmanUrl;
    QUrl m_nbdUrl;

    QList<cim::Instance> collections()
    {
        auto r = await(
            m_host.client()->enumerateInstances(engine::RemoteCollections::collectionClass()));
        return r ? *r : QList<cim::Instance>();
    }

    // A window following the peer as the Connect dialog would hand it over.
    SystemInventory *connectPeer(MainWindow &window)
    {
        auto transport = std::make_unique<wsman::WsmanTransport>(m_wsmanUrl);
        transport->setCredentials(QStringLiteral("admin"), QStringLiteral("secret"));
        transport->setTrustedFingerprints({m_fingerprint});
        return window.addRemoteSystem(transport.release(), m_fingerprint);
    }

    // The window shown and loaded, the peer connected, the wizard open on its first page.
    RemoteCollectionWizard *openWizardWithPeer(MainWindow &window)
    {
        window.show();
        if (!QTest::qWaitFor([&window] { return window.isLoaded(); }, 10000))
            return nullptr;
        connectPeer(window);
        return openWizard(window);
    }

    static RemoteCollectionWizard *openWizard(MainWindow &window)
    {
        window.remoteCollectionAction()->trigger();
        RemoteCollectionWizard *wizard = window.findChild<RemoteCollectionWizard *>();
        return wizard && wizard->isVisible() ? wizard : nullptr;
    }

    // With RD_SCREENSHOT_DIR set (under Xvfb, QT_QPA_PLATFORM=xcb), each page is saved as the
    // README shows it.
    static void shoot(QWidget *widget, const char *name)
    {
        const QString dir = qEnvironmentVariable("RD_SCREENSHOT_DIR");
        if (dir.isEmpty())
            return;
        QTest::qWait(200); // let the style finish painting
        QVERIFY(widget->grab().save(dir + u'/' + QLatin1String(name) + u".png", "PNG"));
    }

    // A 4 MiB volume here, made through the engine, with 256 KiB of random data at 1 MiB written
    // into its image; expected gets what it holds. An empty path when it could not be made.
    cim::ObjectPath filledSource(const QString &name, quint32 seed, QByteArray &expected)
    {
        const auto services =
            await(m_host.client()->enumerateInstances(classes::storageConfigurationService()));
        if (!services.ok() || services->isEmpty())
            return {};
        cim::Parameters in;
        in.set(QStringLiteral("ElementName"), cim::Value::string(name));
        in.set(QStringLiteral("ElementType"), cim::Value::uint16(2));
        in.set(QStringLiteral("Size"), cim::Value::uint64(4 << 20));
        const cim::MethodResult made = await(m_host.client()->invokeMethod(
            {services->constFirst().path(), QStringLiteral("CreateOrModifyElementFromStoragePool"),
             in}));
        if (made.returnValue != 0)
            return {};
        const cim::ObjectPath element = made.out.value(u"TheElement").toReference();
        QFile image(engine::StoragePool(QString(), QString(),
                                        m_dir.filePath(QStringLiteral("local/pools/default")))
                        .imagePath(element.key(u"DeviceID").toString()));
        expected = QByteArray(4 << 20, '\0');
        QByteArray data(256 * 1024, Qt::Uninitialized);
        QRandomGenerator(seed).fillRange(reinterpret_cast<quint32 *>(data.data()), data.size() / 4);
        expected.replace(1 << 20, data.size(), data);
        if (!image.open(QIODevice::ReadWrite) || !image.seek(1 << 20) ||
            image.write(data) != data.size())
            return {};
        return element;
    }

    // The console's Create Replica wizard, opened on window with source checked, on its type
    // page.
    static CreateReplicaWizard *openReplicaWizard(MainWindow &window, const cim::ObjectPath &source)
    {
        window.show();
        if (!QTest::qWaitFor(
                [&] { return window.isLoaded() && window.localSystem()->find(source); }, 10000))
            return nullptr;
        window.createReplicaAction()->trigger();
        CreateReplicaWizard *wizard = nullptr;
        if (!QTest::qWaitFor([&] { return (wizard = window.findChild<CreateReplicaWizard *>()); },
                             5000))
            return nullptr;
        wizard->preselectSources({source.toString()});
        wizard->restart();
        wizard->next();
        return wizard->currentId() == CreateReplicaWizard::TypePage ? wizard : nullptr;
    }

    static QTreeWidgetItem *pointItem(QTreeWidget *tree, const QUrl &url)
    {
        for (int i = 0; i < tree->topLevelItemCount(); ++i) {
            if (tree->topLevelItem(i)->text(0) == url.toString())
                return tree->topLevelItem(i);
        }
        return nullptr;
    }

    // Peer → trust → access points → options → summary, with the defaults.
    static bool walkToSummary(RemoteCollectionWizard *wizard)
    {
        if (wizard->currentId() != RemoteCollectionWizard::PeerPage ||
            !wizard->button(QWizard::NextButton)->isEnabled())
            return false;
        wizard->next();
        if (!QTest::qWaitFor([&] { return wizard->trustPage()->isVerified(); }, 10000))
            return false;
        wizard->next();
        if (!QTest::qWaitFor([&] { return wizard->accessPointsPage()->isComplete(); }, 10000))
            return false;
        wizard->next();
        wizard->next();
        return wizard->currentId() == RemoteCollectionWizard::SummaryPage;
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (!QSslSocket::supportsSsl())
            QSKIP("Qt has no TLS backend here");
        QVERIFY(m_dir.isValid());
        test::isolateConsole(m_dir, QStringLiteral("tst_remotecollectionwizard"));

        engine::EngineOptions local;
        local.dataDirectory = m_dir.filePath(QStringLiteral("local"));
        local.defaultPoolDirectory = m_dir.filePath(QStringLiteral("local/pools/default"));
        local.systemName = QStringLiteral("console-host");
        QVERIFY(m_host.start(local).ok());
        QVERIFY(m_host.isRunning());

        const auto started =
            m_peerEngine.start(m_dir, QStringLiteral("storage-02"), QStringLiteral("secret"));
        QVERIFY2(started.ok(), qPrintable(started.error().message));
        m_peer = m_peerEngine.engine.get();
        m_server = m_peerEngine.server.get();
        m_fingerprint = m_peerEngine.fingerprint;
        m_wsmanUrl = m_server->url();
        m_nbd = std::make_unique<engine::NbdServer>(m_peer->poolManager());
        m_nbd->setTls(m_peerEngine.identity, true);
        QVERIFY(m_nbd->listen().ok());
        m_nbdUrl = m_nbd->url();
        // What the peer's daemon advertises: its WS-Man and NBD endpoints.
        m_peer->remoteCollections()->setLocalEndpoints({m_wsmanUrl, m_nbdUrl});
    }

    void cleanupTestCase()
    {
        m_nbd.reset();
        m_peerEngine.stop();
    }

    void withoutAPeerNextStaysDisabled()
    {
        MainWindow window(&m_host);
        window.show();
        QTRY_VERIFY(window.isLoaded());
        RemoteCollectionWizard *wizard = openWizard(window);
        QVERIFY(wizard);
        QVERIFY(wizard->handsOverCredentials()); // the embedded engine is the local side
        QCOMPARE(wizard->peerPage()->list()->count(), 0);
        QVERIFY(wizard->peerPage()->findChild<QLabel *>(QStringLiteral("noPeers"))->isVisible());
        QVERIFY(!wizard->button(QWizard::NextButton)->isEnabled());
        // Connecting from the page (the main window's dialog, modal to the wizard) lists the
        // new system and selects it.
        QVERIFY(wizard->peerPage()->connectButton()->isEnabled());
        SystemInventory *peer = connectPeer(window);
        QCOMPARE(wizard->peerPage()->list()->count(), 1);
        QCOMPARE(wizard->peer(), peer);
        QVERIFY(wizard->button(QWizard::NextButton)->isEnabled());
        wizard->reject();
    }

    void wrongCredentialsAreRefusedBeforeAnythingIsAsked()
    {
        MainWindow window(&m_host);
        RemoteCollectionWizard *wizard = openWizardWithPeer(window);
        QVERIFY(wizard);
        // The peer's administrator changes the password after the console connected.
        m_server->setUsers(test::PeerEngine::users(QStringLiteral("changed")));
        const auto restore = qScopeGuard(
            [this] { m_server->setUsers(test::PeerEngine::users(QStringLiteral("secret"))); });
        wizard->next();
        RemoteTrustPage *trust = wizard->trustPage();
        QCOMPARE(trust->addressLabel()->text(), m_wsmanUrl.toString());
        QCOMPARE(trust->userLabel()->text(), QStringLiteral("admin"));
        QTRY_VERIFY_WITH_TIMEOUT(trust->banner()->isVisible(), 10000);
        // The certificate was shown during the refused attempt: it is still the pinned one.
        QVERIFY2(trust->certificateLabel()->text().contains(m_fingerprint),
                 qPrintable(trust->certificateLabel()->text()));
        QVERIFY(trust->certificateLabel()->text().contains(QStringLiteral("trust on first use")));
        QVERIFY2(trust->banner()->text().contains(QStringLiteral("did not confirm")) &&
                     trust->banner()->text().contains(QStringLiteral("user name or password")),
                 qPrintable(trust->banner()->text()));
        QVERIFY(!trust->isVerified());
        QVERIFY(!wizard->button(QWizard::NextButton)->isEnabled());
        shoot(wizard, "collection-2-trust-refused");
        // Put right on the peer, checked again from the page.
        m_server->setUsers(test::PeerEngine::users(QStringLiteral("secret")));
        QTRY_VERIFY(trust->checkButton()->isEnabled());
        trust->checkButton()->click();
        QTRY_VERIFY_WITH_TIMEOUT(trust->isVerified(), 10000);
        QVERIFY(!trust->banner()->isVisible());
        QVERIFY2(trust->identityLabel()->text().contains(QStringLiteral("ReplicaDesk engine")) &&
                     trust->identityLabel()->text().contains(QStringLiteral("storage-02")),
                 qPrintable(trust->identityLabel()->text()));
        QVERIFY(wizard->button(QWizard::NextButton)->isEnabled());
        QVERIFY(collections().isEmpty());
        wizard->reject();
    }

    void collectionMadeThroughTheWizardReachesThePeer()
    {
        MainWindow window(&m_host);
        RemoteCollectionWizard *wizard = openWizardWithPeer(window);
        QVERIFY(wizard);
        QCOMPARE(wizard->peerPage()->list()->count(), 1);
        shoot(wizard, "collection-1-peer");
        wizard->next();
        QTRY_VERIFY_WITH_TIMEOUT(wizard->trustPage()->isVerified(), 10000);
        QCOMPARE(wizard->trustPage()->peerSystemName(), QStringLiteral("storage-02"));
        shoot(wizard, "collection-2-trust");
        wizard->next();

        // Access points: the peer's two (the one the console connected to, checked), none here.
        RemoteAccessPointsPage *points = wizard->accessPointsPage();
        QTRY_VERIFY_WITH_TIMEOUT(!points->isLoading(), 10000);
        QTreeWidgetItem *management = pointItem(points->peerTree(), m_wsmanUrl);
        QTreeWidgetItem *data = pointItem(points->peerTree(), m_nbdUrl);
        QVERIFY(management && data);
        QCOMPARE(points->peerTree()->topLevelItemCount(), 2);
        QCOMPARE(management->checkState(0), Qt::Checked);
        QCOMPARE(data->checkState(0), Qt::Checked);
        QCOMPARE(points->localTree()->topLevelItemCount(), 0);
        QVERIFY(points->hintLabel()->text().contains(QStringLiteral("no endpoint of its own")));
        QCOMPARE(points->managementUrl(), m_wsmanUrl);
        shoot(wizard, "collection-3-access-points");
        // Without the management endpoint the collection could not reach its peer.
        management->setCheckState(0, Qt::Unchecked);
        QVERIFY(!wizard->button(QWizard::NextButton)->isEnabled());
        QVERIFY(points->hintLabel()->text().contains(QStringLiteral("management address")));
        management->setCheckState(0, Qt::Checked);
        QVERIFY(wizard->button(QWizard::NextButton)->isEnabled());
        wizard->next();

        RemoteOptionsPage *options = wizard->optionsPage();
        QCOMPARE(options->nameEdit()->text(), QStringLiteral("Replication to storage-02"));
        QVERIFY(options->activeCheck()->isChecked());
        QVERIFY(!options->deleteOnUnassociatedCheck()->isChecked());
        QVERIFY(options->verifySystemCheck()->isChecked());
        options->nameEdit()->clear();
        QVERIFY(!wizard->button(QWizard::NextButton)->isEnabled());
        options->nameEdit()->setText(QStringLiteral("Backup site"));
        options->deleteOnUnassociatedCheck()->setChecked(true);
        shoot(wizard, "collection-4-options");
        wizard->next();

        // The summary says it in words and shows the envelope.
        ReplicaSummaryPage *summary = wizard->summaryPage();
        QCOMPARE(wizard->currentId(), int(RemoteCollectionWizard::SummaryPage));
        const QString words = summary->wordsView()->toPlainText();
        QVERIFY2(words.contains(QStringLiteral("Backup site")) &&
                     words.contains(QStringLiteral("storage-02")) &&
                     words.contains(m_nbdUrl.toString()),
                 qPrintable(words));
        const QString xml = summary->xmlView()->toPlainText();
        QVERIFY(xml.contains(QStringLiteral("CreateRemoteReplicationCollection_INPUT")));
        QVERIFY(xml.contains(m_wsmanUrl.toString()));
        shoot(wizard, "collection-5-summary");
        QVERIFY2(xml.contains(QStringLiteral("DeleteOnUnassociated rd:t=\"boolean\">true<")),
                 qPrintable(xml));

        // Run: the job signs in to the peer and is followed to its end.
        wizard->next();
        QTRY_COMPARE_WITH_TIMEOUT(wizard->currentId(), int(RemoteCollectionWizard::ResultPage),
                                  10000);
        RemoteCollectionResultPage *result = wizard->resultPage();
        QTRY_VERIFY_WITH_TIMEOUT(result->isFinished(), 20000);
        QVERIFY2(result->succeeded(), qPrintable(result->banner()->text()));
        QCOMPARE(result->progressBar()->value(), 100);
        QTRY_VERIFY(result->findChild<QLabel *>(QStringLiteral("collectionDetails"))
                        ->text()
                        .contains(QStringLiteral("the peer answers")));
        QTRY_VERIFY(window.jobsDock()->view()->currentIndex().isValid());
        shoot(wizard, "collection-6-result");

        // What the engine recorded is what the wizard showed.
        const QList<cim::Instance> made = collections();
        QCOMPARE(made.size(), 1);
        QCOMPARE(made.constFirst().property(u"ElementName").toString(),
                 QStringLiteral("Backup site"));
        QCOMPARE(made.constFirst().path().key(u"InstanceID"),
                 result->collection().key(u"InstanceID"));
        // The embedded engine now signs in to the peer as the console did.
        const auto access = m_host.peerCredentials(m_wsmanUrl);
        QVERIFY(access);
        QCOMPARE(access->user, QStringLiteral("admin"));
        QCOMPARE(access->password, QStringLiteral("secret"));
        QVERIFY(access->trustedFingerprints.contains(m_fingerprint));
        wizard->accept();
    }

    void refusalIsShownOnThePageThatCanFixIt()
    {
        // The peer's management endpoint already belongs to the collection made above.
        QCOMPARE(collections().size(), 1);
        MainWindow window(&m_host);
        RemoteCollectionWizard *wizard = openWizardWithPeer(window);
        QVERIFY(wizard);
        QVERIFY(walkToSummary(wizard));
        wizard->next();
        QTRY_COMPARE_WITH_TIMEOUT(wizard->currentId(),
                                  int(RemoteCollectionWizard::AccessPointsPage), 10000);
        MessageBanner *banner = wizard->accessPointsPage()->banner();
        QVERIFY(banner->isVisible());
        shoot(wizard, "collection-refusal");
        QVERIFY2(banner->text().contains(QStringLiteral("In Use (6)")) &&
                     banner->text().contains(QStringLiteral("Backup site")),
                 qPrintable(banner->text()));
        QCOMPARE(collections().size(), 1);
        wizard->reject();
    }

    // With the collection in place, the Create Replica wizard offers the peer as a target for a
    // clone: the replica is made there and holds the source's bytes.
    void cloneOnThePeerThroughTheCreateReplicaWizard()
    {
        QCOMPARE(collections().size(), 1);
        // A source with data here, made and written through the engine.
        QByteArray expected;
        const cim::ObjectPath source = filledSource(QStringLiteral("ledger"), 7, expected);
        QVERIFY(!source.isEmpty());

        MainWindow window(&m_host);
        CreateReplicaWizard *wizard = openReplicaWizard(window, source);
        QVERIFY(wizard);
        auto *type = qobject_cast<ReplicaTypePage *>(wizard->currentPage());
        QVERIFY(type);
        QTRY_VERIFY(type->typeButton(8)->isEnabled());
        type->typeButton(8)->setChecked(true);
        wizard->next();
        auto *targets = qobject_cast<ReplicaTargetsPage *>(wizard->currentPage());
        QVERIFY(targets);
        QTRY_VERIFY_WITH_TIMEOUT(!targets->isLoadingPeers(), 10000);
        QVERIFY2(targets->peerButton()->isEnabled(),
                 qPrintable(targets->findChild<QLabel *>(QStringLiteral("peerHint"))->text()));
        QCOMPARE(targets->peerCombo()->count(), 1);
        QVERIFY(targets->peerCombo()->currentText().contains(QStringLiteral("Backup site")));
        targets->peerButton()->setChecked(true);
        QVERIFY(wizard->button(QWizard::NextButton)->isEnabled());
        shoot(wizard, "wizard-3-targets-peer");
        wizard->next();
        wizard->next();
        QCOMPARE(wizard->currentId(), int(CreateReplicaWizard::SummaryPage));
        auto *summary = qobject_cast<ReplicaSummaryPage *>(wizard->currentPage());
        QVERIFY(summary->wordsView()->toPlainText().contains(QStringLiteral("another system")));
        QVERIFY(summary->xmlView()->toPlainText().contains(QStringLiteral("TargetAccessPoint")));
        wizard->next();
        QTRY_COMPARE_WITH_TIMEOUT(wizard->currentId(), int(CreateReplicaWizard::ResultPage), 10000);

        // The job ends Completed and names the peer's new volume, which holds the source's bytes.
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const auto jobs = window.localSystem()->instances(classes::concreteJob());
                for (const cim::Instance &j : jobs) {
                    if (j.property(u"ElementName").toString().startsWith(QStringLiteral("Clone")) &&
                        j.property(u"JobState").toUInt64() == 7)
                        return true;
                }
                return false;
            }(),
            30000);
        std::optional<engine::VolumeInfo> replica;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                for (const engine::VolumeInfo &v : m_peer->poolManager()->volumes()) {
                    if (v.elementName == QStringLiteral("ledger clone"))
                        replica = v;
                }
                return replica.has_value();
            }(),
            10000);
        QFile copy(m_peer->poolManager()->imagePath(replica->deviceId));
        QVERIFY(copy.open(QIODevice::ReadOnly));
        QVERIFY(copy.readAll() == expected);
        wizard->accept();
    }

    // A mirror on the peer through the same wizard: Mirror, Synchronous, new volumes on another
    // system. A snapshot is never offered there (the reason is on the page); WaitForCopyState is
    // not offered for the peer either, even when it was chosen for local targets before; the
    // summary says in words that the replica is kept in step there. The job ends Completed with
    // the pair Synchronized, its SyncedElement a volume of the peer that holds the source's bytes.
    void mirrorOnThePeerThroughTheCreateReplicaWizard()
    {
        QCOMPARE(collections().size(), 1);
        QByteArray expected;
        const cim::ObjectPath source = filledSource(QStringLiteral("journal"), 11, expected);
        QVERIFY(!source.isEmpty());
        MainWindow window(&m_host);
        CreateReplicaWizard *wizard = openReplicaWizard(window, source);
        QVERIFY(wizard);
        auto *type = qobject_cast<ReplicaTypePage *>(wizard->currentPage());
        QVERIFY(type);

        // A snapshot stays with its source: the other system is not offered, and the page says
        // why.
        QTRY_VERIFY(type->typeButton(7)->isEnabled());
        type->typeButton(7)->setChecked(true);
        wizard->next();
        auto *targets = qobject_cast<ReplicaTargetsPage *>(wizard->currentPage());
        QVERIFY(targets);
        QTRY_VERIFY_WITH_TIMEOUT(!targets->isLoadingPeers(), 10000);
        auto *peerHint = targets->findChild<QLabel *>(QStringLiteral("peerHint"));
        QVERIFY(!targets->peerButton()->isEnabled());
        QVERIFY(peerHint->isVisible());
        QVERIFY2(peerHint->text().contains(QStringLiteral("snapshot stays with its source")),
                 qPrintable(peerHint->text()));
        QVERIFY(targets->newButton()->isChecked());
        wizard->back();

        // Mirror, Synchronous; first to new volumes here, waiting until Synchronized.
        QVERIFY(type->typeButton(6)->isEnabled());
        type->typeButton(6)->setChecked(true);
        QVERIFY(type->modeButton(2)->isEnabled());
        type->modeButton(2)->setChecked(true);
        wizard->next();
        QCOMPARE(wizard->currentPage(), targets);
        QTRY_VERIFY_WITH_TIMEOUT(!targets->isLoadingPeers(), 10000);
        QVERIFY(targets->newButton()->isChecked());
        wizard->next();
        auto *settings = qobject_cast<ReplicaSettingsPage *>(wizard->currentPage());
        QVERIFY(settings);
        QVERIFY(settings->waitCombo()->isEnabled());
        constexpr int synchronized = int(cim::CopyState::Synchronized);
        settings->waitCombo()->setCurrentIndex(settings->waitCombo()->findData(synchronized));
        QCOMPARE(settings->waitForCopyState(), synchronized);
        QCOMPARE(wizard->request().in.value(u"WaitForCopyState").toUInt64(), quint64(synchronized));
        wizard->back();

        // Now on the other system: offered for a mirror, the peer's collection listed.
        QTRY_VERIFY_WITH_TIMEOUT(!targets->isLoadingPeers(), 10000);
        QVERIFY2(targets->peerButton()->isEnabled(), qPrintable(peerHint->text()));
        QVERIFY(!peerHint->isVisible());
        QCOMPARE(targets->peerCombo()->count(), 1);
        QVERIFY(targets->peerCombo()->currentText().contains(QStringLiteral("Backup site")));
        targets->peerButton()->setChecked(true);
        QVERIFY(wizard->button(QWizard::NextButton)->isEnabled());
        shoot(wizard, "wizard-3-targets-peer-mirror");
        wizard->next();

        // The system makes replicas on another system in a job: no wait, and the page says why.
        QCOMPARE(wizard->currentPage(), settings);
        QVERIFY(!settings->waitCombo()->isEnabled());
        QCOMPARE(settings->waitForCopyState(), 0);
        QVERIFY(settings->waitNote()->isVisible());
        QVERIFY2(settings->waitNote()->text().contains(QStringLiteral("another system")) &&
                     settings->waitNote()->text().contains(QStringLiteral("Synchronized")),
                 qPrintable(settings->waitNote()->text()));
        shoot(wizard, "wizard-4-settings-peer-mirror");
        wizard->next();

        // The request carries what the engine accepts across systems, and nothing it refuses.
        QCOMPARE(wizard->currentId(), int(CreateReplicaWizard::SummaryPage));
        const cim::MethodCall call = wizard->request();
        QCOMPARE(call.in.value(u"SyncType").toUInt64(), 6u);
        QCOMPARE(call.in.value(u"Mode").toUInt64(), 2u);
        QVERIFY(!call.in.value(u"TargetAccessPoint").isNull());
        QCOMPARE(call.in.value(u"ElementNames").elements().size(), 1);
        for (const char16_t *refused : {u"TargetElements", u"TargetSettingGoal",
                                        u"SourceAccessPoint", u"WaitForCopyState", u"TargetPool"})
            QVERIFY2(!call.in.contains(QStringView(refused)),
                     qPrintable(QString::fromUtf16(refused)));
        QVERIFY(call.in.value(u"ReplicationSettingData")
                    .toString()
                    .contains(QStringLiteral("TargetElementSupplier")));
        auto *summary = qobject_cast<ReplicaSummaryPage *>(wizard->currentPage());
        const QString words = summary->wordsView()->toPlainText();
        QVERIFY2(words.contains(QStringLiteral("another system")) &&
                     words.contains(QStringLiteral("kept in step")) &&
                     words.contains(QStringLiteral("Synchronous")) &&
                     words.contains(QStringLiteral("“journal mirror” on the other system")) &&
                     !words.contains(QStringLiteral("WaitForCopyState")),
                 qPrintable(words));
        const QString xml = summary->xmlView()->toPlainText();
        QVERIFY(xml.contains(QStringLiteral("TargetAccessPoint")));
        QVERIFY(!xml.contains(QStringLiteral("WaitForCopyState")));
        shoot(wizard, "wizard-5-summary-peer-mirror");
        wizard->next();
        QTRY_COMPARE_WITH_TIMEOUT(wizard->currentId(), int(CreateReplicaWizard::ResultPage), 10000);

        // The job ends (Completed, once the pair is Synchronized).
        auto mirrorJob = [this]() -> std::optional<cim::Instance> {
            const auto jobs = await(m_host.client()->enumerateInstances(classes::concreteJob()));
            for (const cim::Instance &j : jobs ? *jobs : QList<cim::Instance>()) {
                if (j.property(u"ElementName").toString().startsWith(QStringLiteral("Mirror")))
                    return j;
            }
            return std::nullopt;
        };
        std::optional<cim::Instance> job;
        QTRY_VERIFY_WITH_TIMEOUT((job = mirrorJob()) &&
                                     job->property(u"JobState").toUInt64() >= 7, // a final state
                                 60000);
        QVERIFY2(job->property(u"JobState").toUInt64() == 7,
                 qPrintable(job->property(u"ErrorDescription").toString()));

        // The pair: this side's source, the peer's volume, Synchronized.
        const auto pairs =
            await(m_host.client()->enumerateInstances(classes::storageSynchronized()));
        QVERIFY(pairs.ok());
        std::optional<cim::Instance> pair;
        for (const cim::Instance &p : *pairs) {
            if (p.property(u"SystemElement").toReference().key(u"DeviceID") ==
                source.key(u"DeviceID"))
                pair = p;
        }
        QVERIFY(pair);
        const cim::ObjectPath synced = pair->property(u"SyncedElement").toReference();
        QCOMPARE(synced.key(u"SystemName").toString(), QStringLiteral("storage-02"));
        QCOMPARE(pair->property(u"SyncType").toUInt64(), 6u);
        QCOMPARE(pair->property(u"Mode").toUInt64(), 2u);
        QCOMPARE(pair->property(u"CopyState").toUInt64(), quint64(cim::CopyState::Synchronized));
        QTRY_VERIFY(window.localSystem()->find(pair->path()));

        // The synchronizations view names the replica by its key on storage-02 until the console
        // follows the peer too, then by the name it has there.
        const QString replicaId = synced.key(u"DeviceID").toString();
        SynchronizationModel *syncs = window.synchronizationsDock()->model();
        const auto replicaLabel = [syncs] {
            for (int row = 0; row < syncs->rowCount(); ++row) {
                if (syncs->index(row, SynchronizationModel::SourceColumn).data().toString() ==
                    QStringLiteral("journal"))
                    return syncs->index(row, SynchronizationModel::ReplicaColumn).data().toString();
            }
            return QString();
        };
        QTRY_COMPARE(replicaLabel(), replicaId + QStringLiteral(" on storage-02"));
        connectPeer(window);
        QTRY_COMPARE_WITH_TIMEOUT(replicaLabel(), QStringLiteral("journal mirror"), 10000);

        // The peer's volume is the one the wizard named, and it holds the source's bytes.
        std::optional<engine::VolumeInfo> replica;
        for (const engine::VolumeInfo &v : m_peer->poolManager()->volumes()) {
            if (v.deviceId == replicaId)
                replica = v;
        }
        QVERIFY2(replica, qPrintable(replicaId));
        QCOMPARE(replica->elementName, QStringLiteral("journal mirror"));
        QFile copy(m_peer->poolManager()->imagePath(replica->deviceId));
        QVERIFY(copy.open(QIODevice::ReadOnly));
        QVERIFY(copy.readAll() == expected);
        wizard->accept();

        // Detached, the replica stays on the peer as a volume of its own; nothing is left
        // mirroring when the collection goes in the next test.
        cim::Parameters detach;
        detach.set(QStringLiteral("Operation"),
                   cim::Value::uint16(quint16(cim::SyncOperation::Detach)));
        detach.set(QStringLiteral("Synchronization"), cim::Value::reference(pair->path()));
        const auto services =
            await(m_host.client()->enumerateInstances(classes::replicationService()));
        QVERIFY(services.ok() && !services->isEmpty());
        const cim::MethodResult detached = await(m_host.client()->invokeMethod(
            {services->constFirst().path(), QStringLiteral("ModifyReplicaSynchronization"),
             detach}));
        QVERIFY2(detached.returnValue == 0 || detached.returnValue == 4096,
                 qPrintable(detached.message));
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const auto left =
                    await(m_host.client()->enumerateInstances(classes::storageSynchronized()));
                return left.ok() && left->isEmpty();
            }(),
            10000);
    }

    void peerGoneBeforeTheJobLeavesNothingBehind()
    {
        // Start clean: the earlier collection would refuse this one.
        for (const cim::Instance &c : collections())
            QVERIFY(await(m_host.client()->deleteInstance(c.path())).ok());
        MainWindow window(&m_host);
        RemoteCollectionWizard *wizard = openWizardWithPeer(window);
        QVERIFY(wizard);
        QVERIFY(walkToSummary(wizard));
        m_server->close(); // the peer goes away after it was checked
        wizard->next();
        QTRY_COMPARE_WITH_TIMEOUT(wizard->currentId(), int(RemoteCollectionWizard::ResultPage),
                                  10000);
        RemoteCollectionResultPage *result = wizard->resultPage();
        QTRY_VERIFY_WITH_TIMEOUT(result->isFinished(), 30000);
        QVERIFY(!result->succeeded());
        QVERIFY(result->banner()->isVisible());
        QVERIFY2(result->banner()->text().startsWith(QStringLiteral("The job failed:")),
                 qPrintable(result->banner()->text()));
        QVERIFY(collections().isEmpty());
        wizard->accept();
    }
};

QTEST_MAIN(TestRemoteCollectionWizard)
#include "tst_remotecollectionwizard.moc"
