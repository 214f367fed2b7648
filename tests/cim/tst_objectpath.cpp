// ObjectPath: the canonical text form, escapes, nested references, equality and hashing.

#include "cim/objectpath.h"

#include <QElapsedTimer>
#include <QSet>
#include <QTest>

using namespace rd::cim;

namespace rd::cim {
char *toString(const ObjectPath &p)
{
    return QTest::toString(p.toString());
}
} // namespace rd::cim

namespace {

const QString kNs = QStringLiteral("root/cimv2/storage/iscsitarget");

ObjectPath volume(const QString &id, const QString &host = QStringLiteral("host"))
{
    return ObjectPath(kNs, QStringLiteral("MSISCSITARGET_StorageVolume"),
                      {{QStringLiteral("SystemName"), Value::string(host)},
                       {QStringLiteral("DeviceID"), Value::string(id)}});
}

} // namespace

class TestObjectPath : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void canonicalForm();
    void keysSortedCaseInsensitively();
    void keyValueForms();
    void escapes();
    void nestedReferences();
    void textRoundTrip_data();
    void textRoundTrip();
    void valueRoundTrip();
    void nameSpaceNormalised();
    void caseInsensitiveEquality();
    void keyAccess();
    void garbage_data();
    void garbage();
    void manyKeys();
};

void TestObjectPath::canonicalForm()
{
    QCOMPARE(volume(QStringLiteral("vol-1")).toString(),
             QStringLiteral("root/cimv2/storage/iscsitarget:MSISCSITARGET_StorageVolume."
                            "DeviceID=\"vol-1\",SystemName=\"host\""));
    QCOMPARE(ObjectPath(QString(), QStringLiteral("CIM_X")).toString(), QStringLiteral("CIM_X"));
    QCOMPARE(ObjectPath(kNs, QStringLiteral("CIM_X")).toString(), kNs + QStringLiteral(":CIM_X"));
    QVERIFY(ObjectPath().isEmpty());
    QVERIFY(!volume(QStringLiteral("v")).isEmpty());
}

void TestObjectPath::keysSortedCaseInsensitively()
{
    const ObjectPath p(QString(), QStringLiteral("X"),
                       {{QStringLiteral("b"), Value::uint8(2)},
                        {QStringLiteral("C"), Value::uint8(3)},
                        {QStringLiteral("A"), Value::uint8(1)}});
    QCOMPARE(p.toString(), QStringLiteral("X.A=1,b=2,C=3"));
    QCOMPARE(p.keys().at(0).first, QStringLiteral("A"));

    ObjectPath q(QString(), QStringLiteral("X"));
    q.setKey(QStringLiteral("zeta"), Value::uint8(1));
    q.setKey(QStringLiteral("Alpha"), Value::uint8(2));
    q.setKey(QStringLiteral("mid"), Value::uint8(3));
    QCOMPARE(q.toString(), QStringLiteral("X.Alpha=2,mid=3,zeta=1"));
}

void TestObjectPath::keyValueForms()
{
    const DateTime when = *DateTime::fromCimString(u"20261123101500.000000+060");
    const ObjectPath p(QString(), QStringLiteral("X"),
                       {{QStringLiteral("a"), Value::uint16(5)},
                        {QStringLiteral("b"), Value::sint32(-3)},
                        {QStringLiteral("c"), Value::boolean(true)},
                        {QStringLiteral("d"), Value::boolean(false)},
                        {QStringLiteral("e"), Value::string(QStringLiteral("s"))},
                        {QStringLiteral("f"), Value::char16(u'q')},
                        {QStringLiteral("g"), Value::dateTime(when)}});
    QCOMPARE(p.toString(), QStringLiteral("X.a=5,b=-3,c=TRUE,d=FALSE,e=\"s\",f=\"q\","
                                          "g=\"20261123101500.000000+060\""));
    QCOMPARE(ObjectPath::keyValueText(Value::uint64(18446744073709551615ULL)),
             QStringLiteral("18446744073709551615"));
    QCOMPARE(ObjectPath::keyValueText(Value::string(QString())), QStringLiteral("\"\""));
}

