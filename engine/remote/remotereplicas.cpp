#include "remotereplicas.h"

#include "cim/cimxml.h"
#include "jobs/jobmanager.h"
#include "peerdirectory.h"
#include "remoteclonewriter.h"
#include "remotecollections.h"
#include "replication/replicastorage.h"
#include "wsman/wsmantransport.h"

#include <ThreadWeaver/Queue>

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QSaveFile>

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

constexpr quint16 ElementTypeStorageVolume = 2;
// CIM_ReplicationSettingData.TargetElementSupplier.
constexpr quint64 TargetSupplierCreateNew = 3;
constexpr quint64 TargetSupplierInstrumentationDecides = 5;

} // namespace

struct RemoteReplicas::Plan
{
    QList<ReplicaVolume> sources;
    QStringList names;    // one per source
    QUrl wsman;           // the peer's management endpoint
    QUrl data;            // its NBD export
    cim::ObjectPath pool; // the peer's pool, as the peer names it; empty: its default
    QString collectionName;
    quint16 copyPriority = 2; // Same
};

// One CreateListReplica's work, alive until the job ends.
struct RemoteReplicas::Run final : public JobControl
{
    Plan plan;
    QString jobId;
    QPointer<JobManager> jobs;
    std::shared_ptr<wsman::WsmanTransport> transport;
    cim::ObjectPath configurationService;
    QList<cim::ObjectPath> created; // the peer's new volumes
    qsizetype index = 0;
    quint64 bytesBefore = 0; // of the sources already copied
    quint64 bytesTotal = 0;
    QString certificates;
    QPointer<RemoteCloneWriter> writer;
    bool terminating = false;
    bool suspended = false;

    ConcreteJob *job() const { return jobs ? jobs->job(jobId) : nullptr; }

    void suspend() override
    {
        suspended = true;
        if (writer)
            writer->suspend();
        if (ConcreteJob *j = job())
            j->setSuspended();
    }
    void resume() override
    {
        suspended = false;
        if (writer)
            writer->resume();
        if (ConcreteJob *j = job())
            j->setRunning();
    }
    void terminate() override
    {
        // Between steps the next one sees the flag; during a copy the writer ends Cancelled.
        terminating = true;
        if (writer)
            writer->terminate();
    }
};

RemoteReplicas::RemoteReplicas(RemoteCollections *collections, ReplicaStorage *storage,
                               JobManager *jobs, PeerDirectory *peers, QString stateDirectory,
                               QObject *parent)
    : QObject(parent)
    , m_collections(collections)
    , m_storage(storage)
    , m_jobs(jobs)
    , m_peers(peers)
    , m_stateDirectory(std::move(stateDirectory))
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

