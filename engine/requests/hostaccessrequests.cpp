#include "hostaccessrequests.h"

#include "parameterreader.h"

#include <QCoreApplication>

namespace rd::requests {

using cim::CimType;
using cim::Value;

namespace {
// The texts keep HostAccessProvider's context.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(rd::engine::HostAccessProvider)
};

const auto ElementName = QStringLiteral("ElementName");
const auto StorageID = QStringLiteral("StorageID");
const auto IDType = QStringLiteral("IDType");
const auto OtherIDType = QStringLiteral("OtherIDType");
const auto Setting = QStringLiteral("Setting");
const auto PreSharedKey = QStringLiteral("PreSharedKey");
const auto HardwareID = QStringLiteral("HardwareID");
const auto LUNames = QStringLiteral("LUNames");
const auto InitiatorPortIDs = QStringLiteral("InitiatorPortIDs");
const auto TargetPortIDs = QStringLiteral("TargetPortIDs");
const auto DeviceNumbers = QStringLiteral("DeviceNumbers");
const auto DeviceAccesses = QStringLiteral("DeviceAccesses");
const auto ProtocolControllers = QStringLiteral("ProtocolControllers");

constexpr quint64 IdTypeOther = 1;

QStringList strings(const Value &v)
{
    QStringList out;
    for (const Value &e : v.elements())
        out.append(e.toString());
    return out;
}

// Each element is a name, not empty, and none comes twice.
cim::Result<void> checkList(const QStringList &list, const QString &parameter)
{
    for (qsizetype i = 0; i < list.size(); ++i) {
        if (list[i].isEmpty())
            return invalidParameter(Text::tr("%1 has an empty element.").arg(parameter), parameter);
        if (auto ok = checkName(list[i], parameter); !ok)
            return ok;
        if (list.indexOf(list[i], i + 1) > 0)
            return invalidParameter(
                Text::tr("%1 names %2 twice.").arg(parameter, list[i].left(100)), parameter);
    }
    return {};
}

} // namespace

cim::Result<CreateHardwareIdRequest> CreateHardwareIdRequest::parse(const cim::Parameters &in)
{
    Value name, id, type, other, setting, key;
    auto read = readParameters(in, {
                                       {&name, ElementName, CimType::String, false, true},
                                       {&id, StorageID, CimType::String, false, true},
                                       {&type, IDType, CimType::UInt16, false, true},
                                       {&other, OtherIDType, CimType::String},
                                       {&setting, Setting, CimType::Reference},
                                       {&key, PreSharedKey, CimType::String},
                                   });
    if (!read)
        return read.error();
    if (!isNull(setting))
        return notSupported(Text::tr("This system keeps no settings for hosts."), Setting);
    if (type.toUInt64() != IdTypeOther) {
        return notSupported(
            Text::tr("NBD hosts are known by IDType 1 (Other): a TLS-PSK identity or a client "
                     "certificate's fingerprint, named in OtherIDType."),
            IDType);
    }
    CreateHardwareIdRequest r;
    const QString kind = other.toString();
    if (kind.compare(pskIdentityType(), Qt::CaseInsensitive) == 0)
        r.kind = Kind::PskIdentity;
    else if (kind.compare(certificateType(), Qt::CaseInsensitive) == 0)
        r.kind = Kind::Certificate;
    else
        return invalidParameter(
            Text::tr("OtherIDType is \"%1\" or \"%2\".").arg(pskIdentityType(), certificateType()),
            OtherIDType);
    r.elementName = name.toString();
    if (auto ok = checkName(r.elementName, ElementName); !ok)
        return ok.error();
    r.storageId = id.toString();
    if (auto ok = checkName(r.storageId, StorageID); !ok)
        return ok.error();
    if (r.kind == Kind::PskIdentity) {
        const QByteArray hex = key.toString().toLatin1();
        r.preSharedKey = QByteArray::fromHex(hex);
        // fromHex skips what is not a digit: refuse that instead of storing a shorter key.
        if (isNull(key) || hex.isEmpty() || hex.size() % 2 != 0 ||
            r.preSharedKey.size() * 2 != hex.size() ||
            r.preSharedKey.toHex().compare(hex.toLower()) != 0)
            return invalidParameter(
                Text::tr("A TLS-PSK host needs its PreSharedKey in hexadecimal digits."),
                PreSharedKey);
    } else if (!isNull(key)) {
        return invalidParameter(Text::tr("A host known by its certificate has no PreSharedKey."),
                                PreSharedKey);
    }
    return r;
}

