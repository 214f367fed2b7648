// rd_bench_remoteclone: the engine's clone of a volume to another local image (read + write)
// against the same clone into a peer's NBD export over loopback (libnbd client, the engine's
// NbdServer on a thread of its own as in another process), plain and with TLS; then a host's
// sequential 1 MiB writes into a volume without a mirror, with a synchronous (Mode 2) mirror to a
// local image, and with one to the peer's export over TLS. Not a test.
//
//   rd_bench_remoteclone [--size-mib N] [--dir DIR] [--workers N]

#include "remote/nbdblockdevice.h"
#include "remote/nbdserver.h"
#include "remote/remoteclonewriter.h"
#include "replication/mirrorsession.h"
#include "storage/filevolume.h"
#include "wsman/selfsignedcertificate.h"

#include <ThreadWeaver/Queue>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QThread>

#include <cstdio>

using namespace rd;
using namespace rd::engine;

namespace {
constexpr quint64 MiB = 1 << 20;

void out(const QString &line)
{
    std::fputs(qPrintable(line + QLatin1Char('\n')), stdout);
    std::fflush(stdout);
}

bool makeImage(const QString &path, quint64 size)
{
    auto v = FileVolume::create(path, size);
    if (!v)
        return false;
    QByteArray buf(int(MiB), Qt::Uninitialized);
    QRandomGenerator rng(1234);
    for (quint64 at = 0; at < size; at += MiB) {
        rng.fillRange(reinterpret_cast<quint32 *>(buf.data()), buf.size() / 4);
        if (!(*v)->write(at, std::span<const char>(buf.constData(), size_t(buf.size()))))
            return false;
    }
    return (*v)->flush().ok();
}

bool sameContent(const QString &a, const QString &b)
{
    QProcess p;
    p.start(QStringLiteral("cmp"), {QStringLiteral("-s"), a, b});
    return p.waitForFinished(-1) && p.exitCode() == 0;
}

// Seconds until the clone is complete (flushed on the target), or -1.
double localClone(ThreadWeaver::Queue *queue, const QString &src, const QString &dst, int workers)
{
    QFile::remove(dst);
    auto s = FileVolume::open(src);
    auto t = s ? FileVolume::create(dst, (*s)->size()) : decltype(FileVolume::create(dst, 0))();
    if (!s || !t)
        return -1;
    CloneOptions opt;
    opt.workers = workers;
    QElapsedTimer timer;
    timer.start();
    CloneCopier copier(std::shared_ptr<FileVolume>(std::move(s).value()),
                       std::shared_ptr<FileVolume>(std::move(t).value()), queue, opt);
    if (!copier.arm())
        return -1;
    QEventLoop loop;
    bool ok = false;
    QObject::connect(&copier, &CloneCopier::finished, &loop,
                     [&](CloneCopier::Outcome o, const QString &) {
                         ok = o == CloneCopier::Outcome::Completed;
                         loop.quit();
                     });
    copier.start();
    loop.exec();
    copier.detach();
    return ok ? timer.nsecsElapsed() / 1e9 : -1;
}

// The peer: an NbdServer exporting dst as "replica" on a thread of its own.
struct Peer
{
    QThread thread;
    QObject *anchor = nullptr;
    NbdServer *server = nullptr;
    QUrl url;

    bool start(const QString &dst, quint64 size, const std::optional<wsman::TlsIdentity> &tls)
    {
        QFile::remove(dst);
        auto t = FileVolume::create(dst, size);
        if (!t)
            return false;
        std::shared_ptr<BlockDevice> device(std::move(t).value());
        thread.start();
        anchor = new QObject;
        anchor->moveToThread(&thread);
        QMetaObject::invokeMethod(
            anchor,
            [&] {
                server = new NbdServer(
                    [device](const QString &) -> cim::Result<std::shared_ptr<BlockDevice>> {
                        return device;
                    },
                    [] { return QStringList{QStringLiteral("replica")}; });
                server->setTls(tls, tls.has_value());
                if (server->listen())
                    url = server->url(QStringLiteral("replica"));
            },
            Qt::BlockingQueuedConnection);
        return !url.isEmpty();
    }

