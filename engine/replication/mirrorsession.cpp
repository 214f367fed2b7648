#include "mirrorsession.h"

#include "blockcopy.h"
#include "chunkpump.h"
#include "prioritylambda.h"

#include <ThreadWeaver/Queue>

#include <QCoreApplication>
#include <QMutex>
#include <QThread>
#include <QWaitCondition>

#include <atomic>
#include <optional>
#include <vector>

namespace rd::engine {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("rd::engine::MirrorSession", text);
}

// The session whose restore write this thread is making (its own observer lets it through), and
// whether the chunk is already claimed by the caller (a restore made inline for a host write).
thread_local const void *t_restoringFor = nullptr;
thread_local bool t_restoreClaimed = false;
thread_local bool t_restoreSkipped = false;
} // namespace

// Per-chunk state, guarded by lock:
//   onDisk    — the chunk is marked in the durable map. A write marks it (durably) before its
//               bytes land; only a clean pass clears it, after flushing both sides, when no write
//               or copy touched the chunk since the pass began. So after a crash every chunk that
//               may differ between source and replica is marked: no acknowledged write is lost to
//               the replica, whatever the mode.
//   needsCopy — the other side lacks the chunk's current content (counted in dirty).
//   copying   — one thread copies or forwards the chunk; others wait or mark it dirty again.
//   clearing  — a clean pass is removing the durable mark; writers wait for it to finish.
//   inflight  — writes between beforeWrite and afterWrite.
struct MirrorSession::State final : public WriteObserver, public ChunkPump::Work
{
    struct Chunk
    {
        quint32 inflight = 0;
        bool onDisk = false;
        bool needsCopy = false;
        bool copying = false;
        bool clearing = false;
        bool touched = false;
    };

    // Writes to the replica while it is fractured: they mark chunks as a source write would, so
    // a resync or restore overwrites what hosts changed there.
    struct TargetTracker final : public WriteObserver
    {
        State *state = nullptr;
        cim::Result<void> beforeWrite(quint64 offset, quint64 length) override
        {
            return state->enterWrite(offset, length, false);
        }
        void afterWrite(quint64 offset, quint64 length) override
        {
            state->leaveWrite(offset, length, true, false);
        }
        void writeAborted(quint64 offset, quint64 length) override
        {
            state->leaveWrite(offset, length, false, false);
        }
    };

    std::weak_ptr<State> self;
    std::shared_ptr<BlockDevice> source;
    std::shared_ptr<BlockDevice> target;
    ThreadWeaver::Queue *queue = nullptr;
    MirrorOptions opt;
    quint64 size = 0;
    quint64 chunkCount = 0;

    mutable QMutex lock;
    QWaitCondition changed;
    std::vector<Chunk> chunks;
    quint64 dirty = 0;
    quint64 copyingCount = 0;
    quint64 markedCount = 0;
    quint64 cursor = 0;
    bool forwarding = false;
    bool draining = false;
    bool trackTarget = false;
    Direction direction = Direction::ToReplica;

    std::atomic<bool> attached{false};
    // The drain's workers, at most opt.workers at once. Started by kick(); a worker that finds
    // nothing to drain ends, and the next write that dirties a chunk (or the service's periodic
    // kick) starts one again.
    std::unique_ptr<ChunkPump> pump;
    std::atomic<bool> cleaning{false};
    std::atomic<bool> fastCopy{true};
    std::atomic<quint64> copied{0};
    std::atomic<quint64> forwarded{0};
    CheckpointMap map;
    TargetTracker tracker;

    mutable QMutex errorLock;
    QString error;

