// The job contract: ConcreteJob::whenFinished() for every way a job ends (and for a job destroyed
// first), answerWhenFinished's method answers, and EngineJob steering a ConcreteJob through
// JobManager's RequestStateChange as the engine's work does.

#include "jobs/enginejob.h"
#include "jobs/jobanswer.h"
#include "jobs/jobmanager.h"
#include "testsupport.h"

#include <QTest>
#include <QTimer>

using namespace rd;
using namespace rd::engine;
using cim::JobState;
using rd::test::await;

namespace {

// Work that stops later, as a copy stopping at a chunk boundary does; records what it was told.
class StepWork final : public EngineJob
{
public:
    explicit StepWork(ConcreteJob *job)
        : EngineJob(job)
    {}
    using EngineJob::emitError;
    using EngineJob::emitResult;
    using EngineJob::emitStopped;
    using EngineJob::setProgress;
    using EngineJob::setSuspendable;

    bool startedPaused = false;
    int starts = 0;
    int suspends = 0;
    int resumes = 0;
    int kills = 0;
    bool stopsAtOnce = false;

protected:
    void doStart() override
    {
        ++starts;
        startedPaused = isSuspended();
    }
    void doSuspend() override { ++suspends; }
    void doResume() override { ++resumes; }
    bool doKill() override
    {
        ++kills;
        if (stopsAtOnce)
            return true;
        QTimer::singleShot(20, job(), [this] { emitStopped(); });
        return false;
    }
};

ConcreteJob *newJob(JobManager &m)
{
    return m.createJob({QStringLiteral("test"), QStringLiteral("Work"), {}, {}});
}

quint32 request(JobManager &m, ConcreteJob *job, cim::JobRequestedState s)
{
    auto r = await(m.requestStateChange(job->instanceId(), quint16(s)), 5000);
    return r ? r->returnValue : 0xFFFFFFFF;
}

} // namespace

