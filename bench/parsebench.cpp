// rd_bench_parse: time per KiB of the parsers that read untrusted input, on realistic and large
// messages at 1x, 4x and 16x their base size, so that linear time shows as ratios near 1.0:
// WS-Man envelopes (wsman::readMessage) and HTTP requests (HttpRequestParser, fed in 64 KiB
// reads as the server's socket delivers them). Not a test.
//
//   rd_bench_parse [--min-ms N] [--scales 1,4,16]
// Each figure is the best of repeated runs of at least N ms.

#include "requests/createlistreplicarequest.h"
#include "wsman/envelope.h"
#include "wsman/httprequestparser.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>

#include <cstdio>
#include <functional>

using namespace rd;
using cim::Value;

namespace {

void out(const QString &line)
{
    std::fputs(qPrintable(line + QLatin1Char('\n')), stdout);
    std::fflush(stdout);
}

int g_minMs = 300;
QList<int> g_scales = {1, 4, 16};

// Best time of one call in microseconds, repeating until g_minMs have passed (at least 3 runs).
double bestMicros(const std::function<void()> &run)
{
    double best = 1e300;
    QElapsedTimer total;
    total.start();
    for (int i = 0; i < 3 || total.elapsed() < g_minMs; ++i) {
        QElapsedTimer t;
        t.start();
        run();
        best = qMin(best, double(t.nsecsElapsed()) / 1000.0);
    }
    return best;
}

// One series: the same message shape at 1x, 4x and 16x; prints µs per KiB and the ratio to 1x.
void series(const QString &name, const std::function<QByteArray(int)> &make,
            const std::function<void(const QByteArray &)> &parse)
{
    double base = 0;
    for (int scale : std::as_const(g_scales)) {
        const QByteArray message = make(scale);
        const double us = bestMicros([&] { parse(message); });
        const double perKiB = us / (double(message.size()) / 1024.0);
        if (scale == 1)
            base = perKiB;
        out(QStringLiteral("  %1 %2x  %3 KiB  %4 ms  %5 us/KiB  ratio %6")
                .arg(name, -34)
                .arg(scale, 2)
                .arg(double(message.size()) / 1024.0, 8, 'f', 1)
                .arg(us / 1000.0, 9, 'f', 3)
                .arg(perKiB, 7, 'f', 2)
                .arg(perKiB / base, 4, 'f', 2));
    }
}

const QByteArray kEnumerate =
    "<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\" "
    "xmlns:a=\"http://schemas.xmlsoap.org/ws/2004/08/addressing\" "
    "xmlns:w=\"http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd\" "
    "xmlns:n=\"http://schemas.xmlsoap.org/ws/2004/09/enumeration\"><s:Header>"
    "<a:To>http://localhost:5985/wsman</a:To><w:ResourceURI s:mustUnderstand=\"true\">"
    "http://schemas.microsoft.com/wbem/wsman/1/wmi/root/cimv2/storage/iscsitarget/"
    "CIM_StoragePool</w:ResourceURI><a:Action s:mustUnderstand=\"true\">"
    "http://schemas.xmlsoap.org/ws/2004/09/enumeration/Enumerate</a:Action>"
    "<a:MessageID>uuid:1</a:MessageID></s:Header><s:Body><n:Enumerate>"
    "<w:OptimizeEnumeration/><w:MaxElements>32000</w:MaxElements>BODY</n:Enumerate></s:Body>"
    "</s:Envelope>";

// Enumerate with 45 000 attributes per 1x on one element: refused by the attribute count before
// Qt's reader (quadratic in attributes) sees it. maxBytes is raised so size alone refuses none.
QByteArray manyAttributes(int scale)
{
    QByteArray attributes;
    for (int i = 0; i < 45000 * scale; ++i)
        attributes += " a" + QByteArray::number(i) + "=\"\"";
    return QByteArray(kEnumerate)
        .replace("BODY", QByteArray("<x:E xmlns:x=\"urn:x\"" + attributes + "/>"));
}

// Enumerate with 45 000 attributes per 1x spread over elements of 100 each (within the limit),
// read in full.
QByteArray spreadAttributes(int scale)
{
    QByteArray elements;
    for (int e = 0; e < 450 * scale; ++e) {
        elements += "<x:E";
        for (int i = 0; i < 100; ++i)
            elements += " a" + QByteArray::number(i) + "=\"" + QByteArray::number(e) + "\"";
        elements += "/>";
    }
    return QByteArray(kEnumerate)
        .replace("BODY", QByteArray("<x:L xmlns:x=\"urn:x\">" + elements + "</x:L>"));
}

// Enumerate with 2 000 elements per 1x (each with an attribute and text), read in full.
QByteArray manyElements(int scale)
{
    QByteArray items;
    for (int i = 0; i < 2000 * scale; ++i)
        items +=
            "<x:I x:n=\"" + QByteArray::number(i) + "\">value " + QByteArray::number(i) + "</x:I>";
    return QByteArray(kEnumerate)
        .replace("BODY", QByteArray("<x:L xmlns:x=\"urn:x\">" + items + "</x:L>"));
}

cim::ObjectPath volume(int i)
{
    return cim::ObjectPath(
        QStringLiteral("root/cimv2/storage/iscsitarget"),
        QStringLiteral("MSISCSITARGET_StorageVolume"),
        {{QStringLiteral("DeviceID"), Value::string(QStringLiteral("vol-%1").arg(i))}});
}

// A CreateListReplica Invoke of 64 source and 64 target volumes per 1x, as the console sends it.
QByteArray createListReplica(int scale)
{
    requests::CreateListReplicaRequest r;
    r.syncType = cim::SyncType::Mirror;
    for (int i = 0; i < 64 * scale; ++i) {
        r.sourceElements << volume(i);
        r.targetElements << volume(100000 + i);
        r.elementNames << QStringLiteral("replica %1").arg(i);
    }
    const cim::MethodCall call =
        r.toCall(cim::ObjectPath(QStringLiteral("root/cimv2/storage/iscsitarget"),
                                 QStringLiteral("MSISCSITARGET_ReplicationService"),
                                 {{QStringLiteral("Name"), Value::string(QStringLiteral("rs"))}}));
    wsman::Message m;
    m.operation = wsman::Operation::Invoke;
    m.header.setTarget(call.target, wsman::UriStyle::Microsoft);
    m.header.to = QStringLiteral("https://host:5986/wsman");
    m.header.messageId = wsman::newMessageId();
    m.invoke.method = call.method;
    m.invoke.parameters = call.in;
    m.header.action = m.defaultAction();
    return wsman::writeMessage(m);
}

// A PullResponse of 100 storage volumes per 1x, as the console reads it.
QByteArray pullResponse(int scale)
{
    wsman::Message m;
    m.operation = wsman::Operation::Pull;
    m.response = true;
    m.header.messageId = wsman::newMessageId();
    m.header.relatesTo = wsman::newMessageId();
    m.header.action = m.defaultAction();
    for (int i = 0; i < 100 * scale; ++i) {
        cim::Instance v(QStringLiteral("MSISCSITARGET_StorageVolume"));
        v.setPath(volume(i));
        v.setProperties(
            {{QStringLiteral("DeviceID"), Value::string(QStringLiteral("vol-%1").arg(i))},
             {QStringLiteral("ElementName"), Value::string(QStringLiteral("volume %1").arg(i))},
             {QStringLiteral("BlockSize"), Value::uint64(512)},
             {QStringLiteral("NumberOfBlocks"), Value::uint64(quint64(i) * 2048)},
             {QStringLiteral("OperationalStatus"),
              Value::array(cim::CimType::UInt16, {Value::uint16(2)})}});
        wsman::EnumerationItem item;
        item.instance = v;
        m.enumeration.items << item;
    }
    m.enumeration.context = QStringLiteral("uuid:ctx");
    return wsman::writeMessage(m);
}

void readEnvelope(const QByteArray &message, bool mustRead)
{
    wsman::ReadLimits limits;
    limits.maxBytes = 64 << 20;
    limits.maxElements = 10000000;
    limits.maxParameters = 100000;
    const wsman::ReadResult r = wsman::readMessage(message, nullptr, limits);
    if (r.ok() != mustRead) {
        out(QStringLiteral("unexpected result: %1").arg(r.fault ? r.fault->reason : QString()));
        std::exit(1);
    }
}

QByteArray httpHead(const QByteArray &framing)
{
    return "POST /wsman HTTP/1.1\r\nHost: host:5986\r\nContent-Type: application/soap+xml;"
           "charset=UTF-8\r\nAuthorization: Basic YWRtaW46c2VjcmV0\r\nUser-Agent: ReplicaDesk\r\n" +
           framing + "\r\n";
}

// A body of 32 KiB per 1x with Content-Length (16x is 512 KiB, the server's limit).
QByteArray contentLength(int scale)
{
    const QByteArray body(32 * 1024 * scale, 'x');
    return httpHead("Content-Length: " + QByteArray::number(body.size()) + "\r\n") + body;
}

// The same body in chunks of `size` bytes.
QByteArray chunked(int scale, int size)
{
    QByteArray bytes = httpHead("Transfer-Encoding: chunked\r\n");
    const QByteArray chunk = QByteArray::number(size, 16) + "\r\n" + QByteArray(size, 'x') + "\r\n";
    for (int i = 0; i < 32 * 1024 * scale / size; ++i)
        bytes += chunk;
    return bytes + "0\r\n\r\n";
}

// Headers of 2 KiB per 1x (16x is just under the 32 KiB limit), as a slow client sends them.
QByteArray bigHead(int scale)
{
    QByteArray fields;
    for (int i = 0; fields.size() < 2000 * scale; ++i)
        fields += "X-Field-" + QByteArray::number(i) + ": " + QByteArray(40, 'v') + "\r\n";
    return httpHead(fields + "Content-Length: 0\r\n");
}

// 128 small pipelined requests per 1x (a busy client's Identify probes).
QByteArray pipelined(int scale)
{
    QByteArray bytes;
    for (int i = 0; i < 128 * scale; ++i)
        bytes += httpHead("WSMANIDENTIFY: unauthenticated\r\nContent-Length: 0\r\n");
    return bytes;
}

void readHttp(const QByteArray &bytes, qsizetype piece = 64 * 1024)
{
    wsman::HttpRequestParser parser;
    parser.setLimits(32 * 1024, 512 * 1024);
    int requests = 0;
    for (qsizetype at = 0; at < bytes.size(); at += piece) {
        parser.append(QByteArrayView(bytes).sliced(at, qMin<qsizetype>(piece, bytes.size() - at)));
        for (;;) {
            const auto step = parser.next();
            if (step == wsman::HttpRequestParser::Step::NeedMore)
                break;
            if (step == wsman::HttpRequestParser::Step::Error) {
                out(QStringLiteral("unexpected refusal: %1").arg(parser.errorText()));
                std::exit(1);
            }
            if (step == wsman::HttpRequestParser::Step::Request) {
                parser.takeRequest();
                ++requests;
            }
        }
    }
    if (requests == 0) {
        out(QStringLiteral("no request read"));
        std::exit(1);
    }
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser cli;
    cli.addHelpOption();
    QCommandLineOption minMs(QStringLiteral("min-ms"),
                             QStringLiteral("Repeat each measurement for at least N ms."),
                             QStringLiteral("N"), QString::number(g_minMs));
    QCommandLineOption scales(QStringLiteral("scales"),
                              QStringLiteral("The sizes, as multiples of the base (1,4,16)."),
                              QStringLiteral("LIST"), QStringLiteral("1,4,16"));
    cli.addOption(minMs);
    cli.addOption(scales);
    cli.process(app);
    g_minMs = cli.value(minMs).toInt();
    g_scales.clear();
    for (const QString &s : cli.value(scales).split(u','))
        g_scales << qMax(1, s.toInt());

    out(QStringLiteral("rd_bench_parse: best of repeated runs (>= %1 ms each); ratio = us/KiB "
                       "against 1x")
            .arg(g_minMs));
    out(QStringLiteral("WS-Man envelopes (wsman::readMessage, no type resolver):"));
    series(QStringLiteral("Enumerate, 45000 attributes (refused)"), manyAttributes,
           [](const QByteArray &m) { readEnvelope(m, false); });
    series(QStringLiteral("Enumerate, 45000 attributes, 100 each"), spreadAttributes,
           [](const QByteArray &m) { readEnvelope(m, true); });
    series(QStringLiteral("Enumerate, 2000 elements"), manyElements,
           [](const QByteArray &m) { readEnvelope(m, true); });
    series(QStringLiteral("CreateListReplica, 64 pairs"), createListReplica,
           [](const QByteArray &m) { readEnvelope(m, true); });
    series(QStringLiteral("PullResponse, 100 volumes"), pullResponse,
           [](const QByteArray &m) { readEnvelope(m, true); });
    out(QStringLiteral("HTTP requests (HttpRequestParser, 64 KiB reads):"));
    series(QStringLiteral("Content-Length, 32 KiB body"), contentLength,
           [](const QByteArray &m) { readHttp(m); });
    series(
        QStringLiteral("chunked, 4 KiB chunks"), [](int s) { return chunked(s, 4096); },
        [](const QByteArray &m) { readHttp(m); });
    series(
        QStringLiteral("chunked, 16-byte chunks"), [](int s) { return chunked(s, 16); },
        [](const QByteArray &m) { readHttp(m); });
    series(QStringLiteral("128 pipelined requests"), pipelined,
           [](const QByteArray &m) { readHttp(m); });
    series(QStringLiteral("2 KiB headers, 1-byte reads"), bigHead,
           [](const QByteArray &m) { readHttp(m, 1); });
    return 0;
}
