// The console's models against a fake system: the navigator tree, the job table and the property
// table, loaded asynchronously, refreshed in place, tolerant of classes a system does not serve.

#include "fakecimclient.h"

#include "cim/valuemap.h"
#include "cimclasses.h"
#include "jobactions.h"
#include "jobtablemodel.h"
#include "navigatormodel.h"
#include "progressbardelegate.h"
#include "propertytablemodel.h"
#include "systeminventory.h"
#include "valueformat.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

using namespace rd;
using namespace rd::ui;
using cim::Value;
using Kind = NavigatorModel::Kind;

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

cim::Instance computer()
{
    return make(classes::computerSystem(),
                {{QStringLiteral("Name"), Value::string(QStringLiteral("host1"))}},
                {{QStringLiteral("ElementName"), Value::string(QStringLiteral("host1"))},
                 {QStringLiteral("OperationalStatus"),
                  Value::array(cim::CimType::UInt16, {Value::uint16(2)})}});
}

cim::Instance pool(const QString &id, const QString &name)
{
    return make(classes::storagePool(), {{QStringLiteral("InstanceID"), Value::string(id)}},
                {{QStringLiteral("PoolID"), Value::string(id)},
                 {QStringLiteral("ElementName"), Value::string(name)}});
}

cim::Instance volume(const QString &id, const QString &name, const QString &poolId = {})
{
    QList<std::pair<QString, Value>> properties{
        {QStringLiteral("ElementName"), Value::string(name)}};
    if (!poolId.isEmpty())
        properties.append({QStringLiteral("PoolID"), Value::string(poolId)});
    return make(classes::storageVolume(), {{QStringLiteral("DeviceID"), Value::string(id)}},
                properties);
}

cim::Instance allocation(const cim::Instance &pool, const cim::Instance &volume)
{
    cim::Instance link(classes::allocatedFromStoragePool());
    link.setPath(cim::ObjectPath(ns, link.className(),
                                 {{QStringLiteral("Antecedent"), Value::reference(pool.path())},
                                  {QStringLiteral("Dependent"), Value::reference(volume.path())}}));
    link.setProperty(QStringLiteral("Antecedent"), Value::reference(pool.path()));
    link.setProperty(QStringLiteral("Dependent"), Value::reference(volume.path()));
    return link;
}

cim::Instance synchronization(const cim::Instance &source, const cim::Instance &replica)
{
    return make(classes::storageSynchronized(),
                {{QStringLiteral("SystemElement"), Value::reference(source.path())},
                 {QStringLiteral("SyncedElement"), Value::reference(replica.path())}},
                {{QStringLiteral("SyncType"), Value::uint16(8)},
                 {QStringLiteral("CopyState"), Value::uint16(4)},
                 {QStringLiteral("OperationalStatus"),
                  Value::array(cim::CimType::UInt16, {Value::uint16(2), Value::uint16(17)})}});
}

cim::Instance job(const QString &id, quint16 state, quint16 percent, const QString &error = {})
{
    return make(classes::concreteJob(), {{QStringLiteral("InstanceID"), Value::string(id)}},
                {{QStringLiteral("ElementName"), Value::string(QStringLiteral("Clone of ") + id)},
                 {QStringLiteral("JobState"), Value::uint16(state)},
                 {QStringLiteral("PercentComplete"), Value::uint16(percent)},
                 {QStringLiteral("ErrorDescription"),
                  error.isEmpty() ? Value::null(cim::CimType::String) : Value::string(error)},
                 {QStringLiteral("StartTime"),
                  Value::dateTime(cim::DateTime::timestamp(QDateTime::currentDateTimeUtc()))}});
}

// The labels of a node's children, in order.
QStringList childLabels(const QAbstractItemModel &model, const QModelIndex &parent)
{
    QStringList labels;
    for (int row = 0; row < model.rowCount(parent); ++row)
        labels << model.index(row, 0, parent).data().toString();
    return labels;
}

} // namespace

class TestNavigatorModel : public QObject
{
    Q_OBJECT

