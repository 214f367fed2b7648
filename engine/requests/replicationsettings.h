#pragma once
// CIM_ReplicationSettingData as CreateListReplica carries it: an embedded CIM-XML instance in a
// string parameter, decoded into the settings the engine reads.

#include "replicationcodes.h"

#include "cim/instance.h"
#include "cim/result.h"

#include <QString>

#include <optional>

namespace rd::requests {

struct ReplicationSettings
{
    QString className = QStringLiteral("CIM_ReplicationSettingData");
    // As given; TargetElementSupplier 0 (no value map entry) means "not given" locally and is kept
    // so that a peer's rule can still tell it from Create New or Instrumentation Decides.
    std::optional<TargetElementSupplier> targetElementSupplier;
    std::optional<CopyPriority> copyPriority;
    std::optional<bool> consistentPointInTime;

    // The embedded instance's text; errors are InvalidParameter on "ReplicationSettingData".
    [[nodiscard]] static cim::Result<ReplicationSettings> parse(const QString &embedded);
    // The properties of an instance already read (any class); the same value rules.
    [[nodiscard]] static cim::Result<ReplicationSettings> fromInstance(const cim::Instance &s);
    QString toEmbedded() const;

    friend bool operator==(const ReplicationSettings &, const ReplicationSettings &) = default;
};

} // namespace rd::requests
