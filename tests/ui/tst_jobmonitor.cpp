// The job monitor: throughput and time left from timed progress samples, one dataChanged per
// refresh, the throughput chart of the selected job, suspend/resume/cancel requests, and the
// details dialog (GetError and the affected elements) against a real embedded engine.

#include "cimclasses.h"
#include "enginehost.h"
#include "fakecimclient.h"
#include "jobactions.h"
#include "jobdetailsdialog.h"
#include "jobsdock.h"
#include "jobtablemodel.h"
#include "systeminventory.h"
#include "throughputchart.h"
#include "translations.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QLabel>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace rd;
using namespace rd::ui;
using cim::Value;

namespace {
const QString ns = QStringLiteral("root/test");

cim::Instance make(const QString &className, const QList<std::pair<QString, Value>> &keys,
                   const QList<std::pair<QString, Value>> &properties)
{
    cim::Instance instance(className);
    instance.setPath(cim::ObjectPath(ns, className, keys));
    for (const auto &[name, value] : keys)
        instance.setProperty(name, value);
    for (const auto &[name, value] : properties)
        instance.setProperty(name, value);
    return instance;
}

cim::Instance job(const QString &id, quint16 state, quint16 percent)
{
    return make(classes::concreteJob(), {{QStringLiteral("InstanceID"), Value::string(id)}},
                {{QStringLiteral("ElementName"), Value::string(QStringLiteral("Clone of ") + id)},
                 {QStringLiteral("JobState"), Value::uint16(state)},
                 {QStringLiteral("PercentComplete"), Value::uint16(percent)}});
}

cim::Instance volume(const QString &id, quint64 blocks)
{
    return make(classes::storageVolume(), {{QStringLiteral("DeviceID"), Value::string(id)}},
                {{QStringLiteral("ElementName"), Value::string(id)},
                 {QStringLiteral("BlockSize"), Value::uint64(512)},
                 {QStringLiteral("NumberOfBlocks"), Value::uint64(blocks)}});
}

cim::Instance affected(const cim::Instance &job, const cim::Instance &element)
{
    cim::Instance link(classes::affectedJobElement());
    link.setPath(
        cim::ObjectPath(ns, link.className(),
                        {{QStringLiteral("AffectingElement"), Value::reference(job.path())},
                         {QStringLiteral("AffectedElement"), Value::reference(element.path())}}));
    link.setProperty(QStringLiteral("AffectingElement"), Value::reference(job.path()));
    link.setProperty(QStringLiteral("AffectedElement"), Value::reference(element.path()));
    return link;
}

template<class T>
T await(QFuture<T> future)
{
    if (!QTest::qWaitFor([&] { return future.isFinished(); }, 10000))
        qFatal("The engine did not answer in time.");
    return future.result();
}
} // namespace