void TestObjectPath::escapes()
{
    const ObjectPath p(
        QString(), QStringLiteral("X"),
        {{QStringLiteral("k"), Value::string(QStringLiteral("say \"hi\" \\ there, a=b.c:d"))}});
    const QString text = p.toString();
    QCOMPARE(text, QStringLiteral("X.k=\"say \\\"hi\\\" \\\\ there, a=b.c:d\""));
    const auto back = ObjectPath::fromString(text);
    QVERIFY(back.has_value());
    QCOMPARE(back->key(u"k"), Value::string(QStringLiteral("say \"hi\" \\ there, a=b.c:d")));
    QCOMPARE(*back, p);
}

void TestObjectPath::nestedReferences()
{
    const ObjectPath source = volume(QStringLiteral("vol-1"));
    const ObjectPath target = volume(QStringLiteral("vol \"2\""));
    const ObjectPath sync(kNs, QStringLiteral("CIM_StorageSynchronized"),
                          {{QStringLiteral("SystemElement"), Value::reference(source)},
                           {QStringLiteral("SyncedElement"), Value::reference(target)}});
    const QString text = sync.toString();
    QCOMPARE(text, kNs + QStringLiteral(":CIM_StorageSynchronized.SyncedElement=\"") + kNs +
                       QStringLiteral(
                           ":MSISCSITARGET_StorageVolume.DeviceID=\\\"vol \\\\\\\"2\\\\\\\"\\\","
                           "SystemName=\\\"host\\\"\",SystemElement=\"") +
                       kNs +
                       QStringLiteral(":MSISCSITARGET_StorageVolume.DeviceID=\\\"vol-1\\\","
                                      "SystemName=\\\"host\\\"\""));
    const auto back = ObjectPath::fromString(text);
    QVERIFY(back.has_value());
    QCOMPARE(back->key(u"SystemElement").type(), CimType::Reference);
    QCOMPARE(back->key(u"SystemElement").toReference(), source);
    QCOMPARE(back->key(u"SyncedElement").toReference(), target);
    QCOMPARE(*back, sync);
    QCOMPARE(back->toString(), text);

    // Three levels.
    const ObjectPath job(kNs, QStringLiteral("CIM_AffectedJobElement"),
                         {{QStringLiteral("AffectedElement"), Value::reference(sync)}});
    const auto jobBack = ObjectPath::fromString(job.toString());
    QVERIFY(jobBack.has_value());
    QCOMPARE(*jobBack, job);
    QCOMPARE(jobBack->key(u"AffectedElement").toReference().key(u"SyncedElement").toReference(),
             target);
}

void TestObjectPath::textRoundTrip_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("keyless") << QStringLiteral("CIM_ReplicationService");
    QTest::newRow("namespace, keyless") << QStringLiteral("root/cimv2:CIM_ReplicationService");
    QTest::newRow("one string key") << QStringLiteral("root/cimv2:X.Name=\"a\"");
    QTest::newRow("empty string key") << QStringLiteral("X.Name=\"\"");
    QTest::newRow("numbers") << QStringLiteral(
        "X.a=0,b=-9223372036854775808,c=18446744073709551615");
    QTest::newRow("booleans") << QStringLiteral("X.a=TRUE,b=FALSE");
    QTest::newRow("real") << QStringLiteral("X.a=1.5");
    QTest::newRow("datetime") << QStringLiteral("X.When=\"00000000000500.000000:000\"");
    QTest::newRow("escapes") << QStringLiteral("X.a=\"\\\\\\\"\"");
    QTest::newRow("string that looks like a class") << QStringLiteral("X.a=\"host\"");
    QTest::newRow("nested") << QStringLiteral("ns:X.r=\"ns:Y.k=\\\"v\\\"\"");
    QTest::newRow("unicode") << QString::fromUtf8("X.Name=\"Gr\xc3\xbc\xc3\x9f"
                                                  "e\"");
    QTest::newRow("underscore names") << QStringLiteral("__ns:__X._k=1");
}

