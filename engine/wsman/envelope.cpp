#include "envelope.h"

#include "wsmannames.h"

#include "cim/cimxml.h"

#include <QCoreApplication>
#include <QSet>
#include <QUuid>
#include <QXmlStreamReader>
#include <QXmlStreamWriter>

#include <memory>
#include <vector>

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

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("rd::wsman::Envelope", text);
}

// ---------------------------------------------------------------------------------------------
// A small bounded DOM. Interpreting a tree is far simpler than interpreting a token stream, and
// the size limit bounds the tree.

struct Attr
{
    QString ns;
    QString name;
    QString value;
};

struct Node
{
    QString ns;
    QString name;
    QList<Attr> attrs;
    QList<std::pair<QString, QString>> decls; // prefix -> namespace declared on this element
    QString text;                             // character data directly inside
    Node *parent = nullptr;
    std::vector<std::unique_ptr<Node>> children;

    bool is(const QString &n, QStringView local) const { return ns == n && name == local; }

    const Node *child(const QString &n, QStringView local) const
    {
        for (const auto &c : children) {
            if (c->is(n, local))
                return c.get();
        }
        return nullptr;
    }

    const Node *firstChild() const { return children.empty() ? nullptr : children.front().get(); }

    bool hasAttr(const QString &n, QStringView local) const
    {
        for (const Attr &a : attrs) {
            if (a.ns == n && a.name == local)
                return true;
        }
        return false;
    }

    QString attr(const QString &n, QStringView local) const
    {
        for (const Attr &a : attrs) {
            if (a.ns == n && a.name == local)
                return a.value;
        }
        return {};
    }

    QString trimmed() const { return text.trimmed(); }

    // All character data below this node, in document order (WinRM's mixed-content messages).
    QString deepText() const
    {
        QString out = text;
        for (const auto &c : children)
            out += c->deepText();
        return out;
    }

    std::optional<QString> resolvePrefix(const QString &prefix) const
    {
        for (const Node *n = this; n; n = n->parent) {
            for (const auto &[p, uri] : n->decls) {
                if (p == prefix)
                    return uri;
            }
        }
        return std::nullopt;
    }

    // A QName in text content ("w:InvalidSelectors") as namespace and local name.
    std::pair<QString, QString> qnameText() const
    {
        const QString t = trimmed();
        const qsizetype colon = t.indexOf(u':');
        const QString prefix = colon < 0 ? QString() : t.left(colon);
        const QString local = colon < 0 ? t : t.mid(colon + 1);
        return {resolvePrefix(prefix).value_or(QString()), local};
    }
};

// Internal error-or-value for the reader: a fault is what the server will answer.
template<class T>
class Expected
{
public:
    Expected(T value)
        : m_value(std::move(value))
    {}
    Expected(Fault fault)
        : m_fault(std::move(fault))
    {}
    bool ok() const { return m_value.has_value(); }
    T &value() { return *m_value; }
    const Fault &fault() const { return m_fault; }

private:
    std::optional<T> m_value;
    Fault m_fault;
};

Fault schemaError(const QString &text)
{
    return Fault::make(FaultKind::SchemaValidationError, text);
}

Expected<std::unique_ptr<Node>> parseXml(const QByteArray &data, const ReadLimits &limits)
{
    if (data.size() > limits.maxBytes) {
        return Fault::make(
            FaultKind::EncodingLimit,
            tr("The request is larger than the service accepts (%1 bytes).").arg(limits.maxBytes),
            QStringLiteral("ServiceEnvelopeLimit"));
    }
    QXmlStreamReader r(data);
    // Entities can only be declared in a DTD, which is refused below; this is a second fence.
    r.setEntityExpansionLimit(0);
    std::unique_ptr<Node> root;
    Node *current = nullptr;
    int depth = 0;
    int count = 0;
    while (!r.atEnd()) {
        switch (r.readNext()) {
        case QXmlStreamReader::DTD:
            return schemaError(tr("Document type declarations are not accepted."));
        case QXmlStreamReader::EntityReference:
            return schemaError(tr("Entity references are not accepted."));
        case QXmlStreamReader::StartElement: {
            if (++depth > limits.maxDepth) {
                return Fault::make(
                    FaultKind::EncodingLimit,
                    tr("The XML nests deeper than %1 elements.").arg(limits.maxDepth));
            }
            if (++count > limits.maxElements) {
                return Fault::make(
                    FaultKind::EncodingLimit,
                    tr("The XML has more than %1 elements.").arg(limits.maxElements));
            }
            auto node = std::make_unique<Node>();
            node->ns = r.namespaceUri().toString();
            node->name = r.name().toString();
            const auto attributes = r.attributes();
            node->attrs.reserve(attributes.size());
            for (const QXmlStreamAttribute &a : attributes)
                node->attrs.append(
                    {a.namespaceUri().toString(), a.name().toString(), a.value().toString()});
            for (const QXmlStreamNamespaceDeclaration &d : r.namespaceDeclarations())
                node->decls.append({d.prefix().toString(), d.namespaceUri().toString()});
            node->parent = current;
            Node *raw = node.get();
            if (current)
                current->children.push_back(std::move(node));
            else
                root = std::move(node);
            current = raw;
            break;
        }
        case QXmlStreamReader::EndElement:
            current = current ? current->parent : nullptr;
            --depth;
            break;
        case QXmlStreamReader::Characters:
            if (current)
                current->text += r.text();
            break;
        default:
            break; // declarations, comments and processing instructions carry nothing for us
        }
    }
    if (r.hasError() || !root) {
        return schemaError(tr("The request is not well-formed XML: %1 (line %2, column %3).")
                               .arg(r.errorString())
                               .arg(r.lineNumber())
                               .arg(r.columnNumber()));
    }
    return root;
}

// ---------------------------------------------------------------------------------------------
// Values