    quint64 chunkStart(quint64 c) const { return c * opt.chunkSize; }
    quint64 chunkLength(quint64 c) const { return std::min(opt.chunkSize, size - chunkStart(c)); }
    bool range(quint64 offset, quint64 length, quint64 &first, quint64 &last) const
    {
        if (length == 0 || offset >= size)
            return false;
        first = offset / opt.chunkSize;
        last = std::min((offset + length - 1) / opt.chunkSize, chunkCount - 1);
        return true;
    }
    void setDirty(quint64 c) // lock held
    {
        if (!chunks[c].needsCopy) {
            chunks[c].needsCopy = true;
            ++dirty;
        }
    }
    void setError(const QString &message)
    {
        QMutexLocker l(&errorLock);
        if (error.isEmpty())
            error = message;
    }
    BlockCopy copyTo()
    {
        BlockCopy c;
        c.source = source.get();
        c.target = target.get();
        c.sourceFd = opt.sourceFd;
        c.targetFd = opt.targetFd;
        c.bufferSize = opt.chunkSize;
        c.fastCopy = &fastCopy;
        return c;
    }

    cim::Result<void> beforeWrite(quint64 offset, quint64 length) override;
    void afterWrite(quint64 offset, quint64 length) override;
    void writeAborted(quint64 offset, quint64 length) override;

    cim::Result<void> enterWrite(quint64 offset, quint64 length, bool source);
    void leaveWrite(quint64 offset, quint64 length, bool landed, bool source);
    cim::Result<void> markDurable(const std::vector<quint64> &toMark);
    cim::Result<void> restoreInline(quint64 c);
    cim::Result<void> restoreChunk(quint64 c, std::unique_ptr<char[]> &buffer);
    cim::Result<void> copyToReplica(quint64 c, std::unique_ptr<char[]> &buffer);
    cim::Result<void> forward(quint64 offset, quint64 length);
    std::optional<quint64> claimNext(bool claim);
    void release(quint64 c, bool ok);
    void kick();

    // ChunkPump::Work: the drain, one dirty chunk at a time, in the session's direction.
    Step pumpChunk(std::unique_ptr<char[]> &buffer) override;
    bool pumpHasWork() const override;
    void clean();
};

// --- the write path -------------------------------------------------------------------------

cim::Result<void> MirrorSession::State::markDurable(const std::vector<quint64> &toMark)
{
    if (toMark.empty())
        return {};
    // The mark is on stable storage before the write may land (the caller lands it after this
    // returns): the flush ordering every crash guarantee of the mirror rests on.
    if (auto r = map.mark(toMark); !r)
        return r;
    QMutexLocker l(&lock);
    for (quint64 c : toMark) {
        if (!chunks[c].onDisk) {
            chunks[c].onDisk = true;
            ++markedCount;
        }
    }
    return {};
}

cim::Result<void> MirrorSession::State::enterWrite(quint64 offset, quint64 length, bool fromSource)
{
    quint64 first, last;
    if (!range(offset, length, first, last))
        return {};
    std::vector<quint64> toMark;
    bool restoring = false;
    {
        QMutexLocker l(&lock);
        restoring = fromSource && direction == Direction::ToSource;
        const quint64 group =
            forwarding && !restoring && fromSource ? std::max<quint64>(1, opt.markGroup) : 1;
        for (quint64 c = first; c <= last; ++c) {
            while (chunks[c].clearing)
                changed.wait(&lock);
            ++chunks[c].inflight;
            chunks[c].touched = true;
            if (chunks[c].onDisk)
                continue;
            // Its group's unmarked chunks too (they are in step: marking them is only a
            // superset, and spares the next nearby write a sync). One chunk when exact.
            const quint64 g = c / group * group;
            for (quint64 n = g; n < std::min(g + group, chunkCount); ++n) {
                if (!chunks[n].onDisk && !chunks[n].clearing &&
                    (toMark.empty() || toMark.back() < n))
                    toMark.push_back(n);
            }
        }
    }
    if (restoring) {
        // A host write to a chunk the restore has not reached yet: restore it first, or the
        // restore would later overwrite this write.
        for (quint64 c = first; c <= last; ++c) {
            if (auto r = restoreInline(c); !r) {
                leaveWrite(offset, length, false, fromSource);
                return r;
            }
        }
    }
    if (auto r = markDurable(toMark); !r) {
        leaveWrite(offset, length, false, fromSource);
        return r;
    }
    return {};
}

