// ConcreteJob state model, RequestStateChange return codes, GetError, AffectedJobElement,
// retention and recovery after a restart, through JobManager and through the provider registry.

#include "cim/cimxml.h"
#include "jobs/jobmanager.h"
#include "jobs/jobprovider.h"
#include "provider/providerregistry.h"

#include <QSignalSpy>
#include <QTest>

using namespace rd;
using namespace rd::engine;
using cim::JobState;
using cim::Value;

namespace {

template<class T>
T waitFor(QFuture<T> future, int ms = 5000)
{
    (void)QTest::qWaitFor([&] { return future.isFinished(); }, ms);
    return future.isFinished() ? future.result() : T{};
}

// Work that records what it was told; stops asynchronously when terminated, as real work does.
class FakeWork final : public JobControl
{
public:
    explicit FakeWork(ConcreteJob *job)
        : m_job(job)
    {}
    bool canSuspend() const override { return suspendable; }
    void suspend() override { ++suspends; }
    void resume() override { ++resumes; }
    void terminate() override
    {
        ++terminates;
        if (stopsOnTerminate)
            QTimer::singleShot(20, m_job, [job = m_job] { job->setTerminated(); });
    }

    bool suspendable = true;
    bool stopsOnTerminate = true;
    int suspends = 0;
    int resumes = 0;
    int terminates = 0;

private:
    ConcreteJob *m_job;
};

QList<quint16> os(std::initializer_list<cim::OperationalStatus> l)
{
    QList<quint16> r;
    for (auto s : l)
        r.append(quint16(s));
    return r;
}

quint32 request(JobManager &m, ConcreteJob *job, cim::JobRequestedState s, quint64 timeoutUs = 0)
{
    return waitFor(m.requestStateChange(job->instanceId(), quint16(s), timeoutUs)).returnValue;
}

constexpr quint32 Ok = 0;
constexpr quint32 NotSupported = 1;
constexpr quint32 Timeout = 3;
constexpr quint32 InvalidParameter = 5;
constexpr quint32 InvalidTransition = 4097;

} // namespace

