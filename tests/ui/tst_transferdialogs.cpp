// Add Existing Disk and Export to Image File against a real embedded engine and real qemu-img
// (offscreen): the dialogs build the ImportImage and ExportImage requests from their fields (the
// name follows the file until the user types one; the path's suffix follows the format), start the
// jobs, and stay open with the engine's refusal.

#include "adddiskdialog.h"
#include "cimclasses.h"
#include "enginehost.h"
#include "exportimagedialog.h"
#include "mainwindow.h"
#include "messagebanner.h"
#include "systeminventory.h"
#include "volumeactions.h"

#include "uitestsupport.h"
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace rd;
using namespace rd::ui;

class TestTransferDialogs : public QObject
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

    static bool qemuImg(const QStringList &arguments)
    {
        QProcess p;
        p.start(QStringLiteral("qemu-img"), arguments);
        return p.waitForFinished(60000) && p.exitStatus() == QProcess::NormalExit &&
               p.exitCode() == 0;
    }

    // Imports source through the dialog, as a user would; the new volume, or an empty instance.
    static cim::Instance addThroughDialog(MainWindow &window, const QString &source,
                                          const QString &name)
    {
        AddDiskDialog dialog(window.localSystem(), {}, &window);
        dialog.pathEdit()->setText(source);
        dialog.nameEdit()->setText(name);
        QSignalSpy started(&dialog, &AddDiskDialog::importStarted);
        dialog.open();
        dialog.accept();
        if (!QTest::qWaitFor([&] { return started.count() == 1; }, 30000))
            return {};
        std::optional<cim::Instance> volume;
        const bool listed = QTest::qWaitFor(
            [&] { return (volume = volumeNamed(*window.localSystem(), name)).has_value(); }, 30000);
        return listed ? *volume : cim::Instance();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        test::isolateConsole(m_dir, QStringLiteral("tst_transferdialogs"));
        engine::EngineOptions options;
        options.dataDirectory = m_dir.filePath(QStringLiteral("data"));
        options.defaultPoolDirectory = m_dir.filePath(QStringLiteral("data/pools/default"));
        options.systemName = QStringLiteral("test-host");
        const auto started = m_host.start(options);
        QVERIFY2(started.ok(), qPrintable(started.error().message));
    }

    void actionsInTheStorageMenu()
    {
        MainWindow window(&m_host);
        window.show();
        QTRY_VERIFY(window.isLoaded());
        QAction *add = window.volumeActions()->addDiskAction();
        QTRY_VERIFY(add->isEnabled());
        auto *storage = window.menuBar()->findChild<QMenu *>(QStringLiteral("storageMenu"));
        QVERIFY(storage);
        QVERIFY(storage->actions().contains(add));
        QVERIFY(storage->actions().contains(window.volumeActions()->exportImageAction()));
        // Nothing selected: there is no volume to export.
        QVERIFY(!window.volumeActions()->exportImageAction()->isEnabled());
    }

    void addDiskDialogBuildsTheRequest()
    {
        MainWindow window(&m_host);
        window.show();
        QTRY_VERIFY(window.isLoaded());
        SystemInventory *system = window.localSystem();
        const QList<cim::Instance> pools = system->instances(classes::storagePool());
        QVERIFY(!pools.isEmpty());
        AddDiskDialog dialog(system, pools.front().path(), &window);
        dialog.show();
        // This computer's engine: its files are chosen with a file dialog.
        QVERIFY(dialog.browseButton()->isVisible());
        auto *ok = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        QVERIFY(!ok->isEnabled());

        // The name follows the file...
        QTest::keyClicks(dialog.pathEdit(), QStringLiteral("/images/web-01.qcow2"));
        QCOMPARE(dialog.nameEdit()->text(), QStringLiteral("web-01"));
        QVERIFY(ok->isEnabled());
        requests::ImportImageRequest expected;
        expected.sourcePath = QStringLiteral("/images/web-01.qcow2");
        expected.inPool = pools.front().path();
        expected.elementName = QStringLiteral("web-01");
        QCOMPARE(dialog.request(), expected);
        // ...until the user names the volume.
        dialog.nameEdit()->selectAll();
        QTest::keyClicks(dialog.nameEdit(), QStringLiteral("Web server"));
        dialog.pathEdit()->setText(QStringLiteral("/images/other.vmdk"));
        QCOMPARE(dialog.nameEdit()->text(), QStringLiteral("Web server"));
        dialog.formatCombo()->setCurrentIndex(dialog.formatCombo()->findData(u"vmdk"_qs));
        expected.sourcePath = QStringLiteral("/images/other.vmdk");
        expected.elementName = QStringLiteral("Web server");
        expected.format = QStringLiteral("vmdk");
        QCOMPARE(dialog.request(), expected);
        // As the engine gets it.
        const auto parsed =
            requests::ImportImageRequest::parse(dialog.request().toCall(cim::ObjectPath()).in);
        QVERIFY(parsed.ok());
        QCOMPARE(parsed.value(), expected);
    }

    void addDiskImportsAndExportsBack()
    {
        MainWindow window(&m_host);
        window.show();
        QTRY_VERIFY(window.isLoaded());
        const QString source = m_dir.filePath(QStringLiteral("data.qcow2"));
        QVERIFY(qemuImg({QStringLiteral("create"), QStringLiteral("-q"), QStringLiteral("-f"),
                         QStringLiteral("qcow2"), source, QStringLiteral("8M")}));
        const cim::Instance volume =
            addThroughDialog(window, source, QStringLiteral("Imported data"));
        QVERIFY(!volume.isEmpty());

        ExportImageDialog dialog(window.localSystem(), volume, &window);
        dialog.show();
        QCOMPARE(dialog.formatCombo()->currentData().toString(), QStringLiteral("qcow2"));
        const QString destination = m_dir.filePath(QStringLiteral("copy.qcow2"));
        dialog.pathEdit()->setText(destination);
        // The suffix follows the format.
        dialog.formatCombo()->setCurrentIndex(dialog.formatCombo()->findData(u"vpc"_qs));
        QCOMPARE(dialog.pathEdit()->text(), m_dir.filePath(QStringLiteral("copy.vhd")));
        dialog.formatCombo()->setCurrentIndex(dialog.formatCombo()->findData(u"qcow2"_qs));
        QCOMPARE(dialog.pathEdit()->text(), destination);
        requests::ExportImageRequest expected;
        expected.theElement = volume.path();
        expected.destinationPath = destination;
        expected.format = QStringLiteral("qcow2");
        QCOMPARE(dialog.request(), expected);
        QSignalSpy started(&dialog, &ExportImageDialog::exportStarted);
        dialog.accept();
        QTRY_COMPARE_WITH_TIMEOUT(started.count(), 1, 30000);
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(destination), 30000);
        QTRY_VERIFY_WITH_TIMEOUT(qemuImg({QStringLiteral("compare"), source, destination}), 30000);

        // A second export to the same file is refused, and the dialog says why.
        ExportImageDialog again(window.localSystem(), volume, &window);
        again.show();
        again.pathEdit()->setText(destination);
        again.accept();
        QTRY_VERIFY_WITH_TIMEOUT(!again.errorBanner()->text().isEmpty(), 30000);
        QVERIFY(again.isVisible());
        QVERIFY2(again.errorBanner()->text().contains(u"exists"),
                 qPrintable(again.errorBanner()->text()));
    }

    void addDiskShowsTheRefusal()
    {
        MainWindow window(&m_host);
        window.show();
        QTRY_VERIFY(window.isLoaded());
        const qsizetype before = window.localSystem()->instances(classes::storageVolume()).size();
        AddDiskDialog dialog(window.localSystem(), {}, &window);
        dialog.show();
        dialog.pathEdit()->setText(m_dir.filePath(QStringLiteral("no-such.qcow2")));
        QSignalSpy started(&dialog, &AddDiskDialog::importStarted);
        dialog.accept();
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.errorBanner()->text().isEmpty(), 30000);
        QVERIFY(dialog.isVisible());
        QCOMPARE(started.count(), 0);
        QVERIFY2(dialog.errorBanner()->text().contains(u"no-such.qcow2"),
                 qPrintable(dialog.errorBanner()->text()));
        QCOMPARE(window.localSystem()->instances(classes::storageVolume()).size(), before);
    }
};

QTEST_MAIN(TestTransferDialogs)
#include "tst_transferdialogs.moc"
