// CIM-XML instances: round trips of every type, real-world input, and hostile input.

#include "cim/cimxml.h"

#include <QElapsedTimer>
#include <QTest>

#include <limits>

using namespace rd::cim;

namespace rd::cim {
char *toString(const Instance &i)
{
    return QTest::toString(Value::instance(i).toDisplayString());
}
} // namespace rd::cim

namespace {

const QString kNs = QStringLiteral("root/cimv2/storage/iscsitarget");

ObjectPath volume(const QString &id)
{
    return ObjectPath(kNs, QStringLiteral("MSISCSITARGET_StorageVolume"),
                      {{QStringLiteral("DeviceID"), Value::string(id)},
                       {QStringLiteral("SystemName"), Value::string(QStringLiteral("host"))},
                       {QStringLiteral("Index"), Value::uint16(3)},
                       {QStringLiteral("Primary"), Value::boolean(true)}});
}

Instance settingData()
{
    Instance rsd(QStringLiteral("CIM_ReplicationSettingData"));
    rsd.setProperty(QStringLiteral("ElementName"),
                    Value::string(QStringLiteral("rsd <1> & \"2\"")));
    rsd.setProperty(QStringLiteral("ConsistentPointInTime"), Value::boolean(true));
    rsd.setProperty(QStringLiteral("Source"), Value::reference(volume(QStringLiteral("vol-1"))));
    return rsd;
}

// Every type, scalar and array, NULLs, nested references and embedded instances.
Instance everything()
{
    using L = std::numeric_limits<qint64>;
    Instance inst(QStringLiteral("RD_Everything"));
    auto set = [&inst](const char *name, const Value &v) {
        inst.setProperty(QString::fromLatin1(name), v);
    };
    set("Bool", Value::boolean(false));
    set("U8", Value::uint8(255));
    set("S8", Value::sint8(-128));
    set("U16", Value::uint16(65535));
    set("S16", Value::sint16(-32768));
    set("U32", Value::uint32(4294967295u));
    set("S32", Value::sint32(std::numeric_limits<qint32>::min()));
    set("U64", Value::uint64(std::numeric_limits<quint64>::max()));
    set("S64", Value::sint64(L::min()));
    set("R32", Value::real32(3.4028235e38f));
    set("R64", Value::real64(-1.0 / 3.0));
    set("R64NaN", Value::real64(std::numeric_limits<double>::quiet_NaN()));
    set("R64Inf", Value::real64(-std::numeric_limits<double>::infinity()));
    set("C16", Value::char16(u'<'));
    set("C16Amp", Value::char16(u'&'));
    set("Str",
        Value::string(QString::fromUtf8("a <b> & \"c\" 'd' \xc3\xbc\xe2\x82\xac\ttab\nnewline")));
    set("StrEmpty", Value::string(QString()));
    set("StrSpaces", Value::string(QStringLiteral("  both ends  ")));
    set("StrMarkup", Value::string(QStringLiteral("<INSTANCE CLASSNAME=\"NotEmbedded\"/>")));
    set("When", Value::dateTime(*DateTime::fromCimString(u"20261123101500.123456-300")));
    set("Interval", Value::dateTime(DateTime::interval(300000000)));
    set("Ref", Value::reference(volume(QStringLiteral("vol \"1\""))));
    set("RefNoNamespace", Value::reference(ObjectPath(QString(), QStringLiteral("CIM_X"),
                                                      {{QStringLiteral("K"), Value::sint8(-1)}})));
    set("RefNested",
        Value::reference(ObjectPath(
            kNs, QStringLiteral("CIM_StorageSynchronized"),
            {{QStringLiteral("SystemElement"), Value::reference(volume(QStringLiteral("a")))},
             {QStringLiteral("SyncedElement"), Value::reference(volume(QStringLiteral("b")))}})));
    set("RefKeyTypes",
        Value::reference(ObjectPath(QString(), QStringLiteral("CIM_Keys"),
                                    {{QStringLiteral("C"), Value::char16(u'z')},
                                     {QStringLiteral("D"), Value::dateTime(DateTime::interval(1))},
                                     {QStringLiteral("R"), Value::real64(2.5)},
                                     {QStringLiteral("S"), Value::sint64(L::min())}})));
    Instance inner = settingData();
    Instance innermost(QStringLiteral("RD_Inner"));
    innermost.setProperty(QStringLiteral("Deep"), Value::string(QStringLiteral("<&>")));
    inner.setProperty(QStringLiteral("Nested"), Value::instance(innermost));
    set("Embedded", Value::instance(inner));

    set("NullU16", Value::null(CimType::UInt16));
    set("NullStr", Value::null(CimType::String));
    set("NullRef", Value::null(CimType::Reference));
    set("NullEmbedded", Value::null(CimType::Instance));
    set("NullArray", Value::null(CimType::UInt32, true));
    set("NullRefArray", Value::null(CimType::Reference, true));

    set("ABool", Value::array(CimType::Boolean, {Value::boolean(true), Value::boolean(false)}));
    set("AU8", Value::array(CimType::UInt8, {Value::uint8(0), Value::uint8(255)}));
    set("AS8", Value::array(CimType::SInt8, {Value::sint8(-128), Value::sint8(127)}));
    set("AU16", Value::array(CimType::UInt16,
                             {Value::uint16(17), Value::null(CimType::UInt16), Value::uint16(2)}));
    set("AS16", Value::array(CimType::SInt16, {Value::sint16(-1)}));
    set("AU32", Value::array(CimType::UInt32, {Value::uint32(4096)}));
    set("AS32", Value::array(CimType::SInt32, {Value::sint32(-5), Value::sint32(5)}));
    set("AU64", Value::array(CimType::UInt64, {Value::uint64(1ULL << 40)}));
    set("AS64", Value::array(CimType::SInt64, {Value::sint64(L::max())}));
    set("AR32", Value::array(CimType::Real32, {Value::real32(0.1f), Value::real32(-0.0f)}));
    set("AR64", Value::array(CimType::Real64, {Value::real64(1e-300), Value::real64(1e300)}));
    set("AC16", Value::array(CimType::Char16, {Value::char16(u'a'), Value::char16(u'"')}));
    set("AStr",
        Value::array(CimType::String,
                     {Value::string(QStringLiteral("x")), Value::null(CimType::String),
                      Value::string(QString()), Value::string(QStringLiteral("</VALUE>"))}));
    set("AStrEmpty", Value::array(CimType::String, {}));
    set("ADateTime", Value::array(CimType::DateTime, {Value::dateTime(DateTime::interval(0)),
                                                      Value::dateTime(DateTime::interval(5))}));
    set("ARef", Value::array(CimType::Reference, {Value::reference(volume(QStringLiteral("r1"))),
                                                  Value::null(CimType::Reference),
                                                  Value::reference(volume(QStringLiteral("r2")))}));
    set("AEmbedded", Value::array(CimType::Instance,
                                  {Value::instance(settingData()), Value::null(CimType::Instance),
                                   Value::instance(innermost)}));
    return inst;
}

QString instanceXml(const QString &properties)
{
    return QStringLiteral("<INSTANCE CLASSNAME=\"X\">") + properties +
           QStringLiteral("</INSTANCE>");
}

QString propertyXml(const QString &name, const QString &type, const QString &value)
{
    return QStringLiteral("<PROPERTY NAME=\"%1\" TYPE=\"%2\"><VALUE>%3</VALUE></PROPERTY>")
        .arg(name, type, value);
}

} // namespace

