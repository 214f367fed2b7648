#pragma once
// CIM_ReplicationService.CreateRemoteReplicationCollection (seed 004) as a typed request: a name,
// this side's and the peer's access points, and the peer's system. parse() checks what needs no
// engine state (the access points' URLs, one management endpoint, the system's class and name);
// which endpoints are this system's own and which peers other collections reach stay with
// RemoteCollections.

#include "cim/methodcall.h"

#include <QList>
#include <QString>
#include <QUrl>

#include <optional>

namespace rd::requests {

struct CreateRemoteReplicationCollectionRequest
{
    static QString methodName() { return QStringLiteral("CreateRemoteReplicationCollection"); }
    static constexpr int MaxElementName = 256;

    std::optional<QString> elementName;        // trimmed; nullopt: the system names it
    QList<cim::ObjectPath> localAccessPoints;  // this side's ProtocolEndpoints
    QList<cim::ObjectPath> remoteAccessPoints; // RemoteServiceAccessPoints, a URL as Name
    std::optional<cim::ObjectPath> remoteComputerSystem;
    std::optional<bool> active;               // nullopt: active
    std::optional<bool> deleteOnUnassociated; // nullopt: false

    [[nodiscard]] static cim::Result<CreateRemoteReplicationCollectionRequest>
    parse(const cim::Parameters &in);
    cim::MethodCall toCall(const cim::ObjectPath &target) const;

    bool isActive() const { return active.value_or(true); }

    // The rules AddToRemoteReplicationCollection shares, each naming its parameter:
    // A remote access point's URL (its Name): WS-Management (http, https) or NBD (nbd, nbds),
    // with a host.
    [[nodiscard]] static cim::Result<QUrl> remoteUrl(const cim::ObjectPath &point);
    static bool isManagementUrl(const QUrl &url);
    static bool isDataUrl(const QUrl &url);
    // A ComputerSystem with a Name.
    [[nodiscard]] static cim::Result<void> checkRemoteSystem(const cim::ObjectPath &system);
    // At most one WS-Management endpoint among the points' URLs.
    [[nodiscard]] static cim::Result<void> checkOneManagementPoint(const QList<QUrl> &urls);

    friend bool operator==(const CreateRemoteReplicationCollectionRequest &,
                           const CreateRemoteReplicationCollectionRequest &) = default;
};

} // namespace rd::requests