struct ReadContext
{
    const TypeResolver *resolver = nullptr;
    const ReadLimits *limits = nullptr;
};

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
                                   QList<std::pair<QString, Value>> *rawSelectors = nullptr)
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

// ---------------------------------------------------------------------------------------------
// Headers

std::optional<qint64> durationMs(const QString &text)
{
    const auto d = cim::DateTime::fromXsdDuration(text.trimmed());
    if (!d)
        return std::nullopt;
    return qint64(d->intervalMicroseconds() / 1000);
}

bool mustUnderstand(const Node &h)
{
    // Both the qualified s:mustUnderstand and the unqualified attribute some clients write.
    return isTrue(h.attr(ns::soap(), u"mustUnderstand")) ||
           isTrue(h.attr(QString(), u"mustUnderstand"));
}

std::optional<Fault> readHeader(const Node &header, Header &h, const ReadContext &ctx)
{
    // MessageID first, so that a fault about any other header can still relate to the request.
    if (const Node *id = header.child(ns::addressing(), u"MessageID"))
        h.messageId = id->trimmed();
    const Node *selectorSet = nullptr;
    for (const auto &c : header.children) {
        const Node &n = *c;
        if (n.ns == ns::addressing()) {
            if (n.name == u"To") {
                h.to = n.trimmed();
                continue;
            }
            if (n.name == u"Action") {
                h.action = n.trimmed();
                continue;
            }
            if (n.name == u"MessageID") {
                h.messageId = n.trimmed();
                continue;
            }
            if (n.name == u"RelatesTo") {
                h.relatesTo = n.trimmed();
                continue;
            }
            if (n.name == u"ReplyTo" || n.name == u"FaultTo" || n.name == u"From") {
                const Node *address = n.child(ns::addressing(), u"Address");
                if (n.name == u"ReplyTo")
                    h.replyTo = address ? address->trimmed() : QString();
                else if (n.name == u"FaultTo" &&
                         (!address || address->trimmed() != uri::anonymous())) {
                    return Fault::make(FaultKind::UnsupportedFeature,
                                       tr("Only the anonymous FaultTo address is supported."),
                                       QStringLiteral("AddressingMode"));
                }
                continue;
            }
        } else if (n.ns == ns::wsman()) {
            if (n.name == u"ResourceURI") {
                h.resourceUri = n.trimmed();
                continue;
            }
            if (n.name == u"SelectorSet") {
                selectorSet = &n;
                continue;
            }
            if (n.name == u"OperationTimeout") {
                h.operationTimeoutMs = durationMs(n.text);
                if (!h.operationTimeoutMs) {
                    return Fault::make(FaultKind::InvalidMessageInformationHeader,
                                       tr("OperationTimeout is not a valid duration."));
                }
                continue;
            }
            if (n.name == u"MaxEnvelopeSize") {
                bool ok = false;
                const qint64 size = n.trimmed().toLongLong(&ok);
                if (!ok || size <= 0) {
                    return Fault::make(FaultKind::InvalidMessageInformationHeader,
                                       tr("MaxEnvelopeSize is not a positive number."));
                }
                h.maxEnvelopeSize = size;
                continue;
            }
            if (n.name == u"Locale") {
                h.locale = n.attr(ns::xml(), u"lang");
                continue;
            }
            if (n.name == u"OptionSet") {
                // Options change nothing here; one that must be obeyed cannot be.
                for (const auto &o : n.children) {
                    if (isTrue(o->attr(QString(), u"MustComply"))) {
                        return Fault::make(
                            FaultKind::InvalidOptions,
                            tr("The option %1 is not supported.").arg(o->attr(QString(), u"Name")),
                            QStringLiteral("NotSupported"));
                    }
                }
                continue;
            }
        } else if (n.ns == ns::wsmv()) {
            // WinRM's DataLocale, SessionId, OperationID, SequenceId: informational here.
            if (n.name == u"DataLocale" || n.name == u"SessionId" || n.name == u"OperationID" ||
                n.name == u"SequenceId")
                continue;
        }
        if (mustUnderstand(n)) {
            Fault f = Fault::make(
                FaultKind::MustUnderstand,
                tr("The header %1 must be understood but is not supported.").arg(n.name));
            f.notUnderstoodNamespace = n.ns;
            f.notUnderstoodName = n.name;
            return f;
        }
    }
    if (!h.resourceUri.isEmpty() || selectorSet) {
        QList<std::pair<QString, Value>> selectors;
        auto path = pathFrom(h.resourceUri, selectorSet, ctx, &selectors);
        if (!path.ok())
            return path.fault();
        h.selectors = selectors;
    }
    return std::nullopt;
}

// ---------------------------------------------------------------------------------------------
// Bodies

int readMaxElements(const Node *n, std::optional<Fault> &fault)
{
    if (!n)
        return 0;
    bool ok = false;
    const int v = n->trimmed().toInt(&ok);
    if (!ok || v <= 0) {
        fault = schemaError(tr("MaxElements must be a positive number."));
        return 0;
    }
    return v;
}

