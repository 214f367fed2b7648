#pragma once
// Copies a local volume to an NBD export (a peer's volume) as it was at one point in time: a
// CloneCopier whose target is an NbdBlockDevice, so holes are skipped and source writes during
// the copy first send the old blocks (copy-before-write), exactly as a local clone does.

#include "nbdblockdevice.h"

#include "jobs/concretejob.h"
#include "replication/clonecopier.h"

#include <QObject>
#include <QPointer>
#include <QUrl>

#include <memory>

namespace ThreadWeaver {
class Queue;
}

namespace rd::engine {

class RemoteCloneWriter final : public QObject, public JobControl
{
    Q_OBJECT
public:
    RemoteCloneWriter(std::shared_ptr<BlockDevice> source, ThreadWeaver::Queue *queue,
                      const CloneOptions &options = {}, QObject *parent = nullptr);
    ~RemoteCloneWriter() override;
    Q_DISABLE_COPY_MOVE(RemoteCloneWriter)

    // Fixes the point in time and starts copying to an open export. Errors (a target smaller
    // than the source, a failed zeroing of the target) come back here and nothing runs.
    cim::Result<void> start(std::shared_ptr<BlockDevice> target);
    // Connects to the export off this thread, then start(); a failure ends in finished(Failed).
    // The point in time is when the connection is made, which armed() reports.
    void start(const QUrl &target, const NbdBlockDevice::Options &options = {});

    bool isRunning() const { return m_copier && m_copier->isRunning(); }
    quint64 bytesDone() const { return m_copier ? m_copier->bytesDone() : 0; }
    quint64 bytesTotal() const { return m_copier ? m_copier->bytesTotal() : 0; }

    // JobControl: the copier's.
    void suspend() override;
    void resume() override;
    void terminate() override;

Q_SIGNALS:
    void armed();
    void progress(quint64 done, quint64 total);
    // Once; the writer has let go of the source by then.
    void finished(rd::engine::CloneCopier::Outcome outcome, const QString &message);

private:
    std::shared_ptr<BlockDevice> m_source;
    std::shared_ptr<BlockDevice> m_target;
    ThreadWeaver::Queue *m_queue;
    CloneOptions m_options;
    std::unique_ptr<CloneCopier> m_copier;
    bool m_cancelled = false;
};

} // namespace rd::engine
