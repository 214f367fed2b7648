#pragma once
// CIM_StorageConfigurationService.CreateOrModifyElementFromStoragePool as the engine serves it:
// a new storage volume of a size, optionally named and in a pool. parse() refuses what no engine
// state is needed for (a modification, an element type other than a volume, no size); whether
// the pool exists and has room is the provider's to check.

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

    [[nodiscard]] static cim::Result<CreateVolumeRequest> parse(const cim::Parameters &in);
    cim::MethodCall toCall(const cim::ObjectPath &target) const;

    friend bool operator==(const CreateVolumeRequest &, const CreateVolumeRequest &) = default;
};

} // namespace rd::requests