class TestCimXml : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTripEverything();
    void roundTripEachProperty();
    void writtenForm();
    void realWorldInput();
    void embeddedForms();
    void referenceForms();
    void hostile_data();
    void hostile();
    void limits();
    void errorLocation();
    void largeValidInputIsLinear();
};

void TestCimXml::roundTripEverything()
{
    const Instance original = everything();
    const QString xml = cimxml::writeInstance(original);
    const Result<Instance> parsed = cimxml::parseInstance(xml);
    QVERIFY2(parsed.ok(), qPrintable(parsed.error().message));
    QCOMPARE(parsed->properties().size(), original.properties().size());
    QCOMPARE(*parsed, original);
    // Property order is kept.
    for (qsizetype i = 0; i < original.properties().size(); ++i)
        QCOMPARE(parsed->properties().at(i).first, original.properties().at(i).first);
    // And writing again gives the same text.
    QCOMPARE(cimxml::writeInstance(parsed.value()), xml);
}

void TestCimXml::roundTripEachProperty()
{
    // One property at a time, so a failure names the property.
    const Instance all = everything();
    for (const auto &[name, value] : all.properties()) {
        Instance one(QStringLiteral("One"));
        one.setProperty(name, value);
        const Result<Instance> parsed = cimxml::parseInstance(cimxml::writeInstance(one));
        QVERIFY2(parsed.ok(), qPrintable(name + u' ' + parsed.error().message));
        QVERIFY2(parsed->property(name) == value, qPrintable(name));
        QCOMPARE(parsed->property(name).isNull(), value.isNull());
        QCOMPARE(parsed->property(name).isArray(), value.isArray());
        QCOMPARE(parsed->property(name).type(), value.type());
    }
}

