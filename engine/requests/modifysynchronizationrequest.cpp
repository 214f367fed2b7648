#include "modifysynchronizationrequest.h"

#include "parameterreader.h"

#include <QCoreApplication>

namespace rd::requests {

using cim::CimType;
using cim::Value;

namespace {
// The texts come from ReplicationService::validateModify and keep its context.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(rd::engine::ReplicationService)
};

constexpr auto invalid = invalidParameter;

const auto Operation = QStringLiteral("Operation");
const auto Synchronization = QStringLiteral("Synchronization");
const auto ReplicationSettingData = QStringLiteral("ReplicationSettingData");
const auto SyncPair = QStringLiteral("SyncPair");
const auto Force = QStringLiteral("Force");
const auto WaitForCopyState = QStringLiteral("WaitForCopyState");
} // namespace

QString ModifySynchronizationRequest::methodName(Method method)
{
    return method == Method::List ? QStringLiteral("ModifyListSynchronization")
                                  : QStringLiteral("ModifyReplicaSynchronization");
}

cim::Result<ModifySynchronizationRequest>
ModifySynchronizationRequest::parse(const cim::Parameters &in, Method method)
{
    const bool list = method == Method::List;
    ModifySynchronizationRequest r;
    r.method = method;
    Value operation, syncs, settings, pairs, force, wait;
    auto read = readParameters(in, {
                                       {&operation, Operation, CimType::UInt16, false, true},
                                       {&syncs, Synchronization, CimType::Reference, list, true},
                                       {&settings, ReplicationSettingData, CimType::String},
                                       {&force, Force, CimType::Boolean},
                                       {&wait, WaitForCopyState, CimType::UInt16},
                                   });
    if (read && !list)
        read = readParameters(in, {{&pairs, SyncPair, CimType::Reference, true}});
    if (!read)
        return read.error();

    const quint64 op = operation.toUInt64();
    // Activate/Deactivate Consistency, AddSyncPair and RemoveSyncPair work on replication
    // groups: they are ModifyReplicaSynchronization's only (DMTF Reserved in the list method).
    if (list && (op == 3 || op == 5 || op == 6 || op == 13))
        return invalid(
            Text::tr("Operation %1 is not a ModifyListSynchronization operation; it exists "
                     "only in ModifyReplicaSynchronization.")
                .arg(op),
            Operation);
    if (op < 2 || op > 26)
        return invalid(Text::tr("Operation %1 is not a known operation.").arg(op), Operation);
    r.operation = cim::SyncOperation(op);

    const QList<Value> refs = list ? syncs.elements() : QList<Value>{syncs};
    if (refs.isEmpty())
        return invalid(Text::tr("Synchronization names no synchronization."), Synchronization);
    for (qsizetype i = 0; i < refs.size(); ++i) {
        if (isNull(refs[i]))
            return invalid(Text::tr("Synchronization[%1] is NULL.").arg(i), Synchronization);
        r.synchronizations.append(refs[i].toReference());
    }
    if (!isNull(settings))
        r.replicationSettingData = settings.toString();
    for (const Value &p : pairs.elements())
        r.syncPairs.append(p.toReference());
    if (!isNull(force))
        r.force = force.toBool();
    if (!isNull(wait))
        r.waitForCopyState = cim::CopyState(wait.toUInt64());
    return r;
}

cim::MethodCall ModifySynchronizationRequest::toCall(const cim::ObjectPath &target) const
{
    cim::MethodCall call;
    call.target = target;
    call.method = methodName(method);
    cim::Parameters &in = call.in;
    in.set(Operation, Value::uint16(quint16(operation)));
    if (method == Method::List)
        in.set(Synchronization, referenceArray(synchronizations));
    else if (!synchronizations.isEmpty())
        in.set(Synchronization, Value::reference(synchronizations.constFirst()));
    if (replicationSettingData)
        in.set(ReplicationSettingData, Value::string(*replicationSettingData));
    if (method == Method::Replica && !syncPairs.isEmpty())
        in.set(SyncPair, referenceArray(syncPairs));
    if (force)
        in.set(Force, Value::boolean(*force));
    if (waitForCopyState)
        in.set(WaitForCopyState, Value::uint16(quint16(*waitForCopyState)));
    return call;
}

} // namespace rd::requests
