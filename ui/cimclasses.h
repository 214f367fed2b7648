#pragma once
// The CIM classes the console shows, by the names the engine (and a Windows iSCSI target) serve.

#include <QString>
#include <QStringList>

namespace rd::ui::classes {

inline QString computerSystem()
{
    return QStringLiteral("MSISCSITARGET_ComputerSystem");
}
inline QString storagePool()
{
    return QStringLiteral("MSISCSITARGET_StoragePool");
}
inline QString storageVolume()
{
    return QStringLiteral("MSISCSITARGET_StorageVolume");
}
inline QString allocatedFromStoragePool()
{
    return QStringLiteral("MSISCSITARGET_AllocatedFromStoragePool");
}
inline QString storageSynchronized()
{
    return QStringLiteral("MSISCSITARGET_StorageSynchronized");
}
inline QString concreteJob()
{
    return QStringLiteral("MSISCSITARGET_ConcreteJob");
}

inline QString affectedJobElement()
{
    return QStringLiteral("MSISCSITARGET_AffectedJobElement");
}
inline QString storageConfigurationService()
{
    return QStringLiteral("MSISCSITARGET_StorageConfigurationService");
}
inline QString replicationService()
{
    return QStringLiteral("MSISCSITARGET_ReplicationService");
}
inline QString replicationServiceCapabilities()
{
    return QStringLiteral("MSISCSITARGET_ReplicationServiceCapabilities");
}

// Host access: hosts (StorageHardwareID), the services that add them and admit them, and the
// grants (a privilege linked to its host and to its volume or pool).
inline QString storageHardwareId()
{
    return QStringLiteral("MSISCSITARGET_StorageHardwareID");
}
inline QString hardwareIdManagementService()
{
    return QStringLiteral("MSISCSITARGET_StorageHardwareIDManagementService");
}
inline QString controllerConfigurationService()
{
    return QStringLiteral("MSISCSITARGET_ControllerConfigurationService");
}
inline QString authorizedPrivilege()
{
    return QStringLiteral("MSISCSITARGET_AuthorizedPrivilege");
}
inline QString authorizedSubject()
{
    return QStringLiteral("MSISCSITARGET_AuthorizedSubject");
}
inline QString authorizedTarget()
{
    return QStringLiteral("MSISCSITARGET_AuthorizedTarget");
}
// How each volume is reached over NBD: its URLs, who has it open, why writes are refused.
inline QString nbdExport()
{
    return QStringLiteral("MSISCSITARGET_NBDExport");
}

// Every class the navigator, the job monitor, the wizards and the host access views follow.
inline QStringList watched()
{
    return {computerSystem(),
            storagePool(),
            storageVolume(),
            allocatedFromStoragePool(),
            storageSynchronized(),
            concreteJob(),
            affectedJobElement(),
            storageConfigurationService(),
            replicationService(),
            replicationServiceCapabilities(),
            storageHardwareId(),
            hardwareIdManagementService(),
            controllerConfigurationService(),
            authorizedPrivilege(),
            authorizedSubject(),
            authorizedTarget(),
            nbdExport()};
}

// Classes whose instances change when className's do, though the system only announces
// className: a job's affected elements with the job, volumes' allocation with a copy's progress.
QStringList changingWith(QStringView className);

// True when two names denote the same class up to the schema prefix: "CIM_ConcreteJob" and
// "MSISCSITARGET_ConcreteJob" both name the job class (the engine serves one under the other).
bool sameClass(QStringView a, QStringView b);

} // namespace rd::ui::classes