void TestObjectPath::textRoundTrip()
{
    QFETCH(QString, text);
    const auto p = ObjectPath::fromString(text);
    QVERIFY2(p.has_value(), qPrintable(text));
    QCOMPARE(p->toString(), text);
    const auto again = ObjectPath::fromString(p->toString());
    QVERIFY(again.has_value());
    QCOMPARE(*again, *p);
    QCOMPARE(qHash(*again), qHash(*p));
}

void TestObjectPath::valueRoundTrip()
{
    // Text carries no integer width: key values compare by their canonical text.
    const ObjectPath p(kNs, QStringLiteral("CIM_Job"),
                       {{QStringLiteral("Id"), Value::uint16(7)},
                        {QStringLiteral("Owner"), Value::reference(volume(QStringLiteral("v")))},
                        {QStringLiteral("When"), Value::dateTime(DateTime::interval(5))}});
    const auto back = ObjectPath::fromString(p.toString());
    QVERIFY(back.has_value());
    QCOMPARE(*back, p);
    QCOMPARE(qHash(*back), qHash(p));
    QCOMPARE(back->key(u"Id"), Value::uint64(7));
    QCOMPARE(back->key(u"When"), Value::dateTime(DateTime::interval(5)));

    // But a number is not the string of its digits, and TRUE is not "TRUE".
    const ObjectPath n(QString(), QStringLiteral("X"), {{QStringLiteral("k"), Value::uint8(1)}});
    const ObjectPath s(QString(), QStringLiteral("X"),
                       {{QStringLiteral("k"), Value::string(QStringLiteral("1"))}});
    QVERIFY(!(n == s));
    const ObjectPath b(QString(), QStringLiteral("X"),
                       {{QStringLiteral("k"), Value::boolean(true)}});
    const ObjectPath bs(QString(), QStringLiteral("X"),
                        {{QStringLiteral("k"), Value::string(QStringLiteral("TRUE"))}});
    QVERIFY(!(b == bs));
}

void TestObjectPath::nameSpaceNormalised()
{
    const ObjectPath p(QStringLiteral("root\\cimv2\\storage"), QStringLiteral("X"));
    QCOMPARE(p.nameSpace(), QStringLiteral("root/cimv2/storage"));
    ObjectPath q;
    q.setNameSpace(QStringLiteral("root\\wmi"));
    QCOMPARE(q.nameSpace(), QStringLiteral("root/wmi"));

    const auto parsed = ObjectPath::fromString(u"root\\cimv2:X.a=1");
    QVERIFY(parsed.has_value());
    QCOMPARE(parsed->nameSpace(), QStringLiteral("root/cimv2"));
    QCOMPARE(parsed->toString(), QStringLiteral("root/cimv2:X.a=1"));
    QCOMPARE(*parsed, *ObjectPath::fromString(u"root/cimv2:X.a=1"));
}

void TestObjectPath::caseInsensitiveEquality()
{
    const auto a = ObjectPath::fromString(u"ROOT/CIMV2:cim_x.NAME=\"a\",Id=5");
    const auto b = ObjectPath::fromString(u"root/cimv2:CIM_X.id=5,name=\"a\"");
    QVERIFY(a && b);
    QCOMPARE(*a, *b);
    QCOMPARE(qHash(*a), qHash(*b));

    const auto valueCase = ObjectPath::fromString(u"root/cimv2:CIM_X.id=5,name=\"A\"");
    QVERIFY(valueCase.has_value());
    QVERIFY(!(*a == *valueCase)); // values compare exactly

    QVERIFY(!(*a == *ObjectPath::fromString(u"root/other:CIM_X.id=5,name=\"a\"")));
    QVERIFY(!(*a == *ObjectPath::fromString(u"root/cimv2:CIM_Y.id=5,name=\"a\"")));
    QVERIFY(!(*a == *ObjectPath::fromString(u"root/cimv2:CIM_X.id=5")));
    QVERIFY(!(*a == *ObjectPath::fromString(u"root/cimv2:CIM_X.id=5,nom=\"a\"")));

    // Nested references compare as paths too.
    const auto r1 = ObjectPath::fromString(u"n:S.e=\"ROOT:V.ID=1\"");
    const auto r2 = ObjectPath::fromString(u"n:S.e=\"root:v.id=1\"");
    QVERIFY(r1 && r2);
    QCOMPARE(r1->key(u"e").type(), CimType::Reference);
    QCOMPARE(*r1, *r2);
    QCOMPARE(qHash(*r1), qHash(*r2));

    QSet<ObjectPath> set{*a, *b, *valueCase, volume(QStringLiteral("v")),
                         volume(QStringLiteral("v"))};
    QCOMPARE(set.size(), 3);
}

