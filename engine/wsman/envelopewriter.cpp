// writeMessage and writeFault: the one SOAP 1.2 envelope writer, over QXmlStreamWriter.
#include "envelope.h"

#include "wsmannames.h"

#include <QXmlStreamWriter>

namespace rd::wsman {

using cim::CimType;
using cim::Value;

namespace {

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

} // namespace rd::wsman
