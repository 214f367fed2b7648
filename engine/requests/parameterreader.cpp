#include "parameterreader.h"

#include <QCoreApplication>

namespace rd::requests {

namespace {
// MethodSpec's context, so its translations serve these texts too.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(rd::engine::MethodSpec)
};

QString typeText(cim::CimType type, bool array)
{
    return cim::cimTypeName(type) + (array ? QStringLiteral("[]") : QString());
}
} // namespace

cim::Result<cim::Value> readParameter(const cim::Parameters &in, const QString &name,
                                      cim::CimType type, bool array, bool required)
{
    const cim::Value v = in.value(name);
    if (v.isTyped() && (v.type() != type || v.isArray() != array)) {
        return cim::Error(cim::ReturnCode::InvalidParameter,
                          Text::tr("Parameter %1 must be of type %2, not %3.")
                              .arg(name, typeText(type, array), typeText(v.type(), v.isArray())),
                          name);
    }
    if (required && (v.isNull() || (array && v.elements().isEmpty()))) {
        return cim::Error(cim::ReturnCode::InvalidParameter,
                          Text::tr("Parameter %1 is required.").arg(name), name);
    }
    return v;
}

cim::Result<void> readParameters(const cim::Parameters &in,
                                 std::initializer_list<ParameterRead> reads)
{
    for (const ParameterRead &r : reads) {
        auto v = readParameter(in, r.name, r.type, r.array, r.required);
        if (!v)
            return v.error();
        *r.out = v.value();
    }
    return {};
}

cim::Value referenceArray(const QList<cim::ObjectPath> &paths)
{
    QList<cim::Value> values;
    for (const cim::ObjectPath &p : paths)
        values.append(cim::Value::reference(p));
    return cim::Value::array(cim::CimType::Reference, values);
}

cim::Result<void> checkName(const QString &name, const QString &parameter)
{
    for (const QChar c : name) {
        const char16_t u = c.unicode();
        if ((u >= 0x202a && u <= 0x202e) || (u >= 0x2066 && u <= 0x2069)) {
            return invalidParameter(
                QCoreApplication::translate("rd::requests",
                                            "%1 contains the invisible direction control U+%2.")
                    .arg(parameter, QString::number(uint(u), 16).toUpper()),
                parameter);
        }
        if (u < 0x20 || (u >= 0x7f && u <= 0x9f)) {
            return invalidParameter(
                QCoreApplication::translate("rd::requests", "%1 contains a control character.")
                    .arg(parameter),
                parameter);
        }
    }
    return {};
}

} // namespace rd::requests
