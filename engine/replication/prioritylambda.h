#pragma once
// ThreadWeaver's own Lambda job with a queue priority, keeping alive the queue policy assigned to
// it: a 5.x Job tells its policies when it is destroyed, after a subclass's members are gone.

#include <ThreadWeaver/Lambda>
#include <ThreadWeaver/QueuePolicy>

#include <QMutexLocker>

#include <functional>
#include <memory>

namespace rd::engine {

namespace prioritylambda_detail {
// A base listed before Lambda is destroyed after it, so the policy outlives ~Job's call to it.
struct PolicyKeeper
{
    std::shared_ptr<ThreadWeaver::QueuePolicy> policy;
};
} // namespace prioritylambda_detail

class PriorityLambda final : private prioritylambda_detail::PolicyKeeper,
                             public ThreadWeaver::Lambda<std::function<void()>>
{
public:
    PriorityLambda(std::function<void()> run, int priority,
                   std::shared_ptr<ThreadWeaver::QueuePolicy> queuePolicy = {})
        : PolicyKeeper{std::move(queuePolicy)}
        , Lambda(std::move(run))
        , m_priority(priority)
    {
        if (policy) {
            // 5.x policies are per job: each job, successors included, is given it.
            QMutexLocker lock(mutex());
            assignQueuePolicy(policy.get());
        }
    }
    int priority() const override { return m_priority; }

private:
    int m_priority;
};

} // namespace rd::engine
