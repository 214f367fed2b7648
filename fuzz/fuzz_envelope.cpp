// libFuzzer target: the WS-Management envelope reader on arbitrary bytes, as the server reads a
// request body (no type resolver: the reader must cope without class knowledge).
#include "wsman/envelope.h"

#include <QByteArray>

#include <cstdint>

// The one symbol of provider/ the reader uses; linking the registry would pull in its QObject and
// every provider. Same value as engine/provider/providerregistry.cpp.
QString rd::engine::ProviderRegistry::defaultNameSpace()
{
    return QStringLiteral("root/cimv2/storage/iscsitarget");
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes =
        QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    const auto result = rd::wsman::readMessage(bytes, nullptr);
    (void)result.ok();
    return 0;
}
