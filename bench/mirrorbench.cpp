// rd_bench_mirror: snapshots and mirrors through a real engine (catalog, pool, image files), in one
// run: snapshot creation at 1 GiB and at 64 GiB virtual size (same cost expected: nothing is
// copied); write throughput to a volume without a mirror, with a synchronous mirror and with an
// asynchronous one (and its drain); and what a resync copies against what was dirtied after a
// fracture. Prints times, ratios and bytes. Not a test.
//
//   rd_bench_mirror [--dir DIR] [--size-mib N] [--write-mib N]

#include "engine.h"
#include "provider/providerregistry.h"
#include "replication/poolreplicastorage.h"
#include "replication/replicationservice.h"
#include "storage/poolmanager.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QThread>

#include <algorithm>
#include <cstdio>

using namespace rd;
using namespace rd::engine;
using cim::Value;

namespace {
constexpr quint64 MiB = 1 << 20;
constexpr quint64 GiB = 1024 * MiB;

void out(const QString &line)
{
    std::fputs(qPrintable(line + QLatin1Char('\n')), stdout);
    std::fflush(stdout);
}

template<class Predicate>
bool spinUntil(Predicate done, int timeoutMs = 600000)
{
    QElapsedTimer t;
    t.start();
    while (!done()) {
        if (t.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    }
    return true;
}

class Bench
{
public:
    explicit Bench(const QString &dir)
        : m_dir(dir)
    {}

    bool open()
    {
        auto e = Engine::open({m_dir + QStringLiteral("/data"), m_dir + QStringLiteral("/pool"),
                               QStringLiteral("bench")});
        if (!e) {
            out(QStringLiteral("cannot open the engine: ") + e.error().message);
            return false;
        }
        m_engine = std::move(e).value();
        m_paths = std::make_unique<PoolReplicaStorage>(pools(), m_engine->systemName());
        return true;
    }
    PoolManager *pools() const { return m_engine->poolManager(); }
    ReplicationService *replication() const { return m_engine->replication(); }

    // A volume of size bytes with random data in its first dataBytes.
    QString volume(const QString &name, quint64 size, quint64 dataBytes)
    {
        auto v = pools()->createVolume(pools()->defaultPoolId(), name, size);
        if (!v) {
            out(QStringLiteral("cannot create a volume: ") + v.error().message);
            return {};
        }
        auto d = pools()->device(v->deviceId).value();
        QByteArray buf(int(MiB), Qt::Uninitialized);
        QRandomGenerator rng(42);
        for (quint64 off = 0; off < dataBytes; off += MiB) {
            rng.fillRange(reinterpret_cast<quint32 *>(buf.data()), buf.size() / 4);
            if (!d->write(off, std::span<const char>(buf.constData(), size_t(buf.size()))))
                return {};
        }
        (void)d->flush();
        return v->deviceId;
    }

    cim::MethodResult call(const QString &method, const cim::Parameters &in)
    {
        auto f = m_engine->registry()->invokeMethod({replication()->servicePath(), method, in});
        spinUntil([&] { return f.isFinished(); });
        return f.result();
    }
    cim::MethodResult create(const QString &source, quint16 type, quint16 mode, quint16 waitFor)
    {
        cim::Parameters in;
        in.set(QStringLiteral("SyncType"), Value::uint16(type));
        in.set(
            QStringLiteral("SourceElements"),
            Value::array(cim::CimType::Reference, {Value::reference(m_paths->volumePath(source))}));
        if (mode)
            in.set(QStringLiteral("Mode"), Value::uint16(mode));
        if (waitFor)
            in.set(QStringLiteral("WaitForCopyState"), Value::uint16(waitFor));
        return call(QStringLiteral("CreateListReplica"), in);
    }
    cim::MethodResult modify(quint16 op, const cim::MethodResult &created, quint16 waitFor = 0)
    {
        cim::Parameters in;
        in.set(QStringLiteral("Operation"), Value::uint16(op));
        in.set(QStringLiteral("Synchronization"),
               Value::array(cim::CimType::Reference,
                            {created.out.value(u"Synchronizations").elements().first()}));
        if (waitFor)
            in.set(QStringLiteral("WaitForCopyState"), Value::uint16(waitFor));
        return call(QStringLiteral("ModifyListSynchronization"), in);
    }
    static QString target(const cim::MethodResult &r)
    {
        return r.out.value(u"TargetElements")
            .elements()
            .first()
            .toReference()
            .key(u"DeviceID")
            .toString();
    }
    QString syncId(const QString &targetId) const
    {
        for (const SyncRecord &s : replication()->synchronizations()) {
            if (s.targetDeviceId == targetId)
                return s.id;
        }
        return {};
    }

private:
    QString m_dir;
    std::unique_ptr<Engine> m_engine;
    std::unique_ptr<PoolReplicaStorage> m_paths;
};

// Seconds to write `total` bytes as random 64 KiB writes (seeded), through the block layer.
double randomWrites(BlockDevice &d, quint64 total, quint32 seed)
{
    constexpr quint64 Block = 64 << 10;
    QByteArray buf(int(Block), Qt::Uninitialized);
    QRandomGenerator rng(seed);
    rng.fillRange(reinterpret_cast<quint32 *>(buf.data()), buf.size() / 4);
    const quint64 slots = d.size() / Block;
    QElapsedTimer t;
    t.start();
    for (quint64 done = 0; done < total; done += Block) {
        buf[0] = char(done);
        if (!d.write(rng.bounded(quint32(slots)) * Block,
                     std::span<const char>(buf.constData(), Block)))
            return -1;
    }
    return double(t.nsecsElapsed()) / 1e9;
}

double median(QList<double> v)
{
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? 0 : v[v.size() / 2];
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption dirOption(QStringLiteral("dir"),
                                       QStringLiteral("Directory for the engine's files."),
                                       QStringLiteral("DIR"));
    const QCommandLineOption sizeOption(QStringLiteral("size-mib"),
                                        QStringLiteral("Mirrored volume size (default 256)."),
                                        QStringLiteral("N"), QStringLiteral("256"));
    const QCommandLineOption writeOption(QStringLiteral("write-mib"),
                                         QStringLiteral("Bytes written per run (default 128)."),
                                         QStringLiteral("N"), QStringLiteral("128"));
    parser.addOptions({dirOption, sizeOption, writeOption});
    parser.process(app);
    QTemporaryDir temp(parser.isSet(dirOption)
                           ? parser.value(dirOption) + QStringLiteral("/rd-bench-XXXXXX")
                           : QDir::tempPath() + QStringLiteral("/rd-bench-XXXXXX"));
    if (!temp.isValid())
        return 1;
    const quint64 size = parser.value(sizeOption).toULongLong() * MiB;
    const quint64 writes = parser.value(writeOption).toULongLong() * MiB;
    Bench b(temp.path());
    if (!b.open())
        return 1;
    out(QStringLiteral("rd_bench_mirror: engine in %1, %2 CPUs, 64 KiB delta/dirty chunks")
            .arg(temp.path())
            .arg(QThread::idealThreadCount()));

    // 1. Snapshot creation: a 1 GiB and a 64 GiB volume, each with 64 MiB of data; five
    // snapshots of each (taken and detached), the median reported, and the bytes copied.
    out(QString());
    out(QStringLiteral("Snapshot creation (CreateListReplica SyncType 7, median of 5)"));
    double createdAt[2] = {0, 0};
    const quint64 sizes[2] = {1 * GiB, 64 * GiB};
    for (int i = 0; i < 2; ++i) {
        const QString src = b.volume(QStringLiteral("snap-source"), sizes[i], 64 * MiB);
        if (src.isEmpty())
            return 1;
        QList<double> times;
        quint64 copied = 0;
        quint64 deltaSpace = 0;
        for (int run = 0; run < 5; ++run) {
            QElapsedTimer t;
            t.start();
            const cim::MethodResult r = b.create(src, 7, 0, 0);
            times.append(double(t.nsecsElapsed()) / 1e6);
            if (r.returnValue != 0) {
                out(QStringLiteral("snapshot failed: ") + r.message);
                return 1;
            }
            const QString snap = Bench::target(r);
            copied += b.replication()->replicaBytesCopied(b.syncId(snap));
            deltaSpace += b.pools()->allocatedBytes(snap).value();
            (void)b.modify(8, r);
        }
        createdAt[i] = median(times);
        out(QStringLiteral("  %1 GiB virtual   %2 ms   bytes copied %3   delta space %4 bytes")
                .arg(sizes[i] / GiB, 3)
                .arg(createdAt[i], 7, 'f', 2)
                .arg(copied)
                .arg(deltaSpace));
        (void)b.pools()->deleteVolume(src);
    }
    out(QStringLiteral("  ratio 64 GiB / 1 GiB: %1 (1 = independent of size)")
            .arg(createdAt[1] / createdAt[0], 0, 'f', 2));

    // 2. Write throughput: the same random 64 KiB writes to a volume alone, with a synchronous
    // mirror and with an asynchronous one. Cold = first touch of each chunk since the dirty map
    // was clean (a durable mark, one fdatasync, per chunk); warm = the same writes again while
    // the marks stand (a clean pass clears them about a second after the chunk goes quiet).
    out(QString());
    out(QStringLiteral("Random 64 KiB writes, %1 MiB to a %2 MiB volume (block layer write())")
            .arg(writes / MiB)
            .arg(size / MiB));
    double plain = 0;
    {
        const QString v = b.volume(QStringLiteral("plain"), size, size);
        auto d = b.pools()->device(v).value();
        (void)randomWrites(*d, writes, 1); // warm the page cache like the mirrored runs
        plain = randomWrites(*d, writes, 1);
        out(QStringLiteral("  no mirror                 %1 s  %2 MiB/s")
                .arg(plain, 6, 'f', 3)
                .arg(double(writes / MiB) / plain, 8, 'f', 0));
    }
    for (const quint16 mode : {quint16(2), quint16(3)}) {
        const QString v =
            b.volume(mode == 2 ? QStringLiteral("sync") : QStringLiteral("async"), size, size);
        const cim::MethodResult r = b.create(v, 6, mode, 4);
        if (r.returnValue != 0) {
            out(QStringLiteral("mirror failed: ") + r.message);
            return 1;
        }
        const QString id = b.syncId(Bench::target(r));
        b.replication()->cleanMirrorMaps();
        auto d = b.pools()->device(v).value();
        const double cold = randomWrites(*d, writes, 1);
        const double warm = randomWrites(*d, writes, 1); // the same chunks: their marks stand
        QElapsedTimer drain;
        drain.start();
        spinUntil([&] { return b.replication()->mirrorDirtyBytes(id) == 0; });
        const double drained = double(drain.nsecsElapsed()) / 1e9;
        const QString name = mode == 2 ? QStringLiteral("synchronous mirror ")
                                       : QStringLiteral("asynchronous mirror");
        out(QStringLiteral("  %1 cold  %2 s  %3 MiB/s   ratio to no mirror %4")
                .arg(name)
                .arg(cold, 6, 'f', 3)
                .arg(double(writes / MiB) / cold, 8, 'f', 0)
                .arg(plain / cold, 0, 'f', 2));
        out(QStringLiteral("  %1 warm  %2 s  %3 MiB/s   ratio to no mirror %4%5")
                .arg(name)
                .arg(warm, 6, 'f', 3)
                .arg(double(writes / MiB) / warm, 8, 'f', 0)
                .arg(plain / warm, 0, 'f', 2)
                .arg(mode == 3
                         ? QStringLiteral("   then %1 s to drain the lag").arg(drained, 0, 'f', 3)
                         : QString()));
        (void)b.modify(8, r);
    }

    // 3. Resync after a fracture: 4 KiB written into 10 % of the chunks (some twice), then
    // Resync Replica; what it copies against what was dirtied.
    out(QString());
    out(QStringLiteral("Resync after a fracture"));
    {
        const QString v = b.volume(QStringLiteral("resync"), size, size);
        const cim::MethodResult r = b.create(v, 6, 2, 4);
        const QString id = b.syncId(Bench::target(r));
        (void)b.modify(12, r);
        auto d = b.pools()->device(v).value();
        constexpr quint64 Chunk = 64 << 10;
        const quint64 chunks = size / Chunk;
        QRandomGenerator rng(9);
        QByteArray block(4096, 'r');
        quint64 written = 0;
        for (quint64 c = 0; c < chunks; c += 10) {
            for (int again = 0; again < (c % 20 == 0 ? 2 : 1); ++again) {
                (void)d->write(c * Chunk + rng.bounded(quint32(Chunk / 4096)) * 4096,
                               std::span<const char>(block.constData(), 4096));
                written += 4096;
            }
        }
        const quint64 dirty = b.replication()->mirrorDirtyBytes(id);
        const quint64 before = b.replication()->replicaBytesCopied(id);
        QElapsedTimer t;
        t.start();
        const cim::MethodResult resync = b.modify(14, r, 4);
        const double secs = double(t.nsecsElapsed()) / 1e9;
        const quint64 copied = b.replication()->replicaBytesCopied(id) - before;
        out(QStringLiteral("  volume %1 MiB, written %2 KiB in %3 chunks, dirty %4 KiB")
                .arg(size / MiB)
                .arg(written / 1024)
                .arg(dirty / Chunk)
                .arg(dirty / 1024));
        out(QStringLiteral("  resync copied %1 KiB in %2 s (returned %3)")
                .arg(copied / 1024)
                .arg(secs, 0, 'f', 3)
                .arg(resync.returnValue));
        out(QStringLiteral("  ratio copied / dirty: %1   copied / volume: %2")
                .arg(double(copied) / double(std::max<quint64>(1, dirty)), 0, 'f', 2)
                .arg(double(copied) / double(size), 0, 'f', 3));
    }
    return 0;
}
