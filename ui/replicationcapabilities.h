#pragma once
// What a system's ReplicationServiceCapabilities say it can do: which replica types in which
// modes (SupportedReplicationTypes), which methods (Supported(A)SynchronousActions), and a
// sentence saying why something is not offered.

#include "cim/instance.h"

#include <QList>
#include <QString>

#include <optional>

namespace rd::ui {

class ReplicationCapabilities
{
public:
    ReplicationCapabilities() = default; // knows nothing: offers nothing
    explicit ReplicationCapabilities(const cim::Instance &capabilities);

    bool isKnown() const { return m_known; }
    // A local replica of syncType (6 Mirror, 7 Snapshot, 8 Clone) in mode (2 Synchronous,
    // 3 Asynchronous; nullopt: either, the engine decides).
    bool supports(quint16 syncType, std::optional<quint16> mode = std::nullopt) const;
    // Why supports() is false; empty when it is true.
    QString unsupportedReason(quint16 syncType, std::optional<quint16> mode = std::nullopt) const;
    // A ReplicationService method (CIM_ReplicationServiceCapabilities action codes, e.g. 5
    // ModifyReplicaSynchronization, 6 ModifyListSynchronization, 19 CreateListReplica).
    bool supportsAction(quint16 action) const;
    // A replica of syncType on another system (Remote replication types) in mode (nullopt:
    // either).
    bool supportsRemote(quint16 syncType, std::optional<quint16> mode = std::nullopt) const;
    // The SupportedReplicationTypes code for a local replica (2 Synchronous Mirror Local, …); a
    // remote one is two more (4 Synchronous Mirror Remote, …).
    static quint16 replicationType(quint16 syncType, quint16 mode);

private:
    QString offeredText() const;

    bool m_known = false;
    QList<quint16> m_types;
    QList<quint16> m_actions;
};

} // namespace rd::ui
