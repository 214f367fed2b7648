// CreateListReplica through the provider registry and the local transport: every parameter rule
// with its return code and "nothing created", Mode Synchronous, jobs, WaitForCopyState, the
// pairs' CopyState, and the capabilities.

#include "teststorage.h"
#include "testsupport.h"

#include "api/localtransport.h"
#include "cim/cimxml.h"
#include "engine.h"
#include "jobs/jobprovider.h"
#include "jobs/sqljobstore.h"
#include "replication/poolreplicastorage.h"
#include "replication/replicationprovider.h"
#include "replication/sqlsyncstore.h"
#include "storage/poolmanager.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace rd;
using namespace rd::engine;
using cim::Value;
using rd::test::refs;
using rd::test::TestStorage;

namespace {
constexpr quint64 MiB = 1 << 20;
constexpr quint32 Ok = 0;
constexpr quint32 NotSupported = 1;
constexpr quint32 InvalidParameter = 5;
constexpr quint32 InUse = 6;
constexpr quint32 JobStarted = 4096;

Value strings(const QStringList &list)
{
    QList<Value> v;
    for (const auto &s : list)
        v.append(Value::string(s));
    return Value::array(cim::CimType::String, v);
}

QString settingData(const QString &properties,
                    const QString &cls = QStringLiteral("CIM_ReplicationSettingData"))
{
    return QStringLiteral("<INSTANCE CLASSNAME=\"%1\">%2</INSTANCE>").arg(cls, properties);
}

QString cimProperty(const QString &name, const QString &type, const QString &value)
{
    return QStringLiteral("<PROPERTY NAME=\"%1\" TYPE=\"%2\"><VALUE>%3</VALUE></PROPERTY>")
        .arg(name, type, value);
}
} // namespace