void TestCimXml::writtenForm()
{
    Instance inst(QStringLiteral("CIM_X"));
    inst.setProperty(QStringLiteral("N"), Value::uint16(5));
    inst.setProperty(QStringLiteral("Null"), Value::null(CimType::String));
    inst.setProperty(
        QStringLiteral("A"),
        Value::array(CimType::Boolean, {Value::boolean(true), Value::null(CimType::Boolean)}));
    inst.setProperty(QStringLiteral("R"), Value::reference(ObjectPath(
                                              QStringLiteral("root/cimv2"), QStringLiteral("CIM_Y"),
                                              {{QStringLiteral("Id"), Value::uint8(1)}})));
    Instance e(QStringLiteral("CIM_E"));
    inst.setProperty(QStringLiteral("E"), Value::instance(e));
    QCOMPARE(
        cimxml::writeInstance(inst),
        QStringLiteral(
            "<INSTANCE CLASSNAME=\"CIM_X\">"
            "<PROPERTY NAME=\"N\" TYPE=\"uint16\"><VALUE>5</VALUE></PROPERTY>"
            "<PROPERTY NAME=\"Null\" TYPE=\"string\"/>"
            "<PROPERTY.ARRAY NAME=\"A\" TYPE=\"boolean\"><VALUE.ARRAY><VALUE>true</VALUE>"
            "<VALUE.NULL/></VALUE.ARRAY></PROPERTY.ARRAY>"
            "<PROPERTY.REFERENCE NAME=\"R\" REFERENCECLASS=\"CIM_Y\"><VALUE.REFERENCE>"
            "<LOCALINSTANCEPATH><LOCALNAMESPACEPATH><NAMESPACE NAME=\"root\"/>"
            "<NAMESPACE NAME=\"cimv2\"/></LOCALNAMESPACEPATH><INSTANCENAME CLASSNAME=\"CIM_Y\">"
            "<KEYBINDING NAME=\"Id\"><KEYVALUE VALUETYPE=\"numeric\" TYPE=\"uint8\">1</KEYVALUE>"
            "</KEYBINDING></INSTANCENAME></LOCALINSTANCEPATH></VALUE.REFERENCE>"
            "</PROPERTY.REFERENCE>"
            "<PROPERTY NAME=\"E\" TYPE=\"string\" EmbeddedObject=\"instance\"><VALUE>"
            "&lt;INSTANCE CLASSNAME=&quot;CIM_E&quot;/&gt;</VALUE></PROPERTY>"
            "</INSTANCE>"));
}

void TestCimXml::realWorldInput()
{
    // As a WBEM client would send it: declaration, comments, whitespace, qualifiers,
    // CLASSORIGIN/PROPAGATED attributes, an INSTANCEPATH with a host, KEYVALUEs without TYPE.
    const QString xml = QStringLiteral(R"(<?xml version="1.0" encoding="utf-8"?>
<!-- ReplicationSettingData for CreateListReplica -->
<INSTANCE CLASSNAME="CIM_ReplicationSettingData">
  <QUALIFIER NAME="Description" TYPE="string"><VALUE>settings</VALUE></QUALIFIER>
  <PROPERTY NAME="ElementName" TYPE="string" CLASSORIGIN="CIM_ManagedElement" PROPAGATED="true">
    <QUALIFIER NAME="MaxLen" TYPE="uint32"><VALUE>256</VALUE></QUALIFIER>
    <VALUE>Nightly &amp; weekly</VALUE>
  </PROPERTY>
  <PROPERTY NAME="Mode" TYPE="uint16"><VALUE> 3 </VALUE></PROPERTY>
  <PROPERTY NAME="TargetElementSupplier" TYPE="uint16"></PROPERTY>
  <PROPERTY.ARRAY NAME="Pools" TYPE="string" ARRAYSIZE="2">
    <VALUE.ARRAY>
      <VALUE>pool-a</VALUE>
      <VALUE><![CDATA[pool <b>]]></VALUE>
    </VALUE.ARRAY>
  </PROPERTY.ARRAY>
  <PROPERTY.REFERENCE NAME="Pool" REFERENCECLASS="CIM_StoragePool">
    <VALUE.REFERENCE>
      <INSTANCEPATH>
        <NAMESPACEPATH>
          <HOST>storage.example.com</HOST>
          <LOCALNAMESPACEPATH><NAMESPACE NAME="root"/><NAMESPACE NAME="cimv2"/></LOCALNAMESPACEPATH>
        </NAMESPACEPATH>
        <INSTANCENAME CLASSNAME="CIM_StoragePool">
          <KEYBINDING NAME="InstanceID"><KEYVALUE VALUETYPE="string">pool-a</KEYVALUE></KEYBINDING>
          <KEYBINDING NAME="Primordial"><KEYVALUE VALUETYPE="boolean">FALSE</KEYVALUE></KEYBINDING>
          <KEYBINDING NAME="Size"><KEYVALUE VALUETYPE="numeric">-12</KEYVALUE></KEYBINDING>
          <KEYBINDING NAME="Count"><KEYVALUE>7</KEYVALUE></KEYBINDING>
        </INSTANCENAME>
      </INSTANCEPATH>
    </VALUE.REFERENCE>
  </PROPERTY.REFERENCE>
</INSTANCE>
)");
    const Result<Instance> r = cimxml::parseInstance(xml);
    QVERIFY2(r.ok(), qPrintable(r.error().message));
    QCOMPARE(r->className(), QStringLiteral("CIM_ReplicationSettingData"));
    QCOMPARE(r->properties().size(), 5);
    QCOMPARE(r->property(u"elementname"), Value::string(QStringLiteral("Nightly & weekly")));
    QCOMPARE(r->property(u"Mode"), Value::uint16(3));
    QCOMPARE(r->property(u"TargetElementSupplier"), Value::null(CimType::UInt16));
    QCOMPARE(r->property(u"Pools"),
             Value::array(CimType::String, {Value::string(QStringLiteral("pool-a")),
                                            Value::string(QStringLiteral("pool <b>"))}));
    const ObjectPath pool = r->property(u"Pool").toReference();
    QCOMPARE(pool.nameSpace(), QStringLiteral("root/cimv2"));
    QCOMPARE(pool.className(), QStringLiteral("CIM_StoragePool"));
    QCOMPARE(pool.key(u"InstanceID"), Value::string(QStringLiteral("pool-a")));
    QCOMPARE(pool.key(u"Primordial"), Value::boolean(false));
    QCOMPARE(pool.key(u"Size"), Value::sint64(-12));
    QCOMPARE(pool.key(u"Count"),
             Value::string(QStringLiteral("7"))); // VALUETYPE defaults to string
    QVERIFY(!r->hasProperty(u"Description"));     // a qualifier is not a property
}

