#pragma once
// The declared signature of an extrinsic method: parameter names, types, arrays, direction.
// The registry checks every call against it before a provider sees the call.

#include "cim/methodcall.h"
#include "cim/result.h"
#include "cim/value.h"

#include <QList>
#include <QString>

namespace rd::engine {

struct ParameterSpec
{
    enum Direction : quint8 { In = 1, Out = 2, InOut = In | Out };

    QString name;
    cim::CimType type;
    bool array = false;
    Direction direction = In;
    bool required = false; // must be present and non-NULL
    QString refClass;      // for references: the class the MOF declares (documentation only)
};

struct MethodSpec
{
    QString name;
    QList<ParameterSpec> parameters;

    const ParameterSpec *parameter(QStringView name) const;
    // Every input parameter is declared, an input, of the declared type and arrayness, and every
    // required one is present. Otherwise InvalidParameter naming the parameter.
    cim::Result<void> checkInput(const cim::Parameters &in) const;
};

} // namespace rd::engine
