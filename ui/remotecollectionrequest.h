#pragma once
// The Remote Collection wizard's choices as one CreateRemoteReplicationCollection call (seed 004),
// and that call in plain words for its summary: read back from the call, so the words say exactly
// what is sent.

#include "cim/methodcall.h"

#include <QList>
#include <QString>

namespace rd::ui {

class SystemInventory;

struct RemoteCollectionChoice
{
    QString elementName;
    QList<cim::ObjectPath> localPoints;  // this side's ProtocolEndpoints
    QList<cim::ObjectPath> remotePoints; // RemoteServiceAccessPoints, the peer's URL as Name
    cim::ObjectPath remoteSystem;        // empty: the peer's system is not named
    bool active = true;
    bool deleteOnUnassociated = false;
};

cim::MethodCall createRemoteReplicationCollectionCall(const RemoteCollectionChoice &choice,
                                                      const cim::ObjectPath &service);

// The URL an access point's path names (its Name key).
QString accessPointUrl(const cim::ObjectPath &path);

// local (may be null) names the system the call goes to.
QString describeCreateRemoteReplicationCollection(const cim::MethodCall &call,
                                                  const SystemInventory *local);

} // namespace rd::ui
