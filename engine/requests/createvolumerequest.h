#pragma once
// CIM_StorageConfigurationService.CreateOrModifyElementFromStoragePool as the engine serves it:
// a new storage volume of a size, optionally named and in a pool, or (TheElement given) an
// existing volume grown to Size. parse() refuses what no engine state is needed for (an element
// type other than a volume, no size); whether the pool or volume exists and has room is the
// provider's to check.

#include "replicationcodes.h"

#include "cim/methodcall.h"

#include <QString>

#include <optional>

namespace rd::requests {

struct CreateVolumeRequest
{
    static QString methodName() { return QStringLiteral("CreateOrModifyElementFromStoragePool"); }

    std::optional<QString> elementName; // nullopt: the system names it
    ElementType elementType = ElementType::StorageVolume;
    std::optional<cim::ObjectPath> goal;   // a StorageSetting
    quint64 size = 0;                      // bytes, more than 0
    std::optional<cim::ObjectPath> inPool; // nullopt: the default pool
    // A volume to modify instead of creating one: it grows to size (and takes elementName).
    std::optional<cim::ObjectPath> theElement;

    [[nodiscard]] static cim::Result<CreateVolumeRequest> parse(const cim::Parameters &in);
    cim::MethodCall toCall(const cim::ObjectPath &target) const;

    friend bool operator==(const CreateVolumeRequest &, const CreateVolumeRequest &) = default;
};

} // namespace rd::requests