    // A fully served fake system: two pools, three volumes (two placed by association, one by
    // PoolID), one clone synchronization and one running job.
    void serveEverything(test::FakeCimClient &client)
    {
        const cim::Instance gold = pool(QStringLiteral("pool-gold"), QStringLiteral("Gold"));
        const cim::Instance silver = pool(QStringLiteral("pool-silver"), QStringLiteral("Silver"));
        const cim::Instance a = volume(QStringLiteral("vol-a"), QStringLiteral("Database"));
        const cim::Instance b = volume(QStringLiteral("vol-b"), QStringLiteral("Database copy"));
        const cim::Instance c =
            volume(QStringLiteral("vol-c"), QStringLiteral("Logs"), QStringLiteral("pool-silver"));
        client.setInstances(classes::computerSystem(), {computer()});
        client.setInstances(classes::storagePool(), {gold, silver});
        client.setInstances(classes::storageVolume(), {a, b, c});
        client.setInstances(classes::allocatedFromStoragePool(),
                            {allocation(gold, a), allocation(gold, b)});
        client.setInstances(classes::storageSynchronized(), {synchronization(a, b)});
        client.setInstances(classes::concreteJob(), {job(QStringLiteral("job-1"), 4, 40)});
    }

private Q_SLOTS:
    void buildsTheTreeFromWhatTheSystemServes()
    {
        test::FakeCimClient client;
        serveEverything(client);
        SystemInventory inventory(&client, classes::watched());
        NavigatorModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.addSystem(&inventory);
        QCOMPARE(childLabels(model, {}),
                 QStringList({QStringLiteral("Systems"), QStringLiteral("Synchronizations"),
                              QStringLiteral("Jobs")}));
        // The system shows at once, before anything has been loaded.
        QCOMPARE(model.rowCount(model.systemsIndex()), 1);

        inventory.refresh();
        QTRY_VERIFY(inventory.isLoaded());
        const QModelIndex system = model.index(0, 0, model.systemsIndex());
        QCOMPARE(system.data().toString(), QStringLiteral("fake.example"));
        QCOMPARE(model.kind(system), Kind::System);
        QCOMPARE(model.instance(system).property(u"Name").toString(), QStringLiteral("host1"));
        QCOMPARE(childLabels(model, system),
                 QStringList({QStringLiteral("Gold"), QStringLiteral("Silver")}));
        const QModelIndex gold = model.index(0, 0, system);
        QCOMPARE(model.kind(gold), Kind::Pool);
        QCOMPARE(childLabels(model, gold),
                 QStringList({QStringLiteral("Database"), QStringLiteral("Database copy")}));
        QCOMPARE(model.kind(model.index(0, 0, gold)), Kind::Volume);
        QCOMPARE(childLabels(model, model.index(1, 0, system)),
                 QStringList{QStringLiteral("Logs")});

        QCOMPARE(childLabels(model, model.synchronizationsIndex()),
                 QStringList{QStringLiteral("Database → Database copy")});
        QCOMPARE(childLabels(model, model.jobsIndex()),
                 QStringList{QStringLiteral("Clone of job-1")});
        QCOMPARE(model.kind(model.index(0, 0, model.jobsIndex())), Kind::Job);
    }

    void showsNothingForClassesNotServed()
    {
        test::FakeCimClient client;
        client.setInstances(classes::computerSystem(), {computer()});
        SystemInventory inventory(&client, classes::watched());
        NavigatorModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.addSystem(&inventory);
        inventory.refresh();
        QTRY_VERIFY(inventory.isLoaded());
        QVERIFY(inventory.isServed(classes::computerSystem()));
        QVERIFY(!inventory.isServed(classes::storagePool()));
        QCOMPARE(model.rowCount(model.index(0, 0, model.systemsIndex())), 0);
        QCOMPARE(model.rowCount(model.synchronizationsIndex()), 0);
        QCOMPARE(model.rowCount(model.jobsIndex()), 0);

        // A class that starts being served later appears on its change notification.
        client.setInstances(classes::storagePool(),
                            {pool(QStringLiteral("p"), QStringLiteral("Pool P"))});
        client.announce(QStringLiteral("CIM_StoragePool"));
        QTRY_COMPARE(childLabels(model, model.index(0, 0, model.systemsIndex())),
                     QStringList{QStringLiteral("Pool P")});
    }

