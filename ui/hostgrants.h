#pragma once
// Reads host access from a system's inventory: which hosts (StorageHardwareIDs) are admitted to a
// volume or pool, read-write or read-only, directly or through the volume's pool, by following
// each AuthorizedPrivilege to its host (AuthorizedSubject) and its volume or pool
// (AuthorizedTarget); and how a host is known (a TLS-PSK identity or a certificate).

#include "cim/instance.h"

#include <QList>
#include <QString>

namespace rd::ui {

class SystemInventory;

struct HostAdmission
{
    cim::Instance host;
    bool readOnly = false;
    bool throughPool = false; // the grant is on the volume's pool, not on the volume
    QString poolName;         // with throughPool
};

// The hosts admitted to target, a volume (its own grants and its pool's) or a pool; a host
// admitted both ways shows its grant on the volume itself.
QList<HostAdmission> hostsAdmittedTo(const SystemInventory &inventory, const cim::Instance &target);

bool isPskHost(const cim::Instance &host);
// "TLS-PSK identity web01" or "certificate 3F:A0:…", in the console's words.
QString hostKnownBy(const cim::Instance &host);
// The name a volume or pool has in ExposePaths' LUNames: a volume's DeviceID, a pool's
// InstanceID; empty for anything else.
QString accessName(const cim::Instance &target);

} // namespace rd::ui
