#pragma once
// How the stores write the values SQLite has no type for: timestamps and unsigned 64-bit figures.

#include <QDateTime>
#include <QVariant>

namespace rd::engine::sql {

// Timestamps as UTC ISO text with milliseconds: sortable, readable with the sqlite3 tool, exact
// to what QDateTime keeps. A null QDateTime is SQL NULL.
inline QVariant toSql(const QDateTime &t)
{
    return t.isValid() ? QVariant(t.toUTC().toString(Qt::ISODateWithMs)) : QVariant();
}

inline QDateTime dateFromSql(const QVariant &v)
{
    if (v.isNull())
        return {};
    QDateTime t = QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
    t.setTimeSpec(Qt::UTC);
    return t;
}

// SQLite integers are signed 64-bit; every unsigned figure the engine keeps (sizes, intervals
// in microseconds) stays below 2^63.
inline QVariant toSql(quint64 v)
{
    return QVariant(qint64(v));
}

} // namespace rd::engine::sql
