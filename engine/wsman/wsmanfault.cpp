#include "wsmanfault.h"

#include "wsmannames.h"

#include <array>

namespace rd::wsman {

namespace {

enum class Ns : quint8 { None, Addressing, Wsman, Enumeration };

struct KindInfo
{
    FaultKind kind;
    Ns ns;
    const char16_t *name;
    bool sender;
    // Windows error codes (winerror.h), which WinRM puts in f:WSManFault's Code.
    quint32 code;
};

constexpr std::array kinds = {
    KindInfo{FaultKind::DestinationUnreachable, Ns::Addressing, u"DestinationUnreachable", true,
             1168},
    KindInfo{FaultKind::InvalidSelectors, Ns::Wsman, u"InvalidSelectors", true, 87},
    KindInfo{FaultKind::ActionNotSupported, Ns::Addressing, u"ActionNotSupported", true, 50},
    KindInfo{FaultKind::AccessDenied, Ns::Wsman, u"AccessDenied", true, 5},
    KindInfo{FaultKind::InvalidEnumerationContext, Ns::Enumeration, u"InvalidEnumerationContext",
             false, 6},
    KindInfo{FaultKind::EncodingLimit, Ns::Wsman, u"EncodingLimit", true, 122},
    KindInfo{FaultKind::TimedOut, Ns::Wsman, u"TimedOut", false, 1460},
    KindInfo{FaultKind::SchemaValidationError, Ns::Wsman, u"SchemaValidationError", true, 13},
    KindInfo{FaultKind::MustUnderstand, Ns::None, u"MustUnderstand", true, 50},
    KindInfo{FaultKind::VersionMismatch, Ns::None, u"VersionMismatch", true, 50},
    KindInfo{FaultKind::MessageInformationHeaderRequired, Ns::Addressing,
             u"MessageInformationHeaderRequired", true, 87},
    KindInfo{FaultKind::InvalidMessageInformationHeader, Ns::Addressing,
             u"InvalidMessageInformationHeader", true, 87},
    KindInfo{FaultKind::UnsupportedFeature, Ns::Wsman, u"UnsupportedFeature", true, 50},
    KindInfo{FaultKind::CannotProcessFilter, Ns::Enumeration, u"CannotProcessFilter", true, 87},
    KindInfo{FaultKind::InvalidOptions, Ns::Wsman, u"InvalidOptions", true, 87},
    KindInfo{FaultKind::InvalidRepresentation, Ns::Wsman, u"InvalidRepresentation", true, 13},
    KindInfo{FaultKind::QuotaLimit, Ns::Wsman, u"QuotaLimit", true, 1816},
    KindInfo{FaultKind::InternalError, Ns::Wsman, u"InternalError", false, 1359},
};

const KindInfo *info(FaultKind kind)
{
    for (const KindInfo &k : kinds) {
        if (k.kind == kind)
            return &k;
    }
    return nullptr;
}

QString nsUri(Ns ns)
{
    switch (ns) {
    case Ns::Addressing:
        return ns::addressing();
    case Ns::Wsman:
        return ns::wsman();
    case Ns::Enumeration:
        return ns::enumeration();
    case Ns::None:
        break;
    }
    return {};
}

} // namespace

Fault Fault::make(FaultKind kind, const QString &reason, const QString &detailName)
{
    Fault f;
    f.kind = kind;
    f.reason = reason;
    if (!detailName.isEmpty())
        f.detail = uri::faultDetail(detailName);
    if (const KindInfo *k = info(kind))
        f.code = k->code;
    return f;
}

bool Fault::isSenderFault() const
{
    const KindInfo *k = info(kind);
    return k ? k->sender : false;
}

QString Fault::action() const
{
    const KindInfo *k = info(kind);
    if (!k || k->ns == Ns::Wsman)
        return action::wsmanFault();
    if (k->ns == Ns::Enumeration)
        return action::enumerationFault();
    // Addressing faults and SOAP's own (MustUnderstand, VersionMismatch).
    return action::addressingFault();
}

QString Fault::subcodeNamespace() const
{
    const KindInfo *k = info(kind);
    return k ? nsUri(k->ns) : QString();
}

QString Fault::subcodeName() const
{
    const KindInfo *k = info(kind);
    if (!k || k->ns == Ns::None)
        return {};
    return QString::fromUtf16(k->name);
}

QString Fault::kindName() const
{
    if (const KindInfo *k = info(kind))
        return QString::fromUtf16(k->name);
    return subcode.isEmpty() ? QStringLiteral("Unknown") : subcode;
}

cim::Error Fault::toError() const
{
    cim::ReturnCode rc = cim::ReturnCode::Failed;
    switch (kind) {
    case FaultKind::ActionNotSupported:
    case FaultKind::UnsupportedFeature:
        rc = cim::ReturnCode::NotSupported;
        break;
    case FaultKind::TimedOut:
        rc = cim::ReturnCode::Timeout;
        break;
    case FaultKind::DestinationUnreachable:
    case FaultKind::InvalidSelectors:
    case FaultKind::SchemaValidationError:
    case FaultKind::InvalidRepresentation:
    case FaultKind::CannotProcessFilter:
    case FaultKind::InvalidOptions:
        rc = cim::ReturnCode::InvalidParameter;
        break;
    default:
        break;
    }
    return cim::Error(rc, reason.trimmed());
}

FaultKind faultKindFromSubcode(const QString &nameSpace, const QString &localName)
{
    for (const KindInfo &k : kinds) {
        if (k.ns == Ns::None)
            continue;
        if (nsUri(k.ns) == nameSpace && localName == QStringView(k.name))
            return k.kind;
    }
    return FaultKind::Unknown;
}

} // namespace rd::wsman
