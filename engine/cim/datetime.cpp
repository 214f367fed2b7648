#include "datetime.h"

#include <QDate>
#include <QHashFunctions>

#include <limits>

namespace rd::cim {

namespace {

constexpr qint64 kMicrosPerSecond = 1000000;
constexpr qint64 kMicrosPerMinute = 60 * kMicrosPerSecond;
constexpr qint64 kMicrosPerHour = 60 * kMicrosPerMinute;
constexpr qint64 kMicrosPerDay = 24 * kMicrosPerHour;
constexpr qint64 kUnixEpochJulianDay = 2440588;
constexpr int kMaxXsdOffsetMinutes = 14 * 60;
constexpr quint64 kMaxIntervalDays = 99999999;

qint64 floorDiv(qint64 a, qint64 b)
{
    qint64 q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0)))
        --q;
    return q;
}

bool isDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

// Exactly n ASCII digits at pos.
bool fixedDigits(QStringView s, qsizetype pos, int n, int &out)
{
    if (pos + n > s.size())
        return false;
    int v = 0;
    for (int i = 0; i < n; ++i) {
        const QChar c = s[pos + i];
        if (!isDigit(c))
            return false;
        v = v * 10 + (c.unicode() - u'0');
    }
    out = v;
    return true;
}

QString pad(qint64 value, int width)
{
    return QStringLiteral("%1").arg(value, width, 10, QLatin1Char('0'));
}

// Six-digit microseconds with trailing zeros removed ("5" for 500000); empty for 0.
QString trimmedFraction(qint64 micros)
{
    if (micros == 0)
        return {};
    QString f = pad(micros, 6);
    while (f.endsWith(u'0'))
        f.chop(1);
    return f;
}

// Microseconds since the epoch of a civil date and time in UTC; the date must be valid.
qint64 civilToMicros(const QDate &date, int h, int m, int s, int us)
{
    const qint64 days = date.toJulianDay() - kUnixEpochJulianDay;
    return days * kMicrosPerDay + h * kMicrosPerHour + m * kMicrosPerMinute + s * kMicrosPerSecond +
           us;
}

struct Civil
{
    QDate date;
    int hour = 0, minute = 0, second = 0, micros = 0;
};

Civil microsToCivil(qint64 micros)
{
    const qint64 days = floorDiv(micros, kMicrosPerDay);
    qint64 rest = micros - days * kMicrosPerDay;
    Civil c;
    c.date = QDate::fromJulianDay(days + kUnixEpochJulianDay);
    c.hour = int(rest / kMicrosPerHour);
    rest %= kMicrosPerHour;
    c.minute = int(rest / kMicrosPerMinute);
    rest %= kMicrosPerMinute;
    c.second = int(rest / kMicrosPerSecond);
    c.micros = int(rest % kMicrosPerSecond);
    return c;
}

bool validTime(int h, int m, int s)
{
    return h >= 0 && h < 24 && m >= 0 && m < 60 && s >= 0 && s < 60;
}

bool addChecked(quint64 &acc, quint64 value)
{
    if (acc > std::numeric_limits<quint64>::max() - value)
        return false;
    acc += value;
    return true;
}

bool mulChecked(quint64 a, quint64 b, quint64 &out)
{
    if (a != 0 && b > std::numeric_limits<quint64>::max() / a)
        return false;
    out = a * b;
    return true;
}

// Reads 1+ digits into a quint64; false on overflow or when there are none.
bool readNumber(QStringView s, qsizetype &pos, quint64 &out)
{
    const qsizetype start = pos;
    quint64 v = 0;
    while (pos < s.size() && isDigit(s[pos])) {
        const quint64 digit = s[pos].unicode() - u'0';
        if (v > (std::numeric_limits<quint64>::max() - digit) / 10)
            return false;
        v = v * 10 + digit;
        ++pos;
    }
    out = v;
    return pos > start;
}

