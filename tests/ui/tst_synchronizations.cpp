// The synchronizations view against a real embedded engine: pairs with their CopyState,
// ProgressStatus, PercentSynced, mode and type; fracture, resync and detach of a mirror as the
// engine allows them; operations it does not offer (a clone's fracture, or ModifyReplica-
// Synchronization itself on a system whose capabilities lack it) disabled with the reason; a
// refusal shown with the engine's message. A replica on another system is named readably: by the
// name that system gives it when the console follows it too, else by its key and system name.

#include "cim/enums.h"
#include "cim/valuemap.h"
#include "cimclasses.h"
#include "enginehost.h"
#include "fakecimclient.h"
#include "mainwindow.h"
#include "navigatormodel.h"
#include "synchronizationactions.h"
#include "synchronizationmodel.h"
#include "synchronizationsdock.h"
#include "systeminventory.h"
#include "translations.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QFile>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace rd;
using namespace rd::ui;
using cim::Value;

template<class T>
static T await(QFuture<T> future)
{
    if (!QTest::qWaitFor([&] { return future.isFinished(); }, 10000))
        qFatal("The engine did not answer in time.");
    return future.result();
}

class TestSynchronizations : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    engine::EngineHost m_host;

    cim::ObjectPath makeVolume(const QString &name)
    {
        const auto services =
            await(m_host.client()->enumerateInstances(classes::storageConfigurationService()));
        cim::Parameters in;
        in.set(QStringLiteral("ElementName"), Value::string(name));
        in.set(QStringLiteral("ElementType"), Value::uint16(2));
        in.set(QStringLiteral("Size"), Value::uint64(2 << 20));
        const auto r = await(m_host.client()->invokeMethod(
            {services->constFirst().path(), QStringLiteral("CreateOrModifyElementFromStoragePool"),
             in}));
        return r.out.value(u"TheElement").toReference();
    }

    // A replica of source, finished within the call.
    cim::MethodResult replicate(const cim::ObjectPath &source, quint16 syncType,
                                const QString &name)
    {
        const auto services =
            await(m_host.client()->enumerateInstances(classes::replicationService()));
        cim::MethodCall call{
            services->constFirst().path(), QStringLiteral("CreateListReplica"), {}};
        call.in.set(QStringLiteral("SyncType"), Value::uint16(syncType));
        call.in.set(QStringLiteral("Mode"), Value::uint16(2));
        call.in.set(QStringLiteral("SourceElements"),
                    Value::array(cim::CimType::Reference, {Value::reference(source)}));
        call.in.set(QStringLiteral("ElementNames"),
                    Value::array(cim::CimType::String, {Value::string(name)}));
        call.in.set(QStringLiteral("WaitForCopyState"), Value::uint16(4));
        return await(m_host.client()->invokeMethod(call));
    }

    static int rowOf(SynchronizationModel *model, const QString &replica)
    {
        for (int row = 0; row < model->rowCount(); ++row) {
            if (model->index(row, SynchronizationModel::ReplicaColumn).data().toString() == replica)
                return row;
        }
        return -1;
    }

    // A volume as an engine names it: CreationClassName, DeviceID, SystemCreationClassName,
    // SystemName.
    static cim::ObjectPath volumePath(const QString &system, const QString &deviceId)
    {
        return cim::ObjectPath(
            QStringLiteral("root/cimv2/storage/iscsitarget"), classes::storageVolume(),
            {{QStringLiteral("CreationClassName"), Value::string(classes::storageVolume())},
             {QStringLiteral("DeviceID"), Value::string(deviceId)},
             {QStringLiteral("SystemCreationClassName"),
              Value::string(QStringLiteral("MSISCSITARGET_ComputerSystem"))},
             {QStringLiteral("SystemName"), Value::string(system)}});
    }

    static cim::Instance volume(const cim::ObjectPath &path, const QString &name)
    {
        cim::Instance v(path.className());
        v.setPath(path);
        for (const auto &[key, value] : path.keys())
            v.setProperty(key, value);
        v.setProperty(QStringLiteral("ElementName"), Value::string(name));
        return v;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QCoreApplication::setOrganizationName(QStringLiteral("ReplicaDeskTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_synchronizations"));
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope,
                           m_dir.filePath(QStringLiteral("settings")));
        installTranslations(QLocale(QLocale::English, QLocale::UnitedStates));
        engine::EngineOptions options;
        options.dataDirectory = m_dir.filePath(QStringLiteral("data"));
        options.defaultPoolDirectory = m_dir.filePath(QStringLiteral("data/pools/default"));
        options.systemName = QStringLiteral("test-host");
        QVERIFY(m_host.start(options).ok());
    }

    void mirrorIsFracturedResyncedAndDetached()
    {
        const cim::ObjectPath source = makeVolume(QStringLiteral("Orders"));
        const cim::MethodResult made = replicate(source, 6, QStringLiteral("Orders mirror"));
        if (made.returnValue == 1)
            QSKIP("The engine does not make mirrors.");
        QVERIFY2(made.returnValue == 0, qPrintable(made.message));

        MainWindow window(&m_host);
        SynchronizationsDock *dock = window.synchronizationsDock();
        QAbstractItemModelTester tester(dock->model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        window.show();
        QTRY_VERIFY(window.isLoaded());
        QTRY_VERIFY(rowOf(dock->model(), QStringLiteral("Orders mirror")) >= 0);
        const int row = rowOf(dock->model(), QStringLiteral("Orders mirror"));
        auto cell = [&](int column, int role = Qt::DisplayRole) {
            return dock->model()
                ->index(rowOf(dock->model(), QStringLiteral("Orders mirror")), column)
                .data(role);
        };
        QCOMPARE(cell(SynchronizationModel::SourceColumn).toString(), QStringLiteral("Orders"));
        QCOMPARE(cell(SynchronizationModel::TypeColumn).toString(),
                 cim::ValueMap::syncType().label(6));
        QCOMPARE(cell(SynchronizationModel::ModeColumn).toString(), cim::ValueMap::mode().label(2));
        QCOMPARE(cell(SynchronizationModel::CopyStateColumn).toString(),
                 cim::ValueMap::copyState().label(4));
        QVERIFY(!cell(SynchronizationModel::ProgressStatusColumn).toString().isEmpty());
        QCOMPARE(
            cell(SynchronizationModel::SyncedColumn, SynchronizationModel::PercentRole).toInt(),
            100);

        SynchronizationActions *actions = window.synchronizationActions();
        dock->view()->selectRow(row);
        QTRY_VERIFY(actions->fractureAction()->isEnabled());
        QVERIFY(actions->resyncAction()->isEnabled());
        QVERIFY(actions->detachAction()->isEnabled());

        // Restore while in step: the engine says what it needs, and the console shows that.
        QSignalSpy refused(actions, &SynchronizationActions::operationRefused);
        actions->perform(quint16(cim::SyncOperation::RestoreFromReplica));
        QTRY_COMPARE(refused.count(), 1);
        QVERIFY2(refused.at(0).at(0).toString().contains(QStringLiteral("(")),
                 qPrintable(refused.at(0).at(0).toString()));
        QTRY_VERIFY(window.findChild<QMessageBox *>(QStringLiteral("syncOperationRefused")));

        actions->fractureAction()->trigger();
        QTRY_COMPARE(cell(SynchronizationModel::CopyStateColumn).toString(),
                     cim::ValueMap::copyState().label(6)); // Fractured
        actions->resyncAction()->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(cell(SynchronizationModel::CopyStateColumn).toString(),
                                  cim::ValueMap::copyState().label(4), 10000); // Synchronized

        // Detach asks first.
        actions->detachAction()->trigger();
        QMessageBox *box = nullptr;
        QTRY_VERIFY(
            (box = window.findChild<QMessageBox *>(QStringLiteral("confirmSyncOperation"))));
        for (QAbstractButton *b : box->buttons()) {
            if (box->buttonRole(b) == QMessageBox::AcceptRole)
                b->click();
        }
        QTRY_COMPARE(rowOf(dock->model(), QStringLiteral("Orders mirror")), -1);
    }

    // An image written in the pool folder directly, past the engine: the pair says in plain words
    // that it needs a full resync, and a resync mends it.
    void imageChangedOutsideIsExplained()
    {
        const cim::ObjectPath source = makeVolume(QStringLiteral("Ledger"));
        const cim::MethodResult made = replicate(source, 6, QStringLiteral("Ledger mirror"));
        QVERIFY2(made.returnValue == 0, qPrintable(made.message));

        MainWindow window(&m_host);
        SynchronizationsDock *dock = window.synchronizationsDock();
        QAbstractItemModelTester tester(dock->model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        window.show();
        QTRY_VERIFY(window.isLoaded());
        QTRY_VERIFY(rowOf(dock->model(), QStringLiteral("Ledger mirror")) >= 0);
        auto cell = [&](int column, int role = Qt::DisplayRole) {
            return dock->model()
                ->index(rowOf(dock->model(), QStringLiteral("Ledger mirror")), column)
                .data(role);
        };
        QCOMPARE(cell(SynchronizationModel::CopyStateColumn).toString(),
                 cim::ValueMap::copyState().label(4));
        QVERIFY(cell(0, SynchronizationModel::StatusTextRole).toString().isEmpty());

        QFile image(m_dir.filePath(
            QStringLiteral("data/pools/default/%1.img").arg(source.key(u"DeviceID").toString())));
        QVERIFY2(image.open(QIODevice::ReadWrite), qPrintable(image.errorString()));
        QVERIFY(image.seek(4096));
        QCOMPARE(image.write(QByteArray(4096, 'x')), qint64(4096));
        image.close();

        QTRY_COMPARE_WITH_TIMEOUT(cell(SynchronizationModel::CopyStateColumn).toString(),
                                  cim::ValueMap::copyState().label(13), 15000); // Skewed
        const QString status = cell(0, SynchronizationModel::StatusTextRole).toString();
        QVERIFY2(status.contains(QStringLiteral("changed outside ReplicaDesk")),
                 qPrintable(status));
        QVERIFY2(status.contains(QStringLiteral("full resync")), qPrintable(status));
        QCOMPARE(cell(SynchronizationModel::CopyStateColumn, Qt::ToolTipRole).toString(), status);
        dock->view()->selectRow(rowOf(dock->model(), QStringLiteral("Ledger mirror")));
        QTRY_VERIFY(dock->reasonLabel()->text().contains(status));

        SynchronizationActions *actions = window.synchronizationActions();
        QTRY_VERIFY(actions->resyncAction()->isEnabled());
        actions->resyncAction()->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(cell(SynchronizationModel::CopyStateColumn).toString(),
                                  cim::ValueMap::copyState().label(4), 15000); // Synchronized
        QVERIFY(cell(0, SynchronizationModel::StatusTextRole).toString().isEmpty());
        QTRY_VERIFY(!dock->reasonLabel()->text().contains(status));
    }

    void operationsTheEngineDoesNotOfferAreDisabledWithItsReason()
    {
        const cim::ObjectPath source = makeVolume(QStringLiteral("Archive"));
        const cim::MethodResult made = replicate(source, 8, QStringLiteral("Archive clone"));
        QVERIFY2(made.returnValue == 0, qPrintable(made.message));
        MainWindow window(&m_host);
        SynchronizationsDock *dock = window.synchronizationsDock();
        window.show();
        QTRY_VERIFY(rowOf(dock->model(), QStringLiteral("Archive clone")) >= 0);
        dock->view()->selectRow(rowOf(dock->model(), QStringLiteral("Archive clone")));
        SynchronizationActions *actions = window.synchronizationActions();
        QTRY_VERIFY(actions->detachAction()->isEnabled());
        QVERIFY(!actions->fractureAction()->isEnabled());
        QVERIFY(!actions->restoreAction()->isEnabled());
        QVERIFY2(
            actions->fractureAction()->toolTip().contains(QStringLiteral("GetSupportedOperations")),
            qPrintable(actions->fractureAction()->toolTip()));
        QVERIFY(dock->reasonLabel()->text().contains(QStringLiteral("GetSupportedOperations")));
    }

    // The pair of a mirror on a peer: its SyncedElement is the peer's volume, which this system
    // does not list. Without the peer it is "<DeviceID> on <SystemName>", not a bare UUID; once the
    // console follows the peer too, it is the name the peer gives it, in the synchronizations view
    // and the navigator alike.
    void replicaOnAnotherSystemIsNamedReadably()
    {
        const QString replicaId = QStringLiteral("6f1c2b7e-93a4-4d1e-b1f0-2a5c8e7d9a01");
        const cim::ObjectPath source =
            volumePath(QStringLiteral("console-host"), QStringLiteral("v1"));
        const cim::ObjectPath replica = volumePath(QStringLiteral("storage-02"), replicaId);
        cim::Instance sync(classes::storageSynchronized());
        sync.setPath(
            cim::ObjectPath(QStringLiteral("root/cimv2/storage/iscsitarget"), sync.className(),
                            {{QStringLiteral("SystemElement"), Value::reference(source)},
                             {QStringLiteral("SyncedElement"), Value::reference(replica)}}));
        sync.setProperty(QStringLiteral("SystemElement"), Value::reference(source));
        sync.setProperty(QStringLiteral("SyncedElement"), Value::reference(replica));
        sync.setProperty(QStringLiteral("SyncType"), Value::uint16(6));
        sync.setProperty(QStringLiteral("Mode"), Value::uint16(2));
        sync.setProperty(QStringLiteral("CopyState"), Value::uint16(4));

        test::FakeCimClient here;
        here.setInstances(classes::storageVolume(), {volume(source, QStringLiteral("journal"))});
        here.setInstances(classes::storageSynchronized(), {sync});
        SystemInventory local(&here, classes::watched());
        SynchronizationModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        NavigatorModel navigator;
        QAbstractItemModelTester navigatorTester(
            &navigator, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.addSystem(&local);
        navigator.addSystem(&local);
        local.refresh();
        QTRY_VERIFY(local.isLoaded());
        QCOMPARE(model.rowCount(), 1);
        const QModelIndex replicaCell = model.index(0, SynchronizationModel::ReplicaColumn);
        QCOMPARE(model.index(0, SynchronizationModel::SourceColumn).data().toString(),
                 QStringLiteral("journal"));
        QCOMPARE(replicaCell.data().toString(), replicaId + QStringLiteral(" on storage-02"));
        QCOMPARE(navigator.rowCount(navigator.synchronizationsIndex()), 1);
        const QModelIndex pair = navigator.index(0, 0, navigator.synchronizationsIndex());
        QCOMPARE(pair.data().toString(),
                 QStringLiteral("journal → ") + replicaId + QStringLiteral(" on storage-02"));

        // The console connects to the peer: its volume's name replaces the key, the row stays.
        test::FakeCimClient there;
        there.setInstances(classes::storageVolume(),
                           {volume(replica, QStringLiteral("journal mirror"))});
        SystemInventory peer(&there, classes::watched());
        model.addSystem(&peer);
        navigator.addSystem(&peer);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        peer.refresh();
        QTRY_COMPARE(replicaCell.data().toString(), QStringLiteral("journal mirror"));
        QVERIFY(!changed.isEmpty());   // the view hears of it
        QCOMPARE(model.rowCount(), 1); // the pair is this system's, listed once
        QCOMPARE(model.systemOf(0), &local);
        QTRY_COMPARE(navigator.index(0, 0, navigator.synchronizationsIndex()).data().toString(),
                     QStringLiteral("journal → journal mirror"));
    }

    void withoutTheMethodEverythingIsDisabled()
    {
        test::FakeCimClient client;
        cim::Instance caps(classes::replicationServiceCapabilities());
        caps.setPath(
            cim::ObjectPath(QStringLiteral("root/test"), caps.className(),
                            {{QStringLiteral("InstanceID"), Value::string(QStringLiteral("c"))}}));
        caps.setProperty(QStringLiteral("SupportedSynchronousActions"),
                         Value::array(cim::CimType::UInt16, {Value::uint16(19)}));
        client.setInstances(classes::replicationServiceCapabilities(), {caps});
        cim::Instance sync(classes::storageSynchronized());
        sync.setPath(cim::ObjectPath(
            QStringLiteral("root/test"), sync.className(),
            {{QStringLiteral("SystemElement"), Value::string(QStringLiteral("a"))}}));
        sync.setProperty(QStringLiteral("SyncType"), Value::uint16(6));
        sync.setProperty(QStringLiteral("Mode"), Value::uint16(3));
        sync.setProperty(QStringLiteral("CopyState"), Value::uint16(4));
        client.setInstances(classes::storageSynchronized(), {sync});
        SystemInventory inventory(&client, classes::watched());
        inventory.refresh();
        QTRY_VERIFY(inventory.isLoaded());
        SynchronizationActions actions(nullptr);
        actions.setSynchronization(&inventory, sync);
        for (QAction *a : actions.actions()) {
            QVERIFY(!a->isEnabled());
            QVERIFY(a->toolTip().contains(QStringLiteral("ModifyReplicaSynchronization")));
        }
        QVERIFY(client.calls.isEmpty()); // nothing was asked of a system that does not offer it
    }
};

QTEST_MAIN(TestSynchronizations)
#include "tst_synchronizations.moc"