void TestCimXml::embeddedForms()
{
    // Escaped text, CDATA, the older EMBEDDEDOBJECT spelling and EmbeddedObject="object".
    const QString forms[] = {
        QStringLiteral("<PROPERTY NAME=\"E\" TYPE=\"string\" EmbeddedObject=\"instance\"><VALUE>"
                       "&lt;INSTANCE CLASSNAME=&quot;Y&quot;&gt;&lt;PROPERTY NAME=&quot;P&quot; "
                       "TYPE=&quot;uint8&quot;&gt;&lt;VALUE&gt;4&lt;/VALUE&gt;&lt;/PROPERTY&gt;"
                       "&lt;/INSTANCE&gt;</VALUE></PROPERTY>"),
        QStringLiteral("<PROPERTY NAME=\"E\" TYPE=\"string\" EmbeddedObject=\"object\"><VALUE>"
                       "<![CDATA[<INSTANCE CLASSNAME=\"Y\"><PROPERTY NAME=\"P\" TYPE=\"uint8\">"
                       "<VALUE>4</VALUE></PROPERTY></INSTANCE>]]></VALUE></PROPERTY>"),
        QStringLiteral("<PROPERTY NAME=\"E\" TYPE=\"string\" EMBEDDEDOBJECT=\"instance\"><VALUE>"
                       "&lt;INSTANCE CLASSNAME='Y'>&lt;PROPERTY NAME='P' TYPE='uint8'>"
                       "&lt;VALUE>4&lt;/VALUE>&lt;/PROPERTY>&lt;/INSTANCE></VALUE></PROPERTY>"),
    };
    Instance expected(QStringLiteral("Y"));
    expected.setProperty(QStringLiteral("P"), Value::uint8(4));
    for (const QString &form : forms) {
        const Result<Instance> r = cimxml::parseInstance(instanceXml(form));
        QVERIFY2(r.ok(), qPrintable(r.error().message));
        QCOMPARE(r->property(u"E").type(), CimType::Instance);
        QCOMPARE(r->property(u"E").toInstance(), expected);
    }
    // Without the qualifier the same text is just a string.
    const Result<Instance> plain = cimxml::parseInstance(
        instanceXml(propertyXml(QStringLiteral("E"), QStringLiteral("string"),
                                QStringLiteral("&lt;INSTANCE CLASSNAME=\"Y\"/&gt;"))));
    QVERIFY(plain.ok());
    QCOMPARE(plain->property(u"E"), Value::string(QStringLiteral("<INSTANCE CLASSNAME=\"Y\"/>")));
}

