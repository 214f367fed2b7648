// The clone copier on real sparse files: the target equals the source at the point in time even
// while another thread writes to the source; holes stay holes; cancel, suspend/resume; progress is
// sampled; a copy stopped mid-way resumes from its checkpoint.

#include "testfiledevice.h"

#include "replication/clonecopier.h"

#include <ThreadWeaver/Queue>

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <thread>

using namespace rd;
using namespace rd::engine;
using rd::test::TestFileDevice;

namespace {
constexpr quint64 MiB = 1 << 20;

// Writes random blocks at random places of the device until stopped.
class RandomWriter
{
public:
    explicit RandomWriter(std::shared_ptr<TestFileDevice> device, quint32 seed = 7)
        : m_device(std::move(device))
        , m_thread([this, seed] {
            QRandomGenerator rng(seed);
            while (!m_stop) {
                const quint64 blocks = m_device->size() / BlockDevice::BlockSize;
                const quint64 len = BlockDevice::BlockSize * (1 + rng.bounded(512));
                const quint64 off = BlockDevice::BlockSize *
                                    rng.bounded(quint64(blocks - len / BlockDevice::BlockSize));
                if (m_device->fillRandom(off, len, rng))
                    ++writes;
                else
                    ++failures;
                std::this_thread::sleep_for(std::chrono::microseconds(500));
            }
        })
    {}
    ~RandomWriter() { stop(); }
    void stop()
    {
        m_stop = true;
        if (m_thread.joinable())
            m_thread.join();
    }
    std::atomic<int> writes{0};
    std::atomic<int> failures{0};

private:
    std::shared_ptr<TestFileDevice> m_device;
    std::atomic<bool> m_stop{false};
    std::thread m_thread;
};

QList<Extent> extents(TestFileDevice &d)
{
    auto e = d.allocatedExtents(0, d.size());
    return e.ok() ? e.value() : QList<Extent>{};
}
} // namespace

