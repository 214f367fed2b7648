#include "jobanswer.h"

namespace rd::engine {

QFuture<cim::MethodResult> answerWhenFinished(ConcreteJob *job, cim::MethodResult result,
                                              const QString &stoppedMessage)
{
    auto answer = [result, stoppedMessage](const JobOutcome &end) mutable {
        if (end.completed()) {
            result.returnValue = quint32(cim::ReturnCode::Completed);
        } else {
            result.returnValue = quint32(cim::ReturnCode::Failed);
            result.message = end.state == cim::JobState::Exception && end.error ? end.error->message
                                                                                : stoppedMessage;
        }
        return result;
    };
    // Sync: the final state is reached on the engine thread, and the answer goes from there.
    return job->whenFinished().then(QtFuture::Launch::Sync, std::move(answer));
}

} // namespace rd::engine
