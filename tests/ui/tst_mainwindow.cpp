// The main window on a real embedded engine: the navigator fills from it, the details pane labels
// value-mapped numbers, the about box names the versions, the German translation loads, and the
// window remembers its layout.

#include "aboutbox.h"
#include "cim/valuemap.h"
#include "cimclasses.h"
#include "detailspane.h"
#include "engine.h"
#include "enginehost.h"
#include "jobsdock.h"
#include "jobtablemodel.h"
#include "mainwindow.h"
#include "navigatormodel.h"
#include "propertytablemodel.h"
#include "systeminventory.h"
#include "translations.h"

#include "uitestsupport.h"
#include <QAbstractItemModelTester>
#include <QAction>
#include <QDir>
#include <QMenuBar>
#include <QSettings>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace rd;
using namespace rd::ui;
using rd::ui::test::await;

class TestMainWindow : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    engine::EngineHost m_host;

    // Model testers for every model of a window, alive as long as it is.
    static std::vector<std::unique_ptr<QAbstractItemModelTester>> testModels(MainWindow &window)
    {
        std::vector<std::unique_ptr<QAbstractItemModelTester>> testers;
        for (QAbstractItemModel *model :
             {static_cast<QAbstractItemModel *>(window.navigatorModel()),
              static_cast<QAbstractItemModel *>(window.jobsDock()->model()),
              static_cast<QAbstractItemModel *>(window.detailsPane()->model())}) {
            testers.push_back(std::make_unique<QAbstractItemModelTester>(
                model, QAbstractItemModelTester::FailureReportingMode::QtTest));
        }
        return testers;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        test::isolateConsole(m_dir, QStringLiteral("tst_mainwindow"));

        engine::EngineOptions options;
        options.dataDirectory = m_dir.filePath(QStringLiteral("data"));
        options.defaultPoolDirectory = m_dir.filePath(QStringLiteral("data/pools/default"));
        options.systemName = QStringLiteral("test-host");
        const auto started = m_host.start(options);
        QVERIFY2(started.ok(), qPrintable(started.error().message));
        QVERIFY(QDir(options.defaultPoolDirectory).exists());
    }

    void navigatorShowsTheEmbeddedSystem()
    {
        MainWindow window(&m_host);
        const auto testers = testModels(window);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        NavigatorModel *model = window.navigatorModel();
        QCOMPARE(model->rowCount(model->systemsIndex()), 1);
        const QModelIndex system = model->index(0, 0, model->systemsIndex());
        QCOMPARE(system.data().toString(), QStringLiteral("This computer (embedded engine)"));

        QTRY_VERIFY(window.isLoaded());
        QCOMPARE(model->instance(system).property(u"Name").toString(), QStringLiteral("test-host"));
        // The system starts selected and its properties show.
        QTRY_COMPARE(window.navigatorView()->currentIndex(), QModelIndex(system));
        QVERIFY(window.detailsPane()->model()->rowCount() > 0);

        // The default pool, once the engine serves pools.
        if (!window.localSystem()->isServed(classes::storagePool())) {
            qWarning("The engine does not serve %s yet; the pool check is skipped.",
                     qPrintable(classes::storagePool()));
            return;
        }
        QTRY_VERIFY(model->rowCount(system) >= 1);
        const QModelIndex pool = model->index(0, 0, system);
        QCOMPARE(model->kind(pool), NavigatorModel::Kind::Pool);
        QVERIFY(!model->instance(pool).isEmpty());
        QCOMPARE(pool.data().toString(), model->instance(pool).property(u"ElementName").toString());
        QVERIFY(window.isAncestorOf(window.navigatorView()));
        QVERIFY(window.navigatorView()->isExpanded(system));
    }

    void followsTheEngineAsItChanges()
    {
        MainWindow window(&m_host);
        const auto testers = testModels(window);
        window.show();
        QTRY_VERIFY(window.isLoaded());
        if (!window.localSystem()->isServed(classes::storagePool()))
            QSKIP("The engine does not serve storage pools yet.");
        NavigatorModel *model = window.navigatorModel();
        const QPersistentModelIndex pool =
            model->index(0, 0, model->index(0, 0, model->systemsIndex()));
        QVERIFY(pool.isValid());
        const int volumesBefore = model->rowCount(pool);
        engine::CimClient *client = m_host.client();

        // A volume made through the engine's CIM interface appears under its pool, unasked.
        const auto services = await(client->enumerateInstances(
            QStringLiteral("MSISCSITARGET_StorageConfigurationService")));
        QVERIFY2(services.ok() && !services->isEmpty(), qPrintable(services.error().message));
        cim::Parameters create;
        create.set(QStringLiteral("ElementName"), cim::Value::string(QStringLiteral("Database")));
        create.set(QStringLiteral("ElementType"), cim::Value::uint16(2));
        create.set(QStringLiteral("Size"), cim::Value::uint64(4 * 1024 * 1024));
        create.set(QStringLiteral("InPool"), cim::Value::reference(model->instance(pool).path()));
        const cim::MethodResult created = await(
            client->invokeMethod({services->constFirst().path(),
                                  QStringLiteral("CreateOrModifyElementFromStoragePool"), create}));
        QVERIFY2(created.returnValue == 0, qPrintable(created.message));
        QTRY_COMPARE(model->rowCount(pool), volumesBefore + 1);
        const QModelIndex volume = model->index(volumesBefore, 0, pool);
        QCOMPARE(volume.data().toString(), QStringLiteral("Database"));
        QCOMPARE(model->kind(volume), NavigatorModel::Kind::Volume);

        // A clone of it: the job shows in the monitor, the pair under Synchronizations.
        const auto replication =
            await(client->enumerateInstances(QStringLiteral("MSISCSITARGET_ReplicationService")));
        if (!replication.ok() || replication->isEmpty())
            QSKIP("The engine does not serve the replication service yet.");
        cim::Parameters clone;
        clone.set(QStringLiteral("SyncType"), cim::Value::uint16(8));
        clone.set(QStringLiteral("SourceElements"),
                  cim::Value::array(cim::CimType::Reference,
                                    {cim::Value::reference(model->instance(volume).path())}));
        clone.set(QStringLiteral("ElementNames"),
                  cim::Value::array(cim::CimType::String,
                                    {cim::Value::string(QStringLiteral("Database clone"))}));
        clone.set(QStringLiteral("TargetPool"),
                  cim::Value::reference(model->instance(pool).path()));
        const cim::MethodResult cloned = await(client->invokeMethod(
            {replication->constFirst().path(), QStringLiteral("CreateListReplica"), clone}));
        QVERIFY2(cloned.returnValue == 0 || cloned.returnValue == 4096, qPrintable(cloned.message));
        QTRY_COMPARE(model->rowCount(model->synchronizationsIndex()), 1);
        QCOMPARE(model->index(0, 0, model->synchronizationsIndex()).data().toString(),
                 QStringLiteral("Database → Database clone"));
        // Its details name the volumes it links, not just their paths.
        window.navigatorView()->setCurrentIndex(model->index(0, 0, model->synchronizationsIndex()));
        PropertyTableModel *details = window.detailsPane()->model();
        QStringList values;
        for (int row = 0; row < details->rowCount(); ++row)
            values << details->index(row, 1).data().toString();
        QVERIFY2(values.contains(QStringLiteral("Database (MSISCSITARGET_StorageVolume)")),
                 qPrintable(values.join(u'|')));
        QVERIFY(values.contains(QStringLiteral("Clone (8)")));
        if (cloned.returnValue == 4096) {
            JobTableModel *jobs = window.jobsDock()->model();
            QTRY_COMPARE(jobs->rowCount(), 1);
            QTRY_COMPARE_WITH_TIMEOUT(jobs->index(0, JobTableModel::ResultColumn).data().toString(),
                                      QStringLiteral("Succeeded"), 15000);
            QCOMPARE(jobs->index(0, JobTableModel::ProgressColumn).data(JobTableModel::PercentRole),
                     QVariant(100));
            QCOMPARE(model->rowCount(model->jobsIndex()), 1);
        }
    }

    void detailsShowValueMapLabels()
    {
        MainWindow window(&m_host);
        const auto testers = testModels(window);
        window.show();
        QTRY_VERIFY(window.isLoaded());
        NavigatorModel *model = window.navigatorModel();
        window.navigatorView()->setCurrentIndex(model->index(0, 0, model->systemsIndex()));
        PropertyTableModel *details = window.detailsPane()->model();
        QString operationalStatus;
        for (int row = 0; row < details->rowCount(); ++row) {
            if (details->index(row, 0).data().toString() == QStringLiteral("OperationalStatus"))
                operationalStatus = details->index(row, 1).data().toString();
        }
        // The engine's ComputerSystem is OK (2): shown by name and number, not as a bare "2".
        QCOMPARE(operationalStatus,
                 cim::ValueMap::operationalStatus().label(2) + QStringLiteral(" (2)"));
        QCOMPARE(operationalStatus, QStringLiteral("OK (2)"));

        // Selecting a group clears the table.
        window.navigatorView()->setCurrentIndex(model->jobsIndex());
        QCOMPARE(details->rowCount(), 0);
    }

    void jobMonitorIsDocked()
    {
        MainWindow window(&m_host);
        const auto testers = testModels(window);
        window.show();
        QTRY_VERIFY(window.isLoaded());
        JobsDock *dock = window.jobsDock();
        QCOMPARE(window.dockWidgetArea(dock), Qt::BottomDockWidgetArea);
        QVERIFY(dock->isVisible());
        QCOMPARE(dock->view()->model(), dock->model());
        QCOMPARE(dock->model()->columnCount(), int(JobTableModel::ColumnCount));
        QCOMPARE(dock->model()->rowCount(),
                 int(window.localSystem()->instances(classes::concreteJob()).size()));
    }

    void aboutBoxNamesTheVersions()
    {
        MainWindow window(&m_host);
        window.show();
        auto *about = window.findChild<QAction *>(QStringLiteral("aboutAction"));
        QVERIFY(about);
        about->trigger();
        AboutBox *box = nullptr;
        QTRY_VERIFY((box = window.findChild<AboutBox *>()) && box->isVisible());
        QVERIFY(box->text().contains(QString::fromLatin1(qVersion())));
        QVERIFY(!engine::Engine::threadWeaverVersion().isEmpty());
        QVERIFY(box->text().contains(engine::Engine::threadWeaverVersion()));
        QVERIFY(box->text().contains(engine::Engine::version()));
        box->close();
    }

    void germanTranslationLoads()
    {
        const TranslationsLoaded loaded =
            installTranslations(QLocale(QLocale::German, QLocale::Germany));
        QVERIFY(loaded.application);
        {
            MainWindow window(&m_host);
            auto *file = window.findChild<QMenu *>(QStringLiteral("fileMenu"));
            QVERIFY(file);
            QCOMPARE(file->title(), QStringLiteral("&Datei"));
            auto *help = window.findChild<QMenu *>(QStringLiteral("helpMenu"));
            QCOMPARE(help->title(), QStringLiteral("&Hilfe"));
            const QModelIndex system =
                window.navigatorModel()->index(0, 0, window.navigatorModel()->systemsIndex());
            QVERIFY(system.data().toString().contains(QStringLiteral("eingebettet")));
            QTRY_VERIFY(window.isLoaded());
        }
        installTranslations(QLocale(QLocale::English, QLocale::UnitedStates));
        MainWindow english(&m_host);
        QCOMPARE(english.findChild<QMenu *>(QStringLiteral("fileMenu"))->title(),
                 QStringLiteral("&File"));
    }

    void servingToOtherComputersIsOneSetting()
    {
        // This user's socket from the start; the network only when the action says so, and the
        // choice is kept.
        QVERIFY(!m_host.localNbdUrl().isEmpty());
        QVERIFY(m_host.networkNbdUrl().isEmpty());
        QSettings().setValue(QStringLiteral("hosts/port"), 0); // any free port, for the test
        MainWindow window(&m_host);
        auto *serve = window.findChild<QAction *>(QStringLiteral("serveHostsAction"));
        QVERIFY(serve);
        QVERIFY(serve->isCheckable() && !serve->isChecked() && serve->isEnabled());
        serve->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(serve->isEnabled(), 30000);
        QVERIFY2(serve->isChecked(), qPrintable(m_host.servingError()));
        QCOMPARE(m_host.networkNbdUrl().scheme(), QStringLiteral("nbds"));
        QCOMPARE(QSettings().value(QStringLiteral("hosts/serveNetwork")).toBool(), true);
        serve->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(serve->isEnabled(), 30000);
        QVERIFY(!serve->isChecked());
        QVERIFY(m_host.networkNbdUrl().isEmpty());
        QVERIFY(!m_host.localNbdUrl().isEmpty());
        QCOMPARE(QSettings().value(QStringLiteral("hosts/serveNetwork")).toBool(), false);
        QSettings().remove(QStringLiteral("hosts"));
    }

    void windowRemembersItsLayout()
    {
        QSettings().clear();
        {
            MainWindow window(&m_host);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            QCOMPARE(window.size(), QSize(1100, 700));
            window.resize(900, 600);
            window.jobsDock()->hide();
            window.close();
        }
        MainWindow again(&m_host);
        again.show();
        QVERIFY(QTest::qWaitForWindowExposed(&again));
        QCOMPARE(again.size(), QSize(900, 600));
        QVERIFY(again.jobsDock()->isHidden());
        QSettings().clear();
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
