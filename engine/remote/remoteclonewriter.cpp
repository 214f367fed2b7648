#include "remoteclonewriter.h"

namespace rd::engine {

RemoteCloneWriter::RemoteCloneWriter(std::shared_ptr<BlockDevice> source,
                                     ThreadWeaver::Queue *queue, const CloneOptions &options,
                                     QObject *parent)
    : QObject(parent)
    , m_source(std::move(source))
    , m_queue(queue)
    , m_options(options)
{
    // copy_file_range cannot reach a socket, and a remote copy has no local checkpoint file.
    m_options.sourceFd = -1;
    m_options.targetFd = -1;
    m_options.backgroundCopy = true;
}

RemoteCloneWriter::~RemoteCloneWriter()
{
    // The copier detaches from the source first; the target closes after its last worker.
    m_copier.reset();
}

cim::Result<void> RemoteCloneWriter::start(std::shared_ptr<BlockDevice> target)
{
    if (m_copier)
        return cim::Error(cim::ReturnCode::InUse, tr("The remote copy has already started."));
    auto copier = std::make_unique<CloneCopier>(m_source, target, m_queue, m_options);
    if (auto r = copier->arm(); !r)
        return r;
    m_target = std::move(target);
    m_copier = std::move(copier);
    connect(m_copier.get(), &CloneCopier::progress, this, &RemoteCloneWriter::progress);
    connect(m_copier.get(), &CloneCopier::finished, this,
            [this](CloneCopier::Outcome outcome, const QString &message) {
                // Done, failed or cancelled, the copy no longer protects a point in time: a
                // source write must not wait for (or fail on) a peer that is gone.
                m_copier->detach();
                Q_EMIT finished(outcome, message);
            });
    Q_EMIT armed();
    m_copier->start();
    return {};
}

void RemoteCloneWriter::start(const QUrl &target, const NbdBlockDevice::Options &options)
{
    NbdBlockDevice::connectAsync(target, options)
        .then(QtFuture::Launch::Sync, [self = QPointer(this)](
                                          cim::Result<std::shared_ptr<NbdBlockDevice>> device) {
            // Resolved on a pool thread: come back to this object's thread to arm.
            if (!self)
                return;
            QMetaObject::invokeMethod(
                self,
                [self, device]() {
                    if (!self)
                        return;
                    cim::Result<void> r = device ? cim::Result<void>() : device.error();
                    if (r && self->m_cancelled)
                        r = cim::Error(cim::ReturnCode::Failed, tr("Cancelled."));
                    if (r)
                        r = self->start(std::shared_ptr<BlockDevice>(device.value()));
                    if (!r)
                        Q_EMIT self->finished(self->m_cancelled ? CloneCopier::Outcome::Cancelled
                                                                : CloneCopier::Outcome::Failed,
                                              r.error().message);
                },
                Qt::QueuedConnection);
        });
}

void RemoteCloneWriter::suspend()
{
    if (m_copier)
        m_copier->suspend();
}

void RemoteCloneWriter::resume()
{
    if (m_copier)
        m_copier->resume();
}

void RemoteCloneWriter::terminate()
{
    m_cancelled = true;
    if (m_copier)
        m_copier->terminate();
}

} // namespace rd::engine
