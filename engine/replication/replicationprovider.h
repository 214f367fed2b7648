#pragma once
// The replication service's CIM face: serves MSISCSITARGET_ReplicationService
// (CIM_ReplicationService: CreateListReplica, ModifyListSynchronization,
// ModifyReplicaSynchronization), its ReplicationServiceCapabilities (GetSupportedOperations) and
// the StorageSynchronized pairs, turning each call into ReplicationService's typed requests and its
// records into instances.

#include "replicationservice.h"

#include "provider/methodspec.h"
#include "provider/provider.h"

#include <QPointer>

namespace rd::engine {

class ReplicationProvider final : public Provider
{
    Q_DECLARE_TR_FUNCTIONS(rd::engine::ReplicationService)
public:
    explicit ReplicationProvider(ReplicationService *service);

    QList<ClassInfo> classes() const override;
    cim::Result<QList<cim::Instance>> enumerateInstances(const QString &className) override;
    QList<MethodSpec> methods(const QString &className) const override;
    QFuture<cim::MethodResult> invokeMethod(const cim::MethodCall &call) override;

    static MethodSpec createListReplicaSpec();
    static MethodSpec modifyListSynchronizationSpec();
    static MethodSpec modifyReplicaSynchronizationSpec();
    static MethodSpec getSupportedOperationsSpec(); // on the capabilities

    static cim::ObjectPath servicePath(const QString &systemName);
    static cim::ObjectPath capabilitiesPath();
    static cim::Instance serviceInstance(const QString &systemName);
    static cim::Instance capabilitiesInstance();
    static cim::ObjectPath synchronizedPath(const SyncRecord &record);
    // mirrorLag: a mirror's DirtyBytes (nullopt: no live session, shown NULL).
    static cim::Instance synchronizedInstance(const SyncRecord &record,
                                              std::optional<quint64> mirrorLag);
    // CIM_ReplicationServiceCapabilities.GetSupportedOperations(ReplicationType).
    static cim::MethodResult getSupportedOperations(const cim::Parameters &in);

private:
    QPointer<ReplicationService> m_service;
};

} // namespace rd::engine
