#pragma once
// Sizes and relations of pools and volumes as a system reports them: a volume's size and what it
// really takes (thin images), a pool's free space, which pool holds a volume, which volumes a
// synchronization uses. Read from a SystemInventory; nothing is asked of the system.

#include "cim/instance.h"

#include <QSet>
#include <QString>

#include <optional>

namespace rd::ui {

class SystemInventory;

// BlockSize × NumberOfBlocks.
std::optional<quint64> volumeBytes(const cim::Instance &volume);
// BlockSize × ProvisionedConsumableBlocks: what the thin image takes from its pool.
std::optional<quint64> volumeAllocatedBytes(const cim::Instance &volume);
std::optional<quint64> poolFreeBytes(const cim::Instance &pool);
std::optional<quint64> poolTotalBytes(const cim::Instance &pool);
// "4.00 MiB, 1.00 MiB allocated (25 %)" for a volume, "9.5 GiB free of 20 GiB" for a pool; empty
// for anything else or when the figures are missing.
QString allocationSummary(const cim::Instance &instance);

// A path's identity on one system: the canonical text without the namespace.
QString identityOf(const cim::ObjectPath &path);
// The pool a volume is allocated from (AllocatedFromStoragePool), if the system says.
std::optional<cim::Instance> volumePool(const SystemInventory &inventory,
                                        const cim::Instance &volume);
// identityOf()s of every volume that is the source or replica of a synchronization.
QSet<QString> volumesInSynchronizations(const SystemInventory &inventory);
// "4.00 MiB"
QString byteText(quint64 bytes);

} // namespace rd::ui
