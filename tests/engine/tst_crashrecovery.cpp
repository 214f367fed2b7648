// A child engine is SIGKILLed in the middle of a clone while its source is being written; a new
// engine on the same data directory resumes the job to completion (the replica equals the source
// as it was when the clone was accepted), or, when the checkpoint is gone, fails it with a reason.

#include "engine.h"
#include "jobs/jobmanager.h"
#include "jobs/jobprovider.h"
#include "replication/replicationservice.h"
#include "storage/poolmanager.h"

#include <QCryptographicHash>
#include <QDir>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace rd;
using namespace rd::engine;

namespace {
struct Child
{
    QString sourceId;
    QByteArray sourceSum; // hex, at accept
    QString jobId;
    QString targetId;
    int lastProgress = -1;
    bool suspended = false;
};

QByteArray sha256(BlockDevice &d)
{
    QCryptographicHash h(QCryptographicHash::Sha256);
    QByteArray buf(1 << 20, '\0');
    for (quint64 off = 0; off < d.size(); off += quint64(buf.size())) {
        if (!d.read(off, std::span<char>(buf.data(), size_t(buf.size()))))
            return {};
        h.addData(buf);
    }
    return h.result().toHex();
}

const SyncRecord *syncFor(const ReplicationService *r, const QString &jobId,
                          QList<SyncRecord> &keep)
{
    keep = r->synchronizations();
    for (const SyncRecord &s : keep) {
        if (s.jobId == jobId)
            return &s;
    }
    return nullptr;
}
} // namespace

