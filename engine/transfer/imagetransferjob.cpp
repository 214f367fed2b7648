#include "imagetransferjob.h"

#include <QCoreApplication>
#include <QProcess>

#include <csignal>

namespace rd::engine {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("rd::engine::ImageTransferJob", text);
}
} // namespace

ImageTransferJob::ImageTransferJob(ConcreteJob *job, Steps steps)
    : EngineJob(job)
    , m_steps(std::move(steps))
{
    // A stopped process is a paused copy: nothing else needs to know.
    setSuspendable(true);
}

ImageTransferJob::~ImageTransferJob()
{
    // The engine stops with the copy under way: the process goes with it, and the job stays
    // persisted unfinished for the next engine's resumer to clean up after.
    if (m_process) {
        m_process->disconnect();
        signal(SIGCONT);
        m_process->kill();
        m_process->waitForFinished(5000);
    }
}

void ImageTransferJob::doStart()
{
    const QString program = qemuimg::program();
    if (program.isEmpty()) {
        m_steps.undo();
        emitError({quint32(cim::ReturnCode::Failed),
                   tr("qemu-img is not installed (Debian: qemu-utils)."),
                   JobErrorType::UnavailableResource});
        return;
    }
    m_process = std::make_unique<QProcess>();
    // Progress comes on stdout, messages on stderr; neither may block the process.
    QObject::connect(m_process.get(), &QProcess::readyReadStandardOutput, m_process.get(), [this] {
        if (auto percent = m_progress.feed(m_process->readAllStandardOutput()))
            setPercent(quint16(*percent));
    });
    QObject::connect(m_process.get(), &QProcess::readyReadStandardError, m_process.get(), [this] {
        m_stderr += m_process->readAllStandardError();
        if (m_stderr.size() > 64 * 1024)
            m_stderr = m_stderr.right(16 * 1024);
    });
    QObject::connect(m_process.get(), &QProcess::finished, m_process.get(),
                     [this](int code, QProcess::ExitStatus status) {
                         onFinished(code, status == QProcess::CrashExit);
                     });
    QObject::connect(m_process.get(), &QProcess::errorOccurred, m_process.get(),
                     [this](QProcess::ProcessError error) {
                         if (error == QProcess::FailedToStart)
                             onFinished(-1, true);
                     });
    m_process->start(program, m_steps.arguments);
    if (isSuspended())
        doSuspend();
}

void ImageTransferJob::signal(int sig) const
{
    if (m_process && m_process->processId() > 0)
        ::kill(pid_t(m_process->processId()), sig);
}

void ImageTransferJob::doSuspend()
{
    signal(SIGSTOP);
}

void ImageTransferJob::doResume()
{
    signal(SIGCONT);
}

bool ImageTransferJob::doKill()
{
    if (!m_process || m_process->state() == QProcess::NotRunning) {
        if (!m_undone) {
            m_undone = true;
            m_steps.undo();
        }
        return true;
    }
    // A stopped process must run again to die of anything but SIGKILL; kill() is SIGKILL, but
    // continuing it first keeps the order of events the same for both.
    signal(SIGCONT);
    m_process->kill();
    return false; // onFinished ends the job
}

void ImageTransferJob::onFinished(int exitCode, bool crashed)
{
    if (isFinished() || !m_process)
        return;
    m_stderr += m_process->readAllStandardError();
    // The process object may not go inside its own signal.
    m_process.release()->deleteLater();
    if (isStopping()) {
        m_undone = true;
        m_steps.undo();
        emitStopped();
        return;
    }
    if (exitCode != 0 || crashed) {
        m_undone = true;
        m_steps.undo();
        QString reason = qemuimg::errorText(m_stderr);
        if (reason.isEmpty())
            reason = crashed ? tr("qemu-img stopped unexpectedly.")
                             : tr("qemu-img failed with exit code %1.").arg(exitCode);
        emitError({quint32(cim::ReturnCode::Failed), reason, JobErrorType::Software});
        return;
    }
    if (auto done = m_steps.finish(); !done) {
        m_undone = true;
        m_steps.undo();
        emitError({done.error().code, done.error().message, JobErrorType::Software});
        return;
    }
    emitResult();
}

} // namespace rd::engine