std::optional<Fault> readEnumerate(const Node &body, Message &m, const ReadContext &ctx)
{
    const Node *e = body.child(ns::enumeration(), u"Enumerate");
    if (!e)
        return schemaError(tr("The body of an Enumerate request has no wsen:Enumerate."));
    EnumerateBody &b = m.enumerate;
    b.optimize = e->child(ns::wsman(), u"OptimizeEnumeration") != nullptr;
    std::optional<Fault> fault;
    b.maxElements = readMaxElements(e->child(ns::wsman(), u"MaxElements"), fault);
    if (fault)
        return fault;
    if (const Node *mode = e->child(ns::wsman(), u"EnumerationMode")) {
        const QString t = mode->trimmed();
        if (t == u"EnumerateEPR") {
            b.mode = EnumerationMode::References;
        } else if (t == u"EnumerateObjectAndEPR") {
            b.mode = EnumerationMode::ObjectsAndReferences;
        } else {
            return Fault::make(FaultKind::UnsupportedFeature,
                               tr("The enumeration mode %1 is not supported.").arg(t.left(64)),
                               QStringLiteral("EnumerationMode"));
        }
    }
    const Node *filter = e->child(ns::wsman(), u"Filter");
    if (!filter)
        filter = e->child(ns::enumeration(), u"Filter");
    if (!filter)
        return std::nullopt;
    if (filter->attr(QString(), u"Dialect").trimmed() != uri::associationFilterDialect()) {
        return Fault::make(FaultKind::CannotProcessFilter,
                           tr("Only the CIM association filter dialect is supported."),
                           QStringLiteral("FilterDialectRequestedUnavailable"));
    }
    AssociationQuery q;
    const Node *a = filter->child(ns::cimBinding(), u"AssociatedInstances");
    q.kind = AssociationQuery::AssociatedInstances;
    if (!a) {
        a = filter->child(ns::cimBinding(), u"AssociationInstances");
        q.kind = AssociationQuery::AssociationInstances;
    }
    if (!a) {
        return Fault::make(FaultKind::CannotProcessFilter,
                           tr("The association filter names neither AssociatedInstances nor "
                              "AssociationInstances."));
    }
    const Node *object = a->child(ns::cimBinding(), u"Object");
    if (!object)
        return Fault::make(FaultKind::CannotProcessFilter,
                           tr("The association filter has no Object."));
    auto path = readEpr(*object, ctx);
    if (!path.ok())
        return path.fault();
    q.object = path.value();
    auto text = [a](QStringView name) {
        const Node *n = a->child(ns::cimBinding(), name);
        return n ? n->trimmed() : QString();
    };
    q.filter.role = text(u"Role");
    if (q.kind == AssociationQuery::AssociatedInstances) {
        q.filter.assocClass = text(u"AssociationClassName");
        q.filter.resultClass = text(u"ResultClassName");
        q.filter.resultRole = text(u"ResultRole");
    } else {
        // For AssociationInstances, ResultClassName names the association class (DSP0227 §8.3).
        q.filter.assocClass = text(u"ResultClassName");
    }
    b.association = q;
    return std::nullopt;
}

std::optional<Fault> readItems(const Node *items, QList<EnumerationItem> &out,
                               const ReadContext &ctx)
{
    if (!items)
        return std::nullopt;
    for (const auto &c : items->children) {
        EnumerationItem item;
        if (c->is(ns::wsman(), u"Item")) {
            for (const auto &part : c->children) {
                if (part->is(ns::addressing(), u"EndpointReference")) {
                    auto p = readEpr(*part, ctx);
                    if (!p.ok())
                        return p.fault();
                    item.path = p.value();
                } else if (!item.instance) {
                    auto i = readInstance(*part, ctx);
                    if (!i.ok())
                        return i.fault();
                    item.instance = i.value();
                }
            }
        } else if (c->is(ns::addressing(), u"EndpointReference")) {
            auto p = readEpr(*c, ctx);
            if (!p.ok())
                return p.fault();
            item.path = p.value();
        } else {
            auto i = readInstance(*c, ctx);
            if (!i.ok())
                return i.fault();
            item.instance = i.value();
        }
        if (item.instance && item.path) {
            cim::ObjectPath p = *item.path;
            item.instance->setPath(p);
        }
        out.append(item);
    }
    return std::nullopt;
}

std::optional<Fault> readEnumeration(const Node &r, Message &m, const ReadContext &ctx)
{
    EnumerationBody &b = m.enumeration;
    if (const Node *c = r.child(ns::enumeration(), u"EnumerationContext"))
        b.context = c->trimmed();
    b.endOfSequence =
        r.child(ns::wsman(), u"EndOfSequence") || r.child(ns::enumeration(), u"EndOfSequence");
    const Node *items = r.child(ns::wsman(), u"Items");
    if (!items)
        items = r.child(ns::enumeration(), u"Items");
    return readItems(items, b.items, ctx);
}

std::optional<Fault> readFault(const Node &f, Message &m)
{
    Fault &fault = m.fault;
    fault.kind = FaultKind::Unknown;
    const Node *code = f.child(ns::soap(), u"Code");
    if (code) {
        const Node *value = code->child(ns::soap(), u"Value");
        const auto [cns, clocal] = value ? value->qnameText() : std::pair<QString, QString>();
        if (cns == ns::soap() && clocal == u"MustUnderstand")
            fault.kind = FaultKind::MustUnderstand;
        else if (cns == ns::soap() && clocal == u"VersionMismatch")
            fault.kind = FaultKind::VersionMismatch;
        if (const Node *sub = code->child(ns::soap(), u"Subcode")) {
            if (const Node *sv = sub->child(ns::soap(), u"Value")) {
                const auto [sns, slocal] = sv->qnameText();
                fault.subcode = u'{' + sns + u'}' + slocal;
                fault.kind = faultKindFromSubcode(sns, slocal);
            }
        }
    }
    if (const Node *reason = f.child(ns::soap(), u"Reason")) {
        if (const Node *text = reason->child(ns::soap(), u"Text"))
            fault.reason = text->trimmed();
    }
    if (const Node *detail = f.child(ns::soap(), u"Detail")) {
        if (const Node *fd = detail->child(ns::wsman(), u"FaultDetail"))
            fault.detail = fd->trimmed();
        if (const Node *wf = detail->child(ns::wsmanFault(), u"WSManFault")) {
            fault.code = wf->attr(QString(), u"Code").toUInt();
            fault.machine = wf->attr(QString(), u"Machine");
            if (const Node *msg = wf->child(ns::wsmanFault(), u"Message")) {
                // WinRM's message is mixed content; a provider's own message sits deeper.
                QString text = msg->trimmed();
                if (text.isEmpty())
                    text = msg->deepText().simplified();
                if (!text.isEmpty())
                    fault.reason = text;
            }
        }
    }
    return std::nullopt;
}

