#pragma once
// The Create Replica wizard's fields by name, and the one function that turns them into the
// CreateListReplica MethodCall (seed 000); the summary shows, and the wizard sends, exactly that.

#include "cim/methodcall.h"

#include <QString>

class QWizard;

namespace rd::ui::replicafield {

inline const QString sources = QStringLiteral("sources");           // QStringList of path text
inline const QString syncType = QStringLiteral("syncType");         // int: 6, 7, 8
inline const QString mode = QStringLiteral("mode");                 // int: 2, 3; 0 engine decides
inline const QString targetChoice = QStringLiteral("targetChoice"); // int: TargetChoice
inline const QString targets = QStringLiteral("targets");           // QStringList of path text
inline const QString targetPool = QStringLiteral("targetPool");     // QString path text
inline const QString elementNames = QStringLiteral("elementNames"); // QStringList, in order
// QString path text: a peer's data endpoint (RemoteServiceAccessPoint) for PeerTargets
inline const QString targetAccessPoint = QStringLiteral("targetAccessPoint");
inline const QString copyPriority = QStringLiteral("copyPriority"); // int: -1 engine default, 0…4
inline const QString consistentPointInTime = QStringLiteral("consistentPointInTime"); // bool
inline const QString waitForCopyState = QStringLiteral("waitForCopyState"); // int: 0 or 2…4

// PeerTargets: new volumes made on a peer reached through a remote collection.
enum TargetChoice { NewTargets = 0, ExistingTargets = 1, PeerTargets = 2 };

} // namespace rd::ui::replicafield

namespace rd::ui {

// CreateListReplica on service from the wizard's fields: SourceElements, SyncType, Mode (NULL when
// the engine decides), TargetElements, TargetPool + ElementNames, or TargetAccessPoint +
// ElementNames (a peer), ReplicationSettingData as an
// embedded CIM-XML instance (CopyPriority, ConsistentPointInTime, TargetElementSupplier),
// WaitForCopyState (never for a peer: its replicas are always made by a job).
cim::MethodCall createListReplicaCall(const QWizard &wizard, const cim::ObjectPath &service);

} // namespace rd::ui
