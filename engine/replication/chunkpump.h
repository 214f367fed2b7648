#pragma once
// Runs a copy's chunks on the engine's ThreadWeaver queue, for the clone copier and the mirror's
// drain: runner jobs (ThreadWeaver Lambdas) that each copy a few chunks and then hand their
// thread back, at most `runners` at once (a ResourceRestrictionPolicy), parked while suspended.
// What a chunk is, and every ordering rule about it, stays with the Work that copies it.

#include <QMutex>
#include <QtGlobal>

#include <memory>

namespace ThreadWeaver {
class Queue;
class ResourceRestrictionPolicy;
} // namespace ThreadWeaver

namespace rd::engine {

class ChunkPump final
{
public:
    // What the pump drives. Called on queue threads, by several runners at once.
    class Work
    {
    public:
        enum class Step {
            Next, // a chunk was handled (or found done already): go on
            Idle, // nothing to do now: the runner ends, a later kick() starts one again
            Stop, // the copy is over (done, failed or cancelled): the runner ends
        };
        virtual ~Work() = default;
        // One chunk, with a buffer the runner keeps for its next chunk (at most one per runner,
        // so at most `runners` buffers exist). Cancellation is the Work's to check, here.
        virtual Step pumpChunk(std::unique_ptr<char[]> &buffer) = 0;
        // Whether another runner would find a chunk now; cheap, may be stale.
        virtual bool pumpHasWork() const = 0;
        // The last runner ended and none is queued or parked: nothing of the pump runs. Called on
        // that runner's thread, not after stop().
        virtual void pumpStopped() {}
    };

    struct Options
    {
        int runners = 1; // chunks in flight at most
        int priority = 0;
        // Chunks a runner copies before it hands its thread back: long enough to amortise
        // scheduling, short enough that other work sharing the queue (and higher priorities) get
        // their turn, since ThreadWeaver runs each job to its end.
        int chunksPerRunner = 16;
    };

    // work is held weakly; a queued or running runner holds it strongly, so it outlives the
    // runners (and this pump, its member, does too).
    ChunkPump(ThreadWeaver::Queue *queue, const Options &options, std::weak_ptr<Work> work);
    ~ChunkPump();
    Q_DISABLE_COPY_MOVE(ChunkPump)

    // The first runner; suspended = parked at once, resume() starts it.
    void start(bool suspended = false);
    // Makes sure a runner is on its way (none waits in the queue yet): after work appeared.
    void kick();
    // The gate: a runner finding it closed parks (ends its job without a successor, so a
    // suspended copy holds no queue thread); resume() starts the parked ones again.
    void suspend();
    void resume();
    bool isSuspended() const;
    // No runner starts again; parked ones are let go, running ones end at their next chunk
    // (the Work sees its own cancel flag), and pumpStopped() is not owed.
    void stop();

private:
    void run(const std::shared_ptr<Work> &work);
    void runnerEnded(const std::shared_ptr<Work> &work, bool more);
    void enqueueRunner(const std::shared_ptr<Work> &work);

    ThreadWeaver::Queue *m_queue;
    Options m_options;
    std::weak_ptr<Work> m_work;
    // Caps the runners that run at once; the pump only keeps one more waiting in the queue.
    std::shared_ptr<ThreadWeaver::ResourceRestrictionPolicy> m_policy;

    mutable QMutex m_lock;
    int m_queued = 0;  // runners enqueued, not started
    int m_running = 0; // runners in a queue thread
    int m_parked = 0;  // runners that found the gate closed
    bool m_suspended = false;
    bool m_stopped = false;
};

} // namespace rd::engine
