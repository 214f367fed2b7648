#include "createlistreplicarequest.h"

#include "parameterreader.h"

#include "cim/cimxml.h"
#include "cim/valuemap.h"

#include <QCoreApplication>

namespace rd::requests {

using cim::CimType;
using cim::Value;

namespace {

// The texts come from ReplicationService::validate (replicas made here) and
// RemoteReplicas::validate (on a peer) and keep their contexts, so their translations still apply.
struct LocalText
{
    Q_DECLARE_TR_FUNCTIONS(rd::engine::ReplicationService)
};

struct RemoteText
{
    Q_DECLARE_TR_FUNCTIONS(rd::engine::RemoteReplicas)
};

constexpr auto invalid = invalidParameter;
constexpr auto unsupported = notSupported;

namespace name {
const auto ElementNames = QStringLiteral("ElementNames");
const auto SyncType = QStringLiteral("SyncType");
const auto Mode = QStringLiteral("Mode");
const auto SourceElements = QStringLiteral("SourceElements");
const auto SourceAccessPoint = QStringLiteral("SourceAccessPoint");
const auto TargetElements = QStringLiteral("TargetElements");
const auto TargetAccessPoint = QStringLiteral("TargetAccessPoint");
const auto ReplicationSettingData = QStringLiteral("ReplicationSettingData");
const auto TargetSettingGoal = QStringLiteral("TargetSettingGoal");
const auto TargetPool = QStringLiteral("TargetPool");
const auto WaitForCopyState = QStringLiteral("WaitForCopyState");
} // namespace name

// The parameters as given, each of its declared type.
struct Given
{
    Value elementNames, syncType, mode, sourceElements, sourceAccessPoint, targetElements,
        targetAccessPoint, replicationSettingData, targetSettingGoal, targetPool, waitForCopyState;
};

cim::Result<Given> read(const cim::Parameters &in)
{
    Given g;
    auto read = readParameters(
        in, {
                {&g.elementNames, name::ElementNames, CimType::String, true},
                {&g.syncType, name::SyncType, CimType::UInt16, false, true},
                {&g.mode, name::Mode, CimType::UInt16},
                {&g.sourceElements, name::SourceElements, CimType::Reference, true, true},
                {&g.sourceAccessPoint, name::SourceAccessPoint, CimType::Reference},
                {&g.targetElements, name::TargetElements, CimType::Reference, true},
                {&g.targetAccessPoint, name::TargetAccessPoint, CimType::Reference},
                {&g.replicationSettingData, name::ReplicationSettingData, CimType::String},
                {&g.targetSettingGoal, name::TargetSettingGoal, CimType::Reference},
                {&g.targetPool, name::TargetPool, CimType::Reference},
                {&g.waitForCopyState, name::WaitForCopyState, CimType::UInt16},
            });
    if (!read)
        return read.error();
    return g;
}

std::optional<cim::ObjectPath> optionalPath(const Value &v)
{
    return isNull(v) ? std::nullopt : std::optional<cim::ObjectPath>(v.toReference());
}

// Sources: none NULL, all of one class.
cim::Result<QList<cim::ObjectPath>> sourcesOf(const Value &given)
{
    QList<cim::ObjectPath> sources;
    const QList<Value> elements = given.elements();
    for (qsizetype i = 0; i < elements.size(); ++i) {
        if (isNull(elements[i]))
            return invalid(LocalText::tr("SourceElements[%1] is NULL.").arg(i),
                           name::SourceElements);
        const cim::ObjectPath path = elements[i].toReference();
        if (!sources.isEmpty() &&
            path.className().compare(sources.constFirst().className(), Qt::CaseInsensitive) != 0)
            return invalid(
                LocalText::tr("SourceElements must all be of one class; %1 is a %2, not a %3.")
                    .arg(path.toString(), path.className(), sources.constFirst().className()),
                name::SourceElements);
        sources.append(path);
    }
    return sources;
}

QList<std::optional<QString>> namesOf(const Value &given)
{
    QList<std::optional<QString>> names;
    for (const Value &v : given.elements())
        names.append(isNull(v) ? std::nullopt : std::optional<QString>(v.toString()));
    return names;
}

cim::Result<void> checkNames(const QList<std::optional<QString>> &names)
{
    for (const auto &n : names) {
        if (n) {
            if (auto ok = checkName(*n, name::ElementNames); !ok)
                return ok;
        }
    }
    return {};
}

// Replicas made here: ReplicationService's rules, in its order.
cim::Result<CreateListReplicaRequest> parseLocal(const Given &g)
{
    CreateListReplicaRequest r;
    switch (g.syncType.toUInt64()) {
    case quint64(cim::SyncType::Clone):
    case quint64(cim::SyncType::Mirror):
    case quint64(cim::SyncType::Snapshot):
        r.syncType = cim::SyncType(g.syncType.toUInt64());
        break;
    default:
        return invalid(LocalText::tr("SyncType %1 is not Mirror (6), Snapshot (7) or Clone (8).")
                           .arg(g.syncType.toUInt64()),
                       name::SyncType);
    }
    if (!isNull(g.mode)) {
        const quint64 mode = g.mode.toUInt64();
        if (mode != quint64(cim::Mode::Synchronous) && mode != quint64(cim::Mode::Asynchronous))
            return invalid(
                LocalText::tr("Mode %1 is not Synchronous (2) or Asynchronous (3).").arg(mode),
                name::Mode);
        r.mode = cim::Mode(mode);
    }
    // A snapshot's point in time is fixed within the call; an asynchronous snapshot (taken some
    // time later) is not offered (ReplicationServiceCapabilities lists type 6 only).
    if (r.syncType == cim::SyncType::Snapshot && r.mode == cim::Mode::Asynchronous)
        return unsupported(
            LocalText::tr("Asynchronous snapshots are not supported; leave Mode NULL or "
                          "make it Synchronous (2)."),
            name::Mode);
    if (!isNull(g.waitForCopyState)) {
        // The states a new replica passes through; any other is never reached, so waiting for it
        // is invalid.
        const quint64 w = g.waitForCopyState.toUInt64();
        if (w != quint64(cim::CopyState::Initialized) &&
            w != quint64(cim::CopyState::Unsynchronized) &&
            w != quint64(cim::CopyState::Synchronized)) {
            return invalid(
                LocalText::tr("A new replica never reaches CopyState %1; WaitForCopyState may be "
                              "Initialized (2), Unsynchronized (3) or Synchronized (4).")
                    .arg(cim::ValueMap::copyState().label(w)),
                name::WaitForCopyState);
        }
        r.waitForCopyState = cim::CopyState(w);
    }
    if (!isNull(g.sourceAccessPoint)) {
        return unsupported(
            LocalText::tr("Replication through access points (to or from another system) "
                          "is not supported yet; leave %1 NULL.")
                .arg(name::SourceAccessPoint),
            name::SourceAccessPoint);
    }
    if (!isNull(g.replicationSettingData)) {
        auto settings = ReplicationSettings::parse(g.replicationSettingData.toString());
        if (!settings)
            return settings.error();
        r.replicationSettingData = settings.value();
    }
    auto sources = sourcesOf(g.sourceElements);
    if (!sources)
        return sources.error();
    r.sourceElements = sources.value();

    // Names apply in order to the replicas the engine creates; the rest get system names.
    r.elementNames = namesOf(g.elementNames);
    if (auto ok = checkNames(r.elementNames); !ok)
        return ok.error();
    if (r.elementNames.size() > r.sourceElements.size())
        return invalid(LocalText::tr("%1 ElementNames for %2 SourceElements.")
                           .arg(r.elementNames.size())
                           .arg(r.sourceElements.size()),
                       name::ElementNames);

    const QList<Value> targets = g.targetElements.elements();
    r.targetPool = optionalPath(g.targetPool);
    r.targetSettingGoal = optionalPath(g.targetSettingGoal);
    if (!targets.isEmpty() && (r.targetPool || r.targetSettingGoal))
        return invalid(
            LocalText::tr(
                "TargetPool and TargetSettingGoal must be NULL when TargetElements are given."),
            r.targetPool ? name::TargetPool : name::TargetSettingGoal);

    // TargetElementSupplier: Use existing / Client must supply need a target per source; Create
    // new takes none; Use and create uses the given ones for the first sources and creates the
    // rest; Instrumentation decides (the default) uses them when given, else creates.
    const TargetElementSupplier supplier = r.targetElementSupplier();
    const qsizetype count = r.sourceElements.size();
    if ((supplier == TargetElementSupplier::UseExisting ||
         supplier == TargetElementSupplier::ClientMustSupply) &&
        targets.size() != count)
        return invalid(LocalText::tr("TargetElementSupplier asks for existing targets: give one "
                                     "TargetElement per SourceElement."),
                       name::TargetElements);
    if (supplier == TargetElementSupplier::CreateNew && !targets.isEmpty())
        return invalid(
            LocalText::tr("TargetElementSupplier is Create new: TargetElements must be NULL."),
            name::TargetElements);
    if (supplier == TargetElementSupplier::UseAndCreate
            ? targets.size() > count
            : !targets.isEmpty() && targets.size() != count)
        return invalid(LocalText::tr("%1 TargetElements for %2 SourceElements.")
                           .arg(targets.size())
                           .arg(count),
                       name::TargetElements);
    for (qsizetype i = 0; i < targets.size(); ++i) {
        if (isNull(targets[i]))
            return invalid(LocalText::tr("TargetElements[%1] is NULL.").arg(i),
                           name::TargetElements);
        r.targetElements.append(targets[i].toReference());
    }
    return r;
}

// Replicas made on a peer: RemoteReplicas' rules, in its order. The peer makes the targets, in a
// job; its collection, and the sources' existence, are checked where they are known.
cim::Result<CreateListReplicaRequest> parseRemote(const Given &g)
{
    CreateListReplicaRequest r;
    r.targetAccessPoint = g.targetAccessPoint.toReference();
    const quint64 type = isNull(g.syncType) ? 0 : g.syncType.toUInt64();
    if (type == quint64(cim::SyncType::Snapshot))
        return unsupported(RemoteText::tr("A snapshot stays on the system of its source: leave "
                                          "TargetAccessPoint NULL to make it here."),
                           name::SyncType);
    if (type != quint64(cim::SyncType::Clone) && type != quint64(cim::SyncType::Mirror))
        return invalid(RemoteText::tr("SyncType must be Mirror (6), Snapshot (7) or Clone (8)."),
                       name::SyncType);
    r.syncType = cim::SyncType(type);
    if (!isNull(g.mode)) {
        const quint64 mode = g.mode.toUInt64();
        if (mode != quint64(cim::Mode::Synchronous) && mode != quint64(cim::Mode::Asynchronous))
            return invalid(
                RemoteText::tr("Mode must be Synchronous (2), Asynchronous (3) or NULL."),
                name::Mode);
        r.mode = cim::Mode(mode);
    }
    const std::pair<const Value *, const QString *> refused[] = {
        {&g.targetElements, &name::TargetElements},
        {&g.targetSettingGoal, &name::TargetSettingGoal},
        {&g.sourceAccessPoint, &name::SourceAccessPoint},
        {&g.waitForCopyState, &name::WaitForCopyState},
    };
    for (const auto &[value, parameter] : refused) {
        if (!value->isNull())
            return unsupported(
                RemoteText::tr("%1 is not supported for replicas on another system; "
                               "leave it NULL (the peer makes the targets, in a job).")
                    .arg(*parameter),
                *parameter);
    }

    // The settings that apply across systems: targets are always made new on the peer, a clone
    // copies each source from its own point in time (one after the other), a mirror keeps one
    // across its sources at a fracture, CopyPriority paces the copy as it does locally.
    if (!isNull(g.replicationSettingData)) {
        auto parsed = cim::cimxml::parseInstance(g.replicationSettingData.toString());
        if (!parsed || !parsed->className().endsWith(QStringLiteral("ReplicationSettingData"),
                                                     Qt::CaseInsensitive))
            return invalid(RemoteText::tr("ReplicationSettingData is not an embedded "
                                          "ReplicationSettingData instance."),
                           name::ReplicationSettingData);
        auto settings = ReplicationSettings::fromInstance(parsed.value());
        if (!settings)
            return settings.error();
        const std::optional<TargetElementSupplier> supplier = settings->targetElementSupplier;
        if (supplier && *supplier != TargetElementSupplier::CreateNew &&
            *supplier != TargetElementSupplier::InstrumentationDecides)
            return unsupported(
                RemoteText::tr("Replicas on another system are always new volumes made "
                               "there: TargetElementSupplier must be Create New (3) or "
                               "Instrumentation Decides (5)."),
                name::ReplicationSettingData);
        r.replicationSettingData = settings.value();
    }

    auto sources = sourcesOf(g.sourceElements);
    if (!sources)
        return sources.error();
    r.sourceElements = sources.value();
    if (r.consistentPointInTime() && r.sourceElements.size() > 1 &&
        r.syncType == cim::SyncType::Clone)
        return unsupported(
            RemoteText::tr("One point in time for several clones is not offered across "
                           "systems: each is copied from its own. Clear "
                           "ConsistentPointInTime, make one request per volume, or "
                           "mirror them and fracture the list."),
            name::ReplicationSettingData);
    r.elementNames = namesOf(g.elementNames);
    if (auto ok = checkNames(r.elementNames); !ok)
        return ok.error();
    if (r.elementNames.size() > r.sourceElements.size())
        return invalid(RemoteText::tr("ElementNames has %1 names for %2 sources.")
                           .arg(r.elementNames.size())
                           .arg(r.sourceElements.size()),
                       name::ElementNames);
    r.targetPool = optionalPath(g.targetPool);
    if (r.targetPool && !r.targetPool->className().contains(u"Pool", Qt::CaseInsensitive))
        return invalid(RemoteText::tr("TargetPool is not a StoragePool."), name::TargetPool);
    return r;
}

} // namespace

cim::Result<CreateListReplicaRequest> CreateListReplicaRequest::parse(const cim::Parameters &in)
{
    auto given = read(in);
    if (!given)
        return given.error();
    return isNull(given->targetAccessPoint) ? parseLocal(given.value())
                                            : parseRemote(given.value());
}

cim::Result<void> CreateListReplicaRequest::checkLocal() const
{
    if (!targetAccessPoint)
        return {};
    return unsupported(
        LocalText::tr("Replication through access points (to or from another system) "
                      "is not supported yet; leave %1 NULL.")
            .arg(name::TargetAccessPoint),
        name::TargetAccessPoint);
}

cim::MethodCall CreateListReplicaRequest::toCall(const cim::ObjectPath &target) const
{
    cim::MethodCall call;
    call.target = target;
    call.method = methodName();
    cim::Parameters &in = call.in;
    if (!elementNames.isEmpty()) {
        QList<Value> names;
        for (const std::optional<QString> &n : elementNames)
            names.append(n ? Value::string(*n) : Value::null(CimType::String));
        in.set(name::ElementNames, Value::array(CimType::String, names));
    }
    in.set(name::SyncType, Value::uint16(quint16(syncType)));
    in.set(name::Mode, mode ? Value::uint16(quint16(*mode)) : Value::null(CimType::UInt16));
    in.set(name::SourceElements, referenceArray(sourceElements));
    if (!targetElements.isEmpty())
        in.set(name::TargetElements, referenceArray(targetElements));
    if (targetAccessPoint)
        in.set(name::TargetAccessPoint, Value::reference(*targetAccessPoint));
    if (replicationSettingData)
        in.set(name::ReplicationSettingData, Value::string(replicationSettingData->toEmbedded()));
    if (targetSettingGoal)
        in.set(name::TargetSettingGoal, Value::reference(*targetSettingGoal));
    if (targetPool)
        in.set(name::TargetPool, Value::reference(*targetPool));
    if (waitForCopyState)
        in.set(name::WaitForCopyState, Value::uint16(quint16(*waitForCopyState)));
    return call;
}

TargetElementSupplier CreateListReplicaRequest::targetElementSupplier() const
{
    const auto given = replicationSettingData ? replicationSettingData->targetElementSupplier
                                              : std::optional<TargetElementSupplier>();
    return given && quint16(*given) != 0 ? *given : TargetElementSupplier::InstrumentationDecides;
}

CopyPriority CreateListReplicaRequest::copyPriority() const
{
    const auto given = replicationSettingData ? replicationSettingData->copyPriority
                                              : std::optional<CopyPriority>();
    return given && *given != CopyPriority::NotManaged ? *given : CopyPriority::Same;
}

bool CreateListReplicaRequest::consistentPointInTime() const
{
    return replicationSettingData && replicationSettingData->consistentPointInTime.value_or(false);
}

cim::Mode CreateListReplicaRequest::effectiveMode() const
{
    if (syncType == cim::SyncType::Snapshot)
        return cim::Mode::Synchronous;
    return mode.value_or(cim::Mode::Asynchronous);
}

} // namespace rd::requests