std::optional<Fault> readInvoke(const Node &body, Message &m, const QString &className,
                                bool response, const ReadContext &ctx)
{
    const Node *b = body.firstChild();
    const QString suffix = response ? QStringLiteral("_OUTPUT") : QStringLiteral("_INPUT");
    if (!b || !b->name.endsWith(suffix)) {
        return schemaError(response ? tr("The response has no <Method>_OUTPUT element.")
                                    : tr("The request has no <Method>_INPUT element."));
    }
    const QString method = b->name.chopped(suffix.size());
    if (m.invoke.method.isEmpty())
        m.invoke.method = method;
    else if (m.invoke.method.compare(method, Qt::CaseInsensitive) != 0)
        return schemaError(
            tr("The body is for %1, the action for %2.").arg(method, m.invoke.method));
    for (const auto &[name, elements] : groupChildren(*b)) {
        if (response && name == u"ReturnValue") {
            bool ok = false;
            m.invoke.returnValue = elements.front()->trimmed().toUInt(&ok);
            if (!ok)
                return schemaError(tr("ReturnValue is not a number."));
            continue;
        }
        if (elements.front()->ns == ns::replicaDesk()) {
            if (name == u"ReturnMessage")
                m.invoke.message = elements.front()->text;
            else if (name == u"ReturnParameter")
                m.invoke.parameter = elements.front()->trimmed();
            continue;
        }
        std::optional<TypeSpec> spec;
        if (ctx.resolver)
            spec = ctx.resolver->parameterType(className, m.invoke.method, name, response);
        auto v = readProperty(elements, spec, name, ctx);
        if (!v.ok()) {
            if (response || !spec)
                return v.fault();
            // A value that is not of its declared type is the method's error (InvalidParameter,
            // as the local engine answers), not a fault: hand it on as text for the signature
            // check to reject.
            QList<Value> texts;
            for (const Node *e : elements)
                texts.append(Value::string(e->text));
            v = elements.size() == 1 && !spec->array ? texts.front()
                                                     : Value::array(CimType::String, texts);
        }
        m.invoke.parameters.set(name, v.value());
    }
    return std::nullopt;
}

std::optional<Fault> readBody(const Node &body, Message &m, const ReadContext &ctx)
{
    const Node *first = body.firstChild();
    if (first && first->is(ns::soap(), u"Fault")) {
        m.operation = Operation::Fault;
        m.response = true;
        return readFault(*first, m);
    }
    if (first && first->is(ns::identity(), u"Identify")) {
        m.operation = Operation::Identify;
        return std::nullopt;
    }
    if (first && first->is(ns::identity(), u"IdentifyResponse")) {
        m.operation = Operation::Identify;
        m.response = true;
        auto text = [first](QStringView name) {
            const Node *n = first->child(ns::identity(), name);
            return n ? n->trimmed() : QString();
        };
        m.identify.protocolVersion = text(u"ProtocolVersion");
        m.identify.productVendor = text(u"ProductVendor");
        m.identify.productVersion = text(u"ProductVersion");
        return std::nullopt;
    }

    const QString &a = m.header.action;
    if (a.isEmpty()) {
        return Fault::make(FaultKind::MessageInformationHeaderRequired,
                           tr("The request has no wsa:Action header."));
    }
    const std::optional<ResourceUri> resource = ResourceUri::parse(m.header.resourceUri);
    const QString className = resource ? resource->className : QString();
    auto instanceBody = [&]() -> std::optional<Fault> {
        if (!first)
            return schemaError(tr("The body holds no instance."));
        auto inst = readInstance(*first, ctx);
        if (!inst.ok())
            return inst.fault();
        m.instance = inst.value();
        return std::nullopt;
    };
    if (a == action::get()) {
        m.operation = Operation::Get;
        return std::nullopt;
    }
    if (a == action::getResponse()) {
        m.operation = Operation::Get;
        m.response = true;
        return instanceBody();
    }
    if (a == action::put() || a == action::putResponse()) {
        m.operation = Operation::Put;
        m.response = a == action::putResponse();
        // A PutResponse may be empty (the representation did not change).
        if (m.response && !first)
            return std::nullopt;
        return instanceBody();
    }
    if (a == action::del() || a == action::delResponse()) {
        m.operation = Operation::Delete;
        m.response = a == action::delResponse();
        return std::nullopt;
    }
    if (a == action::enumerate()) {
        m.operation = Operation::Enumerate;
        return readEnumerate(body, m, ctx);
    }
    if (a == action::enumerateResponse() || a == action::pullResponse()) {
        m.operation = a == action::pullResponse() ? Operation::Pull : Operation::Enumerate;
        m.response = true;
        const Node *r =
            body.child(ns::enumeration(),
                       m.operation == Operation::Pull ? u"PullResponse" : u"EnumerateResponse");
        if (!r)
            return schemaError(tr("The enumeration response has no body."));
        return readEnumeration(*r, m, ctx);
    }
    if (a == action::pull() || a == action::release()) {
        m.operation = a == action::pull() ? Operation::Pull : Operation::Release;
        const Node *r =
            body.child(ns::enumeration(), m.operation == Operation::Pull ? u"Pull" : u"Release");
        const Node *c = r ? r->child(ns::enumeration(), u"EnumerationContext") : nullptr;
        if (!c)
            return schemaError(tr("The request names no enumeration context."));
        m.pull.context = c->trimmed();
        std::optional<Fault> fault;
        if (r)
            m.pull.maxElements =
                readMaxElements(r->child(ns::enumeration(), u"MaxElements"), fault);
        return fault;
    }
    if (a == action::releaseResponse()) {
        m.operation = Operation::Release;
        m.response = true;
        return std::nullopt;
    }
    // An extrinsic method: <ResourceURI>/<Method>, answered by <ResourceURI>/<Method>Response.
    // WinRM's responses are matched by their _OUTPUT element, whatever their action says.
    if (first && first->name.endsWith(QStringLiteral("_OUTPUT"))) {
        m.operation = Operation::Invoke;
        m.response = true;
        return readInvoke(body, m, className, true, ctx);
    }
    if (!m.header.resourceUri.isEmpty() && a.size() > m.header.resourceUri.size() + 1 &&
        a.startsWith(m.header.resourceUri) && a.at(m.header.resourceUri.size()) == u'/') {
        const QString method = a.mid(m.header.resourceUri.size() + 1);
        if (isValidClassName(method)) {
            m.operation = Operation::Invoke;
            m.invoke.method = method;
            return readInvoke(body, m, className, false, ctx);
        }
    }
    Fault f = Fault::make(FaultKind::ActionNotSupported,
                          tr("The action %1 is not supported.").arg(a.left(256)),
                          QStringLiteral("ActionMismatch"));
    return f;
}