    ~Peer()
    {
        if (anchor) {
            QMetaObject::invokeMethod(
                anchor,
                [this] {
                    delete server;
                    delete anchor;
                },
                Qt::BlockingQueuedConnection);
        }
        thread.quit();
        thread.wait();
    }
};

double remoteClone(ThreadWeaver::Queue *queue, const QString &src, const QString &dst, int workers,
                   const std::optional<wsman::TlsIdentity> &tls, const QString &certs)
{
    auto s = FileVolume::open(src);
    if (!s)
        return -1;
    std::shared_ptr<FileVolume> source(std::move(s).value());
    Peer peer;
    if (!peer.start(dst, source->size(), tls))
        return -1;
    CloneOptions opt;
    opt.workers = workers;
    QElapsedTimer timer;
    timer.start();
    RemoteCloneWriter writer(source, queue, opt);
    QEventLoop loop;
    bool ok = false;
    QObject::connect(&writer, &RemoteCloneWriter::finished, &loop,
                     [&](CloneCopier::Outcome o, const QString &message) {
                         ok = o == CloneCopier::Outcome::Completed;
                         if (!ok)
                             out(QStringLiteral("  remote clone failed: ") + message);
                         loop.quit();
                     });
    writer.start(peer.url, {tls ? certs : QString()});
    loop.exec();
    return ok ? timer.nsecsElapsed() / 1e9 : -1;
}
// Seconds for a host to write size bytes in 1 MiB writes (then flush) into a new volume whose
// synchronous mirror forwards each write to target before it returns; no mirror without target.
double mirroredWrites(ThreadWeaver::Queue *queue, const QString &src, quint64 size,
                      const std::shared_ptr<BlockDevice> &target, const QString &mapPath)
{
    QFile::remove(src);
    auto s = FileVolume::create(src, size);
    if (!s)
        return -1;
    std::shared_ptr<FileVolume> source(std::move(s).value());
    std::unique_ptr<MirrorSession> session;
    if (target) {
        MirrorOptions o;
        o.synchronous = true;
        o.mapPath = mapPath;
        session = std::make_unique<MirrorSession>(source, target, queue, o);
        if (!session->arm())
            return -1;
        session->setForwarding(true);
        session->setDraining(true);
        QElapsedTimer wait;
        wait.start();
        while (!session->isInStep() && wait.elapsed() < 30000)
            QThread::msleep(10);
        if (!session->isInStep())
            return -1;
    }
    QByteArray data(int(MiB), Qt::Uninitialized);
    QRandomGenerator(99).fillRange(reinterpret_cast<quint32 *>(data.data()), data.size() / 4);
    QElapsedTimer timer;
    timer.start();
    for (quint64 at = 0; at < size; at += MiB) {
        if (!source->write(at, std::span<const char>(data.constData(), size_t(data.size()))))
            return -1;
    }
    if (!source->flush() || (target && !target->flush()))
        return -1;
    const double seconds = timer.nsecsElapsed() / 1e9;
    if (session) {
        if (!session->error().isEmpty()) {
            out(QStringLiteral("  mirror failed: ") + session->error());
            return -1;
        }
        session->detach();
    }
    return seconds;
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Clone throughput: local copy vs into an NBD export over loopback."));
    parser.addHelpOption();
    QCommandLineOption sizeOption(QStringLiteral("size-mib"), QStringLiteral("Image size in MiB."),
                                  QStringLiteral("N"), QStringLiteral("256"));
    QCommandLineOption dirOption(QStringLiteral("dir"), QStringLiteral("Where the images go."),
                                 QStringLiteral("DIR"), QDir::tempPath());
    QCommandLineOption workersOption(QStringLiteral("workers"), QStringLiteral("Chunks in flight."),
                                     QStringLiteral("N"), QStringLiteral("4"));
    parser.addOptions({sizeOption, dirOption, workersOption});
    parser.process(app);
    const quint64 size = parser.value(sizeOption).toULongLong() * MiB;
    const int workers = parser.value(workersOption).toInt();
    QTemporaryDir dir(parser.value(dirOption) + QStringLiteral("/rd-bench-XXXXXX"));
    if (!dir.isValid() || size == 0) {
        out(QStringLiteral("cannot set up"));
        return 1;
    }
    const QString src = dir.filePath(QStringLiteral("source.img"));
    const QString dst = dir.filePath(QStringLiteral("target.img"));
    if (!makeImage(src, size)) {
        out(QStringLiteral("cannot make the source image"));
        return 1;
    }
    auto identity = wsman::makeSelfSignedCertificate(QStringLiteral("127.0.0.1"), {},
                                                     {QHostAddress(QHostAddress::LocalHost)});
    const QString certs = dir.filePath(QStringLiteral("certs"));
    QDir().mkpath(certs);
    if (identity) {
        QFile f(certs + QStringLiteral("/ca-cert.pem"));
        if (f.open(QIODevice::WriteOnly))
            f.write(identity->certificate.toPem());
    }

    out(QStringLiteral("rd_bench_remoteclone: %1 MiB fully allocated image in %2, %3 chunks in "
                       "flight, %4 CPUs")
            .arg(size / MiB)
            .arg(dir.path())
            .arg(workers)
            .arg(QThread::idealThreadCount()));
    ThreadWeaver::Queue queue;
    queue.setMaximumNumberOfThreads(qMax(workers, 2));
    double local = 0;
    auto line = [&](const QString &name, double seconds) {
        if (seconds < 0) {
            out(QStringLiteral("  %1  failed").arg(name, -28));
            return;
        }
        const bool same = sameContent(src, dst);
        out(QStringLiteral("  %1 %2 s %3 MiB/s  %4")
                .arg(name, -28)
                .arg(seconds, 8, 'f', 3)
                .arg(double(size / MiB) / seconds, 9, 'f', 0)
                .arg(same ? QStringLiteral("identical") : QStringLiteral("DIFFERENT")));
        if (local > 0)
            out(QStringLiteral("    ratio remote / local: %1").arg(seconds / local, 0, 'f', 2));
    };
    const double localSeconds = localClone(&queue, src, dst, workers);
    line(QStringLiteral("local clone (read + write)"), localSeconds);
    local = localSeconds;
    line(QStringLiteral("remote clone, NBD"), remoteClone(&queue, src, dst, workers, {}, {}));
    if (identity)
        line(QStringLiteral("remote clone, NBD + TLS"),
             remoteClone(&queue, src, dst, workers, identity.value(), certs));

    // Mode 2: each host write waits for its replica.
    const QString written = dir.filePath(QStringLiteral("written.img"));
    const QString map = dir.filePath(QStringLiteral("mirror.map"));
    auto writes = [&](const QString &name, double seconds, double base) {
        if (seconds < 0) {
            out(QStringLiteral("  %1  failed").arg(name, -28));
            return;
        }
        out(QStringLiteral("  %1 %2 s %3 MiB/s%4")
                .arg(name, -28)
                .arg(seconds, 8, 'f', 3)
                .arg(double(size / MiB) / seconds, 9, 'f', 0)
                .arg(base > 0
                         ? QStringLiteral("  ratio to no mirror %1").arg(seconds / base, 0, 'f', 2)
                         : QString()));
    };
    // Once to warm the file system up (allocation of a new file), then measured.
    (void)mirroredWrites(&queue, written, size, nullptr, map);
    const double plain = mirroredWrites(&queue, written, size, nullptr, map);
    writes(QStringLiteral("host writes, no mirror"), plain, 0);
    QFile::remove(dst);
    if (auto t = FileVolume::create(dst, size)) {
        QFile::remove(map);
        writes(QStringLiteral("host writes, local mirror"),
               mirroredWrites(&queue, written, size,
                              std::shared_ptr<FileVolume>(std::move(t).value()), map),
               plain);
    }
    if (identity) {
        Peer peer;
        if (peer.start(dst, size, identity.value())) {
            NbdClientOptions o;
            o.tlsCertificates = certs;
            if (auto device = NbdBlockDevice::connect(peer.url, o)) {
                QFile::remove(map);
                writes(QStringLiteral("host writes, mirror NBD+TLS"),
                       mirroredWrites(&queue, written, size, device.value(), map), plain);
            }
        }
    }
    return 0;
}