void MirrorSession::State::leaveWrite(quint64 offset, quint64 length, bool landed, bool fromSource)
{
    quint64 first, last;
    if (!range(offset, length, first, last))
        return;
    // A chunk leaves inflight only once it is dirty or forwarded: until then a clean pass must
    // not clear its durable mark, or a crash could leave source and replica different unmarked.
    QMutexLocker l(&lock);
    auto leave = [&](quint64 c) { --chunks[c].inflight; };
    if (!landed) {
        for (quint64 c = first; c <= last; ++c)
            leave(c);
        changed.wakeAll();
        return;
    }
    if (!fromSource || !forwarding) {
        // Suspended, fractured or split (or the replica itself was written): remember the chunks
        // for the resync.
        for (quint64 c = first; c <= last; ++c) {
            setDirty(c);
            leave(c);
        }
        return;
    }
    const bool inlineForward = opt.synchronous || direction == Direction::ToSource;
    if (!inlineForward) {
        for (quint64 c = first; c <= last; ++c) {
            setDirty(c);
            leave(c);
        }
        l.unlock();
        kick();
        return;
    }
    // Synchronous: the write reaches the replica before it returns. The chunk is held while its
    // part is read back from the source and written to the replica, so forwards of overlapping
    // writes cannot overtake each other: the last one reads what the source finally holds.
    for (quint64 c = first; c <= last; ++c) {
        while (chunks[c].copying)
            changed.wait(&lock);
        if (chunks[c].needsCopy) {
            leave(c); // not on the replica yet: the drain copies it, with this write in it
            continue;
        }
        chunks[c].copying = true;
        ++copyingCount;
        l.unlock();
        const quint64 from = std::max(offset, chunkStart(c));
        const quint64 to = std::min(offset + length, chunkStart(c) + chunkLength(c));
        const cim::Result<void> r = forward(from, to - from);
        l.relock();
        chunks[c].copying = false;
        --copyingCount;
        chunks[c].touched = true;
        if (!r) {
            setDirty(c);
            setError(r.error().message);
        }
        leave(c);
        changed.wakeAll();
    }
}

cim::Result<void> MirrorSession::State::forward(quint64 offset, quint64 length)
{
    thread_local std::vector<char> buffer;
    if (buffer.size() < length)
        buffer.resize(length);
    const std::span<char> span(buffer.data(), length);
    if (auto r = source->read(offset, span); !r)
        return r;
    if (auto r = target->writeUnobserved(offset, span); !r)
        return r;
    forwarded.fetch_add(length, std::memory_order_relaxed);
    return {};
}

cim::Result<void> MirrorSession::State::beforeWrite(quint64 offset, quint64 length)
{
    if (t_restoringFor != this)
        return enterWrite(offset, length, true);
    if (t_restoreClaimed)
        return {}; // an inline restore: the host write that caused it holds the chunk
    // A drain worker's restore write: claim the chunk here, inside the source's write gate, so a
    // host write waiting for the chunk never waits on a thread that still needs the gate.
    quint64 first, last;
    if (!range(offset, length, first, last))
        return {};
    QMutexLocker l(&lock);
    while (chunks[first].copying)
        changed.wait(&lock);
    if (!chunks[first].needsCopy) {
        t_restoreSkipped = true; // restored meanwhile by a host write
        return cim::Error(cim::ReturnCode::Completed, QString());
    }
    chunks[first].needsCopy = false;
    --dirty;
    chunks[first].copying = true;
    ++copyingCount;
    return {};
}

