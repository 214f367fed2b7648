// libFuzzer target: the NBD decoders of engine/remote/nbdprotocol.h on arbitrary bytes, read as
// NbdServer reads a connection: options (INFO/GO and meta-context payloads decoded) until GO or
// EXPORT_NAME, then transmission request headers. The first byte's low bit starts in
// transmission at once. A decoded message must lie within the bytes it was decoded from.
#include "remote/nbdprotocol.h"

#include <cstdint>
#include <cstdlib>

using namespace rd::engine::nbd;

namespace {

constexpr quint32 kMaxPayload = 64 * 1024; // NbdServer's is 32 MiB; the decoding is the same
constexpr quint32 OptExportName = 1, OptInfo = 6, OptGo = 7, OptListMetaContext = 9,
                  OptSetMetaContext = 10;

void check(bool ok)
{
    if (!ok)
        std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    QByteArrayView bytes(reinterpret_cast<const char *>(data) + 1, qsizetype(size - 1));
    bool transmission = data[0] & 1;
    while (!transmission) {
        const OptionHeader h = decodeOptionHeader(bytes);
        if (h.status != Decoded::Ok)
            return 0;
        check(h.length <= MaxOptionLength && h.total() <= bytes.size());
        const QByteArrayView payload = bytes.sliced(OptionHeader::Size, h.length);
        bytes = bytes.sliced(h.total());
        if (h.option == OptInfo || h.option == OptGo) {
            const InfoRequest r = decodeInfoRequest(payload);
            if (r.valid)
                check(r.exportName.size() <= payload.size());
            transmission = r.valid && h.option == OptGo;
        } else if (h.option == OptListMetaContext || h.option == OptSetMetaContext) {
            const MetaContextRequest r = decodeMetaContextRequest(payload);
            qsizetype used = 8;
            for (const QByteArray &q : r.queries)
                used += 4 + q.size();
            check(used <= payload.size() + (r.status == MetaContextRequest::MalformedHead ? 8 : 0));
        } else if (h.option == OptExportName) {
            transmission = true;
        }
    }
    for (;;) {
        const RequestHeader h = decodeRequestHeader(bytes, kMaxPayload);
        if (h.status != Decoded::Ok)
            return 0;
        check(h.total() <= bytes.size() && (h.type != CmdWrite || h.length <= kMaxPayload));
        bytes = bytes.sliced(h.total());
    }
}
