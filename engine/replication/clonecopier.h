#pragma once
// Copies a source BlockDevice to a target as it was at one point in time, on the engine's
// ThreadWeaver queue: chunked, a few chunks in flight, holes skipped, copy-before-write for source
// writes that arrive during the copy, suspendable, cancellable, resumable from a checkpoint.

#include "checkpointmap.h"

#include "jobs/concretejob.h"
#include "storage/blockdevice.h"

#include <QObject>
#include <QTimer>

#include <memory>

namespace ThreadWeaver {
class Queue;
}

namespace rd::engine {

struct CloneOptions
{
    quint64 chunkSize = 1 << 20;
    int workers = 4;            // chunks in flight, and at most this many buffers of chunkSize
    int priority = 0;           // ThreadWeaver job priority; higher runs first
    quint64 bytesPerSecond = 0; // throttle; 0 = as fast as the devices go
    // Descriptors of the image files behind source and target, for copy_file_range (the kernel
    // copies, or reflinks, without a round trip through user space); -1 = read + write.
    int sourceFd = -1;
    int targetFd = -1;
    int sampleIntervalMs = 200;      // how often progress() is emitted while the copy runs
    int checkpointIntervalMs = 1000; // how often copied chunks are made durable in the background
    // Durable map of copied chunks; empty = no checkpoints (the copy cannot resume after a crash).
    QString checkpointPath;
    // false = a snapshot: nothing is copied in the background and start() is not called; a chunk
    // goes to the target only when the source is about to overwrite it (copy-on-write), so the
    // target is a delta and the point in time is read through pointInTimeDevice().
    bool backgroundCopy = true;
};

class CloneCopier final : public QObject, public JobControl
{
    Q_OBJECT
public:
    enum class Outcome { Completed, Failed, Cancelled };
    Q_ENUM(Outcome)

    CloneCopier(std::shared_ptr<BlockDevice> source, std::shared_ptr<BlockDevice> target,
                ThreadWeaver::Queue *queue, const CloneOptions &options, QObject *parent = nullptr);
    // Cancels the copy and detaches from the source; workers still running finish their current
    // chunk on their own (they share ownership of what they use).
    ~CloneCopier() override;
    Q_DISABLE_COPY_MOVE(CloneCopier)

    // Fixes the point in time: from when this returns, every source write first copies the
    // chunks it touches that the target does not have yet. Call it before the request that asks
    // for the clone is acknowledged. resume = continue from the checkpoint file instead of
    // starting over (the target then keeps what it has).
    cim::Result<void> arm(bool resume = false);
    // Starts the background copy (suspended = armed and protecting, but workers held at the gate).
    void start(bool suspended = false);

    // JobControl: the gate and the cancel flag the workers check between chunks.
    void suspend() override;
    void resume() override;
    void terminate() override;
    bool isSuspended() const;

    quint64 bytesTotal() const;
    quint64 bytesDone() const;
    // Every byte copied to the target so far, in the background or by copy-on-write (a
    // snapshot's saves: what it cost the source's writers).
    quint64 bytesCopied() const;
    quint16 percent() const;
    bool isRunning() const { return m_running; }
    // Stops copy-before-write (after the copy ended); also done by the destructor.
    void detach();

    // The source as it was at the point in time, from any thread, while armed: chunks the target
    // holds are read from it, the others from the source (which no write has reached yet).
    cim::Result<void> readPointInTime(quint64 offset, std::span<char> buffer);
    // A read-only BlockDevice over readPointInTime, the size of the target: what a snapshot's
    // volume serves. It keeps the copy's state alive; reads fail once the copier is detached.
    std::shared_ptr<BlockDevice> pointInTimeDevice();

    struct State; // shared with the workers; defined in clonecopier.cpp

Q_SIGNALS:
    // Sampled from an atomic byte counter by a timer on this object's thread, never per chunk.
    void progress(quint64 done, quint64 total);
    // Once, on this object's thread, after every worker has stopped. Completed means every chunk
    // is on the target and flushed (and marked in the checkpoint).
    void finished(rd::engine::CloneCopier::Outcome outcome, const QString &message);

private:
    void sample();
    void onWorkersDone();

    std::shared_ptr<State> m_state;
    ThreadWeaver::Queue *m_queue;
    QTimer m_sampler;
    bool m_running = false;
    bool m_armed = false;
};

} // namespace rd::engine
