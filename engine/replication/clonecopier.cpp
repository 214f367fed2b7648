#include "clonecopier.h"

#include "blockcopy.h"
#include "chunkpump.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QMutex>
#include <QReadWriteLock>
#include <QThread>
#include <QWaitCondition>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <unistd.h>

namespace rd::engine {

// Everything the workers and the copy-before-write observer share. It outlives the CloneCopier
// while a worker still runs (each holds a reference), so the QObject can go at any time. The
// workers are a ChunkPump's runners; this is the Work they pump.
//
// Per-chunk state, guarded by chunkLock:
//   Pending  — the target does not have the chunk's point-in-time content yet.
//   Copying  — one thread (a worker, or a writer in beforeWrite) is copying it; others wait.
//   Copied   — on the target, maybe not yet on stable storage / in the checkpoint.
//   Durable  — target flushed and chunk marked in the checkpoint file.
// A chunk is copied exactly once: only the thread that moves it Pending → Copying copies it.
// A source write may land on a chunk only once it is Copied, or Durable when the copy keeps a
// checkpoint: a resumed copy re-reads every chunk the checkpoint does not mark, so a write must
// never reach a chunk the checkpoint would copy again after a crash.
struct CloneCopier::State final : public WriteObserver, public ChunkPump::Work
{
    enum ChunkState : quint8 { Pending, Copying, Copied, Durable };

    std::shared_ptr<BlockDevice> source;
    std::shared_ptr<BlockDevice> target;
    CloneOptions opt;
    quint64 size = 0;
    quint64 chunkCount = 0;

    QMutex chunkLock;
    QWaitCondition chunkChanged;
    std::vector<quint8> chunks;
    std::vector<quint64> notDurable; // Copied chunks waiting for the next checkpoint
    int copying = 0;

    std::vector<quint64> plan; // chunks that held data at the point in time, in order
    std::atomic<size_t> cursor{0};
    std::atomic<quint64> done{0};
    std::atomic<quint64> total{0};
    std::atomic<bool> cancel{false};
    std::atomic<bool> fastCopy{true};

    // The workers, at most opt.workers at once. Its gate: a worker finding it closed parks (ends
    // its job without a successor); resume() starts the parked ones again. No queue thread is
    // held while the copy is suspended.
    std::unique_ptr<ChunkPump> pump;

    CheckpointMap map;
    QMutex durableLock;
    QElapsedTimer clock;
    std::atomic<qint64> lastCheckpointMs{0};

    QMutex errorLock;
    QString error;

    QMutex notifyLock;
    CloneCopier *notifier = nullptr;

    // Point-in-time readers (a snapshot's volume). A reader that finds a chunk not yet on the
    // target reads the source under pitLock; a source write, once every chunk it touches is on
    // the target, passes through pitLock for writing so no such read is still under way when
    // its bytes land. pitReaders spares writers that barrier while nobody reads.
    std::atomic<int> pitReaders{0};
    QReadWriteLock pitLock;
    std::atomic<bool> armed{false};

    cim::Result<void> beforeWrite(quint64 offset, quint64 length) override;
    cim::Result<void> readPointInTime(quint64 offset, std::span<char> buffer);

    quint64 chunkStart(quint64 c) const { return c * opt.chunkSize; }
    quint64 chunkLength(quint64 c) const { return std::min(opt.chunkSize, size - chunkStart(c)); }
    cim::Result<void> copyChunk(quint64 c, std::unique_ptr<char[]> &buffer);
    cim::Result<void> copyRange(quint64 offset, quint64 length, std::unique_ptr<char[]> &buffer);
    cim::Result<void> makeDurable();
    // Takes chunk c for copying: true if this thread must copy it now.
    bool claim(quint64 c);
    void release(quint64 c, bool copied);
    void setError(const QString &message);
    void throttle();
    cim::Result<void> finishCopy();

