#include "volumerequests.h"

#include "cimclasses.h"
#include "systeminventory.h"

#include "requests/createvolumerequest.h"

namespace rd::ui {

cim::MethodCall createVolumeCall(const cim::ObjectPath &service, const QString &name, quint64 bytes,
                                 const cim::ObjectPath &pool)
{
    requests::CreateVolumeRequest request;
    request.elementName = name;
    request.size = bytes;
    if (!pool.isEmpty())
        request.inPool = pool;
    return request.toCall(service);
}

cim::MethodCall growVolumeCall(const cim::ObjectPath &service, const cim::ObjectPath &volume,
                               quint64 bytes)
{
    requests::CreateVolumeRequest request;
    request.size = bytes;
    request.theElement = volume;
    return request.toCall(service);
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
