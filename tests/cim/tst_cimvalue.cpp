// Typed CIM values: text round trips of every type, range checks, NULLs, arrays, equality.

#include "cim/instance.h"
#include "cim/objectpath.h"
#include "cim/value.h"

#include <QRegularExpression>
#include <QSet>
#include <QTest>

#include <cmath>
#include <limits>

using namespace rd::cim;

Q_DECLARE_METATYPE(rd::cim::CimType)

namespace rd::cim {
// QCOMPARE prints values through this.
char *toString(const Value &value)
{
    return QTest::toString(
        value.toDisplayString() + QStringLiteral(" (") +
        (value.isTyped() ? cimTypeName(value.type()) : QStringLiteral("untyped")) + u')');
}
} // namespace rd::cim

class TestCimValue : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void typeNames();
    void textRoundTrip_data();
    void textRoundTrip();
    void rejectedText_data();
    void rejectedText();
    void integerFactories();
    void accessors();
    void realSpecials();
    void nulls();
    void arrays();
    void equality();
    void referenceAndInstance();
    void displayString();
};

void TestCimValue::typeNames()
{
    const CimType all[] = {
        CimType::Boolean, CimType::UInt8,    CimType::SInt8,     CimType::UInt16,
        CimType::SInt16,  CimType::UInt32,   CimType::SInt32,    CimType::UInt64,
        CimType::SInt64,  CimType::Real32,   CimType::Real64,    CimType::Char16,
        CimType::String,  CimType::DateTime, CimType::Reference, CimType::Instance};
    QSet<QString> names;
    for (const CimType t : all) {
        const QString name = cimTypeName(t);
        QVERIFY(!name.isEmpty());
        names.insert(name);
        QCOMPARE(cimTypeFromName(name), std::optional<CimType>(t));
        QCOMPARE(cimTypeFromName(name.toUpper()), std::optional<CimType>(t));
    }
    QCOMPARE(names.size(), 16);
    QCOMPARE(cimTypeName(CimType::UInt16), QStringLiteral("uint16"));
    QCOMPARE(cimTypeName(CimType::DateTime), QStringLiteral("datetime"));
    QCOMPARE(cimTypeName(CimType::Reference), QStringLiteral("ref"));
    QCOMPARE(cimTypeFromName(u"reference"), std::optional<CimType>(CimType::Reference));
    QVERIFY(!(cimTypeFromName(u"uint128")).has_value());
    QVERIFY(!(cimTypeFromName(u"")).has_value());

    QVERIFY(isInteger(CimType::UInt8) && isInteger(CimType::SInt64));
    QVERIFY(!isInteger(CimType::Real32) && !isInteger(CimType::Boolean));
    QVERIFY(isSigned(CimType::SInt8) && isSigned(CimType::SInt64));
    QVERIFY(!isSigned(CimType::UInt64) && !isSigned(CimType::String));
}

