// CIM datetime: timestamps and intervals in the CIM string form and the XML Schema forms.

#include "cim/datetime.h"

#include <QTest>
#include <QTimeZone>

using namespace rd::cim;

namespace rd::cim {
char *toString(const DateTime &d)
{
    return QTest::toString(d.toCimString());
}
} // namespace rd::cim

class TestDateTime : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void timestamps_data();
    void timestamps();
    void intervals_data();
    void intervals();
    void xsdDateTimeForms_data();
    void xsdDateTimeForms();
    void xsdDurationForms_data();
    void xsdDurationForms();
    void invalidCim_data();
    void invalidCim();
    void invalidXsdDateTime_data();
    void invalidXsdDateTime();
    void invalidXsdDuration_data();
    void invalidXsdDuration();
    void fromQDateTime();
    void equality();
};

void TestDateTime::timestamps_data()
{
    QTest::addColumn<QString>("cim");
    QTest::addColumn<QDateTime>("utc");
    QTest::addColumn<int>("offset");
    QTest::addColumn<QString>("xsd");

    auto utc = [](int y, int mo, int d, int h, int mi, int s, int ms) {
        return QDateTime(QDate(y, mo, d), QTime(h, mi, s, ms), Qt::UTC);
    };
    QTest::newRow("east of UTC") << QStringLiteral("20261123101500.500000+060")
                                 << utc(2026, 11, 23, 9, 15, 0, 500) << 60
                                 << QStringLiteral("2026-11-23T10:15:00.5+01:00");
    QTest::newRow("UTC") << QStringLiteral("20261123101500.000000+000")
                         << utc(2026, 11, 23, 10, 15, 0, 0) << 0
                         << QStringLiteral("2026-11-23T10:15:00Z");
    QTest::newRow("west of UTC, crosses the year")
        << QStringLiteral("19991231235959.999999-300") << utc(2000, 1, 1, 4, 59, 59, 999) << -300
        << QStringLiteral("1999-12-31T23:59:59.999999-05:00");
    QTest::newRow("half-hour offset")
        << QStringLiteral("20260101000000.000000+330") << utc(2025, 12, 31, 18, 30, 0, 0) << 330
        << QStringLiteral("2026-01-01T00:00:00+05:30");
    QTest::newRow("epoch") << QStringLiteral("19700101000000.000000+000")
                           << utc(1970, 1, 1, 0, 0, 0, 0) << 0
                           << QStringLiteral("1970-01-01T00:00:00Z");
    QTest::newRow("before the epoch")
        << QStringLiteral("19691231235959.000001+000") << utc(1969, 12, 31, 23, 59, 59, 0) << 0
        << QStringLiteral("1969-12-31T23:59:59.000001Z");
    QTest::newRow("leap day") << QStringLiteral("20240229120000.000000+000")
                              << utc(2024, 2, 29, 12, 0, 0, 0) << 0
                              << QStringLiteral("2024-02-29T12:00:00Z");
    QTest::newRow("year 1") << QStringLiteral("00010101000000.000000+000")
                            << utc(1, 1, 1, 0, 0, 0, 0) << 0
                            << QStringLiteral("0001-01-01T00:00:00Z");
    QTest::newRow("year 9999") << QStringLiteral("99991231235959.999999+000")
                               << utc(9999, 12, 31, 23, 59, 59, 999) << 0
                               << QStringLiteral("9999-12-31T23:59:59.999999Z");
}

void TestDateTime::timestamps()
{
    QFETCH(QString, cim);
    QFETCH(QDateTime, utc);
    QFETCH(int, offset);
    QFETCH(QString, xsd);

    const auto d = DateTime::fromCimString(cim);
    QVERIFY(d.has_value());
    QVERIFY(d->isTimestamp());
    QVERIFY(!d->isInterval());
    QCOMPARE(d->toDateTime(), utc);
    QCOMPARE(d->toDateTime().timeSpec(), Qt::UTC);
    QCOMPARE(d->utcOffsetMinutes(), offset);
    QCOMPARE(d->toCimString(), cim);
    QCOMPARE(d->toXsdString(), xsd);

    const auto fromXsd = DateTime::fromXsdDateTime(xsd);
    QVERIFY(fromXsd.has_value());
    QCOMPARE(*fromXsd, *d);
    QCOMPARE(fromXsd->toCimString(), cim);
    QCOMPARE(qHash(*fromXsd), qHash(*d));
    // A timestamp is not an interval, whatever the text looks like.
    QVERIFY(!DateTime::fromXsdDuration(xsd).has_value());
}

