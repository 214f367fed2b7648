#pragma once
// Reads one input parameter of a request with its declared type: the same refusals (and texts)
// as MethodSpec::checkInput, so a request parsed without the registry is checked as strictly.

#include "cim/methodcall.h"

namespace rd::requests {

// The parameter as given (an untyped NULL when absent), or InvalidParameter naming it when it
// has another type or arrayness, or is required and NULL (an empty array counts as NULL).
[[nodiscard]] cim::Result<cim::Value> readParameter(const cim::Parameters &in, const QString &name,
                                                    cim::CimType type, bool array,
                                                    bool required = false);

// NULL, whether typed or left out.
inline bool isNull(const cim::Value &value)
{
    return !value.isTyped() || value.isNull();
}

// The paths as a reference array (a parameter value).
cim::Value referenceArray(const QList<cim::ObjectPath> &paths);

} // namespace rd::requests
