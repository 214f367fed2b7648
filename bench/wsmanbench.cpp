// rd_bench_wsman: the WS-Man server and WsmanTransport against each other on loopback, in one
// process. Prints Invoke latency (p50, p99 over sequential calls) and the time to enumerate
// 10 000 instances (optimized Enumerate, then Pulls). Not a test.
//
//   rd_bench_wsman [--calls N] [--instances N] [--max-elements N] [--tls]

#include "provider/provider.h"
#include "provider/providerregistry.h"
#include "wsman/selfsignedcertificate.h"
#include "wsman/wsmanserver.h"
#include "wsman/wsmantransport.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFuture>
#include <QLoggingCategory>

#include <algorithm>
#include <cstdio>

using namespace rd;
using namespace rd::engine;
using cim::Value;

namespace {

void out(const QString &line)
{
    std::fputs(qPrintable(line + QLatin1Char('\n')), stdout);
    std::fflush(stdout);
}

// BENCH_Item: n instances of a few properties each; BENCH_Service.Ping(Value) echoes Value.
class BenchProvider final : public Provider
{
public:
    explicit BenchProvider(int count)
    {
        for (int i = 0; i < count; ++i) {
            cim::Instance item(QStringLiteral("BENCH_Item"));
            item.setPath(cim::ObjectPath(ProviderRegistry::defaultNameSpace(),
                                         QStringLiteral("BENCH_Item"),
                                         {{QStringLiteral("Id"), Value::uint32(quint32(i))}}));
            item.setProperties(
                {{QStringLiteral("Id"), Value::uint32(quint32(i))},
                 {QStringLiteral("ElementName"), Value::string(QStringLiteral("volume %1").arg(i))},
                 {QStringLiteral("NumberOfBlocks"), Value::uint64(quint64(i) * 2048)},
                 {QStringLiteral("OperationalStatus"),
                  Value::array(cim::CimType::UInt16, {Value::uint16(2)})}});
            m_items.append(item);
        }
    }
    QList<ClassInfo> classes() const override
    {
        return {{QStringLiteral("BENCH_Item"), {}, false},
                {QStringLiteral("BENCH_Service"), {}, false}};
    }
    cim::Result<QList<cim::Instance>> enumerateInstances(const QString &className) override
    {
        if (className == u"BENCH_Item")
            return m_items;
        cim::Instance s(QStringLiteral("BENCH_Service"));
        s.setPath(
            cim::ObjectPath(ProviderRegistry::defaultNameSpace(), QStringLiteral("BENCH_Service"),
                            {{QStringLiteral("Name"), Value::string(QStringLiteral("svc"))}}));
        return QList<cim::Instance>{s};
    }
    QList<MethodSpec> methods(const QString &className) const override
    {
        if (className != u"BENCH_Service")
            return {};
        return {
            {QStringLiteral("Ping"),
             {{QStringLiteral("Value"), cim::CimType::UInt32, false, ParameterSpec::In, true, {}},
              {QStringLiteral("Echo"),
               cim::CimType::UInt32,
               false,
               ParameterSpec::Out,
               false,
               {}}}}};
    }
    QFuture<cim::MethodResult> invokeMethod(const cim::MethodCall &call) override
    {
        cim::MethodResult r;
        r.out.set(QStringLiteral("Echo"), call.in.value(u"Value"));
        return QtFuture::makeReadyFuture(r);
    }

private:
    QList<cim::Instance> m_items;
};

template<class T>
T wait(QFuture<T> future)
{
    QEventLoop loop;
    while (!future.isFinished())
        loop.processEvents(QEventLoop::WaitForMoreEvents);
    return future.result();
}

double percentile(QList<double> sorted, double p)
{
    const qsizetype i = qMin(sorted.size() - 1, qsizetype(p * double(sorted.size() - 1) + 0.5));
    return sorted.at(i);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    // The server's one-line-per-request log would be most of the output.
    QLoggingCategory::setFilterRules(QStringLiteral("rd.wsman.server.info=false"));
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("WS-Man Invoke latency and enumeration time on loopback."));
    parser.addHelpOption();
    const QCommandLineOption calls(QStringLiteral("calls"), QStringLiteral("Sequential Invokes."),
                                   QStringLiteral("N"), QStringLiteral("1000"));
    const QCommandLineOption instances(QStringLiteral("instances"),
                                       QStringLiteral("Instances to enumerate."),
                                       QStringLiteral("N"), QStringLiteral("10000"));
    const QCommandLineOption maxElements(QStringLiteral("max-elements"),
                                         QStringLiteral("Items per Pull."), QStringLiteral("N"),
                                         QStringLiteral("500"));
    const QCommandLineOption tls(QStringLiteral("tls"),
                                 QStringLiteral("HTTPS with a fresh self-signed certificate."));
    parser.addOptions({calls, instances, maxElements, tls});
    parser.process(app);

