// HttpRequestParser on the bytes clients send: whole, one byte at a time and pipelined; every
// refusal the WS-Man server answers from the request alone, with its status.
#include "wsman/httprequestparser.h"

#include <QTest>

using namespace rd::wsman;
using Step = HttpRequestParser::Step;

namespace {

struct Outcome
{
    QList<HttpRequest> requests;
    int errorStatus = 0;
    QString errorText;
    int heads = 0;
};

// Feeds bytes in pieces of `piece` bytes (0: all at once) and collects what the parser reads.
Outcome feed(const QByteArray &bytes, qsizetype piece = 0, qsizetype maxHeader = 32 * 1024,
             qsizetype maxBody = 512 * 1024)
{
    HttpRequestParser parser;
    parser.setLimits(maxHeader, maxBody);
    Outcome out;
    const qsizetype step = piece > 0 ? piece : qMax<qsizetype>(bytes.size(), 1);
    for (qsizetype at = 0; at < bytes.size() && out.errorStatus == 0; at += step) {
        parser.append(QByteArrayView(bytes).sliced(at, qMin(step, bytes.size() - at)));
        for (bool more = true; more;) {
            switch (parser.next()) {
            case Step::NeedMore:
                more = false;
                break;
            case Step::Head:
                ++out.heads;
                break;
            case Step::Request:
                out.requests << parser.takeRequest();
                break;
            case Step::Error:
                out.errorStatus = parser.errorStatus();
                out.errorText = parser.errorText();
                more = false;
                break;
            }
        }
    }
    return out;
}

const QByteArray kPost = "POST /wsman HTTP/1.1\r\nHost: x\r\nContent-Type: "
                         "application/soap+xml\r\nContent-Length: 0\r\n";

} // namespace

class TestHttpRequestParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void postWithBody_data()
    {
        QTest::addColumn<qsizetype>("piece");
        QTest::newRow("whole") << qsizetype(0);
        QTest::newRow("byte by byte") << qsizetype(1);
        QTest::newRow("7 bytes") << qsizetype(7);
    }
    void postWithBody()
    {
        QFETCH(qsizetype, piece);
        const QByteArray body = "<s:Envelope/>";
        const Outcome out = feed("POST /wsman?x=1 HTTP/1.1\r\nHost: host:5985\r\n"
                                 "Content-Type:  application/soap+xml;charset=UTF-8 \r\n"
                                 "Authorization: Basic YWRtaW46c2VjcmV0\r\nX-Empty:\r\n"
                                 "Content-Length: 13\r\n\r\n" +
                                     body,
                                 piece);
        QCOMPARE(out.errorStatus, 0);
        QCOMPARE(out.heads, 1);
        QCOMPARE(out.requests.size(), 1);
        const HttpRequest &r = out.requests.front();
        QCOMPARE(r.method, "POST");
        QCOMPARE(r.target, "/wsman?x=1");
        QCOMPARE(r.path(), "/wsman");
        QCOMPARE(r.version, "HTTP/1.1");
        QCOMPARE(r.header("host"), "host:5985");
        QCOMPARE(r.header("content-type"), "application/soap+xml;charset=UTF-8");
        QCOMPARE(r.header("authorization"), "Basic YWRtaW46c2VjcmV0");
        QCOMPARE(r.header("x-empty"), "");
        QCOMPARE(r.headers.size(), 5);
        QCOMPARE(r.body, body);
    }

    void chunkedWithExtensionsAndTrailer_data() { postWithBody_data(); }
    void chunkedWithExtensionsAndTrailer()
    {
        QFETCH(qsizetype, piece);
        const Outcome out = feed("POST /wsman HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: Chunked\r\n"
                                 "\r\n5;ext=1\r\nhello\r\nB\r\n 0123456789\r\n0\r\n"
                                 "X-Trailer: y\r\n\r\n",
                                 piece);
        QCOMPARE(out.errorStatus, 0);
        QCOMPARE(out.requests.size(), 1);
        QCOMPARE(out.requests.front().body, "hello 0123456789");
        QCOMPARE(out.requests.front().header("x-trailer"), ""); // trailers are dropped
    }

    void pipelinedRequestsInOrder()
    {
        const Outcome out =
            feed("GET /a HTTP/1.1\r\nHost: x\r\n\r\nPOST /b HTTP/1.1\r\nHost: x\r\n"
                 "Content-Length: 3\r\n\r\nabcPOST /c HTTP/1.1\r\nTransfer-Encoding: chunked\r\n"
                 "\r\n1\r\nz\r\n0\r\n\r\n");
        QCOMPARE(out.errorStatus, 0);
        QCOMPARE(out.requests.size(), 3);
        QCOMPARE(out.requests[0].target, "/a");
        QCOMPARE(out.requests[0].body, "");
        QCOMPARE(out.requests[1].body, "abc");
        QCOMPARE(out.requests[2].body, "z");
    }

    void keepAliveAndContinue_data()
    {
        QTest::addColumn<QByteArray>("head");
        QTest::addColumn<bool>("keepAlive");
        QTest::addColumn<bool>("expectsContinue");
        QTest::newRow("1.1") << QByteArray("POST / HTTP/1.1\r\n\r\n") << true << false;
        QTest::newRow("1.1 close")
            << QByteArray("POST / HTTP/1.1\r\nConnection: Close\r\n\r\n") << false << false;
        QTest::newRow("1.0") << QByteArray("POST / HTTP/1.0\r\n\r\n") << false << false;
        QTest::newRow("1.0 keep-alive")
            << QByteArray("POST / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n") << true << false;
        QTest::newRow("continue with a body")
            << QByteArray("POST / HTTP/1.1\r\nExpect: 100-Continue\r\nContent-Length: 4\r\n\r\n")
            << true << true;
        QTest::newRow("continue without a body")
            << QByteArray("POST / HTTP/1.1\r\nExpect: 100-continue\r\n\r\n") << true << false;
        QTest::newRow("continue chunked")
            << QByteArray("POST / HTTP/1.1\r\nExpect: 100-continue\r\n"
                          "Transfer-Encoding: chunked\r\n\r\n")
            << true << true;
    }
    void keepAliveAndContinue()
    {
        QFETCH(QByteArray, head);
        QFETCH(bool, keepAlive);
        QFETCH(bool, expectsContinue);
        HttpRequestParser parser;
        parser.append(head);
        QCOMPARE(parser.next(), Step::Head);
        QCOMPARE(parser.keepAlive(), keepAlive);
        QCOMPARE(parser.expectsContinue(), expectsContinue);
    }

    void sameContentLengthTwiceIsOne()
    {
        const Outcome out =
            feed("POST / HTTP/1.1\r\nContent-Length: 2\r\nContent-Length: 2\r\n\r\nok");
        QCOMPARE(out.errorStatus, 0);
        QCOMPARE(out.requests.size(), 1);
        QCOMPARE(out.requests.front().body, "ok");
    }

    void refused_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("status");
        QTest::newRow("two Authorization headers")
            << QByteArray(kPost + "Authorization: Basic YTpi\r\nAuthorization: Basic eDp5\r\n\r\n")
            << 400;
        QTest::newRow("two Host headers") << QByteArray(kPost + "HOST: y\r\n\r\n") << 400;
        QTest::newRow("two Content-Type headers")
            << QByteArray(kPost + "Content-Type: text/xml\r\n\r\n") << 400;
        QTest::newRow("NUL in a header")
            << QByteArray(kPost + QByteArray("X-Trace: a\0b\r\n\r\n", 16)) << 400;
        QTest::newRow("bare CR in a header")
            << QByteArray(kPost + "X-Trace: a\rInjected: b\r\n\r\n") << 400;
        QTest::newRow("bare CR in the request line")
            << QByteArray("POST /wsman\rX HTTP/1.1\r\nHost: x\r\n\r\n") << 400;
        QTest::newRow("folded header") << QByteArray(kPost + "X-A: a\r\n b\r\n\r\n") << 400;
        QTest::newRow("header without colon") << QByteArray(kPost + "Broken\r\n\r\n") << 400;
        QTest::newRow("header with empty name") << QByteArray(kPost + ": x\r\n\r\n") << 400;
        QTest::newRow("request line of two words") << QByteArray("POST /wsman\r\n\r\n") << 400;
        QTest::newRow("request line of four words")
            << QByteArray("POST /wsman HTTP/1.1 x\r\n\r\n") << 400;
        QTest::newRow("garbage") << QByteArray("\x16\x03\x01 hello\r\n\r\n") << 400;
        QTest::newRow("version") << QByteArray("POST /wsman HTTP/2.0\r\nHost: x\r\n\r\n") << 505;
        QTest::newRow("length and chunked")
            << QByteArray("POST /wsman HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n"
                          "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n")
            << 400;
        QTest::newRow("gzip")
            << QByteArray("POST /wsman HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\n\r\n")
            << 501;
        QTest::newRow("chunked twice")
            << QByteArray("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n"
                          "Transfer-Encoding: chunked\r\n\r\n")
            << 501;
        QTest::newRow("negative length")
            << QByteArray("POST /wsman HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n") << 400;
        QTest::newRow("length not a number")
            << QByteArray("POST / HTTP/1.1\r\nContent-Length: 1x\r\n\r\n") << 400;
        QTest::newRow("two different lengths")
            << QByteArray("POST / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n")
            << 400;
        QTest::newRow("body too large")
            << QByteArray("POST / HTTP/1.1\r\nContent-Length: 104857600\r\n\r\n") << 413;
        QTest::newRow("headers too large, unterminated")
            << ("POST /wsman HTTP/1.1\r\nX-Big: " + QByteArray(40000, 'a')) << 431;
        QTest::newRow("headers too large")
            << ("POST /wsman HTTP/1.1\r\nX-Big: " + QByteArray(40000, 'a') + "\r\n\r\n") << 431;
        const QByteArray chunked = "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n";
        QTest::newRow("chunk too large") << (chunked + "80001\r\n") << 413;
        QTest::newRow("chunks too large together")
            << (chunked + "40000\r\n" + QByteArray(0x40000, 'x') + "\r\n40001\r\n") << 413;
        QTest::newRow("chunk size not hex") << (chunked + "zz\r\n") << 400;
        QTest::newRow("chunk size empty") << (chunked + ";ext\r\n") << 400;
        QTest::newRow("chunk size negative") << (chunked + "-5\r\n") << 400;
        QTest::newRow("chunk size line too long") << (chunked + QByteArray(1025, '0')) << 400;
        QTest::newRow("chunk without CRLF") << (chunked + "1\r\nabc") << 400;
        QTest::newRow("trailer too large") << (chunked + "0\r\n" + QByteArray(40000, 't')) << 431;
    }
    void refused()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(int, status);
        const Outcome whole = feed(bytes);
        QCOMPARE(whole.errorStatus, status);
        QVERIFY(!whole.errorText.isEmpty());
        QVERIFY(whole.requests.isEmpty());
        // Arriving in pieces changes nothing but when the refusal comes.
        QCOMPARE(feed(bytes, 5).errorStatus, status);
    }

    void refusalStops()
    {
        HttpRequestParser parser;
        parser.append("POST /wsman HTTP/2.0\r\n\r\nGET / HTTP/1.1\r\n\r\n");
        QCOMPARE(parser.next(), Step::Error);
        QCOMPARE(parser.next(), Step::Error); // nothing after a refusal is read
        QCOMPARE(parser.errorStatus(), 505);
    }

    void limitsApply()
    {
        QCOMPARE(feed("POST / HTTP/1.1\r\nContent-Length: 11\r\n\r\n", 0, 1024, 10).errorStatus,
                 413);
        QCOMPARE(feed("POST / HTTP/1.1\r\nContent-Length: 10\r\n\r\n0123456789", 0, 1024, 10)
                     .requests.size(),
                 1);
        QCOMPARE(feed("POST / HTTP/1.1\r\nX: 0123456789\r\n\r\n", 0, 16).errorStatus, 431);
    }

    void manySmallChunks()
    {
        QByteArray bytes = "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n";
        for (int i = 0; i < 20000; ++i)
            bytes += "1\r\nx\r\n";
        bytes += "0\r\n\r\n";
        const Outcome out = feed(bytes, 4096);
        QCOMPARE(out.errorStatus, 0);
        QCOMPARE(out.requests.size(), 1);
        QCOMPARE(out.requests.front().body, QByteArray(20000, 'x'));
    }
};

QTEST_GUILESS_MAIN(TestHttpRequestParser)
#include "tst_httprequestparser.moc"