void TestCimValue::textRoundTrip_data()
{
    QTest::addColumn<CimType>("type");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("canonical");

    auto row = [](const char *name, CimType t, const QString &text, const QString &canonical) {
        QTest::newRow(name) << t << text << canonical;
    };
    auto same = [&row](const char *name, CimType t, const QString &text) {
        row(name, t, text, text);
    };

    same("uint8 min", CimType::UInt8, QStringLiteral("0"));
    same("uint8 max", CimType::UInt8, QStringLiteral("255"));
    same("sint8 min", CimType::SInt8, QStringLiteral("-128"));
    same("sint8 max", CimType::SInt8, QStringLiteral("127"));
    same("uint16 max", CimType::UInt16, QStringLiteral("65535"));
    same("sint16 min", CimType::SInt16, QStringLiteral("-32768"));
    same("sint16 max", CimType::SInt16, QStringLiteral("32767"));
    same("uint32 max", CimType::UInt32, QStringLiteral("4294967295"));
    same("sint32 min", CimType::SInt32, QStringLiteral("-2147483648"));
    same("sint32 max", CimType::SInt32, QStringLiteral("2147483647"));
    same("uint64 max", CimType::UInt64, QStringLiteral("18446744073709551615"));
    same("sint64 min", CimType::SInt64, QStringLiteral("-9223372036854775808"));
    same("sint64 max", CimType::SInt64, QStringLiteral("9223372036854775807"));
    row("uint16 plus sign", CimType::UInt16, QStringLiteral("+42"), QStringLiteral("42"));
    row("uint16 leading zeros", CimType::UInt16, QStringLiteral("007"), QStringLiteral("7"));
    row("sint32 surrounding space", CimType::SInt32, QStringLiteral(" \t-5\n"),
        QStringLiteral("-5"));
    row("sint8 minus zero", CimType::SInt8, QStringLiteral("-0"), QStringLiteral("0"));

    same("boolean true", CimType::Boolean, QStringLiteral("true"));
    same("boolean false", CimType::Boolean, QStringLiteral("false"));
    row("boolean TRUE", CimType::Boolean, QStringLiteral("TRUE"), QStringLiteral("true"));
    row("boolean False", CimType::Boolean, QStringLiteral("False"), QStringLiteral("false"));

    same("real64 1.5", CimType::Real64, QStringLiteral("1.5"));
    same("real64 negative zero", CimType::Real64, QStringLiteral("-0"));
    same("real64 max", CimType::Real64, QStringLiteral("1.7976931348623157e+308"));
    same("real64 min subnormal", CimType::Real64, QStringLiteral("5e-324"));
    same("real64 NaN", CimType::Real64, QStringLiteral("NaN"));
    same("real64 INF", CimType::Real64, QStringLiteral("INF"));
    same("real64 -INF", CimType::Real64, QStringLiteral("-INF"));
    row("real64 +INF", CimType::Real64, QStringLiteral("+INF"), QStringLiteral("INF"));
    row("real64 exponent", CimType::Real64, QStringLiteral("2.5E3"), QStringLiteral("2500"));
    row("real64 leading dot", CimType::Real64, QStringLiteral(".25"), QStringLiteral("0.25"));
    row("real64 trailing dot", CimType::Real64, QStringLiteral("3."), QStringLiteral("3"));
    row("real64 underflow to zero", CimType::Real64, QStringLiteral("1e-400"), QStringLiteral("0"));
    same("real32 0.1", CimType::Real32, QStringLiteral("0.1"));
    same("real32 max", CimType::Real32, QStringLiteral("3.4028235e+38"));
    same("real32 NaN", CimType::Real32, QStringLiteral("NaN"));
    same("real32 -INF", CimType::Real32, QStringLiteral("-INF"));

    same("char16 letter", CimType::Char16, QStringLiteral("a"));
    same("char16 space", CimType::Char16, QStringLiteral(" "));
    same("char16 non-latin", CimType::Char16, QString(QChar(0x20AC)));

    same("string", CimType::String, QStringLiteral("hello, world"));
    same("string empty", CimType::String, QString());
    same("string keeps whitespace", CimType::String, QStringLiteral("  padded \n"));
    same("string markup", CimType::String, QStringLiteral("<a href=\"x\">&amp;</a>"));

    same("datetime timestamp", CimType::DateTime, QStringLiteral("20261123101500.500000+060"));
    same("datetime interval", CimType::DateTime, QStringLiteral("00000001020304.000005:000"));
}

void TestCimValue::textRoundTrip()
{
    QFETCH(CimType, type);
    QFETCH(QString, text);
    QFETCH(QString, canonical);

    const std::optional<Value> v = Value::fromText(type, text);
    QVERIFY2(v.has_value(), qPrintable(text));
    QCOMPARE(v->type(), type);
    QVERIFY(v->isTyped());
    QVERIFY(!v->isNull());
    QVERIFY(!v->isArray());
    QCOMPARE(v->toText(), canonical);

    const std::optional<Value> again = Value::fromText(type, v->toText());
    QVERIFY(again.has_value());
    QCOMPARE(*again, *v);
    QCOMPARE(qHash(*again), qHash(*v));
}

