#include "envelope.h"

#include "wsmannames.h"

#include <QUuid>

namespace rd::wsman {

using cim::CimType;
using cim::Value;

std::optional<TypeSpec> TypeResolver::propertyType(const QString &, const QString &) const
{
    return std::nullopt;
}

std::optional<TypeSpec> TypeResolver::parameterType(const QString &, const QString &,
                                                    const QString &, bool) const
{
    return std::nullopt;
}

std::optional<CimType> TypeResolver::keyType(const QString &, const QString &) const
{
    return std::nullopt;
}

QString resourceUriFor(const cim::ObjectPath &path, UriStyle style, const QString &defaultNameSpace)
{
    QString nameSpace = path.nameSpace();
    if (nameSpace.isEmpty())
        nameSpace = defaultNameSpace.isEmpty() ? engine::ProviderRegistry::defaultNameSpace()
                                               : defaultNameSpace;
    return ResourceUri::make(style, nameSpace, path.className());
}

void Header::setTarget(const cim::ObjectPath &path, UriStyle style)
{
    resourceUri = resourceUriFor(path, style, QString());
    selectors = path.keys();
    if (style == UriStyle::Dmtf && !path.nameSpace().isEmpty())
        selectors.append({uri::cimNamespaceSelector(), Value::string(path.nameSpace())});
}

std::optional<cim::ObjectPath> Header::target() const
{
    const auto r = ResourceUri::parse(resourceUri);
    if (!r || r->allClasses)
        return std::nullopt;
    QString nameSpace = r->nameSpace;
    QList<std::pair<QString, Value>> keys;
    for (const auto &[name, value] : selectors) {
        if (name.compare(uri::cimNamespaceSelector(), Qt::CaseInsensitive) == 0)
            nameSpace = value.toString().trimmed();
        else
            keys.append({name, value});
    }
    return cim::ObjectPath(nameSpace, r->className, keys);
}

QString Message::defaultAction() const
{
    switch (operation) {
    case Operation::Get:
        return response ? action::getResponse() : action::get();
    case Operation::Put:
        return response ? action::putResponse() : action::put();
    case Operation::Delete:
        return response ? action::delResponse() : action::del();
    case Operation::Enumerate:
        return response ? action::enumerateResponse() : action::enumerate();
    case Operation::Pull:
        return response ? action::pullResponse() : action::pull();
    case Operation::Release:
        return response ? action::releaseResponse() : action::release();
    case Operation::Invoke:
        return header.resourceUri + u'/' + invoke.method +
               (response ? QStringLiteral("Response") : QString());
    case Operation::Fault:
        return fault.action();
    case Operation::Identify:
    case Operation::Unknown:
        break;
    }
    return {};
}

QString newMessageId()
{
    return QStringLiteral("uuid:") + QUuid::createUuid().toString(QUuid::WithoutBraces).toUpper();
}

} // namespace rd::wsman
