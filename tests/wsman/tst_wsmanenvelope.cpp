// The shared WS-Man envelope writer and reader: every body round-trips with exact CIM types, both
// resource URI forms, WinRM-shaped faults, and hostile XML answered with the right fault.

#include "wsman/envelope.h"
#include "wsman/wsmannames.h"

#include "cim/cimxml.h"

#include <QStringEncoder>
#include <QTest>

using namespace rd;
using namespace rd::wsman;
using cim::CimType;
using cim::Value;

namespace {

const QString kNs = QStringLiteral("root/cimv2/storage/iscsitarget");

cim::ObjectPath volume(const QString &id)
{
    return cim::ObjectPath(kNs, QStringLiteral("MSISCSITARGET_StorageVolume"),
                           {{QStringLiteral("DeviceID"), Value::string(id)},
                            {QStringLiteral("Index"), Value::uint32(7)}});
}

cim::Instance settings()
{
    cim::Instance s(QStringLiteral("CIM_ReplicationSettingData"));
    s.setProperty(QStringLiteral("ElementName"), Value::string(QStringLiteral("nightly")));
    s.setProperty(QStringLiteral("ConsistentPointInTime"), Value::boolean(true));
    return s;
}

// One instance with a property of every kind the wire must carry.
cim::Instance everything()
{
    cim::Instance i(QStringLiteral("MSISCSITARGET_StorageVolume"));
    const QDateTime when(QDate(2026, 11, 23), QTime(10, 15, 0, 500), Qt::UTC);
    i.setProperties({
        {QStringLiteral("DeviceID"), Value::string(QStringLiteral("  vol <1> & \"x\"  "))},
        {QStringLiteral("Enabled"), Value::boolean(false)},
        {QStringLiteral("U8"), Value::uint8(255)},
        {QStringLiteral("S8"), Value::sint8(-128)},
        {QStringLiteral("U16"), Value::uint16(65535)},
        {QStringLiteral("S16"), Value::sint16(-2)},
        {QStringLiteral("U32"), Value::uint32(4096)},
        {QStringLiteral("S32"), Value::sint32(-70000)},
        {QStringLiteral("U64"), Value::uint64(18446744073709551615ULL)},
        {QStringLiteral("S64"), Value::sint64(-9000000000LL)},
        {QStringLiteral("R32"), Value::real32(1.5f)},
        {QStringLiteral("R64"), Value::real64(0.1)},
        {QStringLiteral("C16"), Value::char16(u'Z')},
        {QStringLiteral("When"), Value::dateTime(cim::DateTime::timestamp(when))},
        {QStringLiteral("HowLong"), Value::dateTime(cim::DateTime::interval(90061000001ULL))},
        {QStringLiteral("Volume"), Value::reference(volume(QStringLiteral("a")))},
        {QStringLiteral("Settings"), Value::instance(settings())},
        {QStringLiteral("Ops"),
         Value::array(CimType::UInt16, {Value::uint16(2), Value::uint16(3)})},
        {QStringLiteral("OneName"),
         Value::array(CimType::String, {Value::string(QStringLiteral("only"))})},
        {QStringLiteral("NoNames"), Value::array(CimType::String, {})},
        {QStringLiteral("NullArray"), Value::null(CimType::UInt32, true)},
        {QStringLiteral("WithNull"),
         Value::array(CimType::SInt32, {Value::sint32(1), Value::null(CimType::SInt32)})},
        {QStringLiteral("Refs"),
         Value::array(CimType::Reference, {Value::reference(volume(QStringLiteral("b")))})},
        {QStringLiteral("Times"),
         Value::array(CimType::DateTime, {Value::dateTime(cim::DateTime::interval(1))})},
        {QStringLiteral("Missing"), Value::null(CimType::UInt16)},
        {QStringLiteral("Untyped"), Value()},
    });
    return i;
}

Message request(Operation op)
{
    Message m;
    m.operation = op;
    m.header.to = QStringLiteral("https://host:5986/wsman");
    m.header.messageId = newMessageId();
    m.header.maxEnvelopeSize = 153600;
    m.header.operationTimeoutMs = 60000;
    m.header.locale = QStringLiteral("en-US");
    return m;
}

ReadResult roundTrip(const Message &m, const TypeResolver *resolver = nullptr,
                     const WriteOptions &options = {})
{
    const QByteArray xml = writeMessage(m, options);
    if (qEnvironmentVariableIsSet("RD_WSMAN_DUMP"))
        qInfo().noquote() << xml;
    ReadResult r = readMessage(xml, resolver);
    if (!r.ok())
        qWarning().noquote() << r.fault->reason << "\n" << xml;
    return r;
}

QByteArray envelope(const QByteArray &header, const QByteArray &body)
{
    return QByteArrayLiteral("<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\" "
                             "xmlns:a=\"http://schemas.xmlsoap.org/ws/2004/08/addressing\" "
                             "xmlns:w=\"http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd\">"
                             "<s:Header>") +
           header + QByteArrayLiteral("</s:Header><s:Body>") + body +
           QByteArrayLiteral("</s:Body></s:Envelope>");
}

QByteArray getHeader(const QByteArray &extra = {})
{
    return QByteArrayLiteral(
               "<a:Action>http://schemas.xmlsoap.org/ws/2004/09/transfer/Get</a:Action>"
               "<a:MessageID>uuid:1</a:MessageID>"
               "<w:ResourceURI>http://schemas.microsoft.com/wbem/wsman/1/wmi/root/cimv2/storage/"
               "iscsitarget/MSISCSITARGET_StorageVolume</w:ResourceURI>") +
           extra;
}

class Resolver final : public TypeResolver
{
public:
    std::optional<TypeSpec> parameterType(const QString &, const QString &, const QString &name,
                                          bool) const override
    {
        if (name == u"Count")
            return TypeSpec{CimType::UInt16, false};
        if (name == u"Settings")
            return TypeSpec{CimType::Instance, false};
        return std::nullopt;
    }
    std::optional<CimType> keyType(const QString &, const QString &key) const override
    {
        if (key == u"Index")
            return CimType::UInt32;
        return std::nullopt;
    }
};

} // namespace

