#include "valueformat.h"

#include "systeminventory.h"

#include <QCoreApplication>
#include <QLocale>
#include <QStringList>

#include <limits>

namespace rd::ui {

namespace {

QString formatInterval(quint64 micros)
{
    const quint64 totalSeconds = micros / 1000000;
    const quint64 days = totalSeconds / 86400;
    const QString clock = QStringLiteral("%1:%2:%3")
                              .arg((totalSeconds / 3600) % 24, 2, 10, QLatin1Char('0'))
                              .arg((totalSeconds / 60) % 60, 2, 10, QLatin1Char('0'))
                              .arg(totalSeconds % 60, 2, 10, QLatin1Char('0'));
    if (days == 0)
        return clock;
    //: An interval of days and a clock time, as in "3 d 04:05:06".
    return QCoreApplication::translate("rd::ui::ValueFormat", "%1 d %2").arg(days).arg(clock);
}

// Byte counts ("TotalManagedSpace", "SpaceConsumed", "Size") get a readable size beside them.
bool isByteCount(QStringView name)
{
    return name.endsWith(u"Space", Qt::CaseInsensitive) ||
           name.endsWith(u"SpaceConsumed", Qt::CaseInsensitive) ||
           name.compare(u"Size", Qt::CaseInsensitive) == 0;
}

QString formatScalar(QStringView name, const cim::ValueMap *map, const cim::Value &value)
{
    if (value.isNull())
        return QCoreApplication::translate("rd::ui::ValueFormat", "(none)");
    const cim::CimType type = value.type();
    if (map && cim::isInteger(type)) {
        if (!cim::isSigned(type))
            return valueMapLabel(*map, value.toUInt64());
        if (value.toSInt64() >= 0)
            return valueMapLabel(*map, quint64(value.toSInt64()));
    }
    switch (type) {
    case cim::CimType::Boolean:
        return value.toBool() ? QCoreApplication::translate("rd::ui::ValueFormat", "Yes")
                              : QCoreApplication::translate("rd::ui::ValueFormat", "No");
    case cim::CimType::DateTime: {
        const cim::DateTime dt = value.toDateTime();
        if (dt.isInterval())
            return formatInterval(dt.intervalMicroseconds());
        return QLocale().toString(dt.toDateTime().toLocalTime(), QLocale::ShortFormat);
    }
    case cim::CimType::Reference:
        return value.toReference().toString();
    case cim::CimType::Instance:
        return value.toInstance().className();
    case cim::CimType::String:
    case cim::CimType::Char16:
        return value.toString();
    default:
        if (cim::isInteger(type) && !cim::isSigned(type) && value.toUInt64() >= 1024 &&
            isByteCount(name)) {
            return QStringLiteral("%1 (%2)").arg(
                value.toText(),
                QLocale().formattedDataSize(qint64(
                    qMin<quint64>(value.toUInt64(), quint64(std::numeric_limits<qint64>::max())))));
        }
        return value.toText();
    }
}

} // namespace

QString valueMapLabel(const cim::ValueMap &map, quint64 code)
{
    if (map.isDefined(code))
        return QStringLiteral("%1 (%2)").arg(map.label(code)).arg(code);
    return map.label(code); // already names the code: "DMTF Reserved (9)"
}

QString formatValue(QStringView propertyName, const cim::Value &value)
{
    if (!value.isTyped())
        return QString();
    const cim::ValueMap *map = cim::ValueMap::forProperty(propertyName);
    if (!value.isArray())
        return formatScalar(propertyName, map, value);
    if (value.isNull())
        return QCoreApplication::translate("rd::ui::ValueFormat", "(none)");
    QStringList parts;
    const QList<cim::Value> elements = value.elements();
    parts.reserve(elements.size());
    for (const cim::Value &element : elements)
        parts.append(formatScalar(propertyName, map, element));
    return parts.join(QStringLiteral(", "));
}

QString instanceLabel(const cim::Instance &instance)
{
    for (const auto name : {u"ElementName", u"Name"}) {
        const cim::Value v = instance.property(QStringView(name));
        if (v.isTyped() && !v.isNull() && !v.isArray() && v.type() == cim::CimType::String &&
            !v.toString().isEmpty()) {
            return v.toString();
        }
    }
    if (!instance.path().isEmpty())
        return pathLabel(instance.path());
    return instance.className();
}

QString pathLabel(const cim::ObjectPath &path)
{
    // Prefer the identifying key of the usual classes over system and class name keys.
    for (const auto name : {u"DeviceID", u"InstanceID", u"PoolID", u"Name"}) {
        const cim::Value v = path.key(QStringView(name));
        if (v.isTyped() && !v.isNull() && v.type() == cim::CimType::String)
            return v.toString();
    }
    if (!path.keys().isEmpty())
        return cim::ObjectPath::keyValueText(path.keys().constFirst().second);
    return path.className();
}

QString referenceLabel(const cim::ObjectPath &path, const SystemInventory *home,
                       const QList<QPointer<SystemInventory>> &systems)
{
    std::optional<cim::Instance> element = home ? home->find(path) : std::nullopt;
    for (qsizetype i = 0; !element && i < systems.size(); ++i) {
        if (systems.at(i) && systems.at(i) != home)
            element = systems.at(i)->find(path);
    }
    if (element)
        return instanceLabel(*element);
    const cim::Value system = path.key(u"SystemName");
    if (system.isTyped() && !system.isNull() && system.type() == cim::CimType::String &&
        !system.toString().isEmpty()) {
        //: An element of another system the console does not list, as in "6f1c… on storage-02".
        return QCoreApplication::translate("rd::ui::ValueFormat", "%1 on %2")
            .arg(pathLabel(path), system.toString());
    }
    return pathLabel(path);
}

} // namespace rd::ui
