#include "replicationsettings.h"

#include "parameterreader.h"

#include "cim/cimxml.h"

#include <QCoreApplication>

namespace rd::requests {

using cim::CimType;
using cim::Value;

namespace {
// The texts come from ReplicationService::validate and keep its context (and translations).
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(rd::engine::ReplicationService)
};

const auto Parameter = QStringLiteral("ReplicationSettingData");

cim::Error invalid(const QString &message)
{
    return invalidParameter(message, Parameter);
}

cim::Result<std::optional<quint16>> uint16Of(const cim::Instance &s, QStringView name)
{
    const Value v = s.property(name);
    if (isNull(v))
        return std::optional<quint16>();
    if (v.isArray() || !cim::isInteger(v.type()) || cim::isSigned(v.type()) ||
        v.toUInt64() > 0xFFFF)
        return invalid(Text::tr("ReplicationSettingData.%1 must be a uint16.").arg(name));
    return std::optional<quint16>(quint16(v.toUInt64()));
}
} // namespace

cim::Result<ReplicationSettings> ReplicationSettings::parse(const QString &embedded)
{
    auto parsed = cim::cimxml::parseInstance(embedded);
    if (!parsed)
        return invalid(Text::tr("ReplicationSettingData is not a valid embedded instance: %1")
                           .arg(parsed.error().message));
    const cim::Instance &s = parsed.value();
    if (!s.className().endsWith(QStringLiteral("ReplicationSettingData"), Qt::CaseInsensitive))
        return invalid(Text::tr("ReplicationSettingData holds a %1, not a ReplicationSettingData.")
                           .arg(s.className()));
    return fromInstance(s);
}

cim::Result<ReplicationSettings> ReplicationSettings::fromInstance(const cim::Instance &s)
{
    ReplicationSettings out;
    out.className = s.className();
    const Value cpit = s.property(u"ConsistentPointInTime");
    if (!isNull(cpit)) {
        if (cpit.isArray() || cpit.type() != CimType::Boolean)
            return invalid(
                Text::tr("ReplicationSettingData.ConsistentPointInTime must be a boolean."));
        out.consistentPointInTime = cpit.toBool();
    }
    const auto priority = uint16Of(s, u"CopyPriority");
    if (!priority)
        return priority.error();
    const auto supplier = uint16Of(s, u"TargetElementSupplier");
    if (!supplier)
        return supplier.error();
    if (const std::optional<quint16> p = priority.value()) {
        if (*p > quint16(CopyPriority::Urgent))
            return invalid(Text::tr("CopyPriority %1 is not Not Managed (0), Low (1), Same (2), "
                                    "High (3) or Urgent (4).")
                               .arg(*p));
        out.copyPriority = CopyPriority(*p);
    }
    if (const std::optional<quint16> t = supplier.value()) {
        if (*t != 0 && (*t < quint16(TargetElementSupplier::UseExisting) ||
                        *t > quint16(TargetElementSupplier::ClientMustSupply)))
            return invalid(Text::tr("TargetElementSupplier %1 is not a known value.").arg(*t));
        out.targetElementSupplier = TargetElementSupplier(*t);
    }
    return out;
}

QString ReplicationSettings::toEmbedded() const
{
    cim::Instance s(className);
    if (targetElementSupplier)
        s.setProperty(QStringLiteral("TargetElementSupplier"),
                      Value::uint16(quint16(*targetElementSupplier)));
    if (copyPriority)
        s.setProperty(QStringLiteral("CopyPriority"), Value::uint16(quint16(*copyPriority)));
    if (consistentPointInTime)
        s.setProperty(QStringLiteral("ConsistentPointInTime"),
                      Value::boolean(*consistentPointInTime));
    return cim::cimxml::writeInstance(s);
}

} // namespace rd::requests
