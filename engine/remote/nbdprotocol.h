#pragma once
// Decoding of what an NBD client sends NbdServer, without a socket: the option header, the
// INFO/GO and meta-context payloads, and the transmission request header (NBD protocol
// document, fixed newstyle). Each decoder reads only the bytes it is given and says whether
// they are enough, malformed or a value; what to answer stays with the server. Kept apart so it
// can be tested and fuzzed on bytes alone.

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

namespace rd::engine::nbd {

constexpr quint64 OptMagic = 0x49484156454F5054ull; // "IHAVEOPT"
constexpr quint32 RequestMagic = 0x25609513u;
constexpr quint32 MaxOptionLength = 64 * 1024;
constexpr quint16 InfoBlockSize = 3;
constexpr quint16 CmdWrite = 1;

enum class Decoded { NeedMore, Ok, BadMagic, TooLong };

// "IHAVEOPT", u32 option, u32 length, then length bytes of data.
struct OptionHeader
{
    static constexpr qsizetype Size = 16;
    Decoded status = Decoded::NeedMore;
    quint32 option = 0;
    quint32 length = 0;
    // The header and its data, once status is Ok.
    qsizetype total() const { return Size + qsizetype(length); }
};
// Ok only when the data is all in bytes as well; TooLong above MaxOptionLength.
OptionHeader decodeOptionHeader(QByteArrayView bytes);

// INFO and GO: u32 name length, name, u16 count, count u16 information requests.
struct InfoRequest
{
    bool valid = false;
    QString exportName;
    bool blockSize = false; // NBD_INFO_BLOCK_SIZE asked for
};
InfoRequest decodeInfoRequest(QByteArrayView data);

// LIST_META_CONTEXT and SET_META_CONTEXT: u32 name length, name, u32 count, count queries of a
// u32 length and the query. A malformed head and malformed queries are told apart: the server
// checks between the two whether SET may be asked at all.
struct MetaContextRequest
{
    enum Status { Valid, MalformedHead, MalformedQueries };
    Status status = MalformedHead;
    QString exportName;
    QList<QByteArray> queries;
};
MetaContextRequest decodeMetaContextRequest(QByteArrayView data);

// u32 magic, u16 flags, u16 type, u64 handle, u64 offset, u32 length; a WRITE's payload follows.
struct RequestHeader
{
    static constexpr qsizetype Size = 28;
    Decoded status = Decoded::NeedMore;
    quint16 flags = 0;
    quint16 type = 0;
    quint64 handle = 0;
    quint64 offset = 0;
    quint32 length = 0;
    // The header and a WRITE's payload, once status is Ok.
    qsizetype total() const { return Size + (type == CmdWrite ? qsizetype(length) : 0); }
};
// Ok only when a WRITE's payload is all in bytes as well; TooLong for a WRITE above maxPayload.
RequestHeader decodeRequestHeader(QByteArrayView bytes, quint32 maxPayload);

} // namespace rd::engine::nbd
