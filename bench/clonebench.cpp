// rd_bench_clone: the engine's clone copier against `cp --sparse=always` and
// `qemu-img convert -O raw` on the same files in one run, for a fully allocated image and a
// 10 %-allocated one. Prints times, throughput, ratios and peak RSS. Not a test.
//
//   rd_bench_clone [--size-mib N] [--dir DIR] [--workers N]

#include "replication/clonecopier.h"
#include "storage/filevolume.h"

#include <ThreadWeaver/Queue>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QThread>

#include <cstdio>
#include <sys/resource.h>
#include <unistd.h>

using namespace rd;
using namespace rd::engine;

namespace {
constexpr quint64 MiB = 1 << 20;

void out(const QString &line)
{
    std::fputs(qPrintable(line + QLatin1Char('\n')), stdout);
    std::fflush(stdout);
}

long maxRssKiB(int who)
{
    rusage u{};
    getrusage(who, &u);
    return u.ru_maxrss;
}

// A sparse image of size bytes with data in fraction of it, in 1 MiB runs spread evenly.
bool makeImage(const QString &path, quint64 size, double fraction)
{
    auto v = FileVolume::create(path, size);
    if (!v)
        return false;
    QByteArray buf(int(MiB), Qt::Uninitialized);
    QRandomGenerator rng(1234);
    const quint64 runs = size / MiB;
    const quint64 every = fraction >= 1.0 ? 1 : quint64(1.0 / fraction);
    for (quint64 i = 0; i < runs; i += every) {
        rng.fillRange(reinterpret_cast<quint32 *>(buf.data()), buf.size() / 4);
        if (!(*v)->write(i * MiB, std::span<const char>(buf.constData(), size_t(buf.size()))))
            return false;
    }
    return (*v)->flush().ok();
}

quint64 allocatedBytes(const QString &path)
{
    auto v = FileVolume::open(path);
    if (!v)
        return 0;
    auto bytes = (*v)->allocatedBytes();
    return bytes ? bytes.value() : 0;
}

// Seconds for the engine's clone of src to a new sparse dst, or -1.
double cloneWithEngine(ThreadWeaver::Queue *queue, const QString &src, const QString &dst,
                       int workers, bool copyFileRange)
{
    QFile::remove(dst);
    auto s = FileVolume::open(src);
    if (!s)
        return -1;
    std::shared_ptr<FileVolume> source(std::move(s).value());
    auto t = FileVolume::create(dst, source->size());
    if (!t)
        return -1;
    std::shared_ptr<FileVolume> target(std::move(t).value());
    CloneOptions opt;
    opt.workers = workers;
    if (copyFileRange) {
        opt.sourceFd = source->fd();
        opt.targetFd = target->fd();
    }
    QElapsedTimer timer;
    timer.start();
    CloneCopier copier(source, target, queue, opt);
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

// Seconds for program (run to completion) or -1.
double runTool(const QString &program, const QStringList &args, const QString &dst)
{
    QFile::remove(dst);
    QProcess p;
    QElapsedTimer timer;
    timer.start();
    p.start(program, args);
    if (!p.waitForFinished(-1) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        return -1;
    // The engine reports a clone complete only once it is on stable storage (fdatasync); the
    // tools are timed to the same point, so the ratio compares like with like.
    QProcess sync;
    sync.start(QStringLiteral("sync"), {QStringLiteral("--data"), dst});
    if (!sync.waitForFinished(-1) || sync.exitCode() != 0)
        return -1;
    return timer.nsecsElapsed() / 1e9;
}

bool sameContent(const QString &a, const QString &b)
{
    QProcess p;
    p.start(QStringLiteral("cmp"), {QStringLiteral("-s"), a, b});
    return p.waitForFinished(-1) && p.exitCode() == 0;
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Clone throughput: engine vs cp --sparse=always vs qemu-img convert."));
    parser.addHelpOption();
    QCommandLineOption sizeOption(QStringLiteral("size-mib"), QStringLiteral("Image size in MiB."),
                                  QStringLiteral("N"), QStringLiteral("1024"));
    QCommandLineOption dirOption(QStringLiteral("dir"), QStringLiteral("Where the images go."),
                                 QStringLiteral("DIR"), QDir::tempPath());
    QCommandLineOption workersOption(QStringLiteral("workers"), QStringLiteral("Chunks in flight."),
                                     QStringLiteral("N"), QStringLiteral("4"));
    parser.addOptions({sizeOption, dirOption, workersOption});
    parser.process(app);
    const quint64 size = parser.value(sizeOption).toULongLong() * MiB;
    const int workers = parser.value(workersOption).toInt();
    QTemporaryDir dir(QDir(parser.value(dirOption)).filePath(QStringLiteral("rd-bench-XXXXXX")));
    if (!size || !dir.isValid()) {
        out(QStringLiteral("bad --size-mib or --dir"));
        return 2;
    }
    const bool haveQemu = !QStandardPaths::findExecutable(QStringLiteral("qemu-img")).isEmpty();

    ThreadWeaver::Queue queue;
    queue.setMaximumNumberOfThreads(std::max(4, workers));

    out(QStringLiteral("rd_bench_clone: %1 MiB images in %2, %3 chunks in flight, %4 CPUs")
            .arg(size / MiB)
            .arg(dir.path())
            .arg(workers)
            .arg(QThread::idealThreadCount()));
    int failures = 0;
    for (const double fraction : {1.0, 0.1}) {
        const QString src = dir.filePath(QStringLiteral("source.img"));
        const QString dst = dir.filePath(QStringLiteral("copy.img"));
        QFile::remove(src);
        if (!makeImage(src, size, fraction)) {
            out(QStringLiteral("cannot create %1").arg(src));
            return 1;
        }
        out(QString());
        out(QStringLiteral("%1 %-allocated source (%2 MiB of data)")
                .arg(int(fraction * 100))
                .arg(allocatedBytes(src) / MiB));
        struct Row
        {
            QString name;
            double seconds;
        };
        QList<Row> rows;
        auto measure = [&](const QString &name, double seconds) {
            const bool same = seconds >= 0 && sameContent(src, dst);
            if (!same)
                ++failures;
            rows.append({name, seconds});
            out(QStringLiteral("  %1 %2 s  %3 MiB/s  target %4 MiB allocated%5")
                    .arg(name, -34)
                    .arg(seconds, 7, 'f', 3)
                    .arg(seconds > 0 ? size / MiB / seconds : 0.0, 8, 'f', 0)
                    .arg(allocatedBytes(dst) / MiB, 5)
                    .arg(same ? QString() : QStringLiteral("  CONTENT DIFFERS OR FAILED")));
        };
        measure(QStringLiteral("engine clone (copy_file_range)"),
                cloneWithEngine(&queue, src, dst, workers, true));
        measure(QStringLiteral("engine clone (read + write)"),
                cloneWithEngine(&queue, src, dst, workers, false));
        measure(QStringLiteral("cp --sparse=always"),
                runTool(QStringLiteral("cp"), {QStringLiteral("--sparse=always"), src, dst}, dst));
        if (haveQemu) {
            measure(QStringLiteral("qemu-img convert -O raw"),
                    runTool(QStringLiteral("qemu-img"),
                            {QStringLiteral("convert"), QStringLiteral("-O"), QStringLiteral("raw"),
                             src, dst},
                            dst));
        }
        const double engine = rows.first().seconds;
        for (qsizetype i = 2; i < rows.size(); ++i) {
            if (engine > 0 && rows[i].seconds > 0)
                out(QStringLiteral("  ratio engine / %1: %2 (below 1 = engine faster)")
                        .arg(rows[i].name)
                        .arg(engine / rows[i].seconds, 0, 'f', 2));
        }
    }
    QFile::remove(dir.filePath(QStringLiteral("source.img")));
    QFile::remove(dir.filePath(QStringLiteral("copy.img")));
    out(QString());
    out(QStringLiteral("peak RSS: this process %1 MiB, largest child (cp/qemu-img) %2 MiB")
            .arg(maxRssKiB(RUSAGE_SELF) / 1024.0, 0, 'f', 1)
            .arg(maxRssKiB(RUSAGE_CHILDREN) / 1024.0, 0, 'f', 1));
    return failures ? 1 : 0;
}
