#pragma once
// The StorageConfigurationService calls that create a volume in a pool, grow one and return one
// to its pool, as MethodCall values.

#include "cim/methodcall.h"

namespace rd::ui {

class SystemInventory;

// CreateOrModifyElementFromStoragePool(ElementName, ElementType 2 = StorageVolume, Size, InPool).
cim::MethodCall createVolumeCall(const cim::ObjectPath &service, const QString &name, quint64 bytes,
                                 const cim::ObjectPath &pool);
// CreateOrModifyElementFromStoragePool(ElementType 2, Size, TheElement): the volume grows to bytes.
cim::MethodCall growVolumeCall(const cim::ObjectPath &service, const cim::ObjectPath &volume,
                               quint64 bytes);
// ReturnToStoragePool(TheElement).
cim::MethodCall deleteVolumeCall(const cim::ObjectPath &service, const cim::ObjectPath &volume);
// The system's StorageConfigurationService, or an empty path when it serves none.
cim::ObjectPath storageConfigurationService(const SystemInventory &inventory);

} // namespace rd::ui