void MirrorSession::State::afterWrite(quint64 offset, quint64 length)
{
    if (t_restoringFor != this)
        return leaveWrite(offset, length, true, true);
    if (t_restoreClaimed)
        return;
    quint64 first, last;
    if (range(offset, length, first, last))
        release(first, true);
}

void MirrorSession::State::writeAborted(quint64 offset, quint64 length)
{
    if (t_restoringFor != this)
        return leaveWrite(offset, length, false, true);
    if (t_restoreClaimed)
        return;
    quint64 first, last;
    if (range(offset, length, first, last))
        release(first, false);
}

// --- copying ----------------------------------------------------------------------------------

void MirrorSession::State::release(quint64 c, bool ok)
{
    bool again;
    {
        QMutexLocker l(&lock);
        chunks[c].copying = false;
        --copyingCount;
        chunks[c].touched = true;
        if (!ok)
            setDirty(c);
        // Written while it was being copied: the copy may have missed the write, so it goes again.
        again = ok && chunks[c].needsCopy;
        changed.wakeAll();
    }
    if (again)
        kick();
}

// The next dirty chunk from the cursor on (one sweep), or nothing. claim = take it for copying.
std::optional<quint64> MirrorSession::State::claimNext(bool claim)
{
    QMutexLocker l(&lock);
    if (dirty == 0)
        return std::nullopt;
    for (quint64 i = 0; i < chunkCount; ++i) {
        const quint64 c = (cursor + i) % chunkCount;
        Chunk &k = chunks[c];
        if (!k.needsCopy || k.copying || k.clearing)
            continue;
        cursor = c + 1;
        if (claim) {
            k.needsCopy = false;
            --dirty;
            k.copying = true;
            ++copyingCount;
        }
        return c;
    }
    return std::nullopt;
}

// The chunk as the source holds it now: its data extents copied, its holes punched on the
// replica, so the replica stays as sparse as the source.
cim::Result<void> MirrorSession::State::copyToReplica(quint64 c, std::unique_ptr<char[]> &buffer)
{
    const quint64 start = chunkStart(c);
    const quint64 end = start + chunkLength(c);
    auto extents = source->allocatedExtents(start, end - start);
    if (!extents)
        return extents.error();
    BlockCopy copy = copyTo();
    copy.progress = &copied;
    quint64 pos = start;
    for (const Extent &e : extents.value()) {
        if (e.offset > pos) {
            if (auto r = target->discardUnobserved(pos, e.offset - pos); !r)
                return r;
        }
        if (auto r = copyBlocks(copy, e.offset, e.length, buffer); !r)
            return r;
        pos = e.offset + e.length;
    }
    if (pos < end)
        return target->discardUnobserved(pos, end - pos);
    return {};
}

// Restore: the chunk as the replica holds it, written to the source through the block layer so
// the source's other observers (its snapshots, clones being taken) see it like any write.
cim::Result<void> MirrorSession::State::restoreChunk(quint64 c, std::unique_ptr<char[]> &buffer)
{
    if (!buffer)
        buffer.reset(new char[opt.chunkSize]);
    const std::span<char> span(buffer.get(), chunkLength(c));
    if (auto r = target->read(chunkStart(c), span); !r)
        return r;
    const void *previous = std::exchange(t_restoringFor, this);
    t_restoreSkipped = false;
    cim::Result<void> r = source->write(chunkStart(c), span);
    t_restoringFor = previous;
    if (!r && t_restoreSkipped)
        return {};
    if (r)
        copied.fetch_add(span.size(), std::memory_order_relaxed);
    return r;
}

cim::Result<void> MirrorSession::State::restoreInline(quint64 c)
{
    {
        QMutexLocker l(&lock);
        while (chunks[c].copying)
            changed.wait(&lock);
        if (!chunks[c].needsCopy)
            return {};
        chunks[c].needsCopy = false;
        --dirty;
        chunks[c].copying = true;
        ++copyingCount;
    }
    std::unique_ptr<char[]> buffer;
    t_restoreClaimed = true;
    const cim::Result<void> r = restoreChunk(c, buffer);
    t_restoreClaimed = false;
    release(c, r.ok());
    return r;
}