void TestDateTime::intervals_data()
{
    QTest::addColumn<QString>("cim");
    QTest::addColumn<quint64>("micros");
    QTest::addColumn<QString>("xsd");

    constexpr quint64 s = 1000000;
    QTest::newRow("zero") << QStringLiteral("00000000000000.000000:000") << quint64(0)
                          << QStringLiteral("PT0S");
    QTest::newRow("all fields") << QStringLiteral("00000001020304.500000:000")
                                << (86400 + 2 * 3600 + 3 * 60 + 4) * s + 500000
                                << QStringLiteral("P1DT2H3M4.5S");
    QTest::newRow("TimeBeforeRemoval default")
        << QStringLiteral("00000000000500.000000:000") << 300 * s << QStringLiteral("PT5M");
    QTest::newRow("days only") << QStringLiteral("00000002000000.000000:000") << 2 * 86400 * s
                               << QStringLiteral("P2D");
    QTest::newRow("one microsecond after an hour")
        << QStringLiteral("00000000010000.000001:000") << 3600 * s + 1
        << QStringLiteral("PT1H0.000001S");
    QTest::newRow("largest") << QStringLiteral("99999999235959.999999:000")
                             << DateTime::maxIntervalMicroseconds
                             << QStringLiteral("P99999999DT23H59M59.999999S");
}

void TestDateTime::intervals()
{
    QFETCH(QString, cim);
    QFETCH(quint64, micros);
    QFETCH(QString, xsd);

    const auto d = DateTime::fromCimString(cim);
    QVERIFY(d.has_value());
    QVERIFY(d->isInterval());
    QCOMPARE(d->intervalMicroseconds(), micros);
    QCOMPARE(d->toCimString(), cim);
    QCOMPARE(d->toXsdString(), xsd);
    QVERIFY(!d->toDateTime().isValid());
    QCOMPARE(*d, DateTime::interval(micros));

    const auto fromXsd = DateTime::fromXsdDuration(xsd);
    QVERIFY(fromXsd.has_value());
    QCOMPARE(*fromXsd, *d);
    QCOMPARE(fromXsd->toCimString(), cim);
    QVERIFY(!DateTime::fromXsdDateTime(xsd).has_value());
}

void TestDateTime::xsdDateTimeForms_data()
{
    QTest::addColumn<QString>("xsd");
    QTest::addColumn<QString>("cim");

    QTest::newRow("no zone is UTC")
        << QStringLiteral("2026-11-23T10:15:00") << QStringLiteral("20261123101500.000000+000");
    QTest::newRow("-00:00") << QStringLiteral("2026-11-23T10:15:00-00:00")
                            << QStringLiteral("20261123101500.000000+000");
    QTest::newRow("beyond microseconds truncated") << QStringLiteral("2026-11-23T10:15:00.1234567Z")
                                                   << QStringLiteral("20261123101500.123456+000");
    QTest::newRow("one fraction digit") << QStringLiteral("2026-11-23T10:15:00.5-08:00")
                                        << QStringLiteral("20261123101500.500000-480");
    QTest::newRow("largest offset") << QStringLiteral("2026-11-23T10:15:00+14:00")
                                    << QStringLiteral("20261123101500.000000+840");
}

void TestDateTime::xsdDateTimeForms()
{
    QFETCH(QString, xsd);
    QFETCH(QString, cim);
    const auto d = DateTime::fromXsdDateTime(xsd);
    QVERIFY(d.has_value());
    QCOMPARE(d->toCimString(), cim);
}