// ---------------------------------------------------------------------------------------------
// Writer

class Writer
{
public:
    explicit Writer(const WriteOptions &options)
        : m_options(options)
        , m_w(&m_out)
    {
        m_w.setAutoFormatting(false);
    }

    QXmlStreamWriter &w() { return m_w; }
    QByteArray finish()
    {
        m_w.writeEndDocument();
        return m_out;
    }

    void startEnvelope(bool identify)
    {
        m_w.writeStartDocument();
        m_w.writeNamespace(ns::soap(), QStringLiteral("s"));
        if (identify) {
            m_w.writeNamespace(ns::identity(), QStringLiteral("wsmid"));
        } else {
            // DSP0226's own prefixes: textual clients (wsl) copy selector sets out of answers
            // into their requests, which declare exactly these.
            m_w.writeNamespace(ns::addressing(), QStringLiteral("wsa"));
            m_w.writeNamespace(ns::wsman(), QStringLiteral("wsman"));
            m_w.writeNamespace(ns::enumeration(), QStringLiteral("wsen"));
            m_w.writeNamespace(ns::cimBinding(), QStringLiteral("wsmb"));
            m_w.writeNamespace(ns::cimCommon(), QStringLiteral("cim"));
            m_w.writeNamespace(ns::xsi(), QStringLiteral("xsi"));
            if (m_options.annotateTypes)
                m_w.writeNamespace(ns::replicaDesk(), QStringLiteral("rd"));
        }
        m_w.writeStartElement(ns::soap(), QStringLiteral("Envelope"));
    }

    void text(const QString &nameSpace, const QString &name, const QString &value)
    {
        m_w.writeTextElement(nameSpace, name, value);
    }

    void headerText(const QString &nameSpace, const QString &name, const QString &value,
                    std::optional<bool> must = std::nullopt)
    {
        m_w.writeStartElement(nameSpace, name);
        if (must)
            m_w.writeAttribute(ns::soap(), QStringLiteral("mustUnderstand"),
                               *must ? QStringLiteral("true") : QStringLiteral("false"));
        m_w.writeCharacters(value);
        m_w.writeEndElement();
    }

    QString typeName(CimType type, bool array) const
    {
        return cim::cimTypeName(type) + (array ? QStringLiteral("[]") : QString());
    }

    void annotate(CimType type, bool array)
    {
        // Strings are what an unannotated value reads back as; say nothing for them.
        if (m_options.annotateTypes && (type != CimType::String || array))
            m_w.writeAttribute(ns::replicaDesk(), QStringLiteral("t"), typeName(type, array));
    }

    void eprContent(const cim::ObjectPath &path)
    {
        m_w.writeTextElement(ns::addressing(), QStringLiteral("Address"),
                             m_options.eprAddress.isEmpty() ? uri::anonymous()
                                                            : m_options.eprAddress);
        m_w.writeStartElement(ns::addressing(), QStringLiteral("ReferenceParameters"));
        m_w.writeTextElement(ns::wsman(), QStringLiteral("ResourceURI"),
                             resourceUriFor(path, m_options.style, QString()));
        QList<std::pair<QString, Value>> selectors = path.keys();
        if (m_options.style == UriStyle::Dmtf && !path.nameSpace().isEmpty())
            selectors.append({uri::cimNamespaceSelector(), Value::string(path.nameSpace())});
        selectorSet(selectors);
        m_w.writeEndElement();
    }

    void selectorSet(const QList<std::pair<QString, Value>> &selectors)
    {
        if (selectors.isEmpty())
            return;
        m_w.writeStartElement(ns::wsman(), QStringLiteral("SelectorSet"));
        for (const auto &[name, value] : selectors) {
            m_w.writeStartElement(ns::wsman(), QStringLiteral("Selector"));
            m_w.writeAttribute(QStringLiteral("Name"), name);
            if (value.isTyped() && !value.isNull() && !value.isArray() &&
                value.type() == CimType::Reference) {
                m_w.writeStartElement(ns::addressing(), QStringLiteral("EndpointReference"));
                eprContent(value.toReference());
                m_w.writeEndElement();
            } else {
                if (value.isTyped() && value.type() != CimType::String && m_options.annotateTypes) {
                    // Declared again on the selector itself: clients copy selector sets into
                    // requests of their own, where the envelope's declaration is not in scope.
                    m_w.writeAttribute(QStringLiteral("xmlns:rd"), ns::replicaDesk());
                    annotate(value.type(), false);
                }
                m_w.writeCharacters(value.toText());
            }
            m_w.writeEndElement();
        }
        m_w.writeEndElement();
    }

    void epr(const cim::ObjectPath &path)
    {
        m_w.writeStartElement(ns::addressing(), QStringLiteral("EndpointReference"));
        eprContent(path);
        m_w.writeEndElement();
    }

