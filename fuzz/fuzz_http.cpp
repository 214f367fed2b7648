// libFuzzer target: the WS-Man server's HTTP request reader on arbitrary bytes, read whole and
// again in pieces of 1-16 bytes (the first byte picks the size), as a socket may deliver them.
// Requests that both readings complete before either refuses must be the same requests.
#include "wsman/httprequestparser.h"

#include <cstdint>
#include <cstdlib>

using rd::wsman::HttpRequest;
using rd::wsman::HttpRequestParser;

namespace {

// Limits below the server's defaults (32 KiB, 512 KiB) so that inputs of libFuzzer's usual
// lengths reach the refusals too.
constexpr qsizetype kMaxHeader = 2048;
constexpr qsizetype kMaxBody = 8192;

QList<HttpRequest> read(QByteArrayView bytes, qsizetype piece)
{
    HttpRequestParser parser;
    parser.setLimits(kMaxHeader, kMaxBody);
    QList<HttpRequest> requests;
    for (qsizetype at = 0; at < bytes.size(); at += piece) {
        parser.append(bytes.sliced(at, qMin(piece, bytes.size() - at)));
        for (;;) {
            const HttpRequestParser::Step step = parser.next();
            if (step == HttpRequestParser::Step::NeedMore)
                break;
            if (step == HttpRequestParser::Step::Error) {
                if (parser.errorStatus() < 400 || parser.errorText().isEmpty())
                    std::abort();
                return requests;
            }
            if (step == HttpRequestParser::Step::Request) {
                requests << parser.takeRequest();
                const HttpRequest &r = requests.back();
                if (r.body.size() > kMaxBody || !r.target.startsWith(r.path()) ||
                    r.header("host").size() > kMaxHeader)
                    std::abort();
            }
        }
    }
    return requests;
}

bool same(const HttpRequest &a, const HttpRequest &b)
{
    return a.method == b.method && a.target == b.target && a.version == b.version &&
           a.headers == b.headers && a.body == b.body;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const qsizetype piece = data[0] % 16 + 1;
    const QByteArrayView bytes(reinterpret_cast<const char *>(data) + 1, qsizetype(size - 1));
    const QList<HttpRequest> whole = read(bytes, qMax<qsizetype>(bytes.size(), 1));
    const QList<HttpRequest> pieces = read(bytes, piece);
    for (qsizetype i = 0; i < qMin(whole.size(), pieces.size()); ++i) {
        if (!same(whole[i], pieces[i]))
            std::abort();
    }
    return 0;
}
