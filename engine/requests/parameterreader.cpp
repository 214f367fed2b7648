#include "parameterreader.h"

#include <QCoreApplication>

namespace rd::requests {

namespace {
// MethodSpec's context, so its translations serve these texts too.
QString tr(const char *text)
{
    return QCoreApplication::translate("rd::engine::MethodSpec", text);
}

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
                          tr("Parameter %1 must be of type %2, not %3.")
                              .arg(name, typeText(type, array), typeText(v.type(), v.isArray())),
                          name);
    }
    if (required && (v.isNull() || (array && v.elements().isEmpty()))) {
        return cim::Error(cim::ReturnCode::InvalidParameter,
                          tr("Parameter %1 is required.").arg(name), name);
    }
    return v;
}

cim::Value referenceArray(const QList<cim::ObjectPath> &paths)
{
    QList<cim::Value> values;
    for (const cim::ObjectPath &p : paths)
        values.append(cim::Value::reference(p));
    return cim::Value::array(cim::CimType::Reference, values);
}

} // namespace rd::requests