void TestCimValue::rejectedText_data()
{
    QTest::addColumn<CimType>("type");
    QTest::addColumn<QString>("text");

    auto row = [](const char *name, CimType t, const char *text) {
        QTest::newRow(name) << t << QString::fromUtf8(text);
    };
    row("uint8 max+1", CimType::UInt8, "256");
    row("uint8 -1", CimType::UInt8, "-1");
    row("uint16 70000", CimType::UInt16, "70000");
    row("uint16 max+1", CimType::UInt16, "65536");
    row("uint16 -1", CimType::UInt16, "-1");
    row("uint16 -0", CimType::UInt16, "-0");
    row("uint32 max+1", CimType::UInt32, "4294967296");
    row("uint64 max+1", CimType::UInt64, "18446744073709551616");
    row("uint64 huge", CimType::UInt64, "999999999999999999999999999999");
    row("uint64 -1", CimType::UInt64, "-1");
    row("sint8 max+1", CimType::SInt8, "128");
    row("sint8 min-1", CimType::SInt8, "-129");
    row("sint16 max+1", CimType::SInt16, "32768");
    row("sint16 min-1", CimType::SInt16, "-32769");
    row("sint32 max+1", CimType::SInt32, "2147483648");
    row("sint32 min-1", CimType::SInt32, "-2147483649");
    row("sint64 max+1", CimType::SInt64, "9223372036854775808");
    row("sint64 min-1", CimType::SInt64, "-9223372036854775809");
    row("int abc", CimType::UInt32, "abc");
    row("int empty", CimType::SInt32, "");
    row("int blank", CimType::SInt32, "   ");
    row("int sign only", CimType::SInt32, "-");
    row("int fraction", CimType::UInt32, "1.5");
    row("int exponent", CimType::UInt32, "1e3");
    row("int hex", CimType::UInt32, "0x10");
    row("int inner space", CimType::UInt32, "1 2");
    row("int double sign", CimType::SInt32, "--1");
    row("int fullwidth digit", CimType::UInt32, "\xef\xbc\x91");
    row("boolean yes", CimType::Boolean, "yes");
    row("boolean 1", CimType::Boolean, "1");
    row("boolean empty", CimType::Boolean, "");
    row("boolean truey", CimType::Boolean, "truey");
    row("real abc", CimType::Real64, "abc");
    row("real empty", CimType::Real64, "");
    row("real dot", CimType::Real64, ".");
    row("real lowercase inf", CimType::Real64, "inf");
    row("real Infinity", CimType::Real64, "Infinity");
    row("real nan lowercase", CimType::Real64, "nan");
    row("real comma", CimType::Real64, "1,5");
    row("real bare exponent", CimType::Real64, "e5");
    row("real empty exponent", CimType::Real64, "1e");
    row("real hex", CimType::Real64, "0x1p3");
    row("real64 overflow", CimType::Real64, "1e309");
    row("real32 overflow", CimType::Real32, "1e39");
    row("real32 max+", CimType::Real32, "3.5e38");
    row("char16 empty", CimType::Char16, "");
    row("char16 two", CimType::Char16, "ab");
    row("char16 surrogate pair", CimType::Char16, "\xf0\x9f\x98\x80");
    row("datetime garbage", CimType::DateTime, "garbage");
    row("datetime xsd form", CimType::DateTime, "2026-11-23T10:15:00Z");
    row("reference garbage", CimType::Reference, "not a path");
    row("instance garbage", CimType::Instance, "<CLASS NAME=\"x\"/>");
}

void TestCimValue::rejectedText()
{
    QFETCH(CimType, type);
    QFETCH(QString, text);
    QVERIFY(!(Value::fromText(type, text)).has_value());
}

