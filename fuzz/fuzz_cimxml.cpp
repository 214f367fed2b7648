// libFuzzer target: the CIM-XML embedded-instance reader on arbitrary bytes (read as UTF-8, as
// the envelope hands it over). A parsed instance is written back and read again, which must
// succeed: the writer's output is the reader's own dialect.
#include "cim/cimxml.h"

#include <QString>

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString xml = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    const auto parsed = rd::cim::cimxml::parseInstance(xml);
    if (parsed) {
        const QString written = rd::cim::cimxml::writeInstance(*parsed);
        if (!rd::cim::cimxml::parseInstance(written))
            std::abort();
    }
    return 0;
}
