// Helper for tst_mirrorrecovery: opens an Engine on a data directory, sets up one scenario, keeps
// writing to the source from another thread, and reports on stdout until it is SIGKILLed:
//   SOURCE <deviceId>  TARGET <deviceId>  JOB <instanceId>  PIT <sha256>  READY
//   PROGRESS <percent>  DIRTY <bytes>  WROTE <acknowledged writes>
//
//   rd_test_mirror_child <dataDir> <poolDir> <sizeMiB> initial|resync|lag|snapshot
//     initial  — a Mode 2 mirror at CopyPriority Low, written while its initial copy runs
//     resync   — a Mode 2 mirror fractured, a third of its chunks written, resync running
//     lag      — a Mode 3 mirror in step, written faster than it drains
//     snapshot — a snapshot, its source overwritten

#include "replicationtestsupport.h"

#include <QCoreApplication>
#include <QTimer>

#include <atomic>
#include <cstdio>
#include <thread>

using namespace rd;
using namespace rd::engine;
using namespace rd::test;

namespace {
void say(const QString &line)
{
    std::fputs(qPrintable(line + QLatin1Char('\n')), stdout);
    std::fflush(stdout);
}

int fail(const QString &why)
{
    say(QStringLiteral("ERROR ") + why);
    return 1;
}

QString lowPriority()
{
    return QStringLiteral("<INSTANCE CLASSNAME=\"CIM_ReplicationSettingData\">"
                          "<PROPERTY NAME=\"CopyPriority\" TYPE=\"uint16\"><VALUE>1</VALUE>"
                          "</PROPERTY></INSTANCE>");
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 5)
        return fail(QStringLiteral("usage: dataDir poolDir sizeMiB scenario"));
    const quint64 size = args[3].toULongLong() * MiB;
    const QString scenario = args[4];
    // The fixture wants dir/data and dir/pool; the test passes exactly those.
    EngineFixture e(QFileInfo(args[1]).absolutePath());
    if (!e.open())
        return fail(QStringLiteral("cannot open the engine"));
    const QString src = e.volume(QStringLiteral("source"), size, size, 99);
    if (src.isEmpty())
        return fail(QStringLiteral("cannot make the source"));
    say(QStringLiteral("SOURCE %1").arg(src));
    std::shared_ptr<FileVolume> source = e.pools()->device(src).value();

    cim::MethodResult r;
    if (scenario == QStringLiteral("initial")) {
        r = e.create({src}, 6, 2, 3, lowPriority());
    } else if (scenario == QStringLiteral("resync")) {
        r = e.create({src}, 6, 2, 4, lowPriority());
    } else if (scenario == QStringLiteral("lag")) {
        r = e.create({src}, 6, 3, 4);
    } else if (scenario == QStringLiteral("snapshot")) {
        r = e.create({src}, 7);
    } else {
        return fail(QStringLiteral("unknown scenario"));
    }
    if (r.returnValue != 0)
        return fail(QStringLiteral("CreateListReplica: %1 %2").arg(r.returnValue).arg(r.message));
    const QString target = EngineFixture::targetOf(r);
    say(QStringLiteral("TARGET %1").arg(target));
    QString jobId = EngineFixture::jobOf(r);
    const QString syncId = e.record(target)->id;

    if (scenario == QStringLiteral("snapshot"))
        say(QStringLiteral("PIT %1").arg(QString::fromLatin1(e.sum(target))));
    if (scenario == QStringLiteral("resync")) {
        // The initial copy's marks go first (normally within a second), so the dirty map holds
        // exactly what the fracture leaves behind.
        e.replication()->cleanMirrorMaps();
        if (e.modify(12, {EngineFixture::syncOf(r)}).returnValue != 0)
            return fail(QStringLiteral("fracture failed"));
        QRandomGenerator rng(5);
        for (quint64 c = 0; c < size / (64 << 10); c += 3) {
            if (!writeRandom(*source, c * (64 << 10), 4096, rng))
                return fail(QStringLiteral("cannot write"));
        }
        say(QStringLiteral("DIRTY %1").arg(e.replication()->mirrorDirtyBytes(syncId)));
        const cim::MethodResult resync = e.modify(14, {EngineFixture::syncOf(r)});
        if (resync.returnValue != 4096)
            return fail(
                QStringLiteral("resync: %1 %2").arg(resync.returnValue).arg(resync.message));
        jobId = EngineFixture::jobOf(resync);
    }
    if (!jobId.isEmpty())
        say(QStringLiteral("JOB %1").arg(jobId));

    // Acknowledged writes keep arriving (none in the resync scenario: its bound on what the
    // resumed resync copies must hold exactly).
    std::atomic<bool> stop{false};
    std::atomic<int> wrote{0};
    std::thread writer;
    if (scenario != QStringLiteral("resync")) {
        writer = std::thread([&] {
            QRandomGenerator rng(7);
            while (!stop) {
                const quint64 off = rng.bounded(quint32(size / (64 << 10))) * quint64(64 << 10);
                if (writeRandom(*source, off, 64 << 10, rng))
                    ++wrote;
                if (scenario != QStringLiteral("lag"))
                    std::this_thread::sleep_for(std::chrono::milliseconds(1));
            }
        });
    }
    say(QStringLiteral("READY"));

    QTimer report;
    QObject::connect(&report, &QTimer::timeout, [&] {
        if (ConcreteJob *job = e.engine->jobManager()->job(jobId))
            say(QStringLiteral("PROGRESS %1").arg(job->percentComplete()));
        say(QStringLiteral("DIRTY %1").arg(e.replication()->mirrorDirtyBytes(syncId)));
        say(QStringLiteral("WROTE %1").arg(wrote.load()));
    });
    report.start(10);
    const int rc = app.exec(); // until SIGKILL
    stop = true;
    if (writer.joinable())
        writer.join();
    return rc;
}