void TestObjectPath::keyAccess()
{
    ObjectPath p = volume(QStringLiteral("vol-1"));
    QCOMPARE(p.key(u"deviceid"), Value::string(QStringLiteral("vol-1")));
    QCOMPARE(p.key(u"SYSTEMNAME"), Value::string(QStringLiteral("host")));
    QVERIFY(!p.key(u"Missing").isTyped());
    p.setKey(QStringLiteral("DEVICEID"), Value::string(QStringLiteral("vol-2")));
    QCOMPARE(p.keys().size(), 2);
    QCOMPARE(p.key(u"DeviceID"), Value::string(QStringLiteral("vol-2")));
    QCOMPARE(p.keys().at(0).first, QStringLiteral("DEVICEID"));

    // Duplicate names given to the constructor: the last one wins.
    const ObjectPath d(
        QString(), QStringLiteral("X"),
        {{QStringLiteral("k"), Value::uint8(1)}, {QStringLiteral("K"), Value::uint8(2)}});
    QCOMPARE(d.keys().size(), 1);
    QCOMPARE(d.key(u"k"), Value::uint8(2));
}

void TestObjectPath::garbage_data()
{
    QTest::addColumn<QString>("text");
    auto row = [](const char *text) { QTest::newRow(text) << QString::fromUtf8(text); };
    row("");
    row(":");
    row("root:");
    row(":X");
    row("X.");
    row("X.a");
    row("X.a=");
    row("X.=1");
    row("X.a=\"unterminated");
    row("X.a=\"bad\\escape\"");
    row("X.a=\"trailing backslash\\");
    row("X.a=1,");
    row("X.a=1,,b=2");
    row("X.a=1,a=2");
    row("X.A=1,a=2");
    row("X.a=1 ");
    row(" X.a=1");
    row("X .a=1");
    row("X.a = 1");
    row("X.a=abc");
    row("X.a=true1");
    row("X.a=1.b=2");
    row("X..a=1");
    row("X.a==1");
    row("ns:X:Y");
    row("ns:X.a=1:2");
    row("root cimv2:X");
    row("1X.a=1");
    row("X-Y.a=1");
    row("X.1a=1");
    row("X.a=\"x\"junk");
    row("X.a=+1");
    row("X.a=--1");
    row("X.a=1e");
    row("X.a=\"x\",");
    row("X#");
    row("\"X\"");
}

void TestObjectPath::garbage()
{
    QFETCH(QString, text);
    QVERIFY(!ObjectPath::fromString(text).has_value());
}

void TestObjectPath::manyKeys()
{
    // Sorting happens once per parse, not once per key.
    QString text = QStringLiteral("X.");
    constexpr int n = 50000;
    for (int i = n; i > 0; --i)
        text += QStringLiteral("k%1=%2,").arg(i).arg(i);
    text.chop(1);
    QElapsedTimer timer;
    timer.start();
    const auto p = ObjectPath::fromString(text);
    QVERIFY(p.has_value());
    QCOMPARE(p->keys().size(), n);
    QCOMPARE(p->keys().first().first, QStringLiteral("k1"));
    QCOMPARE(p->key(u"k777"), Value::uint64(777));
    QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
}

QTEST_GUILESS_MAIN(TestObjectPath)
#include "tst_objectpath.moc"