    // ChunkPump::Work: the background copy, one planned chunk at a time.
    Step pumpChunk(std::unique_ptr<char[]> &buffer) override;
    bool pumpHasWork() const override;
    void pumpStopped() override;
};

bool CloneCopier::State::claim(quint64 c)
{
    QMutexLocker lock(&chunkLock);
    if (chunks[c] != Pending)
        return false;
    chunks[c] = Copying;
    ++copying;
    return true;
}

void CloneCopier::State::release(quint64 c, bool copied)
{
    QMutexLocker lock(&chunkLock);
    chunks[c] = copied ? Copied : Pending;
    if (copied && map.isOpen())
        notDurable.push_back(c);
    --copying;
    chunkChanged.wakeAll();
}

cim::Result<void> CloneCopier::State::copyRange(quint64 offset, quint64 length,
                                                std::unique_ptr<char[]> &buffer)
{
    BlockCopy copy;
    copy.source = source.get();
    copy.target = target.get();
    copy.sourceFd = opt.sourceFd;
    copy.targetFd = opt.targetFd;
    copy.bufferSize = opt.chunkSize;
    copy.fastCopy = &fastCopy;
    copy.progress = &done;
    return copyBlocks(copy, offset, length, buffer);
}

// Only the chunk's allocated extents are copied: the target starts as holes, so holes stay holes.
// The chunk is Copying while this runs, so no write can change its extents underneath.
cim::Result<void> CloneCopier::State::copyChunk(quint64 c, std::unique_ptr<char[]> &buffer)
{
    auto extents = source->allocatedExtents(chunkStart(c), chunkLength(c));
    if (!extents)
        return extents.error();
    for (const Extent &e : extents.value()) {
        if (auto r = copyRange(e.offset, e.length, buffer); !r)
            return r;
    }
    return {};
}

cim::Result<void> CloneCopier::State::makeDurable()
{
    if (!map.isOpen())
        return {};
    QMutexLocker durable(&durableLock);
    std::vector<quint64> batch;
    {
        QMutexLocker lock(&chunkLock);
        batch.swap(notDurable);
    }
    if (batch.empty())
        return {};
    // Data first, then the mark: a chunk marked in the checkpoint is always on the target.
    cim::Result<void> r = target->flush();
    if (r)
        r = map.mark(batch);
    QMutexLocker lock(&chunkLock);
    if (!r) {
        notDurable.insert(notDurable.end(), batch.begin(), batch.end());
        return r;
    }
    for (quint64 c : batch)
        chunks[c] = Durable;
    chunkChanged.wakeAll();
    return {};
}

// Copy-before-write: runs in the writer's thread before its bytes land. Every chunk the write
// touches that the target lacks is copied now (or awaited if a worker is at it); with a checkpoint
// they are also made durable. An error fails the write and leaves the point in time intact.
cim::Result<void> CloneCopier::State::beforeWrite(quint64 offset, quint64 length)
{
    if (length == 0 || offset >= size)
        return {};
    const quint64 first = offset / opt.chunkSize;
    const quint64 last = std::min((offset + length - 1) / opt.chunkSize, chunkCount - 1);
    std::unique_ptr<char[]> buffer;
    bool needDurable = false;
    for (quint64 c = first; c <= last; ++c) {
        QMutexLocker lock(&chunkLock);
        for (;;) {
            const quint8 s = chunks[c];
            if (s == Copying) {
                chunkChanged.wait(&chunkLock);
                continue;
            }
            if (s == Copied) {
                needDurable = true;
                break;
            }
            if (s == Durable)
                break;
            chunks[c] = Copying;
            ++copying;
            lock.unlock();
            const cim::Result<void> r = copyChunk(c, buffer);
            release(c, r.ok());
            if (!r)
                return r;
            needDurable = true;
            break;
        }
    }
    if (needDurable) {
        if (auto r = makeDurable(); !r)
            return r;
    }
    if (pitReaders.load() > 0) {
        // Every chunk of the write is on the target now, so new readers go there; wait for the
        // ones that found it still on the source.
        QWriteLocker barrier(&pitLock);
    }
    return {};
}

cim::Result<void> CloneCopier::State::readPointInTime(quint64 offset, std::span<char> buffer)
{
    if (!armed) {
        return cim::Error(cim::ReturnCode::Failed,
                          tr("The point-in-time copy is no longer attached to its source."));
    }
    if (offset > target->size() || buffer.size() > target->size() - offset) {
        return cim::Error(cim::ReturnCode::InvalidParameter,
                          tr("The range of %1 bytes at offset %2 lies beyond the end of the "
                             "volume (%3 bytes).")
                              .arg(buffer.size())
                              .arg(offset)
                              .arg(target->size()));
    }
    size_t done = 0;
    while (done < buffer.size()) {
        const quint64 pos = offset + done;
        const std::span<char> rest = buffer.subspan(done);
        if (pos >= size) // beyond the source: a larger target's own tail
            return target->read(pos, rest);
        const quint64 c = pos / opt.chunkSize;
        const size_t n =
            size_t(std::min<quint64>(rest.size(), chunkStart(c) + chunkLength(c) - pos));
        const std::span<char> part = rest.first(n);
        pitReaders.fetch_add(1);
        cim::Result<void> r;
        {
            QReadLocker reading(&pitLock);
            quint8 state;
            {
                QMutexLocker lock(&chunkLock);
                state = chunks[c];
            }
            // Pending or Copying: no write has landed on the chunk since the point in time.
            r = state == Copied || state == Durable ? target->read(pos, part)
                                                    : source->read(pos, part);
        }
        pitReaders.fetch_sub(1);
        if (!r)
            return r;
        done += n;
    }
    return {};
}

void CloneCopier::State::setError(const QString &message)
{
    QMutexLocker lock(&errorLock);
    if (error.isEmpty())
        error = message;
    cancel = true;
}

void CloneCopier::State::throttle()
{
    if (opt.bytesPerSecond == 0)
        return;
    const qint64 dueMs = qint64(done.load() * 1000 / opt.bytesPerSecond);
    qint64 ahead = dueMs - clock.elapsed();
    while (ahead > 0 && !cancel) {
        QThread::msleep(ulong(std::min<qint64>(ahead, 50)));
        ahead = dueMs - clock.elapsed();
    }
}

// Cancellation is checked before every chunk; a chunk copy-before-write took already counts as
// one, so the gate and the flag are seen as often.
ChunkPump::Work::Step CloneCopier::State::pumpChunk(std::unique_ptr<char[]> &buffer)
{
    if (cancel)
        return Step::Stop;
    const size_t i = cursor.fetch_add(1);
    if (i >= plan.size())
        return Step::Stop;
    const quint64 c = plan[i];
    if (!claim(c))
        return Step::Next; // copied already, by copy-before-write
    const cim::Result<void> r = copyChunk(c, buffer);
    release(c, r.ok());
    if (!r) {
        setError(r.error().message);
        return Step::Stop;
    }
    throttle();
    const qint64 now = clock.elapsed();
    if (map.isOpen() && now - lastCheckpointMs >= opt.checkpointIntervalMs) {
        lastCheckpointMs = now;
        if (auto d = makeDurable(); !d) {
            setError(d.error().message);
            return Step::Stop;
        }
    }
    return Step::Next;
}

bool CloneCopier::State::pumpHasWork() const
{
    return !cancel && cursor.load() < plan.size();
}

// The last worker to end finishes the copy: chunks a failed copy-before-write gave back are copied,
// chunks a writer is still copying are awaited, then everything is flushed and checkpointed.
cim::Result<void> CloneCopier::State::finishCopy()
{
    std::unique_ptr<char[]> buffer;
    for (quint64 c : plan) {
        if (cancel)
            return {};
        QMutexLocker lock(&chunkLock);
        while (chunks[c] == Copying)
            chunkChanged.wait(&chunkLock);
        if (chunks[c] != Pending)
            continue;
        chunks[c] = Copying;
        ++copying;
        lock.unlock();
        const cim::Result<void> r = copyChunk(c, buffer);
        release(c, r.ok());
        if (!r)
            return r;
    }
    if (auto r = target->flush(); !r)
        return r;
    return makeDurable();
}

void CloneCopier::State::pumpStopped()
{
    if (!cancel) {
        if (auto r = finishCopy(); !r)
            setError(r.error().message);
    }
    QMutexLocker lock(&notifyLock);
    if (notifier) {
        CloneCopier *n = notifier;
        QMetaObject::invokeMethod(
            n, [n] { n->onWorkersDone(); }, Qt::QueuedConnection);
    }
}

CloneCopier::CloneCopier(std::shared_ptr<BlockDevice> source, std::shared_ptr<BlockDevice> target,
                         ThreadWeaver::Queue *queue, const CloneOptions &options, QObject *parent)
    : QObject(parent)
    , m_state(std::make_shared<State>())
    , m_queue(queue)
{
    m_state->source = std::move(source);
    m_state->target = std::move(target);
    m_state->opt = options;
    m_state->opt.chunkSize =
        std::max<quint64>(BlockDevice::BlockSize,
                          options.chunkSize / BlockDevice::BlockSize * BlockDevice::BlockSize);
    m_state->opt.workers = std::max(1, options.workers);
    m_state->pump = std::make_unique<ChunkPump>(
        queue, ChunkPump::Options{m_state->opt.workers, m_state->opt.priority},
        std::weak_ptr<ChunkPump::Work>(m_state));
    m_state->notifier = this;
    m_sampler.setInterval(std::max(10, options.sampleIntervalMs));
    connect(&m_sampler, &QTimer::timeout, this, &CloneCopier::sample);
}

CloneCopier::~CloneCopier()
{
    {
        QMutexLocker lock(&m_state->notifyLock);
        m_state->notifier = nullptr;
    }
    m_state->cancel = true;
    m_state->pump->stop(); // parked workers would never be started again: let them go
    detach();
}

void CloneCopier::detach()
{
    if (!m_armed)
        return;
    m_armed = false;
    m_state->armed = false;
    m_state->source->removeObserver(m_state.get());
}

cim::Result<void> CloneCopier::readPointInTime(quint64 offset, std::span<char> buffer)
{
    return m_state->readPointInTime(offset, buffer);
}

namespace {
// A snapshot's volume as the block layer serves it: the point in time, read-only. Writing to a
// snapshot would need a delta of its own beside the saved source chunks; ReplicaDesk's snapshots
// are read-only, and say so to a writer.
class PointInTimeDevice final : public BlockDevice
{
public:
    explicit PointInTimeDevice(std::shared_ptr<CloneCopier::State> state)
        : m_state(std::move(state))
    {}
    quint64 size() const override;
    cim::Result<void> read(quint64 offset, std::span<char> buffer) override
    {
        return m_state->readPointInTime(offset, buffer);
    }
    cim::Result<void> flush() override { return {}; }
    cim::Result<QList<Extent>> allocatedExtents(quint64 offset, quint64 length) override;

protected:
    cim::Result<void> writeRaw(quint64, std::span<const char>) override { return readOnly(); }
    cim::Result<void> discardRaw(quint64, quint64) override { return readOnly(); }

private:
    static cim::Error readOnly()
    {
        return cim::Error(cim::ReturnCode::NotSupported,
                          CloneCopier::tr("Snapshot volumes are read-only: they hold the source as "
                                          "it was when the snapshot was taken."));
    }
    std::shared_ptr<CloneCopier::State> m_state;
};
} // namespace

quint64 PointInTimeDevice::size() const
{
    return m_state->target->size();
}

// Data may lie where the source had it (chunks still read from the source) or where the target
// holds saved chunks; the union of both is a superset, which the block layer allows (a range
// reported allocated may still read as zeros).
cim::Result<QList<Extent>> PointInTimeDevice::allocatedExtents(quint64 offset, quint64 length)
{
    auto a = m_state->source->allocatedExtents(offset, length);
    if (!a)
        return a;
    auto b = m_state->target->allocatedExtents(offset, length);
    if (!b)
        return b;
    QList<Extent> all = a.value() + b.value();
    std::sort(all.begin(), all.end(),
              [](const Extent &x, const Extent &y) { return x.offset < y.offset; });
    QList<Extent> merged;
    for (const Extent &e : std::as_const(all)) {
        if (!merged.isEmpty() && e.offset <= merged.last().offset + merged.last().length) {
            const quint64 end =
                std::max(merged.last().offset + merged.last().length, e.offset + e.length);
            merged.last().length = end - merged.last().offset;
        } else {
            merged.append(e);
        }
    }
    return merged;
}

std::shared_ptr<BlockDevice> CloneCopier::pointInTimeDevice()
{
    return std::make_shared<PointInTimeDevice>(m_state);
}

cim::Result<void> CloneCopier::arm(bool resume)
{
    State &s = *m_state;
    s.size = s.source->size();
    if (s.target->size() < s.size) {
        return cim::Error(cim::ReturnCode::InvalidParameter,
                          tr("The target (%1 bytes) is smaller than the source (%2 bytes).")
                              .arg(s.target->size())
                              .arg(s.size));
    }
    s.chunkCount = (s.size + s.opt.chunkSize - 1) / s.opt.chunkSize;
    s.chunks.assign(s.chunkCount, State::Pending);
    if (!s.opt.checkpointPath.isEmpty()) {
        const CheckpointMap::Geometry g{s.opt.chunkSize, s.chunkCount, s.size};
        auto r =
            resume ? s.map.open(s.opt.checkpointPath, g) : s.map.create(s.opt.checkpointPath, g);
        if (!r)
            return r;
        if (resume) {
            const std::vector<bool> marked = s.map.marked();
            for (quint64 c = 0; c < s.chunkCount; ++c)
                s.chunks[c] = marked[c] ? State::Durable : State::Pending;
        }
    } else if (resume) {
        return cim::Error(cim::ReturnCode::Failed,
                          tr("The copy has no checkpoint to resume from."));
    }
    if (!resume) {
        // A target reused from an earlier life must read as zeros wherever the source is a hole.
        if (auto r = s.target->discardUnobserved(0, s.target->size()); !r)
            return r;
    }

    // The point in time: from here on every source write goes through beforeWrite first.
    s.source->addObserver(m_state.get());
    m_armed = true;
    s.armed = true;
    if (!s.opt.backgroundCopy) {
        // A snapshot: no plan, no scan of the source. Creating one costs the same whatever the
        // source's size or contents; each chunk is saved on its first overwrite (copyChunk copies
        // its allocated extents, so a chunk that was a hole stays one on the target).
        return {};
    }

    auto extents = s.source->allocatedExtents(0, s.size);
    if (!extents) {
        detach();
        return extents.error();
    }
    std::vector<quint64> bytes(s.chunkCount, 0);
    for (const Extent &e : extents.value()) {
        quint64 off = e.offset;
        const quint64 end = e.offset + e.length;
        while (off < end) {
            const quint64 c = off / s.opt.chunkSize;
            const quint64 next = std::min(end, s.chunkStart(c) + s.chunkLength(c));
            bytes[c] += next - off;
            off = next;
        }
    }
    quint64 total = 0;
    quint64 done = 0;
    {
        QMutexLocker lock(&s.chunkLock);
        for (quint64 c = 0; c < s.chunkCount; ++c) {
            total += bytes[c];
            if (s.chunks[c] == State::Pending && bytes[c] == 0) {
                // A hole at the point in time: nothing to copy. Still Pending means no write
                // has touched it since the observer went in, so the extents above are those of
                // the point in time. It is checkpointed like a copied chunk: after a crash a
                // later write there must not be mistaken for point-in-time data.
                s.chunks[c] = State::Copied;
                if (s.map.isOpen())
                    s.notDurable.push_back(c);
            } else if (s.chunks[c] == State::Pending) {
                s.plan.push_back(c);
            } else {
                done += bytes[c]; // before the restart, or by a write since arming
            }
        }
    }
    s.total = total;
    s.done = done;
    if (auto r = s.makeDurable(); !r) {
        detach();
        return r;
    }
    return {};
}

void CloneCopier::start(bool suspended)
{
    m_state->clock.start();
    m_running = true;
    m_sampler.start();
    m_state->pump->start(suspended);
}

void CloneCopier::suspend()
{
    m_state->pump->suspend();
}

void CloneCopier::resume()
{
    m_state->pump->resume();
}

void CloneCopier::terminate()
{
    m_state->cancel = true;
    resume(); // parked workers run once more to see the flag and end
}

bool CloneCopier::isSuspended() const
{
    return m_state->pump->isSuspended();
}

quint64 CloneCopier::bytesTotal() const
{
    return m_state->total;
}

quint64 CloneCopier::bytesDone() const
{
    return std::min(m_state->done.load(), m_state->total.load());
}

quint64 CloneCopier::bytesCopied() const
{
    return m_state->done.load();
}

quint16 CloneCopier::percent() const
{
    const quint64 total = bytesTotal();
    return total == 0 ? (m_running ? 0 : 100) : quint16(bytesDone() * 100 / total);
}

void CloneCopier::sample()
{
    Q_EMIT progress(bytesDone(), bytesTotal());
}

void CloneCopier::onWorkersDone()
{
    m_sampler.stop();
    m_running = false;
    QString error;
    {
        QMutexLocker lock(&m_state->errorLock);
        error = m_state->error;
    }
    Q_EMIT progress(bytesDone(), bytesTotal());
    if (!error.isEmpty())
        Q_EMIT finished(Outcome::Failed, error);
    else if (m_state->cancel)
        Q_EMIT finished(Outcome::Cancelled, tr("The copy was cancelled."));
    else
        Q_EMIT finished(Outcome::Completed, QString());
}

} // namespace rd::engine