void MirrorSession::State::kick()
{
    if (pumpHasWork())
        pump->kick();
}

bool MirrorSession::State::pumpHasWork() const
{
    if (!attached)
        return false;
    QMutexLocker l(&lock);
    return draining && dirty > 0;
}

ChunkPump::Work::Step MirrorSession::State::pumpChunk(std::unique_ptr<char[]> &buffer)
{
    Direction d = Direction::ToReplica;
    {
        QMutexLocker l(&lock);
        if (!attached || !draining)
            return Step::Idle;
        d = direction;
    }
    const std::optional<quint64> c = claimNext(d == Direction::ToReplica);
    if (!c)
        return Step::Idle;
    cim::Result<void> r;
    if (d == Direction::ToReplica) {
        r = copyToReplica(*c, buffer);
        release(*c, r.ok());
    } else {
        r = restoreChunk(*c, buffer); // claims and releases inside the source's write
    }
    if (!r) {
        setError(r.error().message);
        QMutexLocker l(&lock);
        draining = false; // a failing drain stops; the pair goes Broken
        return Step::Stop;
    }
    if (opt.bytesPerSecond > 0)
        QThread::usleep(ulong(opt.chunkSize * 1000000 / opt.bytesPerSecond));
    return Step::Next;
}

// --- cleaning ---------------------------------------------------------------------------------

void MirrorSession::State::clean()
{
    std::vector<quint64> candidates;
    {
        QMutexLocker l(&lock);
        for (quint64 c = 0; c < chunkCount; ++c) {
            Chunk &k = chunks[c];
            if (k.onDisk && !k.needsCopy && !k.copying && !k.clearing && k.inflight == 0) {
                k.touched = false;
                candidates.push_back(c);
            }
        }
    }
    if (candidates.empty())
        return;
    // Both sides on stable storage first: only then may the map forget that they could differ.
    if (auto r = source->flush(); !r)
        return setError(r.error().message);
    if (auto r = target->flush(); !r)
        return setError(r.error().message);
    std::vector<quint64> clear;
    {
        QMutexLocker l(&lock);
        for (quint64 c : candidates) {
            Chunk &k = chunks[c];
            if (k.onDisk && !k.touched && !k.needsCopy && !k.copying && k.inflight == 0) {
                k.clearing = true;
                clear.push_back(c);
            }
        }
    }
    const cim::Result<void> r = map.unmark(clear);
    QMutexLocker l(&lock);
    for (quint64 c : clear) {
        chunks[c].clearing = false;
        if (r) {
            chunks[c].onDisk = false;
            --markedCount;
        }
    }
    changed.wakeAll();
    if (!r)
        setError(r.error().message);
}

// --- MirrorSession ------------------------------------------------------------------------------

MirrorSession::MirrorSession(std::shared_ptr<BlockDevice> source,
                             std::shared_ptr<BlockDevice> target, ThreadWeaver::Queue *queue,
                             const MirrorOptions &options)
    : m_state(std::make_shared<State>())
{
    State &s = *m_state;
    s.self = m_state;
    s.source = std::move(source);
    s.target = std::move(target);
    s.queue = queue;
    s.opt = options;
    s.opt.chunkSize =
        std::max<quint64>(BlockDevice::BlockSize,
                          options.chunkSize / BlockDevice::BlockSize * BlockDevice::BlockSize);
    s.tracker.state = &s;
    s.pump = std::make_unique<ChunkPump>(queue, ChunkPump::Options{s.opt.workers, s.opt.priority},
                                         std::weak_ptr<ChunkPump::Work>(m_state));
    s.size = s.source->size();
    s.chunkCount = (s.size + s.opt.chunkSize - 1) / s.opt.chunkSize;
    s.chunks.assign(s.chunkCount, State::Chunk{});
}

