#pragma once
// CIM datetime: either a point in time (timestamp) or a duration (interval), convertible between
// the CIM string form (DSP0004) and the xs:dateTime / xs:duration form WS-Man uses (DSP0230).

#include <QDateTime>
#include <QString>

#include <optional>

namespace rd::cim {

class DateTime
{
public:
    DateTime() = default; // an interval of zero

    // A timestamp; utcOffsetMinutes is kept so text round-trips exactly.
    static DateTime timestamp(const QDateTime &when);
    static DateTime interval(quint64 microseconds);

    // "yyyymmddhhmmss.mmmmmmsutc" (timestamp) or "ddddddddhhmmss.mmmmmm:000" (interval).
    static std::optional<DateTime> fromCimString(QStringView text);
    // xs:dateTime ("2026-11-23T10:15:00.5Z", offsets allowed) or xs:duration ("P1DT2H3M4.5S").
    static std::optional<DateTime> fromXsdDateTime(QStringView text);
    static std::optional<DateTime> fromXsdDuration(QStringView text);

    bool isInterval() const { return m_interval; }
    bool isTimestamp() const { return !m_interval; }
    QDateTime toDateTime() const;                             // timestamps only; UTC
    quint64 intervalMicroseconds() const { return m_micros; } // intervals only
    int utcOffsetMinutes() const { return m_offsetMinutes; }

    QString toCimString() const;
    QString toXsdString() const; // xs:dateTime for timestamps, xs:duration for intervals

    friend bool operator==(const DateTime &a, const DateTime &b);

    // Timestamps only: microseconds since the Unix epoch (UTC), exact (toDateTime() has ms).
    qint64 epochMicroseconds() const { return m_epochMicros; }
    // The largest interval the CIM string form can carry (99999999 days 23:59:59.999999).
    static constexpr quint64 maxIntervalMicroseconds = 8639999999999999999ULL;

private:
    bool m_interval = true;
    // Timestamps: microseconds since the Unix epoch (UTC); intervals: length in microseconds.
    qint64 m_epochMicros = 0;
    quint64 m_micros = 0;
    int m_offsetMinutes = 0;
};

size_t qHash(const DateTime &value, size_t seed = 0);

} // namespace rd::cim
