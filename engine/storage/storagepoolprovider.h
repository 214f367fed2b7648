#pragma once
// Serves the engine's pools as StoragePool instances, and the associations that place them:
// HostedStoragePool (system → pool) and AllocatedFromStoragePool (pool → volume).

#include "provider/provider.h"

#include <QPointer>

namespace rd::engine {

class PoolManager;

class StoragePoolProvider final : public Provider
{
public:
    static QString poolClass() { return QStringLiteral("MSISCSITARGET_StoragePool"); }
    static QString allocatedFromClass()
    {
        return QStringLiteral("MSISCSITARGET_AllocatedFromStoragePool");
    }
    static QString hostedPoolClass() { return QStringLiteral("MSISCSITARGET_HostedStoragePool"); }
    // A pool's path: InstanceID is the pool id (the form PoolReplicaStorage resolves).
    static cim::ObjectPath poolPath(const QString &poolId);

    StoragePoolProvider(PoolManager *pools, QString systemName);

    QList<ClassInfo> classes() const override;
    cim::Result<QList<cim::Instance>> enumerateInstances(const QString &className) override;
    cim::Result<cim::Instance> getInstance(const cim::ObjectPath &path) override;

private:
    QList<cim::Instance> poolInstances() const;
    QList<cim::Instance> allocatedFrom() const;
    QList<cim::Instance> hostedPools() const;

    QPointer<PoolManager> m_pools;
    QString m_systemName;
};

} // namespace rd::engine