class TstWsmanEnvelope : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void resourceUris()
    {
        auto ms = ResourceUri::parse(
            QStringLiteral("http://schemas.microsoft.com/wbem/wsman/1/wmi/root/cimv2/storage/"
                           "iscsitarget/MSISCSITARGET_StorageVolume"));
        QVERIFY(ms);
        QCOMPARE(ms->style, UriStyle::Microsoft);
        QCOMPARE(ms->nameSpace, kNs);
        QCOMPARE(ms->className, QStringLiteral("MSISCSITARGET_StorageVolume"));
        auto dmtf = ResourceUri::parse(
            QStringLiteral("http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_StorageVolume"));
        QVERIFY(dmtf);
        QCOMPARE(dmtf->style, UriStyle::Dmtf);
        QCOMPARE(dmtf->className, QStringLiteral("CIM_StorageVolume"));
        QVERIFY(dmtf->nameSpace.isEmpty());
        QVERIFY(ResourceUri::parse(uri::dmtfAllClasses())->allClasses);
        QVERIFY(
            ResourceUri::parse(ResourceUri::make(UriStyle::Microsoft, kNs, QString()))->allClasses);
        QVERIFY(!ResourceUri::parse(QStringLiteral("http://example.com/x")));
        QVERIFY(!ResourceUri::parse(
            QStringLiteral("http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/Bad-Name")));
        QVERIFY(!ResourceUri::parse(
            QStringLiteral("http://schemas.microsoft.com/wbem/wsman/1/wmi//X")));
        QCOMPARE(ResourceUri::make(UriStyle::Dmtf, kNs, QStringLiteral("CIM_X")),
                 QStringLiteral("http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_X"));
    }

    void identify()
    {
        Message req;
        req.operation = Operation::Identify;
        const QByteArray xml = writeMessage(req);
        QVERIFY(!xml.contains("Action"));
        ReadResult r = readMessage(xml, nullptr);
        QVERIFY(r.ok());
        QCOMPARE(r.message.operation, Operation::Identify);
        QVERIFY(!r.message.response);

        Message resp;
        resp.operation = Operation::Identify;
        resp.response = true;
        resp.identify = {QStringLiteral("http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd"),
                         QStringLiteral("ReplicaDesk"), QStringLiteral("0.1.0")};
        r = roundTrip(resp);
        QVERIFY(r.ok());
        QVERIFY(r.message.response);
        QCOMPARE(r.message.identify.productVendor, QStringLiteral("ReplicaDesk"));
        QCOMPARE(r.message.identify.productVersion, QStringLiteral("0.1.0"));
        QCOMPARE(r.message.identify.protocolVersion, resp.identify.protocolVersion);
    }

    void getRequestHeaders()
    {
        Message m = request(Operation::Get);
        cim::ObjectPath target = volume(QStringLiteral("vol-1"));
        target.setKey(QStringLiteral("Parent"), Value::reference(volume(QStringLiteral("p"))));
        m.header.setTarget(target, UriStyle::Microsoft);
        ReadResult r = roundTrip(m);
        QVERIFY(r.ok());
        const Header &h = r.message.header;
        QCOMPARE(r.message.operation, Operation::Get);
        QCOMPARE(h.messageId, m.header.messageId);
        QCOMPARE(h.action, action::get());
        QCOMPARE(h.replyTo, uri::anonymous());
        QCOMPARE(h.maxEnvelopeSize, std::optional<qint64>(153600));
        QCOMPARE(h.operationTimeoutMs, std::optional<qint64>(60000));
        QCOMPARE(h.locale, QStringLiteral("en-US"));
        QCOMPARE(h.to, m.header.to);
        QVERIFY(h.target());
        QCOMPARE(*h.target(), target);
        QCOMPARE(h.target()->key(u"Index").type(), CimType::UInt32);
    }

    void dmtfFormCarriesNamespace()
    {
        Message m = request(Operation::Get);
        const cim::ObjectPath target(
            kNs, QStringLiteral("CIM_StorageVolume"),
            {{QStringLiteral("DeviceID"), Value::string(QStringLiteral("v"))}});
        m.header.setTarget(target, UriStyle::Dmtf);
        QVERIFY(m.header.resourceUri.startsWith(uri::dmtfPrefix()));
        ReadResult r = roundTrip(m);
        QVERIFY(r.ok());
        QCOMPARE(*r.message.header.target(), target);
        QCOMPARE(r.message.header.target()->nameSpace(), kNs);
    }

    void getResponseKeepsEveryType()
    {
        Message m;
        m.operation = Operation::Get;
        m.response = true;
        m.header.relatesTo = QStringLiteral("uuid:42");
        m.instance = everything();
        ReadResult r = roundTrip(m);
        QVERIFY(r.ok());
        QCOMPARE(r.message.header.relatesTo, QStringLiteral("uuid:42"));
        QCOMPARE(r.message.header.action, action::getResponse());
        const cim::Instance &got = r.message.instance;
        QCOMPARE(got.className(), m.instance.className());
        for (const auto &[name, value] : m.instance.properties())
            QVERIFY2(got.property(name) == value,
                     qPrintable(name + u' ' + got.property(name).toDisplayString()));
        QCOMPARE(got.properties().size(), m.instance.properties().size());
    }

    void dmtfStyleInstancesRoundTrip()
    {
        Message m;
        m.operation = Operation::Get;
        m.response = true;
        m.instance = everything();
        WriteOptions o;
        o.style = UriStyle::Dmtf;
        const QByteArray xml = writeMessage(m, o);
        QVERIFY(xml.contains(
            "http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/MSISCSITARGET_StorageVolume"));
        QVERIFY(xml.contains("__cimnamespace"));
        ReadResult r = readMessage(xml, nullptr);
        QVERIFY(r.ok());
        QCOMPARE(r.message.instance.property(u"Volume"), m.instance.property(u"Volume"));
    }

    void withoutAnnotationsValuesAreText()
    {
        // What a peer that writes no ReplicaDesk annotations (WinRM) gets across: text, and the
        // structural forms (datetimes, references, embedded instances).
        Message m;
        m.operation = Operation::Get;
        m.response = true;
        m.instance = everything();
        WriteOptions o;
        o.annotateTypes = false;
        const QByteArray xml = writeMessage(m, o);
        QVERIFY(!xml.contains(ns::replicaDesk().toUtf8()));
        ReadResult r = readMessage(xml, nullptr);
        QVERIFY(r.ok());
        const cim::Instance &got = r.message.instance;
        QCOMPARE(got.property(u"U32"), Value::string(QStringLiteral("4096")));
        QCOMPARE(got.property(u"Ops"),
                 Value::array(CimType::String, {Value::string(QStringLiteral("2")),
                                                Value::string(QStringLiteral("3"))}));
        QCOMPARE(got.property(u"When"), m.instance.property(u"When"));
        QCOMPARE(got.property(u"Volume").type(), CimType::Reference);
        QCOMPARE(got.property(u"Volume").toReference().key(u"DeviceID"),
                 Value::string(QStringLiteral("a")));
        QCOMPARE(got.property(u"Settings").type(), CimType::Instance);
        QVERIFY(got.property(u"Missing").isNull());
    }

    void putAndDelete()
    {
        Message put = request(Operation::Put);
        put.header.setTarget(volume(QStringLiteral("v")), UriStyle::Microsoft);
        put.instance = everything();
        ReadResult r = roundTrip(put);
        QVERIFY(r.ok());
        QCOMPARE(r.message.operation, Operation::Put);
        QVERIFY(!r.message.response);
        QCOMPARE(r.message.instance.property(u"S64"), Value::sint64(-9000000000LL));

        Message putResp;
        putResp.operation = Operation::Put;
        putResp.response = true;
        putResp.instance = everything();
        r = roundTrip(putResp);
        QVERIFY(r.ok());
        QVERIFY(r.message.response);
        QCOMPARE(r.message.instance.property(u"R64"), Value::real64(0.1));

        Message del = request(Operation::Delete);
        del.header.setTarget(volume(QStringLiteral("v")), UriStyle::Microsoft);
        r = roundTrip(del);
        QVERIFY(r.ok());
        QCOMPARE(r.message.operation, Operation::Delete);
        QCOMPARE(*r.message.header.target(), volume(QStringLiteral("v")));
        Message delResp;
        delResp.operation = Operation::Delete;
        delResp.response = true;
        r = roundTrip(delResp);
        QVERIFY(r.ok());
        QVERIFY(r.message.response);
    }

    void enumerateRequest_data()
    {
        QTest::addColumn<int>("kind");
        QTest::newRow("plain") << -1;
        QTest::newRow("associated") << int(AssociationQuery::AssociatedInstances);
        QTest::newRow("association") << int(AssociationQuery::AssociationInstances);
    }

    void enumerateRequest()
    {
        QFETCH(int, kind);
        Message m = request(Operation::Enumerate);
        m.header.resourceUri =
            kind < 0 ? ResourceUri::make(UriStyle::Microsoft, kNs,
                                         QStringLiteral("MSISCSITARGET_StorageVolume"))
                     : uri::dmtfAllClasses();
        m.enumerate.optimize = true;
        m.enumerate.maxElements = 25;
        m.enumerate.mode = EnumerationMode::ObjectsAndReferences;
        if (kind >= 0) {
            AssociationQuery q;
            q.kind = AssociationQuery::Kind(kind);
            q.object = volume(QStringLiteral("src"));
            q.filter.assocClass = QStringLiteral("CIM_StorageSynchronized");
            q.filter.role = QStringLiteral("SystemElement");
            if (q.kind == AssociationQuery::AssociatedInstances) {
                q.filter.resultClass = QStringLiteral("CIM_StorageVolume");
                q.filter.resultRole = QStringLiteral("SyncedElement");
            }
            m.enumerate.association = q;
        }
        ReadResult r = roundTrip(m);
        QVERIFY(r.ok());
        const EnumerateBody &b = r.message.enumerate;
        QCOMPARE(r.message.operation, Operation::Enumerate);
        QVERIFY(b.optimize);
        QCOMPARE(b.maxElements, 25);
        QCOMPARE(b.mode, EnumerationMode::ObjectsAndReferences);
        QCOMPARE(b.association.has_value(), kind >= 0);
        if (kind >= 0) {
            QCOMPARE(int(b.association->kind), kind);
            QCOMPARE(b.association->object, volume(QStringLiteral("src")));
            QCOMPARE(b.association->filter.assocClass, m.enumerate.association->filter.assocClass);
            QCOMPARE(b.association->filter.role, m.enumerate.association->filter.role);
            QCOMPARE(b.association->filter.resultClass,
                     m.enumerate.association->filter.resultClass);
            QCOMPARE(b.association->filter.resultRole, m.enumerate.association->filter.resultRole);
        }

        m.enumerate = {};
        m.enumerate.mode = EnumerationMode::References;
        r = roundTrip(m);
        QVERIFY(r.ok());
        QVERIFY(!r.message.enumerate.optimize);
        QCOMPARE(r.message.enumerate.maxElements, 0);
        QCOMPARE(r.message.enumerate.mode, EnumerationMode::References);
    }

    void enumerationResponses_data()
    {
        QTest::addColumn<int>("mode");
        QTest::addColumn<bool>("pull");
        for (int mode : {0, 1, 2}) {
            QTest::addRow("enumerate-%d", mode) << mode << false;
            QTest::addRow("pull-%d", mode) << mode << true;
        }
    }

    void enumerationResponses()
    {
        QFETCH(int, mode);
        QFETCH(bool, pull);
        Message m;
        m.operation = pull ? Operation::Pull : Operation::Enumerate;
        m.response = true;
        for (const QString &id : {QStringLiteral("a"), QStringLiteral("b")}) {
            EnumerationItem item;
            cim::Instance inst = everything();
            inst.setPath(volume(id));
            if (mode != 1)
                item.instance = inst;
            if (mode != 0)
                item.path = volume(id);
            m.enumeration.items.append(item);
        }
        m.enumeration.context = QStringLiteral("uuid:ctx");
        ReadResult r = roundTrip(m);
        QVERIFY(r.ok());
        QCOMPARE(r.message.operation, m.operation);
        QCOMPARE(r.message.enumeration.context, QStringLiteral("uuid:ctx"));
        QVERIFY(!r.message.enumeration.endOfSequence);
        QCOMPARE(r.message.enumeration.items.size(), 2);
        const EnumerationItem &second = r.message.enumeration.items.at(1);
        QCOMPARE(second.instance.has_value(), mode != 1);
        QCOMPARE(second.path.has_value(), mode != 0);
        if (mode == 2)
            QCOMPARE(second.instance->path(), volume(QStringLiteral("b")));
        if (second.instance)
            QCOMPARE(second.instance->property(u"Ops"), everything().property(u"Ops"));

        m.enumeration.context.clear();
        m.enumeration.items.clear();
        m.enumeration.endOfSequence = true;
        r = roundTrip(m);
        QVERIFY(r.ok());
        QVERIFY(r.message.enumeration.endOfSequence);
        QVERIFY(r.message.enumeration.context.isEmpty());
        QVERIFY(r.message.enumeration.items.isEmpty());
    }

    void pullAndRelease()
    {
        Message pull = request(Operation::Pull);
        pull.header.resourceUri = ResourceUri::make(UriStyle::Microsoft, kNs, QStringLiteral("X"));
        pull.pull = {QStringLiteral("uuid:c1"), 50};
        ReadResult r = roundTrip(pull);
        QVERIFY(r.ok());
        QCOMPARE(r.message.operation, Operation::Pull);
        QCOMPARE(r.message.pull.context, QStringLiteral("uuid:c1"));
        QCOMPARE(r.message.pull.maxElements, 50);

        Message rel = request(Operation::Release);
        rel.header.resourceUri = pull.header.resourceUri;
        rel.pull.context = QStringLiteral("uuid:c2");
        r = roundTrip(rel);
        QVERIFY(r.ok());
        QCOMPARE(r.message.operation, Operation::Release);
        QCOMPARE(r.message.pull.context, QStringLiteral("uuid:c2"));
        Message relResp;
        relResp.operation = Operation::Release;
        relResp.response = true;
        r = roundTrip(relResp);
        QVERIFY(r.ok());
        QCOMPARE(r.message.operation, Operation::Release);
        QVERIFY(r.message.response);
    }

    void invoke()
    {
        Message m = request(Operation::Invoke);
        m.header.setTarget(
            cim::ObjectPath(kNs, QStringLiteral("MSISCSITARGET_ReplicationService"),
                            {{QStringLiteral("Name"), Value::string(QStringLiteral("svc"))}}),
            UriStyle::Microsoft);
        m.invoke.method = QStringLiteral("CreateListReplica");
        const cim::Instance inst = everything();
        for (const auto &[name, value] : inst.properties())
            m.invoke.parameters.set(name, value);
        const QByteArray xml = writeMessage(m);
        QVERIFY(xml.contains("CreateListReplica_INPUT"));
        ReadResult r = readMessage(xml, nullptr);
        QVERIFY(r.ok());
        QCOMPARE(r.message.operation, Operation::Invoke);
        QCOMPARE(r.message.header.action,
                 m.header.resourceUri + QStringLiteral("/CreateListReplica"));
        QCOMPARE(r.message.invoke.method, QStringLiteral("CreateListReplica"));
        for (const auto &[name, value] : m.invoke.parameters.items())
            QVERIFY2(r.message.invoke.parameters.value(name) == value, qPrintable(name));

        Message resp;
        resp.operation = Operation::Invoke;
        resp.response = true;
        resp.header.resourceUri = m.header.resourceUri;
        resp.invoke.method = m.invoke.method;
        resp.invoke.returnValue = 4096;
        resp.invoke.message = QStringLiteral("started");
        resp.invoke.parameters.set(QStringLiteral("Job"),
                                   Value::reference(volume(QStringLiteral("j"))));
        resp.invoke.parameters.set(
            QStringLiteral("Elements"),
            Value::array(CimType::Reference, {Value::reference(volume(QStringLiteral("x")))}));
        r = roundTrip(resp);
        QVERIFY(r.ok());
        QVERIFY(r.message.response);
        QCOMPARE(r.message.header.action,
                 m.header.resourceUri + QStringLiteral("/CreateListReplicaResponse"));
        QCOMPARE(r.message.invoke.returnValue, 4096u);
        QCOMPARE(r.message.invoke.message, QStringLiteral("started"));
        QCOMPARE(r.message.invoke.parameters, resp.invoke.parameters);
    }

    void refusedParameterBesideTheMessage()
    {
        Message resp;
        resp.operation = Operation::Invoke;
        resp.response = true;
        resp.header.resourceUri = QStringLiteral(
            "http://schemas.microsoft.com/wbem/wsman/1/wmi/root/cimv2/storage/iscsitarget/"
            "MSISCSITARGET_ReplicationService");
        resp.invoke.method = QStringLiteral("CreateListReplica");
        resp.invoke.returnValue = 5;
        resp.invoke.message = QStringLiteral("TargetPool p does not exist.");
        resp.invoke.parameter = QStringLiteral("TargetPool");
        const QByteArray xml = writeMessage(resp);
        // In ReplicaDesk's own namespace, so a WinRM client skips it as it skips ReturnMessage.
        QVERIFY2(xml.contains("ReturnParameter") && xml.contains("urn:replicadesk:wsman:1"),
                 xml.constData());
        ReadResult r = readMessage(xml, nullptr);
        QVERIFY(r.ok());
        QCOMPARE(r.message.invoke.returnValue, 5u);
        QCOMPARE(r.message.invoke.message, resp.invoke.message);
        QCOMPARE(r.message.invoke.parameter, QStringLiteral("TargetPool"));
        QVERIFY(r.message.invoke.parameters.isEmpty());

        // Not written without annotations, nor when no parameter is at fault.
        WriteOptions plain;
        plain.annotateTypes = false;
        QVERIFY(!writeMessage(resp, plain).contains("ReturnParameter"));
        resp.invoke.parameter.clear();
        QVERIFY(!writeMessage(resp).contains("ReturnParameter"));
        QVERIFY(readMessage(writeMessage(resp), nullptr).message.invoke.parameter.isEmpty());
    }

    void invokeTypesFromTheResolver()
    {
        // What WinRM sends: no annotations; the server's signatures give the types.
        const QByteArray uriText = "http://schemas.microsoft.com/wbem/wsman/1/wmi/root/cimv2/"
                                   "storage/iscsitarget/TEST_Service";
        // WinRM's form of an embedded instance: CIM-XML as escaped text.
        const QByteArray cimxml = cim::cimxml::writeInstance(settings()).toHtmlEscaped().toUtf8();
        QByteArray body = "<p:Frob_INPUT xmlns:p=\"" + uriText +
                          "\"><p:Count>7</p:Count><p:Settings>" + cimxml +
                          "</p:Settings><p:Other>x</p:Other></p:Frob_INPUT>";
        QByteArray header =
            "<a:Action>" + uriText +
            "/Frob</a:Action><a:MessageID>uuid:9</a:MessageID>"
            "<w:ResourceURI>" +
            uriText +
            "</w:ResourceURI>"
            "<w:SelectorSet><w:Selector Name=\"Index\">12</w:Selector></w:SelectorSet>";
        Resolver resolver;
        ReadResult r = readMessage(envelope(header, body), &resolver);
        QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(r.fault->reason));
        QCOMPARE(r.message.invoke.parameters.value(u"Count"), Value::uint16(7));
        QCOMPARE(r.message.invoke.parameters.value(u"Settings"), Value::instance(settings()));
        QCOMPARE(r.message.invoke.parameters.value(u"Other"), Value::string(QStringLiteral("x")));
        QCOMPARE(r.message.header.target()->key(u"Index"), Value::uint32(12));

        // A value not of its declared type reaches the signature check as text (the method's
        // InvalidParameter), not as a fault.
        body.replace("<p:Count>7</p:Count>", "<p:Count>seven</p:Count>");
        r = readMessage(envelope(header, body), &resolver);
        QVERIFY(r.ok());
        QCOMPARE(r.message.invoke.parameters.value(u"Count"),
                 Value::string(QStringLiteral("seven")));

        // A selector not of its key's type is InvalidSelectors.
        header.replace(">12<", ">twelve<");
        r = readMessage(envelope(header, body), &resolver);
        QVERIFY(!r.ok());
        QCOMPARE(r.fault->kind, FaultKind::InvalidSelectors);
        QCOMPARE(r.fault->detail, uri::faultDetail(QStringLiteral("TypeMismatch")));
        QCOMPARE(r.message.header.messageId, QStringLiteral("uuid:9"));
    }

    void faultsRoundTrip_data()
    {
        QTest::addColumn<int>("kind");
        for (FaultKind k : {FaultKind::DestinationUnreachable, FaultKind::InvalidSelectors,
                            FaultKind::ActionNotSupported, FaultKind::AccessDenied,
                            FaultKind::InvalidEnumerationContext, FaultKind::EncodingLimit,
                            FaultKind::TimedOut, FaultKind::SchemaValidationError,
                            FaultKind::MustUnderstand, FaultKind::VersionMismatch,
                            FaultKind::CannotProcessFilter, FaultKind::InternalError}) {
            QTest::newRow(qPrintable(Fault::make(k, {}).kindName())) << int(k);
        }
    }

    void faultsRoundTrip()
    {
        QFETCH(int, kind);
        Fault f = Fault::make(FaultKind(kind), QStringLiteral("it went wrong"),
                              QStringLiteral("InvalidValue"));
        f.machine = QStringLiteral("host");
        f.notUnderstoodNamespace = QStringLiteral("urn:x");
        f.notUnderstoodName = QStringLiteral("Y");
        const QByteArray xml = writeFault(f, QStringLiteral("uuid:77"));
        QVERIFY(xml.contains("WSManFault"));
        ReadResult r = readMessage(xml, nullptr);
        QVERIFY(r.ok());
        QCOMPARE(r.message.operation, Operation::Fault);
        QCOMPARE(r.message.header.relatesTo, QStringLiteral("uuid:77"));
        QCOMPARE(r.message.header.action, f.action());
        QCOMPARE(int(r.message.fault.kind), kind);
        QCOMPARE(r.message.fault.reason, QStringLiteral("it went wrong"));
        QCOMPARE(r.message.fault.detail, f.detail);
        QCOMPARE(r.message.fault.code, f.code);
        QCOMPARE(r.message.fault.machine, QStringLiteral("host"));
        QCOMPARE(r.message.fault.toError().message, QStringLiteral("it went wrong"));
        if (FaultKind(kind) == FaultKind::MustUnderstand)
            QVERIFY(xml.contains("NotUnderstood"));
    }

    void winrmFaultMessage()
    {
        // WinRM puts a provider's error inside f:Message as mixed content.
        const QByteArray body =
            "<s:Fault><s:Code><s:Value>s:Sender</s:Value><s:Subcode><s:Value>w:InvalidParameter</"
            "s:Value>"
            "</s:Subcode></s:Code><s:Reason><s:Text xml:lang=\"en-US\">The parameter is incorrect. "
            "</s:Text></s:Reason>"
            "<s:Detail><f:WSManFault "
            "xmlns:f=\"http://schemas.microsoft.com/wbem/wsman/1/wsmanfault\" Code=\"2147749896\" "
            "Machine=\"win\"><f:Message><f:ProviderFault provider=\"WMI Provider\"><g:WMIError "
            "xmlns:g=\"urn:g\"><g:Message>Invalid parameter "
            "</g:Message></g:WMIError></f:ProviderFault>"
            "</f:Message></f:WSManFault></s:Detail></s:Fault>";
        ReadResult r = readMessage(
            envelope("<a:Action>http://schemas.dmtf.org/wbem/wsman/1/wsman/fault</a:Action>", body),
            nullptr);
        QVERIFY(r.ok());
        QCOMPARE(r.message.operation, Operation::Fault);
        QCOMPARE(r.message.fault.kind, FaultKind::Unknown);
        QCOMPARE(r.message.fault.subcode, QStringLiteral("{%1}InvalidParameter").arg(ns::wsman()));
        QCOMPARE(r.message.fault.code, 2147749896u);
        QCOMPARE(r.message.fault.reason, QStringLiteral("Invalid parameter"));
    }

    void utf16Request()
    {
        Message m = request(Operation::Get);
        m.header.setTarget(volume(QStringLiteral("\u00e9t\u00e9")), UriStyle::Microsoft);
        const QString text = QString::fromUtf8(writeMessage(m))
                                 .replace(QStringLiteral("encoding=\"UTF-8\""),
                                          QStringLiteral("encoding=\"UTF-16\""));
        QStringEncoder encoder(QStringEncoder::Utf16LE, QStringEncoder::Flag::WriteBom);
        const QByteArray utf16 = encoder(text);
        ReadResult r = readMessage(utf16, nullptr);
        QVERIFY(r.ok());
        QCOMPARE(r.message.header.target()->key(u"DeviceID"),
                 Value::string(QStringLiteral("\u00e9t\u00e9")));
    }

    void hostile_data()
    {
        QTest::addColumn<QByteArray>("xml");
        QTest::addColumn<int>("kind");
        QTest::newRow("malformed")
            << QByteArray(
                   "<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\"><s:Body>")
            << int(FaultKind::SchemaValidationError);
        QTest::newRow("not xml") << QByteArray("GET / HTTP/1.1")
                                 << int(FaultKind::SchemaValidationError);
        QTest::newRow("billion laughs")
            << QByteArray(
                   "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 "
                   "\"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">]><lolz>&lol2;</lolz>")
            << int(FaultKind::SchemaValidationError);
        QTest::newRow("external entity")
            << QByteArray(
                   "<?xml version=\"1.0\"?><!DOCTYPE s [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                   "<s:Envelope "
                   "xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\"><s:Body>&x;</s:Body></"
                   "s:Envelope>")
            << int(FaultKind::SchemaValidationError);
        QTest::newRow("undeclared entity")
            << envelope(getHeader(), "&x;") << int(FaultKind::SchemaValidationError);
        QByteArray deep;
        for (int i = 0; i < 10000; ++i)
            deep += "<x>";
        for (int i = 0; i < 10000; ++i)
            deep += "</x>";
        QTest::newRow("10000 deep") << envelope(getHeader(), deep) << int(FaultKind::EncodingLimit);
        QTest::newRow("too big") << envelope(getHeader(), QByteArray(600 * 1024, ' '))
                                 << int(FaultKind::EncodingLimit);
        QTest::newRow("soap 1.1")
            << QByteArray(
                   "<e:Envelope "
                   "xmlns:e=\"http://schemas.xmlsoap.org/soap/envelope/\"><e:Body/></e:Envelope>")
            << int(FaultKind::VersionMismatch);
        QTest::newRow("wrong root")
            << QByteArray("<Envelope><Body/></Envelope>") << int(FaultKind::SchemaValidationError);
        QTest::newRow("no body")
            << QByteArray("<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\"/>")
            << int(FaultKind::SchemaValidationError);
        QTest::newRow("must understand (qualified)")
            << envelope(getHeader("<x:Magic xmlns:x=\"urn:x\" s:mustUnderstand=\"true\"/>"), {})
            << int(FaultKind::MustUnderstand);
        QTest::newRow("must understand (unqualified)")
            << envelope(getHeader("<x:Magic xmlns:x=\"urn:x\" mustUnderstand=\"1\"/>"), {})
            << int(FaultKind::MustUnderstand);
        QTest::newRow("no action") << envelope("<a:MessageID>uuid:1</a:MessageID>", {})
                                   << int(FaultKind::MessageInformationHeaderRequired);
        QTest::newRow("unknown action")
            << envelope("<a:Action>urn:nothing</a:Action><a:MessageID>uuid:1</a:MessageID>", {})
            << int(FaultKind::ActionNotSupported);
        QTest::newRow("duplicate selectors")
            << envelope(getHeader("<w:SelectorSet><w:Selector Name=\"A\">1</w:Selector><w:Selector "
                                  "Name=\"a\">2"
                                  "</w:Selector></w:SelectorSet>"),
                        {})
            << int(FaultKind::InvalidSelectors);
        QTest::newRow("bad timeout")
            << envelope(getHeader("<w:OperationTimeout>soon</w:OperationTimeout>"), {})
            << int(FaultKind::InvalidMessageInformationHeader);
        QTest::newRow("must comply option")
            << envelope(getHeader("<w:OptionSet><w:Option Name=\"X\" "
                                  "MustComply=\"true\">1</w:Option></w:OptionSet>"),
                        {})
            << int(FaultKind::InvalidOptions);
        QTest::newRow("other filter dialect")
            << envelope(
                   "<a:Action>http://schemas.xmlsoap.org/ws/2004/09/enumeration/Enumerate</"
                   "a:Action>"
                   "<a:MessageID>uuid:1</a:MessageID>",
                   "<n:Enumerate xmlns:n=\"http://schemas.xmlsoap.org/ws/2004/09/enumeration\">"
                   "<w:Filter Dialect=\"http://schemas.microsoft.com/wbem/wsman/1/WQL\">select "
                   "*</w:Filter>"
                   "</n:Enumerate>")
            << int(FaultKind::CannotProcessFilter);
    }

    void hostile()
    {
        QFETCH(QByteArray, xml);
        QFETCH(int, kind);
        ReadResult r = readMessage(xml, nullptr);
        QVERIFY(!r.ok());
        QVERIFY2(int(r.fault->kind) == kind,
                 qPrintable(r.fault->kindName() + u' ' + r.fault->reason));
        QVERIFY(!r.fault->reason.isEmpty());
    }

    void tolerated()
    {
        // An unknown header without mustUnderstand, mustUnderstand="false", WinRM's own headers.
        ReadResult r = readMessage(
            envelope(
                getHeader(
                    "<x:Magic xmlns:x=\"urn:x\"/><x:Other xmlns:x=\"urn:x\" "
                    "s:mustUnderstand=\"false\"/>"
                    "<p:SessionId xmlns:p=\"http://schemas.microsoft.com/wbem/wsman/1/wsman.xsd\" "
                    "s:mustUnderstand=\"true\">uuid:s</p:SessionId><!-- note --><?pi x?>"),
                {}),
            nullptr);
        QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(r.fault->reason));
        QCOMPARE(r.message.operation, Operation::Get);
        QCOMPARE(r.message.header.messageId, QStringLiteral("uuid:1"));
    }
};

QTEST_GUILESS_MAIN(TstWsmanEnvelope)
#include "tst_wsmanenvelope.moc"