class TestJobMonitor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { installTranslations(QLocale(QLocale::English, QLocale::UnitedStates)); }

    void throughputAndTimeLeftFollowTheSamples()
    {
        test::FakeCimClient client;
        const quint64 blocks = 100 * 2048; // 100 MiB
        const cim::Instance replica = volume(QStringLiteral("vol-r"), blocks);
        const cim::Instance other = volume(QStringLiteral("vol-s"), blocks);
        // job-2 clones a source that holds 20 MiB of data: its percent counts those bytes.
        cim::Instance source = volume(QStringLiteral("vol-src"), blocks);
        source.setProperty(QStringLiteral("ProvisionedConsumableBlocks"), Value::uint64(20 * 2048));
        client.setInstances(classes::storageVolume(), {replica, other, source});
        cim::Instance pair(classes::storageSynchronized());
        pair.setPath(
            cim::ObjectPath(ns, pair.className(),
                            {{QStringLiteral("SystemElement"), Value::reference(source.path())},
                             {QStringLiteral("SyncedElement"), Value::reference(other.path())}}));
        pair.setProperty(QStringLiteral("SystemElement"), Value::reference(source.path()));
        pair.setProperty(QStringLiteral("SyncedElement"), Value::reference(other.path()));
        client.setInstances(classes::storageSynchronized(), {pair});
        auto jobs = [&](quint16 p1, quint16 p2, quint16 state2 = 4) {
            client.setInstances(classes::concreteJob(), {job(QStringLiteral("job-1"), 4, p1),
                                                         job(QStringLiteral("job-2"), state2, p2),
                                                         job(QStringLiteral("job-3"), 7, 100)});
        };
        jobs(10, 10);
        client.setInstances(classes::affectedJobElement(),
                            {affected(job(QStringLiteral("job-1"), 4, 0), replica),
                             affected(job(QStringLiteral("job-2"), 4, 0), other)});
        SystemInventory inventory(&client, classes::watched());
        inventory.setCoalescingInterval(0);
        JobTableModel model;
        qint64 now = 1'000'000;
        model.setClock([&now] { return now; });
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.addSystem(&inventory);
        inventory.refresh();
        QTRY_COMPARE(model.rowCount(), 3);
        QTRY_COMPARE(model.jobBytes(0), std::optional<quint64>(100ull << 20));
        QTRY_COMPARE(model.jobBytes(1), std::optional<quint64>(20ull << 20));
        QCOMPARE(model.index(0, JobTableModel::SystemColumn).data().toString(),
                 QStringLiteral("fake.example"));
        QVERIFY(model.index(0, JobTableModel::ThroughputColumn).data().toString().isEmpty());

        // Two seconds later both running jobs moved 40 %: 40 MiB in 2 s, and 50 MiB to go.
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        now += 2000;
        jobs(50, 50);
        client.announce(classes::concreteJob());
        QTRY_COMPARE(
            model.index(0, JobTableModel::ProgressColumn).data(JobTableModel::PercentRole).toInt(),
            50);
        // Both rows changed in one refresh: one dataChanged, not one per job.
        QCOMPARE(changed.count(), 1);
        QCOMPARE(model.index(0, JobTableModel::ThroughputColumn)
                     .data(JobTableModel::ThroughputRole)
                     .toDouble(),
                 20.0 * 1024 * 1024);
        QVERIFY2(model.index(0, JobTableModel::ThroughputColumn)
                     .data()
                     .toString()
                     .endsWith(QStringLiteral("/s")),
                 qPrintable(model.index(0, JobTableModel::ThroughputColumn).data().toString()));
        QCOMPARE(model.index(0, JobTableModel::TimeLeftColumn).data().toString(),
                 QStringLiteral("3 s"));
        QCOMPARE(model.index(1, JobTableModel::ThroughputColumn)
                     .data(JobTableModel::ThroughputRole)
                     .toDouble(),
                 4.0 * 1024 * 1024);
        QCOMPARE(model.history().rateSeries(model.keyOf(0)).size(), 1);
        // A finished job has neither.
        QVERIFY(model.index(2, JobTableModel::ThroughputColumn).data().toString().isEmpty());
        QVERIFY(model.index(2, JobTableModel::TimeLeftColumn).data().toString().isEmpty());

        // Suspended: no current rate, no time left.
        now += 1000;
        jobs(60, 50, 5);
        client.announce(classes::concreteJob());
        QTRY_COMPARE(
            model.index(1, JobTableModel::StateColumn).data(JobTableModel::JobStateRole).toInt(),
            5);
        QVERIFY(model.index(1, JobTableModel::ThroughputColumn).data().toString().isEmpty());
        QVERIFY(model.index(1, JobTableModel::TimeLeftColumn).data().toString().isEmpty());
    }

    void dockChartsTheSelectedJobAndSendsItsActions()
    {
        test::FakeCimClient client;
        const cim::Instance replica = volume(QStringLiteral("vol-r"), 2048);
        client.setInstances(classes::storageVolume(), {replica});
        client.setInstances(classes::concreteJob(), {job(QStringLiteral("job-1"), 4, 10)});
        client.setInstances(classes::affectedJobElement(),
                            {affected(job(QStringLiteral("job-1"), 4, 0), replica)});
        client.methodAnswer.returnValue = 0;
        SystemInventory inventory(&client, classes::watched());
        inventory.setCoalescingInterval(0);
        JobActions actions;
        JobsDock dock(&actions);
        qint64 now = 5'000;
        dock.model()->setClock([&now] { return now; });
        dock.addSystem(&inventory);
        inventory.refresh();
        dock.resize(1000, 240);
        dock.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dock));
        QTRY_COMPARE(dock.model()->rowCount(), 1);
        for (int percent : {30, 50, 70}) {
            now += 1000;
            client.setInstances(classes::concreteJob(),
                                {job(QStringLiteral("job-1"), 4, quint16(percent))});
            client.announce(classes::concreteJob());
            QTRY_COMPARE(dock.model()->index(0, 0).data(JobTableModel::PercentRole).toInt(),
                         percent);
        }
        dock.view()->selectRow(0);
        QTRY_COMPARE(dock.chart()->series().size(), 3);
        QVERIFY(!dock.chart()->grab().isNull());

        // The actions follow the selection and send RequestStateChange.
        QVERIFY(actions.suspendAction()->isEnabled());
        actions.suspendAction()->trigger();
        QTRY_COMPARE(client.calls.size(), 1);
        QCOMPARE(client.calls.at(0).method, QStringLiteral("RequestStateChange"));
        QCOMPARE(client.calls.at(0).in.value(u"RequestedState").toUInt64(), 3u);
        client.setInstances(classes::concreteJob(), {job(QStringLiteral("job-1"), 5, 70)});
        client.announce(classes::concreteJob());
        QTRY_VERIFY(actions.resumeAction()->isEnabled());
        actions.resumeAction()->trigger();
        QTRY_COMPARE(client.calls.size(), 2);
        QCOMPARE(client.calls.at(1).in.value(u"RequestedState").toUInt64(), 2u);
        client.setInstances(classes::concreteJob(), {job(QStringLiteral("job-1"), 4, 75)});
        client.announce(classes::concreteJob());
        QTRY_VERIFY(actions.cancelAction()->isEnabled());
        actions.cancelAction()->trigger();
        QTRY_COMPARE(client.calls.size(), 3);
        QCOMPARE(client.calls.at(2).in.value(u"RequestedState").toUInt64(), 4u);
    }

    void detailsShowGetErrorAndWhatTheJobDid()
    {
        QTemporaryDir dir;
        engine::EngineHost host;
        engine::EngineOptions options;
        options.dataDirectory = dir.filePath(QStringLiteral("data"));
        options.defaultPoolDirectory = dir.filePath(QStringLiteral("data/pools/default"));
        options.systemName = QStringLiteral("test-host");
        QVERIFY(host.start(options).ok());
        engine::CimClient *client = host.client();

        const auto services =
            await(client->enumerateInstances(classes::storageConfigurationService()));
        QVERIFY(services.ok() && !services->isEmpty());
        cim::Parameters create;
        create.set(QStringLiteral("ElementName"), Value::string(QStringLiteral("Logs")));
        create.set(QStringLiteral("ElementType"), Value::uint16(2));
        create.set(QStringLiteral("Size"), Value::uint64(2 << 20));
        const auto made = await(
            client->invokeMethod({services->constFirst().path(),
                                  QStringLiteral("CreateOrModifyElementFromStoragePool"), create}));
        QCOMPARE(made.returnValue, 0u);
        const auto replication = await(client->enumerateInstances(classes::replicationService()));
        cim::MethodCall clone{
            replication->constFirst().path(), QStringLiteral("CreateListReplica"), {}};
        clone.in.set(QStringLiteral("SyncType"), Value::uint16(8));
        clone.in.set(QStringLiteral("SourceElements"),
                     Value::array(cim::CimType::Reference, {made.out.value(u"TheElement")}));
        clone.in.set(
            QStringLiteral("ElementNames"),
            Value::array(cim::CimType::String, {Value::string(QStringLiteral("Logs copy"))}));
        const auto started = await(client->invokeMethod(clone));
        QVERIFY2(started.returnValue == 4096 || started.returnValue == 0,
                 qPrintable(started.message));

        SystemInventory inventory(client, classes::watched());
        inventory.refresh();
        QTRY_VERIFY(inventory.isLoaded());
        QTRY_VERIFY(!inventory.instances(classes::concreteJob()).isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(inventory.instances(classes::concreteJob())
                                         .constFirst()
                                         .property(u"JobState")
                                         .toUInt64() == 7,
                                 20000);
        JobDetailsDialog dialog(&inventory,
                                inventory.instances(classes::concreteJob()).constFirst());
        dialog.show();
        QTRY_VERIFY(dialog.isLoaded());
        QVERIFY2(dialog.errorLabel()->text().contains(QStringLiteral("No error")),
                 qPrintable(dialog.errorLabel()->text()));
        QTreeWidget *list = dialog.affectedList();
        QCOMPARE(list->topLevelItemCount(), 1);
        QCOMPARE(list->topLevelItem(0)->text(0), QStringLiteral("Logs copy"));
        QVERIFY(!list->topLevelItem(0)->text(2).isEmpty());
    }
};

QTEST_MAIN(TestJobMonitor)
#include "tst_jobmonitor.moc"
