// rd_bench_hostio: host I/O through a volume's NBD export against qemu-nbd serving the same kind
// of file (a sparse raw image in the same directory), both on a Unix socket, measured with fio's
// nbd engine in one run: sequential writes (1 MiB blocks) and random 4 KiB writes (queue depth
// 16), each also with the volume under a synchronous (Mode 2) mirror. Prints MiB/s, IOPS and the
// ratios to qemu-nbd. Not a test.
//
//   rd_bench_hostio [--dir DIR] [--size-mib N] [--seconds N]

#include "engine.h"
#include "provider/providerregistry.h"
#include "replication/replicationservice.h"
#include "serving/engineserver.h"
#include "storage/poolmanager.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QThread>

#include <cstdio>
#include <optional>

using namespace rd;
using namespace rd::engine;

namespace {
constexpr quint64 MiB = 1 << 20;

void out(const QString &line)
{
    std::fputs(qPrintable(line + QLatin1Char('\n')), stdout);
    std::fflush(stdout);
}

struct Figures
{
    double mibPerSecond = 0;
    double iops = 0;
};

// fio with its nbd engine against url, while this thread's event loop serves the export.
std::optional<Figures> fio(const QString &url, const QString &rw, const QString &bs, int depth,
                           int seconds, quint64 size)
{
    QProcess p;
    p.start(QStringLiteral("fio"),
            {QStringLiteral("--name=host"), QStringLiteral("--ioengine=nbd"),
             QStringLiteral("--uri=") + url, QStringLiteral("--rw=") + rw,
             QStringLiteral("--bs=") + bs, QStringLiteral("--iodepth=%1").arg(depth),
             QStringLiteral("--size=%1").arg(size), QStringLiteral("--time_based"),
             QStringLiteral("--runtime=%1").arg(seconds), QStringLiteral("--randrepeat=0"),
             QStringLiteral("--output-format=json")});
    QEventLoop loop;
    QObject::connect(&p, &QProcess::finished, &loop, &QEventLoop::quit);
    QObject::connect(&p, &QProcess::errorOccurred, &loop, &QEventLoop::quit);
    if (p.state() != QProcess::NotRunning)
        loop.exec();
    const QByteArray json = p.readAllStandardOutput();
    if (p.exitCode() != 0) {
        out(QStringLiteral("fio failed: ") + QString::fromLocal8Bit(p.readAllStandardError()));
        return std::nullopt;
    }
    const QJsonObject write = QJsonDocument::fromJson(json.mid(json.indexOf('{')))
                                  .object()[QStringLiteral("jobs")]
                                  .toArray()
                                  .at(0)
                                  .toObject()[QStringLiteral("write")]
                                  .toObject();
    return Figures{write[QStringLiteral("bw_bytes")].toDouble() / MiB,
                   write[QStringLiteral("iops")].toDouble()};
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption dirOption(QStringLiteral("dir"), QStringLiteral("Work directory."),
                                       QStringLiteral("dir"));
    const QCommandLineOption sizeOption(QStringLiteral("size-mib"),
                                        QStringLiteral("Volume size (default 1024)."),
                                        QStringLiteral("n"), QStringLiteral("1024"));
    const QCommandLineOption secondsOption(QStringLiteral("seconds"),
                                           QStringLiteral("Seconds per fio run (default 10)."),
                                           QStringLiteral("n"), QStringLiteral("10"));
    parser.addOptions({dirOption, sizeOption, secondsOption});
    parser.process(app);
    for (const char *tool : {"fio", "qemu-nbd"}) {
        if (QStandardPaths::findExecutable(QString::fromLatin1(tool)).isEmpty()) {
            out(QStringLiteral("%1 is not installed (scripts/setup.sh installs it)")
                    .arg(QString::fromLatin1(tool)));
            return 1;
        }
    }
    QTemporaryDir temp(parser.isSet(dirOption)
                           ? parser.value(dirOption) + QStringLiteral("/hostio-XXXXXX")
                           : QDir::tempPath() + QStringLiteral("/hostio-XXXXXX"));
    const quint64 size = parser.value(sizeOption).toULongLong() * MiB;
    const int seconds = parser.value(secondsOption).toInt();

    auto opened = Engine::open({temp.filePath(QStringLiteral("data")),
                                temp.filePath(QStringLiteral("pool")), QStringLiteral("bench")});
    if (!opened) {
        out(opened.error().message);
        return 1;
    }
    std::unique_ptr<Engine> engine = std::move(opened).value();
    PoolManager *pools = engine->poolManager();
    auto volume = pools->createVolume(pools->defaultPoolId(), QStringLiteral("bench"), size);
    if (!volume) {
        out(volume.error().message);
        return 1;
    }
    EngineServer server({engine->registry(), pools, engine->remoteCollections(),
                         engine->hostAccess(), engine->replication()},
                        wsman::UserStore());
    EngineServerOptions options;
    options.serveWsman = false;
    options.nbdLocalPath = temp.filePath(QStringLiteral("rd.sock"));
    if (auto ok = server.start(options); !ok) {
        out(ok.error().message);
        return 1;
    }
    QUrl ours = server.nbdLocalUrl();
    ours.setPath(u'/' + volume->deviceId);

    // qemu-nbd on a sparse raw file of the same size beside the pool.
    const QString image = temp.filePath(QStringLiteral("qemu.raw"));
    {
        QFile f(image);
        if (!f.open(QIODevice::WriteOnly) || !f.resize(qint64(size))) {
            out(QStringLiteral("cannot make ") + image);
            return 1;
        }
    }
    const QString qemuSocket = temp.filePath(QStringLiteral("qemu.sock"));
    QProcess qemu;
    qemu.start(QStringLiteral("qemu-nbd"),
               {QStringLiteral("--format=raw"), QStringLiteral("--persistent"),
                QStringLiteral("--shared=8"), QStringLiteral("--export-name=bench"),
                QStringLiteral("--socket=") + qemuSocket, image});
    for (int i = 0; i < 500 && !QFile::exists(qemuSocket); ++i)
        QThread::msleep(10);
    const QString theirs = QStringLiteral("nbd+unix:///bench?socket=") + qemuSocket;

    out(QStringLiteral("host I/O over NBD (Unix socket), fio nbd engine, %1 MiB volume, %2 s per "
                       "run")
            .arg(size / MiB)
            .arg(seconds));
    struct Case
    {
        const char *name;
        const char *rw;
        const char *bs;
        int depth;
    };
    const Case cases[] = {{"sequential write 1 MiB", "write", "1M", 4},
                          {"random write 4 KiB qd16", "randwrite", "4k", 16}};
    auto report = [&](const Case &c, const Figures &a, const Figures &b, const QString &what) {
        out(QStringLiteral("  %1 %2: %3 MiB/s %4 IOPS | qemu-nbd %5 MiB/s %6 IOPS | ratio %7")
                .arg(QString::fromLatin1(c.name), what)
                .arg(a.mibPerSecond, 0, 'f', 1)
                .arg(a.iops, 0, 'f', 0)
                .arg(b.mibPerSecond, 0, 'f', 1)
                .arg(b.iops, 0, 'f', 0)
                .arg(b.iops > 0 ? a.iops / b.iops : 0, 0, 'f', 2));
    };
    QList<std::pair<Case, Figures>> baseline;
    for (const Case &c : cases) {
        const auto q = fio(theirs, QString::fromLatin1(c.rw), QString::fromLatin1(c.bs), c.depth,
                           seconds, size);
        const auto r = fio(ours.toString(), QString::fromLatin1(c.rw), QString::fromLatin1(c.bs),
                           c.depth, seconds, size);
        if (!q || !r)
            return 1;
        report(c, *r, *q, QStringLiteral("(ReplicaDesk)"));
        baseline.append({c, *q});
    }
    // The same with a synchronous mirror of the volume in the same pool.
    auto f = engine->registry()->invokeMethod(
        {engine->replication()->servicePath(), QStringLiteral("CreateListReplica"), [&] {
             cim::Parameters in;
             in.set(QStringLiteral("SyncType"), cim::Value::uint16(6));
             in.set(QStringLiteral("Mode"), cim::Value::uint16(2));
             in.set(QStringLiteral("WaitForCopyState"), cim::Value::uint16(4));
             cim::ObjectPath source(
                 ProviderRegistry::defaultNameSpace(), QStringLiteral("CIM_StorageVolume"),
                 {{QStringLiteral("DeviceID"), cim::Value::string(volume->deviceId)}});
             in.set(QStringLiteral("SourceElements"),
                    cim::Value::array(cim::CimType::Reference, {cim::Value::reference(source)}));
             return in;
         }()});
    QElapsedTimer waited;
    waited.start();
    while (!f.isFinished() && waited.elapsed() < 600000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    if (!f.isFinished() || (f.result().returnValue != 0 && f.result().returnValue != 4096)) {
        out(QStringLiteral("no mirror: ") + (f.isFinished() ? f.result().message : QString()));
    } else {
        for (const auto &[c, q] : baseline) {
            const auto r = fio(ours.toString(), QString::fromLatin1(c.rw),
                               QString::fromLatin1(c.bs), c.depth, seconds, size);
            if (!r)
                return 1;
            report(c, *r, q, QStringLiteral("(ReplicaDesk, Mode 2 mirror)"));
        }
    }
    qemu.terminate();
    qemu.waitForFinished(10000);
    return 0;
}
