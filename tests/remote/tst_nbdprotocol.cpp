// The NBD decoders on the bytes a client sends: libnbd's negotiation (STRUCTURED_REPLY,
// SET_META_CONTEXT base:allocation, INFO, GO with NBD_INFO_BLOCK_SIZE), transmission requests,
// and the malformed and partial shapes the server must refuse or wait on.
#include "remote/nbdprotocol.h"

#include <QTest>
#include <QtEndian>

using namespace rd::engine::nbd;

namespace {

QByteArray be16(quint16 v)
{
    QByteArray b(2, Qt::Uninitialized);
    qToBigEndian(v, b.data());
    return b;
}
QByteArray be32(quint32 v)
{
    QByteArray b(4, Qt::Uninitialized);
    qToBigEndian(v, b.data());
    return b;
}
QByteArray be64(quint64 v)
{
    QByteArray b(8, Qt::Uninitialized);
    qToBigEndian(v, b.data());
    return b;
}
QByteArray option(quint32 opt, const QByteArray &data)
{
    return "IHAVEOPT" + be32(opt) + be32(quint32(data.size())) + data;
}
QByteArray name(const QByteArray &n)
{
    return be32(quint32(n.size())) + n;
}
QByteArray request(quint16 type, quint64 handle, quint64 offset, quint32 length, quint16 flags = 0,
                   const QByteArray &payload = {})
{
    return be32(RequestMagic) + be16(flags) + be16(type) + be64(handle) + be64(offset) +
           be32(length) + payload;
}

} // namespace

