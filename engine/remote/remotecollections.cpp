#include "remotecollections.h"

#include "jobs/enginejob.h"
#include "jobs/jobmanager.h"
#include "provider/providerregistry.h"
#include "requests/createremotereplicationcollectionrequest.h"
#include "wsman/wsmantransport.h"

#include <QCoreApplication>
#include <QPromise>
#include <QUuid>

namespace rd::engine {

using cim::CimType;
using cim::ReturnCode;
using cim::Value;

namespace {

[[maybe_unused]] QString tr(const char *text)
{
    return QCoreApplication::translate("rd::engine::RemoteCollections", text);
}

bool isWsman(const QUrl &url)
{
    return requests::CreateRemoteReplicationCollectionRequest::isManagementUrl(url);
}

template<class T>
QFuture<T> ready(T value)
{
    return QtFuture::makeReadyFuture(std::move(value));
}

// The WS-Man client of one contact with a peer; deleted from the event loop because the last
// continuation runs inside the client's own reply handling.
using TransportPtr = std::shared_ptr<wsman::WsmanTransport>;

// A job of one step, the peer's answer to Create or Add: it cannot pause, and Terminate ends it
// at once (an answer that comes later is still recorded, the job staying Terminated).
class PeerStep final : public EngineJob
{
public:
    explicit PeerStep(ConcreteJob *job)
        : EngineJob(job)
    {
        setSuspendable(false);
    }
    using EngineJob::emitError;
    using EngineJob::emitResult;

protected:
    void doStart() override {}
    bool doKill() override { return true; }
};

} // namespace

struct RemoteCollections::Validated
{
    QString elementName;
    QStringList localPoints;
    QStringList remotePoints;
    QString remoteSystem;
    cim::ObjectPath remoteSystemPath;
    QUrl wsman; // the peer's WS-Man endpoint among remotePoints; empty when there is none
    bool active = true;
    bool deleteOnUnassociated = false;
    int collection = -1; // AddToRemoteReplicationCollection: the collection's index
};

RemoteCollections::RemoteCollections(RemoteCollectionStore *store, JobManager *jobs,
                                     QString systemName, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_jobs(jobs)
    , m_systemName(std::move(systemName))
{
    setObjectName(QStringLiteral("RemoteCollections"));
    connect(&m_connectivityTimer, &QTimer::timeout, this, [this] { refreshConnectivity(); });
    // Cheap when there is nothing to check: only collections with a management endpoint are.
    m_connectivityTimer.start(60000);
}

RemoteCollections::~RemoteCollections() = default;

QString RemoteCollections::jobKind()
{
    return QStringLiteral("remote-collection");
}

void RemoteCollections::setLocalEndpoints(const QList<QUrl> &urls)
{
    m_localEndpoints = urls;
    Q_EMIT collectionsChanged();
}

void RemoteCollections::setConnectivityInterval(int ms)
{
    if (ms <= 0) {
        m_connectivityTimer.stop();
        return;
    }
    m_connectivityTimer.start(ms);
}

cim::Result<void> RemoteCollections::load()
{
    auto records = m_store->load();
    if (!records)
        return records.error();
    m_collections = std::move(records).value();
    return {};
}

cim::Result<void> RemoteCollections::save(const RemoteCollectionRecord &r)
{
    if (auto saved = m_store->save(r); !saved)
        return saved;
    const int i = indexOf(r.instanceId);
    if (i < 0)
        m_collections.append(r);
    else
        m_collections[i] = r;
    Q_EMIT collectionsChanged();
    return {};
}

cim::Result<void> RemoteCollections::erase(const QString &instanceId)
{
    if (auto erased = m_store->erase(instanceId); !erased)
        return erased;
    if (const int i = indexOf(instanceId); i >= 0)
        m_collections.removeAt(i);
    Q_EMIT collectionsChanged();
    return {};
}

int RemoteCollections::indexOf(const QString &instanceId) const
{
    for (int i = 0; i < m_collections.size(); ++i) {
        if (m_collections.at(i).instanceId == instanceId)
            return i;
    }
    return -1;
}

QList<MethodSpec> RemoteCollections::remoteCollectionMethodSpecs() const
{
    using P = ParameterSpec;
    const QString sap = QStringLiteral("CIM_ServiceAccessPoint");
    const QString system = QStringLiteral("CIM_ComputerSystem");
    const QString job = QStringLiteral("CIM_ConcreteJob");
    const QString collection = QStringLiteral("CIM_ConnectivityCollection");
    return {
        {QStringLiteral("CreateRemoteReplicationCollection"),
         {{QStringLiteral("ElementName"), CimType::String, false, P::In, false, {}},
          {QStringLiteral("LocalAccessPoints"), CimType::Reference, true, P::In, false, sap},
          {QStringLiteral("RemoteAccessPoints"), CimType::Reference, true, P::In, false, sap},
          {QStringLiteral("RemoteComputerSystem"), CimType::Reference, false, P::In, false, system},
          {QStringLiteral("Active"), CimType::Boolean, false, P::In, false, {}},
          {QStringLiteral("DeleteOnUnassociated"), CimType::Boolean, false, P::In, false, {}},
          {QStringLiteral("Job"), CimType::Reference, false, P::Out, false, job},
          {QStringLiteral("ConnectivityCollection"), CimType::Reference, false, P::Out, false,
           collection}}},
        {QStringLiteral("AddToRemoteReplicationCollection"),
         {{QStringLiteral("LocalAccessPoints"), CimType::Reference, true, P::In, false, sap},
          {QStringLiteral("RemoteAccessPoints"), CimType::Reference, true, P::In, false, sap},
          {QStringLiteral("RemoteComputerSystem"), CimType::Reference, false, P::In, false, system},
          {QStringLiteral("ConnectivityCollection"), CimType::Reference, false, P::In, true,
           collection},
          {QStringLiteral("Job"), CimType::Reference, false, P::Out, false, job}}},
    };
}

QFuture<cim::MethodResult> RemoteCollections::invoke(const cim::MethodCall &call)
{
    // The registry has checked the signature when the call came through it; tests and other
    // callers may come directly, so the check is repeated here.
    for (const MethodSpec &spec : remoteCollectionMethodSpecs()) {
        if (call.method.compare(spec.name, Qt::CaseInsensitive) != 0)
            continue;
        if (auto ok = spec.checkInput(call.in); !ok)
            return ready(cim::MethodResult::failure(ok.error()));
        if (spec.name == u"CreateRemoteReplicationCollection")
            return create(call);
        return add(call);
    }
    return ready(cim::MethodResult::failure(quint32(ReturnCode::NotSupported),
                                            tr("Method %1 is not supported.").arg(call.method)));
}

cim::Result<RemoteCollections::Validated> RemoteCollections::validate(const cim::Parameters &in,
                                                                      bool adding) const
{
    using Request = requests::CreateRemoteReplicationCollectionRequest;
    auto invalid = [](const QString &message, const QString &parameter) {
        return cim::Error(ReturnCode::InvalidParameter, message, parameter);
    };
    const auto LocalAccessPoints = QStringLiteral("LocalAccessPoints");
    const auto RemoteAccessPoints = QStringLiteral("RemoteAccessPoints");
    const auto RemoteComputerSystem = QStringLiteral("RemoteComputerSystem");
    auto paths = [](const Value &value) {
        QList<cim::ObjectPath> out;
        for (const Value &e : value.isNull() ? QList<Value>() : value.elements())
            out.append(e.toReference());
        return out;
    };
    Validated v;
    QList<cim::ObjectPath> local;
    QList<cim::ObjectPath> remote;
    std::optional<cim::ObjectPath> system;
    if (adding) {
        const cim::ObjectPath c = in.value(u"ConnectivityCollection").toReference();
        v.collection = indexOf(c.key(u"InstanceID").toString());
        if (c.className().compare(collectionClass(), Qt::CaseInsensitive) != 0 &&
            c.className().compare(QStringLiteral("CIM_RemoteReplicationCollection"),
                                  Qt::CaseInsensitive) != 0)
            v.collection = -1;
        if (v.collection < 0)
            return invalid(tr("ConnectivityCollection names no RemoteReplicationCollection of "
                              "this system."),
                           QStringLiteral("ConnectivityCollection"));
        const RemoteCollectionRecord &r = m_collections.at(v.collection);
        v.localPoints = r.localPoints;
        v.remotePoints = r.remotePoints;
        v.remoteSystem = r.remoteSystem;
        local = paths(in.value(u"LocalAccessPoints"));
        remote = paths(in.value(u"RemoteAccessPoints"));
        if (const Value s = in.value(u"RemoteComputerSystem"); !s.isNull())
            system = s.toReference();
    } else {
        // The request's own rules (names, URLs, one management endpoint, the system's class)
        // are the request type's; what follows needs this system's endpoints and collections.
        auto request = Request::parse(in);
        if (!request)
            return request.error();
        v.elementName = request->elementName.value_or(QString());
        v.active = request->isActive();
        v.deleteOnUnassociated = request->deleteOnUnassociated.value_or(false);
        local = request->localAccessPoints;
        remote = request->remoteAccessPoints;
        system = request->remoteComputerSystem;
    }

    for (const cim::ObjectPath &p : std::as_const(local)) {
        const QUrl url(p.key(u"Name").toString());
        const QString name = p.key(u"SystemName").toString();
        if (!m_localEndpoints.contains(url) || (!name.isEmpty() && name != m_systemName))
            return invalid(tr("The local access point %1 does not exist.").arg(p.toString()),
                           LocalAccessPoints);
        const QString text = protocolEndpointPath(m_systemName, url).toString();
        if (v.localPoints.contains(text))
            return invalid(tr("The local access point %1 is named twice.").arg(url.toString()),
                           LocalAccessPoints);
        v.localPoints.append(text);
    }

    // An added point is checked as a new collection's is, and against the points already there.
    int newWsman = 0;
    for (const cim::ObjectPath &p : std::as_const(remote)) {
        auto checked = Request::remoteUrl(p);
        if (!checked)
            return checked.error();
        const QUrl url = checked.value();
        if (m_localEndpoints.contains(url))
            return invalid(
                tr("The remote access point %1 is this system's own endpoint.").arg(url.toString()),
                RemoteAccessPoints);
        const QString text = remoteAccessPointPath(m_systemName, url).toString();
        if (v.remotePoints.contains(text))
            return invalid(tr("The remote access point %1 is named twice.").arg(url.toString()),
                           RemoteAccessPoints);
        v.remotePoints.append(text);
        if (Request::isManagementUrl(url)) {
            ++newWsman;
            v.wsman = url;
        }
    }
    QList<QUrl> urls;
    for (const QString &t : std::as_const(v.remotePoints)) {
        if (const auto p = cim::ObjectPath::fromString(t))
            urls.append(QUrl(p->key(u"Name").toString()));
    }
    if (auto one = Request::checkOneManagementPoint(urls); !one)
        return one.error();
    if (newWsman == 0)
        v.wsman = QUrl();

    if (system) {
        v.remoteSystemPath = *system;
        if (auto ok = Request::checkRemoteSystem(v.remoteSystemPath); !ok)
            return ok.error();
        if (v.remoteSystemPath.key(u"Name").toString() == m_systemName)
            return invalid(tr("RemoteComputerSystem names this system."), RemoteComputerSystem);
        const QString text = v.remoteSystemPath.toString();
        if (adding && !v.remoteSystem.isEmpty() && v.remoteSystem != text)
            return invalid(
                tr("The collection already reaches another system (%1).").arg(v.remoteSystem),
                RemoteComputerSystem);
        v.remoteSystem = text;
        // A system given only here is verified through the collection's endpoint.
        if (adding && v.wsman.isEmpty()) {
            for (const QUrl &u : std::as_const(urls)) {
                if (Request::isManagementUrl(u))
                    v.wsman = u;
            }
        }
    }

    // A peer's management endpoint belongs to one collection: two would fight over its state.
    if (!v.wsman.isEmpty()) {
        const QString text = remoteAccessPointPath(m_systemName, v.wsman).toString();
        for (int i = 0; i < m_collections.size(); ++i) {
            if (i != v.collection && m_collections.at(i).remotePoints.contains(text))
                return cim::Error(ReturnCode::InUse,
                                  tr("The remote collection %1 already reaches %2.")
                                      .arg(m_collections.at(i).elementName, v.wsman.toString()),
                                  RemoteAccessPoints);
        }
    }
    return v;
}

QFuture<cim::Result<void>> RemoteCollections::contactPeer(const QUrl &wsmanUrl,
                                                          const cim::ObjectPath &system)
{
    std::unique_ptr<wsman::WsmanTransport> made =
        m_connector ? m_connector(wsmanUrl) : std::make_unique<wsman::WsmanTransport>(wsmanUrl);
    if (!made)
        return ready(cim::Result<void>(cim::Error(
            ReturnCode::Failed, tr("No connection to %1 can be made.").arg(wsmanUrl.toString()))));
    made->setOperationTimeout(m_peerTimeoutMs);
    TransportPtr transport(made.release(), [](wsman::WsmanTransport *t) { t->deleteLater(); });

    auto promise = std::make_shared<QPromise<cim::Result<void>>>();
    promise->start();
    auto finish = [promise, transport](cim::Result<void> r) mutable {
        promise->addResult(std::move(r));
        promise->finish();
        transport.reset();
    };
    const QString url = wsmanUrl.toString();
    // Unauthenticated Identify first: it tells a ReplicaDesk engine from anything else before
    // credentials are sent to it.
    transport->identify(false).then(
        QtFuture::Launch::Sync,
        [finish, transport, system, url](cim::Result<wsman::IdentifyResult> id) mutable {
            if (!id) {
                finish(cim::Error(id.error().code,
                                  tr("%1 did not identify itself as a ReplicaDesk engine: %2")
                                      .arg(url, id.error().message)));
                return;
            }
            if (id->productVendor != u"ReplicaDesk") {
                finish(cim::Error(ReturnCode::Failed,
                                  tr("%1 answers WS-Management but is not a ReplicaDesk engine "
                                     "(it says \"%2\").")
                                      .arg(url, id->productVendor)));
                return;
            }
            if (system.isEmpty()) {
                finish({});
                return;
            }
            cim::ObjectPath remote = system;
            remote.setNameSpace(transport->nameSpace());
            transport->getInstance(remote).then(
                QtFuture::Launch::Sync,
                [finish, url, remote](cim::Result<cim::Instance> got) mutable {
                    if (!got)
                        finish(cim::Error(
                            got.error().code,
                            tr("The peer %1 does not show the system %2: %3")
                                .arg(url, remote.key(u"Name").toString(), got.error().message)));
                    else
                        finish({});
                });
        });
    return promise->future();
}

QFuture<cim::MethodResult> RemoteCollections::create(const cim::MethodCall &call)
{
    auto v = validate(call.in, false);
    if (!v)
        return ready(cim::MethodResult::failure(v.error()));

    RemoteCollectionRecord record;
    record.instanceId = QStringLiteral("RRC:") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    record.elementName =
        !v->elementName.isEmpty()
            ? v->elementName
            : (!v->remoteSystemPath.isEmpty()
                   ? tr("Replication to %1").arg(v->remoteSystemPath.key(u"Name").toString())
                   : tr("Remote replication collection"));
    record.active = v->active;
    record.deleteOnUnassociated = v->deleteOnUnassociated;
    record.remoteSystem = v->remoteSystem;
    record.localPoints = v->localPoints;
    record.remotePoints = v->remotePoints;

    cim::MethodResult result;
    if (v->wsman.isEmpty()) {
        // Nothing to contact: the peer's state is not known until an endpoint is added.
        record.connectivity = ConnectivityStatus::Unknown;
        if (auto saved = save(record); !saved)
            return ready(cim::MethodResult::failure(saved.error()));
        result.out.set(QStringLiteral("ConnectivityCollection"),
                       Value::reference(toInstance(record).path()));
        result.out.set(QStringLiteral("Job"), Value::null(CimType::Reference));
        return ready(result);
    }
    if (!m_jobs)
        return ready(cim::MethodResult::failure(quint32(ReturnCode::Failed),
                                                tr("The engine has no job manager.")));

    NewJob spec;
    spec.kind = jobKind();
    spec.name = QStringLiteral("CreateRemoteReplicationCollection");
    spec.elementName = tr("Create remote collection %1").arg(record.elementName);
    spec.deleteOnCompletion = false;
    ConcreteJob *job = m_jobs->createJob(spec);
    auto step = std::make_shared<PeerStep>(job);
    step->start();

    // The record is stored only once the peer has answered: a refused peer leaves nothing but
    // the failed job that says why.
    contactPeer(v->wsman, v->remoteSystemPath)
        .then(QtFuture::Launch::Sync, [self = QPointer(this), step,
                                       record](cim::Result<void> r) mutable {
            ConcreteJob *job = step->job();
            if (!self || !job)
                return;
            if (!r) {
                step->emitError({r.error().code, r.error().message, JobErrorType::Communications});
                return;
            }
            record.connectivity = ConnectivityStatus::Up;
            if (auto saved = self->save(record); !saved) {
                step->emitError(
                    {saved.error().code, saved.error().message, JobErrorType::Software});
                return;
            }
            job->addAffectedElement(self->toInstance(record).path());
            step->emitResult();
        });
    result.returnValue = quint32(ReturnCode::JobStarted);
    result.out.set(QStringLiteral("Job"), Value::reference(job->path()));
    result.out.set(QStringLiteral("ConnectivityCollection"), Value::null(CimType::Reference));
    return ready(result);
}

QFuture<cim::MethodResult> RemoteCollections::add(const cim::MethodCall &call)
{
    auto v = validate(call.in, true);
    if (!v)
        return ready(cim::MethodResult::failure(v.error()));
    RemoteCollectionRecord record = m_collections.at(v->collection);
    record.localPoints = v->localPoints;
    record.remotePoints = v->remotePoints;
    record.remoteSystem = v->remoteSystem;

    cim::MethodResult result;
    // Only a new management endpoint or a newly named system needs the peer's word.
    if (v->wsman.isEmpty()) {
        if (auto saved = save(record); !saved)
            return ready(cim::MethodResult::failure(saved.error()));
        result.out.set(QStringLiteral("Job"), Value::null(CimType::Reference));
        return ready(result);
    }
    if (!m_jobs)
        return ready(cim::MethodResult::failure(quint32(ReturnCode::Failed),
                                                tr("The engine has no job manager.")));
    NewJob spec;
    spec.kind = jobKind();
    spec.name = QStringLiteral("AddToRemoteReplicationCollection");
    spec.elementName = tr("Add to remote collection %1").arg(record.elementName);
    spec.deleteOnCompletion = false;
    ConcreteJob *job = m_jobs->createJob(spec);
    auto step = std::make_shared<PeerStep>(job);
    step->start();
    const cim::ObjectPath system =
        v->remoteSystem.isEmpty()
            ? cim::ObjectPath()
            : cim::ObjectPath::fromString(v->remoteSystem).value_or(cim::ObjectPath());
    contactPeer(v->wsman, system)
        .then(QtFuture::Launch::Sync, [self = QPointer(this), step,
                                       record](cim::Result<void> r) mutable {
            ConcreteJob *job = step->job();
            if (!self || !job)
                return;
            if (!r) {
                step->emitError({r.error().code, r.error().message, JobErrorType::Communications});
                return;
            }
            // Another request may have removed the collection meanwhile.
            if (self->indexOf(record.instanceId) < 0) {
                step->emitError({quint32(ReturnCode::Failed),
                                 tr("The remote collection was deleted meanwhile."),
                                 JobErrorType::Software});
                return;
            }
            record.connectivity = ConnectivityStatus::Up;
            if (auto saved = self->save(record); !saved) {
                step->emitError(
                    {saved.error().code, saved.error().message, JobErrorType::Software});
                return;
            }
            job->addAffectedElement(self->toInstance(record).path());
            step->emitResult();
        });
    result.returnValue = quint32(ReturnCode::JobStarted);
    result.out.set(QStringLiteral("Job"), Value::reference(job->path()));
    return ready(result);
}

cim::Instance RemoteCollections::toInstance(const RemoteCollectionRecord &r) const
{
    cim::Instance i(collectionClass());
    i.setPath(cim::ObjectPath(ProviderRegistry::defaultNameSpace(), collectionClass(),
                              {{QStringLiteral("InstanceID"), Value::string(r.instanceId)}}));
    i.setProperty(QStringLiteral("InstanceID"), Value::string(r.instanceId));
    i.setProperty(QStringLiteral("ElementName"), Value::string(r.elementName));
    i.setProperty(QStringLiteral("ConnectivityStatus"), Value::uint16(quint16(r.connectivity)));
    i.setProperty(QStringLiteral("Active"), Value::boolean(r.active));
    i.setProperty(QStringLiteral("DeleteOnUnassociated"), Value::boolean(r.deleteOnUnassociated));
    const auto system = cim::ObjectPath::fromString(r.remoteSystem);
    i.setProperty(QStringLiteral("RemoteComputerSystem"),
                  system ? Value::reference(*system) : Value::null(CimType::Reference));
    return i;
}

static cim::Instance accessPointInstance(const cim::ObjectPath &path, bool remote)
{
    cim::Instance i(path.className());
    i.setPath(path);
    for (const auto &[name, value] : path.keys())
        i.setProperty(name, value);
    const QUrl url(path.key(u"Name").toString());
    const bool wsman = isWsman(url);
    i.setProperty(QStringLiteral("ElementName"), Value::string(url.toString()));
    if (remote) {
        i.setProperty(QStringLiteral("AccessInfo"), Value::string(url.toString()));
        i.setProperty(QStringLiteral("InfoFormat"), Value::uint16(200)); // URL
    } else {
        i.setProperty(QStringLiteral("ProtocolIFType"), Value::uint16(1)); // Other
    }
    i.setProperty(QStringLiteral("OtherTypeDescription"),
                  Value::string(wsman ? QStringLiteral("WS-Management") : QStringLiteral("NBD")));
    return i;
}

cim::Result<QList<cim::Instance>> RemoteCollections::instances(const QString &className) const
{
    QList<cim::Instance> out;
    if (className.compare(collectionClass(), Qt::CaseInsensitive) == 0) {
        for (const RemoteCollectionRecord &r : m_collections)
            out.append(toInstance(r));
    } else if (className.compare(protocolEndpointClass(), Qt::CaseInsensitive) == 0) {
        for (const QUrl &url : m_localEndpoints)
            out.append(accessPointInstance(protocolEndpointPath(m_systemName, url), false));
    } else if (className.compare(remoteAccessPointClass(), Qt::CaseInsensitive) == 0) {
        QStringList seen;
        for (const RemoteCollectionRecord &r : m_collections) {
            for (const QString &t : r.remotePoints) {
                const auto p = cim::ObjectPath::fromString(t);
                if (p && !seen.contains(t)) {
                    seen.append(t);
                    out.append(accessPointInstance(*p, true));
                }
            }
        }
    } else if (className.compare(memberOfCollectionClass(), Qt::CaseInsensitive) == 0) {
        for (const RemoteCollectionRecord &r : m_collections) {
            const cim::ObjectPath collection = toInstance(r).path();
            for (const QString &t : r.localPoints + r.remotePoints) {
                const auto p = cim::ObjectPath::fromString(t);
                if (!p)
                    continue;
                cim::Instance m(memberOfCollectionClass());
                m.setPath(
                    cim::ObjectPath(ProviderRegistry::defaultNameSpace(), memberOfCollectionClass(),
                                    {{QStringLiteral("Collection"), Value::reference(collection)},
                                     {QStringLiteral("Member"), Value::reference(*p)}}));
                m.setProperty(QStringLiteral("Collection"), Value::reference(collection));
                m.setProperty(QStringLiteral("Member"), Value::reference(*p));
                out.append(m);
            }
        }
    } else {
        return cim::Error(ReturnCode::InvalidParameter,
                          tr("The class %1 is not served here.").arg(className));
    }
    return out;
}

cim::Result<void> RemoteCollections::modify(const cim::Instance &instance,
                                            const QStringList &propertyList)
{
    const int i = indexOf(instance.path().key(u"InstanceID").toString());
    if (i < 0)
        return cim::Error(ReturnCode::InvalidParameter,
                          tr("No remote collection %1.").arg(instance.path().toString()));
    RemoteCollectionRecord r = m_collections.at(i);
    const cim::Instance current = toInstance(r);
    QStringList names = propertyList;
    if (names.isEmpty()) {
        for (const auto &[name, value] : instance.properties())
            names.append(name);
    }
    for (const QString &name : std::as_const(names)) {
        const Value value = instance.property(name);
        if (name.compare(u"Active", Qt::CaseInsensitive) == 0 && value.isTyped() &&
            value.type() == CimType::Boolean && !value.isNull()) {
            r.active = value.toBool();
        } else if (name.compare(u"DeleteOnUnassociated", Qt::CaseInsensitive) == 0 &&
                   value.isTyped() && value.type() == CimType::Boolean && !value.isNull()) {
            r.deleteOnUnassociated = value.toBool();
        } else if (!(value == current.property(name))) {
            return cim::Error(ReturnCode::InvalidParameter,
                              tr("Only Active and DeleteOnUnassociated of a remote collection "
                                 "can be changed, not %1.")
                                  .arg(name));
        }
    }
    if (r.deleteOnUnassociated && r.localPoints.isEmpty() && r.remotePoints.isEmpty())
        return erase(r.instanceId);
    return save(r);
}

cim::Result<void> RemoteCollections::remove(const cim::ObjectPath &path)
{
    if (path.className().compare(collectionClass(), Qt::CaseInsensitive) == 0) {
        const QString id = path.key(u"InstanceID").toString();
        if (indexOf(id) < 0)
            return cim::Error(ReturnCode::InvalidParameter,
                              tr("No remote collection %1.").arg(path.toString()));
        return erase(id);
    }
    if (path.className().compare(remoteAccessPointClass(), Qt::CaseInsensitive) == 0) {
        const QString text =
            remoteAccessPointPath(m_systemName, QUrl(path.key(u"Name").toString())).toString();
        bool found = false;
        const QList<RemoteCollectionRecord> all = m_collections;
        return m_store->transaction([&]() -> cim::Result<void> {
            for (RemoteCollectionRecord r : all) {
                if (!r.remotePoints.removeAll(text))
                    continue;
                found = true;
                // DeleteOnUnassociated: no access point left means no reason to exist.
                auto done =
                    r.deleteOnUnassociated && r.remotePoints.isEmpty() && r.localPoints.isEmpty()
                        ? erase(r.instanceId)
                        : save(r);
                if (!done)
                    return done;
            }
            if (!found)
                return cim::Error(ReturnCode::InvalidParameter,
                                  tr("No remote access point %1.").arg(path.toString()));
            return {};
        });
    }
    return cim::Error(ReturnCode::NotSupported,
                      tr("Instances of %1 cannot be deleted.").arg(path.className()));
}

QFuture<void> RemoteCollections::refreshConnectivity()
{
    auto promise = std::make_shared<QPromise<void>>();
    promise->start();
    auto pending = std::make_shared<int>(1);
    auto doneOne = [promise, pending] {
        if (--*pending == 0)
            promise->finish();
    };
    for (const RemoteCollectionRecord &r : std::as_const(m_collections)) {
        QUrl wsmanUrl;
        for (const QString &t : r.remotePoints) {
            const auto p = cim::ObjectPath::fromString(t);
            if (p && isWsman(QUrl(p->key(u"Name").toString())))
                wsmanUrl = QUrl(p->key(u"Name").toString());
        }
        if (wsmanUrl.isEmpty())
            continue;
        ++*pending;
        // Connectivity is whether the peer answers as a ReplicaDesk engine; credentials and the
        // system were checked when the endpoint was recorded.
        contactPeer(wsmanUrl, cim::ObjectPath())
            .then(QtFuture::Launch::Sync, [self = QPointer(this), id = r.instanceId,
                                           doneOne](cim::Result<void> ok) {
                const int i = self ? self->indexOf(id) : -1;
                if (i >= 0) {
                    RemoteCollectionRecord now = self->m_collections.at(i);
                    const auto status = ok ? ConnectivityStatus::Up : ConnectivityStatus::Down;
                    if (now.connectivity != status) {
                        now.connectivity = status;
                        // A failed save keeps the old status; the next check tries again.
                        (void)self->save(now);
                    }
                }
                doneOne();
            });
    }
    doneOne();
    return promise->future();
}

} // namespace rd::engine