class TestCreateListReplica : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<TestStorage> m_storage;
    std::unique_ptr<MemorySyncStore> m_syncStore;
    std::unique_ptr<MemoryJobStore> m_jobStore;
    std::unique_ptr<JobManager> m_jobs;
    std::unique_ptr<ReplicationService> m_service;
    std::unique_ptr<ProviderRegistry> m_registry;
    std::unique_ptr<LocalTransport> m_client;
    ReplicaVolume m_src1, m_src2, m_small, m_big;
    QByteArray m_src1Sum, m_src2Sum;

    struct Counts
    {
        int files, volumes, syncs, jobs, storedJobs, storedSyncs, checkpoints;
        friend bool operator==(const Counts &, const Counts &) = default;
    };
    Counts counts() const
    {
        return {m_storage->fileCount(),
                m_storage->volumeCount(),
                int(m_service->synchronizations().size()),
                int(m_jobs->jobs().size()),
                int(m_jobStore->loadJobs()->size()),
                int(m_syncStore->loadSyncs()->size()),
                int(QDir(m_dir->filePath(QStringLiteral("checkpoints")))
                        .entryList(QDir::Files)
                        .size())};
    }

    cim::MethodResult invoke(const cim::Parameters &in, int timeoutMs = 20000)
    {
        auto future = m_client->invokeMethod(
            {m_service->servicePath(), QStringLiteral("CreateListReplica"), in});
        if (!QTest::qWaitFor([&] { return future.isFinished(); }, timeoutMs))
            return cim::MethodResult::failure(9999, QStringLiteral("timed out"));
        return future.result();
    }

    cim::Parameters cloneOf(const QList<ReplicaVolume> &sources)
    {
        cim::Parameters in;
        in.set(QStringLiteral("SyncType"), Value::uint16(8));
        QList<cim::ObjectPath> paths;
        for (const auto &s : sources)
            paths.append(s.path);
        in.set(QStringLiteral("SourceElements"), refs(paths));
        return in;
    }

    // Expects code and that nothing was created.
    void expectRefused(const cim::Parameters &in, quint32 code)
    {
        const Counts before = counts();
        const cim::MethodResult r = invoke(in);
        QVERIFY2(r.returnValue == code, qPrintable(QStringLiteral("got %1 (%2), expected %3")
                                                       .arg(r.returnValue)
                                                       .arg(r.message)
                                                       .arg(code)));
        QVERIFY(!r.message.isEmpty());
        QVERIFY(r.out.value(u"Job").isNull());
        QVERIFY(counts() == before);
    }

    ConcreteJob *jobOf(const cim::MethodResult &r)
    {
        return m_jobs->job(r.out.value(u"Job").toReference().key(u"InstanceID").toString());
    }

    SyncRecord syncOf(const cim::MethodResult &r, int i = 0)
    {
        const auto paths = r.out.value(u"Synchronizations").elements();
        const cim::ObjectPath p = paths.value(i).toReference();
        for (const SyncRecord &s : m_service->synchronizations()) {
            if (s.targetPath == p.key(u"SyncedElement").toReference().toString())
                return s;
        }
        return {};
    }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_storage = std::make_unique<TestStorage>(
            QHash<QString, QString>{
                {QStringLiteral("pool-default"), m_dir->filePath(QStringLiteral("pool"))},
                {QStringLiteral("pool-2"), m_dir->filePath(QStringLiteral("pool2"))}},
            QStringLiteral("pool-default"));
        m_syncStore = std::make_unique<MemorySyncStore>();
        m_jobStore = std::make_unique<MemoryJobStore>();
        m_jobs = std::make_unique<JobManager>(m_jobStore.get());
        ReplicationService::Options opt;
        opt.systemName = QStringLiteral("host");
        opt.checkpointDirectory = m_dir->filePath(QStringLiteral("checkpoints"));
        m_service = std::make_unique<ReplicationService>(m_storage.get(), m_syncStore.get(),
                                                         m_jobs.get(), opt);
        QVERIFY(m_service->recover().ok());
        QVERIFY(m_jobs->recover().ok());
        m_registry = std::make_unique<ProviderRegistry>();
        QVERIFY(m_registry->addProvider(std::make_shared<ReplicationProvider>(m_service.get())));
        QVERIFY(m_registry->addProvider(std::make_shared<JobProvider>(m_jobs.get())));
        m_client = std::make_unique<LocalTransport>(m_registry.get());

        QRandomGenerator rng(42);
        m_src1 = m_storage->addVolume(QStringLiteral("db"), 8 * MiB);
        m_storage->testDevice(m_src1.deviceId)->fillRandom(0, 3 * MiB, rng);
        m_storage->testDevice(m_src1.deviceId)->fillRandom(6 * MiB, MiB, rng);
        m_src2 = m_storage->addVolume(QStringLiteral("logs"), 4 * MiB);
        m_storage->testDevice(m_src2.deviceId)->fillRandom(MiB, 2 * MiB, rng);
        m_small = m_storage->addVolume(QStringLiteral("small"), 4 * MiB);
        m_big = m_storage->addVolume(QStringLiteral("big"), 16 * MiB);
        m_src1Sum = m_storage->testDevice(m_src1.deviceId)->sha256();
        m_src2Sum = m_storage->testDevice(m_src2.deviceId)->sha256();
    }

    void cleanup()
    {
        m_client.reset();
        m_registry.reset();
        m_service.reset();
        m_jobs.reset();
        m_dir.reset();
    }

    void capabilitiesListWhatIsSupported()
    {
        auto caps =
            m_registry->enumerateInstances(QStringLiteral("CIM_ReplicationServiceCapabilities"));
        QVERIFY(caps.ok());
        QCOMPARE(caps->size(), 1);
        auto codes = [&](QStringView name) {
            QList<quint64> r;
            for (const Value &v : caps->first().property(name).elements())
                r.append(v.toUInt64());
            return r;
        };
        // Mirror and clone, local and remote, sync/async; snapshot local sync only (it stays
        // with its source).
        QCOMPARE(codes(u"SupportedReplicationTypes"),
                 (QList<quint64>{2, 3, 4, 5, 6, 10, 11, 12, 13}));
        // ModifyReplicaSynchronization, ModifyListSynchronization, CreateListReplica.
        QCOMPARE(codes(u"SupportedSynchronousActions"), (QList<quint64>{5, 6, 19}));
        QCOMPARE(codes(u"SupportedAsynchronousActions"), (QList<quint64>{5, 6, 19}));
        auto services = m_registry->enumerateInstances(QStringLiteral("CIM_ReplicationService"));
        QVERIFY(services.ok());
        QCOMPARE(services->first().path(), m_service->servicePath());
    }

    void syncTypeAndModeRules()
    {
        cim::Parameters in = cloneOf({m_src1});
        in.set(QStringLiteral("SyncType"), Value::uint16(7));
        in.set(QStringLiteral("Mode"), Value::uint16(3));
        expectRefused(in, NotSupported); // no asynchronous snapshots
        in = cloneOf({m_src1});
        for (quint16 bad : {0, 5, 9, 0x8000}) {
            in.set(QStringLiteral("SyncType"), Value::uint16(bad));
            expectRefused(in, InvalidParameter);
        }
        in.set(QStringLiteral("SyncType"), Value::null(cim::CimType::UInt16));
        expectRefused(in, InvalidParameter); // required
        in = cloneOf({m_src1});
        in.set(QStringLiteral("SyncType"), Value::uint32(8));
        expectRefused(in, InvalidParameter); // wrong type
        in = cloneOf({m_src1});
        for (quint16 bad : {0, 1, 4}) {
            in.set(QStringLiteral("Mode"), Value::uint16(bad));
            expectRefused(in, InvalidParameter);
        }
        in = cloneOf({m_src1});
        for (quint16 bad : {0, 5, 6, 8, 12}) {
            in.set(QStringLiteral("WaitForCopyState"), Value::uint16(bad));
            expectRefused(in, InvalidParameter);
        }
        in = cloneOf({m_src1});
        in.set(QStringLiteral("SourceAccessPoint"), Value::reference(m_src2.path));
        expectRefused(in, NotSupported);
        in = cloneOf({m_src1});
        in.set(QStringLiteral("TargetAccessPoint"), Value::reference(m_src2.path));
        expectRefused(in, NotSupported);
        in = cloneOf({m_src1});
        in.set(QStringLiteral("Job"), Value::reference(m_src2.path));
        expectRefused(in, InvalidParameter); // an output parameter
    }

    void sourceRules()
    {
        cim::Parameters in = cloneOf({m_src1});
        in.set(QStringLiteral("SourceElements"), Value::null(cim::CimType::Reference, true));
        expectRefused(in, InvalidParameter);
        in.set(QStringLiteral("SourceElements"), refs({}));
        expectRefused(in, InvalidParameter);
        in.set(QStringLiteral("SourceElements"),
               refs({TestStorage::volumePath(QStringLiteral("nope"))}));
        expectRefused(in, InvalidParameter);
        in.set(QStringLiteral("SourceElements"),
               refs({m_src1.path, TestStorage::poolPath(QStringLiteral("pool-default"))}));
        expectRefused(in, InvalidParameter); // not all StorageVolumes
        in.set(QStringLiteral("SourceElements"),
               Value::array(cim::CimType::Reference,
                            {Value::reference(m_src1.path), Value::null(cim::CimType::Reference)}));
        expectRefused(in, InvalidParameter);
    }

    void settingDataRules()
    {
        cim::Parameters in = cloneOf({m_src1});
        in.set(QStringLiteral("ReplicationSettingData"),
               Value::string(QStringLiteral("<INSTANCE CLASSNAME=")));
        expectRefused(in, InvalidParameter); // malformed
        in.set(QStringLiteral("ReplicationSettingData"),
               Value::string(settingData({}, QStringLiteral("CIM_StorageSetting"))));
        expectRefused(in, InvalidParameter); // not a ReplicationSettingData
        in.set(
            QStringLiteral("ReplicationSettingData"),
            Value::string(settingData(cimProperty(QStringLiteral("CopyPriority"),
                                                  QStringLiteral("uint16"), QStringLiteral("7")))));
        expectRefused(in, InvalidParameter);
        in.set(
            QStringLiteral("ReplicationSettingData"),
            Value::string(settingData(cimProperty(QStringLiteral("TargetElementSupplier"),
                                                  QStringLiteral("uint16"), QStringLiteral("1")))));
        expectRefused(in, InvalidParameter);
        in.set(QStringLiteral("ReplicationSettingData"),
               Value::string(
                   settingData(cimProperty(QStringLiteral("ConsistentPointInTime"),
                                           QStringLiteral("string"), QStringLiteral("yes")))));
        expectRefused(in, InvalidParameter);
        // Create new: no TargetElements allowed; Use existing: one per source required.
        in.set(
            QStringLiteral("ReplicationSettingData"),
            Value::string(settingData(cimProperty(QStringLiteral("TargetElementSupplier"),
                                                  QStringLiteral("uint16"), QStringLiteral("3")))));
        in.set(QStringLiteral("TargetElements"), refs({m_big.path}));
        expectRefused(in, InvalidParameter);
        in = cloneOf({m_src1});
        in.set(
            QStringLiteral("ReplicationSettingData"),
            Value::string(settingData(cimProperty(QStringLiteral("TargetElementSupplier"),
                                                  QStringLiteral("uint16"), QStringLiteral("2")))));
        expectRefused(in, InvalidParameter);
    }

    void targetRules()
    {
        cim::Parameters in = cloneOf({m_src1});
        in.set(QStringLiteral("TargetElements"),
               refs({TestStorage::volumePath(QStringLiteral("nope"))}));
        expectRefused(in, InvalidParameter); // does not exist
        in.set(QStringLiteral("TargetElements"), refs({m_small.path}));
        expectRefused(in, InvalidParameter); // 4 MiB < 8 MiB
        in.set(QStringLiteral("TargetElements"), refs({m_big.path, m_small.path}));
        expectRefused(in, InvalidParameter); // count mismatch
        in.set(QStringLiteral("TargetElements"), refs({m_src1.path}));
        expectRefused(in, InvalidParameter); // its own source
        in.set(QStringLiteral("TargetElements"), refs({m_big.path}));
        in.set(QStringLiteral("TargetPool"),
               Value::reference(TestStorage::poolPath(QStringLiteral("pool-2"))));
        expectRefused(in, InvalidParameter); // TargetElements with TargetPool
        in.set(QStringLiteral("TargetPool"), Value::null(cim::CimType::Reference));
        in.set(QStringLiteral("TargetSettingGoal"),
               Value::reference(TestStorage::settingPath(QStringLiteral("setting-1"))));
        expectRefused(in, InvalidParameter); // TargetElements with TargetSettingGoal

        in = cloneOf({m_src1, m_src2});
        in.set(QStringLiteral("TargetElements"), refs({m_big.path, m_big.path}));
        expectRefused(in, InvalidParameter); // the same target twice

        in = cloneOf({m_src1});
        in.set(QStringLiteral("TargetPool"),
               Value::reference(TestStorage::poolPath(QStringLiteral("nope"))));
        expectRefused(in, InvalidParameter);
        in = cloneOf({m_src1});
        in.set(QStringLiteral("TargetSettingGoal"),
               Value::reference(TestStorage::settingPath(QStringLiteral("nope"))));
        expectRefused(in, InvalidParameter);
        in = cloneOf({m_src1});
        in.set(QStringLiteral("ElementNames"), strings({QStringLiteral("a"), QStringLiteral("b")}));
        expectRefused(in, InvalidParameter); // more names than sources

        // A target that belongs to a pair already: In Use.
        in = cloneOf({m_src2});
        in.set(QStringLiteral("TargetElements"), refs({m_small.path}));
        in.set(QStringLiteral("Mode"), Value::uint16(2));
        QCOMPARE(invoke(in).returnValue, Ok);
        in = cloneOf({m_src1});
        in.set(QStringLiteral("TargetElements"), refs({m_big.path}));
        const cim::MethodResult started = invoke(in);
        QCOMPARE(started.returnValue, JobStarted);
        // Still the replica of its pair once the copy is done.
        QTRY_COMPARE_WITH_TIMEOUT(jobOf(started)->state(), cim::JobState::Completed, 20000);
        in = cloneOf({m_src2});
        in.set(QStringLiteral("TargetElements"), refs({m_small.path}));
        expectRefused(in, InUse);
        in = cloneOf({m_src2});
        in.set(QStringLiteral("TargetElements"), refs({m_big.path}));
        expectRefused(in, InUse);
    }

    void failureHalfwayLeavesNothing()
    {
        m_storage->failCreateAfter = true;
        m_storage->createsLeft = 1; // the second target cannot be made
        expectRefused(cloneOf({m_src1, m_src2}), 4);
    }

    void synchronousModeReturnsAFinishedClone()
    {
        cim::Parameters in = cloneOf({m_src1});
        in.set(QStringLiteral("Mode"), Value::uint16(2));
        in.set(QStringLiteral("ElementNames"), strings({QStringLiteral("db copy")}));
        const Counts before = counts();
        const cim::MethodResult r = invoke(in);
        QCOMPARE(r.returnValue, Ok);
        const auto targets = r.out.value(u"TargetElements").elements();
        QCOMPARE(targets.size(), 1);
        const auto target = m_storage->volume(targets.first().toReference());
        QVERIFY(target);
        QCOMPARE(target->elementName, QStringLiteral("db copy"));
        QCOMPARE(target->poolId, QStringLiteral("pool-default"));
        QCOMPARE(m_storage->testDevice(target->deviceId)->sha256(), m_src1Sum);
        QCOMPARE(counts().files, before.files + 1);
        const SyncRecord s = syncOf(r);
        QCOMPARE(s.copyState, quint16(cim::CopyState::Synchronized));
        QCOMPARE(s.progressStatus, quint16(cim::ProgressStatus::Completed));
        QCOMPARE(s.percentSynced, quint16(100));
        QVERIFY(s.whenSynced.isValid());
        ConcreteJob *job = jobOf(r);
        QVERIFY(job);
        QCOMPARE(job->state(), cim::JobState::Completed);
        // The pair as StorageSynchronized.
        auto pairs = m_registry->enumerateInstances(QStringLiteral("CIM_StorageSynchronized"));
        QVERIFY(pairs.ok());
        QCOMPARE(pairs->size(), 1);
        const cim::Instance &p = pairs->first();
        QCOMPARE(p.property(u"SystemElement").toReference(), m_src1.path);
        QCOMPARE(p.property(u"SyncedElement").toReference(), target->path);
        QCOMPARE(p.property(u"SyncType").toUInt64(), 8u);
        QCOMPARE(p.property(u"Mode").toUInt64(), 2u);
        QCOMPARE(p.property(u"CopyState").toUInt64(), 4u);
        QCOMPARE(p.property(u"SyncMaintained").toBool(), false);
        QCOMPARE(r.out.value(u"Synchronizations").elements().first().toReference(), p.path());
        // Finished checkpoints are gone.
        QCOMPARE(counts().checkpoints, 0);
    }

    void asynchronousJobCompletes()
    {
        cim::Parameters in = cloneOf({m_src1, m_src2});
        in.set(QStringLiteral("ElementNames"), strings({QStringLiteral("first")}));
        in.set(QStringLiteral("TargetPool"),
               Value::reference(TestStorage::poolPath(QStringLiteral("pool-2"))));
        in.set(QStringLiteral("TargetSettingGoal"), Value::null(cim::CimType::Reference));
        const cim::MethodResult r = invoke(in);
        QCOMPARE(r.returnValue, JobStarted);
        ConcreteJob *job = jobOf(r);
        QVERIFY(job);
        QTRY_COMPARE_WITH_TIMEOUT(job->state(), cim::JobState::Completed, 20000);
        QCOMPARE(job->percentComplete(), quint16(100));
        const auto targets = r.out.value(u"TargetElements").elements();
        QCOMPARE(targets.size(), 2);
        const auto t1 = m_storage->volume(targets[0].toReference());
        const auto t2 = m_storage->volume(targets[1].toReference());
        QCOMPARE(t1->elementName, QStringLiteral("first"));
        QCOMPARE(t2->elementName, QStringLiteral("Clone of logs")); // system name for the rest
        QCOMPARE(t1->poolId, QStringLiteral("pool-2"));
        QCOMPARE(m_storage->testDevice(t1->deviceId)->sha256(), m_src1Sum);
        QCOMPARE(m_storage->testDevice(t2->deviceId)->sha256(), m_src2Sum);
        QCOMPARE(syncOf(r, 1).copyState, quint16(cim::CopyState::Synchronized));
        // The job links to what it made.
        auto links = m_registry->references(job->path(),
                                            {QStringLiteral("CIM_AffectedJobElement"), {}, {}, {}});
        QVERIFY(links.ok());
        QCOMPARE(links->size(), 2);
    }

    void waitForCopyState_data()
    {
        QTest::addColumn<quint16>("state");
        QTest::addColumn<bool>("finished");
        QTest::newRow("Initialized") << quint16(2) << false;
        QTest::newRow("Unsynchronized") << quint16(3) << false;
        QTest::newRow("Synchronized") << quint16(4) << true;
    }

    void waitForCopyState()
    {
        QFETCH(quint16, state);
        QFETCH(bool, finished);
        cim::Parameters in = cloneOf({m_src1});
        in.set(QStringLiteral("WaitForCopyState"), Value::uint16(state));
        in.set(
            QStringLiteral("ReplicationSettingData"),
            Value::string(settingData(cimProperty(QStringLiteral("CopyPriority"),
                                                  QStringLiteral("uint16"), QStringLiteral("1")))));
        const cim::MethodResult r = invoke(in);
        QCOMPARE(r.returnValue, Ok);
        ConcreteJob *job = jobOf(r);
        QVERIFY(job);
        QCOMPARE(job->isFinished(), finished);
        QCOMPARE(syncOf(r).copyState == quint16(cim::CopyState::Synchronized), finished);
        QTRY_COMPARE_WITH_TIMEOUT(job->state(), cim::JobState::Completed, 20000);
    }

    void consistentPointInTimeAcrossSources()
    {
        cim::Parameters in = cloneOf({m_src1, m_src2});
        in.set(QStringLiteral("Mode"), Value::uint16(2));
        in.set(QStringLiteral("ReplicationSettingData"),
               Value::string(
                   settingData(cimProperty(QStringLiteral("ConsistentPointInTime"),
                                           QStringLiteral("boolean"), QStringLiteral("true")) +
                               cimProperty(QStringLiteral("CopyPriority"), QStringLiteral("uint16"),
                                           QStringLiteral("3")))));
        const cim::MethodResult r = invoke(in);
        QCOMPARE(r.returnValue, Ok);
        QCOMPARE(syncOf(r, 0).whenSynced, syncOf(r, 1).whenSynced);
    }

    void useAndCreateTargets()
    {
        cim::Parameters in = cloneOf({m_src1, m_src2});
        in.set(QStringLiteral("Mode"), Value::uint16(2));
        in.set(QStringLiteral("TargetElements"), refs({m_big.path}));
        in.set(
            QStringLiteral("ReplicationSettingData"),
            Value::string(settingData(cimProperty(QStringLiteral("TargetElementSupplier"),
                                                  QStringLiteral("uint16"), QStringLiteral("4")))));
        const int before = m_storage->volumeCount();
        const cim::MethodResult r = invoke(in);
        QCOMPARE(r.returnValue, Ok);
        QCOMPARE(m_storage->volumeCount(), before + 1);
        const auto targets = r.out.value(u"TargetElements").elements();
        QCOMPARE(targets[0].toReference(), m_big.path);
        // The 16 MiB target holds the 8 MiB source and zeros after it.
        auto big = m_storage->testDevice(m_big.deviceId);
        QByteArray head(int(8 * MiB), '\0');
        QVERIFY(big->read(0, std::span<char>(head.data(), head.size())).ok());
        QCOMPARE(QCryptographicHash::hash(head, QCryptographicHash::Sha256), m_src1Sum);
    }

    void terminateAbortsThePair()
    {
        auto bigSource = m_storage->addVolume(QStringLiteral("huge"), 64 * MiB);
        QRandomGenerator rng(1);
        m_storage->testDevice(bigSource.deviceId)->fillRandom(0, 64 * MiB, rng);
        cim::Parameters in = cloneOf({bigSource});
        in.set(
            QStringLiteral("ReplicationSettingData"), // Low: throttled, so it is still running
            Value::string(settingData(cimProperty(QStringLiteral("CopyPriority"),
                                                  QStringLiteral("uint16"), QStringLiteral("1")))));
        const cim::MethodResult r = invoke(in);
        QCOMPARE(r.returnValue, JobStarted);
        ConcreteJob *job = jobOf(r);
        QTRY_VERIFY(job->percentComplete() > 0 ||
                    m_service->synchronizations().first().percentSynced > 0);

        cim::Parameters rsc;
        rsc.set(QStringLiteral("RequestedState"), Value::uint16(3));
        auto call = [&](const cim::Parameters &p) {
            auto f = m_client->invokeMethod({job->path(), QStringLiteral("RequestStateChange"), p});
            (void)QTest::qWaitFor([&] { return f.isFinished(); }, 10000);
            return f.result().returnValue;
        };
        QCOMPARE(call(rsc), Ok);
        QCOMPARE(syncOf(r).progressStatus, quint16(cim::ProgressStatus::Dormant));
        rsc.set(QStringLiteral("RequestedState"), Value::uint16(2));
        QCOMPARE(call(rsc), Ok);
        QCOMPARE(syncOf(r).progressStatus, quint16(cim::ProgressStatus::Synchronizing));
        rsc.set(QStringLiteral("RequestedState"), Value::uint16(4));
        QCOMPARE(call(rsc), Ok);
        QCOMPARE(job->state(), cim::JobState::Terminated);
        QCOMPARE(syncOf(r).copyState, quint16(cim::CopyState::Aborted));
        QCOMPARE(call(rsc), 4097u);
        // GetError explains.
        auto f = m_client->invokeMethod({job->path(), QStringLiteral("GetError"), {}});
        QVERIFY(QTest::qWaitFor([&] { return f.isFinished(); }));
        QVERIFY(cim::cimxml::parseInstance(f.result().out.value(u"Error").toString()).ok());
        // The source is free again, the aborted replica still belongs to its pair.
        QVERIFY(!m_service->isInUse(bigSource.deviceId));
        QVERIFY(m_service->isInUse(syncOf(r).targetDeviceId));
    }
    // The same path on a real engine: PoolManager volumes, the SQLite catalog, image files.
    void throughTheEngine()
    {
        QTemporaryDir dir;
        auto opened = Engine::open({dir.filePath(QStringLiteral("data")),
                                    dir.filePath(QStringLiteral("pool")), QStringLiteral("host")});
        QVERIFY2(opened.ok(), qPrintable(opened.error().message));
        std::unique_ptr<Engine> engine = std::move(opened).value();
        PoolManager *pools = engine->poolManager();
        auto src = pools->createVolume(pools->defaultPoolId(), QStringLiteral("db"), 8 * MiB);
        QVERIFY(src.ok());
        auto device = pools->device(src->deviceId);
        QVERIFY(device.ok());
        QByteArray data(int(2 * MiB), '\0');
        QRandomGenerator(5).fillRange(reinterpret_cast<quint32 *>(data.data()), data.size() / 4);
        QVERIFY((*device)
                    ->write(MiB, std::span<const char>(data.constData(), size_t(data.size())))
                    .ok());
        QCryptographicHash h(QCryptographicHash::Sha256);
        QByteArray all(int(8 * MiB), '\0');
        QVERIFY((*device)->read(0, std::span<char>(all.data(), size_t(all.size()))).ok());
        const QByteArray sum = QCryptographicHash::hash(all, QCryptographicHash::Sha256);

        PoolReplicaStorage paths(pools, engine->systemName());
        LocalTransport client(engine->registry());
        auto call = [&](const cim::Parameters &in) {
            auto f = client.invokeMethod(
                {engine->replication()->servicePath(), QStringLiteral("CreateListReplica"), in});
            (void)QTest::qWaitFor([&] { return f.isFinished(); }, 20000);
            return f.result();
        };
        auto state = [&] {
            return std::make_tuple(
                QDir(dir.filePath(QStringLiteral("pool"))).entryList(QDir::Files).size(),
                pools->volumes().size(), engine->syncStore()->loadSyncs()->size(),
                engine->jobStore()->loadJobs()->size());
        };
        cim::Parameters in;
        in.set(QStringLiteral("SyncType"), Value::uint16(8));
        in.set(QStringLiteral("SourceElements"), refs({paths.volumePath(src->deviceId)}));
        in.set(QStringLiteral("TargetPool"),
               Value::reference(PoolReplicaStorage::poolPath(QStringLiteral("nope"))));
        const auto before = state();
        QCOMPARE(call(in).returnValue, InvalidParameter);
        QCOMPARE(state(), before);

        in.set(QStringLiteral("TargetPool"),
               Value::reference(PoolReplicaStorage::poolPath(pools->defaultPoolId())));
        in.set(QStringLiteral("Mode"), Value::uint16(2));
        const cim::MethodResult r = call(in);
        QCOMPARE(r.returnValue, Ok);
        const QString targetId = r.out.value(u"TargetElements")
                                     .elements()
                                     .first()
                                     .toReference()
                                     .key(u"DeviceID")
                                     .toString();
        auto target = pools->device(targetId);
        QVERIFY(target.ok());
        QByteArray copy(int(8 * MiB), '\0');
        QVERIFY((*target)->read(0, std::span<char>(copy.data(), size_t(copy.size()))).ok());
        QCOMPARE(QCryptographicHash::hash(copy, QCryptographicHash::Sha256), sum);
        // Only the data was copied: the replica is as sparse as its source.
        QCOMPARE((*target)->allocatedExtents(0, 8 * MiB).value(),
                 (*device)->allocatedExtents(0, 8 * MiB).value());
        QCOMPARE(engine->syncStore()->loadSyncs()->first().copyState,
                 quint16(cim::CopyState::Synchronized));
        // A replica in a pair cannot be deleted.
        QCOMPARE(pools->deleteVolume(targetId).error().code, quint32(cim::ReturnCode::InUse));
    }
};

QTEST_GUILESS_MAIN(TestCreateListReplica)
#include "tst_createlistreplica.moc"
