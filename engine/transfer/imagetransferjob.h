#pragma once
// One qemu-img convert run as an engine job: its `-p` figures become PercentComplete, Suspend and
// Resume stop and continue the process, Terminate kills it. What the run leaves behind is the
// owner's: finish() turns a successful run into the result (a failure there fails the job), and
// undo() removes what a failed or stopped run made (a half-written volume, a partial file).

#include "qemuimg.h"

#include "jobs/enginejob.h"

#include <QStringList>

#include <functional>
#include <memory>

class QProcess;

namespace rd::engine {

class ImageTransferJob final : public EngineJob
{
public:
    struct Steps
    {
        QStringList arguments; // of qemu-img
        std::function<cim::Result<void>()> finish;
        std::function<void()> undo;
    };
    ImageTransferJob(ConcreteJob *job, Steps steps);
    ~ImageTransferJob() override;
    Q_DISABLE_COPY_MOVE(ImageTransferJob)

protected:
    void doStart() override;
    void doSuspend() override;
    void doResume() override;
    bool doKill() override;

private:
    void signal(int sig) const;
    void onFinished(int exitCode, bool crashed);

    Steps m_steps;
    std::unique_ptr<QProcess> m_process;
    qemuimg::ProgressParser m_progress;
    QByteArray m_stderr;
    bool m_undone = false;
};

} // namespace rd::engine