class TestJobManager : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void newJobIsPersistedAndDormant()
    {
        MemoryJobStore store;
        JobManager m(&store);
        ConcreteJob *job = m.createJob(
            {QStringLiteral("test"), QStringLiteral("Clone"), QStringLiteral("my clone"), {}});
        QCOMPARE(job->state(), JobState::New);
        QCOMPARE(job->operationalStatus(), os({cim::OperationalStatus::Dormant}));
        QVERIFY(job->instanceId().startsWith(QStringLiteral("ReplicaDesk:")));
        QCOMPARE(store.loadJobs()->size(), 1);
        QCOMPARE(store.loadJobs()->first().instanceId, job->instanceId());

        const cim::Instance inst = job->toInstance();
        QCOMPARE(inst.property(u"JobState").toUInt64(), 2u);
        QCOMPARE(inst.property(u"ElementName").toString(), QStringLiteral("my clone"));
        QCOMPARE(inst.property(u"DeleteOnCompletion").toBool(), true);
        // CIM's default TimeBeforeRemoval: 5 minutes.
        QCOMPARE(inst.property(u"TimeBeforeRemoval").toDateTime().intervalMicroseconds(),
                 quint64(300) * 1000 * 1000);
        QVERIFY(inst.property(u"TimeSubmitted").toDateTime().isTimestamp());
        QVERIFY(inst.property(u"StartTime").isNull());
        QCOMPARE(inst.path(), ConcreteJob::pathFor(job->instanceId()));
    }

    void everyRequestedTransition()
    {
        MemoryJobStore store;
        JobManager m(&store);
        ConcreteJob *job = m.createJob({QStringLiteral("test"), {}, {}, {}});
        FakeWork work(job);
        job->setControl(&work);
        using R = cim::JobRequestedState;

        // New: Suspend is not a transition from New; Start is.
        QCOMPARE(request(m, job, R::Suspend), InvalidTransition);
        QCOMPARE(request(m, job, R::Start), Ok);
        QCOMPARE(job->state(), JobState::Running);
        QCOMPARE(job->operationalStatus(), os({cim::OperationalStatus::OK}));
        QVERIFY(job->record().startTime.isValid());
        QCOMPARE(work.resumes, 1);

        QCOMPARE(request(m, job, R::Start), InvalidTransition); // already running
        QCOMPARE(request(m, job, R::Suspend), Ok);
        QCOMPARE(job->state(), JobState::Suspended);
        QCOMPARE(job->operationalStatus(), os({cim::OperationalStatus::Stopped}));
        QCOMPARE(work.suspends, 1);
        QCOMPARE(store.loadJobs()->first().state, quint16(JobState::Suspended));
        QCOMPARE(request(m, job, R::Suspend), InvalidTransition); // already suspended
        QCOMPARE(request(m, job, R::Start), Ok);
        QCOMPARE(job->state(), JobState::Running);
        QCOMPARE(work.resumes, 2);

        QCOMPARE(request(m, job, R::Service), NotSupported);
        QCOMPARE(waitFor(m.requestStateChange(job->instanceId(), 1)).returnValue, InvalidParameter);
        QCOMPARE(waitFor(m.requestStateChange(job->instanceId(), 7)).returnValue, InvalidParameter);
        QCOMPARE(waitFor(m.requestStateChange(job->instanceId(), 0x8000)).returnValue,
                 InvalidParameter);
        QCOMPARE(waitFor(m.requestStateChange(QStringLiteral("nope"), 2)).returnValue,
                 InvalidParameter);

        // Terminate answers once the work has stopped.
        auto future = m.requestStateChange(job->instanceId(), quint16(R::Terminate));
        QCOMPARE(job->state(), JobState::ShuttingDown);
        QCOMPARE(job->operationalStatus(), os({cim::OperationalStatus::Stopping}));
        QCOMPARE(request(m, job, R::Terminate), InvalidTransition); // already shutting down
        QCOMPARE(waitFor(future).returnValue, Ok);
        QCOMPARE(job->state(), JobState::Terminated);
        QCOMPARE(job->operationalStatus(),
                 os({cim::OperationalStatus::Stopped, cim::OperationalStatus::Aborted}));
        QCOMPARE(work.terminates, 1);

        // A finished job accepts nothing.
        for (R r : {R::Start, R::Suspend, R::Terminate, R::Kill})
            QCOMPARE(request(m, job, r), InvalidTransition);
        QCOMPARE(store.loadJobs()->first().state, quint16(JobState::Terminated));
    }

    void suspendedJobCanBeTerminatedOrKilled()
    {
        JobManager m(nullptr);
        using R = cim::JobRequestedState;
        ConcreteJob *a = m.createJob({QStringLiteral("test"), {}, {}, {}});
        FakeWork wa(a);
        a->setControl(&wa);
        a->setRunning();
        QCOMPARE(request(m, a, R::Suspend), Ok);
        QCOMPARE(request(m, a, R::Terminate), Ok);
        QCOMPARE(a->state(), JobState::Terminated);

        ConcreteJob *b = m.createJob({QStringLiteral("test"), {}, {}, {}});
        FakeWork wb(b);
        b->setControl(&wb);
        b->setRunning();
        QCOMPARE(request(m, b, R::Kill), Ok);
        QCOMPARE(b->state(), JobState::Killed);

        // Without work behind it a New job terminates at once.
        ConcreteJob *c = m.createJob({QStringLiteral("test"), {}, {}, {}});
        QCOMPARE(request(m, c, R::Terminate), Ok);
        QCOMPARE(c->state(), JobState::Terminated);
    }

    void suspendNotSupportedAndTimeout()
    {
        JobManager m(nullptr);
        using R = cim::JobRequestedState;
        ConcreteJob *job = m.createJob({QStringLiteral("test"), {}, {}, {}});
        FakeWork work(job);
        work.suspendable = false;
        work.stopsOnTerminate = false;
        job->setControl(&work);
        job->setRunning();
        QCOMPARE(request(m, job, R::Suspend), NotSupported);
        QCOMPARE(job->state(), JobState::Running);
        // TimeoutPeriod passes before the work stops: 3, and the job keeps shutting down.
        QCOMPARE(request(m, job, R::Terminate, 50 * 1000), Timeout);
        QCOMPARE(job->state(), JobState::ShuttingDown);
        QVERIFY(job->setTerminated());
        QCOMPARE(job->state(), JobState::Terminated);
    }

    void workDrivenEnds()
    {
        JobManager m(nullptr);
        QSignalSpy finished(&m, &JobManager::jobFinished);
        ConcreteJob *ok = m.createJob({QStringLiteral("test"), {}, {}, {}});
        QVERIFY(ok->setRunning());
        ok->setPercentComplete(42);
        QCOMPARE(ok->toInstance().property(u"PercentComplete").toUInt64(), 42u);
        QVERIFY(ok->setCompleted());
        QCOMPARE(ok->state(), JobState::Completed);
        QCOMPARE(ok->percentComplete(), quint16(100));
        QCOMPARE(ok->operationalStatus(),
                 os({cim::OperationalStatus::Completed, cim::OperationalStatus::OK}));
        QVERIFY(!ok->setFailed({})); // final states have no way out
        QVERIFY(!ok->setRunning());
        QVERIFY(!ok->setTerminated());

        ConcreteJob *bad = m.createJob({QStringLiteral("test"), {}, {}, {}});
        QVERIFY(bad->setRunning());
        QVERIFY(bad->setSuspended());
        QVERIFY(!bad->setCompleted()); // must run again before it can complete
        QVERIFY(bad->setFailed({4, QStringLiteral("disk on fire"), JobErrorType::Hardware}));
        QCOMPARE(bad->state(), JobState::Exception);
        QCOMPARE(bad->operationalStatus(),
                 os({cim::OperationalStatus::Completed, cim::OperationalStatus::Error}));
        const cim::Instance inst = bad->toInstance();
        QCOMPARE(inst.property(u"ErrorCode").toUInt64(), 4u);
        QCOMPARE(inst.property(u"ErrorDescription").toString(), QStringLiteral("disk on fire"));
        QVERIFY(inst.property(u"ElapsedTime").toDateTime().isInterval());
        QCOMPARE(finished.size(), 2);
    }

    void getErrorThroughTheRegistry()
    {
        JobManager m(nullptr);
        ProviderRegistry registry;
        QVERIFY(registry.addProvider(std::make_shared<JobProvider>(&m)));
        ConcreteJob *running = m.createJob({QStringLiteral("test"), {}, {}, {}});
        running->setRunning();
        ConcreteJob *failed = m.createJob({QStringLiteral("test"), {}, {}, {}});
        failed->setRunning();
        failed->setFailed(
            {4, QStringLiteral("the target filled up"), JobErrorType::Oversubscription});

        auto getError = [&](ConcreteJob *job) {
            cim::ObjectPath target = job->path();
            target.setKey(QStringLiteral("InstanceID"), Value::string(job->instanceId()));
            return waitFor(registry.invokeMethod({target, QStringLiteral("GetError"), {}}));
        };
        const cim::MethodResult none = getError(running);
        QCOMPARE(none.returnValue, Ok);
        QVERIFY(none.out.value(u"Error").isNull()); // OK jobs have no error

        const cim::MethodResult r = getError(failed);
        QCOMPARE(r.returnValue, Ok);
        auto error = cim::cimxml::parseInstance(r.out.value(u"Error").toString());
        QVERIFY2(error.ok(), qPrintable(error.error().message));
        QCOMPARE(error->className(), QStringLiteral("CIM_Error"));
        QCOMPARE(error->property(u"ErrorType").toUInt64(), quint64(JobErrorType::Oversubscription));
        QCOMPARE(error->property(u"PerceivedSeverity").toUInt64(), 5u); // Major
        QCOMPARE(error->property(u"Message").toString(), QStringLiteral("the target filled up"));
        QCOMPARE(error->property(u"MessageID").toString(), QStringLiteral("RD-JOB-4"));
        QCOMPARE(error->property(u"CIMStatusCode").toUInt64(), 1u);
        QCOMPARE(error->property(u"OwningEntity").toString(), QStringLiteral("ReplicaDesk"));

        // The alias reaches the same class; RequestStateChange is checked against its signature.
        cim::ObjectPath alias = running->path();
        alias = cim::ObjectPath(alias.nameSpace(), QStringLiteral("CIM_ConcreteJob"), alias.keys());
        auto missing =
            waitFor(registry.invokeMethod({alias, QStringLiteral("RequestStateChange"), {}}));
        QCOMPARE(missing.returnValue, InvalidParameter); // RequestedState is required
        cim::Parameters in;
        in.set(QStringLiteral("RequestedState"), Value::uint16(3));
        auto suspended =
            waitFor(registry.invokeMethod({alias, QStringLiteral("RequestStateChange"), in}));
        QCOMPARE(suspended.returnValue, NotSupported); // no work behind it that can pause
        in.set(QStringLiteral("RequestedState"), Value::uint16(4));
        in.set(QStringLiteral("TimeoutPeriod"),
               Value::dateTime(cim::DateTime::timestamp(QDateTime::currentDateTimeUtc())));
        auto badTimeout =
            waitFor(registry.invokeMethod({alias, QStringLiteral("RequestStateChange"), in}));
        QCOMPARE(badTimeout.returnValue, InvalidParameter); // a point in time, not an interval
        in.set(QStringLiteral("TimeoutPeriod"), Value::dateTime(cim::DateTime::interval(1000000)));
        auto terminated =
            waitFor(registry.invokeMethod({alias, QStringLiteral("RequestStateChange"), in}));
        QCOMPARE(terminated.returnValue, Ok);
        auto stopped = cim::cimxml::parseInstance(getError(running).out.value(u"Error").toString());
        QVERIFY(stopped.ok());
        QCOMPARE(stopped->property(u"PerceivedSeverity").toUInt64(), 2u); // Information

        auto jobs = registry.enumerateInstances(QStringLiteral("CIM_ConcreteJob"));
        QVERIFY(jobs.ok());
        QCOMPARE(jobs->size(), 2);
        auto one = registry.getInstance(failed->path());
        QVERIFY(one.ok());
        QCOMPARE(one->property(u"JobState").toUInt64(), quint64(JobState::Exception));
    }

    void affectedJobElement()
    {
        JobManager m(nullptr);
        ProviderRegistry registry;
        QVERIFY(registry.addProvider(std::make_shared<JobProvider>(&m)));
        ConcreteJob *job = m.createJob({QStringLiteral("test"), {}, {}, {}});
        const cim::ObjectPath volume(
            ProviderRegistry::defaultNameSpace(), QStringLiteral("MSISCSITARGET_StorageVolume"),
            {{QStringLiteral("DeviceID"), Value::string(QStringLiteral("v1"))}});
        job->addAffectedElement(volume);
        job->addAffectedElement(volume); // once only
        auto links = registry.enumerateInstances(QStringLiteral("CIM_AffectedJobElement"));
        QVERIFY(links.ok());
        QCOMPARE(links->size(), 1);
        QCOMPARE(links->first().property(u"AffectingElement").toReference(), job->path());
        QCOMPARE(links->first().property(u"AffectedElement").toReference(), volume);
    }

    void retention()
    {
        MemoryJobStore store;
        JobManager m(&store);
        QSignalSpy removed(&m, &JobManager::jobRemoved);
        NewJob spec{QStringLiteral("test"), {}, {}, {}};
        spec.timeBeforeRemovalUs = 200 * 1000;
        ConcreteJob *gone = m.createJob(spec);
        spec.deleteOnCompletion = false;
        ConcreteJob *kept = m.createJob(spec);
        const QString goneId = gone->instanceId();
        const QString keptId = kept->instanceId();

        QCOMPARE(m.removeJob(keptId).error().code, quint32(cim::ReturnCode::InUse)); // running
        gone->setRunning();
        gone->setCompleted();
        kept->setRunning();
        kept->setCompleted();
        QVERIFY(m.job(goneId)); // still there within TimeBeforeRemoval
        QTRY_COMPARE_WITH_TIMEOUT(removed.size(), 1, 3000);
        QCOMPARE(removed.first().first().toString(), goneId);
        QVERIFY(!m.job(goneId));
        QCOMPARE(store.loadJobs()->size(), 1);
        QTest::qWait(300);
        QVERIFY(m.job(keptId)); // DeleteOnCompletion false: kept until deleted
        QVERIFY(m.removeJob(keptId).ok());
        QTRY_VERIFY(!m.job(keptId));
        QCOMPARE(store.loadJobs()->size(), 0);
    }

    void recoveryResumesOrFailsWithAReason()
    {
        MemoryJobStore store;
        QString resumedId, failedId, unknownId, doneId;
        {
            JobManager before(&store);
            ConcreteJob *a = before.createJob({QStringLiteral("resumable"), {}, {}, "p1"});
            a->setRunning();
            a->setPercentComplete(30);
            a->setCheckpoint("cp");
            ConcreteJob *b = before.createJob({QStringLiteral("broken"), {}, {}, {}});
            b->setRunning();
            ConcreteJob *c = before.createJob({QStringLiteral("unknown"), {}, {}, {}});
            c->setRunning();
            c->setSuspended();
            ConcreteJob *d = before.createJob({QStringLiteral("resumable"), {}, {}, {}});
            d->setRunning();
            d->setCompleted();
            before.flush();
            resumedId = a->instanceId();
            failedId = b->instanceId();
            unknownId = c->instanceId();
            doneId = d->instanceId();
            // The "crash": the manager goes away without finishing anything.
        }
        JobManager after(&store);
        FakeWork *work = nullptr;
        after.setResumer(QStringLiteral("resumable"), [&](ConcreteJob *job) -> cim::Result<void> {
            if (job->record().parameters != "p1" || job->record().checkpoint != "cp")
                return cim::Error(cim::ReturnCode::Failed, QStringLiteral("wrong record"));
            work = new FakeWork(job);
            job->setControl(work);
            return {};
        });
        after.setResumer(QStringLiteral("broken"), [](ConcreteJob *) -> cim::Result<void> {
            return cim::Error(cim::ReturnCode::Failed, QStringLiteral("the source is gone"));
        });
        QVERIFY(after.recover().ok());
        QCOMPARE(after.jobs().size(), 4);

        ConcreteJob *a = after.job(resumedId);
        QCOMPARE(a->state(), JobState::Running);
        QCOMPARE(a->percentComplete(), quint16(30));
        QVERIFY(work);
        QCOMPARE(a->control(), work);

        ConcreteJob *b = after.job(failedId);
        QCOMPARE(b->state(), JobState::Exception);
        QVERIFY(b->error()->message.contains(QStringLiteral("the source is gone")));

        ConcreteJob *c = after.job(unknownId);
        QCOMPARE(c->state(), JobState::Exception);
        QVERIFY(!c->error()->message.isEmpty());

        QCOMPARE(after.job(doneId)->state(), JobState::Completed);
        // The outcome is persisted at once.
        for (const JobRecord &r : store.loadJobs().value()) {
            if (r.instanceId == failedId)
                QCOMPARE(r.state, quint16(JobState::Exception));
        }
        a->setControl(nullptr);
        delete work;
    }
};

QTEST_GUILESS_MAIN(TestJobManager)
#include "tst_jobmanager.moc"
