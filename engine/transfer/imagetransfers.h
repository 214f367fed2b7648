#pragma once
// The engine's image imports and exports (ImportImage, ExportImage): each is a job that runs
// qemu-img against a private NBD export of the volumes, a 0600 Unix socket under the engine's data
// directory, so that an import's writes reach the volume through its block device (replication
// observes writes only there) and an export reads what the volume serves (a snapshot's point in
// time). Engine thread.

#include "transferpolicy.h"

#include "storage/imagetransferservice.h"

#include <QHash>
#include <QObject>
#include <QPointer>

#include <memory>
#include <unordered_map>

namespace rd::engine {

class ConcreteJob;
class ImageTransferJob;
class JobManager;
class NbdServer;
class PoolManager;
namespace qemuimg {
struct ImageInfo;
}

class ImageTransfers final : public QObject, public ImageTransferService
{
    Q_OBJECT
public:
    static QString importKind() { return QStringLiteral("ImportImage"); }
    static QString exportKind() { return QStringLiteral("ExportImage"); }

    struct Parts
    {
        PoolManager *pools;
        JobManager *jobs; // the resumers for both kinds are registered on it
        QString systemName;
        QString socketPath; // the private NBD export's socket, made on first use
        TransferPolicy policy;
    };
    explicit ImageTransfers(Parts parts, QObject *parent = nullptr);
    // Running copies stop with the engine; their jobs stay unfinished for the next start, whose
    // resumer removes what they left.
    ~ImageTransfers() override;
    Q_DISABLE_COPY_MOVE(ImageTransfers)

    QFuture<cim::MethodResult> importImage(const requests::ImportImageRequest &request) override;
    QFuture<cim::MethodResult> exportImage(const requests::ExportImageRequest &request) override;

    // nbd+unix URL of a volume on the private export (empty while it is not serving).
    QString exportUrl(const QString &deviceId) const;
    // The copies under way into or out of the volume, in words for a refusal; empty when none.
    // PoolManager::copiedBy: a volume being copied is neither deleted nor resized.
    QString copiesOf(const QString &deviceId) const;

private:
    struct ImportPlan;
    cim::MethodResult startImport(const ImportPlan &plan, const qemuimg::ImageInfo &info);
    cim::Result<void> ensureServing();
    struct Copy
    {
        QString deviceId;
        QString description; // "the import of disk.qcow2"
    };
    void run(ConcreteJob *job, const Copy &copy, QStringList arguments,
             std::function<cim::Result<void>()> finish, std::function<void()> undo);

    QPointer<PoolManager> m_pools;
    QPointer<JobManager> m_jobs;
    QString m_systemName;
    QString m_socketPath;
    TransferPolicy m_policy;
    std::unique_ptr<NbdServer> m_nbd;
    // By job InstanceID; a run goes once its job has ended.
    std::unordered_map<QString, std::unique_ptr<ImageTransferJob>> m_running;
    // By job InstanceID, while its copy runs (until just before it cleans up after itself).
    QHash<QString, Copy> m_copies;
};

} // namespace rd::engine
