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
    int maxDepth = 16;
    int maxProperties = 4096;
    int maxArrayElements = 65536;
};

// Parses one <INSTANCE CLASSNAME="..."> with PROPERTY, PROPERTY.ARRAY and PROPERTY.REFERENCE
// children. Any violation is InvalidParameter with a message saying what and where.
Result<Instance> parseInstance(QStringView xml, const Limits &limits = {});
QString writeInstance(const Instance &instance);

} // namespace rd::cim::cimxml