class TestCloneCopier : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    ThreadWeaver::Queue m_queue;

    std::shared_ptr<TestFileDevice> makeSource(const QString &name, quint64 size, quint32 seed)
    {
        auto d = TestFileDevice::create(m_dir.filePath(name), size);
        QRandomGenerator rng(seed);
        // Data in two of every three 3 MiB regions, in runs of 1-2 MiB not aligned to chunks,
        // holes between.
        for (quint64 i = 0; (i + 1) * 3 * MiB <= size; ++i) {
            if (i % 3 != 2)
                d->fillRandom(i * 3 * MiB + (i % 4) * 64 * 1024, MiB + (i % 2) * MiB, rng);
        }
        return d;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_queue.setMaximumNumberOfThreads(4);
    }

    void cleanupTestCase() { m_queue.finish(); }

    void pointInTimeWhileTheSourceIsWritten_data()
    {
        QTest::addColumn<bool>("copyFileRange");
        QTest::newRow("copy_file_range") << true;
        QTest::newRow("read+write") << false;
    }

    void pointInTimeWhileTheSourceIsWritten()
    {
        QFETCH(bool, copyFileRange);
        auto source = makeSource(QStringLiteral("pit-src"), 32 * MiB, 1);
        auto target = TestFileDevice::create(m_dir.filePath(QStringLiteral("pit-dst")), 32 * MiB);
        const QByteArray atAccept = source->sha256();

        CloneOptions opt;
        opt.bytesPerSecond = 40 * MiB; // slow enough that the writer hits uncopied chunks
        opt.sampleIntervalMs = 50;
        if (copyFileRange) {
            opt.sourceFd = source->fd();
            opt.targetFd = target->fd();
        }
        CloneCopier copier(source, target, &m_queue, opt);
        QSignalSpy finished(&copier, &CloneCopier::finished);
        QSignalSpy progress(&copier, &CloneCopier::progress);
        QVERIFY(copier.arm().ok());
        RandomWriter writer(source);
        copier.start();
        QVERIFY(finished.wait(20000));
        writer.stop();
        QCOMPARE(finished.first().at(0).value<CloneCopier::Outcome>(),
                 CloneCopier::Outcome::Completed);
        QVERIFY2(writer.writes > 50, qPrintable(QString::number(writer.writes)));
        QCOMPARE(writer.failures.load(), 0);
        QVERIFY(source->sha256() != atAccept); // the source did move on
        QCOMPARE(target->sha256(), atAccept);  // the clone did not
        QCOMPARE(copier.percent(), quint16(100));

        // Progress is sampled by the timer, not signalled per chunk (32 chunks here).
        QVERIFY(progress.size() >= 2);
        QVERIFY(progress.size() < 60);
        copier.detach();
        const QByteArray afterDetach = target->sha256();
        QVERIFY(source->fillRandom(0, MiB, *QRandomGenerator::global()));
        QCOMPARE(target->sha256(), afterDetach); // detached: source writes no longer reach it
    }

    void holesStayHoles()
    {
        auto source = TestFileDevice::create(m_dir.filePath(QStringLiteral("holes-src")), 24 * MiB);
        QRandomGenerator rng(3);
        QVERIFY(source->fillRandom(0, MiB, rng));
        QVERIFY(source->fillRandom(5 * MiB + 64 * 1024, 3 * MiB, rng)); // not chunk aligned
        QVERIFY(source->fillRandom(20 * MiB + 4096, 8192, rng));
        // A reused target with stale data everywhere: the clone must leave holes where the
        // source has them.
        auto target = TestFileDevice::create(m_dir.filePath(QStringLiteral("holes-dst")), 24 * MiB);
        QVERIFY(target->fillRandom(0, 24 * MiB, rng));

        CloneOptions opt;
        opt.sourceFd = source->fd();
        opt.targetFd = target->fd();
        CloneCopier copier(source, target, &m_queue, opt);
        QSignalSpy finished(&copier, &CloneCopier::finished);
        QVERIFY(copier.arm().ok());
        QCOMPARE(copier.bytesTotal(), MiB + 3 * MiB + 8192);
        copier.start();
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.first().at(0).value<CloneCopier::Outcome>(),
                 CloneCopier::Outcome::Completed);
        QCOMPARE(target->sha256(), source->sha256());
        QCOMPARE(extents(*target), extents(*source));
        QCOMPARE(copier.bytesDone(), copier.bytesTotal());
    }

    void fullySparseSourceCompletesAtOnce()
    {
        auto source = TestFileDevice::create(m_dir.filePath(QStringLiteral("empty-src")), 8 * MiB);
        auto target = TestFileDevice::create(m_dir.filePath(QStringLiteral("empty-dst")), 16 * MiB);
        CloneCopier copier(source, target, &m_queue, {});
        QSignalSpy finished(&copier, &CloneCopier::finished);
        QVERIFY(copier.arm().ok());
        copier.start();
        QVERIFY(finished.wait(5000));
        QCOMPARE(finished.first().at(0).value<CloneCopier::Outcome>(),
                 CloneCopier::Outcome::Completed);
        QVERIFY(extents(*target).isEmpty());
    }

    void targetTooSmallIsRefused()
    {
        auto source = TestFileDevice::create(m_dir.filePath(QStringLiteral("big-src")), 8 * MiB);
        auto target = TestFileDevice::create(m_dir.filePath(QStringLiteral("small-dst")), 4 * MiB);
        CloneCopier copier(source, target, &m_queue, {});
        auto r = copier.arm();
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, quint32(cim::ReturnCode::InvalidParameter));
    }

    void cancel()
    {
        auto source = makeSource(QStringLiteral("cancel-src"), 32 * MiB, 5);
        auto target =
            TestFileDevice::create(m_dir.filePath(QStringLiteral("cancel-dst")), 32 * MiB);
        CloneOptions opt;
        opt.bytesPerSecond = 8 * MiB;
        opt.sampleIntervalMs = 20;
        CloneCopier copier(source, target, &m_queue, opt);
        QSignalSpy finished(&copier, &CloneCopier::finished);
        QVERIFY(copier.arm().ok());
        copier.start();
        QTRY_VERIFY_WITH_TIMEOUT(copier.bytesDone() > 0, 5000);
        copier.terminate();
        QVERIFY(finished.wait(5000));
        QCOMPARE(finished.first().at(0).value<CloneCopier::Outcome>(),
                 CloneCopier::Outcome::Cancelled);
        const quint64 stoppedAt = copier.bytesDone();
        QVERIFY(stoppedAt < copier.bytesTotal());
        QTest::qWait(200);
        QCOMPARE(copier.bytesDone(), stoppedAt); // no worker runs any more
        QVERIFY(!copier.isRunning());
    }

    void suspendAndResume()
    {
        auto source = makeSource(QStringLiteral("susp-src"), 32 * MiB, 9);
        auto target = TestFileDevice::create(m_dir.filePath(QStringLiteral("susp-dst")), 32 * MiB);
        const QByteArray atAccept = source->sha256();
        CloneOptions opt;
        opt.bytesPerSecond = 32 * MiB;
        opt.workers = 2;
        CloneCopier copier(source, target, &m_queue, opt);
        QSignalSpy finished(&copier, &CloneCopier::finished);
        QVERIFY(copier.arm().ok());
        copier.start();
        QTRY_VERIFY_WITH_TIMEOUT(copier.bytesDone() > 0, 5000);
        copier.suspend();
        QVERIFY(copier.isSuspended());
        QTest::qWait(300); // chunks in flight when the gate closed finish
        const quint64 held = copier.bytesDone();
        QVERIFY2(held < copier.bytesTotal(),
                 qPrintable(QStringLiteral("%1 of %2").arg(held).arg(copier.bytesTotal())));
        // While suspended the copy still protects its point in time.
        {
            RandomWriter writer(source, 11);
            QTest::qWait(200);
        }
        const quint64 afterWrites = copier.bytesDone(); // copy-before-write moved some
        QTest::qWait(300);
        QCOMPARE(copier.bytesDone(), afterWrites); // but no worker did
        QVERIFY(finished.isEmpty());
        copier.resume();
        QVERIFY(finished.wait(20000));
        QCOMPARE(finished.first().at(0).value<CloneCopier::Outcome>(),
                 CloneCopier::Outcome::Completed);
        QCOMPARE(target->sha256(), atAccept);
        Q_UNUSED(held)
    }

    void resumeFromCheckpoint()
    {
        auto source = makeSource(QStringLiteral("cp-src"), 32 * MiB, 13);
        auto target = TestFileDevice::create(m_dir.filePath(QStringLiteral("cp-dst")), 32 * MiB);
        const QByteArray atAccept = source->sha256();
        const QString map = m_dir.filePath(QStringLiteral("cp.map"));
        CloneOptions opt;
        opt.bytesPerSecond = 24 * MiB;
        opt.checkpointPath = map;
        opt.checkpointIntervalMs = 50;
        {
            CloneCopier first(source, target, &m_queue, opt);
            QVERIFY(first.arm().ok());
            RandomWriter writer(source, 17);
            first.start();
            QTRY_VERIFY_WITH_TIMEOUT(first.bytesDone() > first.bytesTotal() / 3, 10000);
            writer.stop();
            // The first copier goes away mid-copy, as with an engine stop; its workers end on
            // their own. Only the engine writes to its volumes, so nothing writes until the
            // copy is armed again.
        }
        m_queue.finish();
        CloneCopier second(source, target, &m_queue, opt);
        QSignalSpy finished(&second, &CloneCopier::finished);
        QVERIFY(second.arm(true).ok());
        QVERIFY(second.bytesDone() > 0); // starts from the checkpoint, not from zero
        RandomWriter writer(source, 19);
        second.start();
        QVERIFY(finished.wait(20000));
        writer.stop();
        QCOMPARE(finished.first().at(0).value<CloneCopier::Outcome>(),
                 CloneCopier::Outcome::Completed);
        QCOMPARE(target->sha256(), atAccept);

        // A damaged checkpoint is refused rather than trusted.
        QFile f(map);
        QVERIFY(f.open(QIODevice::ReadWrite));
        f.resize(10);
        f.close();
        CloneCopier third(source, target, &m_queue, opt);
        QVERIFY(!third.arm(true).ok());
    }
};

QTEST_GUILESS_MAIN(TestCloneCopier)
#include "tst_clonecopier.moc"
