#include "remotereplicas.h"

#include "jobs/enginejob.h"
#include "jobs/jobmanager.h"
#include "peerdirectory.h"
#include "peervolumes.h"
#include "remoteclonewriter.h"
#include "remotecollections.h"
#include "replication/copypacing.h"
#include "replication/replicastorage.h"
#include "replication/replicationservice.h"
#include "requests/createlistreplicarequest.h"
#include "wsman/wsmantransport.h"

#include <ThreadWeaver/Queue>

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QThreadPool>
#include <QTimer>

namespace rd::engine {

using cim::ReturnCode;
using cim::Value;

namespace {

template<class T>
QFuture<T> ready(T value)
{
    return QtFuture::makeReadyFuture(std::move(value));
}

bool isNull(const Value &v)
{
    return v.isNull();
}

bool isManagement(const QUrl &url)
{
    return url.scheme() == u"https" || url.scheme() == u"http";
}

bool isData(const QUrl &url)
{
    return url.scheme() == u"nbd" || url.scheme() == u"nbds";
}

// Endpoints compare by scheme, host and port (and path for WS-Man): how they are written aside.
bool sameEndpoint(const QUrl &a, const QUrl &b)
{
    if (isManagement(a) && isManagement(b))
        return PeerDirectory::key(a) == PeerDirectory::key(b);
    return a.scheme() == b.scheme() && a.host().compare(b.host(), Qt::CaseInsensitive) == 0 &&
           a.port() == b.port();
}

} // namespace

struct RemoteReplicas::Plan
{
    quint16 syncType = quint16(cim::SyncType::Clone);
    std::optional<quint16> mode; // as given; a mirror's default is the service's
    bool consistent = false;     // ConsistentPointInTime (mirrors: at a list-wide fracture)
    QList<ReplicaVolume> sources;
    QStringList names;    // one per source
    QUrl wsman;           // the peer's management endpoint
    QUrl data;            // its NBD export
    cim::ObjectPath pool; // the peer's pool, as the peer names it; empty: its default
    QString collectionName;
    quint16 copyPriority = quint16(CopyPriority::Same); // Not Managed given is Same
};

// One CreateListReplica's work, alive until the job ends.
struct RemoteReplicas::Run final : public EngineJob
{
    // RemoteReplicas reports for the run as its steps end.
    using EngineJob::emitError;
    using EngineJob::emitResult;
    using EngineJob::emitStopped;
    using EngineJob::setProgress;

