// Volumes from the console against a real embedded engine: the New Volume dialog creates one (and
// shows the engine's refusal when it does not fit), a confirmed delete removes a free volume, and a
// delete is refused with the engine's reason (In Use) while a synchronization uses the volume.

#include "cimclasses.h"
#include "enginehost.h"
#include "mainwindow.h"
#include "messagebanner.h"
#include "navigatormodel.h"
#include "storagefigures.h"
#include "systeminventory.h"
#include "translations.h"
#include "volumeactions.h"
#include "volumedialog.h"

#include "uitestsupport.h"
#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace rd;
using namespace rd::ui;
using rd::ui::test::await;

class TestVolumes : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    engine::EngineHost m_host;

    static std::optional<cim::Instance> volumeNamed(const SystemInventory &inventory,
                                                    const QString &name)
    {
        for (const cim::Instance &v : inventory.instances(classes::storageVolume())) {
            if (v.property(u"ElementName").toString() == name)
                return v;
        }
        return std::nullopt;
    }

    static cim::Instance defaultPool(const SystemInventory &inventory)
    {
        const auto pools = inventory.instances(classes::storagePool());
        return pools.isEmpty() ? cim::Instance() : pools.constFirst();
    }

    // Creates a volume through the dialog, as a user would.
    static void createThroughDialog(MainWindow &window, const QString &name, double mib)
    {
        VolumeDialog dialog(window.localSystem(), defaultPool(*window.localSystem()).path(),
                            &window);
        dialog.nameEdit()->setText(name);
        dialog.unitCombo()->setCurrentIndex(0); // MiB
        dialog.sizeSpin()->setValue(mib);
        QSignalSpy created(&dialog, &VolumeDialog::volumeCreated);
        dialog.open();
        dialog.accept();
        QTRY_COMPARE(created.count(), 1);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QTRY_VERIFY(volumeNamed(*window.localSystem(), name).has_value());
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        test::isolateConsole(m_dir, QStringLiteral("tst_volumes"));
        engine::EngineOptions options;
        options.dataDirectory = m_dir.filePath(QStringLiteral("data"));
        options.defaultPoolDirectory = m_dir.filePath(QStringLiteral("data/pools/default"));
        options.systemName = QStringLiteral("test-host");
        const auto started = m_host.start(options);
        QVERIFY2(started.ok(), qPrintable(started.error().message));
    }

    void dialogCreatesAVolume()
    {
        MainWindow window(&m_host);
        QAbstractItemModelTester tester(window.navigatorModel(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        window.show();
        QTRY_VERIFY(window.isLoaded());
        QVERIFY(window.volumeActions()->newVolumeAction()->isEnabled());
        createThroughDialog(window, QStringLiteral("Database"), 4);
        const cim::Instance volume =
            *volumeNamed(*window.localSystem(), QStringLiteral("Database"));
        QCOMPARE(volumeBytes(volume), std::optional<quint64>(4ull << 20));
        // Its allocation shows: a new thin volume takes (almost) nothing.
        QVERIFY2(allocationSummary(volume).contains(QStringLiteral("allocated")),
                 qPrintable(allocationSummary(volume)));
    }

    void dialogShowsTheEnginesRefusal()
    {
        MainWindow window(&m_host);
        window.show();
        QTRY_VERIFY(window.isLoaded());
        VolumeDialog dialog(window.localSystem(), {}, &window);
        QPushButton *ok = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        // No name: nothing to send.
        QVERIFY(!ok->isEnabled());
        dialog.nameEdit()->setText(QStringLiteral("Huge"));
        QVERIFY(ok->isEnabled());
        // More than any pool here has: the engine says so, and the dialog stays open with it.
        dialog.unitCombo()->setCurrentIndex(1); // GiB
        dialog.sizeSpin()->setValue(dialog.sizeSpin()->maximum());
        dialog.open();
        dialog.accept();
        QTRY_VERIFY(dialog.errorBanner()->isVisible());
        QVERIFY2(dialog.errorBanner()->text().contains(QStringLiteral("Invalid Parameter (5)")),
                 qPrintable(dialog.errorBanner()->text()));
        QVERIFY(dialog.errorBanner()->text().contains(QStringLiteral("does not fit")));
        QVERIFY(dialog.isVisible());
        QVERIFY(!volumeNamed(*window.localSystem(), QStringLiteral("Huge")));
    }

    void confirmedDeleteRemovesAFreeVolume()
    {
        MainWindow window(&m_host);
        window.show();
        QTRY_VERIFY(window.isLoaded());
        createThroughDialog(window, QStringLiteral("Scratch"), 1);
        const cim::Instance volume = *volumeNamed(*window.localSystem(), QStringLiteral("Scratch"));
        VolumeActions *actions = window.volumeActions();
        actions->setSelection(window.localSystem(), volume);
        QVERIFY(actions->deleteVolumeAction()->isEnabled());
        actions->deleteVolumeAction()->trigger();
        QMessageBox *box = nullptr;
        QTRY_VERIFY((box = window.findChild<QMessageBox *>(QStringLiteral("confirmDeleteVolume"))));
        QPushButton *yes = nullptr;
        for (QAbstractButton *b : box->buttons()) {
            if (box->buttonRole(b) == QMessageBox::DestructiveRole)
                yes = qobject_cast<QPushButton *>(b);
        }
        QVERIFY(yes);
        yes->click();
        QTRY_VERIFY(!volumeNamed(*window.localSystem(), QStringLiteral("Scratch")));
    }

    void deleteIsRefusedWhileASynchronizationUsesTheVolume()
    {
        MainWindow window(&m_host);
        window.show();
        QTRY_VERIFY(window.isLoaded());
        createThroughDialog(window, QStringLiteral("Mail"), 2);
        SystemInventory *system = window.localSystem();
        const cim::Instance source = *volumeNamed(*system, QStringLiteral("Mail"));

        // A clone of it, finished within the call (Mode Synchronous).
        const auto services =
            await(m_host.client()->enumerateInstances(classes::replicationService()));
        QVERIFY(services.ok() && !services->isEmpty());
        cim::MethodCall call{
            services->constFirst().path(), QStringLiteral("CreateListReplica"), {}};
        call.in.set(QStringLiteral("SyncType"), cim::Value::uint16(8));
        call.in.set(QStringLiteral("Mode"), cim::Value::uint16(2));
        call.in.set(
            QStringLiteral("SourceElements"),
            cim::Value::array(cim::CimType::Reference, {cim::Value::reference(source.path())}));
        call.in.set(QStringLiteral("ElementNames"),
                    cim::Value::array(cim::CimType::String,
                                      {cim::Value::string(QStringLiteral("Mail copy"))}));
        const cim::MethodResult made = await(m_host.client()->invokeMethod(call));
        QVERIFY2(made.returnValue == 0, qPrintable(made.message));
        QTRY_VERIFY(volumeNamed(*system, QStringLiteral("Mail copy")).has_value());
        QTRY_VERIFY(!system->instances(classes::storageSynchronized()).isEmpty());

        // The replica belongs to the pair: the engine refuses, and the console says why.
        VolumeActions *actions = window.volumeActions();
        actions->setSelection(system, *volumeNamed(*system, QStringLiteral("Mail copy")));
        QSignalSpy refused(actions, &VolumeActions::deleteRefused);
        actions->deleteWithoutAsking();
        QTRY_COMPARE(refused.count(), 1);
        const QString reason = refused.at(0).at(0).toString();
        QVERIFY2(reason.startsWith(QStringLiteral("In Use (6)")), qPrintable(reason));
        QVERIFY2(reason.contains(QStringLiteral("synchronization")), qPrintable(reason));
        QTRY_VERIFY(window.findChild<QMessageBox *>(QStringLiteral("deleteVolumeRefused")));
        QVERIFY(volumeNamed(*system, QStringLiteral("Mail copy")).has_value());
    }
};

QTEST_MAIN(TestVolumes)
#include "tst_volumes.moc"