void TestCimValue::integerFactories()
{
    QCOMPARE((Value::integer(CimType::UInt8, 255)).value_or(Value()), Value::uint8(255));
    QVERIFY(!(Value::integer(CimType::UInt8, 256)).has_value());
    QVERIFY(!(Value::integer(CimType::UInt8, -1)).has_value());
    QCOMPARE((Value::integer(CimType::SInt8, -128)).value_or(Value()), Value::sint8(-128));
    QVERIFY(!(Value::integer(CimType::SInt8, -129)).has_value());
    QCOMPARE(
        (Value::integer(CimType::SInt64, std::numeric_limits<qint64>::min())).value_or(Value()),
        Value::sint64(std::numeric_limits<qint64>::min()));
    QVERIFY(!(Value::integer(CimType::String, 1)).has_value());
    QVERIFY(!(Value::integer(CimType::Real64, 1)).has_value());
    QCOMPARE((Value::unsignedInteger(CimType::UInt64, std::numeric_limits<quint64>::max()))
                 .value_or(Value()),
             Value::uint64(std::numeric_limits<quint64>::max()));
    QVERIFY(!(Value::unsignedInteger(CimType::UInt32, 1ULL << 32)).has_value());
    QVERIFY(!(Value::unsignedInteger(CimType::SInt64, 1ULL << 63)).has_value());
    QCOMPARE((Value::unsignedInteger(CimType::SInt16, 32767)).value_or(Value()),
             Value::sint16(32767));
    QVERIFY(!(Value::unsignedInteger(CimType::Boolean, 1)).has_value());
}

void TestCimValue::accessors()
{
    QCOMPARE(Value::uint32(7).toUInt64(), 7u);
    QCOMPARE(Value::sint16(-7).toSInt64(), -7);
    QCOMPARE(Value::sint16(7).toUInt64(), 7u); // non-negative signed reads as unsigned
    QCOMPARE(Value::sint16(-7).toUInt64(), 0u);
    QCOMPARE(Value::uint64(std::numeric_limits<quint64>::max()).toSInt64(), 0);
    QCOMPARE(Value::uint8(3).toReal(), 3.0);
    QCOMPARE(Value::real32(0.5f).toReal(), 0.5);
    QCOMPARE(Value::char16(u'x').toChar16(), u'x');
    QCOMPARE(Value::char16(u'x').toString(), QStringLiteral("x"));
    QCOMPARE(Value::boolean(true).toBool(), true);

    // Wrong-type access gives a zero value, never a crash.
    const Value s = Value::string(QStringLiteral("5"));
    QCOMPARE(s.toUInt64(), 0u);
    QCOMPARE(s.toSInt64(), 0);
    QCOMPARE(s.toBool(), false);
    QCOMPARE(s.toReal(), 0.0);
    QCOMPARE(s.toChar16(), char16_t(0));
    QVERIFY(s.toReference().isEmpty());
    QVERIFY(s.toInstance().isEmpty());
    QVERIFY(s.elements().isEmpty());
    QCOMPARE(Value::uint8(1).toString(), QString());
    QVERIFY(Value::uint8(1).toDateTime().isInterval());
    QCOMPARE(Value().toUInt64(), 0u);
    QCOMPARE(Value().toString(), QString());
}

void TestCimValue::realSpecials()
{
    const double nan = std::numeric_limits<double>::quiet_NaN();
    QCOMPARE(Value::real64(nan), Value::real64(-nan)); // every NaN is the same value
    QCOMPARE(qHash(Value::real64(nan)), qHash(Value::real64(-nan)));
    QVERIFY(Value::real64(0.0) != Value::real64(-0.0));
    QVERIFY(Value::real64(1.0) != Value::real32(1.0f)); // the type is part of the value
    QCOMPARE(Value::real32(0.1f).toText(), QStringLiteral("0.1"));
    QCOMPARE(Value::fromText(CimType::Real32, u"0.1")->toReal(), double(0.1f));
    QVERIFY(std::isinf(Value::fromText(CimType::Real32, u"-INF")->toReal()));
    QVERIFY(std::signbit(Value::fromText(CimType::Real64, u"-1e-400")->toReal()));
}