    Plan plan;
    std::shared_ptr<wsman::WsmanTransport> transport;
    cim::ObjectPath configurationService;
    QList<cim::ObjectPath> created; // the peer's new volumes
    QList<quint64> createdSizes;
    QStringList registered; // their PeerVolumes ids (mirrors)
    qsizetype index = 0;
    quint64 bytesBefore = 0; // of the sources already copied
    quint64 bytesTotal = 0;
    QString certificates;
    QPointer<RemoteCloneWriter> writer;
    bool terminating = false;
    bool suspended = false;

protected:
    // The steps run from invoke()'s first request on.
    void doStart() override {}
    // A copy that starts while suspended starts paused (the flag).
    void doSuspend() override
    {
        suspended = true;
        if (writer)
            writer->suspend();
    }
    void doResume() override
    {
        suspended = false;
        if (writer)
            writer->resume();
    }
    // Between steps the next one sees the flag; during a copy the writer ends Cancelled. Either
    // way fail() ends the job stopped once the peer's volumes are let go.
    bool doKill() override
    {
        terminating = true;
        if (writer)
            writer->terminate();
        return false;
    }
};

RemoteReplicas::RemoteReplicas(const Parts &parts, QObject *parent)
    : QObject(parent)
    , m_collections(parts.collections)
    , m_storage(parts.storage)
    , m_jobs(parts.jobs)
    , m_peers(parts.peers)
    , m_replication(parts.replication)
    , m_peerVolumes(parts.peerVolumes)
    , m_stateDirectory(parts.stateDirectory)
    , m_queue(std::make_unique<ThreadWeaver::Queue>())
{
    setObjectName(QStringLiteral("RemoteReplicas"));
}

RemoteReplicas::~RemoteReplicas()
{
    // Writers first (they stop at a chunk boundary), then the queue they ran on.
    const auto writers = findChildren<RemoteCloneWriter *>();
    qDeleteAll(writers);
    m_queue->finish();
}

QString RemoteReplicas::jobKind()
{
    return QStringLiteral("remote-clone");
}

bool RemoteReplicas::handles(const cim::MethodCall &call)
{
    return call.method.compare(u"CreateListReplica", Qt::CaseInsensitive) == 0 &&
           !call.in.value(u"TargetAccessPoint").isNull();
}

// The request's own rules are parse()'s (the rules for replicas on a peer); here, what this
// system's state decides: the peer's collection and endpoints, the sources.
cim::Result<std::shared_ptr<RemoteReplicas::Plan>>
RemoteReplicas::validate(const cim::Parameters &in) const
{
    const QString pointParameter = QStringLiteral("TargetAccessPoint");
    auto invalid = [](const QString &message, const QString &parameter) {
        return cim::Error(ReturnCode::InvalidParameter, message, parameter);
    };
    auto parsed = requests::CreateListReplicaRequest::parse(in);
    if (!parsed)
        return parsed.error();
    const requests::CreateListReplicaRequest &request = parsed.value();
    if (!request.isRemote())
        return invalid(tr("TargetAccessPoint names no peer."), pointParameter);
    auto plan = std::make_shared<Plan>();
    plan->syncType = quint16(request.syncType);
    if (request.mode)
        plan->mode = quint16(*request.mode);
    plan->consistent = request.consistentPointInTime();
    plan->copyPriority = quint16(request.copyPriority());

    // The peer: the collection that records the access point, active, with both endpoints.
    const cim::ObjectPath point = *request.targetAccessPoint;
    const QUrl pointUrl(point.key(u"Name").toString());
    std::optional<RemoteCollectionRecord> collection;
    QList<QUrl> urls;
    for (const RemoteCollectionRecord &r :
         m_collections ? m_collections->collections() : QList<RemoteCollectionRecord>()) {
        QList<QUrl> these;
        for (const QString &text : r.remotePoints) {
            if (auto p = cim::ObjectPath::fromString(text))
                these.append(QUrl(p->key(u"Name").toString()));
        }
        for (const QUrl &u : std::as_const(these)) {
            if (pointUrl.isValid() && sameEndpoint(u, pointUrl)) {
                collection = r;
                urls = these;
            }
        }
        if (collection)
            break;
    }
    if (!collection)
        return invalid(tr("TargetAccessPoint %1 is no endpoint of a remote replication collection "
                          "of this system; record the peer with CreateRemoteReplicationCollection "
                          "first.")
                           .arg(point.toString()),
                       pointParameter);
    if (!collection->active)
        return invalid(tr("The remote collection %1 is not active.").arg(collection->elementName),
                       pointParameter);
    for (const QUrl &u : std::as_const(urls)) {
        if (isManagement(u) && plan->wsman.isEmpty())
            plan->wsman = u;
        if (isData(u) && plan->data.isEmpty())
            plan->data = u;
    }
    if (isData(pointUrl))
        plan->data = pointUrl;
    if (plan->wsman.isEmpty() || plan->data.isEmpty())
        return invalid(tr("The remote collection %1 needs a management (WS-Management) and a data "
                          "(NBD) endpoint of the peer; add the missing one with "
                          "AddToRemoteReplicationCollection.")
                           .arg(collection->elementName),
                       pointParameter);
    if (plan->data.scheme() == u"nbds" && plan->wsman.scheme() != u"https")
        return invalid(
            tr("The peer's NBD export requires TLS, whose certificate is checked against "
               "the one it shows over HTTPS; reach its WS-Management endpoint over "
               "HTTPS."),
            pointParameter);
    plan->collectionName = collection->elementName;

    const QString sourcesParameter = QStringLiteral("SourceElements");
    for (const cim::ObjectPath &path : request.sourceElements) {
        const std::optional<ReplicaVolume> volume = m_storage->volume(path);
        if (!volume)
            return invalid(
                tr("SourceElements: %1 is not a volume of this system.").arg(path.toString()),
                sourcesParameter);
        for (const ReplicaVolume &s : std::as_const(plan->sources)) {
            if (s.deviceId == volume->deviceId)
                return invalid(tr("SourceElements names %1 twice.").arg(volume->elementName),
                               sourcesParameter);
        }
        plan->sources.append(*volume);
    }
    for (qsizetype i = 0; i < plan->sources.size(); ++i) {
        const QString name = i < request.elementNames.size() && request.elementNames.at(i)
                                 ? request.elementNames.at(i)->trimmed()
                                 : QString();
        const QString made = plan->syncType == quint16(cim::SyncType::Mirror)
                                 ? tr("%1 (mirror)").arg(plan->sources.at(i).elementName)
                                 : tr("%1 (clone)").arg(plan->sources.at(i).elementName);
        plan->names.append(name.isEmpty() ? made : name);
    }
    if (request.targetPool)
        plan->pool = *request.targetPool;
    return plan;
}

QFuture<cim::MethodResult> RemoteReplicas::invoke(const cim::MethodCall &call)
{
    auto plan = validate(call.in);
    if (!plan)
        return ready(cim::MethodResult::failure(plan.error()));
    const bool mirror = (*plan)->syncType == quint16(cim::SyncType::Mirror);
    if (!m_jobs || !m_peers || (mirror && (!m_replication || !m_peerVolumes)))
        return ready(cim::MethodResult::failure(quint32(ReturnCode::Failed),
                                                tr("The engine cannot reach peers.")));
    // The sources' state is checked here, by the service's rules, before anything is made on
    // the peer: a mirror's replica or a copy still running is refused as it is for a local target.
    if (m_replication) {
        if (auto checked = m_replication->checkPlan(replicaPlan(**plan)); !checked)
            return ready(cim::MethodResult::failure(checked.error()));
    }
    auto run = std::make_shared<Run>();
    run->plan = **plan;
    for (const ReplicaVolume &s : std::as_const(run->plan.sources))
        run->bytesTotal += s.size;

    NewJob spec;
    spec.name = QStringLiteral("CreateListReplica");
    spec.deleteOnCompletion = false;
    if (mirror) {
        // The mirror's own kind from the start: once the pairs exist, a restart resumes the job
        // as any mirror's; before that, its parameters say what it was doing.
        spec.kind = ReplicationService::mirrorJobKind();
        spec.elementName =
            QCoreApplication::translate("rd::engine::RemoteReplicas", "Mirror %n volume(s) to %1",
                                        nullptr, int(run->plan.sources.size()))
                .arg(run->plan.collectionName);
        spec.parameters =
            QJsonDocument(QJsonObject{{QStringLiteral("peer"), run->plan.collectionName}})
                .toJson(QJsonDocument::Compact);
    } else {
        spec.kind = jobKind();
        spec.elementName =
            QCoreApplication::translate("rd::engine::RemoteReplicas", "Clone %n volume(s) to %1",
                                        nullptr, int(run->plan.sources.size()))
                .arg(run->plan.collectionName);
    }
    ConcreteJob *job = m_jobs->createJob(spec);
    run->setJob(job);
    run->start();

    std::unique_ptr<wsman::WsmanTransport> made = m_peers->connect(run->plan.wsman);
    made->setOperationTimeout(30000);
    run->transport = std::shared_ptr<wsman::WsmanTransport>(
        made.release(), [](wsman::WsmanTransport *t) { t->deleteLater(); });
    run->transport->enumerateInstances(QStringLiteral("CIM_StorageConfigurationService"))
        .then(QtFuture::Launch::Sync, [this, self = QPointer(this),
                                       run](cim::Result<QList<cim::Instance>> services) {
            if (!self)
                return;
            if (!services || services->isEmpty()) {
                fail(run, services ? cim::Error(ReturnCode::Failed, tr("The peer offers no storage "
                                                                       "configuration service."))
                                   : cim::Error(services.error().code,
                                                tr("The peer cannot be asked for volumes: "
                                                   "%1")
                                                    .arg(services.error().message)));
                return;
            }
            run->configurationService = services->constFirst().path();
            createNext(run);
        });

    cim::MethodResult result;
    result.returnValue = quint32(ReturnCode::JobStarted);
    result.out.set(QStringLiteral("Job"), Value::reference(job->path()));
    // Made by the job on the peer: they come through AffectedJobElement.
    result.out.set(QStringLiteral("TargetElements"), Value::null(cim::CimType::Reference));
    result.out.set(QStringLiteral("Synchronizations"), Value::null(cim::CimType::Reference));
    return ready(result);
}

void RemoteReplicas::createNext(const std::shared_ptr<Run> &run)
{
    if (run->terminating) {
        fail(run, cim::Error(ReturnCode::Failed, QString()));
        return;
    }
    if (run->created.size() == run->plan.sources.size()) {
        if (run->plan.syncType == quint16(cim::SyncType::Mirror))
            attachMirrors(run);
        else
            copyNext(run);
        return;
    }
    const qsizetype i = run->created.size();
    cim::MethodCall create{
        run->configurationService, QStringLiteral("CreateOrModifyElementFromStoragePool"), {}};
    create.in.set(QStringLiteral("ElementName"), Value::string(run->plan.names.at(i)));
    create.in.set(QStringLiteral("ElementType"),
                  Value::uint16(quint16(requests::ElementType::StorageVolume)));
    create.in.set(QStringLiteral("Size"), Value::uint64(run->plan.sources.at(i).size));
    if (!run->plan.pool.isEmpty())
        create.in.set(QStringLiteral("InPool"), Value::reference(run->plan.pool));
    run->transport->invokeMethod(create).then(
        QtFuture::Launch::Sync, [this, self = QPointer(this), run, i](cim::MethodResult r) {
            if (!self)
                return;
            const cim::ObjectPath element = r.out.value(u"TheElement").toReference();
            if (r.returnValue != quint32(ReturnCode::Completed) || element.isEmpty()) {
                fail(run,
                     cim::Error(r.returnValue == 0 ? quint32(ReturnCode::Failed) : r.returnValue,
                                tr("The peer did not make the volume %1: %2")
                                    .arg(run->plan.names.at(i), r.message)));
                return;
            }
            run->created.append(element);
            const Value size = r.out.value(u"Size");
            run->createdSizes.append(isNull(size) ? run->plan.sources.at(i).size : size.toUInt64());
            if (ConcreteJob *job = run->job())
                job->addAffectedElement(element);
            createNext(run);
        });
}

QString RemoteReplicas::certificateDirectory(const QUrl &wsman) const
{
    const QByteArray id =
        QCryptographicHash::hash(PeerDirectory::key(wsman).toUtf8(), QCryptographicHash::Sha256)
            .toHex()
            .left(16);
    return QDir(m_stateDirectory).filePath(QStringLiteral("peers/") + QString::fromLatin1(id));
}

void RemoteReplicas::copyNext(const std::shared_ptr<Run> &run)
{
    if (!run->job())
        return;
    if (run->terminating) {
        fail(run, cim::Error(ReturnCode::Failed, QString()));
        return;
    }
    if (run->index == run->plan.sources.size()) {
        run->emitResult();
        return;
    }
    if (!keepCertificate(run))
        return;
    NbdBlockDevice::Options options;
    options.tlsCertificates = run->certificates;
    const ReplicaVolume &source = run->plan.sources.at(run->index);
    std::shared_ptr<BlockDevice> device = m_storage->device(source.deviceId);
    if (!device) {
        fail(run, cim::Error(ReturnCode::Failed,
                             tr("The source %1 went away.").arg(source.elementName)));
        return;
    }
    QUrl target = run->plan.data;
    target.setPath(u'/' + run->created.at(run->index).key(u"DeviceID").toString());
    CloneOptions copy;
    CopyPacing::apply(copy, run->plan.copyPriority);
    auto *writer = new RemoteCloneWriter(device, m_queue.get(), copy, this);
    run->writer = writer;
    connect(writer, &RemoteCloneWriter::progress, this, [run](quint64 done, quint64) {
        if (run->bytesTotal > 0)
            run->setProgress(run->bytesBefore + done, run->bytesTotal);
    });
    connect(writer, &RemoteCloneWriter::finished, this,
            [this, run, writer, size = source.size](CloneCopier::Outcome outcome,
                                                    const QString &message) {
                writer->deleteLater();
                run->writer = nullptr;
                if (outcome == CloneCopier::Outcome::Completed) {
                    run->bytesBefore += size;
                    ++run->index;
                    copyNext(run);
                    return;
                }
                if (outcome == CloneCopier::Outcome::Cancelled)
                    run->terminating = true;
                failOnDataChannel(run, tr("Copying to the peer failed: %1").arg(message));
            });
    writer->start(target, options);
    if (run->suspended)
        writer->suspend();
}

bool RemoteReplicas::keepCertificate(const std::shared_ptr<Run> &run)
{
    if (run->plan.data.scheme() != u"nbds" || !run->certificates.isEmpty())
        return true;
    // The export speaks with the identity the peer showed on WS-Man, which was verified (a CA
    // or a pinned fingerprint): that certificate is the one NBD's TLS must present.
    // Beside it, this engine's own certificate and key, which the peer admits to NBD because
    // they came with this engine's sign-in on WS-Man.
    const QSslCertificate shown = run->transport->peerCertificate();
    const wsman::TlsIdentity own = m_peers->clientIdentity();
    const QString dir = certificateDirectory(run->plan.wsman);
    auto keep = [&dir](const QString &name, const QByteArray &pem) {
        QSaveFile file(QDir(dir).filePath(name));
        return file.open(QIODevice::WriteOnly) && file.write(pem) == pem.size() && file.commit() &&
               QFile::setPermissions(file.fileName(),
                                     QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    };
    if (shown.isNull() || !QDir().mkpath(dir) ||
        !keep(QStringLiteral("ca-cert.pem"), shown.toPem()) ||
        (!own.certificate.isNull() &&
         (!keep(QStringLiteral("client-cert.pem"), own.certificate.toPem()) ||
          !keep(QStringLiteral("client-key.pem"), own.privateKey.toPem())))) {
        fail(run, cim::Error(ReturnCode::Failed,
                             tr("The peer's certificate cannot be kept for its NBD export in %1.")
                                 .arg(QDir::toNativeSeparators(dir))));
        return false;
    }
    run->certificates = dir;
    return true;
}

// Mirrors: the peer's new volumes are recorded as this engine's peer volumes and connected (off
// the engine thread: connecting blocks), then the ReplicationService takes the pairs and the job.
void RemoteReplicas::attachMirrors(const std::shared_ptr<Run> &run)
{
    if (run->terminating) {
        fail(run, cim::Error(ReturnCode::Failed, QString()));
        return;
    }
    if (!keepCertificate(run))
        return;
    QList<std::shared_ptr<PeerVolumeDevice>> devices;
    for (qsizetype i = 0; i < run->created.size(); ++i) {
        QUrl exportUrl = run->plan.data;
        exportUrl.setPath(u'/' + run->created.at(i).key(u"DeviceID").toString());
        PeerVolumeRecord record;
        record.path = run->created.at(i);
        record.elementName = run->plan.names.at(i);
        record.size = run->createdSizes.at(i);
        record.exportUrl = exportUrl;
        record.certificates = run->certificates;
        auto added = m_peerVolumes->add(record);
        if (!added) {
            fail(run, added.error());
            return;
        }
        run->registered.append(added->deviceId);
        devices.append(m_peerVolumes->device(added->deviceId));
    }
    auto promise = std::make_shared<QPromise<cim::Result<void>>>();
    promise->start();
    promise->future().then(this, [this, run](cim::Result<void> connected) {
        if (!connected) {
            failOnDataChannel(run, tr("The peer's volumes cannot be reached over NBD: %1")
                                       .arg(connected.error().message));
            return;
        }
        startMirrors(run);
    });
    QThreadPool::globalInstance()->start([promise, devices] {
        cim::Result<void> r;
        for (const auto &d : devices) {
            if (r)
                r = d->connectNow();
        }
        promise->addResult(r);
        promise->finish();
    });
}

void RemoteReplicas::startMirrors(const std::shared_ptr<Run> &run)
{
    ConcreteJob *job = run->job();
    if (!job)
        return;
    if (run->terminating || !m_replication) {
        fail(run, cim::Error(ReturnCode::Failed, QString()));
        return;
    }
    // The request was checked when it came; the pairs are made from its plan with the peer's new
    // volumes as targets, which the service checks as any targets (size, use) at this moment.
    ReplicaPlan plan = replicaPlan(run->plan);
    for (qsizetype i = 0; i < run->created.size(); ++i) {
        const std::optional<ReplicaVolume> target = m_storage->volume(run->created.at(i));
        if (!target) {
            fail(run, cim::Error(ReturnCode::Failed, tr("The peer's volume %1 is not known here.")
                                                         .arg(run->created.at(i).toString())));
            return;
        }
        plan.targets[i] = *target;
    }
    auto refuse = [this, run](const cim::Error &error) {
        // The pairs were not made: the peer's volumes are let go here and there.
        fail(run, cim::Error(error.code,
                             tr("The mirror to the peer cannot start: %1").arg(error.message),
                             error.parameter));
    };
    if (auto checked = m_replication->checkPlan(plan); !checked) {
        refuse(checked.error());
        return;
    }
    // The ReplicationService's task becomes the job's control; until then nothing steers it.
    // The run keeps the job: fail() ends it if the service refuses.
    job->setControl(nullptr);
    m_replication->createMirrors(plan, job).then(this, [refuse](cim::MethodResult r) {
        if (r.returnValue == quint32(ReturnCode::JobStarted))
            return; // the ReplicationService steers the job from here
        refuse(cim::Error(r.returnValue, r.message, r.parameter));
    });
}

ReplicaPlan RemoteReplicas::replicaPlan(const Plan &remote)
{
    ReplicaPlan plan;
    plan.syncType = cim::SyncType(remote.syncType);
    plan.sources = remote.sources;
    plan.targets.resize(remote.sources.size());
    plan.names = remote.names;
    plan.mode = remote.mode.value_or(quint16(cim::Mode::Asynchronous));
    plan.modeGiven = remote.mode.has_value();
    plan.consistentPointInTime = remote.consistent;
    plan.priority = remote.copyPriority;
    return plan;
}

void RemoteReplicas::giveBack(const std::shared_ptr<Run> &run, const cim::ObjectPath &volume,
                              int attempts)
{
    cim::MethodCall call{run->configurationService, QStringLiteral("ReturnToStoragePool"), {}};
    call.in.set(QStringLiteral("TheElement"), Value::reference(volume));
    run->transport->invokeMethod(call).then(
        this, [this, run, volume, attempts](cim::MethodResult r) {
            if (r.returnValue == quint32(ReturnCode::InUse) && attempts > 1)
                QTimer::singleShot(500, this, [this, run, volume, attempts] {
                    giveBack(run, volume, attempts - 1);
                });
            else if (r.returnValue != quint32(ReturnCode::Completed))
                qWarning("The peer keeps the volume %s: %s", qPrintable(volume.toString()),
                         qPrintable(r.message));
        });
}

void RemoteReplicas::failOnDataChannel(const std::shared_ptr<Run> &run, QString why)
{
    // libnbd checks the name in the peer's certificate against the address in the URL.
    if (why.contains(QStringLiteral("certificate"), Qt::CaseInsensitive))
        why += u' ' + tr("The peer's certificate must name the address it is reached at (%1).")
                          .arg(run->plan.data.host());
    fail(run, cim::Error(ReturnCode::Failed, why));
}

void RemoteReplicas::fail(const std::shared_ptr<Run> &run, const cim::Error &error)
{
    for (const QString &id : std::as_const(run->registered))
        (void)m_peerVolumes->remove(id);
    run->registered.clear();
    // Nothing half made stays behind: the peer's new volumes go back to its pool. Best effort —
    // a peer that is gone keeps them, and the job's error and affected elements name them.
    // Queued, so a copy's connection closing (its writer is deleted later) goes first; the peer
    // refuses to delete a volume an NBD client still has open, so that answer is tried again.
    for (const cim::ObjectPath &volume : std::as_const(run->created)) {
        QMetaObject::invokeMethod(
            this, [this, run, volume] { giveBack(run, volume, 3); }, Qt::QueuedConnection);
    }
    if (run->terminating)
        run->emitStopped();
    else
        run->emitError({error.code, error.message, JobErrorType::Communications});
}

} // namespace rd::engine