class TestCrashRecovery : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString data() const { return m_dir.filePath(QStringLiteral("data")); }
    QString pool() const { return m_dir.filePath(QStringLiteral("pool")); }

    // Runs the child until it has copied killAt percent (and suspended, if asked), then kills it.
    bool runAndKill(Child &c, int killAt, int suspendAt = -1)
    {
        QProcess p;
        QStringList args{data(), pool(), QStringLiteral("48")};
        if (suspendAt >= 0)
            args << QStringLiteral("suspend-at") << QString::number(suspendAt);
        p.start(QStringLiteral(RD_TEST_ENGINE_CHILD), args);
        if (!p.waitForStarted())
            return false;
        QElapsedTimer timer;
        timer.start();
        QByteArray pending;
        while (timer.elapsed() < 30000) {
            p.waitForReadyRead(100);
            pending += p.readAllStandardOutput();
            qsizetype nl;
            while ((nl = pending.indexOf('\n')) >= 0) {
                const QList<QByteArray> f = pending.left(nl).split(' ');
                pending.remove(0, nl + 1);
                if (f[0] == "ERROR") {
                    qWarning("child: %s", f.join(' ').constData());
                    p.kill();
                    p.waitForFinished();
                    return false;
                }
                if (f[0] == "SOURCE") {
                    c.sourceId = QString::fromLatin1(f[1]);
                    c.sourceSum = f[2];
                } else if (f[0] == "JOB") {
                    c.jobId = QString::fromLatin1(f[1]);
                } else if (f[0] == "TARGET") {
                    c.targetId = QString::fromLatin1(f[1]);
                } else if (f[0] == "SUSPENDED") {
                    c.suspended = true;
                } else if (f[0] == "PROGRESS") {
                    c.lastProgress = f[1].toInt();
                }
            }
            const bool ready = c.lastProgress >= killAt && (suspendAt < 0 || c.suspended);
            if (ready) {
                p.kill(); // SIGKILL: no destructor, no flush, no goodbye
                p.waitForFinished();
                return p.exitStatus() == QProcess::CrashExit && c.lastProgress < 100;
            }
            if (p.state() == QProcess::NotRunning)
                return false;
        }
        p.kill();
        p.waitForFinished();
        return false;
    }

    std::unique_ptr<Engine> reopen()
    {
        auto e = Engine::open({data(), pool(), QStringLiteral("child-host")});
        if (!e) {
            qWarning("reopen: %s", qPrintable(e.error().message));
            return nullptr;
        }
        return std::move(e).value();
    }

    void cleanDirs()
    {
        QDir(data()).removeRecursively();
        QDir(pool()).removeRecursively();
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }
    void init() { cleanDirs(); }

    void resumedCloneCompletesAtItsPointInTime()
    {
        Child c;
        QVERIFY(runAndKill(c, 20));
        QVERIFY(!c.jobId.isEmpty());

        auto engine = reopen();
        QVERIFY(engine);
        ConcreteJob *job = engine->jobManager()->job(c.jobId);
        QVERIFY2(job, "the job was lost");
        QVERIFY2(!job->isFinished() || job->state() == cim::JobState::Completed,
                 qPrintable(job->record().errorDescription));
        QTRY_COMPARE_WITH_TIMEOUT(job->state(), cim::JobState::Completed, 30000);

        auto target = engine->poolManager()->device(c.targetId);
        QVERIFY(target.ok());
        QCOMPARE(sha256(*target.value()), c.sourceSum);
        auto source = engine->poolManager()->device(c.sourceId);
        QVERIFY(sha256(*source.value()) != c.sourceSum); // the child did write to it
        QList<SyncRecord> keep;
        const SyncRecord *s = syncFor(engine->replication(), c.jobId, keep);
        QVERIFY(s);
        QCOMPARE(s->copyState, quint16(cim::CopyState::Synchronized));
        QVERIFY(QDir(data() + QStringLiteral("/checkpoints")).entryList(QDir::Files).isEmpty());

        // And it stays completed across another restart.
        engine.reset();
        engine = reopen();
        QVERIFY(engine);
        QCOMPARE(engine->jobManager()->job(c.jobId)->state(), cim::JobState::Completed);
    }

    void suspendedCloneComesBackSuspended()
    {
        Child c;
        QVERIFY(runAndKill(c, 10, 10));
        auto engine = reopen();
        QVERIFY(engine);
        ConcreteJob *job = engine->jobManager()->job(c.jobId);
        QVERIFY(job);
        QCOMPARE(job->state(), cim::JobState::Suspended);
        // It shows how far it got, not 0 %: the copied chunks are in its checkpoint.
        QVERIFY2(job->record().percentComplete >= 10,
                 qPrintable(QString::number(job->record().percentComplete)));
        QList<SyncRecord> keep;
        QCOMPARE(syncFor(engine->replication(), c.jobId, keep)->progressStatus,
                 quint16(cim::ProgressStatus::Dormant));
        QTest::qWait(300);
        QCOMPARE(job->state(), cim::JobState::Suspended);
        auto f = engine->jobManager()->requestStateChange(c.jobId,
                                                          quint16(cim::JobRequestedState::Start));
        QVERIFY(f.isFinished());
        QCOMPARE(f.result().returnValue, 0u);
        QTRY_COMPARE_WITH_TIMEOUT(job->state(), cim::JobState::Completed, 30000);
        auto target = engine->poolManager()->device(c.targetId);
        QCOMPARE(sha256(*target.value()), c.sourceSum);
    }

    void lostCheckpointFailsWithAReason()
    {
        Child c;
        QVERIFY(runAndKill(c, 20));
        QDir checkpoints(data() + QStringLiteral("/checkpoints"));
        const QStringList maps = checkpoints.entryList(QDir::Files);
        QCOMPARE(maps.size(), 1);
        QVERIFY(checkpoints.remove(maps.first()));

        auto engine = reopen();
        QVERIFY(engine);
        ConcreteJob *job = engine->jobManager()->job(c.jobId);
        QVERIFY(job);
        QCOMPARE(job->state(), cim::JobState::Exception);
        QVERIFY2(job->error()->message.contains(QStringLiteral("checkpoint")),
                 qPrintable(job->error()->message));
        const auto error = JobProvider::errorInstance(*job);
        QVERIFY(error);
        QVERIFY(!error->property(u"Message").toString().isEmpty());
        QList<SyncRecord> keep;
        QCOMPARE(syncFor(engine->replication(), c.jobId, keep)->copyState,
                 quint16(cim::CopyState::Broken));
        // The broken replica still belongs to its pair; the source is free.
        QVERIFY(engine->replication()->isInUse(c.targetId));
        QVERIFY(!engine->replication()->isInUse(c.sourceId));
    }
};

QTEST_GUILESS_MAIN(TestCrashRecovery)
#include "tst_crashrecovery.moc"