void TestCimXml::referenceForms()
{
    const QString bare = instanceXml(QStringLiteral(
        "<PROPERTY.REFERENCE NAME=\"R\"><VALUE.REFERENCE><INSTANCENAME CLASSNAME=\"CIM_Y\">"
        "<KEYBINDING NAME=\"Inner\"><VALUE.REFERENCE><INSTANCENAME CLASSNAME=\"CIM_Z\">"
        "<KEYBINDING NAME=\"Id\"><KEYVALUE VALUETYPE=\"numeric\" TYPE=\"uint32\">9</KEYVALUE>"
        "</KEYBINDING></INSTANCENAME></VALUE.REFERENCE></KEYBINDING>"
        "</INSTANCENAME></VALUE.REFERENCE></PROPERTY.REFERENCE>"));
    const Result<Instance> r = cimxml::parseInstance(bare);
    QVERIFY2(r.ok(), qPrintable(r.error().message));
    const ObjectPath y = r->property(u"R").toReference();
    QVERIFY(y.nameSpace().isEmpty());
    QCOMPARE(y.key(u"Inner").toReference().key(u"Id"), Value::uint32(9));
}

void TestCimXml::hostile_data()
{
    QTest::addColumn<QString>("xml");
    QTest::addColumn<QString>("expected"); // part of the message

    const QString valid = instanceXml(
        propertyXml(QStringLiteral("a"), QStringLiteral("string"), QStringLiteral("x")));
    auto row = [](const char *name, const QString &xml, const char *expected) {
        QTest::newRow(name) << xml << QString::fromLatin1(expected);
    };

    row("empty", QString(), "line");
    row("whitespace only", QStringLiteral("  \n "), "line");
    row("not xml", QStringLiteral("hello"), "line");
    row("unbalanced",
        instanceXml(QStringLiteral("<PROPERTY NAME=\"a\" TYPE=\"string\"><VALUE>x"
                                   "</PROPERTY>")),
        "malformed XML");
    row("unclosed root", QStringLiteral("<INSTANCE CLASSNAME=\"X\">"), "malformed XML");
    row("unclosed property",
        QStringLiteral("<INSTANCE CLASSNAME=\"X\"><PROPERTY NAME=\"a\" TYPE=\"string\">"),
        "malformed XML");
    row("deep nesting at the root", QStringLiteral("<a>").repeated(10000), "root element");
    row("deep nesting inside",
        QStringLiteral("<INSTANCE CLASSNAME=\"X\"><QUALIFIER NAME=\"q\" TYPE=\"string\">") +
            QStringLiteral("<a>").repeated(10000) + QStringLiteral("</a>").repeated(10000) +
            QStringLiteral("</QUALIFIER></INSTANCE>"),
        "nested deeper");
    row("billion laughs",
        QStringLiteral("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
                       "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
                       "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">"
                       "<!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">"
                       "<!ENTITY lol5 \"&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;\">"
                       "<!ENTITY lol6 \"&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;\">"
                       "<!ENTITY lol7 \"&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;\">"
                       "<!ENTITY lol8 \"&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;\">"
                       "<!ENTITY lol9 \"&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;\">"
                       "]><INSTANCE CLASSNAME=\"X\"><PROPERTY NAME=\"a\" TYPE=\"string\">"
                       "<VALUE>&lol9;</VALUE></PROPERTY></INSTANCE>"),
        "DTD");
    row("external entity",
        QStringLiteral("<!DOCTYPE INSTANCE [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                       "<INSTANCE CLASSNAME=\"X\"><PROPERTY NAME=\"a\" TYPE=\"string\">"
                       "<VALUE>&xxe;</VALUE></PROPERTY></INSTANCE>"),
        "DTD");
    row("external DTD",
        QStringLiteral("<!DOCTYPE INSTANCE SYSTEM \"http://example.com/cim.dtd\">") + valid, "DTD");
    row("undeclared entity",
        instanceXml(
            propertyXml(QStringLiteral("a"), QStringLiteral("string"), QStringLiteral("&foo;"))),
        "foo");
    row("processing instruction", QStringLiteral("<?php echo 1; ?>") + valid,
        "processing instruction");
    row("wrong root", QStringLiteral("<CLASS NAME=\"X\"/>"), "root element is <CLASS>");
    row("CIM envelope root",
        QStringLiteral("<CIM CIMVERSION=\"2.0\" DTDVERSION=\"2.0\">") + valid +
            QStringLiteral("</CIM>"),
        "root element is <CIM>");
    row("no CLASSNAME", QStringLiteral("<INSTANCE/>"), "CLASSNAME");
    row("trailing element", valid + QStringLiteral("<INSTANCE CLASSNAME=\"Y\"/>"), "line");
    row("trailing text", valid + QStringLiteral("garbage"), "line");
    row("text in INSTANCE", instanceXml(QStringLiteral("stray")), "unexpected text");
    row("unknown element", instanceXml(QStringLiteral("<METHOD NAME=\"m\"/>")),
        "unexpected element <METHOD>");
    row("bad TYPE",
        instanceXml(
            propertyXml(QStringLiteral("a"), QStringLiteral("uint128"), QStringLiteral("1"))),
        "unknown TYPE 'uint128'");
    row("ref TYPE on PROPERTY",
        instanceXml(propertyXml(QStringLiteral("a"), QStringLiteral("ref"), QStringLiteral("X"))),
        "unknown TYPE");
    row("missing TYPE",
        instanceXml(QStringLiteral("<PROPERTY NAME=\"a\"><VALUE>1</VALUE></PROPERTY>")),
        "without TYPE");
    row("missing NAME",
        instanceXml(QStringLiteral("<PROPERTY TYPE=\"uint8\"><VALUE>1</VALUE></PROPERTY>")),
        "without NAME");
    row("uint8 256",
        instanceXml(
            propertyXml(QStringLiteral("a"), QStringLiteral("uint8"), QStringLiteral("256"))),
        "'256' is not a valid uint8");
    row("uint16 -1",
        instanceXml(
            propertyXml(QStringLiteral("a"), QStringLiteral("uint16"), QStringLiteral("-1"))),
        "is not a valid uint16");
    row("sint64 overflow",
        instanceXml(propertyXml(QStringLiteral("a"), QStringLiteral("sint64"),
                                QStringLiteral("9223372036854775808"))),
        "is not a valid sint64");
    row("boolean yes",
        instanceXml(
            propertyXml(QStringLiteral("a"), QStringLiteral("boolean"), QStringLiteral("yes"))),
        "is not a valid boolean");
    row("bad datetime",
        instanceXml(propertyXml(QStringLiteral("a"), QStringLiteral("datetime"),
                                QStringLiteral("yesterday"))),
        "is not a valid datetime");
    row("bad array element",
        instanceXml(QStringLiteral("<PROPERTY.ARRAY NAME=\"a\" TYPE=\"uint8\"><VALUE.ARRAY>"
                                   "<VALUE>1</VALUE><VALUE>x</VALUE></VALUE.ARRAY>"
                                   "</PROPERTY.ARRAY>")),
        "is not a valid uint8");
    row("duplicate property",
        instanceXml(propertyXml(QStringLiteral("a"), QStringLiteral("uint8"), QStringLiteral("1")) +
                    propertyXml(QStringLiteral("a"), QStringLiteral("uint8"), QStringLiteral("2"))),
        "duplicate property 'a'");
    row("duplicate property, other case",
        instanceXml(
            propertyXml(QStringLiteral("Name"), QStringLiteral("string"), QStringLiteral("1")) +
            QStringLiteral("<PROPERTY.ARRAY NAME=\"NAME\" TYPE=\"string\"/>")),
        "duplicate property 'NAME'");
    row("two VALUEs",
        instanceXml(QStringLiteral("<PROPERTY NAME=\"a\" TYPE=\"uint8\"><VALUE>1</VALUE>"
                                   "<VALUE>2</VALUE></PROPERTY>")),
        "more than one <VALUE>");
    row("element inside VALUE",
        instanceXml(propertyXml(QStringLiteral("a"), QStringLiteral("string"),
                                QStringLiteral("<b>bold</b>"))),
        "unexpected element <b>");
    row("content in VALUE.NULL",
        instanceXml(QStringLiteral("<PROPERTY.ARRAY NAME=\"a\" TYPE=\"uint8\"><VALUE.ARRAY>"
                                   "<VALUE.NULL><VALUE>1</VALUE></VALUE.NULL></VALUE.ARRAY>"
                                   "</PROPERTY.ARRAY>")),
        "unexpected element <VALUE>");
    row("embedded not xml",
        instanceXml(QStringLiteral("<PROPERTY NAME=\"e\" TYPE=\"string\" "
                                   "EmbeddedObject=\"instance\"><VALUE>not xml</VALUE>"
                                   "</PROPERTY>")),
        "embedded instance in property 'e'");
    row("embedded with DTD",
        instanceXml(QStringLiteral("<PROPERTY NAME=\"e\" TYPE=\"string\" "
                                   "EmbeddedObject=\"instance\"><VALUE>&lt;!DOCTYPE x [&lt;!ENTITY "
                                   "a \"b\"&gt;]&gt;&lt;INSTANCE CLASSNAME=\"Y\"/&gt;</VALUE>"
                                   "</PROPERTY>")),
        "DTD");
    row("embedded on a uint8",
        instanceXml(
            QStringLiteral("<PROPERTY NAME=\"e\" TYPE=\"uint8\" EmbeddedObject=\"instance\">"
                           "</PROPERTY>")),
        "is not a string");
    row("unknown EmbeddedObject",
        instanceXml(QStringLiteral("<PROPERTY NAME=\"e\" TYPE=\"string\" EmbeddedObject=\"class\">"
                                   "</PROPERTY>")),
        "unknown EmbeddedObject");
    row("class reference",
        instanceXml(QStringLiteral("<PROPERTY.REFERENCE NAME=\"r\"><VALUE.REFERENCE>"
                                   "<CLASSNAME NAME=\"CIM_X\"/></VALUE.REFERENCE>"
                                   "</PROPERTY.REFERENCE>")),
        "class references");
    row("empty VALUE.REFERENCE",
        instanceXml(QStringLiteral("<PROPERTY.REFERENCE NAME=\"r\"><VALUE.REFERENCE/>"
                                   "</PROPERTY.REFERENCE>")),
        "empty <VALUE.REFERENCE>");
    row("duplicate key",
        instanceXml(QStringLiteral("<PROPERTY.REFERENCE NAME=\"r\"><VALUE.REFERENCE>"
                                   "<INSTANCENAME CLASSNAME=\"Y\">"
                                   "<KEYBINDING NAME=\"k\"><KEYVALUE>1</KEYVALUE></KEYBINDING>"
                                   "<KEYBINDING NAME=\"K\"><KEYVALUE>2</KEYVALUE></KEYBINDING>"
                                   "</INSTANCENAME></VALUE.REFERENCE></PROPERTY.REFERENCE>")),
        "duplicate key 'K'");
    row("bad VALUETYPE",
        instanceXml(QStringLiteral("<PROPERTY.REFERENCE NAME=\"r\"><VALUE.REFERENCE>"
                                   "<INSTANCENAME CLASSNAME=\"Y\"><KEYBINDING NAME=\"k\">"
                                   "<KEYVALUE VALUETYPE=\"blob\">1</KEYVALUE></KEYBINDING>"
                                   "</INSTANCENAME></VALUE.REFERENCE></PROPERTY.REFERENCE>")),
        "unknown VALUETYPE");
    row("key out of range",
        instanceXml(QStringLiteral("<PROPERTY.REFERENCE NAME=\"r\"><VALUE.REFERENCE>"
                                   "<INSTANCENAME CLASSNAME=\"Y\"><KEYBINDING NAME=\"k\">"
                                   "<KEYVALUE VALUETYPE=\"numeric\" TYPE=\"uint8\">300</KEYVALUE>"
                                   "</KEYBINDING></INSTANCENAME></VALUE.REFERENCE>"
                                   "</PROPERTY.REFERENCE>")),
        "is not a valid uint8 value for key 'k'");
    row("TYPE against VALUETYPE",
        instanceXml(QStringLiteral("<PROPERTY.REFERENCE NAME=\"r\"><VALUE.REFERENCE>"
                                   "<INSTANCENAME CLASSNAME=\"Y\"><KEYBINDING NAME=\"k\">"
                                   "<KEYVALUE VALUETYPE=\"boolean\" TYPE=\"uint8\">1</KEYVALUE>"
                                   "</KEYBINDING></INSTANCENAME></VALUE.REFERENCE>"
                                   "</PROPERTY.REFERENCE>")),
        "does not match");
    row("undeclared namespace prefix", QStringLiteral("<x:INSTANCE CLASSNAME=\"X\"/>"), "line");
}