MirrorSession::~MirrorSession()
{
    detach();
}

cim::Result<void> MirrorSession::arm()
{
    State &s = *m_state;
    if (s.target->size() < s.size) {
        return cim::Error(cim::ReturnCode::InvalidParameter,
                          tr("The replica (%1 bytes) is smaller than the source (%2 bytes).")
                              .arg(s.target->size())
                              .arg(s.size));
    }
    const CheckpointMap::Geometry g{s.opt.chunkSize, s.chunkCount, s.size};
    if (auto r = s.map.create(s.opt.mapPath, g); !r)
        return r;
    // A target reused from an earlier life must read as zeros wherever the source is a hole,
    // durably: those chunks are never marked, so nothing would copy them after a crash.
    if (auto r = s.target->discardUnobserved(0, s.target->size()); !r)
        return r;
    if (auto r = s.target->flush(); !r)
        return r;
    // Observe first, then mark what holds data: a write in between marks its own chunks, and
    // with forwarding still off it leaves them dirty for the initial copy.
    s.attached = true;
    s.source->addObserver(m_state.get());
    auto extents = s.source->allocatedExtents(0, s.size);
    if (!extents) {
        detach();
        return extents.error();
    }
    std::vector<quint64> chunks;
    for (const Extent &e : extents.value()) {
        for (quint64 c = e.offset / s.opt.chunkSize;
             c <= (e.offset + e.length - 1) / s.opt.chunkSize && c < s.chunkCount; ++c) {
            if (chunks.empty() || chunks.back() != c)
                chunks.push_back(c);
        }
    }
    if (auto r = s.markDurable(chunks); !r) {
        detach();
        return r;
    }
    QMutexLocker l(&s.lock);
    for (quint64 c : chunks)
        s.setDirty(c);
    return {};
}

cim::Result<void> MirrorSession::rearm(bool *fullResync)
{
    State &s = *m_state;
    const CheckpointMap::Geometry g{s.opt.chunkSize, s.chunkCount, s.size};
    bool full = false;
    std::vector<quint64> marked;
    if (auto opened = s.map.open(s.opt.mapPath, g); opened) {
        const std::vector<bool> bits = s.map.marked();
        for (quint64 c = 0; c < s.chunkCount; ++c) {
            if (bits[c])
                marked.push_back(c);
        }
    } else {
        // No trustworthy map: every chunk may differ.
        full = true;
        if (auto r = s.map.create(s.opt.mapPath, g); !r)
            return r;
        marked.resize(s.chunkCount);
        for (quint64 c = 0; c < s.chunkCount; ++c)
            marked[c] = c;
        if (auto r = s.map.mark(marked); !r)
            return r;
    }
    {
        QMutexLocker l(&s.lock);
        for (quint64 c : marked) {
            s.chunks[c].onDisk = true;
            ++s.markedCount;
            s.setDirty(c);
        }
    }
    if (fullResync)
        *fullResync = full;
    s.attached = true;
    s.source->addObserver(m_state.get());
    return {};
}

cim::Result<void> MirrorSession::markAllDirty()
{
    State &s = *m_state;
    std::vector<quint64> all(s.chunkCount);
    for (quint64 c = 0; c < s.chunkCount; ++c)
        all[c] = c;
    QMutexLocker l(&s.lock);
    // A cleaning pass that is forgetting marks must finish first, or it could forget these.
    auto clearing = [&s] {
        return std::any_of(s.chunks.begin(), s.chunks.end(),
                           [](const auto &k) { return k.clearing; });
    };
    while (clearing())
        s.changed.wait(&s.lock);
    if (auto r = s.map.mark(all); !r)
        return r;
    for (quint64 c = 0; c < s.chunkCount; ++c) {
        if (!s.chunks[c].onDisk) {
            s.chunks[c].onDisk = true;
            ++s.markedCount;
        }
        s.setDirty(c);
    }
    return {};
}

