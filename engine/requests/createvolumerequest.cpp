#include "createvolumerequest.h"

#include "parameterreader.h"

#include <QCoreApplication>

namespace rd::requests {

using cim::CimType;
using cim::Value;

namespace {
// The texts come from StorageConfigurationProvider and keep its context.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(rd::engine)
};

const auto ElementName = QStringLiteral("ElementName");
const auto ElementTypeName = QStringLiteral("ElementType");
const auto Goal = QStringLiteral("Goal");
const auto Size = QStringLiteral("Size");
const auto InPool = QStringLiteral("InPool");
const auto TheElement = QStringLiteral("TheElement");
} // namespace

cim::Result<CreateVolumeRequest> CreateVolumeRequest::parse(const cim::Parameters &in)
{
    Value name, type, goal, size, pool, element;
    auto read = readParameters(in, {
                                       {&name, ElementName, CimType::String},
                                       {&type, ElementTypeName, CimType::UInt16, false, true},
                                       {&goal, Goal, CimType::Reference},
                                       {&size, Size, CimType::UInt64},
                                       {&pool, InPool, CimType::Reference},
                                       {&element, TheElement, CimType::Reference},
                                   });
    if (!read)
        return read.error();

    const quint64 t = type.toUInt64();
    if (t != quint64(ElementType::StorageVolume)) {
        if (t >= quint64(ElementType::StorageExtent) && t <= quint64(ElementType::LogicalDisk)) {
            return notSupported(Text::tr("Only storage volumes (ElementType 2) can be created."),
                                ElementTypeName);
        }
        return invalidParameter(Text::tr("ElementType %1 is not a valid element type.").arg(t),
                                ElementTypeName);
    }
    CreateVolumeRequest r;
    r.elementType = ElementType(t);
    if (!isNull(name)) {
        if (auto ok = checkName(name.toString(), ElementName); !ok)
            return ok.error();
        r.elementName = name.toString();
    }
    if (!isNull(goal))
        r.goal = goal.toReference();
    if (!isNull(pool))
        r.inPool = pool.toReference();
    if (!isNull(element))
        r.theElement = element.toReference();
    if (isNull(size) || size.toUInt64() == 0) {
        return invalidParameter(r.theElement
                                    ? Text::tr("Size must give the volume's new size in bytes.")
                                    : Text::tr("Size must give the volume's size in bytes."),
                                Size);
    }
    r.size = size.toUInt64();
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
    if (theElement)
        call.in.set(TheElement, Value::reference(*theElement));
    return call;
}

} // namespace rd::requests