void TestCimXml::hostile()
{
    QFETCH(QString, xml);
    QFETCH(QString, expected);
    QElapsedTimer timer;
    timer.start();
    const Result<Instance> r = cimxml::parseInstance(xml);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, quint32(ReturnCode::InvalidParameter));
    QVERIFY2(r.error().message.contains(expected), qPrintable(r.error().message));
    QVERIFY2(r.error().message.contains(QStringLiteral("line ")), qPrintable(r.error().message));
    QVERIFY2(timer.elapsed() < 1000, qPrintable(QString::number(timer.elapsed())));
}

void TestCimXml::limits()
{
    QElapsedTimer timer;
    timer.start();
    // 10 MB is refused before it is looked at.
    const QString huge(10 * 1024 * 1024, u'a');
    Result<Instance> r = cimxml::parseInstance(huge);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, quint32(ReturnCode::InvalidParameter));
    QVERIFY2(r.error().message.contains(QStringLiteral("exceeds")), qPrintable(r.error().message));
    const QString hugeButValid = QStringLiteral("<INSTANCE CLASSNAME=\"X\">") +
                                 propertyXml(QStringLiteral("a"), QStringLiteral("string"),
                                             QString(10 * 1024 * 1024, u'a')) +
                                 QStringLiteral("</INSTANCE>");
    QVERIFY(!cimxml::parseInstance(hugeButValid).ok());
    QVERIFY2(timer.elapsed() < 1000, qPrintable(QString::number(timer.elapsed())));

    cimxml::Limits small;
    small.maxProperties = 10;
    small.maxArrayElements = 10;
    small.maxDepth = 2;
    small.maxChars = 4096;

    QString props;
    for (int i = 0; i < 10; ++i)
        props +=
            propertyXml(QStringLiteral("p%1").arg(i), QStringLiteral("uint8"), QStringLiteral("1"));
    QVERIFY(cimxml::parseInstance(instanceXml(props), small).ok());
    props += propertyXml(QStringLiteral("p10"), QStringLiteral("uint8"), QStringLiteral("1"));
    r = cimxml::parseInstance(instanceXml(props), small);
    QVERIFY(!r.ok());
    QVERIFY2(r.error().message.contains(QStringLiteral("more than 10 properties")),
             qPrintable(r.error().message));

    QString values = QStringLiteral("<VALUE>1</VALUE>").repeated(10);
    const QString array = QStringLiteral("<PROPERTY.ARRAY NAME=\"a\" TYPE=\"uint8\"><VALUE.ARRAY>%1"
                                         "</VALUE.ARRAY></PROPERTY.ARRAY>");
    QVERIFY(cimxml::parseInstance(instanceXml(array.arg(values)), small).ok());
    values += QStringLiteral("<VALUE.NULL/>");
    r = cimxml::parseInstance(instanceXml(array.arg(values)), small);
    QVERIFY(!r.ok());
    QVERIFY2(r.error().message.contains(QStringLiteral("more than 10 elements")),
             qPrintable(r.error().message));

    // Embedded instances: two levels are allowed, a third is not.
    Instance level3(QStringLiteral("L3"));
    Instance level2(QStringLiteral("L2"));
    Instance level1(QStringLiteral("L1"));
    level1.setProperty(QStringLiteral("e"), Value::instance(level2));
    QVERIFY(cimxml::parseInstance(cimxml::writeInstance(level1), small).ok());
    level2.setProperty(QStringLiteral("e"), Value::instance(level3));
    level1.setProperty(QStringLiteral("e"), Value::instance(level2));
    r = cimxml::parseInstance(cimxml::writeInstance(level1), small);
    QVERIFY(!r.ok());
    QVERIFY2(r.error().message.contains(QStringLiteral("nested deeper than 2")),
             qPrintable(r.error().message));
    QVERIFY(cimxml::parseInstance(cimxml::writeInstance(level1)).ok()); // default: 16

    r = cimxml::parseInstance(QString(4097, u' '), small);
    QVERIFY(!r.ok());
    QVERIFY(r.error().message.contains(QStringLiteral("exceeds")));
}