    void scalarContent(const Value &v)
    {
        switch (v.type()) {
        case CimType::DateTime: {
            const cim::DateTime dt = v.toDateTime();
            m_w.writeTextElement(ns::cimCommon(),
                                 dt.isInterval() ? QStringLiteral("Interval")
                                                 : QStringLiteral("Datetime"),
                                 dt.toXsdString());
            break;
        }
        case CimType::Reference:
            eprContent(v.toReference());
            break;
        case CimType::Instance:
            instance(v.toInstance());
            break;
        default:
            m_w.writeCharacters(v.toText());
            break;
        }
    }

    // One property or parameter: repeated elements for arrays, xsi:nil for NULL.
    void value(const QString &nameSpace, const QString &name, const Value &v)
    {
        if (!v.isTyped()) {
            m_w.writeStartElement(nameSpace, name);
            m_w.writeAttribute(ns::xsi(), QStringLiteral("nil"), QStringLiteral("true"));
            m_w.writeEndElement();
            return;
        }
        if (v.isNull()) {
            m_w.writeStartElement(nameSpace, name);
            annotate(v.type(), v.isArray());
            m_w.writeAttribute(ns::xsi(), QStringLiteral("nil"), QStringLiteral("true"));
            m_w.writeEndElement();
            return;
        }
        if (!v.isArray()) {
            m_w.writeStartElement(nameSpace, name);
            if (v.type() != CimType::DateTime && v.type() != CimType::Reference)
                annotate(v.type(), false);
            scalarContent(v);
            m_w.writeEndElement();
            return;
        }
        const QList<Value> elements = v.elements();
        if (elements.isEmpty()) {
            // WS-Man has no empty array; ReplicaDesk peers read rd:n="0" as one.
            m_w.writeStartElement(nameSpace, name);
            annotate(v.type(), true);
            if (m_options.annotateTypes)
                m_w.writeAttribute(ns::replicaDesk(), QStringLiteral("n"), QStringLiteral("0"));
            m_w.writeEndElement();
            return;
        }
        for (const Value &e : elements) {
            m_w.writeStartElement(nameSpace, name);
            annotate(v.type(), true);
            if (e.isNull())
                m_w.writeAttribute(ns::xsi(), QStringLiteral("nil"), QStringLiteral("true"));
            else
                scalarContent(e);
            m_w.writeEndElement();
        }
    }

    QString nextPrefix()
    {
        return m_depth == 0 ? QStringLiteral("p") : QStringLiteral("p%1").arg(m_depth);
    }

    void instance(const cim::Instance &inst)
    {
        const QString cls = inst.className();
        const QString uri = resourceUriFor(cim::ObjectPath(inst.path().nameSpace(), cls),
                                           m_options.style, QString());
        const QString prefix = nextPrefix();
        ++m_depth;
        // Declared on the element itself, as WinRM does, not on whichever start tag is open.
        m_w.writeStartElement(prefix + u':' + cls);
        m_w.writeNamespace(uri, prefix);
        m_w.writeAttribute(ns::xsi(), QStringLiteral("type"),
                           prefix + u':' + cls + QStringLiteral("_Type"));
        for (const auto &[name, v] : inst.properties())
            value(uri, name, v);
        m_w.writeEndElement();
        --m_depth;
    }

private:
    WriteOptions m_options;
    QByteArray m_out;
    QXmlStreamWriter m_w;
    int m_depth = 0;
};

QString modeName(EnumerationMode mode)
{
    switch (mode) {
    case EnumerationMode::References:
        return QStringLiteral("EnumerateEPR");
    case EnumerationMode::ObjectsAndReferences:
        return QStringLiteral("EnumerateObjectAndEPR");
    case EnumerationMode::Objects:
        break;
    }
    return {};
}

void writeItems(Writer &wr, const QString &nameSpace, const QList<EnumerationItem> &items)
{
    QXmlStreamWriter &w = wr.w();
    w.writeStartElement(nameSpace, QStringLiteral("Items"));
    for (const EnumerationItem &item : items) {
        if (item.instance && item.path) {
            w.writeStartElement(ns::wsman(), QStringLiteral("Item"));
            wr.instance(*item.instance);
            wr.epr(*item.path);
            w.writeEndElement();
        } else if (item.instance) {
            wr.instance(*item.instance);
        } else if (item.path) {
            wr.epr(*item.path);
        }
    }
    w.writeEndElement();
}

void writeFaultBody(Writer &wr, const Fault &f)
{
    QXmlStreamWriter &w = wr.w();
    w.writeStartElement(ns::soap(), QStringLiteral("Fault"));
    w.writeStartElement(ns::soap(), QStringLiteral("Code"));
    QString code = f.isSenderFault() ? QStringLiteral("s:Sender") : QStringLiteral("s:Receiver");
    if (f.kind == FaultKind::MustUnderstand)
        code = QStringLiteral("s:MustUnderstand");
    else if (f.kind == FaultKind::VersionMismatch)
        code = QStringLiteral("s:VersionMismatch");
    w.writeTextElement(ns::soap(), QStringLiteral("Value"), code);
    const QString subNs = f.subcodeNamespace();
    if (!subNs.isEmpty()) {
        const QString prefix = subNs == ns::addressing()    ? QStringLiteral("wsa")
                               : subNs == ns::enumeration() ? QStringLiteral("wsen")
                                                            : QStringLiteral("wsman");
        w.writeStartElement(ns::soap(), QStringLiteral("Subcode"));
        w.writeTextElement(ns::soap(), QStringLiteral("Value"), prefix + u':' + f.subcodeName());
        w.writeEndElement();
    }
    w.writeEndElement(); // Code
    w.writeStartElement(ns::soap(), QStringLiteral("Reason"));
    w.writeStartElement(ns::soap(), QStringLiteral("Text"));
    w.writeAttribute(ns::xml(), QStringLiteral("lang"), QStringLiteral("en-US"));
    w.writeCharacters(f.reason);
    w.writeEndElement();
    w.writeEndElement(); // Reason
    w.writeStartElement(ns::soap(), QStringLiteral("Detail"));
    if (!f.detail.isEmpty())
        w.writeTextElement(ns::wsman(), QStringLiteral("FaultDetail"), f.detail);
    w.writeNamespace(ns::wsmanFault(), QStringLiteral("f"));
    w.writeStartElement(ns::wsmanFault(), QStringLiteral("WSManFault"));
    w.writeAttribute(QStringLiteral("Code"), QString::number(f.code));
    w.writeAttribute(QStringLiteral("Machine"), f.machine);
    w.writeTextElement(ns::wsmanFault(), QStringLiteral("Message"), f.reason);
    w.writeEndElement(); // WSManFault
    w.writeEndElement(); // Detail
    w.writeEndElement(); // Fault
}

} // namespace

