#pragma once
// The answer of a method that waits for its job (Mode Synchronous, WaitForCopyState Synchronized):
// one place for "answer when the job ends", built on ConcreteJob::whenFinished().

#include "concretejob.h"

#include "cim/methodcall.h"

namespace rd::engine {

// result as prepared (its out parameters set), answered once the job ends: ReturnValue 0 when it
// completed, else Failed with the job's error text, or stoppedMessage when it was terminated or
// removed first. Ready at once for a job that has already ended. Engine thread.
QFuture<cim::MethodResult> answerWhenFinished(ConcreteJob *job, cim::MethodResult result,
                                              const QString &stoppedMessage);

} // namespace rd::engine
