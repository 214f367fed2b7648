// Host Access from the console against a real engine: the Host Access dialog adds a TLS-PSK host
// (the engine records it, and the 0600 key file the console writes lets nbdinfo open the volume
// once the host is admitted), admits and withdraws hosts, removes one after asking, and shows the
// engine's reason for a refusal without changing anything. The volume access panel shows a
// volume's URLs and command lines, and its Copy buttons fill the clipboard.

#include "access/hostaccess.h"
#include "addhostdialog.h"
#include "api/localtransport.h"
#include "cimclasses.h"
#include "detailspane.h"
#include "engine.h"
#include "enginehost.h"
#include "hostaccessdialog.h"
#include "hostaccessmodel.h"
#include "mainwindow.h"
#include "navigatormodel.h"
#include "nbdcommandlines.h"
#include "serving/engineserver.h"
#include "systeminventory.h"
#include "translations.h"
#include "volumeaccesspanel.h"
#include "volumerequests.h"
#include "wsman/selfsignedcertificate.h"

#include "fakecimclient.h"
#include "uitestsupport.h"

#include <QAbstractItemModelTester>
#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QClipboard>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace rd;
using namespace rd::ui;
using rd::ui::test::await;

namespace {

struct Run
{
    int code = -1;
    QString output;
};

// Runs a client to its end while the event loop serves it (the server lives on this thread).
Run run(const QString &program, const QStringList &arguments)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(program, arguments);
    if (!p.waitForStarted())
        return {-1, program + QStringLiteral(" did not start")};
    (void)QTest::qWaitFor([&] { return p.state() == QProcess::NotRunning; }, 60000);
    if (p.state() != QProcess::NotRunning) {
        p.kill();
        p.waitForFinished();
        return {-2, program + QStringLiteral(" timed out")};
    }
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -3,
            QString::fromLocal8Bit(p.readAll())};
}

void shoot(QWidget *widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("RD_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    QTest::qWait(200); // let the style finish painting
    QVERIFY(widget->grab().save(dir + u'/' + name + u".png", "PNG"));
}

} // namespace