// ---------------------------------------------------------------------------------------------

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

QByteArray writeMessage(const Message &m, const WriteOptions &options)
{
    Writer wr(options);
    QXmlStreamWriter &w = wr.w();
    const bool identify = m.operation == Operation::Identify;
    wr.startEnvelope(identify);
    w.writeStartElement(ns::soap(), QStringLiteral("Header"));
    if (!identify) {
        const Header &h = m.header;
        const QString act = h.action.isEmpty() ? m.defaultAction() : h.action;
        if (m.response) {
            wr.headerText(ns::addressing(), QStringLiteral("Action"), act);
            wr.headerText(ns::addressing(), QStringLiteral("MessageID"),
                          h.messageId.isEmpty() ? newMessageId() : h.messageId);
            wr.headerText(ns::addressing(), QStringLiteral("To"), uri::anonymous());
            if (!h.relatesTo.isEmpty())
                wr.headerText(ns::addressing(), QStringLiteral("RelatesTo"), h.relatesTo);
            if (m.operation == Operation::Fault && m.fault.kind == FaultKind::MustUnderstand &&
                !m.fault.notUnderstoodName.isEmpty()) {
                w.writeNamespace(m.fault.notUnderstoodNamespace, QStringLiteral("nu"));
                w.writeStartElement(ns::soap(), QStringLiteral("NotUnderstood"));
                w.writeAttribute(QStringLiteral("qname"),
                                 QStringLiteral("nu:") + m.fault.notUnderstoodName);
                w.writeEndElement();
            }
        } else {
            wr.headerText(ns::addressing(), QStringLiteral("To"), h.to);
            if (!h.resourceUri.isEmpty())
                wr.headerText(ns::wsman(), QStringLiteral("ResourceURI"), h.resourceUri, true);
            w.writeStartElement(ns::addressing(), QStringLiteral("ReplyTo"));
            wr.headerText(ns::addressing(), QStringLiteral("Address"), uri::anonymous(), true);
            w.writeEndElement();
            wr.headerText(ns::addressing(), QStringLiteral("Action"), act, true);
            if (h.maxEnvelopeSize)
                wr.headerText(ns::wsman(), QStringLiteral("MaxEnvelopeSize"),
                              QString::number(*h.maxEnvelopeSize), true);
            wr.headerText(ns::addressing(), QStringLiteral("MessageID"),
                          h.messageId.isEmpty() ? newMessageId() : h.messageId);
            if (!h.locale.isEmpty()) {
                w.writeStartElement(ns::wsman(), QStringLiteral("Locale"));
                w.writeAttribute(ns::xml(), QStringLiteral("lang"), h.locale);
                w.writeAttribute(ns::soap(), QStringLiteral("mustUnderstand"),
                                 QStringLiteral("false"));
                w.writeEndElement();
            }
            if (h.operationTimeoutMs) {
                wr.headerText(
                    ns::wsman(), QStringLiteral("OperationTimeout"),
                    cim::DateTime::interval(quint64(*h.operationTimeoutMs) * 1000).toXsdString());
            }
            wr.selectorSet(h.selectors);
        }
    }
    w.writeEndElement(); // Header

    w.writeStartElement(ns::soap(), QStringLiteral("Body"));
    switch (m.operation) {
    case Operation::Identify:
        if (!m.response) {
            w.writeEmptyElement(ns::identity(), QStringLiteral("Identify"));
        } else {
            w.writeStartElement(ns::identity(), QStringLiteral("IdentifyResponse"));
            wr.text(ns::identity(), QStringLiteral("ProtocolVersion"), m.identify.protocolVersion);
            wr.text(ns::identity(), QStringLiteral("ProductVendor"), m.identify.productVendor);
            if (!m.identify.productVersion.isEmpty())
                wr.text(ns::identity(), QStringLiteral("ProductVersion"),
                        m.identify.productVersion);
            w.writeEndElement();
        }
        break;
    case Operation::Get:
        if (m.response)
            wr.instance(m.instance);
        break;
    case Operation::Put:
        if (!m.instance.isEmpty())
            wr.instance(m.instance);
        break;
    case Operation::Delete:
        break;
    case Operation::Enumerate:
        if (!m.response) {
            const EnumerateBody &b = m.enumerate;
            w.writeStartElement(ns::enumeration(), QStringLiteral("Enumerate"));
            if (b.optimize)
                w.writeEmptyElement(ns::wsman(), QStringLiteral("OptimizeEnumeration"));
            if (b.maxElements > 0)
                wr.text(ns::wsman(), QStringLiteral("MaxElements"), QString::number(b.maxElements));
            if (b.mode != EnumerationMode::Objects)
                wr.text(ns::wsman(), QStringLiteral("EnumerationMode"), modeName(b.mode));
            if (b.association) {
                const AssociationQuery &q = *b.association;
                w.writeStartElement(ns::wsman(), QStringLiteral("Filter"));
                w.writeAttribute(QStringLiteral("Dialect"), uri::associationFilterDialect());
                const bool associated = q.kind == AssociationQuery::AssociatedInstances;
                w.writeStartElement(ns::cimBinding(), associated
                                                          ? QStringLiteral("AssociatedInstances")
                                                          : QStringLiteral("AssociationInstances"));
                w.writeStartElement(ns::cimBinding(), QStringLiteral("Object"));
                wr.eprContent(q.object);
                w.writeEndElement();
                auto opt = [&](const QString &name, const QString &value) {
                    if (!value.isEmpty())
                        wr.text(ns::cimBinding(), name, value);
                };
                if (associated) {
                    opt(QStringLiteral("AssociationClassName"), q.filter.assocClass);
                    opt(QStringLiteral("Role"), q.filter.role);
                    opt(QStringLiteral("ResultClassName"), q.filter.resultClass);
                    opt(QStringLiteral("ResultRole"), q.filter.resultRole);
                } else {
                    opt(QStringLiteral("ResultClassName"), q.filter.assocClass);
                    opt(QStringLiteral("Role"), q.filter.role);
                }
                w.writeEndElement();
                w.writeEndElement(); // Filter
            }
            w.writeEndElement();
        } else {
            const EnumerationBody &b = m.enumeration;
            w.writeStartElement(ns::enumeration(), QStringLiteral("EnumerateResponse"));
            if (!b.context.isEmpty())
                wr.text(ns::enumeration(), QStringLiteral("EnumerationContext"), b.context);
            if (!b.items.isEmpty() || b.endOfSequence)
                writeItems(wr, ns::wsman(), b.items);
            if (b.endOfSequence)
                w.writeEmptyElement(ns::wsman(), QStringLiteral("EndOfSequence"));
            w.writeEndElement();
        }
        break;
    case Operation::Pull:
        if (!m.response) {
            w.writeStartElement(ns::enumeration(), QStringLiteral("Pull"));
            wr.text(ns::enumeration(), QStringLiteral("EnumerationContext"), m.pull.context);
            if (m.pull.maxElements > 0)
                wr.text(ns::enumeration(), QStringLiteral("MaxElements"),
                        QString::number(m.pull.maxElements));
            w.writeEndElement();
        } else {
            const EnumerationBody &b = m.enumeration;
            w.writeStartElement(ns::enumeration(), QStringLiteral("PullResponse"));
            if (!b.context.isEmpty())
                wr.text(ns::enumeration(), QStringLiteral("EnumerationContext"), b.context);
            writeItems(wr, ns::enumeration(), b.items);
            if (b.endOfSequence)
                w.writeEmptyElement(ns::enumeration(), QStringLiteral("EndOfSequence"));
            w.writeEndElement();
        }
        break;
    case Operation::Release:
        if (!m.response) {
            w.writeStartElement(ns::enumeration(), QStringLiteral("Release"));
            wr.text(ns::enumeration(), QStringLiteral("EnumerationContext"), m.pull.context);
            w.writeEndElement();
        }
        break;
    case Operation::Invoke: {
        const QString uri = m.header.resourceUri;
        w.writeStartElement(QStringLiteral("p:") + m.invoke.method +
                            (m.response ? QStringLiteral("_OUTPUT") : QStringLiteral("_INPUT")));
        w.writeNamespace(uri, QStringLiteral("p"));
        if (m.response)
            wr.text(uri, QStringLiteral("ReturnValue"), QString::number(m.invoke.returnValue));
        for (const auto &[name, v] : m.invoke.parameters.items())
            wr.value(uri, name, v);
        if (m.response && !m.invoke.message.isEmpty() && options.annotateTypes)
            wr.text(ns::replicaDesk(), QStringLiteral("ReturnMessage"), m.invoke.message);
        if (m.response && !m.invoke.parameter.isEmpty() && options.annotateTypes)
            wr.text(ns::replicaDesk(), QStringLiteral("ReturnParameter"), m.invoke.parameter);
        w.writeEndElement();
        break;
    }
    case Operation::Fault:
        writeFaultBody(wr, m.fault);
        break;
    case Operation::Unknown:
        break;
    }
    w.writeEndElement(); // Body
    w.writeEndElement(); // Envelope
    return wr.finish();
}