    ProviderRegistry registry;
    if (!registry.addProvider(std::make_shared<BenchProvider>(parser.value(instances).toInt())))
        return 1;
    wsman::UserStore users;
    users.addUser(QStringLiteral("bench"),
                  wsman::UserStore::hashPassword(QStringLiteral("bench"), 1000));
    wsman::WsmanServer server(&registry, users);
    wsman::WsmanServerOptions options;
    QString fingerprint;
    if (parser.isSet(tls)) {
        auto id = wsman::makeSelfSignedCertificate(QStringLiteral("localhost"),
                                                   {QStringLiteral("localhost")},
                                                   {QHostAddress(QHostAddress::LocalHost)});
        if (!id) {
            out(id.error().message);
            return 1;
        }
        fingerprint = wsman::certificateFingerprint(id->certificate);
        options.tls = id.value();
    }
    if (auto ok = server.listen(options); !ok) {
        out(ok.error().message);
        return 1;
    }
    wsman::WsmanTransport client(server.url());
    client.setCredentials(QStringLiteral("bench"), QStringLiteral("bench"));
    client.setMaxElements(parser.value(maxElements).toInt());
    if (!fingerprint.isEmpty())
        client.setTrustedFingerprints({fingerprint});

    // Warm up: the first request pays for the login and the connection.
    (void)wait(client.identify());

    cim::MethodCall ping;
    ping.target =
        cim::ObjectPath(ProviderRegistry::defaultNameSpace(), QStringLiteral("BENCH_Service"),
                        {{QStringLiteral("Name"), Value::string(QStringLiteral("svc"))}});
    ping.method = QStringLiteral("Ping");
    QList<double> latencies;
    const int n = qMax(1, parser.value(calls).toInt());
    for (int i = 0; i < n; ++i) {
        ping.in.set(QStringLiteral("Value"), Value::uint32(quint32(i)));
        QElapsedTimer t;
        t.start();
        const cim::MethodResult r = wait(client.invokeMethod(ping));
        latencies.append(double(t.nsecsElapsed()) / 1e6);
        if (r.returnValue != 0 || r.out.value(u"Echo").toUInt64() != quint64(i)) {
            out(QStringLiteral("Invoke failed: %1").arg(r.message));
            return 1;
        }
    }
    std::sort(latencies.begin(), latencies.end());

    QElapsedTimer t;
    t.start();
    const auto all = wait(client.enumerateInstances(QStringLiteral("BENCH_Item")));
    const qint64 enumerateMs = t.elapsed();
    if (!all.ok()) {
        out(all.error().message);
        return 1;
    }
    out(QStringLiteral("wsman loopback (%1): Invoke p50 %2 ms, p99 %3 ms over %4 calls; "
                       "enumerating %5 instances (MaxElements %6) %7 ms")
            .arg(parser.isSet(tls) ? QStringLiteral("https") : QStringLiteral("http"))
            .arg(percentile(latencies, 0.5), 0, 'f', 2)
            .arg(percentile(latencies, 0.99), 0, 'f', 2)
            .arg(n)
            .arg(all->size())
            .arg(parser.value(maxElements))
            .arg(enumerateMs));
    return 0;
}
