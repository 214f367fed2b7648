#pragma once
// Reads one input parameter of a request with its declared type: the same refusals (and texts)
// as MethodSpec::checkInput, so a request parsed without the registry is checked as strictly.

#include "cim/methodcall.h"

#include <initializer_list>

namespace rd::requests {

// The parameter as given (an untyped NULL when absent), or InvalidParameter naming it when it
// has another type or arrayness, or is required and NULL (an empty array counts as NULL).
[[nodiscard]] cim::Result<cim::Value> readParameter(const cim::Parameters &in, const QString &name,
                                                    cim::CimType type, bool array,
                                                    bool required = false);

// One parameter to read: where its value goes, and its declaration.
struct ParameterRead
{
    cim::Value *out;
    const QString &name;
    cim::CimType type;
    bool array = false;
    bool required = false;
};

// Reads each in turn; the first refusal stops it.
[[nodiscard]] cim::Result<void> readParameters(const cim::Parameters &in,
                                               std::initializer_list<ParameterRead> reads);

// The refusals of a request's rules: InvalidParameter or NotSupported, naming the parameter.
inline cim::Error invalidParameter(const QString &message, const QString &parameter)
{
    return cim::Error(cim::ReturnCode::InvalidParameter, message, parameter);
}
inline cim::Error notSupported(const QString &message, const QString &parameter)
{
    return cim::Error(cim::ReturnCode::NotSupported, message, parameter);
}

// A name a user gives (ElementName and the like) shown in the console, lists and logs: refused,
// naming the parameter, when it holds a control character or a BIDI embedding, override or
// isolate (U+202A-U+202E, U+2066-U+2069), which would make it read differently from what it is.
[[nodiscard]] cim::Result<void> checkName(const QString &name, const QString &parameter);

// NULL, whether typed or left out.
inline bool isNull(const cim::Value &value)
{
    return !value.isTyped() || value.isNull();
}

// The paths as a reference array (a parameter value).
cim::Value referenceArray(const QList<cim::ObjectPath> &paths);

} // namespace rd::requests
