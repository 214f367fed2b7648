#pragma once
// Serves RemoteReplicationCollections, their access points and MemberOfCollection from a
// RemoteCollections; ReplicationServiceRouter adds its two methods to the ReplicationService.

#include "remotecollections.h"
#include "remotereplicas.h"

#include "provider/provider.h"

#include <QPointer>

#include <memory>

namespace rd::engine {

class RemoteCollectionProvider final : public Provider
{
public:
    explicit RemoteCollectionProvider(RemoteCollections *collections);

    QList<ClassInfo> classes() const override;
    cim::Result<QList<cim::Instance>> enumerateInstances(const QString &className) override;
    cim::Result<void> modifyInstance(const cim::Instance &instance,
                                     const QStringList &propertyList) override;
    cim::Result<void> deleteInstance(const cim::ObjectPath &path) override;

private:
    QPointer<RemoteCollections> m_collections;
};

// The ReplicationService's provider with CreateRemoteReplicationCollection and
// AddToRemoteReplicationCollection added, so they are invoked on the service's own path.
class ReplicationServiceRouter final : public Provider
{
public:
    ReplicationServiceRouter(std::shared_ptr<Provider> inner, RemoteCollections *collections,
                             QString serviceClass);

    QList<ClassInfo> classes() const override { return m_inner->classes(); }
    cim::Result<QList<cim::Instance>> enumerateInstances(const QString &className) override
    {
        return m_inner->enumerateInstances(className);
    }
    cim::Result<cim::Instance> getInstance(const cim::ObjectPath &path) override
    {
        return m_inner->getInstance(path);
    }
    // CreateListReplica with a TargetAccessPoint goes to these (replicas on a peer).
    void setRemoteReplicas(RemoteReplicas *replicas) { m_replicas = replicas; }
    QList<MethodSpec> methods(const QString &className) const override;
    QFuture<cim::MethodResult> invokeMethod(const cim::MethodCall &call) override;
    cim::Result<void> modifyInstance(const cim::Instance &instance,
                                     const QStringList &propertyList) override
    {
        return m_inner->modifyInstance(instance, propertyList);
    }
    cim::Result<void> deleteInstance(const cim::ObjectPath &path) override
    {
        return m_inner->deleteInstance(path);
    }

private:
    bool isRemoteMethod(const QString &className, QStringView method) const;

    std::shared_ptr<Provider> m_inner;
    QPointer<RemoteCollections> m_collections;
    QPointer<RemoteReplicas> m_replicas;
    QString m_serviceClass;
};

} // namespace rd::engine