void MirrorSession::detach()
{
    State &s = *m_state;
    if (!s.attached.exchange(false))
        return;
    s.source->removeObserver(m_state.get());
    s.target->removeObserver(&s.tracker);
    QMutexLocker l(&s.lock);
    s.draining = false;
    s.trackTarget = false;
}

void MirrorSession::setForwarding(bool on)
{
    QMutexLocker l(&m_state->lock);
    m_state->forwarding = on;
}

void MirrorSession::setDraining(bool on, Direction direction)
{
    {
        QMutexLocker l(&m_state->lock);
        m_state->draining = on;
        m_state->direction = direction;
    }
    if (on)
        m_state->kick();
}

void MirrorSession::setTrackTarget(bool on)
{
    State &s = *m_state;
    {
        QMutexLocker l(&s.lock);
        if (s.trackTarget == on)
            return;
        s.trackTarget = on;
    }
    if (on && s.attached)
        s.target->addObserver(&s.tracker);
    else
        s.target->removeObserver(&s.tracker);
}

bool MirrorSession::isDraining() const
{
    QMutexLocker l(&m_state->lock);
    return m_state->draining;
}

MirrorSession::Direction MirrorSession::direction() const
{
    QMutexLocker l(&m_state->lock);
    return m_state->direction;
}

cim::Result<void> MirrorSession::drainNow()
{
    State &s = *m_state;
    std::unique_ptr<char[]> buffer;
    while (const std::optional<quint64> c = s.claimNext(true)) {
        const cim::Result<void> r = s.copyToReplica(*c, buffer);
        s.release(*c, r.ok());
        if (!r)
            return r;
    }
    {
        // Chunks a drain worker is still copying.
        QMutexLocker l(&s.lock);
        while (s.copyingCount > 0)
            s.changed.wait(&s.lock);
        if (s.dirty > 0) {
            return cim::Error(cim::ReturnCode::Failed,
                              tr("The replica could not be brought up to date: %1")
                                  .arg(error().isEmpty() ? tr("writes kept arriving") : error()));
        }
    }
    return s.target->flush();
}

void MirrorSession::kick()
{
    m_state->kick();
}

void MirrorSession::scheduleClean()
{
    State &s = *m_state;
    if (!s.attached || s.cleaning.exchange(true))
        return;
    std::shared_ptr<State> me = m_state;
    s.queue->enqueue(ThreadWeaver::JobPointer(new PriorityLambda(
        [me] {
            if (me->attached)
                me->clean();
            me->cleaning = false;
        },
        s.opt.priority)));
}

void MirrorSession::cleanNow()
{
    State &s = *m_state;
    if (!s.attached || s.cleaning.exchange(true))
        return;
    s.clean();
    s.cleaning = false;
}

quint64 MirrorSession::dirtyBytes() const
{
    QMutexLocker l(&m_state->lock);
    return std::min(m_state->dirty * m_state->opt.chunkSize, m_state->size);
}

quint64 MirrorSession::copiedBytes() const
{
    return m_state->copied.load();
}

quint64 MirrorSession::forwardedBytes() const
{
    return m_state->forwarded.load();
}

quint64 MirrorSession::markedChunks() const
{
    QMutexLocker l(&m_state->lock);
    return m_state->markedCount;
}

bool MirrorSession::isInStep() const
{
    QMutexLocker l(&m_state->lock);
    return m_state->dirty == 0 && m_state->copyingCount == 0;
}

QString MirrorSession::error() const
{
    QMutexLocker l(&m_state->errorLock);
    return m_state->error;
}

void MirrorSession::clearError()
{
    QMutexLocker l(&m_state->errorLock);
    m_state->error.clear();
}

quint64 MirrorSession::chunkSize() const
{
    return m_state->opt.chunkSize;
}

} // namespace rd::engine