// Reads 1+ fraction digits, keeping the first six as microseconds (the rest truncated).
bool readFraction(QStringView s, qsizetype &pos, int &micros)
{
    const qsizetype start = pos;
    int v = 0;
    int n = 0;
    while (pos < s.size() && isDigit(s[pos])) {
        if (n < 6) {
            v = v * 10 + (s[pos].unicode() - u'0');
            ++n;
        }
        ++pos;
    }
    for (; n < 6; ++n)
        v *= 10;
    micros = v;
    return pos > start;
}

} // namespace

DateTime DateTime::timestamp(const QDateTime &when)
{
    DateTime d;
    d.m_interval = false;
    d.m_epochMicros = when.toMSecsSinceEpoch() * 1000;
    d.m_offsetMinutes = when.offsetFromUtc() / 60;
    return d;
}

DateTime DateTime::interval(quint64 microseconds)
{
    DateTime d;
    d.m_interval = true;
    d.m_micros = microseconds;
    return d;
}

std::optional<DateTime> DateTime::fromCimString(QStringView text)
{
    if (text.size() != 25 || text[14] != u'.')
        return std::nullopt;
    int us = 0;
    if (!fixedDigits(text, 15, 6, us))
        return std::nullopt;

    if (text[21] == u':') { // interval ddddddddhhmmss.mmmmmm:000
        if (text.sliced(22) != u"000")
            return std::nullopt;
        int days = 0, h = 0, m = 0, s = 0;
        if (!fixedDigits(text, 0, 8, days) || !fixedDigits(text, 8, 2, h) ||
            !fixedDigits(text, 10, 2, m) || !fixedDigits(text, 12, 2, s) || !validTime(h, m, s))
            return std::nullopt;
        return interval(quint64(days) * kMicrosPerDay + quint64(h) * kMicrosPerHour +
                        quint64(m) * kMicrosPerMinute + quint64(s) * kMicrosPerSecond +
                        quint64(us));
    }

    if (text[21] != u'+' && text[21] != u'-')
        return std::nullopt;
    int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0, off = 0;
    if (!fixedDigits(text, 0, 4, y) || !fixedDigits(text, 4, 2, mo) ||
        !fixedDigits(text, 6, 2, d) || !fixedDigits(text, 8, 2, h) ||
        !fixedDigits(text, 10, 2, mi) || !fixedDigits(text, 12, 2, s) ||
        !fixedDigits(text, 22, 3, off))
        return std::nullopt;
    const QDate date(y, mo, d);
    if (!date.isValid() || !validTime(h, mi, s))
        return std::nullopt;
    if (text[21] == u'-')
        off = -off;
    DateTime r;
    r.m_interval = false;
    r.m_offsetMinutes = off;
    // The fields are local time at the given offset east of UTC.
    r.m_epochMicros = civilToMicros(date, h, mi, s, us) - qint64(off) * kMicrosPerMinute;
    return r;
}