class TestConcreteJob : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void futureCompletesWhenTheJobCompletes()
    {
        JobManager m(nullptr);
        ConcreteJob *job = newJob(m);
        QFuture<JobOutcome> first = job->whenFinished();
        QFuture<JobOutcome> second = job->whenFinished();
        QVERIFY(!first.isFinished());
        job->setRunning();
        QVERIFY(!first.isFinished()); // Running is not an end
        job->setCompleted();
        QVERIFY(first.isFinished());
        QCOMPARE(first.result().state, JobState::Completed);
        QVERIFY(first.result().completed());
        QVERIFY(!first.result().error);
        // Each caller has a future of its own, each fulfilled.
        QVERIFY(second.isFinished());
        QCOMPARE(second.result().state, JobState::Completed);
    }

    void futureCompletesWhenTheJobIsTerminatedOrKilled()
    {
        JobManager m(nullptr);
        ConcreteJob *terminated = newJob(m);
        QFuture<JobOutcome> t = terminated->whenFinished();
        terminated->setRunning();
        terminated->setShuttingDown();
        QVERIFY(!t.isFinished());
        terminated->setTerminated();
        QVERIFY(t.isFinished());
        QCOMPARE(t.result().state, JobState::Terminated);
        QVERIFY(!t.result().completed());

        ConcreteJob *killed = newJob(m);
        QFuture<JobOutcome> k = killed->whenFinished();
        killed->markKillRequested();
        killed->setTerminated();
        QCOMPARE(k.result().state, JobState::Killed);
    }

    void futureCarriesTheErrorOfAnException()
    {
        JobManager m(nullptr);
        ConcreteJob *job = newJob(m);
        QFuture<JobOutcome> f = job->whenFinished();
        job->setRunning();
        job->setFailed({quint32(cim::ReturnCode::Failed), QStringLiteral("disk gone"),
                        JobErrorType::Hardware});
        QVERIFY(f.isFinished());
        QCOMPARE(f.result().state, JobState::Exception);
        QVERIFY(f.result().error);
        QCOMPARE(f.result().error->message, QStringLiteral("disk gone"));
        QCOMPARE(f.result().error->type, JobErrorType::Hardware);
        // Fulfilled once: the final state has no way out, a later setter changes nothing.
        QVERIFY(!job->setCompleted());
        QCOMPARE(f.resultCount(), 1);
    }

    void futureIsReadyAtOnceForAFinishedJob()
    {
        JobManager m(nullptr);
        ConcreteJob *job = newJob(m);
        job->setCompleted();
        QFuture<JobOutcome> f = job->whenFinished();
        QVERIFY(f.isFinished());
        QCOMPARE(f.result().state, JobState::Completed);
    }

    void futureCompletesWhenTheJobIsDestroyedFirst()
    {
        auto *job = new ConcreteJob(JobRecord{});
        QFuture<JobOutcome> f = job->whenFinished();
        QFuture<int> then = f.then([](const JobOutcome &o) { return o.state ? 1 : 2; });
        delete job;
        QVERIFY(f.isFinished());
        QVERIFY(!f.isCanceled());
        QVERIFY(!f.result().state);
        QCOMPARE(await(then, 1000).value_or(0), 2);
    }

    void continuationRunsAfterTheManagerSawTheEnd()
    {
        // A waiter may rely on the job's end being persisted and its control gone.
        MemoryJobStore store;
        JobManager m(&store);
        ConcreteJob *job = newJob(m);
        StepWork work(job);
        job->setRunning();
        quint16 persisted = 0;
        bool controlGone = false;
        job->whenFinished().then(QtFuture::Launch::Sync, [&](const JobOutcome &) {
            persisted = store.loadJobs()->first().state;
            controlGone = job->control() == nullptr;
        });
        job->setCompleted();
        QCOMPARE(persisted, quint16(JobState::Completed));
        QVERIFY(controlGone);
    }

    void answerWhenFinishedAnswersEachEnd()
    {
        JobManager m(nullptr);
        cim::MethodResult prepared;
        prepared.out.set(QStringLiteral("Job"), cim::Value::string(QStringLiteral("x")));
        const QString stopped = QStringLiteral("stopped first");

        ConcreteJob *ok = newJob(m);
        auto a = answerWhenFinished(ok, prepared, stopped);
        QVERIFY(!a.isFinished());
        ok->setRunning();
        ok->setCompleted();
        QCOMPARE(await(a, 1000)->returnValue, quint32(cim::ReturnCode::Completed));
        QCOMPARE(a.result().out.value(u"Job").toString(), QStringLiteral("x"));
        QVERIFY(a.result().message.isEmpty());

        ConcreteJob *failed = newJob(m);
        failed->setFailed({quint32(cim::ReturnCode::Failed), QStringLiteral("no space")});
        auto b = answerWhenFinished(failed, prepared, stopped);
        QVERIFY(b.isFinished()); // ended already
        QCOMPARE(b.result().returnValue, quint32(cim::ReturnCode::Failed));
        QCOMPARE(b.result().message, QStringLiteral("no space"));

        ConcreteJob *terminated = newJob(m);
        auto c = answerWhenFinished(terminated, prepared, stopped);
        terminated->setTerminated();
        QCOMPARE(await(c, 1000)->returnValue, quint32(cim::ReturnCode::Failed));
        QCOMPARE(c.result().message, stopped);

        auto *gone = new ConcreteJob(JobRecord{});
        auto d = answerWhenFinished(gone, prepared, stopped);
        delete gone;
        QCOMPARE(await(d, 1000)->returnValue, quint32(cim::ReturnCode::Failed));
        QCOMPARE(d.result().message, stopped);
    }

    void engineJobIsSteeredThroughRequestStateChange()
    {
        MemoryJobStore store;
        JobManager m(&store);
        ConcreteJob *job = newJob(m);
        StepWork work(job);
        QCOMPARE(job->control(), &work);
        work.start();
        QCOMPARE(job->state(), JobState::Running);
        QCOMPARE(work.starts, 1);
        QVERIFY(!work.startedPaused);

        using R = cim::JobRequestedState;
        QCOMPARE(request(m, job, R::Suspend), 0u);
        QCOMPARE(job->state(), JobState::Suspended);
        QCOMPARE(work.suspends, 1);
        QCOMPARE(request(m, job, R::Start), 0u);
        QCOMPARE(job->state(), JobState::Running);
        QCOMPARE(work.resumes, 1);

        work.setProgress(50, 100);
        QCOMPARE(job->percentComplete(), quint16(50));
        work.setProgress(100, 100);
        QCOMPARE(job->percentComplete(), quint16(99)); // 100 only with the result

        // Terminate answers once the work has stopped (emitStopped, 20 ms later).
        QCOMPARE(request(m, job, R::Terminate), 0u);
        QCOMPARE(work.kills, 1);
        QCOMPARE(job->state(), JobState::Terminated);
        QVERIFY(work.isFinished());
        QCOMPARE(job->control(), nullptr);
        work.emitResult(); // once: later results are ignored
        QCOMPARE(job->state(), JobState::Terminated);
    }

    void engineJobResults()
    {
        JobManager m(nullptr);
        using R = cim::JobRequestedState;

        // Completed from Suspended goes through Running (work that finished while paused).
        ConcreteJob *paused = newJob(m);
        StepWork a(paused);
        a.start();
        QCOMPARE(request(m, paused, R::Suspend), 0u);
        QFuture<JobOutcome> end = paused->whenFinished();
        a.emitResult();
        QCOMPARE(end.result().state, JobState::Completed);
        QCOMPARE(paused->percentComplete(), quint16(100));

        ConcreteJob *failing = newJob(m);
        StepWork b(failing);
        b.start();
        b.emitError({quint32(cim::ReturnCode::Failed), QStringLiteral("read error"),
                     JobErrorType::Hardware});
        QCOMPARE(failing->state(), JobState::Exception);
        QCOMPARE(failing->error()->message, QStringLiteral("read error"));

        // Kill of work that stops at once: Killed without a later call.
        ConcreteJob *killed = newJob(m);
        StepWork c(killed);
        c.stopsAtOnce = true;
        c.start();
        QCOMPARE(request(m, killed, R::Kill), 0u);
        QCOMPARE(killed->state(), JobState::Killed);

        // Work asked to stop that completes anyway has stopped.
        ConcreteJob *late = newJob(m);
        StepWork d(late);
        d.start();
        auto answer = m.requestStateChange(late->instanceId(), quint16(R::Terminate));
        d.emitResult();
        QCOMPARE(late->state(), JobState::Terminated);
        QCOMPARE(await(answer, 1000)->returnValue, 0u);

        // Work that cannot pause refuses Suspend (1, Not Supported) and keeps running.
        ConcreteJob *steady = newJob(m);
        StepWork e(steady);
        e.setSuspendable(false);
        e.start();
        QCOMPARE(request(m, steady, R::Suspend), 1u);
        QCOMPARE(steady->state(), JobState::Running);
        QCOMPARE(e.suspends, 0);
    }

    void engineJobBroughtBackAfterARestart()
    {
        // A job persisted Suspended starts its work paused and stays Suspended; one persisted
        // ShuttingDown finishes stopping.
        MemoryJobStore store;
        JobRecord suspended;
        suspended.instanceId = QStringLiteral("ReplicaDesk:job-s");
        suspended.kind = QStringLiteral("test");
        suspended.state = quint16(JobState::Suspended);
        JobRecord stopping = suspended;
        stopping.instanceId = QStringLiteral("ReplicaDesk:job-t");
        stopping.state = quint16(JobState::ShuttingDown);
        QVERIFY(store.saveJob(suspended));
        QVERIFY(store.saveJob(stopping));

        JobManager m(&store);
        std::vector<std::unique_ptr<StepWork>> works;
        m.setResumer(QStringLiteral("test"), [&works](ConcreteJob *job) -> cim::Result<void> {
            works.push_back(std::make_unique<StepWork>(job));
            works.back()->stopsAtOnce = true;
            works.back()->start();
            return {};
        });
        QVERIFY(m.recover());
        ConcreteJob *s = m.job(suspended.instanceId);
        ConcreteJob *t = m.job(stopping.instanceId);
        QCOMPARE(s->state(), JobState::Suspended);
        QCOMPARE(t->state(), JobState::Terminated);
        for (const auto &w : works) {
            if (w->job() == s) {
                QCOMPARE(w->starts, 1);
                QVERIFY(w->startedPaused);
            } else {
                QCOMPARE(w->starts, 0);
                QCOMPARE(w->kills, 1);
            }
        }
        QCOMPARE(request(m, s, cim::JobRequestedState::Start), 0u);
        QCOMPARE(s->state(), JobState::Running);
    }

    void engineJobLetsGoOfItsJobWhenDestroyed()
    {
        JobManager m(nullptr);
        ConcreteJob *job = newJob(m);
        {
            StepWork work(job);
            work.start();
            QCOMPARE(job->control(), &work);
        }
        // An engine stop: the job stays as it was, for the next engine to resume.
        QCOMPARE(job->control(), nullptr);
        QCOMPARE(job->state(), JobState::Running);
    }
};

QTEST_GUILESS_MAIN(TestConcreteJob)
#include "tst_concretejob.moc"
