// The Create Replica wizard driven end to end against a real embedded engine on a temporary pool:
// a clone of two volumes made through it is byte-equal to its sources and its job is handed to the
// job monitor; invalid choices keep Next disabled; an engine refusal comes back, with its return
// code's meaning and message, on the page that can fix it.

#include "cim/cimxml.h"
#include "cimclasses.h"
#include "createreplicarequest.h"
#include "createreplicawizard.h"
#include "enginehost.h"
#include "jobsdock.h"
#include "jobtablemodel.h"
#include "mainwindow.h"
#include "messagebanner.h"
#include "remotecollectionwizard.h"
#include "replicaresultpage.h"
#include "replicasettingspage.h"
#include "replicasourcespage.h"
#include "replicasummarypage.h"
#include "replicatargetspage.h"
#include "replicatypepage.h"
#include "sourcevolumemodel.h"
#include "storage/storagepool.h"
#include "systeminventory.h"
#include "translations.h"

#include "uitestsupport.h"
#include <QAbstractButton>
#include <QAbstractItemModelTester>
#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QPlainTextEdit>
#include <QRadioButton>
#include <QRandomGenerator>
#include <QSettings>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>

using namespace rd;
using namespace rd::ui;
using rd::ui::test::await;

class TestCreateReplicaWizard : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    engine::EngineHost m_host;
    QString m_poolDir;

    // A volume made through CIM; returns its path.
    cim::ObjectPath makeVolume(const QString &name, quint64 bytes)
    {
        const auto services =
            await(m_host.client()->enumerateInstances(classes::storageConfigurationService()));
        if (!services.ok() || services->isEmpty())
            return {};
        cim::Parameters in;
        in.set(QStringLiteral("ElementName"), cim::Value::string(name));
        in.set(QStringLiteral("ElementType"), cim::Value::uint16(2));
        in.set(QStringLiteral("Size"), cim::Value::uint64(bytes));
        const cim::MethodResult r = await(m_host.client()->invokeMethod(
            {services->constFirst().path(), QStringLiteral("CreateOrModifyElementFromStoragePool"),
             in}));
        return r.returnValue == 0 ? r.out.value(u"TheElement").toReference() : cim::ObjectPath();
    }

    QString imageOf(const cim::ObjectPath &volume) const
    {
        return engine::StoragePool(QString(), QString(), m_poolDir)
            .imagePath(volume.key(u"DeviceID").toString());
    }

    // Data with a hole in the middle, written before any replica exists.
    bool fill(const cim::ObjectPath &volume, quint32 seed)
    {
        QFile image(imageOf(volume));
        if (!image.open(QIODevice::ReadWrite))
            return false;
        QRandomGenerator random(seed);
        QByteArray block(256 * 1024, Qt::Uninitialized);
        for (qint64 offset : {qint64(0), qint64(256 * 1024), qint64(3 * 1024 * 1024)}) {
            random.fillRange(reinterpret_cast<quint32 *>(block.data()), block.size() / 4);
            if (!image.seek(offset) || image.write(block) != block.size())
                return false;
        }
        return true;
    }

    QByteArray contents(const cim::ObjectPath &volume) const
    {
        QFile image(imageOf(volume));
        return image.open(QIODevice::ReadOnly) ? image.readAll() : QByteArray();
    }

    static std::optional<cim::Instance> named(const SystemInventory &system, const QString &name)
    {
        for (const cim::Instance &v : system.instances(classes::storageVolume())) {
            if (v.property(u"ElementName").toString() == name)
                return v;
        }
        return std::nullopt;
    }

    static QAbstractButton *nextButton(QWizard &wizard)
    {
        return wizard.button(QWizard::NextButton);
    }

    static void check(SourceVolumeModel *model, const QString &name)
    {
        for (int row = 0; row < model->rowCount(); ++row) {
            if (model->index(row, 0).data().toString() == name) {
                QVERIFY(model->setData(model->index(row, 0), Qt::Checked, Qt::CheckStateRole));
                return;
            }
        }
        QFAIL(qPrintable(QStringLiteral("no volume %1 to check").arg(name)));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        test::isolateConsole(m_dir, QStringLiteral("tst_createreplicawizard"));
        engine::EngineOptions options;
        options.dataDirectory = m_dir.filePath(QStringLiteral("data"));
        m_poolDir = m_dir.filePath(QStringLiteral("data/pools/default"));
        options.defaultPoolDirectory = m_poolDir;
        options.systemName = QStringLiteral("test-host");
        const auto started = m_host.start(options);
        QVERIFY2(started.ok(), qPrintable(started.error().message));
    }

    void cloneThroughTheWizardEqualsItsSources()
    {
        const cim::ObjectPath alpha = makeVolume(QStringLiteral("Alpha"), 4 << 20);
        const cim::ObjectPath beta = makeVolume(QStringLiteral("Beta"), 4 << 20);
        QVERIFY(!alpha.isEmpty() && !beta.isEmpty());
        QVERIFY(fill(alpha, 1));
        QVERIFY(fill(beta, 2));

        MainWindow window(&m_host);
        window.show();
        QTRY_VERIFY(window.isLoaded());
        SystemInventory *system = window.localSystem();
        QTRY_VERIFY(named(*system, QStringLiteral("Beta")).has_value());

        // From the main window, as a user starts it.
        window.createReplicaAction()->trigger();
        CreateReplicaWizard *found = nullptr;
        QTRY_VERIFY((found = window.findChild<CreateReplicaWizard *>()));
        CreateReplicaWizard &wizard = *found;
        auto *sources =
            qobject_cast<ReplicaSourcesPage *>(wizard.page(CreateReplicaWizard::SourcesPage));
        QAbstractItemModelTester tester(sources->model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(QTest::qWaitForWindowExposed(&wizard));

        // Sources: nothing checked, no way on.
        QCOMPARE(wizard.currentId(), int(CreateReplicaWizard::SourcesPage));
        QVERIFY(!nextButton(wizard)->isEnabled());
        check(sources->model(), QStringLiteral("Alpha"));
        check(sources->model(), QStringLiteral("Beta"));
        QVERIFY(nextButton(wizard)->isEnabled());
        wizard.next();

        // Type and mode: every type the capabilities list can be chosen; an asynchronous
        // snapshot, which they do not list, cannot.
        auto *type = qobject_cast<ReplicaTypePage *>(wizard.currentPage());
        QVERIFY(type);
        QVERIFY(type->typeButton(8)->isEnabled());
        if (type->typeButton(7)->isEnabled()) {
            type->typeButton(7)->setChecked(true);
            QVERIFY(!type->modeButton(3)->isEnabled());
            QVERIFY(!type->findChild<QLabel *>(QStringLiteral("modeReason"))->text().isEmpty());
        }
        type->typeButton(8)->setChecked(true);
        QVERIFY(type->modeButton(3)->isEnabled());
        type->modeButton(3)->setChecked(true);
        QVERIFY(nextButton(wizard)->isEnabled());
        wizard.next();

        // Targets: new volumes in the default pool, named in order.
        auto *targets = qobject_cast<ReplicaTargetsPage *>(wizard.currentPage());
        QVERIFY(targets);
        QVERIFY(targets->newButton()->isChecked());
        QCOMPARE(targets->namesTable()->rowCount(), 2);
        targets->namesTable()->item(0, 1)->setText(QStringLiteral("Alpha copy"));
        targets->namesTable()->item(1, 1)->setText(QStringLiteral("Beta copy"));
        QVERIFY(nextButton(wizard)->isEnabled());
        wizard.next();

        auto *settings = qobject_cast<ReplicaSettingsPage *>(wizard.currentPage());
        QVERIFY(settings);
        settings->priorityCombo()->setCurrentIndex(settings->priorityCombo()->findData(4));
        QVERIFY(settings->consistentCheck()->isEnabled());
        settings->consistentCheck()->setChecked(true);
        wizard.next();

        // Summary: the call in words and as XML, both from the same MethodCall.
        auto *summary = qobject_cast<ReplicaSummaryPage *>(wizard.currentPage());
        QVERIFY(summary);
        const QString words = summary->wordsView()->toPlainText();
        QVERIFY2(words.contains(QStringLiteral("Alpha copy")) &&
                     words.contains(QStringLiteral("Beta copy")),
                 qPrintable(words));
        const QString xml = summary->xmlView()->toPlainText();
        QVERIFY2(xml.contains(QStringLiteral("CreateListReplica_INPUT")), qPrintable(xml));
        QVERIFY(xml.contains(QStringLiteral("SourceElements")));
        QVERIFY(xml.contains(QStringLiteral("ReplicationSettingData")));
        const cim::MethodCall call = wizard.request();
        QCOMPARE(call.in.value(u"SyncType").toUInt64(), 8u);
        QCOMPARE(call.in.value(u"Mode").toUInt64(), 3u);
        QCOMPARE(call.in.value(u"SourceElements").elements().size(), 2);
        const auto rsd =
            cim::cimxml::parseInstance(call.in.value(u"ReplicationSettingData").toString());
        QVERIFY(rsd.ok());
        QCOMPARE(rsd->property(u"CopyPriority").toUInt64(), 4u);
        QCOMPARE(rsd->property(u"TargetElementSupplier").toUInt64(), 3u);
        QCOMPARE(rsd->property(u"ConsistentPointInTime").toBool(), true);

        // Run: the wizard waits for the answer without blocking, then shows the result, and
        // the job monitor selects the new job.
        wizard.next();
        QTRY_COMPARE(wizard.currentId(), int(CreateReplicaWizard::ResultPage));
        auto *result = qobject_cast<ReplicaResultPage *>(wizard.currentPage());
        QVERIFY(!result->resultLabel()->text().isEmpty());
        QTableView *jobs = window.jobsDock()->view();
        QTRY_VERIFY(jobs->currentIndex().isValid());
        const cim::Instance job = window.jobsDock()->model()->job(jobs->currentIndex().row());
        QVERIFY2(job.property(u"ElementName").toString().contains(QStringLiteral("Alpha")),
                 qPrintable(job.property(u"ElementName").toString()));
        wizard.accept();

        // The copy finishes; the replicas equal their sources byte for byte.
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const auto j = system->find(job.path());
                return j && j->property(u"JobState").toUInt64() == 7; // Completed
            }(),
            20000);
        QTRY_VERIFY(named(*system, QStringLiteral("Alpha copy")).has_value());
        QTRY_VERIFY(named(*system, QStringLiteral("Beta copy")).has_value());
        const QByteArray alphaBytes = contents(alpha);
        QCOMPARE(alphaBytes.size(), 4 << 20);
        QVERIFY(contents(named(*system, QStringLiteral("Alpha copy"))->path()) == alphaBytes);
        QVERIFY(contents(named(*system, QStringLiteral("Beta copy"))->path()) == contents(beta));
    }

    void invalidChoicesKeepNextDisabledAndRefusalsShowWhereToFixThem()
    {
        const cim::ObjectPath source = makeVolume(QStringLiteral("Gamma"), 4 << 20);
        const cim::ObjectPath small = makeVolume(QStringLiteral("Small"), 1 << 20);
        const cim::ObjectPath spare = makeVolume(QStringLiteral("Spare"), 8 << 20);
        QVERIFY(!source.isEmpty() && !small.isEmpty() && !spare.isEmpty());

        SystemInventory system(m_host.client(), classes::watched());
        system.refresh();
        QTRY_VERIFY(system.isLoaded());
        CreateReplicaWizard wizard(&system);
        wizard.preselectSources({source.toString()});
        wizard.show();
        QVERIFY(nextButton(wizard)->isEnabled());
        wizard.next();
        qobject_cast<ReplicaTypePage *>(wizard.currentPage())->typeButton(8)->setChecked(true);
        wizard.next();

        // Existing targets: the small volume is not offered, and nothing chosen is no way on.
        auto *targets = qobject_cast<ReplicaTargetsPage *>(wizard.currentPage());
        targets->existingButton()->setChecked(true);
        QVERIFY(!nextButton(wizard)->isEnabled());
        QComboBox *combo = targets->targetCombo(0);
        QVERIFY(combo);
        QCOMPARE(combo->findData(small.toString()), -1);
        QCOMPARE(combo->findData(source.toString()), -1);
        const int spareIndex = combo->findData(spare.toString());
        QVERIFY(spareIndex > 0);
        combo->setCurrentIndex(spareIndex);
        QVERIFY(nextButton(wizard)->isEnabled());
        wizard.next();
        wizard.next();
        QCOMPARE(wizard.currentId(), int(CreateReplicaWizard::SummaryPage));

        // The target goes away before Run: the engine refuses, and the wizard takes the user
        // back to the targets page with the engine's reason.
        const auto services =
            await(m_host.client()->enumerateInstances(classes::storageConfigurationService()));
        cim::Parameters del;
        del.set(QStringLiteral("TheElement"), cim::Value::reference(spare));
        QCOMPARE(await(m_host.client()->invokeMethod({services->constFirst().path(),
                                                      QStringLiteral("ReturnToStoragePool"), del}))
                     .returnValue,
                 0u);
        wizard.next();
        QTRY_COMPARE(wizard.currentId(), int(CreateReplicaWizard::TargetsPage));
        MessageBanner *banner = targets->banner();
        QVERIFY(banner->isVisible());
        QVERIFY2(banner->text().contains(QStringLiteral("Invalid Parameter (5)")),
                 qPrintable(banner->text()));
        QVERIFY2(banner->text().contains(QStringLiteral("TargetElements")),
                 qPrintable(banner->text()));
        // Nothing was made.
        QVERIFY(!named(system, QStringLiteral("Gamma clone")).has_value());
    }

    // Takes the wizard to Run with an existing target that is made a replica of another pair
    // before Run, so the engine refuses it (In Use); the page the wizard lands on, and the text
    // it shows there.
    std::pair<int, QString> refusalOfATargetInUse(const QString &tag)
    {
        const cim::ObjectPath source = makeVolume(QStringLiteral("Quelle ") + tag, 4 << 20);
        const cim::ObjectPath other = makeVolume(QStringLiteral("Andere ") + tag, 1 << 20);
        const cim::ObjectPath spare = makeVolume(QStringLiteral("Ersatz ") + tag, 8 << 20);
        if (source.isEmpty() || other.isEmpty() || spare.isEmpty())
            return {-1, QStringLiteral("no volumes")};
        SystemInventory system(m_host.client(), classes::watched());
        system.refresh();
        if (!QTest::qWaitFor([&] { return system.isLoaded(); }))
            return {-1, QStringLiteral("not loaded")};
        CreateReplicaWizard wizard(&system);
        wizard.preselectSources({source.toString()});
        wizard.show();
        wizard.next();
        qobject_cast<ReplicaTypePage *>(wizard.currentPage())->typeButton(8)->setChecked(true);
        wizard.next();
        auto *targets = qobject_cast<ReplicaTargetsPage *>(wizard.currentPage());
        targets->existingButton()->setChecked(true);
        QComboBox *combo = targets->targetCombo(0);
        if (!combo || combo->findData(spare.toString()) < 0)
            return {-1, QStringLiteral("spare not offered")};
        combo->setCurrentIndex(combo->findData(spare.toString()));
        wizard.next();
        wizard.next();
        if (wizard.currentId() != CreateReplicaWizard::SummaryPage)
            return {-1, QStringLiteral("no summary")};

        // Before Run, the spare becomes the replica of another clone.
        cim::Parameters in;
        in.set(QStringLiteral("SyncType"), cim::Value::uint16(8));
        in.set(QStringLiteral("Mode"), cim::Value::uint16(2));
        in.set(QStringLiteral("SourceElements"),
               cim::Value::array(cim::CimType::Reference, {cim::Value::reference(other)}));
        in.set(QStringLiteral("TargetElements"),
               cim::Value::array(cim::CimType::Reference, {cim::Value::reference(spare)}));
        const QList<cim::Instance> services = system.instances(classes::replicationService());
        if (services.isEmpty())
            return {-1, QStringLiteral("no replication service")};
        const cim::MethodResult cloned = await(m_host.client()->invokeMethod(
            {services.constFirst().path(), QStringLiteral("CreateListReplica"), in}));
        if (cloned.returnValue != 0)
            return {-1, cloned.message};

        wizard.next();
        if (!QTest::qWaitFor(
                [&] { return wizard.currentId() != CreateReplicaWizard::SummaryPage; }))
            return {wizard.currentId(), QStringLiteral("stayed on the summary")};
        auto *banner = qobject_cast<ReplicaWizardPage *>(wizard.currentPage())->banner();
        return {wizard.currentId(), banner->isVisible() ? banner->text() : QString()};
    }

    void aRefusalInGermanLandsOnTheSamePageAsInEnglish()
    {
        const auto english = refusalOfATargetInUse(QStringLiteral("en"));
        QVERIFY2(english.second.contains(QStringLiteral("already part of a synchronization")),
                 qPrintable(english.second));
        QCOMPARE(english.first, int(CreateReplicaWizard::TargetsPage));

        // The engine's message is German now and names no parameter in words the wizard could
        // search for; the parameter it names as data still decides the page.
        QVERIFY(installTranslations(QLocale(QLocale::German, QLocale::Germany)).application);
        const auto german = refusalOfATargetInUse(QStringLiteral("de"));
        installTranslations(QLocale(QLocale::English, QLocale::UnitedStates));
        QVERIFY2(german.second.contains(QStringLiteral("gehört bereits zu einer Synchronisation")),
                 qPrintable(german.second));
        QCOMPARE(german.first, english.first);
    }

    void refusalsNamingAParameterGoToItsPage()
    {
        using W = CreateReplicaWizard;
        // The parameter decides, not the words (which here point elsewhere, or are German).
        auto page = [](quint32 code, const QString &message, const QString &parameter) {
            return W::pageForError(cim::MethodResult::failure(code, message, parameter));
        };
        const QString words = QStringLiteral("Die Quelle (SourceElements) passt nicht.");
        QCOMPARE(page(5, words, QStringLiteral("TargetPool")), int(W::TargetsPage));
        QCOMPARE(page(6, words, QStringLiteral("TargetElements")), int(W::TargetsPage));
        QCOMPARE(page(5, words, QStringLiteral("elementnames")), int(W::TargetsPage));
        QCOMPARE(page(1, words, QStringLiteral("TargetAccessPoint")), int(W::TargetsPage));
        QCOMPARE(page(5, words, QStringLiteral("SyncType")), int(W::TypePage));
        QCOMPARE(page(1, words, QStringLiteral("Mode")), int(W::TypePage));
        QCOMPARE(page(5, words, QStringLiteral("ReplicationSettingData")), int(W::SettingsPage));
        QCOMPARE(page(5, words, QStringLiteral("WaitForCopyState")), int(W::SettingsPage));
        QCOMPARE(page(5, QStringLiteral("Das Ziel gehört."), QStringLiteral("SourceElements")),
                 int(W::SourcesPage));
        // A parameter no page sets: the return code decides.
        QCOMPARE(page(1, words, QStringLiteral("SourceAccessPoint")), int(W::TypePage));
        QCOMPARE(page(5, words, QStringLiteral("Job")), int(W::SummaryPage));

        using R = RemoteCollectionWizard;
        auto remotePage = [](const QString &parameter) {
            return R::pageForError(cim::MethodResult::failure(
                5, QStringLiteral("Der Name ist zu lang (ElementName)."), parameter));
        };
        QCOMPARE(remotePage(QStringLiteral("RemoteAccessPoints")), int(R::AccessPointsPage));
        QCOMPARE(remotePage(QStringLiteral("LocalAccessPoints")), int(R::AccessPointsPage));
        QCOMPARE(remotePage(QStringLiteral("RemoteComputerSystem")), int(R::OptionsPage));
        QCOMPARE(remotePage(QStringLiteral("ElementName")), int(R::OptionsPage));
        QCOMPARE(remotePage(QStringLiteral("ConnectivityCollection")), int(R::SummaryPage));
    }

    void refusalsGoToThePageThatCanFixThem()
    {
        using W = CreateReplicaWizard;
        auto page = [](quint32 code, const QString &message) {
            return W::pageForError(cim::MethodResult::failure(code, message));
        };
        QCOMPARE(page(5, QStringLiteral("TargetElements[0] (x) does not exist.")),
                 int(W::TargetsPage));
        QCOMPARE(page(6, QStringLiteral("Target Backup is already part of a synchronization.")),
                 int(W::TargetsPage));
        QCOMPARE(page(5, QStringLiteral("SourceElements[1] (y) does not exist.")),
                 int(W::SourcesPage));
        QCOMPARE(
            page(1, QStringLiteral("Asynchronous snapshots are not supported; leave Mode NULL.")),
            int(W::TypePage));
        QCOMPARE(page(5, QStringLiteral("ReplicationSettingData.CopyPriority 9 is not known.")),
                 int(W::SettingsPage));
        QCOMPARE(page(4, QStringLiteral("Disk on fire.")), int(W::SummaryPage));
    }
};

QTEST_MAIN(TestCreateReplicaWizard)
#include "tst_createreplicawizard.moc"