QByteArray writeFault(const Fault &fault, const QString &relatesTo, const WriteOptions &options)
{
    Message m;
    m.operation = Operation::Fault;
    m.response = true;
    m.fault = fault;
    m.header.relatesTo = relatesTo;
    return writeMessage(m, options);
}

ReadResult readMessage(const QByteArray &data, const TypeResolver *resolver,
                       const ReadLimits &limits)
{
    ReadResult result;
    auto tree = parseXml(data, limits);
    if (!tree.ok()) {
        result.fault = tree.fault();
        return result;
    }
    const Node &root = *tree.value();
    if (root.name != u"Envelope" || (root.ns != ns::soap() && root.ns != ns::soap11())) {
        result.fault = schemaError(tr("The document is not a SOAP envelope."));
        return result;
    }
    if (root.ns != ns::soap()) {
        result.fault =
            Fault::make(FaultKind::VersionMismatch, tr("Only SOAP 1.2 envelopes are accepted."));
        return result;
    }
    ReadContext ctx;
    ctx.resolver = resolver;
    ctx.limits = &limits;
    const Node *header = root.child(ns::soap(), u"Header");
    const Node *body = root.child(ns::soap(), u"Body");
    if (!body) {
        result.fault = schemaError(tr("The envelope has no Body."));
        return result;
    }
    if (header) {
        if (auto f = readHeader(*header, result.message.header, ctx)) {
            result.fault = f;
            return result;
        }
    }
    if (auto f = readBody(*body, result.message, ctx))
        result.fault = f;
    return result;
}

} // namespace rd::wsman