std::optional<DateTime> DateTime::fromXsdDateTime(QStringView text)
{
    // yyyy-mm-ddThh:mm:ss[.f+][Z|(+|-)hh:mm]; years 0001..9999 (what the CIM form can carry).
    int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
    if (text.size() < 19 || !fixedDigits(text, 0, 4, y) || text[4] != u'-' ||
        !fixedDigits(text, 5, 2, mo) || text[7] != u'-' || !fixedDigits(text, 8, 2, d) ||
        text[10] != u'T' || !fixedDigits(text, 11, 2, h) || text[13] != u':' ||
        !fixedDigits(text, 14, 2, mi) || text[16] != u':' || !fixedDigits(text, 17, 2, s))
        return std::nullopt;
    qsizetype pos = 19;
    int us = 0;
    if (pos < text.size() && text[pos] == u'.') {
        ++pos;
        if (!readFraction(text, pos, us))
            return std::nullopt;
    }
    int offset = 0;
    if (pos < text.size()) {
        const QChar c = text[pos];
        if (c == u'Z') {
            ++pos;
        } else if (c == u'+' || c == u'-') {
            int oh = 0, om = 0;
            if (!fixedDigits(text, pos + 1, 2, oh) || pos + 3 >= text.size() ||
                text[pos + 3] != u':' || !fixedDigits(text, pos + 4, 2, om) || om > 59)
                return std::nullopt;
            offset = oh * 60 + om;
            if (offset > kMaxXsdOffsetMinutes)
                return std::nullopt;
            if (c == u'-')
                offset = -offset;
            pos += 6;
        } else {
            return std::nullopt;
        }
    }
    if (pos != text.size())
        return std::nullopt;
    const QDate date(y, mo, d);
    if (!date.isValid() || !validTime(h, mi, s))
        return std::nullopt;
    DateTime r;
    r.m_interval = false;
    r.m_offsetMinutes = offset;
    r.m_epochMicros = civilToMicros(date, h, mi, s, us) - qint64(offset) * kMicrosPerMinute;
    return r;
}

std::optional<DateTime> DateTime::fromXsdDuration(QStringView text)
{
    // PnYnMnDTnHnMn.nS with at least one component; years and months only when zero (their
    // length in microseconds is not defined); negative durations are not CIM intervals.
    qsizetype pos = 0;
    if (text.isEmpty() || text[0] != u'P')
        return std::nullopt;
    ++pos;
    quint64 total = 0;
    bool any = false;
    bool inTime = false;
    bool timeComponent = false;
    // Order of designators that may still come: Y M D, then after T: H M S.
    int dateStage = 0; // 0: Y next allowed, 1: M, 2: D, 3: done
    int timeStage = 0; // 0: H, 1: M, 2: S, 3: done
    while (pos < text.size()) {
        if (text[pos] == u'T') {
            if (inTime)
                return std::nullopt;
            inTime = true;
            ++pos;
            continue;
        }
        quint64 n = 0;
        if (!readNumber(text, pos, n))
            return std::nullopt;
        int fraction = 0;
        bool hasFraction = false;
        if (pos < text.size() && text[pos] == u'.') {
            ++pos;
            if (!readFraction(text, pos, fraction))
                return std::nullopt;
            hasFraction = true;
        }
        if (pos >= text.size())
            return std::nullopt;
        const QChar unit = text[pos++];
        if (hasFraction && !(inTime && unit == u'S'))
            return std::nullopt;
        quint64 micros = 0;
        if (!inTime) {
            if (unit == u'Y' && dateStage <= 0) {
                if (n != 0)
                    return std::nullopt;
                dateStage = 1;
            } else if (unit == u'M' && dateStage <= 1) {
                if (n != 0)
                    return std::nullopt;
                dateStage = 2;
            } else if (unit == u'D' && dateStage <= 2) {
                if (!mulChecked(n, kMicrosPerDay, micros))
                    return std::nullopt;
                dateStage = 3;
            } else {
                return std::nullopt;
            }
        } else {
            if (unit == u'H' && timeStage <= 0) {
                if (!mulChecked(n, kMicrosPerHour, micros))
                    return std::nullopt;
                timeStage = 1;
            } else if (unit == u'M' && timeStage <= 1) {
                if (!mulChecked(n, kMicrosPerMinute, micros))
                    return std::nullopt;
                timeStage = 2;
            } else if (unit == u'S' && timeStage <= 2) {
                if (!mulChecked(n, kMicrosPerSecond, micros) || !addChecked(micros, fraction))
                    return std::nullopt;
                timeStage = 3;
            } else {
                return std::nullopt;
            }
            timeComponent = true;
        }
        if (!addChecked(total, micros))
            return std::nullopt;
        any = true;
    }
    if (!any || (inTime && !timeComponent) || total > maxIntervalMicroseconds)
        return std::nullopt;
    return interval(total);
}

