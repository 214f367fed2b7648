#pragma once
// Serves MSISCSITARGET_ReplicationService (CIM_ReplicationService: CreateListReplica,
// ModifyListSynchronization, ModifyReplicaSynchronization), its ReplicationServiceCapabilities
// (GetSupportedOperations), and the StorageSynchronized pairs, from a ReplicationService.

#include "replicationservice.h"

#include "provider/provider.h"

#include <QPointer>

namespace rd::engine {

class ReplicationProvider final : public Provider
{
public:
    explicit ReplicationProvider(ReplicationService *service);

    QList<ClassInfo> classes() const override;
    cim::Result<QList<cim::Instance>> enumerateInstances(const QString &className) override;
    QList<MethodSpec> methods(const QString &className) const override;
    QFuture<cim::MethodResult> invokeMethod(const cim::MethodCall &call) override;

private:
    QPointer<ReplicationService> m_service;
};

} // namespace rd::engine
