// ChunkPump on a real ThreadWeaver queue: every chunk handled once, never more runners at once
// than the cap (the ResourceRestrictionPolicy), a suspended pump holding no queue thread, one
// pumpStopped() at the end, none after stop(), and work arriving later through kick().

#include "replication/chunkpump.h"
#include "replication/prioritylambda.h"

#include <ThreadWeaver/Queue>

#include <QTest>
#include <QThread>

#include <atomic>
#include <vector>

using namespace rd::engine;

namespace {

struct CountingWork final : public ChunkPump::Work
{
    explicit CountingWork(size_t chunks)
        : handled(chunks)
    {
        for (auto &h : handled)
            h = 0;
    }

    Step pumpChunk(std::unique_ptr<char[]> &buffer) override
    {
        if (cancel)
            return Step::Stop;
        const size_t i = next.fetch_add(1);
        if (i >= available.load())
            return i >= handled.size() ? Step::Stop : Step::Idle;
        if (!buffer) {
            buffer.reset(new char[16]);
            ++buffers;
        }
        const int now = ++inFlight;
        int seen = maxInFlight.load();
        while (now > seen && !maxInFlight.compare_exchange_weak(seen, now)) {
        }
        QThread::msleep(2);
        --inFlight;
        ++handled[i];
        return Step::Next;
    }
    bool pumpHasWork() const override { return !cancel && next.load() < available.load(); }
    void pumpStopped() override { ++stopped; }

    // Chunks below `available` may be taken; an Idle runner ends until kick().
    void makeAvailable(size_t n)
    {
        // Runners that found nothing moved the cursor past what was available: take it back.
        const size_t from = available.exchange(n);
        if (next.load() > from)
            next = from;
    }

    std::vector<std::atomic<int>> handled;
    std::atomic<size_t> next{0};
    std::atomic<size_t> available{0};
    std::atomic<int> inFlight{0};
    std::atomic<int> maxInFlight{0};
    std::atomic<int> buffers{0};
    std::atomic<int> stopped{0};
    std::atomic<bool> cancel{false};
    std::unique_ptr<ChunkPump> pump;
};

std::shared_ptr<CountingWork> makeWork(ThreadWeaver::Queue *queue, size_t chunks, int runners)
{
    auto work = std::make_shared<CountingWork>(chunks);
    work->available = chunks;
    work->pump = std::make_unique<ChunkPump>(queue, ChunkPump::Options{runners, 0, 4},
                                             std::weak_ptr<ChunkPump::Work>(work));
    return work;
}

bool everyChunkOnce(const CountingWork &w)
{
    for (const auto &h : w.handled) {
        if (h.load() != 1)
            return false;
    }
    return true;
}

} // namespace

class TestChunkPump : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void runsEveryChunkOnceWithinTheCap()
    {
        ThreadWeaver::Queue queue;
        queue.setMaximumNumberOfThreads(8);
        auto work = makeWork(&queue, 200, 3);
        work->pump->start();
        QTRY_COMPARE_WITH_TIMEOUT(work->stopped.load(), 1, 20000);
        queue.finish();
        QVERIFY(everyChunkOnce(*work));
        // Eight threads were free: the policy, not the queue, kept it at three, and the runners
        // ramped up to it. One buffer per runner job at most, runner jobs are short-lived.
        QVERIFY2(work->maxInFlight.load() <= 3, qPrintable(QString::number(work->maxInFlight)));
        QVERIFY2(work->maxInFlight.load() >= 2, qPrintable(QString::number(work->maxInFlight)));
        QCOMPARE(work->stopped.load(), 1);
    }

    void aSuspendedPumpHoldsNoQueueThread()
    {
        ThreadWeaver::Queue queue;
        queue.setMaximumNumberOfThreads(1);
        auto work = makeWork(&queue, 400, 1);
        work->pump->start();
        QTRY_VERIFY(work->next.load() > 10);
        work->pump->suspend();
        QVERIFY(work->pump->isSuspended());
        // Other work on the one queue thread still runs: the pump parked instead of waiting.
        std::atomic<bool> ran{false};
        queue.enqueue(ThreadWeaver::JobPointer(new PriorityLambda([&ran] { ran = true; }, 0)));
        QTRY_VERIFY_WITH_TIMEOUT(ran.load(), 5000);
        const size_t paused = work->next.load();
        QTest::qWait(100);
        QCOMPARE(work->next.load(), paused); // nothing moves while suspended
        QCOMPARE(work->stopped.load(), 0);
        work->pump->resume();
        QTRY_COMPARE_WITH_TIMEOUT(work->stopped.load(), 1, 20000);
        queue.finish();
        QVERIFY(everyChunkOnce(*work));
    }

    void startedSuspendedWaitsForResume()
    {
        ThreadWeaver::Queue queue;
        auto work = makeWork(&queue, 20, 2);
        work->pump->start(true);
        QTest::qWait(50);
        QCOMPARE(work->next.load(), size_t(0));
        work->pump->resume();
        QTRY_COMPARE(work->stopped.load(), 1);
        queue.finish();
        QVERIFY(everyChunkOnce(*work));
    }

    void stopLetsParkedRunnersGoWithoutAnEnd()
    {
        ThreadWeaver::Queue queue;
        auto work = makeWork(&queue, 400, 2);
        work->pump->start();
        QTRY_VERIFY(work->next.load() > 4);
        work->pump->suspend();
        QTRY_COMPARE(work->inFlight.load(), 0);
        work->cancel = true;
        work->pump->stop();
        work->pump->resume(); // a stopped pump starts nothing again
        QTest::qWait(50);
        queue.finish();
        QCOMPARE(work->stopped.load(), 0);
        QVERIFY(work->next.load() < 400);
    }

    void kickStartsRunnersForWorkThatArrivesLater()
    {
        ThreadWeaver::Queue queue;
        auto work = makeWork(&queue, 60, 2);
        work->makeAvailable(20);
        work->pump->start();
        QTRY_COMPARE(work->stopped.load(), 1); // Idle: every runner ended
        QCOMPARE(work->handled[19].load(), 1);
        QCOMPARE(work->handled[20].load(), 0);
        work->makeAvailable(60);
        work->pump->kick();
        QTRY_COMPARE(work->stopped.load(), 2);
        queue.finish();
        QVERIFY(everyChunkOnce(*work));
    }
};

QTEST_GUILESS_MAIN(TestChunkPump)
#include "tst_chunkpump.moc"
