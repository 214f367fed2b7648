#include "createvolumerequest.h"

#include "parameterreader.h"

#include <QCoreApplication>

namespace rd::requests {

using cim::CimType;
using cim::ReturnCode;
using cim::Value;

namespace {
// The texts come from StorageConfigurationProvider and keep its context.
QString tr(const char *text)
{
    return QCoreApplication::translate("rd::engine", text);
}

const auto ElementName = QStringLiteral("ElementName");
const auto ElementTypeName = QStringLiteral("ElementType");
const auto Goal = QStringLiteral("Goal");
const auto Size = QStringLiteral("Size");
const auto InPool = QStringLiteral("InPool");
const auto TheElement = QStringLiteral("TheElement");
} // namespace

cim::Result<CreateVolumeRequest> CreateVolumeRequest::parse(const cim::Parameters &in)
{
    const auto name = readParameter(in, ElementName, CimType::String, false);
    if (!name)
        return name.error();
    const auto type = readParameter(in, ElementTypeName, CimType::UInt16, false, true);
    if (!type)
        return type.error();
    const auto goal = readParameter(in, Goal, CimType::Reference, false);
    if (!goal)
        return goal.error();
    const auto size = readParameter(in, Size, CimType::UInt64, false);
    if (!size)
        return size.error();
    const auto pool = readParameter(in, InPool, CimType::Reference, false);
    if (!pool)
        return pool.error();
    const auto element = readParameter(in, TheElement, CimType::Reference, false);
    if (!element)
        return element.error();

    if (!isNull(element.value())) {
        return cim::Error(ReturnCode::NotSupported,
                          tr("Modifying an existing element is not supported; create a new "
                             "volume instead."),
                          TheElement);
    }
    const quint64 t = type->toUInt64();
    if (t != quint64(ElementType::StorageVolume)) {
        if (t >= quint64(ElementType::StorageExtent) && t <= quint64(ElementType::LogicalDisk)) {
            return cim::Error(ReturnCode::NotSupported,
                              tr("Only storage volumes (ElementType 2) can be created."),
                              ElementTypeName);
        }
        return cim::Error(ReturnCode::InvalidParameter,
                          tr("ElementType %1 is not a valid element type.").arg(t),
                          ElementTypeName);
    }
    CreateVolumeRequest r;
    r.elementType = ElementType(t);
    if (!isNull(name.value()))
        r.elementName = name->toString();
    if (!isNull(goal.value()))
        r.goal = goal->toReference();
    if (!isNull(pool.value()))
        r.inPool = pool->toReference();
    if (isNull(size.value()) || size->toUInt64() == 0) {
        return cim::Error(ReturnCode::InvalidParameter,
                          tr("Size must give the volume's size in bytes."), Size);
    }
    r.size = size->toUInt64();
    return r;
}

cim::MethodCall CreateVolumeRequest::toCall(const cim::ObjectPath &target) const
{
    cim::MethodCall call;
    call.target = target;
    call.method = methodName();
    if (elementName)
        call.in.set(ElementName, Value::string(*elementName));
    call.in.set(ElementTypeName, Value::uint16(quint16(elementType)));
    if (goal)
        call.in.set(Goal, Value::reference(*goal));
    call.in.set(Size, Value::uint64(size));
    if (inPool)
        call.in.set(InPool, Value::reference(*inPool));
    return call;
}

} // namespace rd::requests