void TestCimValue::nulls()
{
    const Value untyped;
    QVERIFY(untyped.isNull());
    QVERIFY(!untyped.isTyped());
    QVERIFY(!untyped.isArray());
    QCOMPARE(untyped.toText(), QString());
    QCOMPARE(untyped.toDisplayString(), QStringLiteral("NULL"));

    const Value typed = Value::null(CimType::UInt16);
    QVERIFY(typed.isNull());
    QVERIFY(typed.isTyped());
    QVERIFY(!typed.isArray());
    QCOMPARE(typed.type(), CimType::UInt16);
    QCOMPARE(typed.toUInt64(), 0u);
    QCOMPARE(typed.toText(), QString());

    const Value nullArray = Value::null(CimType::String, true);
    QVERIFY(nullArray.isNull());
    QVERIFY(nullArray.isArray());
    QCOMPARE(nullArray.type(), CimType::String);
    QVERIFY(nullArray.elements().isEmpty());

    QCOMPARE(Value(), Value());
    QCOMPARE(Value::null(CimType::UInt16), Value::null(CimType::UInt16));
    QVERIFY(Value() != Value::null(CimType::String));
    QVERIFY(Value::null(CimType::UInt16) != Value::null(CimType::UInt32));
    QVERIFY(Value::null(CimType::UInt16) != Value::null(CimType::UInt16, true));
    QVERIFY(Value::null(CimType::String) != Value::string(QString()));
    QVERIFY(Value::null(CimType::UInt8) != Value::uint8(0));
    QCOMPARE(qHash(Value::null(CimType::UInt16)), qHash(Value::null(CimType::UInt16)));
}

void TestCimValue::arrays()
{
    const Value empty = Value::array(CimType::UInt16, {});
    QVERIFY(empty.isArray());
    QVERIFY(!empty.isNull());
    QCOMPARE(empty.type(), CimType::UInt16);
    QVERIFY(empty.elements().isEmpty());
    QVERIFY(empty != Value::null(CimType::UInt16, true));
    QVERIFY(empty != Value::array(CimType::UInt32, {}));
    QCOMPARE(empty.toDisplayString(), QStringLiteral("{}"));

    const Value withNull = Value::array(
        CimType::UInt16, {Value::uint16(1), Value::null(CimType::UInt16), Value::uint16(3)});
    QCOMPARE(withNull.elements().size(), 3);
    QVERIFY(withNull.elements().at(1).isNull());
    QCOMPARE(withNull.elements().at(1).type(), CimType::UInt16);
    QCOMPARE(withNull.elements().at(2).toUInt64(), 3u);
    QCOMPARE(withNull.toDisplayString(), QStringLiteral("{1, NULL, 3}"));
    QCOMPARE(withNull.toText(), QString()); // arrays have no scalar text

    // An untyped NULL element takes the element type.
    const Value fromUntyped = Value::array(CimType::UInt16, {Value::uint16(1), Value()});
    QCOMPARE(fromUntyped.elements().at(1), Value::null(CimType::UInt16));

    // An element of another type would break the array's type: it becomes NULL.
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("wrong type|another")));
    const Value mixed = Value::array(CimType::UInt16, {Value::uint16(1), Value::uint32(2)});
    QCOMPARE(mixed.elements().at(1), Value::null(CimType::UInt16));

    QCOMPARE(withNull,
             Value::array(CimType::UInt16,
                          {Value::uint16(1), Value::null(CimType::UInt16), Value::uint16(3)}));
    QVERIFY(withNull !=
            Value::array(CimType::UInt16, {Value::uint16(1), Value::uint16(0), Value::uint16(3)}));
    QVERIFY(withNull != Value::array(CimType::UInt16, {Value::uint16(1), Value::uint16(3)}));
    QCOMPARE(qHash(withNull),
             qHash(Value::array(CimType::UInt16, {Value::uint16(1), Value::null(CimType::UInt16),
                                                  Value::uint16(3)})));

    const Value strings = Value::array(
        CimType::String, {Value::string(QStringLiteral("a")), Value::string(QStringLiteral("b"))});
    QCOMPARE(strings.toDisplayString(), QStringLiteral("{a, b}"));
}

