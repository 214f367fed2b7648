// Reads CIM values, instances, selectors and endpoint references from the envelope's DOM.
#include "envelopevalues_p.h"

#include "wsmannames.h"

#include "cim/cimxml.h"

#include <QSet>

namespace rd::wsman::detail {

using cim::CimType;
using cim::Value;

bool isTrue(const QString &v)
{
    const QString t = v.trimmed();
    return t == u"true" || t == u"1";
}

bool isNil(const Node &n)
{
    return isTrue(n.attr(ns::xsi(), u"nil"));
}

// ReplicaDesk's rd:t annotation: "uint16", "string[]", "instance".
std::optional<TypeSpec> typeHint(const Node &n)
{
    QString t = n.attr(ns::replicaDesk(), u"t");
    if (t.isEmpty())
        return std::nullopt;
    TypeSpec spec;
    if (t.endsWith(QStringLiteral("[]"))) {
        spec.array = true;
        t.chop(2);
    }
    const auto type = cim::cimTypeFromName(t);
    if (!type)
        return std::nullopt;
    spec.type = *type;
    return spec;
}

const Node *dateTimeChild(const Node &n)
{
    for (const auto &c : n.children) {
        if (c->ns == ns::cimCommon() &&
            (c->name == u"Datetime" || c->name == u"Interval" || c->name == u"CIM_DateTime" ||
             c->name == u"Date" || c->name == u"Time"))
            return c.get();
    }
    return nullptr;
}

bool looksLikeEpr(const Node &n)
{
    return n.child(ns::addressing(), u"ReferenceParameters") ||
           n.child(ns::addressing(), u"EndpointReference") || n.child(ns::addressing(), u"Address");
}

Expected<cim::ObjectPath> readEpr(const Node &n, const ReadContext &ctx);
Expected<cim::Instance> readInstance(const Node &n, const ReadContext &ctx);

Expected<cim::DateTime> readDateTime(const Node &d)
{
    const QString t = d.trimmed();
    std::optional<cim::DateTime> dt;
    if (d.name == u"Interval") {
        dt = cim::DateTime::fromXsdDuration(t);
    } else if (d.name == u"CIM_DateTime") {
        dt = cim::DateTime::fromCimString(t);
    } else {
        dt = cim::DateTime::fromXsdDateTime(t);
        if (!dt)
            dt = cim::DateTime::fromCimString(t);
    }
    if (!dt)
        return schemaError(tr("%1 is not a valid date and time.").arg(t.left(64)));
    return *dt;
}

Fault typeMismatch(const QString &what, CimType type)
{
    return schemaError(tr("The value of %1 is not a valid %2.").arg(what, cim::cimTypeName(type)));
}

Expected<Value> readScalar(const Node &n, std::optional<CimType> type, const QString &what,
                           const ReadContext &ctx)
{
    if (isNil(n))
        return type ? Value::null(*type) : Value();
    if (const Node *d = dateTimeChild(n)) {
        if (type && *type != CimType::DateTime)
            return typeMismatch(what, *type);
        auto dt = readDateTime(*d);
        if (!dt.ok())
            return dt.fault();
        return Value::dateTime(dt.value());
    }
    if (looksLikeEpr(n)) {
        if (type && *type != CimType::Reference)
            return typeMismatch(what, *type);
        auto path = readEpr(n, ctx);
        if (!path.ok())
            return path.fault();
        return Value::reference(path.value());
    }
    if (const Node *inner = n.firstChild()) {
        if (type && *type != CimType::Instance)
            return typeMismatch(what, *type);
        auto inst = readInstance(*inner, ctx);
        if (!inst.ok())
            return inst.fault();
        return Value::instance(inst.value());
    }
    if (!type)
        return Value::string(n.text);
    if (*type == CimType::Instance) {
        // WinRM's form: the embedded instance as CIM-XML text.
        cim::cimxml::Limits limits;
        limits.maxChars = ctx.limits->maxBytes;
        limits.maxDepth = ctx.limits->maxEmbeddedDepth;
        auto inst = cim::cimxml::parseInstance(n.text, limits);
        if (!inst.ok())
            return schemaError(tr("%1: %2").arg(what, inst.error().message));
        return Value::instance(inst.value());
    }
    if (*type == CimType::DateTime) {
        // Accept the CIM string form and the xs: forms as plain text too.
        const QString t = n.trimmed();
        if (auto dt = cim::DateTime::fromCimString(t))
            return Value::dateTime(*dt);
        if (auto dt = cim::DateTime::fromXsdDateTime(t))
            return Value::dateTime(*dt);
        if (auto dt = cim::DateTime::fromXsdDuration(t))
            return Value::dateTime(*dt);
        return typeMismatch(what, *type);
    }
    if (auto v = Value::fromText(*type, n.text))
        return *v;
    return typeMismatch(what, *type);
}

// The structural type of one element when nothing says otherwise.
CimType structuralType(const Node &n)
{
    if (dateTimeChild(n))
        return CimType::DateTime;
    if (looksLikeEpr(n))
        return CimType::Reference;
    if (n.firstChild())
        return CimType::Instance;
    return CimType::String;
}

// A property or parameter from all its elements (repeated elements make an array).
Expected<Value> readProperty(const QList<const Node *> &elements, std::optional<TypeSpec> spec,
                             const QString &what, const ReadContext &ctx)
{
    if (!spec)
        spec = typeHint(*elements.front());
    const bool array = spec ? spec->array : elements.size() > 1;
    if (!array) {
        if (elements.size() > 1)
            return schemaError(tr("%1 is given more than once but is not an array.").arg(what));
        return readScalar(*elements.front(), spec ? std::optional(spec->type) : std::nullopt, what,
                          ctx);
    }
    CimType elementType = CimType::String;
    if (spec) {
        elementType = spec->type;
    } else {
        for (const Node *e : elements) {
            if (!isNil(*e)) {
                elementType = structuralType(*e);
                break;
            }
        }
    }
    const Node &first = *elements.front();
    if (elements.size() == 1) {
        if (first.attr(ns::replicaDesk(), u"n") == u"0")
            return Value::array(elementType, {});
        if (isNil(first))
            return Value::null(elementType, true);
    }
    QList<Value> values;
    values.reserve(elements.size());
    for (const Node *e : elements) {
        auto v = readScalar(*e, elementType, what, ctx);
        if (!v.ok())
            return v.fault();
        values.append(v.value());
    }
    return Value::array(elementType, values);
}

// Children grouped by local name in first-appearance order.
QList<std::pair<QString, QList<const Node *>>> groupChildren(const Node &n)
{
    QList<std::pair<QString, QList<const Node *>>> groups;
    QHash<QString, qsizetype> index;
    for (const auto &c : n.children) {
        const QString key = c->name.toLower();
        auto it = index.find(key);
        if (it == index.end()) {
            index.insert(key, groups.size());
            groups.append({c->name, {c.get()}});
        } else {
            groups[*it].second.append(c.get());
        }
    }
    return groups;
}

Expected<cim::Instance> readInstance(const Node &n, const ReadContext &ctx)
{
    cim::Instance inst(n.name);
    QList<std::pair<QString, Value>> props;
    for (const auto &[name, elements] : groupChildren(n)) {
        std::optional<TypeSpec> spec;
        if (ctx.resolver)
            spec = ctx.resolver->propertyType(n.name, name);
        auto v = readProperty(elements, spec, n.name + u'.' + name, ctx);
        if (!v.ok())
            return v.fault();
        props.append({name, v.value()});
    }
    inst.setProperties(props);
    return inst;
}

Fault selectorFault(const QString &text, const QString &detail)
{
    return Fault::make(FaultKind::InvalidSelectors, text, detail);
}

// Resource URI + SelectorSet as an object path. Selectors that fail to parse are InvalidSelectors.
Expected<cim::ObjectPath> pathFrom(const QString &resourceUri, const Node *selectorSet,
                                   const ReadContext &ctx,
                                   QList<std::pair<QString, Value>> *rawSelectors)
{
    QString nameSpace;
    QString className;
    if (const auto r = ResourceUri::parse(resourceUri.trimmed())) {
        nameSpace = r->nameSpace;
        className = r->className;
    } else {
        // Another vendor's URI: the class is its last segment; the server rejects it later.
        className = resourceUri.trimmed().section(u'/', -1);
    }
    QList<std::pair<QString, Value>> keys;
    QSet<QString> seen;
    if (selectorSet) {
        for (const auto &s : selectorSet->children) {
            if (!s->is(ns::wsman(), u"Selector"))
                continue;
            const QString name = s->attr(QString(), u"Name");
            if (name.isEmpty())
                return selectorFault(tr("A selector has no Name."), QStringLiteral("InvalidValue"));
            if (seen.contains(name.toLower())) {
                return selectorFault(tr("The selector %1 is given twice.").arg(name),
                                     QStringLiteral("DuplicateSelectors"));
            }
            seen.insert(name.toLower());
            Value value;
            if (const Node *epr = s->child(ns::addressing(), u"EndpointReference")) {
                auto ref = readEpr(*epr, ctx);
                if (!ref.ok())
                    return ref.fault();
                value = Value::reference(ref.value());
            } else {
                std::optional<CimType> type;
                if (ctx.resolver)
                    type = ctx.resolver->keyType(className, name);
                if (!type) {
                    if (auto hint = typeHint(*s))
                        type = hint->type;
                }
                if (!type || *type == CimType::String) {
                    value = Value::string(s->text);
                } else if (auto v = Value::fromText(*type, s->text)) {
                    value = *v;
                } else {
                    return selectorFault(
                        tr("The selector %1 is not a valid %2.").arg(name, cim::cimTypeName(*type)),
                        QStringLiteral("TypeMismatch"));
                }
            }
            if (rawSelectors)
                rawSelectors->append({name, value});
            if (name.compare(uri::cimNamespaceSelector(), Qt::CaseInsensitive) == 0)
                nameSpace = value.toString().trimmed();
            else
                keys.append({name, value});
        }
    }
    return cim::ObjectPath(nameSpace, className, keys);
}

Expected<cim::ObjectPath> readEpr(const Node &n, const ReadContext &ctx)
{
    const Node *e = &n;
    if (const Node *inner = n.child(ns::addressing(), u"EndpointReference"))
        e = inner;
    const Node *params = e->child(ns::addressing(), u"ReferenceParameters");
    if (!params)
        return schemaError(tr("An endpoint reference has no ReferenceParameters."));
    const Node *resource = params->child(ns::wsman(), u"ResourceURI");
    if (!resource)
        return schemaError(tr("An endpoint reference has no ResourceURI."));
    return pathFrom(resource->trimmed(), params->child(ns::wsman(), u"SelectorSet"), ctx);
}

} // namespace rd::wsman::detail
