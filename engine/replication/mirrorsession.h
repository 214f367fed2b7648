#pragma once
// A mirror's data path: a WriteObserver on the source that keeps the replica in step, either
// before each write returns (Synchronous) or soon after from a dirty map drained on the engine's
// ThreadWeaver queue (Asynchronous). The durable dirty map lets a crash, a fracture or a suspension
// resync only what changed; restore runs the same machinery from the replica back to the source.
// mirrorsession.cpp runs to about 850 lines: the write path, the drain and the clean pass share one
// per-chunk state table whose invariants must be read together; the drain's workers are a
// ChunkPump.

#include "checkpointmap.h"

#include "storage/blockdevice.h"

#include <QString>

#include <memory>

namespace ThreadWeaver {
class Queue;
}

namespace rd::engine {

struct MirrorOptions
{
    quint64 chunkSize = 64 << 10; // the dirty map's granularity
    bool synchronous = true;      // Mode 2: forward each write before it returns
    int workers = 2;              // chunks a drain copies at once
    int priority = 10;            // ThreadWeaver job priority of drain work
    quint64 bytesPerSecond = 0;   // drain throttle (CopyPriority Low); 0 = unthrottled
    // While the mirror is in step, a write to an unmarked chunk marks this many (an aligned
    // group) with one fdatasync: fewer syncs for writes that follow nearby, at the price of
    // copying the group's clean neighbours again after a crash. Fractured, split or suspended,
    // marks stay exact: then the map is what a resync copies.
    quint64 markGroup = 16;
    // Image descriptors for copy_file_range from source to replica; -1 = read + write.
    int sourceFd = -1;
    int targetFd = -1;
    QString mapPath; // the durable dirty map; required
};

class MirrorSession final
{
public:
    enum class Direction { ToReplica, ToSource };

    MirrorSession(std::shared_ptr<BlockDevice> source, std::shared_ptr<BlockDevice> target,
                  ThreadWeaver::Queue *queue, const MirrorOptions &options);
    // Detaches from both devices; drain work still queued finds the session gone and ends.
    ~MirrorSession();
    Q_DISABLE_COPY_MOVE(MirrorSession)

    // A new mirror: the replica is emptied, the map is created with every chunk that holds data on
    // the source marked dirty (durable before this returns), and the observer is installed.
    cim::Result<void> arm();
    // After a restart: the map is read back and every chunk it marks is dirty. A missing or
    // damaged map marks every chunk (fullResync = true): a resync copies too much, never too
    // little.
    cim::Result<void> rearm(bool *fullResync);
    // Marks every chunk dirty, durably: the replica may differ anywhere (it was written where
    // this session could not see it). Call while not draining.
    cim::Result<void> markAllDirty();
    // Removes the observers; the map stays on disk (the caller removes it with the pair).
    void detach();

    // What happens to writes and dirty chunks (engine thread; takes effect for the next write):
    //   forwarding — a source write to a chunk the replica holds goes on to the replica (Mode 2:
    //                before the write returns; Mode 3: queued for the drain). Off: it only marks
    //                the chunk dirty (Suspended, Fractured, Split).
    //   draining   — dirty chunks are copied in the background, in the given direction.
    //   trackTarget — writes to the replica mark chunks dirty too (a fractured replica belongs to
    //                hosts; a resync or restore must overwrite what they changed).
    void setForwarding(bool on);
    void setDraining(bool on, Direction direction = Direction::ToReplica);
    void setTrackTarget(bool on);
    bool isDraining() const;
    Direction direction() const;

    // Copies every dirty chunk to the replica in the caller's thread, waits for drain work in
    // flight, and flushes the replica. With the source's writes held, the replica then equals the
    // source: what a fracture or split of an asynchronous mirror needs.
    cim::Result<void> drainNow();
    // Makes sure drain work runs when there is something to drain (after a restart, a resume).
    void kick();
    // Clears the durable marks of chunks both sides hold alike, after flushing both, on the queue
    // (at most one pass at a time). Run periodically: a mark outlives its write by one pass.
    void scheduleClean();
    // The same pass in the caller's thread (unless one is running); for tests and shutdown.
    void cleanNow();

    quint64 dirtyBytes() const;     // chunks the replica (or, restoring, the source) lacks
    quint64 copiedBytes() const;    // copied by drains since arming (resync cost, counted)
    quint64 forwardedBytes() const; // forwarded by synchronous writes since arming
    quint64 markedChunks() const;   // chunks marked in the durable map right now
    // Draining, nothing dirty, nothing being copied: the two sides are equal.
    bool isInStep() const;
    // The first I/O error a drain or a forward met (the pair is then Broken); empty when none.
    QString error() const;
    void clearError();
    quint64 chunkSize() const;

    struct State; // shared with queued drain work; defined in mirrorsession.cpp

private:
    std::shared_ptr<State> m_state;
};

} // namespace rd::engine