void TestDateTime::xsdDurationForms_data()
{
    QTest::addColumn<QString>("xsd");
    QTest::addColumn<quint64>("micros");

    constexpr quint64 s = 1000000;
    QTest::newRow("zero years and months") << QStringLiteral("P0Y0M1DT0H0M0S") << 86400 * s;
    QTest::newRow("hours over a day") << QStringLiteral("PT36H") << 36 * 3600 * s;
    QTest::newRow("half a second") << QStringLiteral("PT0.5S") << 500000 * quint64(1);
    QTest::newRow("minutes and seconds") << QStringLiteral("PT1M30S") << 90 * s;
    QTest::newRow("seconds over a minute") << QStringLiteral("PT90S") << 90 * s;
    QTest::newRow("fraction truncated") << QStringLiteral("PT0.0000019S") << quint64(1);
}

void TestDateTime::xsdDurationForms()
{
    QFETCH(QString, xsd);
    QFETCH(quint64, micros);
    const auto d = DateTime::fromXsdDuration(xsd);
    QVERIFY(d.has_value());
    QVERIFY(d->isInterval());
    QCOMPARE(d->intervalMicroseconds(), micros);
}

void TestDateTime::invalidCim_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("empty") << QString();
    QTest::newRow("short") << QStringLiteral("2026112310150.500000+060");
    QTest::newRow("long") << QStringLiteral("20261123101500.5000000+060");
    QTest::newRow("month 13") << QStringLiteral("20261323101500.000000+000");
    QTest::newRow("month 0") << QStringLiteral("20260023101500.000000+000");
    QTest::newRow("30 February") << QStringLiteral("20260230101500.000000+000");
    QTest::newRow("29 February 2025") << QStringLiteral("20250229101500.000000+000");
    QTest::newRow("hour 24") << QStringLiteral("20261123241500.000000+000");
    QTest::newRow("minute 60") << QStringLiteral("20261123106000.000000+000");
    QTest::newRow("second 60") << QStringLiteral("20261123101560.000000+000");
    QTest::newRow("year 0") << QStringLiteral("00000101000000.000000+000");
    QTest::newRow("comma") << QStringLiteral("20261123101500,000000+060");
    QTest::newRow("bad sign") << QStringLiteral("20261123101500.000000*060");
    QTest::newRow("letter in offset") << QStringLiteral("20261123101500.000000+06a");
    QTest::newRow("letter in date") << QStringLiteral("2026112a101500.000000+060");
    QTest::newRow("wildcards") << QStringLiteral("2026112310****.******+060");
    QTest::newRow("interval with offset") << QStringLiteral("00000001020304.500000:001");
    QTest::newRow("interval hour 24") << QStringLiteral("00000001240304.500000:000");
    QTest::newRow("interval minute 60") << QStringLiteral("00000001026004.500000:000");
    QTest::newRow("interval letter") << QStringLiteral("0000000102030a.500000:000");
    QTest::newRow("xsd form") << QStringLiteral("2026-11-23T10:15:00Z");
    QTest::newRow("spaces") << QStringLiteral(" 0261123101500.000000+060");
}

void TestDateTime::invalidCim()
{
    QFETCH(QString, text);
    QVERIFY(!DateTime::fromCimString(text).has_value());
}

void TestDateTime::invalidXsdDateTime_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("empty") << QString();
    QTest::newRow("month 13") << QStringLiteral("2026-13-01T00:00:00Z");
    QTest::newRow("30 February") << QStringLiteral("2026-02-30T00:00:00Z");
    QTest::newRow("space for T") << QStringLiteral("2026-11-23 10:15:00Z");
    QTest::newRow("hour 24") << QStringLiteral("2026-11-23T24:00:00Z");
    QTest::newRow("second 60") << QStringLiteral("2026-11-23T10:15:60Z");
    QTest::newRow("offset beyond 14h") << QStringLiteral("2026-11-23T10:15:00+15:00");
    QTest::newRow("offset minutes 60") << QStringLiteral("2026-11-23T10:15:00+01:60");
    QTest::newRow("offset without minutes") << QStringLiteral("2026-11-23T10:15:00+05");
    QTest::newRow("two-digit year") << QStringLiteral("26-11-23T10:15:00Z");
    QTest::newRow("negative year") << QStringLiteral("-2026-11-23T10:15:00Z");
    QTest::newRow("five-digit year") << QStringLiteral("12026-11-23T10:15:00Z");
    QTest::newRow("no seconds") << QStringLiteral("2026-11-23T10:15Z");
    QTest::newRow("empty fraction") << QStringLiteral("2026-11-23T10:15:00.Z");
    QTest::newRow("trailing junk") << QStringLiteral("2026-11-23T10:15:00Zjunk");
    QTest::newRow("date only") << QStringLiteral("2026-11-23");
    QTest::newRow("cim form") << QStringLiteral("20261123101500.000000+000");
}