cim::Result<std::shared_ptr<RemoteReplicas::Plan>>
RemoteReplicas::validate(const cim::Parameters &in) const
{
    auto invalid = [](const QString &message) {
        return cim::Error(ReturnCode::InvalidParameter, message);
    };
    auto unsupported = [](const QString &message) {
        return cim::Error(ReturnCode::NotSupported, message);
    };
    auto plan = std::make_shared<Plan>();

    const Value syncType = in.value(u"SyncType");
    const quint64 type = isNull(syncType) ? 0 : syncType.toUInt64();
    if (type == quint64(cim::SyncType::Snapshot))
        return unsupported(tr("A snapshot stays on the system of its source: leave "
                              "TargetAccessPoint NULL to make it here."));
    if (type == quint64(cim::SyncType::Mirror))
        return unsupported(tr("Mirrors to another system are not supported yet; make a clone (8) "
                              "on the peer, or a mirror on this system."));
    if (type != quint64(cim::SyncType::Clone))
        return invalid(tr("SyncType must be Mirror (6), Snapshot (7) or Clone (8)."));
    if (const Value mode = in.value(u"Mode"); !isNull(mode) &&
                                              mode.toUInt64() != quint64(cim::Mode::Synchronous) &&
                                              mode.toUInt64() != quint64(cim::Mode::Asynchronous))
        return invalid(tr("Mode must be Synchronous (2), Asynchronous (3) or NULL."));
    for (const char16_t *name :
         {u"TargetElements", u"TargetSettingGoal", u"SourceAccessPoint", u"WaitForCopyState"}) {
        if (!isNull(in.value(QStringView(name))))
            return unsupported(tr("%1 is not supported for replicas on another system yet; leave "
                                  "it NULL (the peer makes the targets, in a job).")
                                   .arg(QString::fromUtf16(name)));
    }

    // The settings that apply across systems: targets are always made new on the peer, each
    // source is copied from its own point in time (one after the other), CopyPriority paces the
    // copy as it does locally.
    bool consistent = false;
    if (const Value rsd = in.value(u"ReplicationSettingData"); !isNull(rsd)) {
        auto parsed = cim::cimxml::parseInstance(rsd.toString());
        if (!parsed || !parsed->className().endsWith(QStringLiteral("ReplicationSettingData"),
                                                     Qt::CaseInsensitive))
            return invalid(tr("ReplicationSettingData is not an embedded "
                              "ReplicationSettingData instance."));
        const Value supplier = parsed->property(u"TargetElementSupplier");
        if (!isNull(supplier) && supplier.toUInt64() != TargetSupplierCreateNew &&
            supplier.toUInt64() != TargetSupplierInstrumentationDecides)
            return unsupported(tr("Replicas on another system are always new volumes made there: "
                                  "TargetElementSupplier must be Create New (3) or "
                                  "Instrumentation Decides (5)."));
        consistent = parsed->property(u"ConsistentPointInTime").toBool();
        if (const Value priority = parsed->property(u"CopyPriority"); !isNull(priority)) {
            if (priority.isArray() || priority.toUInt64() > 4)
                return invalid(tr("CopyPriority %1 is not Not Managed (0), Low (1), Same (2), "
                                  "High (3) or Urgent (4).")
                                   .arg(priority.toUInt64()));
            plan->copyPriority = quint16(priority.toUInt64());
        }
    }

    // The peer: the collection that records the access point, active, with both endpoints.
    const cim::ObjectPath point = in.value(u"TargetAccessPoint").toReference();
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
                           .arg(point.toString()));
    if (!collection->active)
        return invalid(tr("The remote collection %1 is not active.").arg(collection->elementName));
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
                           .arg(collection->elementName));
    if (plan->data.scheme() == u"nbds" && plan->wsman.scheme() != u"https")
        return invalid(
            tr("The peer's NBD export requires TLS, whose certificate is checked against "
               "the one it shows over HTTPS; reach its WS-Management endpoint over "
               "HTTPS."));
    plan->collectionName = collection->elementName;

    const Value sources = in.value(u"SourceElements");
    if (isNull(sources) || sources.elements().isEmpty())
        return invalid(tr("SourceElements names no volume."));
    for (const Value &v : sources.elements()) {
        const std::optional<ReplicaVolume> volume = m_storage->volume(v.toReference());
        if (!volume)
            return invalid(tr("SourceElements: %1 is not a volume of this system.")
                               .arg(v.toReference().toString()));
        for (const ReplicaVolume &s : std::as_const(plan->sources)) {
            if (s.deviceId == volume->deviceId)
                return invalid(tr("SourceElements names %1 twice.").arg(volume->elementName));
        }
        plan->sources.append(*volume);
    }
    if (consistent && plan->sources.size() > 1)
        return unsupported(tr("One point in time for several volumes is not offered across "
                              "systems yet: each is copied from its own. Clear "
                              "ConsistentPointInTime or make one request per volume."));
    const Value names = in.value(u"ElementNames");
    const QList<Value> given = isNull(names) ? QList<Value>() : names.elements();
    if (given.size() > plan->sources.size())
        return invalid(tr("ElementNames has %1 names for %2 sources.")
                           .arg(given.size())
                           .arg(plan->sources.size()));
    for (qsizetype i = 0; i < plan->sources.size(); ++i) {
        const QString name = i < given.size() ? given.at(i).toString().trimmed() : QString();
        plan->names.append(name.isEmpty() ? tr("%1 (clone)").arg(plan->sources.at(i).elementName)
                                          : name);
    }
    if (const Value pool = in.value(u"TargetPool"); !isNull(pool)) {
        plan->pool = pool.toReference();
        if (!plan->pool.className().contains(QStringLiteral("Pool"), Qt::CaseInsensitive))
            return invalid(tr("TargetPool is not a StoragePool."));
    }
    return plan;
}

