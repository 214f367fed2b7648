#include "methodspec.h"

#include <QCoreApplication>

namespace rd::engine {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("rd::engine::MethodSpec", text);
}
} // namespace

const ParameterSpec *MethodSpec::parameter(QStringView name) const
{
    for (const ParameterSpec &p : parameters) {
        if (name.compare(p.name, Qt::CaseInsensitive) == 0)
            return &p;
    }
    return nullptr;
}

cim::Result<void> MethodSpec::checkInput(const cim::Parameters &in) const
{
    using cim::ReturnCode;
    for (const auto &[name, value] : in.items()) {
        const ParameterSpec *spec = parameter(name);
        if (!spec) {
            return cim::Error(ReturnCode::InvalidParameter,
                              tr("%1 has no parameter named %2.").arg(this->name, name), name);
        }
        if (!(spec->direction & ParameterSpec::In)) {
            return cim::Error(ReturnCode::InvalidParameter,
                              tr("%1 is an output parameter of %2 and cannot be given.")
                                  .arg(spec->name, this->name),
                              spec->name);
        }
        // An untyped NULL is a parameter left out; any typed value must match the declaration.
        if (!value.isTyped())
            continue;
        if (value.type() != spec->type || value.isArray() != spec->array) {
            const QString expected =
                cim::cimTypeName(spec->type) + (spec->array ? QStringLiteral("[]") : QString());
            const QString got = cim::cimTypeName(value.type()) +
                                (value.isArray() ? QStringLiteral("[]") : QString());
            return cim::Error(
                ReturnCode::InvalidParameter,
                tr("Parameter %1 must be of type %2, not %3.").arg(spec->name, expected, got),
                spec->name);
        }
    }
    for (const ParameterSpec &spec : parameters) {
        if (!spec.required || !(spec.direction & ParameterSpec::In))
            continue;
        const cim::Value v = in.value(spec.name);
        if (v.isNull() || (spec.array && v.elements().isEmpty())) {
            return cim::Error(ReturnCode::InvalidParameter,
                              tr("Parameter %1 is required.").arg(spec.name), spec.name);
        }
    }
    return {};
}

} // namespace rd::engine