void TestDateTime::invalidXsdDateTime()
{
    QFETCH(QString, text);
    QVERIFY(!DateTime::fromXsdDateTime(text).has_value());
}

void TestDateTime::invalidXsdDuration_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("empty") << QString();
    QTest::newRow("P alone") << QStringLiteral("P");
    QTest::newRow("PT alone") << QStringLiteral("PT");
    QTest::newRow("T without time") << QStringLiteral("P1DT");
    QTest::newRow("years") << QStringLiteral("P1Y");
    QTest::newRow("months") << QStringLiteral("P1M");
    QTest::newRow("negative") << QStringLiteral("-P1D");
    QTest::newRow("hours before T") << QStringLiteral("P1H");
    QTest::newRow("days after T") << QStringLiteral("PT1D");
    QTest::newRow("fractional days") << QStringLiteral("P1.5D");
    QTest::newRow("wrong order") << QStringLiteral("PT1S2M");
    QTest::newRow("repeated") << QStringLiteral("P1D1D");
    QTest::newRow("no P") << QStringLiteral("1D");
    QTest::newRow("number without unit") << QStringLiteral("PT5");
    QTest::newRow("empty fraction") << QStringLiteral("PT1.S");
    QTest::newRow("overflow") << QStringLiteral("P99999999999999999999D");
    QTest::newRow("beyond the CIM range") << QStringLiteral("P100000000D");
    QTest::newRow("lowercase") << QStringLiteral("p1d");
    QTest::newRow("cim form") << QStringLiteral("00000001020304.500000:000");
}

void TestDateTime::invalidXsdDuration()
{
    QFETCH(QString, text);
    QVERIFY(!DateTime::fromXsdDuration(text).has_value());
}

void TestDateTime::fromQDateTime()
{
    const QDateTime local(QDate(2026, 11, 23), QTime(10, 15, 0, 250), Qt::OffsetFromUTC, 3600);
    const DateTime d = DateTime::timestamp(local);
    QVERIFY(d.isTimestamp());
    QCOMPARE(d.utcOffsetMinutes(), 60);
    QCOMPARE(d.toCimString(), QStringLiteral("20261123101500.250000+060"));
    QCOMPARE(d.toXsdString(), QStringLiteral("2026-11-23T10:15:00.25+01:00"));
    QCOMPARE(d.toDateTime(), local.toUTC());

    const QDateTime utc(QDate(2026, 1, 2), QTime(3, 4, 5), Qt::UTC);
    QCOMPARE(DateTime::timestamp(utc).toCimString(), QStringLiteral("20260102030405.000000+000"));
    QCOMPARE(DateTime::timestamp(utc).toDateTime(), utc);
}

void TestDateTime::equality()
{
    const DateTime zero;
    QVERIFY(zero.isInterval());
    QCOMPARE(zero.intervalMicroseconds(), 0u);
    QCOMPARE(zero.toCimString(), QStringLiteral("00000000000000.000000:000"));
    QCOMPARE(zero, DateTime::interval(0));

    // The same instant written with another offset is another value: its text differs.
    const auto a = DateTime::fromCimString(u"20261123101500.000000+060");
    const auto b = DateTime::fromCimString(u"20261123091500.000000+000");
    QVERIFY(a && b);
    QCOMPARE(a->toDateTime(), b->toDateTime());
    QVERIFY(!(*a == *b));

    const auto epoch = DateTime::fromCimString(u"19700101000000.000000+000");
    QVERIFY(epoch.has_value());
    QVERIFY(!(*epoch == zero)); // a timestamp never equals an interval
    QVERIFY(!(DateTime::interval(1) == DateTime::interval(2)));
    QCOMPARE(qHash(DateTime::interval(7)), qHash(DateTime::interval(7)));
}

QTEST_GUILESS_MAIN(TestDateTime)
#include "tst_datetime.moc"
