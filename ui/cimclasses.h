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

// Every class the navigator and job monitor follow.
inline QStringList watched()
{
    return {computerSystem(),           storagePool(),         storageVolume(),
            allocatedFromStoragePool(), storageSynchronized(), concreteJob()};
}

// True when two names denote the same class up to the schema prefix: "CIM_ConcreteJob" and
// "MSISCSITARGET_ConcreteJob" both name the job class (the engine serves one under the other).
bool sameClass(QStringView a, QStringView b);

} // namespace rd::ui::classes
