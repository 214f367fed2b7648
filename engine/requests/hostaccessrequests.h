#pragma once
// The methods that name hosts and admit them to volumes, as the SMI-S Storage HardwareID and
// Masking and Mapping profiles define them and the engine serves them for NBD:
// StorageHardwareIDManagementService.CreateStorageHardwareID (a host known by a TLS-PSK
// identity or a client certificate's fingerprint) and ControllerConfigurationService.ExposePaths
// / HidePaths (admit or withdraw hosts on volumes or pools). parse() refuses what needs no engine
// state; whether hosts, volumes and pools exist is the provider's to check.

#include "cim/methodcall.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace rd::requests {

// CIM_StorageHardwareID.IDType "Other" with these OtherIDType texts: NBD hosts have no WWN or
// iSCSI name, they are known by what TLS shows.
inline QString pskIdentityType()
{
    return QStringLiteral("TLS-PSK identity");
}
inline QString certificateType()
{
    return QStringLiteral("X.509 SHA-256 fingerprint");
}

struct CreateHardwareIdRequest
{
    static QString methodName() { return QStringLiteral("CreateStorageHardwareID"); }
    enum class Kind { PskIdentity, Certificate };

    QString elementName; // the host's name
    QString storageId;   // the PSK identity or the fingerprint
    Kind kind = Kind::PskIdentity;
    // PreSharedKey, hexadecimal in the call (as PSK files hold it); with a PSK identity only.
    QByteArray preSharedKey;

    [[nodiscard]] static cim::Result<CreateHardwareIdRequest> parse(const cim::Parameters &in);
    cim::MethodCall toCall(const cim::ObjectPath &target) const;
    friend bool operator==(const CreateHardwareIdRequest &,
                           const CreateHardwareIdRequest &) = default;
};

struct DeleteHardwareIdRequest
{
    static QString methodName() { return QStringLiteral("DeleteStorageHardwareID"); }
    cim::ObjectPath hardwareId;

    [[nodiscard]] static cim::Result<DeleteHardwareIdRequest> parse(const cim::Parameters &in);
    cim::MethodCall toCall(const cim::ObjectPath &target) const;
    friend bool operator==(const DeleteHardwareIdRequest &,
                           const DeleteHardwareIdRequest &) = default;
};

// CIM_ControllerConfigurationService.ExposePaths and HidePaths without protocol controllers:
// every host in InitiatorPortIDs (StorageIDs) gains or loses each element of LUNames, a
// volume's DeviceID or, as this engine extends it, a pool's InstanceID.
struct ExposePathsRequest
{
    static QString exposeMethod() { return QStringLiteral("ExposePaths"); }
    static QString hideMethod() { return QStringLiteral("HidePaths"); }
    // CIM_ControllerConfigurationService.ExposePaths.DeviceAccesses.
    enum class Access : quint16 { ReadWrite = 2, ReadOnly = 3 };

    bool expose = true; // false: HidePaths
    QStringList luNames;
    QStringList initiatorPortIds;
    QList<Access> deviceAccesses; // one per element of luNames (ExposePaths only)

    [[nodiscard]] static cim::Result<ExposePathsRequest> parse(const cim::Parameters &in,
                                                               bool expose);
    cim::MethodCall toCall(const cim::ObjectPath &target) const;
    friend bool operator==(const ExposePathsRequest &, const ExposePathsRequest &) = default;
};

} // namespace rd::requests