class TestNbdProtocol : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void optionHeader()
    {
        const QByteArray go = option(7, name("exported") + be16(1) + be16(InfoBlockSize));
        const OptionHeader h = decodeOptionHeader(QByteArray(go + "next"));
        QCOMPARE(h.status, Decoded::Ok);
        QCOMPARE(h.option, 7u);
        QCOMPARE(h.length, quint32(go.size() - 16));
        QCOMPARE(h.total(), go.size());
        // Every shorter prefix waits for more.
        for (qsizetype n = 0; n < go.size(); ++n)
            QCOMPARE(decodeOptionHeader(QByteArrayView(go).first(n)).status, Decoded::NeedMore);
        QCOMPARE(decodeOptionHeader(QByteArray("IHAVEOPS" + be32(7) + be32(0))).status,
                 Decoded::BadMagic);
        QCOMPARE(
            decodeOptionHeader(QByteArray("IHAVEOPT" + be32(7) + be32(MaxOptionLength + 1))).status,
            Decoded::TooLong);
        // The longest option is waited for, not refused.
        QCOMPARE(
            decodeOptionHeader(QByteArray("IHAVEOPT" + be32(7) + be32(MaxOptionLength))).status,
            Decoded::NeedMore);
    }

    void infoRequest_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<QString>("exportName");
        QTest::addColumn<bool>("blockSize");
        QTest::newRow("libnbd GO") << QByteArray(name("exported") + be16(1) + be16(3)) << true
                                   << QStringLiteral("exported") << true;
        QTest::newRow("no requests")
            << QByteArray(name("vol") + be16(0)) << true << QStringLiteral("vol") << false;
        QTest::newRow("other requests")
            << QByteArray(name("") + be16(2) + be16(0) + be16(1)) << true << QString() << false;
        QTest::newRow("UTF-8 name") << QByteArray(name("b\xc3\xa4nd") + be16(0)) << true
                                    << QStringLiteral("b\u00e4nd") << false;
        QTest::newRow("empty") << QByteArray() << false << QString() << false;
        QTest::newRow("name longer than data")
            << QByteArray(be32(100) + "abc") << false << QString() << false;
        QTest::newRow("huge name length")
            << QByteArray(be32(0xffffffffu) + "abc") << false << QString() << false;
        QTest::newRow("no count") << name("vol") << false << QString() << false;
        QTest::newRow("count above requests")
            << QByteArray(name("vol") + be16(2) + be16(3)) << false << QString() << false;
        QTest::newRow("trailing byte")
            << QByteArray(name("vol") + be16(1) + be16(3) + "x") << false << QString() << false;
    }
    void infoRequest()
    {
        QFETCH(QByteArray, data);
        QFETCH(bool, valid);
        QFETCH(QString, exportName);
        QFETCH(bool, blockSize);
        const InfoRequest r = decodeInfoRequest(data);
        QCOMPARE(r.valid, valid);
        if (valid) {
            QCOMPARE(r.exportName, exportName);
            QCOMPARE(r.blockSize, blockSize);
        }
    }

    void metaContext_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<int>("status");
        QTest::addColumn<QList<QByteArray>>("queries");
        using M = MetaContextRequest;
        QTest::newRow("libnbd SET")
            << QByteArray(name("exported") + be32(1) + name("base:allocation")) << int(M::Valid)
            << QList<QByteArray>{"base:allocation"};
        QTest::newRow("LIST everything")
            << QByteArray(name("exported") + be32(0)) << int(M::Valid) << QList<QByteArray>{};
        QTest::newRow("two queries")
            << QByteArray(name("e") + be32(2) + name("base:") + name("qemu:x")) << int(M::Valid)
            << QList<QByteArray>{"base:", "qemu:x"};
        QTest::newRow("no count") << name("exported") << int(M::MalformedHead)
                                  << QList<QByteArray>{};
        QTest::newRow("name too long") << be32(9) << int(M::MalformedHead) << QList<QByteArray>{};
        QTest::newRow("fewer queries than counted")
            << QByteArray(name("e") + be32(3) + name("base:allocation")) << int(M::MalformedQueries)
            << QList<QByteArray>{};
        QTest::newRow("query longer than data")
            << QByteArray(name("e") + be32(1) + be32(100) + "base") << int(M::MalformedQueries)
            << QList<QByteArray>{};
        QTest::newRow("huge count") << QByteArray(name("e") + be32(0xffffffffu) + name("a"))
                                    << int(M::MalformedQueries) << QList<QByteArray>{};
    }
    void metaContext()
    {
        QFETCH(QByteArray, data);
        QFETCH(int, status);
        QFETCH(QList<QByteArray>, queries);
        const MetaContextRequest r = decodeMetaContextRequest(data);
        QCOMPARE(int(r.status), status);
        if (r.status == MetaContextRequest::Valid)
            QCOMPARE(r.queries, queries);
    }

    void requestHeader()
    {
        const QByteArray read = request(0, 0x1122334455667788ull, 4096, 65536, 1);
        const RequestHeader h = decodeRequestHeader(QByteArray(read + "next"), 32u << 20);
        QCOMPARE(h.status, Decoded::Ok);
        QCOMPARE(h.flags, quint16(1));
        QCOMPARE(h.type, quint16(0));
        QCOMPARE(h.handle, 0x1122334455667788ull);
        QCOMPARE(h.offset, quint64(4096));
        QCOMPARE(h.length, quint32(65536));
        QCOMPARE(h.total(), qsizetype(28)); // a READ carries no payload

        const QByteArray write = request(CmdWrite, 2, 0, 8, 0, "ABCDEFGH");
        const RequestHeader w = decodeRequestHeader(write, 32u << 20);
        QCOMPARE(w.status, Decoded::Ok);
        QCOMPARE(w.total(), write.size());
        for (qsizetype n = 0; n < write.size(); ++n)
            QCOMPARE(decodeRequestHeader(QByteArrayView(write).first(n), 32u << 20).status,
                     Decoded::NeedMore);
        QCOMPARE(decodeRequestHeader(request(CmdWrite, 3, 0, 17), 16).status, Decoded::TooLong);
        // Only a WRITE's length is a payload; a READ's is checked against the volume later.
        QCOMPARE(decodeRequestHeader(request(0, 3, 0, 17), 16).status, Decoded::Ok);
        QByteArray bad = read;
        bad[0] = 0;
        QCOMPARE(decodeRequestHeader(bad, 32u << 20).status, Decoded::BadMagic);
    }
};

QTEST_GUILESS_MAIN(TestNbdProtocol)
#include "tst_nbdprotocol.moc"