cim::MethodCall CreateHardwareIdRequest::toCall(const cim::ObjectPath &target) const
{
    cim::MethodCall call{target, methodName(), {}};
    call.in.set(ElementName, Value::string(elementName));
    call.in.set(StorageID, Value::string(storageId));
    call.in.set(IDType, Value::uint16(quint16(IdTypeOther)));
    call.in.set(OtherIDType,
                Value::string(kind == Kind::PskIdentity ? pskIdentityType() : certificateType()));
    if (kind == Kind::PskIdentity)
        call.in.set(PreSharedKey, Value::string(QString::fromLatin1(preSharedKey.toHex())));
    return call;
}

cim::Result<DeleteHardwareIdRequest> DeleteHardwareIdRequest::parse(const cim::Parameters &in)
{
    Value id;
    if (auto read = readParameters(in, {{&id, HardwareID, CimType::Reference, false, true}}); !read)
        return read.error();
    return DeleteHardwareIdRequest{id.toReference()};
}

cim::MethodCall DeleteHardwareIdRequest::toCall(const cim::ObjectPath &target) const
{
    cim::MethodCall call{target, methodName(), {}};
    call.in.set(HardwareID, Value::reference(hardwareId));
    return call;
}

cim::Result<ExposePathsRequest> ExposePathsRequest::parse(const cim::Parameters &in, bool expose)
{
    Value lus, initiators, targets, numbers, accesses, controllers;
    auto read =
        readParameters(in, {
                               {&lus, LUNames, CimType::String, true, true},
                               {&initiators, InitiatorPortIDs, CimType::String, true, true},
                               {&targets, TargetPortIDs, CimType::String, true},
                               {&numbers, DeviceNumbers, CimType::String, true},
                               {&accesses, DeviceAccesses, CimType::UInt16, true},
                               {&controllers, ProtocolControllers, CimType::Reference, true},
                           });
    if (!read)
        return read.error();
    // NBD has one port per system and no LUN numbers or views: what would name them is refused
    // rather than ignored.
    for (const auto &[value, parameter] :
         {std::pair{&targets, TargetPortIDs}, std::pair{&numbers, DeviceNumbers},
          std::pair{&controllers, ProtocolControllers}}) {
        if (!isNull(*value))
            return notSupported(
                Text::tr("%1 is not supported: NBD exports have no ports, numbers or views to "
                         "choose.")
                    .arg(parameter),
                parameter);
    }
    ExposePathsRequest r;
    r.expose = expose;
    r.luNames = strings(lus);
    r.initiatorPortIds = strings(initiators);
    if (auto ok = checkList(r.luNames, LUNames); !ok)
        return ok.error();
    if (auto ok = checkList(r.initiatorPortIds, InitiatorPortIDs); !ok)
        return ok.error();
    if (!isNull(accesses)) {
        if (!expose)
            return invalidParameter(Text::tr("HidePaths takes no DeviceAccesses."), DeviceAccesses);
        const QList<Value> given = accesses.elements();
        if (given.size() != r.luNames.size())
            return invalidParameter(Text::tr("DeviceAccesses has one element per element of "
                                             "LUNames: %n expected.",
                                             nullptr, int(r.luNames.size())),
                                    DeviceAccesses);
        for (const Value &v : given) {
            const quint64 a = v.toUInt64();
            if (a == quint64(Access::ReadWrite) || a == quint64(Access::ReadOnly)) {
                r.deviceAccesses.append(Access(a));
            } else if (a == 4) {
                return notSupported(Text::tr("DeviceAccesses 4 (No Access) is what HidePaths "
                                             "does."),
                                    DeviceAccesses);
            } else {
                return invalidParameter(
                    Text::tr("DeviceAccesses %1 is not 2 (Read Write) or 3 (Read-Only).").arg(a),
                    DeviceAccesses);
            }
        }
    } else if (expose) {
        r.deviceAccesses = QList<Access>(r.luNames.size(), Access::ReadWrite);
    }
    return r;
}

cim::MethodCall ExposePathsRequest::toCall(const cim::ObjectPath &target) const
{
    cim::MethodCall call{target, expose ? exposeMethod() : hideMethod(), {}};
    auto strings = [](const QStringList &list) {
        QList<Value> v;
        for (const QString &s : list)
            v.append(Value::string(s));
        return Value::array(CimType::String, v);
    };
    call.in.set(LUNames, strings(luNames));
    call.in.set(InitiatorPortIDs, strings(initiatorPortIds));
    if (expose) {
        QList<Value> a;
        for (Access x : deviceAccesses)
            a.append(Value::uint16(quint16(x)));
        call.in.set(DeviceAccesses, Value::array(CimType::UInt16, a));
    }
    return call;
}

} // namespace rd::requests
