// Volumes from the console against a real embedded engine: the New Volume dialog creates one (and
// shows the engine's refusal when it does not fit), a confirmed delete removes a free volume, and a
// delete is refused with the engine's reason (In Use) while a synchronization uses the volume.

#include "cimclasses.h"
#include "enginehost.h"
#include "growvolumedialog.h"
#include "mainwindow.h"
#include "messagebanner.h"
#include "navigatormodel.h"
#include "sizeedit.h"
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
#include <QFileInfo>
#include <QInputDialog>
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

    // With RD_SCREENSHOT_DIR set (under Xvfb, QT_QPA_PLATFORM=xcb), the dialog is saved as the
    // README shows it.
    static void shoot(QWidget *widget, const QString &name)
    {
        const QString dir = qEnvironmentVariable("RD_SCREENSHOT_DIR");
        if (dir.isEmpty())
            return;
        QTest::qWait(200); // let the style finish painting
        QVERIFY(widget->grab().save(dir + u'/' + name + u".png", "PNG"));
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
        // It says which one.
        QVERIFY2(reason.contains(QStringLiteral("the clone of Mail to Mail copy")),
                 qPrintable(reason));
        QTRY_VERIFY(window.findChild<QMessageBox *>(QStringLiteral("deleteVolumeRefused")));
        QVERIFY(volumeNamed(*system, QStringLiteral("Mail copy")).has_value());
    }

    void sizesConvertWhenTheUnitChanges()
    {
        SizeEdit edit;
        edit.unitCombo()->setCurrentIndex(1); // GiB
        edit.spin()->setValue(2);
        QCOMPARE(edit.bytes(), 2ull << 30);
        edit.unitCombo()->setCurrentIndex(0); // MiB: the same size, in MiB
        QCOMPARE(edit.spin()->value(), 2048.0);
        QCOMPARE(edit.bytes(), 2ull << 30);
        edit.unitCombo()->setCurrentIndex(2); // TiB
        QCOMPARE(edit.bytes(), 2ull << 30);
        QCOMPARE(edit.unitCombo()->currentText(), QStringLiteral("TiB"));
        // A size set from outside picks the unit that fits it.
        edit.setBytes(3ull << 40);
        QCOMPARE(edit.unitCombo()->currentIndex(), 2);
        QCOMPARE(edit.spin()->value(), 3.0);
        edit.setBytes(512ull << 20);
        QCOMPARE(edit.unitCombo()->currentIndex(), 0);
        QCOMPARE(edit.spin()->value(), 512.0);
    }

    void growDialogGrowsAVolume()
    {
        MainWindow window(&m_host);
        window.show();
        QTRY_VERIFY(window.isLoaded());
        createThroughDialog(window, QStringLiteral("Growing"), 2);
        SystemInventory *system = window.localSystem();
        VolumeActions *actions = window.volumeActions();
        actions->setSelection(system, *volumeNamed(*system, QStringLiteral("Growing")));
        QVERIFY(actions->growVolumeAction()->isEnabled());
        actions->growVolumeAction()->trigger();
        GrowVolumeDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = window.findChild<GrowVolumeDialog *>()));
        QCOMPARE(dialog->currentBytes(), 2ull << 20);
        QPushButton *ok = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        // The same size, or less, is not a growth: nothing to send.
        QVERIFY(!ok->isEnabled());
        dialog->sizeEdit()->setBytes(1ull << 20);
        QVERIFY(!ok->isEnabled());
        dialog->sizeEdit()->setBytes(6ull << 20);
        QVERIFY(ok->isEnabled());
        shoot(dialog, QStringLiteral("grow-dialog"));
        QSignalSpy grown(dialog, &GrowVolumeDialog::volumeGrown);
        ok->click();
        QTRY_COMPARE(grown.count(), 1);
        QTRY_COMPARE(volumeBytes(*volumeNamed(*system, QStringLiteral("Growing"))),
                     std::optional<quint64>(6ull << 20));
        // The image in the pool folder grew with it.
        const QString id =
            volumeNamed(*system, QStringLiteral("Growing"))->property(u"DeviceID").toString();
        QCOMPARE(
            QFileInfo(m_dir.filePath(QStringLiteral("data/pools/default/%1.img").arg(id))).size(),
            qint64(6) << 20);
    }

    void renameChangesTheNameAndShowsARefusal()
    {
        MainWindow window(&m_host);
        window.show();
        QTRY_VERIFY(window.isLoaded());
        createThroughDialog(window, QStringLiteral("Old name"), 1);
        SystemInventory *system = window.localSystem();
        VolumeActions *actions = window.volumeActions();
        actions->setSelection(system, *volumeNamed(*system, QStringLiteral("Old name")));
        QVERIFY(actions->renameVolumeAction()->isEnabled());
        actions->renameVolumeAction()->trigger();
        QInputDialog *ask = nullptr;
        QTRY_VERIFY((ask = window.findChild<QInputDialog *>(QStringLiteral("renameVolumeDialog"))));
        QCOMPARE(ask->textValue(), QStringLiteral("Old name"));
        shoot(ask, QStringLiteral("rename-dialog"));
        ask->setTextValue(QStringLiteral("New name"));
        ask->accept();
        QTRY_VERIFY(volumeNamed(*system, QStringLiteral("New name")).has_value());
        QVERIFY(!volumeNamed(*system, QStringLiteral("Old name")));

        // A name with a control character: the engine refuses, the console says why, and the
        // volume keeps its name.
        actions->setSelection(system, *volumeNamed(*system, QStringLiteral("New name")));
        QSignalSpy refused(actions, &VolumeActions::renameRefused);
        actions->renameTo(QStringLiteral("bad") + QChar(7) + QStringLiteral("name"));
        QTRY_COMPARE(refused.count(), 1);
        QVERIFY2(refused.at(0).at(0).toString().startsWith(QStringLiteral("Invalid Parameter")),
                 qPrintable(refused.at(0).at(0).toString()));
        QTRY_VERIFY(window.findChild<QMessageBox *>(QStringLiteral("renameVolumeRefused")));
        QVERIFY(volumeNamed(*system, QStringLiteral("New name")).has_value());
    }

    void growDialogInGerman()
    {
        QVERIFY(installTranslations(QLocale(QLocale::German, QLocale::Germany)).application);
        MainWindow window(&m_host);
        window.show();
        QTRY_VERIFY(window.isLoaded());
        createThroughDialog(window, QStringLiteral("Deutsch"), 3);
        SystemInventory *system = window.localSystem();
        VolumeActions *actions = window.volumeActions();
        actions->setSelection(system, *volumeNamed(*system, QStringLiteral("Deutsch")));
        QCOMPARE(actions->growVolumeAction()->text(), QStringLiteral("Volume &vergrößern …"));
        actions->growVolumeAction()->trigger();
        GrowVolumeDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = window.findChild<GrowVolumeDialog *>()));
        QCOMPARE(dialog->windowTitle(), QStringLiteral("Volume vergrößern"));
        dialog->sizeEdit()->setBytes(1ull << 30);
        QTRY_VERIFY(dialog->isVisible());
        // Nothing clipped: the dialog is at least as large as its layout wants.
        QVERIFY(dialog->width() >= dialog->minimumSizeHint().width());
        QVERIFY(dialog->height() >= dialog->minimumSizeHint().height());
        shoot(dialog, QStringLiteral("grow-dialog-de"));
        dialog->reject();
        installTranslations(QLocale(QLocale::English, QLocale::UnitedStates));
    }
};

QTEST_MAIN(TestVolumes)
#include "tst_volumes.moc"
