// readMessage: the WS-Man envelope reader's headers and bodies, over the bounded DOM.
#include "envelopevalues_p.h"

#include "wsmannames.h"

namespace rd::wsman {

using cim::CimType;
using cim::Value;

namespace {

using namespace detail;

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
    const auto groups = groupChildren(*b);
    if (groups.size() > ctx.limits->maxParameters) {
        // Parameters::set looks each name up: keep the count where that is cheap.
        return Fault::make(
            FaultKind::EncodingLimit,
            tr("The method call has more than %1 parameters.").arg(ctx.limits->maxParameters));
    }
    for (const auto &[name, elements] : groups) {
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

} // namespace

ParsedEnvelope parseEnvelope(const QByteArray &data, const ReadLimits &limits)
{
    ParsedEnvelope parsed;
    auto tree = parseXml(data, limits);
    if (tree.ok())
        parsed.m_root = std::move(tree.value());
    else
        parsed.m_fault = tree.fault();
    return parsed;
}

ReadResult readMessage(const QByteArray &data, const TypeResolver *resolver,
                       const ReadLimits &limits)
{
    return readMessage(parseEnvelope(data, limits), resolver, limits);
}

ReadResult readMessage(const ParsedEnvelope &parsed, const TypeResolver *resolver,
                       const ReadLimits &limits)
{
    ReadResult result;
    if (!parsed.m_root) {
        result.fault = parsed.m_fault ? *parsed.m_fault : schemaError(tr("No envelope was read."));
        return result;
    }
    const Node &root = *parsed.m_root;
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
    // SOAP 1.2 allows one Header and one Body; with two, this reader and another would act on
    // different ones.
    int headers = 0;
    int bodies = 0;
    for (const auto &c : root.children) {
        headers += c->is(ns::soap(), u"Header") ? 1 : 0;
        bodies += c->is(ns::soap(), u"Body") ? 1 : 0;
    }
    if (headers > 1 || bodies > 1) {
        result.fault = schemaError(bodies > 1 ? tr("The envelope has more than one Body.")
                                              : tr("The envelope has more than one Header."));
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
