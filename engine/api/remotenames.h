#pragma once
// The names of remote replication both sides share: the CIM classes of remote collections and
// their access points, the paths of those access points, and when two peer endpoints are the same.
// engine/remote serves them; the console includes this header, never a remote/ one.

#include "cim/objectpath.h"

#include <QString>
#include <QUrl>

namespace rd::engine {

// CIM_ConnectivityCollection.ConnectivityStatus.
enum class ConnectivityStatus : quint16 { Unknown = 0, Up = 2, Down = 3, Partitioned = 4 };

namespace remotenames {

QString collectionClass();
QString remoteAccessPointClass();
QString protocolEndpointClass();
QString memberOfCollectionClass();

// A ProtocolEndpoint of systemName (one of its own endpoints, a LocalAccessPoint may name it).
cim::ObjectPath protocolEndpointPath(const QString &systemName, const QUrl &url);
// A RemoteServiceAccessPoint: a peer's endpoint as systemName's collections record it.
cim::ObjectPath remoteAccessPointPath(const QString &systemName, const QUrl &url);

// The same endpoint written another way (host case, default port, trailing slash) is the same
// peer: both give the same key.
QString peerKey(const QUrl &endpoint);

} // namespace remotenames

} // namespace rd::engine
