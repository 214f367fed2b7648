#pragma once
// RemoteReplicationCollections: a peer system and the access points that reach it, recorded by
// CreateRemoteReplicationCollection (seed 004) and kept in the catalog with its connectivity.

#include "remotecollectionstore.h"

#include "api/remotenames.h"
#include "cim/instance.h"
#include "cim/methodcall.h"
#include "cim/result.h"
#include "provider/methodspec.h"

#include <QFuture>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QTimer>
#include <QUrl>

#include <functional>
#include <memory>

namespace rd::wsman {
class WsmanTransport;
}

namespace rd::engine {

class JobManager;

class RemoteCollections final : public QObject
{
    Q_OBJECT
public:
    // Builds the WS-Man client for a peer endpoint: credentials and certificate trust are the
    // caller's policy (the console's keychain, the daemon's configuration).
    using PeerConnector = std::function<std::unique_ptr<wsman::WsmanTransport>(const QUrl &)>;

    // store and jobs must outlive this object (the Engine owns all three).
    RemoteCollections(RemoteCollectionStore *store, JobManager *jobs, QString systemName,
                      QObject *parent = nullptr);
    ~RemoteCollections() override;
    Q_DISABLE_COPY_MOVE(RemoteCollections)

    static QString collectionClass() { return remotenames::collectionClass(); }
    static QString remoteAccessPointClass() { return remotenames::remoteAccessPointClass(); }
    static QString protocolEndpointClass() { return remotenames::protocolEndpointClass(); }
    static QString memberOfCollectionClass() { return remotenames::memberOfCollectionClass(); }
    static QString jobKind();

    cim::Result<void> load();

    // This engine's own endpoints (its WS-Man URL, its NBD URL) as ProtocolEndpoints that
    // LocalAccessPoints may name; set by whoever starts the servers.
    void setLocalEndpoints(const QList<QUrl> &urls);
    QList<QUrl> localEndpoints() const { return m_localEndpoints; }
    static cim::ObjectPath protocolEndpointPath(const QString &systemName, const QUrl &url)
    {
        return remotenames::protocolEndpointPath(systemName, url);
    }
    static cim::ObjectPath remoteAccessPointPath(const QString &systemName, const QUrl &url)
    {
        return remotenames::remoteAccessPointPath(systemName, url);
    }
    QString systemName() const { return m_systemName; }

    void setPeerConnector(PeerConnector connector) { m_connector = std::move(connector); }
    // How long one contact with a peer may take.
    void setPeerTimeout(int ms) { m_peerTimeoutMs = ms; }
    // Connectivity is checked this often (default 60 s; 0: only on refreshConnectivity()).
    void setConnectivityInterval(int ms);

    QList<MethodSpec> remoteCollectionMethodSpecs() const;
    // CreateRemoteReplicationCollection and AddToRemoteReplicationCollection, on the
    // ReplicationService's path; other methods answer NotSupported.
    QFuture<cim::MethodResult> invoke(const cim::MethodCall &call);

    QList<RemoteCollectionRecord> collections() const { return m_collections; }
    cim::Result<QList<cim::Instance>> instances(const QString &className) const;
    // Active and DeleteOnUnassociated only; anything else is InvalidParameter.
    cim::Result<void> modify(const cim::Instance &instance, const QStringList &propertyList);
    // A collection, or a RemoteServiceAccessPoint (dropped from every collection; a collection
    // with DeleteOnUnassociated that has none left goes with it).
    cim::Result<void> remove(const cim::ObjectPath &path);

    // Identifies every peer again (unauthenticated) and stores the new ConnectivityStatus
    // (Up, or Down when it does not answer as a ReplicaDesk engine); finished when done.
    QFuture<void> refreshConnectivity();

Q_SIGNALS:
    void collectionsChanged();

private:
    struct Validated;
    cim::Result<Validated> validate(const cim::Parameters &in, bool adding) const;
    QFuture<cim::MethodResult> create(const cim::MethodCall &call);
    QFuture<cim::MethodResult> add(const cim::MethodCall &call);
    // Identify (a ReplicaDesk engine?) and, when given, Get of the peer's ComputerSystem.
    QFuture<cim::Result<void>> contactPeer(const QUrl &wsman, const cim::ObjectPath &system);
    cim::Result<void> save(const RemoteCollectionRecord &record);
    cim::Result<void> erase(const QString &instanceId);
    cim::Instance toInstance(const RemoteCollectionRecord &record) const;
    int indexOf(const QString &instanceId) const;

    RemoteCollectionStore *m_store;
    QPointer<JobManager> m_jobs;
    QString m_systemName;
    QList<QUrl> m_localEndpoints;
    QList<RemoteCollectionRecord> m_collections;
    PeerConnector m_connector;
    int m_peerTimeoutMs = 30000;
    QTimer m_connectivityTimer;
};

} // namespace rd::engine
