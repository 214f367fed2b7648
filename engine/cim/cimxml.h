#pragma once
// Embedded instances as CIM-XML <INSTANCE> text (DSP0201), the form WinRM uses for string
// parameters such as ReplicationSettingData. The reader is for untrusted input: no DTDs, no
// entities beyond XML's five, bounded size, depth and counts.

#include "instance.h"
#include "result.h"

#include <QString>

namespace rd::cim::cimxml {

struct Limits
{
    qsizetype maxChars = 1 << 20;
    // Embedded instances nest at most maxDepth levels; XML elements nest at most 4 * maxDepth
    // deep within one document (a key that is a reference adds three levels).
    int maxDepth = 16;
    int maxProperties = 4096;
    int maxArrayElements = 65536;
};

// Parses one <INSTANCE CLASSNAME="..."> with PROPERTY, PROPERTY.ARRAY and PROPERTY.REFERENCE
// children. Any violation is InvalidParameter with a message saying what and where.
// References are read from VALUE.REFERENCE holding INSTANCEPATH (the host is dropped),
// LOCALINSTANCEPATH or INSTANCENAME. Arrays of references, which DSP0201 has no property element
// for, use PROPERTY.REFARRAY + VALUE.REFARRAY (as PARAMETER.REFARRAY does).
Result<Instance> parseInstance(QStringView xml, const Limits &limits = {});
// The instance's path is not written (an INSTANCE has none); keys of references carry TYPE.
QString writeInstance(const Instance &instance);

} // namespace rd::cim::cimxml