QDateTime DateTime::toDateTime() const
{
    if (m_interval)
        return {};
    return QDateTime::fromMSecsSinceEpoch(floorDiv(m_epochMicros, 1000), Qt::UTC);
}

QString DateTime::toCimString() const
{
    if (m_interval) {
        const quint64 micros = qMin(m_micros, maxIntervalMicroseconds);
        const quint64 days = micros / kMicrosPerDay;
        quint64 rest = micros % kMicrosPerDay;
        const quint64 h = rest / kMicrosPerHour;
        rest %= kMicrosPerHour;
        const quint64 m = rest / kMicrosPerMinute;
        rest %= kMicrosPerMinute;
        return pad(qint64(qMin(days, kMaxIntervalDays)), 8) + pad(qint64(h), 2) +
               pad(qint64(m), 2) + pad(qint64(rest / kMicrosPerSecond), 2) + u'.' +
               pad(qint64(rest % kMicrosPerSecond), 6) + u":000";
    }
    const int offset = qBound(-999, m_offsetMinutes, 999);
    const Civil c = microsToCivil(m_epochMicros + qint64(offset) * kMicrosPerMinute);
    return pad(qBound(0, c.date.year(), 9999), 4) + pad(c.date.month(), 2) + pad(c.date.day(), 2) +
           pad(c.hour, 2) + pad(c.minute, 2) + pad(c.second, 2) + u'.' + pad(c.micros, 6) +
           (offset < 0 ? u'-' : u'+') + pad(qAbs(offset), 3);
}

QString DateTime::toXsdString() const
{
    if (m_interval) {
        const quint64 days = m_micros / kMicrosPerDay;
        quint64 rest = m_micros % kMicrosPerDay;
        const quint64 h = rest / kMicrosPerHour;
        rest %= kMicrosPerHour;
        const quint64 m = rest / kMicrosPerMinute;
        rest %= kMicrosPerMinute;
        const quint64 s = rest / kMicrosPerSecond;
        const quint64 us = rest % kMicrosPerSecond;
        QString out = QStringLiteral("P");
        if (days)
            out += QString::number(days) + u'D';
        if (h || m || s || us || !days) {
            out += u'T';
            if (h)
                out += QString::number(h) + u'H';
            if (m)
                out += QString::number(m) + u'M';
            if (s || us || (!h && !m)) {
                out += QString::number(s);
                if (us)
                    out += u'.' + trimmedFraction(qint64(us));
                out += u'S';
            }
        }
        return out;
    }
    const Civil c = microsToCivil(m_epochMicros + qint64(m_offsetMinutes) * kMicrosPerMinute);
    QString out = pad(qBound(0, c.date.year(), 9999), 4) + u'-' + pad(c.date.month(), 2) + u'-' +
                  pad(c.date.day(), 2) + u'T' + pad(c.hour, 2) + u':' + pad(c.minute, 2) + u':' +
                  pad(c.second, 2);
    if (c.micros)
        out += u'.' + trimmedFraction(c.micros);
    if (m_offsetMinutes == 0) {
        out += u'Z';
    } else {
        const int a = qAbs(m_offsetMinutes);
        out += (m_offsetMinutes < 0 ? u'-' : u'+') + pad(a / 60, 2) + u':' + pad(a % 60, 2);
    }
    return out;
}

bool operator==(const DateTime &a, const DateTime &b)
{
    if (a.m_interval != b.m_interval)
        return false;
    if (a.m_interval)
        return a.m_micros == b.m_micros;
    return a.m_epochMicros == b.m_epochMicros && a.m_offsetMinutes == b.m_offsetMinutes;
}

size_t qHash(const DateTime &value, size_t seed)
{
    if (value.isInterval())
        return qHashMulti(seed, true, value.intervalMicroseconds());
    return qHashMulti(seed, false, value.epochMicroseconds(), value.utcOffsetMinutes());
}

} // namespace rd::cim
