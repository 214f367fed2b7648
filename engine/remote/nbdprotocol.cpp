#include "nbdprotocol.h"

#include <QtEndian>

namespace rd::engine::nbd {

namespace {

template<class T>
T get(QByteArrayView bytes, qsizetype at)
{
    return qFromBigEndian<T>(bytes.data() + at);
}

// "u32 name length, name" at the start of INFO, GO and the meta context options.
bool exportName(QByteArrayView data, qsizetype &at, QString &name)
{
    if (data.size() < at + 4)
        return false;
    const quint32 n = get<quint32>(data, at);
    if (quint64(data.size()) < quint64(at) + 4 + n)
        return false;
    name = QString::fromUtf8(data.sliced(at + 4, n));
    at += 4 + n;
    return true;
}

} // namespace

OptionHeader decodeOptionHeader(QByteArrayView bytes)
{
    OptionHeader h;
    if (bytes.size() < OptionHeader::Size)
        return h;
    if (get<quint64>(bytes, 0) != OptMagic) {
        h.status = Decoded::BadMagic;
        return h;
    }
    h.option = get<quint32>(bytes, 8);
    h.length = get<quint32>(bytes, 12);
    if (h.length > MaxOptionLength)
        h.status = Decoded::TooLong;
    else if (quint64(bytes.size()) >= OptionHeader::Size + quint64(h.length))
        h.status = Decoded::Ok;
    return h;
}

InfoRequest decodeInfoRequest(QByteArrayView data)
{
    InfoRequest r;
    qsizetype at = 0;
    if (!exportName(data, at, r.exportName) || data.size() < at + 2)
        return r;
    const quint16 count = get<quint16>(data, at);
    at += 2;
    if (data.size() != at + 2 * qsizetype(count))
        return r;
    for (quint16 i = 0; i < count; ++i)
        r.blockSize |= get<quint16>(data, at + 2 * i) == InfoBlockSize;
    r.valid = true;
    return r;
}

MetaContextRequest decodeMetaContextRequest(QByteArrayView data)
{
    MetaContextRequest r;
    qsizetype at = 0;
    if (!exportName(data, at, r.exportName) || data.size() < at + 4)
        return r;
    r.status = MetaContextRequest::MalformedQueries;
    quint32 queries = get<quint32>(data, at);
    at += 4;
    for (; queries > 0; --queries) {
        if (data.size() < at + 4)
            return r;
        const quint32 n = get<quint32>(data, at);
        if (quint64(data.size()) < quint64(at) + 4 + n)
            return r;
        r.queries << data.sliced(at + 4, n).toByteArray();
        at += 4 + n;
    }
    r.status = MetaContextRequest::Valid;
    return r;
}

RequestHeader decodeRequestHeader(QByteArrayView bytes, quint32 maxPayload)
{
    RequestHeader h;
    if (bytes.size() < RequestHeader::Size)
        return h;
    if (get<quint32>(bytes, 0) != RequestMagic) {
        h.status = Decoded::BadMagic;
        return h;
    }
    h.flags = get<quint16>(bytes, 4);
    h.type = get<quint16>(bytes, 6);
    h.handle = get<quint64>(bytes, 8);
    h.offset = get<quint64>(bytes, 16);
    h.length = get<quint32>(bytes, 24);
    if (h.type == CmdWrite && h.length > maxPayload)
        h.status = Decoded::TooLong;
    else if (h.type != CmdWrite || quint64(bytes.size()) >= RequestHeader::Size + quint64(h.length))
        h.status = Decoded::Ok;
    return h;
}

} // namespace rd::engine::nbd
