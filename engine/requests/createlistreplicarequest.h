#pragma once
// CIM_ReplicationService.CreateListReplica (seed 000) as a typed request: parse() makes one from
// a call's parameters with every rule that needs no engine state (types, value maps, NULLs,
// counts, rules between parameters, the embedded ReplicationSettingData); toCall() writes it back.
// The elements' existence, classes, sizes and use stay with the service that holds them.

#include "replicationsettings.h"

#include "cim/methodcall.h"

#include <QList>
#include <QString>

#include <optional>

namespace rd::requests {

struct CreateListReplicaRequest
{
    static QString methodName() { return QStringLiteral("CreateListReplica"); }

    // One per replica to be made, in order; nullopt (a NULL entry) leaves that one to the system.
    QList<std::optional<QString>> elementNames;
    cim::SyncType syncType = cim::SyncType::Clone;
    std::optional<cim::Mode> mode; // nullopt: the service decides
    QList<cim::ObjectPath> sourceElements;
    // Given targets; fewer than sources only with TargetElementSupplier Use And Create.
    QList<cim::ObjectPath> targetElements;
    // A peer's access point (a RemoteServiceAccessPoint): the replicas are made on that system.
    std::optional<cim::ObjectPath> targetAccessPoint;
    std::optional<ReplicationSettings> replicationSettingData;
    std::optional<cim::ObjectPath> targetSettingGoal;
    std::optional<cim::ObjectPath> targetPool;
    // One of the states a new replica passes through (Initialized, Unsynchronized, Synchronized).
    std::optional<cim::CopyState> waitForCopyState;

    // A request with a TargetAccessPoint follows the rules (and wording) of replicas made on a
    // peer; one without, those of replicas made here.
    [[nodiscard]] static cim::Result<CreateListReplicaRequest> parse(const cim::Parameters &in);
    cim::MethodCall toCall(const cim::ObjectPath &target) const;

    bool isRemote() const { return targetAccessPoint.has_value(); }
    // What a service that makes replicas only here answers a remote request: NotSupported.
    [[nodiscard]] cim::Result<void> checkLocal() const;

    // The decoded settings with their defaults: Instrumentation Decides (also for 0), Same
    // (also for Not Managed), no consistent point in time.
    TargetElementSupplier targetElementSupplier() const;
    CopyPriority copyPriority() const;
    bool consistentPointInTime() const;
    // The Mode as given; a snapshot is always Synchronous, anything else not given Asynchronous.
    cim::Mode effectiveMode() const;

    friend bool operator==(const CreateListReplicaRequest &,
                           const CreateListReplicaRequest &) = default;
};

} // namespace rd::requests
