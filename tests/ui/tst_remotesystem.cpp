// Connecting the console to a remote engine over WS-Management: a self-signed certificate is shown
// by its fingerprint and trusted only when the user says so, a wrong password is refused with the
// system's answer, and once connected the remote system is a system like the embedded one: its
// pools and volumes in the navigator, a volume made through the dialog, a clone made through the
// Create Replica wizard and followed in the job monitor. Connecting through the main window hands
// the user, password and pinned certificate to the embedded engine, in memory only.

#include "cimclasses.h"
#include "connectsystemdialog.h"
#include "createreplicawizard.h"
#include "engine.h"
#include "enginehost.h"
#include "jobsdock.h"
#include "jobtablemodel.h"
#include "mainwindow.h"
#include "messagebanner.h"
#include "navigatormodel.h"
#include "remote/peerdirectory.h"
#include "replicasourcespage.h"
#include "replicatypepage.h"
#include "sourcevolumemodel.h"
#include "systeminventory.h"
#include "translations.h"
#include "volumedialog.h"
#include "wsman/selfsignedcertificate.h"
#include "wsman/userstore.h"
#include "wsman/wsmanserver.h"
#include "wsman/wsmantransport.h"

#include "uitestsupport.h"
#include <QAbstractButton>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDirIterator>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSslSocket>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace rd;
using namespace rd::ui;