void TestCimValue::equality()
{
    QCOMPARE(Value::uint16(5), Value::uint16(5));
    QVERIFY(Value::uint16(5) != Value::uint32(5));
    QVERIFY(Value::uint16(5) != Value::sint16(5));
    QVERIFY(Value::uint16(5) != Value::uint16(6));
    QVERIFY(Value::string(QStringLiteral("a")) != Value::string(QStringLiteral("A")));
    QVERIFY(Value::string(QStringLiteral("a")) != Value::char16(u'a'));
    QVERIFY(Value::boolean(true) != Value::boolean(false));

    const Value a = Value::string(QStringLiteral("same"));
    const Value b = Value::string(QStringLiteral("same"));
    QCOMPARE(a, b);
    QCOMPARE(qHash(a), qHash(b));
    QSet<Value> set{a, b, Value::uint16(5), Value::uint16(5), Value::uint32(5)};
    QCOMPARE(set.size(), 3);

    const DateTime ts = *DateTime::fromCimString(u"20261123101500.000000+000");
    QCOMPARE(Value::dateTime(ts), Value::dateTime(ts));
    QVERIFY(Value::dateTime(ts) != Value::dateTime(DateTime::interval(5)));
}

void TestCimValue::referenceAndInstance()
{
    const ObjectPath path(QStringLiteral("root/cimv2"), QStringLiteral("CIM_StorageVolume"),
                          {{QStringLiteral("DeviceID"), Value::string(QStringLiteral("vol-1"))}});
    const Value ref = Value::reference(path);
    QCOMPARE(ref.type(), CimType::Reference);
    QCOMPARE(ref.toReference(), path);
    QCOMPARE(ref.toText(), path.toString());
    QCOMPARE((Value::fromText(CimType::Reference, ref.toText())).value_or(Value()), ref);

    Instance inst(QStringLiteral("CIM_ReplicationSettingData"));
    inst.setProperty(QStringLiteral("ElementName"), Value::string(QStringLiteral("rsd")));
    inst.setProperty(QStringLiteral("Source"), ref);
    const Value embedded = Value::instance(inst);
    QCOMPARE(embedded.type(), CimType::Instance);
    QCOMPARE(embedded.toInstance(), inst);
    QVERIFY(embedded.toText().startsWith(QStringLiteral("<INSTANCE")));
    QCOMPARE((Value::fromText(CimType::Instance, embedded.toText())).value_or(Value()), embedded);

    Instance other = inst;
    other.setProperty(QStringLiteral("ElementName"), Value::string(QStringLiteral("other")));
    QVERIFY(Value::instance(other) != embedded);
}

void TestCimValue::displayString()
{
    QCOMPARE(Value::uint32(42).toDisplayString(), QStringLiteral("42"));
    QCOMPARE(Value::boolean(false).toDisplayString(), QStringLiteral("false"));
    QCOMPARE(Value::string(QStringLiteral("x")).toDisplayString(), QStringLiteral("x"));
    QCOMPARE(Value::dateTime(DateTime::interval(1500000)).toDisplayString(),
             QStringLiteral("PT1.5S"));
    Instance inst(QStringLiteral("X"));
    inst.setProperty(QStringLiteral("A"), Value::uint8(1));
    QCOMPARE(Value::instance(inst).toDisplayString(), QStringLiteral("X {A=1}"));
}

QTEST_GUILESS_MAIN(TestCimValue)
#include "tst_cimvalue.moc"