void TestCimXml::errorLocation()
{
    const QString xml =
        QStringLiteral("<INSTANCE CLASSNAME=\"X\">\n"
                       "  <PROPERTY NAME=\"a\" TYPE=\"uint8\"><VALUE>1</VALUE></PROPERTY>\n"
                       "  <PROPERTY NAME=\"b\" TYPE=\"uint8\"><VALUE>999</VALUE></PROPERTY>\n"
                       "</INSTANCE>");
    const Result<Instance> r = cimxml::parseInstance(xml);
    QVERIFY(!r.ok());
    QVERIFY2(r.error().message.startsWith(QStringLiteral("line 3, column ")),
             qPrintable(r.error().message));
    QVERIFY2(r.error().message.contains(QStringLiteral("property 'b'")),
             qPrintable(r.error().message));
}

void TestCimXml::largeValidInputIsLinear()
{
    // The biggest array the default limits allow parses in well under a second per megabyte.
    Instance inst(QStringLiteral("Big"));
    QList<Value> elements;
    for (int i = 0; i < 40000; ++i)
        elements.append(Value::uint32(quint32(i)));
    inst.setProperty(QStringLiteral("A"), Value::array(CimType::UInt32, elements));
    for (int i = 0; i < 1000; ++i)
        inst.setProperty(QStringLiteral("P%1").arg(i), Value::uint16(quint16(i)));
    const QString xml = cimxml::writeInstance(inst);
    QVERIFY(xml.size() < cimxml::Limits{}.maxChars);
    QElapsedTimer timer;
    timer.start();
    const Result<Instance> r = cimxml::parseInstance(xml);
    QVERIFY2(r.ok(), qPrintable(r.error().message));
    QCOMPARE(*r, inst);
    QVERIFY2(timer.elapsed() < 3000, qPrintable(QString::number(timer.elapsed())));
}

QTEST_GUILESS_MAIN(TestCimXml)
#include "tst_cimxml.moc"