class TestRemoteSystem : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    engine::EngineHost m_host; // the console's own engine
    test::PeerEngine m_peer;   // the engine on "another host"
    wsman::WsmanServer *m_server = nullptr;
    QString m_fingerprint;

    // Fills the dialog and connects; returns the banner's text when it does not.
    static void fill(ConnectSystemDialog &dialog, const QUrl &url, const QString &password)
    {
        dialog.addressEdit()->setText(url.toString());
        dialog.userEdit()->setText(QStringLiteral("admin"));
        dialog.passwordEdit()->setText(password);
        // Keychain storage has its own test (credentialstore, on a private keyring); here it
        // must not reach the keychain of whoever runs the tests.
        dialog.rememberCheck()->setChecked(false);
    }

    static QPushButton *connectButton(ConnectSystemDialog &dialog)
    {
        return dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (!QSslSocket::supportsSsl())
            QSKIP("Qt has no TLS backend here");
        QVERIFY(m_dir.isValid());
        test::isolateConsole(m_dir, QStringLiteral("tst_remotesystem"));
        // The main window's connect dialog asks the keychain (filling in, deleting a password not
        // to be remembered); here no keychain can be reached, least of all the user's own.
        qputenv(
            "DBUS_SESSION_BUS_ADDRESS",
            QStringLiteral("unix:path=%1").arg(m_dir.filePath(QStringLiteral("no-bus"))).toUtf8());

        engine::EngineOptions local;
        local.dataDirectory = m_dir.filePath(QStringLiteral("local"));
        local.defaultPoolDirectory = m_dir.filePath(QStringLiteral("local/pools/default"));
        local.systemName = QStringLiteral("console-host");
        QVERIFY(m_host.start(local).ok());

        const auto started =
            m_peer.start(m_dir, QStringLiteral("storage-01"), QStringLiteral("secret"));
        QVERIFY2(started.ok(), qPrintable(started.error().message));
        m_server = m_peer.server.get();
        m_fingerprint = m_peer.fingerprint;
    }

    void cleanupTestCase() { m_peer.stop(); }

    void certificateIsTrustedOnlyWhenTheUserSaysSo()
    {
        ConnectSystemDialog dialog;
        QSignalSpy connected(&dialog, &ConnectSystemDialog::connected);
        std::unique_ptr<wsman::WsmanTransport> transport;
        QString pinned;
        connect(&dialog, &ConnectSystemDialog::connected, this,
                [&](wsman::WsmanTransport *t, const QString &fingerprint) {
                    transport.reset(t);
                    pinned = fingerprint;
                });
        fill(dialog, m_server->url(), QStringLiteral("secret"));
        dialog.show();
        QVERIFY(connectButton(dialog)->isEnabled());
        dialog.accept();
        // Nothing vouches for it: the fingerprint is shown, and Connect waits for the user.
        QTRY_VERIFY(dialog.fingerprintLabel()->isVisible());
        QVERIFY2(dialog.fingerprintLabel()->text().remove(u'\n') == m_fingerprint,
                 qPrintable(dialog.fingerprintLabel()->text()));
        QCOMPARE(connected.count(), 0);
        QVERIFY(!connectButton(dialog)->isEnabled());
        dialog.trustCheck()->setChecked(true);
        QVERIFY(connectButton(dialog)->isEnabled());
        dialog.accept();
        QTRY_COMPARE(connected.count(), 1);
        QVERIFY(transport);
        QCOMPARE(pinned, m_fingerprint);
        // The handed-over transport works: it reaches the system with the trusted certificate.
        QVERIFY(transport->trustedFingerprints().contains(m_fingerprint));
    }

    void wrongPasswordIsRefusedWithTheSystemsAnswer()
    {
        ConnectSystemDialog dialog;
        dialog.setKnownFingerprints({m_fingerprint});
        QSignalSpy connected(&dialog, &ConnectSystemDialog::connected);
        fill(dialog, m_server->url(), QStringLiteral("wrong"));
        dialog.show();
        dialog.accept();
        QTRY_VERIFY(dialog.banner()->isVisible() &&
                    dialog.banner()->kind() == MessageBanner::Kind::Error);
        QVERIFY2(dialog.banner()->text().startsWith(QStringLiteral("Not connected.")),
                 qPrintable(dialog.banner()->text()));
        QVERIFY(!dialog.fingerprintLabel()->isVisible()); // a known certificate needs no question
        QCOMPARE(connected.count(), 0);
    }

    // After a console restart the embedded engine knows no peer's password; connecting to the
    // system through the main window gives it back what the user typed and trusted.
    void connectingHandsTheCredentialsToTheEmbeddedEngine()
    {
        const QUrl url = m_server->url();
        QVERIFY(!m_host.peerCredentials(url));
        MainWindow window(&m_host);
        window.show();
        QTRY_VERIFY(window.isLoaded());
        window.connectAction()->trigger();
        QPointer<ConnectSystemDialog> dialog;
        QTRY_VERIFY((dialog = window.findChild<ConnectSystemDialog *>()));
        fill(*dialog, url, QStringLiteral("secret"));
        dialog->accept();
        NavigatorModel *model = window.navigatorModel();
        const auto followed = [&] { return model->rowCount(model->systemsIndex()) == 2; };
        // A certificate not trusted before is trusted by the user here.
        QTRY_VERIFY(followed() || dialog->fingerprintLabel()->isVisible());
        if (!followed()) {
            dialog->trustCheck()->setChecked(true);
            dialog->accept();
        }
        QTRY_VERIFY(followed());
        const std::optional<engine::PeerAccess> access = m_host.peerCredentials(url);
        QVERIFY(access);
        QCOMPARE(access->user, QStringLiteral("admin"));
        QCOMPARE(access->password, QStringLiteral("secret"));
        QCOMPARE(access->trustedFingerprints, QStringList{m_fingerprint});
        // Never on disk: neither in the settings nor in the embedded engine's data.
        QDirIterator files(m_dir.path(), QDir::Files, QDirIterator::Subdirectories);
        int read = 0;
        while (files.hasNext()) {
            const QString path = files.next();
            if (!path.startsWith(m_dir.filePath(QStringLiteral("local"))) &&
                !path.startsWith(m_dir.filePath(QStringLiteral("settings"))))
                continue;
            QFile file(path);
            QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(path));
            QVERIFY2(!file.readAll().contains("secret"), qPrintable(path));
            ++read;
        }
        QVERIFY(read > 0);
    }

    void remoteSystemIsFollowedLikeTheLocalOne()
    {
        MainWindow window(&m_host);
        window.show();
        QTRY_VERIFY(window.isLoaded());
        auto transport = std::make_unique<wsman::WsmanTransport>(m_server->url());
        transport->setCredentials(QStringLiteral("admin"), QStringLiteral("secret"));
        transport->setTrustedFingerprints({m_fingerprint});
        SystemInventory *remote = window.addRemoteSystem(transport.release(), m_fingerprint);
        NavigatorModel *model = window.navigatorModel();
        QTRY_COMPARE(model->rowCount(model->systemsIndex()), 2);
        const QModelIndex system = model->index(1, 0, model->systemsIndex());
        QCOMPARE(model->systemOf(system), remote);
        QTRY_VERIFY(remote->isLoaded());
        QTRY_VERIFY(!remote->instances(classes::storagePool()).isEmpty());
        QCOMPARE(
            remote->instances(classes::computerSystem()).constFirst().property(u"Name").toString(),
            QStringLiteral("storage-01"));

        // A volume made on it through the dialog.
        VolumeDialog volume(remote, {}, &window);
        volume.nameEdit()->setText(QStringLiteral("Remote data"));
        volume.unitCombo()->setCurrentIndex(0);
        volume.sizeSpin()->setValue(4);
        QSignalSpy created(&volume, &VolumeDialog::volumeCreated);
        volume.open();
        volume.accept();
        QTRY_COMPARE_WITH_TIMEOUT(created.count(), 1, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                for (const cim::Instance &v : remote->instances(classes::storageVolume())) {
                    if (v.property(u"ElementName").toString() == QStringLiteral("Remote data"))
                        return true;
                }
                return false;
            }(),
            10000);

        // The Create Replica wizard against it: a clone, followed in the job monitor.
        window.navigatorView()->setCurrentIndex(system);
        window.createReplicaAction()->trigger();
        CreateReplicaWizard *wizard = nullptr;
        QTRY_VERIFY((wizard = window.findChild<CreateReplicaWizard *>()));
        QCOMPARE(wizard->system(), remote);
        auto *sources = qobject_cast<ReplicaSourcesPage *>(wizard->currentPage());
        QCOMPARE(sources->model()->rowCount(), 1);
        QVERIFY(sources->model()->setData(sources->model()->index(0, 0), Qt::Checked,
                                          Qt::CheckStateRole));
        wizard->next();
        auto *type = qobject_cast<ReplicaTypePage *>(wizard->currentPage());
        QTRY_VERIFY(type->typeButton(8)->isEnabled());
        type->typeButton(8)->setChecked(true);
        wizard->next();
        wizard->next();
        wizard->next();
        QCOMPARE(wizard->currentId(), int(CreateReplicaWizard::SummaryPage));
        wizard->next();
        QTRY_COMPARE_WITH_TIMEOUT(wizard->currentId(), int(CreateReplicaWizard::ResultPage), 10000);
        JobTableModel *jobs = window.jobsDock()->model();
        QTRY_VERIFY_WITH_TIMEOUT(window.jobsDock()->view()->currentIndex().isValid(), 10000);
        const int row = window.jobsDock()->view()->currentIndex().row();
        QCOMPARE(jobs->systemOf(row), remote);
        QCOMPARE(jobs->index(row, JobTableModel::SystemColumn).data().toString(),
                 remote->client()->displayName());
        wizard->accept();
    }
};

QTEST_MAIN(TestRemoteSystem)
#include "tst_remotesystem.moc"
