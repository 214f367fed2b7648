#pragma once
// CIM_ReplicationService.ModifyListSynchronization and ModifyReplicaSynchronization as one typed
// request: the operation and the synchronizations it applies to. parse() checks what needs no
// engine state (types, the operation's value map and method, NULLs); whether the pairs exist,
// agree in kind and are in a state the operation starts from is the service's to check.

#include "cim/enums.h"
#include "cim/methodcall.h"

#include <QList>
#include <QString>

#include <optional>

namespace rd::requests {

struct ModifySynchronizationRequest
{
    // ModifyListSynchronization takes an array of synchronizations, ModifyReplicaSynchronization
    // one (and may name SyncPairs of a group).
    enum class Method { List, Replica };

    static QString methodName(Method method);

    Method method = Method::List;
    cim::SyncOperation operation = cim::SyncOperation::Detach;
    QList<cim::ObjectPath> synchronizations; // in the order given; one for Method::Replica
    // The embedded instance's text as given; no operation here reads it.
    std::optional<QString> replicationSettingData;
    QList<cim::ObjectPath> syncPairs; // Method::Replica only
    std::optional<bool> force;
    // As given; which states an operation can reach depends on the pairs, so the service checks it.
    std::optional<cim::CopyState> waitForCopyState;

    [[nodiscard]] static cim::Result<ModifySynchronizationRequest> parse(const cim::Parameters &in,
                                                                         Method method);
    cim::MethodCall toCall(const cim::ObjectPath &target) const;

    friend bool operator==(const ModifySynchronizationRequest &,
                           const ModifySynchronizationRequest &) = default;
};

} // namespace rd::requests