class TestHostAccessDialog : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QTemporaryDir m_tlsDir;
    std::unique_ptr<engine::Engine> m_engine;
    std::unique_ptr<engine::EngineServer> m_server;
    std::unique_ptr<engine::LocalTransport> m_client;
    std::unique_ptr<SystemInventory> m_inventory;
    cim::Instance m_volume;

    static std::optional<cim::Instance> volumeNamed(const SystemInventory &inventory,
                                                    const QString &name)
    {
        for (const cim::Instance &v : inventory.instances(classes::storageVolume())) {
            if (v.property(u"ElementName").toString() == name)
                return v;
        }
        return std::nullopt;
    }

    std::optional<engine::HostRecord> engineHost(const QString &name) const
    {
        for (const engine::HostRecord &h : m_engine->hostAccess()->hosts()) {
            if (h.name == name)
                return h;
        }
        return std::nullopt;
    }

    // Adds a TLS-PSK host through the Add Host dialog, as a user would; returns the key file.
    static QString addThroughDialog(HostAccessDialog &dialog, const QString &name,
                                    const QString &file)
    {
        dialog.addButton()->click();
        AddHostDialog *add = nullptr;
        if (!QTest::qWaitFor([&] { return (add = dialog.findChild<AddHostDialog *>()); }))
            return {};
        QTest::keyClicks(add->nameEdit(), name);
        // The identity follows the name; the key file goes where the test says.
        if (add->identityEdit()->text() != name)
            return {};
        shoot(add, QStringLiteral("add-host-dialog"));
        add->pskFileEdit()->selectAll();
        QTest::keyClicks(add->pskFileEdit(), file);
        if (!add->okButton()->isEnabled())
            return {};
        add->okButton()->click();
        return file;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(m_tlsDir.isValid());
        rd::ui::test::isolateConsole(m_dir, QStringLiteral("tst_hostaccessdialog"));
        engine::EngineOptions options;
        options.dataDirectory = m_dir.filePath(QStringLiteral("data"));
        options.defaultPoolDirectory = m_dir.filePath(QStringLiteral("data/pools/default"));
        options.systemName = QStringLiteral("test-host");
        auto opened = engine::Engine::open(options);
        QVERIFY2(opened.ok(), qPrintable(opened.error().message));
        m_engine = std::move(opened).value();

        auto identity = wsman::loadOrCreateTlsIdentity(
            m_tlsDir.filePath(QStringLiteral("cert.pem")),
            m_tlsDir.filePath(QStringLiteral("key.pem")), QStringLiteral("hostaccess-test"));
        QVERIFY2(identity.ok(), qPrintable(identity.error().message));
        m_server = std::make_unique<engine::EngineServer>(
            engine::EngineServer::Parts{m_engine->registry(), m_engine->poolManager(),
                                        m_engine->remoteCollections(), m_engine->hostAccess(),
                                        m_engine->replication()},
            wsman::UserStore());
        engine::EngineServerOptions serverOptions;
        serverOptions.serveWsman = false;
        serverOptions.wsman.address = QHostAddress(QHostAddress::LocalHost);
        serverOptions.wsman.tls = identity.value();
        serverOptions.nbdPort = 0;
        serverOptions.nbdLocalPath = m_dir.filePath(QStringLiteral("nbd.sock"));
        const auto started = m_server->start(serverOptions);
        QVERIFY2(started.ok(), qPrintable(started.error().message));

        m_client = std::make_unique<engine::LocalTransport>(m_engine->registry());
        m_inventory = std::make_unique<SystemInventory>(m_client.get(), classes::watched());
        m_inventory->refresh();
        QTRY_VERIFY(m_inventory->isLoaded());
        const cim::ObjectPath service = storageConfigurationService(*m_inventory);
        QVERIFY(!service.isEmpty());
        const auto pools = m_inventory->instances(classes::storagePool());
        QVERIFY(!pools.isEmpty());
        const cim::MethodResult made = await(m_client->invokeMethod(createVolumeCall(
            service, QStringLiteral("Web data"), 4ull << 20, pools.constFirst().path())));
        QVERIFY2(made.returnValue == 0, qPrintable(made.message));
        m_inventory->refresh();
        QTRY_VERIFY(volumeNamed(*m_inventory, QStringLiteral("Web data")).has_value());
        m_volume = *volumeNamed(*m_inventory, QStringLiteral("Web data"));
    }

    void cleanupTestCase()
    {
        m_inventory.reset();
        m_client.reset();
        m_server.reset();
        m_engine.reset();
    }

    void addingAPskHostWritesAKeyTheEngineAccepts()
    {
        HostAccessDialog dialog(m_inventory.get(), m_volume);
        QAbstractItemModelTester tester(dialog.model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        dialog.show();
        QVERIFY(dialog.addButton()->isEnabled());
        QSignalSpy added(&dialog, &HostAccessDialog::hostAdded);
        const QString file = m_dir.filePath(QStringLiteral("keys/web01/keys.psk"));
        QCOMPARE(addThroughDialog(dialog, QStringLiteral("web01"), file), file);
        QTRY_COMPARE(added.count(), 1);
        QCOMPARE(added.at(0).at(1).toString(), file);

        // The engine knows the host, by its identity, with the key the file holds.
        const auto host = engineHost(QStringLiteral("web01"));
        QVERIFY(host.has_value());
        QCOMPARE(host->pskIdentity, QStringLiteral("web01"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray content = f.readAll();
        QVERIFY2(content.startsWith("web01:") && content.endsWith('\n'), content.constData());
        const QByteArray key = QByteArray::fromHex(content.mid(6).trimmed());
        QCOMPARE(key.size(), 32);
        QCOMPARE(m_engine->hostAccess()->pskKey(QStringLiteral("web01")), key);
        QCOMPARE(f.permissions() & ~(QFileDevice::ReadUser | QFileDevice::WriteUser),
                 QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        QVERIFY(dialog.messageLabel()->isVisible());
        QVERIFY2(dialog.messageLabel()->text().contains(file),
                 qPrintable(dialog.messageLabel()->text()));

        // The dialog lists it, known by its identity, with no access yet.
        QTRY_VERIFY(dialog.model()->rowOfHost(QStringLiteral("web01")) >= 0);
        const int row = dialog.model()->rowOfHost(QStringLiteral("web01"));
        QCOMPARE(dialog.model()->index(row, HostAccessModel::KnownByColumn).data().toString(),
                 QStringLiteral("TLS-PSK identity web01"));
        QCOMPARE(dialog.model()->index(row, HostAccessModel::AccessColumn).data().toString(),
                 QStringLiteral("No access"));

        // Admitted read-write: the grant is on the engine and in the dialog.
        dialog.selectHost(QStringLiteral("web01"));
        QVERIFY(dialog.admitReadWriteButton()->isEnabled());
        QVERIFY(!dialog.withdrawButton()->isEnabled());
        QSignalSpy changed(&dialog, &HostAccessDialog::accessChanged);
        dialog.admitReadWriteButton()->click();
        QTRY_COMPARE(changed.count(), 1);
        QTRY_COMPARE(dialog.model()
                         ->index(dialog.model()->rowOfHost(QStringLiteral("web01")),
                                 HostAccessModel::AccessColumn)
                         .data()
                         .toString(),
                     QStringLiteral("Read and write"));
        const auto granted = engineHost(QStringLiteral("web01"));
        QCOMPARE(granted->grants.size(), 1);
        QCOMPARE(granted->grants.constFirst().id, m_volume.property(u"DeviceID").toString());
        QVERIFY(!granted->grants.constFirst().readOnly);
        shoot(&dialog, QStringLiteral("host-access-dialog"));

        // The file the console wrote opens the volume over TLS-PSK.
        if (QStandardPaths::findExecutable(QStringLiteral("nbdinfo")).isEmpty())
            QSKIP("nbdinfo is not installed (scripts/setup.sh installs it)");
        const QString url = QStringLiteral("nbds://web01@127.0.0.1:%1/%2?tls-psk-file=%3")
                                .arg(m_server->nbdServer()->port())
                                .arg(m_volume.property(u"DeviceID").toString(), file);
        const Run info = run(QStringLiteral("nbdinfo"), {QStringLiteral("--size"), url});
        QVERIFY2(info.code == 0, qPrintable(info.output));
        QCOMPARE(info.output.trimmed(), QStringLiteral("4194304"));
    }

    void aRefusedHostShowsTheReasonAndChangesNothing()
    {
        HostAccessDialog dialog(m_inventory.get(), m_volume);
        dialog.show();
        QTRY_VERIFY(dialog.model()->rowOfHost(QStringLiteral("web01")) >= 0);
        const int hostsBefore = int(m_engine->hostAccess()->hosts().size());
        QSignalSpy refused(&dialog, &HostAccessDialog::refused);
        const QString file = m_dir.filePath(QStringLiteral("keys/duplicate/keys.psk"));
        dialog.addHost(QStringLiteral("web01"), true, QStringLiteral("duplicate"), file);
        QTRY_COMPARE(refused.count(), 1);
        const QString reason = refused.at(0).at(0).toString();
        QVERIFY2(reason.startsWith(QStringLiteral("Invalid Parameter (5)")), qPrintable(reason));
        QVERIFY2(reason.contains(QStringLiteral("web01")), qPrintable(reason));
        QMessageBox *box = nullptr;
        QTRY_VERIFY((box = dialog.findChild<QMessageBox *>(QStringLiteral("hostAccessRefused"))));
        QCOMPARE(box->informativeText(), reason);
        QCOMPARE(int(m_engine->hostAccess()->hosts().size()), hostsBefore);
        QVERIFY(!engineHost(QStringLiteral("duplicate")));
        QVERIFY(!QFile::exists(file));
    }

    void readOnlyAdmissionAndWithdrawal()
    {
        HostAccessDialog dialog(m_inventory.get(), m_volume);
        dialog.show();
        QSignalSpy added(&dialog, &HostAccessDialog::hostAdded);
        // A host known by its certificate: no key, no file.
        dialog.addHost(QStringLiteral("backup"), false,
                       QStringLiteral("3f:a0:11:22:33:44:55:66:77:88:99:aa:bb:cc:dd:ee:ff:00:11:"
                                      "22:33:44:55:66:77:88:99:aa:bb:cc:dd:ee"),
                       QString());
        QTRY_COMPARE(added.count(), 1);
        QTRY_VERIFY(dialog.model()->rowOfHost(QStringLiteral("backup")) >= 0);
        dialog.selectHost(QStringLiteral("backup"));
        QSignalSpy changed(&dialog, &HostAccessDialog::accessChanged);
        dialog.admitReadOnlyButton()->click();
        QTRY_COMPARE(changed.count(), 1);
        QTRY_VERIFY(engineHost(QStringLiteral("backup"))->grants.size() == 1);
        QVERIFY(engineHost(QStringLiteral("backup"))->grants.constFirst().readOnly);
        QTRY_COMPARE(dialog.model()
                         ->index(dialog.model()->rowOfHost(QStringLiteral("backup")),
                                 HostAccessModel::AccessColumn)
                         .data()
                         .toString(),
                     QStringLiteral("Read only"));
        QTRY_VERIFY(dialog.withdrawButton()->isEnabled());
        dialog.withdrawButton()->click();
        QTRY_COMPARE(changed.count(), 2);
        QVERIFY(engineHost(QStringLiteral("backup"))->grants.isEmpty());
    }

    void removingAHostAsksFirst()
    {
        HostAccessDialog dialog(m_inventory.get(), m_volume);
        dialog.show();
        QTRY_VERIFY(dialog.model()->rowOfHost(QStringLiteral("backup")) >= 0);
        dialog.selectHost(QStringLiteral("backup"));
        QVERIFY(dialog.removeButton()->isEnabled());
        QSignalSpy removed(&dialog, &HostAccessDialog::hostRemoved);
        dialog.removeButton()->click();
        QMessageBox *box = nullptr;
        QTRY_VERIFY((box = dialog.findChild<QMessageBox *>(QStringLiteral("confirmRemoveHost"))));
        QVERIFY(engineHost(QStringLiteral("backup")).has_value()); // not before the answer
        QPushButton *yes = nullptr;
        for (QAbstractButton *b : box->buttons()) {
            if (box->buttonRole(b) == QMessageBox::DestructiveRole)
                yes = qobject_cast<QPushButton *>(b);
        }
        QVERIFY(yes);
        yes->click();
        QTRY_COMPARE(removed.count(), 1);
        QVERIFY(!engineHost(QStringLiteral("backup")));
        QTRY_COMPARE(dialog.model()->rowOfHost(QStringLiteral("backup")), -1);
    }

    void panelShowsWhoMayOpenTheVolume()
    {
        VolumeAccessPanel panel;
        panel.showVolume(m_inventory.get(), m_volume);
        QVERIFY(!panel.isHidden());
        QTRY_VERIFY2(
            panel.admittedLabel()->text().contains(QStringLiteral("web01 (read and write)")),
            qPrintable(panel.admittedLabel()->text()));
        // The engine's NBDExport: the URL it serves the volume at, and a qemu line for it.
        const QString id = m_volume.property(u"DeviceID").toString();
        QPlainTextEdit *url = nullptr;
        QTRY_VERIFY((url = panel.field(QStringLiteral("networkUrl"))));
        QCOMPARE(
            url->toPlainText(),
            QStringLiteral("nbds://127.0.0.1:%1/%2").arg(m_server->nbdServer()->port()).arg(id));
        QVERIFY(panel.field(QStringLiteral("localUrl"))->toPlainText().contains(id));
        QVERIFY2(panel.field(QStringLiteral("qemu-0"))
                     ->toPlainText()
                     .contains(QStringLiteral("export=%1,tls-creds=tls0").arg(id)),
                 qPrintable(panel.field(QStringLiteral("qemu-0"))->toPlainText()));
        // The identity of the host that may open it, in the PSK lines.
        QVERIFY(panel.field(QStringLiteral("qemu-0"))
                    ->toPlainText()
                    .contains(QStringLiteral("username=web01")));
        QApplication::clipboard()->clear();
        panel.copyButton(QStringLiteral("qemu-0"))->click();
        QCOMPARE(QApplication::clipboard()->text(),
                 panel.field(QStringLiteral("qemu-0"))->toPlainText());
        // Anything but a volume hides it.
        panel.showVolume(m_inventory.get(), m_inventory->instances(classes::storagePool()).first());
        QVERIFY(panel.isHidden());
    }

    void aPoolGrantReachesItsVolumes()
    {
        const cim::Instance pool = m_inventory->instances(classes::storagePool()).constFirst();
        HostAccessDialog dialog(m_inventory.get(), pool);
        dialog.show();
        QTRY_VERIFY(dialog.model()->rowOfHost(QStringLiteral("web01")) >= 0);
        QVERIFY(dialog.admitReadOnlyButton()->text().contains(QStringLiteral("pool")));
        dialog.selectHost(QStringLiteral("web01"));
        QSignalSpy changed(&dialog, &HostAccessDialog::accessChanged);
        dialog.admitReadOnlyButton()->click();
        QTRY_COMPARE(changed.count(), 1);
        QCOMPARE(engineHost(QStringLiteral("web01"))->grants.size(), 2);

        // The volume's own grant decides; a host admitted only on the pool shows it.
        HostAccessDialog onVolume(m_inventory.get(), m_volume);
        QTRY_COMPARE(onVolume.model()
                         ->index(onVolume.model()->rowOfHost(QStringLiteral("web01")),
                                 HostAccessModel::AccessColumn)
                         .data()
                         .toString(),
                     QStringLiteral("Read and write"));
        onVolume.show();
        onVolume.selectHost(QStringLiteral("web01"));
        QSignalSpy withdrawn(&onVolume, &HostAccessDialog::accessChanged);
        onVolume.withdrawButton()->click();
        QTRY_COMPARE(withdrawn.count(), 1);
        QTRY_VERIFY(onVolume.model()
                        ->index(onVolume.model()->rowOfHost(QStringLiteral("web01")),
                                HostAccessModel::AccessColumn)
                        .data()
                        .toString()
                        .startsWith(QStringLiteral("Read only, through the pool")));
        // Only the pool's dialog withdraws the pool's grant.
        QVERIFY(!onVolume.withdrawButton()->isEnabled());
        dialog.selectHost(QStringLiteral("web01"));
        QTRY_VERIFY(dialog.withdrawButton()->isEnabled());
        dialog.withdrawButton()->click();
        QTRY_COMPARE(changed.count(), 2);
        QVERIFY(engineHost(QStringLiteral("web01"))->grants.isEmpty());
        // Back to read-write on the volume for the tests after this one.
        onVolume.selectHost(QStringLiteral("web01"));
        QTRY_VERIFY(onVolume.admitReadWriteButton()->isEnabled());
        onVolume.admitReadWriteButton()->click();
        QTRY_COMPARE(withdrawn.count(), 2);
    }

    // The NBDExport as the engine serves it (MSISCSITARGET_NBDExport), from a fake system so the
    // panel's text is known exactly.
    void panelShowsUrlsAndCommandLines()
    {
        rd::test::FakeCimClient client;
        cim::Instance volume(classes::storageVolume());
        volume.setPath(cim::ObjectPath(
            QStringLiteral("root/test"), classes::storageVolume(),
            {{QStringLiteral("DeviceID"), cim::Value::string(QStringLiteral("vol-42"))}}));
        volume.setProperty(QStringLiteral("DeviceID"),
                           cim::Value::string(QStringLiteral("vol-42")));
        volume.setProperty(QStringLiteral("ElementName"),
                           cim::Value::string(QStringLiteral("Mail")));
        cim::Instance nbd(classes::nbdExport());
        nbd.setProperty(QStringLiteral("DeviceID"), cim::Value::string(QStringLiteral("vol-42")));
        nbd.setProperty(QStringLiteral("NetworkURL"),
                        cim::Value::string(QStringLiteral("nbds://storage.example:10809/vol-42")));
        nbd.setProperty(QStringLiteral("LocalURL"),
                        cim::Value::string(
                            QStringLiteral("nbd+unix:///vol-42?socket=/run/replicadesk/nbd.sock")));
        nbd.setProperty(
            QStringLiteral("OpenedBy"),
            cim::Value::array(cim::CimType::String,
                              {cim::Value::string(QStringLiteral("host web01 from 192.0.2.7"))}));
        nbd.setProperty(QStringLiteral("WriteRefusal"),
                        cim::Value::string(QStringLiteral("It is the replica of a mirror.")));
        client.setInstances(classes::storageVolume(), {volume});
        client.setInstances(classes::nbdExport(), {nbd});
        SystemInventory inventory(&client, classes::watched());
        inventory.refresh();
        QTRY_VERIFY(inventory.isLoaded());

        VolumeAccessPanel panel;
        panel.resize(700, 900);
        panel.show();
        panel.showVolume(&inventory, volume);
        QPlainTextEdit *url = panel.field(QStringLiteral("networkUrl"));
        QVERIFY(url);
        QCOMPARE(url->toPlainText(), QStringLiteral("nbds://storage.example:10809/vol-42"));
        QVERIFY(url->isReadOnly());
        QVERIFY(panel.field(QStringLiteral("localUrl")));
        QPlainTextEdit *qemu = panel.field(QStringLiteral("qemu-0"));
        QVERIFY(qemu);
        QVERIFY2(qemu->toPlainText().contains(QStringLiteral(
                     "-blockdev driver=nbd,server.type=inet,server.host=storage.example,"
                     "server.port=10809,export=vol-42,tls-creds=tls0")),
                 qPrintable(qemu->toPlainText()));
        QVERIFY(qemu->toPlainText().contains(
            QStringLiteral("-object tls-creds-psk,id=tls0,endpoint=client,dir=")));
        QVERIFY(panel.field(QStringLiteral("qemu-1"))
                    ->toPlainText()
                    .contains(QStringLiteral("server.type=unix,server.path=/run/replicadesk/"
                                             "nbd.sock,export=vol-42")));
        QCOMPARE(panel.field(QStringLiteral("nbd-client-1"))->toPlainText(),
                 QStringLiteral("nbd-client -unix /run/replicadesk/nbd.sock -N vol-42 /dev/nbd0"));
        QVERIFY(
            panel.openedByLabel()->text().contains(QStringLiteral("host web01 from 192.0.2.7")));
        QVERIFY(panel.writesLabel()->text().contains(QStringLiteral("replica of a mirror")));

        // Copy puts the whole command line on the clipboard.
        QApplication::clipboard()->clear();
        panel.copyButton(QStringLiteral("qemu-0"))->click();
        QCOMPARE(QApplication::clipboard()->text(), qemu->toPlainText());
        panel.copyButton(QStringLiteral("networkUrl"))->click();
        QCOMPARE(QApplication::clipboard()->text(), url->toPlainText());

        // Nothing clipped: every line of every field shows (nothing left to scroll to).
        QTest::qWait(50);
        for (QPlainTextEdit *edit : panel.findChildren<QPlainTextEdit *>()) {
            QVERIFY2(edit->verticalScrollBar()->maximum() == 0, qPrintable(edit->objectName()));
            QVERIFY2(edit->horizontalScrollBar()->maximum() == 0, qPrintable(edit->objectName()));
        }
        panel.resize(700, panel.sizeHint().height());
        shoot(&panel, QStringLiteral("volume-access"));
    }

    void storageMenuOpensTheDialog()
    {
        engine::EngineHost host;
        engine::EngineOptions options;
        options.dataDirectory = m_dir.filePath(QStringLiteral("window"));
        options.defaultPoolDirectory = m_dir.filePath(QStringLiteral("window/pools/default"));
        options.systemName = QStringLiteral("window-host");
        QVERIFY(host.start(options).ok());
        MainWindow window(&host);
        window.show();
        QTRY_VERIFY(window.isLoaded());
        auto *storage = window.menuBar()->findChild<QMenu *>(QStringLiteral("storageMenu"));
        QVERIFY(storage);
        QVERIFY(storage->actions().contains(window.hostAccessAction()));
        QVERIFY(window.navigatorView()->actions().contains(window.hostAccessAction()));
        // A selected volume shows how to reach it under its properties.
        SystemInventory *system = window.localSystem();
        const cim::MethodResult made = await(host.client()->invokeMethod(createVolumeCall(
            storageConfigurationService(*system), QStringLiteral("Web data"), 8ull << 20,
            system->instances(classes::storagePool()).constFirst().path())));
        QVERIFY2(made.returnValue == 0, qPrintable(made.message));
        system->refresh();
        QModelIndexList found;
        QTRY_VERIFY(!(found = window.navigatorModel()->match(
                          window.navigatorModel()->systemsIndex(), Qt::DisplayRole,
                          QStringLiteral("Web data"), 1, Qt::MatchRecursive | Qt::MatchStartsWith))
                         .isEmpty());
        window.navigatorView()->setCurrentIndex(found.constFirst());
        VolumeAccessPanel *panel = window.detailsPane()->accessPanel();
        QTRY_VERIFY(!panel->isHidden());
        QTRY_VERIFY(panel->field(QStringLiteral("localUrl")) ||
                    panel->field(QStringLiteral("networkUrl")));
        window.resize(1200, 900);
        shoot(&window, QStringLiteral("volume-access-window"));
        window.hostAccessAction()->trigger();
        HostAccessDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = window.findChild<HostAccessDialog *>()));
        QTRY_VERIFY(dialog->addButton()->isEnabled());
        dialog->reject();
    }

    void dialogsInGerman()
    {
        QVERIFY(installTranslations(QLocale(QLocale::German, QLocale::Germany)).application);
        HostAccessDialog dialog(m_inventory.get(), m_volume);
        dialog.show();
        QTRY_VERIFY(dialog.isVisible());
        QVERIFY(dialog.width() >= dialog.minimumSizeHint().width());
        QVERIFY(dialog.height() >= dialog.minimumSizeHint().height());
        AddHostDialog add(&dialog);
        add.show();
        QTRY_VERIFY(add.isVisible());
        QVERIFY(add.width() >= add.minimumSizeHint().width());
        QVERIFY(add.height() >= add.minimumSizeHint().height());
        installTranslations(QLocale(QLocale::English, QLocale::UnitedStates));
    }
};

QTEST_MAIN(TestHostAccessDialog)
#include "tst_hostaccessdialog.moc"
