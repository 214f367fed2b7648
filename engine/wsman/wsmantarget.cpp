// The class and instance a WS-Man request addresses, and engine errors as WinRM's faults.
#include "wsmanserver_p.h"

namespace rd::wsman::serverdetail {

namespace {

QString normalizedNameSpace(QString ns)
{
    ns.replace(u'\\', u'/');
    return ns.toLower();
}

} // namespace

// The class and instance the request's resource URI and selectors address.
std::optional<Fault> resolveTarget(engine::ProviderRegistry &registry, const Header &h,
                                   const QStringList &keyNames, bool keysRequired, Target &out)
{
    const auto uriParts = ResourceUri::parse(h.resourceUri);
    if (h.resourceUri.isEmpty() || !uriParts || uriParts->allClasses) {
        return Fault::make(
            FaultKind::DestinationUnreachable,
            tr("The resource URI %1 does not name a class this service serves.").arg(h.resourceUri),
            QStringLiteral("InvalidResourceURI"));
    }
    const auto target = h.target();
    const QString canonical = registry.canonicalClassName(uriParts->className);
    if (canonical.isEmpty() || !target) {
        return Fault::make(
            FaultKind::DestinationUnreachable,
            tr("The class %1 is not served by this system.").arg(uriParts->className),
            QStringLiteral("InvalidResourceURI"));
    }
    if (!target->nameSpace().isEmpty() &&
        normalizedNameSpace(target->nameSpace()) != normalizedNameSpace(registry.nameSpace())) {
        return Fault::make(FaultKind::DestinationUnreachable,
                           tr("The namespace %1 is not served by this system; it serves %2.")
                               .arg(target->nameSpace(), registry.nameSpace()),
                           QStringLiteral("InvalidResourceURI"));
    }
    if (!keyNames.isEmpty() && (keysRequired || !target->keys().isEmpty())) {
        for (const auto &[name, value] : target->keys()) {
            if (!keyNames.contains(name, Qt::CaseInsensitive)) {
                return Fault::make(FaultKind::InvalidSelectors,
                                   tr("%1 is not a key of %2.").arg(name, canonical),
                                   QStringLiteral("UnexpectedSelectors"));
            }
        }
        for (const QString &key : keyNames) {
            if (target->key(key).isNull()) {
                return Fault::make(FaultKind::InvalidSelectors,
                                   tr("The selector %1 of %2 is missing.").arg(key, canonical),
                                   QStringLiteral("InsufficientSelectors"));
            }
        }
    }
    out.className = canonical;
    out.path = cim::ObjectPath(registry.nameSpace(), canonical, target->keys());
    return std::nullopt;
}

// An engine error on an instance operation as the fault WinRM would give.
Fault instanceFault(const cim::Error &e, FaultKind forInvalidParameter)
{
    switch (cim::ReturnCode(e.code)) {
    case cim::ReturnCode::InvalidParameter:
        return Fault::make(forInvalidParameter, e.message);
    case cim::ReturnCode::NotSupported:
        return Fault::make(FaultKind::ActionNotSupported, e.message);
    case cim::ReturnCode::Timeout:
        return Fault::make(FaultKind::TimedOut, e.message);
    case cim::ReturnCode::InUse:
        return Fault::make(FaultKind::InternalError, e.message);
    default:
        return Fault::make(FaultKind::InternalError, e.message);
    }
}

} // namespace rd::wsman::serverdetail