QFuture<cim::MethodResult> RemoteReplicas::invoke(const cim::MethodCall &call)
{
    auto plan = validate(call.in);
    if (!plan)
        return ready(cim::MethodResult::failure(plan.error().code, plan.error().message));
    if (!m_jobs || !m_peers)
        return ready(cim::MethodResult::failure(quint32(ReturnCode::Failed),
                                                tr("The engine cannot reach peers.")));
    auto run = std::make_shared<Run>();
    run->plan = **plan;
    run->jobs = m_jobs;
    for (const ReplicaVolume &s : std::as_const(run->plan.sources))
        run->bytesTotal += s.size;

    NewJob spec;
    spec.kind = jobKind();
    spec.name = QStringLiteral("CreateListReplica");
    spec.elementName =
        QCoreApplication::translate("rd::engine::RemoteReplicas", "Clone %n volume(s) to %1",
                                    nullptr, int(run->plan.sources.size()))
            .arg(run->plan.collectionName);
    spec.deleteOnCompletion = false;
    ConcreteJob *job = m_jobs->createJob(spec);
    run->jobId = job->instanceId();
    job->setControl(run.get());
    job->setRunning();

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
        copyNext(run);
        return;
    }
    const qsizetype i = run->created.size();
    cim::MethodCall create{
        run->configurationService, QStringLiteral("CreateOrModifyElementFromStoragePool"), {}};
    create.in.set(QStringLiteral("ElementName"), Value::string(run->plan.names.at(i)));
    create.in.set(QStringLiteral("ElementType"), Value::uint16(ElementTypeStorageVolume));
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
    ConcreteJob *job = run->job();
    if (!job)
        return;
    if (run->terminating) {
        fail(run, cim::Error(ReturnCode::Failed, QString()));
        return;
    }
    if (run->index == run->plan.sources.size()) {
        job->setPercentComplete(100);
        job->setCompleted();
        job->setControl(nullptr);
        return;
    }
    NbdBlockDevice::Options options;
    if (run->plan.data.scheme() == u"nbds") {
        // The export speaks with the identity the peer showed on WS-Man, which was verified
        // (a CA or a pinned fingerprint): that certificate is the one NBD's TLS must present.
        if (run->certificates.isEmpty()) {
            const QSslCertificate shown = run->transport->peerCertificate();
            const QString dir = certificateDirectory(run->plan.wsman);
            QSaveFile file(QDir(dir).filePath(QStringLiteral("ca-cert.pem")));
            if (shown.isNull() || !QDir().mkpath(dir) || !file.open(QIODevice::WriteOnly) ||
                file.write(shown.toPem()) < 0 || !file.commit()) {
                fail(run, cim::Error(ReturnCode::Failed,
                                     tr("The peer's certificate cannot be kept for its NBD "
                                        "export in %1.")
                                         .arg(QDir::toNativeSeparators(dir))));
                return;
            }
            run->certificates = dir;
        }
        options.tlsCertificates = run->certificates;
    }
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
    applyCopyPriority(copy, run->plan.copyPriority);
    auto *writer = new RemoteCloneWriter(device, m_queue.get(), copy, this);
    run->writer = writer;
    connect(writer, &RemoteCloneWriter::progress, this, [run](quint64 done, quint64) {
        if (ConcreteJob *job = run->job(); job && run->bytesTotal > 0)
            job->setPercentComplete(
                quint16(qMin<quint64>(99, (run->bytesBefore + done) * 100 / run->bytesTotal)));
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
                QString why = tr("Copying to the peer failed: %1").arg(message);
                if (message.contains(QStringLiteral("certificate"), Qt::CaseInsensitive))
                    why += u' ' + tr("The peer's certificate must name the address it is reached "
                                     "at (%1).")
                                      .arg(run->plan.data.host());
                fail(run, cim::Error(ReturnCode::Failed, why));
            });
    writer->start(target, options);
    if (run->suspended)
        writer->suspend();
}

void RemoteReplicas::fail(const std::shared_ptr<Run> &run, const cim::Error &error)
{
    // Nothing half made stays behind: the peer's new volumes go back to its pool. Best effort —
    // a peer that is gone keeps them, and the job's error and affected elements name them.
    for (const cim::ObjectPath &volume : std::as_const(run->created)) {
        cim::MethodCall giveBack{
            run->configurationService, QStringLiteral("ReturnToStoragePool"), {}};
        giveBack.in.set(QStringLiteral("TheElement"), Value::reference(volume));
        run->transport->invokeMethod(giveBack).then(QtFuture::Launch::Sync,
                                                    [run](cim::MethodResult) {});
    }
    ConcreteJob *job = run->job();
    if (!job)
        return;
    job->setControl(nullptr);
    if (run->terminating)
        job->setTerminated();
    else
        job->setFailed({error.code, error.message, JobErrorType::Communications});
}

} // namespace rd::engine