    void refreshesInPlaceAndCoalescesNotifications()
    {
        test::FakeCimClient client;
        serveEverything(client);
        SystemInventory inventory(&client, classes::watched());
        NavigatorModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.addSystem(&inventory);
        inventory.refresh();
        QTRY_VERIFY(inventory.isLoaded());
        const QModelIndex system = model.index(0, 0, model.systemsIndex());
        const QPersistentModelIndex gold = model.index(0, 0, system);
        const QPersistentModelIndex logs = model.index(0, 0, model.index(1, 0, system));
        const int poolQueries = client.enumerations.value(classes::storagePool());
        const int volumeQueries = client.enumerations.value(classes::storageVolume());

        // Rename Gold, drop Logs, add a volume: one burst of notifications, one reload each.
        auto pools = client.served.value(classes::storagePool());
        pools[0].setProperty(QStringLiteral("ElementName"),
                             Value::string(QStringLiteral("Platinum")));
        client.setInstances(classes::storagePool(), pools);
        auto volumes = client.served.value(classes::storageVolume());
        volumes.removeLast();
        volumes.append(volume(QStringLiteral("vol-d"), QStringLiteral("Scratch"),
                              QStringLiteral("pool-silver")));
        client.setInstances(classes::storageVolume(), volumes);
        for (int i = 0; i < 3; ++i) {
            client.announce(classes::storagePool());
            client.announce(QStringLiteral("CIM_StorageVolume"));
        }
        QTRY_COMPARE(gold.data().toString(), QStringLiteral("Platinum"));
        QTRY_COMPARE(childLabels(model, model.index(1, 0, system)),
                     QStringList{QStringLiteral("Scratch")});
        QVERIFY(gold.isValid()); // the same row, changed in place
        QVERIFY(!logs.isValid());
        QCOMPARE(client.enumerations.value(classes::storagePool()), poolQueries + 1);
        QCOMPARE(client.enumerations.value(classes::storageVolume()), volumeQueries + 1);
    }

    void jobTableShowsStateProgressAndResult()
    {
        test::FakeCimClient client;
        client.setInstances(classes::concreteJob(),
                            {job(QStringLiteral("job-1"), 4, 40),
                             job(QStringLiteral("job-2"), 7, 100),
                             job(QStringLiteral("job-3"), 10, 55, QStringLiteral("Disk full"))});
        SystemInventory inventory(&client, classes::watched());
        JobTableModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.addSystem(&inventory);
        inventory.refresh();
        QTRY_COMPARE(model.rowCount(), 3);
        const auto cell = [&](int row, int column, int role = Qt::DisplayRole) {
            return model.index(row, column).data(role);
        };
        QCOMPARE(cell(0, JobTableModel::NameColumn).toString(), QStringLiteral("Clone of job-1"));
        QCOMPARE(cell(0, JobTableModel::StateColumn).toString(),
                 cim::ValueMap::jobState().label(4));
        QCOMPARE(cell(0, JobTableModel::ProgressColumn, JobTableModel::PercentRole).toInt(), 40);
        QVERIFY(cell(0, JobTableModel::ResultColumn).toString().isEmpty());
        QVERIFY(!cell(0, JobTableModel::StartedColumn).toString().isEmpty());
        QCOMPARE(cell(1, JobTableModel::ResultColumn).toString(), QStringLiteral("Succeeded"));
        QVERIFY(
            cell(2, JobTableModel::ResultColumn).toString().contains(QStringLiteral("Disk full")));

        // The progress column paints through the delegate.
        QTableView view;
        view.setModel(&model);
        view.setItemDelegateForColumn(JobTableModel::ProgressColumn,
                                      new ProgressBarDelegate(JobTableModel::PercentRole, &view));
        view.resize(800, 200);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QVERIFY(!view.grab().isNull());

        // Progress moves: the row changes in place.
        client.setInstances(classes::concreteJob(),
                            {job(QStringLiteral("job-1"), 4, 80),
                             job(QStringLiteral("job-2"), 7, 100),
                             job(QStringLiteral("job-3"), 10, 55, QStringLiteral("Disk full"))});
        client.announce(classes::concreteJob());
        QTRY_COMPARE(cell(0, JobTableModel::ProgressColumn, JobTableModel::PercentRole).toInt(),
                     80);
        QCOMPARE(model.rowCount(), 3);
    }

