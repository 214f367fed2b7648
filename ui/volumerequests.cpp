#include "volumerequests.h"

#include "cimclasses.h"
#include "systeminventory.h"

namespace rd::ui {

namespace {
constexpr quint16 kElementTypeStorageVolume = 2;
}

cim::MethodCall createVolumeCall(const cim::ObjectPath &service, const QString &name, quint64 bytes,
                                 const cim::ObjectPath &pool)
{
    cim::MethodCall call;
    call.target = service;
    call.method = QStringLiteral("CreateOrModifyElementFromStoragePool");
    call.in.set(QStringLiteral("ElementName"), cim::Value::string(name));
    call.in.set(QStringLiteral("ElementType"), cim::Value::uint16(kElementTypeStorageVolume));
    call.in.set(QStringLiteral("Size"), cim::Value::uint64(bytes));
    if (!pool.isEmpty())
        call.in.set(QStringLiteral("InPool"), cim::Value::reference(pool));
    return call;
}

cim::MethodCall deleteVolumeCall(const cim::ObjectPath &service, const cim::ObjectPath &volume)
{
    cim::MethodCall call;
    call.target = service;
    call.method = QStringLiteral("ReturnToStoragePool");
    call.in.set(QStringLiteral("TheElement"), cim::Value::reference(volume));
    return call;
}

cim::ObjectPath storageConfigurationService(const SystemInventory &inventory)
{
    const QList<cim::Instance> services =
        inventory.instances(classes::storageConfigurationService());
    return services.isEmpty() ? cim::ObjectPath() : services.constFirst().path();
}

} // namespace rd::ui
