#include "chunkpump.h"

#include "prioritylambda.h"

#include <ThreadWeaver/Queue>
#include <ThreadWeaver/ResourceRestrictionPolicy>

#include <algorithm>

namespace rd::engine {

using Step = ChunkPump::Work::Step;

ChunkPump::ChunkPump(ThreadWeaver::Queue *queue, const Options &options, std::weak_ptr<Work> work)
    : m_queue(queue)
    , m_options(options)
    , m_work(std::move(work))
    , m_policy(
          std::make_shared<ThreadWeaver::ResourceRestrictionPolicy>(std::max(1, options.runners)))
{
    m_options.runners = std::max(1, options.runners);
    m_options.chunksPerRunner = std::max(1, options.chunksPerRunner);
}

ChunkPump::~ChunkPump() = default;

void ChunkPump::enqueueRunner(const std::shared_ptr<Work> &work)
{
    m_queue->enqueue(ThreadWeaver::JobPointer(
        new PriorityLambda([this, work] { run(work); }, m_options.priority, m_policy)));
}

void ChunkPump::start(bool suspended)
{
    {
        QMutexLocker lock(&m_lock);
        m_suspended = suspended;
        if (suspended) {
            ++m_parked; // resume() starts it
            return;
        }
    }
    kick();
}

void ChunkPump::kick()
{
    std::shared_ptr<Work> work;
    {
        QMutexLocker lock(&m_lock);
        if (m_stopped || m_suspended || m_queued > 0)
            return;
        work = m_work.lock();
        if (!work)
            return;
        ++m_queued;
    }
    enqueueRunner(work);
}

// Runners ramp up: one that starts while there is more to do queues the next, which the policy
// holds back while `runners` run. So at most runners + 1 exist, the queue never fills with them,
// and the limit is ThreadWeaver's, not a count of ours.
void ChunkPump::run(const std::shared_ptr<Work> &work)
{
    {
        QMutexLocker lock(&m_lock);
        --m_queued;
        ++m_running;
    }
    if (work->pumpHasWork())
        kick();
    std::unique_ptr<char[]> buffer;
    for (int n = 0; n < m_options.chunksPerRunner; ++n) {
        {
            QMutexLocker lock(&m_lock);
            if (m_suspended && !m_stopped) {
                --m_running;
                ++m_parked;
                return;
            }
        }
        if (work->pumpChunk(buffer) != Step::Next)
            return runnerEnded(work, false);
    }
    // Hand the thread back; the copy continues as a new job.
    runnerEnded(work, work->pumpHasWork());
}

void ChunkPump::runnerEnded(const std::shared_ptr<Work> &work, bool more)
{
    bool successor = false;
    bool last = false;
    {
        QMutexLocker lock(&m_lock);
        --m_running;
        if (more && !m_stopped) {
            if (m_suspended) {
                ++m_parked;
            } else if (m_queued == 0) {
                ++m_queued;
                successor = true;
            }
        }
        last = !m_stopped && m_running == 0 && m_queued == 0 && m_parked == 0;
    }
    if (successor)
        enqueueRunner(work);
    if (last)
        work->pumpStopped();
}

void ChunkPump::suspend()
{
    QMutexLocker lock(&m_lock);
    m_suspended = true;
}

void ChunkPump::resume()
{
    std::shared_ptr<Work> work;
    {
        QMutexLocker lock(&m_lock);
        m_suspended = false;
        if (m_parked == 0 || m_stopped)
            return;
        // The parked runners are one waiting runner again; it ramps up to the cap.
        m_parked = 0;
        if (m_queued > 0)
            return;
        work = m_work.lock();
        if (!work)
            return;
        ++m_queued;
    }
    enqueueRunner(work);
}

bool ChunkPump::isSuspended() const
{
    QMutexLocker lock(&m_lock);
    return m_suspended;
}

void ChunkPump::stop()
{
    QMutexLocker lock(&m_lock);
    m_stopped = true;
    m_parked = 0;
}

} // namespace rd::engine