    void jobActionsFollowTheJobState()
    {
        test::FakeCimClient client;
        SystemInventory inventory(&client, classes::watched());
        JobActions actions;
        QVERIFY(!actions.suspendAction()->isEnabled());
        const cim::Instance running = job(QStringLiteral("job-1"), 4, 40);
        actions.setJob(&inventory, running);
        QVERIFY(actions.suspendAction()->isEnabled());
        QVERIFY(!actions.resumeAction()->isEnabled());
        QVERIFY(actions.cancelAction()->isEnabled());
        actions.setJob(&inventory, job(QStringLiteral("job-1"), 5, 40));
        QVERIFY(actions.resumeAction()->isEnabled());
        QVERIFY(!actions.suspendAction()->isEnabled());
        actions.setJob(&inventory, job(QStringLiteral("job-1"), 7, 100));
        QVERIFY(!actions.cancelAction()->isEnabled());

        actions.setJob(&inventory, running);
        client.methodAnswer = cim::MethodResult::failure(4097, QStringLiteral("Already done"));
        QSignalSpy messages(&actions, &JobActions::message);
        actions.suspendAction()->trigger();
        QTRY_COMPARE(messages.size(), 1);
        QCOMPARE(client.calls.size(), 1);
        QCOMPARE(client.calls[0].method, QStringLiteral("RequestStateChange"));
        QCOMPARE(client.calls[0].target, running.path());
        QCOMPARE(client.calls[0].in.value(u"RequestedState").toUInt64(), 3u);
        QVERIFY(messages[0][0].toString().contains(QStringLiteral("Already done")));
    }

    void propertiesShowValueMapLabels()
    {
        const cim::Instance source = volume(QStringLiteral("vol-a"), QStringLiteral("A"));
        const cim::Instance replica = volume(QStringLiteral("vol-b"), QStringLiteral("B"));
        PropertyTableModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setInstance(synchronization(source, replica));
        QHash<QString, QString> shown;
        for (int row = 0; row < model.rowCount(); ++row)
            shown.insert(model.index(row, 0).data().toString(),
                         model.index(row, 1).data().toString());
        QCOMPARE(shown.value(QStringLiteral("SyncType")),
                 cim::ValueMap::syncType().label(8) + QStringLiteral(" (8)"));
        QCOMPARE(shown.value(QStringLiteral("SyncType")), QStringLiteral("Clone (8)"));
        QCOMPARE(shown.value(QStringLiteral("OperationalStatus")),
                 cim::ValueMap::operationalStatus().label(2) + QStringLiteral(" (2), ") +
                     cim::ValueMap::operationalStatus().label(17) + QStringLiteral(" (17)"));
        QCOMPARE(shown.value(QStringLiteral("SystemElement")), source.path().toString());

        // With a namer, references show the name of what they point to.
        model.setReferenceNamer([&](const cim::ObjectPath &path) {
            return path == source.path() ? QStringLiteral("A") : QString();
        });
        QCOMPARE(model.index(0, 1).data().toString(),
                 QStringLiteral("A (%1)").arg(classes::storageVolume()));
        QCOMPARE(model.index(1, 1).data().toString(), replica.path().toString());

        // The same object refreshed keeps its rows; another object replaces them.
        cim::Instance changed = synchronization(source, replica);
        changed.setProperty(QStringLiteral("CopyState"), Value::uint16(6));
        model.setInstance(changed);
        model.setInstance(computer());
        model.setInstance({});
        QCOMPARE(model.rowCount(), 0);
    }

    void formatsValuesOutsideTheMapsWithoutFailing()
    {
        QCOMPARE(formatValue(u"SyncType", Value::uint16(9)), cim::ValueMap::syncType().label(9));
        QVERIFY(formatValue(u"SyncType", Value::uint16(9)).contains(QStringLiteral("9")));
        QCOMPARE(formatValue(u"CopyState", Value::null(cim::CimType::UInt16)),
                 QStringLiteral("(none)"));
        QCOMPARE(formatValue(u"BlockSize", Value::uint64(512)), QStringLiteral("512"));
        QCOMPARE(formatValue(u"Anything", Value()), QString());
        QCOMPARE(
            formatValue(u"TotalManagedSpace", Value::uint64(10 * 1024 * 1024)),
            QStringLiteral("10485760 (%1)").arg(QLocale().formattedDataSize(10 * 1024 * 1024)));
        QCOMPARE(formatValue(u"Primordial", Value::boolean(true)), QStringLiteral("Yes"));
        QCOMPARE(formatValue(u"TimeBeforeRemoval", Value::dateTime(cim::DateTime::interval(
                                                       quint64(26) * 3600 * 1000000))),
                 QStringLiteral("1 d 02:00:00"));
    }
};

QTEST_MAIN(TestNavigatorModel)
#include "tst_navigatormodel.moc"
