// Mirrors (SyncType 6) on a real engine: the initial copy with writes arriving during it, the
// replica equal to the source after random writes in Mode 2 (at once) and Mode 3 (once drained),
// the lag visible, Fracture / Resync copying only the dirty chunks (bytes counted), Restore making
// the source equal the replica, Suspend / Resume, Split across a list, Detach, and every invalid
// operation refused with nothing changed.

#include "replicationtestsupport.h"

#include <QTemporaryDir>
#include <QTest>

#include <thread>

using namespace rd;
using namespace rd::engine;
using namespace rd::test;
using cim::Value;

namespace {
constexpr quint32 Ok = 0;
constexpr quint32 NotSupported = 1;
constexpr quint32 InvalidParameter = 5;
constexpr quint32 JobStarted = 4096;
constexpr quint16 Mirror = 6;
constexpr quint16 Sync = 2;
constexpr quint16 Async = 3;
constexpr quint64 Chunk = 64 << 10;
constexpr quint16 Detach = 8, Fracture = 12, Resync = 14, Restore = 15, Resume = 16, Split = 21,
                  Suspend = 22;
constexpr auto Synchronized = quint16(cim::CopyState::Synchronized);

QString lowPriority()
{
    return QStringLiteral("<INSTANCE CLASSNAME=\"CIM_ReplicationSettingData\">"
                          "<PROPERTY NAME=\"CopyPriority\" TYPE=\"uint16\"><VALUE>1</VALUE>"
                          "</PROPERTY></INSTANCE>");
}
} // namespace

class TestMirror : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<EngineFixture> m_e;

    // count random writes (512 B .. 192 KiB, 512-aligned, crossing chunk borders) to a device.
    static void scribble(BlockDevice &d, int count, quint32 seed)
    {
        QRandomGenerator rng(seed);
        for (int i = 0; i < count; ++i) {
            const quint64 len = (1 + rng.bounded(384)) * 512;
            const quint64 off = rng.bounded((d.size() - len) / 512) * 512;
            QVERIFY(writeRandom(d, off, len, rng));
        }
    }
    // Writes one 4 KiB block into each of the given chunks.
    static void touchChunks(BlockDevice &d, const QList<quint64> &chunks, quint32 seed)
    {
        QRandomGenerator rng(seed);
        for (quint64 c : chunks)
            QVERIFY(writeRandom(d, c * Chunk + 8192, 4096, rng));
    }
    std::shared_ptr<FileVolume> image(const QString &id)
    {
        return m_e->pools()->device(id).value();
    }
    // A mirror of src in mode, waited for until Synchronized; returns the CreateListReplica answer.
    cim::MethodResult mirrored(const QString &src, quint16 mode)
    {
        cim::MethodResult r = m_e->create({src}, Mirror, mode, 4);
        if (r.returnValue == Ok)
            (void)QTest::qWaitFor(
                [&] { return m_e->copyState(EngineFixture::targetOf(r)) == Synchronized; }, 20000);
        return r;
    }
    bool jobCompletes(const QString &jobId)
    {
        ConcreteJob *job = m_e->engine->jobManager()->job(jobId);
        return job && QTest::qWaitFor([&] { return job->isFinished(); }, 30000) &&
               job->state() == cim::JobState::Completed;
    }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_e = std::make_unique<EngineFixture>(m_dir->path());
        QVERIFY(m_e->open());
    }
    void cleanup()
    {
        m_e.reset();
        m_dir.reset();
    }

    void initialCopyThenSynchronous()
    {
        const QString src = m_e->volume(QStringLiteral("db"), 16 * MiB, 12 * MiB, 1);
        // Mode 2 with no WaitForCopyState answers once the initial copy is done.
        const cim::MethodResult r = m_e->create({src}, Mirror, Sync);
        QCOMPARE(r.returnValue, Ok);
        QVERIFY(!EngineFixture::jobOf(r).isEmpty());
        const QString dst = EngineFixture::targetOf(r);
        QCOMPARE(m_e->copyState(dst), Synchronized);
        QCOMPARE(m_e->sum(dst), m_e->sum(src));
        // Only data was copied (12 MiB), and the hole stayed a hole.
        const QString syncId = m_e->record(dst)->id;
        QCOMPARE(m_e->replication()->replicaBytesCopied(syncId), 12 * MiB);
        QVERIFY(m_e->pools()->allocatedBytes(dst).value() <= 12 * MiB + Chunk);

        // Every write is on the replica when it returns, from several threads at once.
        auto source = image(src);
        auto replica = image(dst);
        std::thread a([&] { scribble(*source, 300, 2); });
        std::thread b([&] { scribble(*source, 300, 3); });
        a.join();
        b.join();
        QCOMPARE(m_e->replication()->mirrorDirtyBytes(syncId), quint64(0));
        QCOMPARE(sha256(*replica), sha256(*source));
        QRandomGenerator rng(4);
        for (int i = 0; i < 50; ++i) {
            QByteArray data(8192, '\0');
            rng.fillRange(reinterpret_cast<quint32 *>(data.data()), data.size() / 4);
            const quint64 off = rng.bounded(16 * MiB / 8192) * 8192;
            QVERIFY(source->write(off, std::span<const char>(data.constData(), 8192)).ok());
            QByteArray back(8192, '\0');
            QVERIFY(replica->read(off, std::span<char>(back.data(), 8192)).ok());
            QCOMPARE(back, data);
        }
        // A discard is a write of zeros for the mirror too.
        QVERIFY(source->discard(MiB, MiB).ok());
        QCOMPARE(sha256(*replica), sha256(*source));
        // Nothing is copied again once in step; the dirty map empties once both sides flushed.
        const quint64 copied = m_e->replication()->replicaBytesCopied(syncId);
        m_e->replication()->cleanMirrorMaps();
        QCOMPARE(m_e->replication()->replicaBytesCopied(syncId), copied);
    }

    void asynchronousDrainsWithVisibleLag()
    {
        // CopyPriority Low paces the drain (about 1 ms per chunk), so 200 writes in a burst
        // outrun it however the machine is loaded; unpaced, a fast drain could keep up.
        const QString src = m_e->volume(QStringLiteral("db"), 16 * MiB, 16 * MiB, 5);
        const cim::MethodResult r = m_e->create({src}, Mirror, Async, 0, lowPriority());
        QCOMPARE(r.returnValue, JobStarted);
        QVERIFY(jobCompletes(EngineFixture::jobOf(r)));
        const QString dst = EngineFixture::targetOf(r);
        QTRY_COMPARE(m_e->copyState(dst), Synchronized);
        const QString syncId = m_e->record(dst)->id;
        auto source = image(src);
        quint64 maxLag = 0;
        QRandomGenerator rng(6);
        for (int i = 0; i < 200; ++i) {
            QVERIFY(writeRandom(*source, rng.bounded(16 * MiB / 4096 - 16) * 4096, 64 << 10, rng));
            maxLag = std::max(maxLag, m_e->replication()->mirrorDirtyBytes(syncId));
        }
        QVERIFY(maxLag > 0); // the lag shows while writes outrun the drain
        QCOMPARE(m_e->replication()->mirrorForwardedBytes(syncId), quint64(0));
        QTRY_COMPARE_WITH_TIMEOUT(m_e->replication()->mirrorDirtyBytes(syncId), quint64(0), 20000);
        QCOMPARE(m_e->sum(dst), m_e->sum(src));
        // The lag is on the instance too (ReplicaDesk's DirtyBytes), and the pair stays
        // Synchronized throughout: lag is what Mode 3 means.
        QCOMPARE(m_e->copyState(dst), Synchronized);
        const auto instances = m_e->replication()->synchronizedInstances();
        QCOMPARE(instances.first().property(u"DirtyBytes").toUInt64(), quint64(0));
        QCOMPARE(instances.first().property(u"CopyType").toUInt64(), quint64(2)); // Async
    }

    void writesDuringTheInitialCopyAreNeitherLostNorCopiedTwice()
    {
        // 32 MiB at CopyPriority Low (about 64 MiB/s, from the start of the volume); the job is
        // suspended at once, then the last quarter is written: those chunks were not copied yet,
        // so the writes are neither forwarded nor make anything be copied twice.
        const QString src = m_e->volume(QStringLiteral("db"), 32 * MiB, 32 * MiB, 7);
        const cim::MethodResult r = m_e->create({src}, Mirror, Sync, 3, lowPriority());
        QCOMPARE(r.returnValue, Ok); // WaitForCopyState Unsynchronized: at once, the job goes on
        const QString jobId = EngineFixture::jobOf(r);
        auto suspend = m_e->engine->jobManager()->requestStateChange(
            jobId, quint16(cim::JobRequestedState::Suspend));
        QVERIFY(suspend.isFinished());
        QCOMPARE(suspend.result().returnValue, Ok);
        const QString dst = EngineFixture::targetOf(r);
        QCOMPARE(m_e->record(dst)->progressStatus, quint16(cim::ProgressStatus::Dormant));
        const QString syncId = m_e->record(dst)->id;
        auto source = image(src);
        QList<quint64> late;
        for (quint64 c = 384; c < 512; c += 3)
            late.append(c);
        touchChunks(*source, late, 8);
        touchChunks(*source, late, 9); // twice: still nothing forwarded
        QCOMPARE(m_e->replication()->mirrorForwardedBytes(syncId), quint64(0));
        QVERIFY(m_e->replication()->replicaBytesCopied(syncId) < 8 * MiB);

        auto resume = m_e->engine->jobManager()->requestStateChange(
            jobId, quint16(cim::JobRequestedState::Start));
        QCOMPARE(resume.result().returnValue, Ok);
        // Written while copying: some chunks at the start may be copied before the writes land.
        std::thread writer([&] { scribble(*source, 200, 10); });
        writer.join();
        QVERIFY(jobCompletes(jobId));
        QTRY_COMPARE(m_e->copyState(dst), Synchronized);
        QCOMPARE(m_e->sum(dst), m_e->sum(src));
        // Each chunk copied once, plus at most the chunks the scribbler hit while they were
        // being copied; the late writes cost nothing extra.
        const quint64 copied = m_e->replication()->replicaBytesCopied(syncId);
        QVERIFY2(copied >= 32 * MiB && copied <= 32 * MiB + 200 * 4 * Chunk,
                 qPrintable(QString::number(copied)));
    }

    void resyncCopiesOnlyTheDirtyChunks()
    {
        const QString src = m_e->volume(QStringLiteral("db"), 16 * MiB, 16 * MiB, 11);
        const cim::MethodResult r = mirrored(src, Sync);
        QCOMPARE(r.returnValue, Ok);
        const QString dst = EngineFixture::targetOf(r);
        const cim::ObjectPath sync = EngineFixture::syncOf(r);
        const QString syncId = m_e->record(dst)->id;
        QCOMPARE(m_e->modify(Fracture, {sync}, 6).returnValue, Ok);
        QCOMPARE(m_e->copyState(dst), quint16(cim::CopyState::Fractured));
        const QByteArray atFracture = m_e->sum(dst);

        // 10 chunks written on the source (one of them twice), 2 on the fractured replica.
        auto source = image(src);
        auto replica = image(dst);
        touchChunks(*source, {0, 3, 7, 50, 51, 100, 150, 200, 254, 255}, 12);
        touchChunks(*source, {7}, 13);
        touchChunks(*replica, {20, 100}, 14);
        QCOMPARE(m_e->sum(dst) == atFracture, false);
        QCOMPARE(m_e->replication()->mirrorDirtyBytes(syncId), 11 * Chunk);

        const quint64 before = m_e->replication()->replicaBytesCopied(syncId);
        const cim::MethodResult resync = m_e->modify(Resync, {sync});
        QCOMPARE(resync.returnValue, JobStarted);
        QVERIFY(jobCompletes(EngineFixture::jobOf(resync)));
        QTRY_COMPARE(m_e->copyState(dst), Synchronized);
        QCOMPARE(m_e->replication()->replicaBytesCopied(syncId) - before, 11 * Chunk);
        QCOMPARE(m_e->sum(dst), m_e->sum(src));
        // And it follows the source again.
        scribble(*source, 50, 15);
        QCOMPARE(m_e->sum(dst), m_e->sum(src));
    }

    void restoreMakesTheSourceEqualTheReplica()
    {
        const QString src = m_e->volume(QStringLiteral("db"), 16 * MiB, 16 * MiB, 16);
        const cim::MethodResult r = mirrored(src, Async);
        const QString dst = EngineFixture::targetOf(r);
        const cim::ObjectPath sync = EngineFixture::syncOf(r);
        QTRY_COMPARE(m_e->copyState(dst), Synchronized);
        auto source = image(src);
        scribble(*source, 100, 17); // some lag at the fracture: drained first
        QCOMPARE(m_e->modify(Fracture, {sync}).returnValue, Ok);
        QCOMPARE(m_e->sum(dst), m_e->sum(src));

        auto replica = image(dst);
        touchChunks(*replica, {1, 2, 3, 90}, 18);
        touchChunks(*source, {5, 90, 200}, 19);
        const QByteArray wanted = m_e->sum(dst);
        // A snapshot of the source sees the restore's writes like any other (its point in
        // time is kept).
        const QByteArray beforeRestore = m_e->sum(src);
        const cim::MethodResult snap = m_e->create({src}, 7);
        QCOMPARE(snap.returnValue, Ok);

        const cim::MethodResult restore = m_e->modify(Restore, {sync}, Synchronized);
        QCOMPARE(restore.returnValue, Ok); // waited for
        QCOMPARE(m_e->copyState(dst), Synchronized);
        QCOMPARE(m_e->sum(src), wanted);
        QCOMPARE(m_e->sum(dst), wanted);
        QCOMPARE(m_e->sum(EngineFixture::targetOf(snap)), beforeRestore);
        scribble(*source, 50, 20);
        QTRY_COMPARE_WITH_TIMEOUT(m_e->sum(dst), m_e->sum(src), 10000);
    }

    void suspendAndResume()
    {
        const QString src = m_e->volume(QStringLiteral("db"), 8 * MiB, 8 * MiB, 21);
        const cim::MethodResult r = mirrored(src, Sync);
        const QString dst = EngineFixture::targetOf(r);
        const cim::ObjectPath sync = EngineFixture::syncOf(r);
        QCOMPARE(m_e->modify(Suspend, {sync}, 9).returnValue, Ok);
        QCOMPARE(m_e->copyState(dst), quint16(cim::CopyState::Suspended));
        const QByteArray frozen = m_e->sum(dst);
        auto source = image(src);
        touchChunks(*source, {1, 2, 3}, 22);
        QCOMPARE(m_e->sum(dst), frozen); // nothing reaches the replica
        QCOMPARE(m_e->replication()->mirrorDirtyBytes(m_e->record(dst)->id), 3 * Chunk);
        const cim::MethodResult resumed = m_e->modify(Resume, {sync}, Synchronized, false);
        QCOMPARE(resumed.returnValue, Ok);
        QVERIFY(!EngineFixture::jobOf(resumed).isEmpty());
        QCOMPARE(m_e->sum(dst), m_e->sum(src));
    }

    void splitIsOneInstantAcrossTheList()
    {
        const QString a = m_e->volume(QStringLiteral("a"), 8 * MiB, 8 * MiB, 23);
        const QString b = m_e->volume(QStringLiteral("b"), 8 * MiB, 8 * MiB, 24);
        const cim::MethodResult r = m_e->create({a, b}, Mirror, Async, 4);
        QCOMPARE(r.returnValue, Ok);
        const QList<cim::ObjectPath> syncs{EngineFixture::syncOf(r, 0),
                                           EngineFixture::syncOf(r, 1)};
        auto sa = image(a);
        auto sb = image(b);
        std::atomic<bool> stop{false};
        std::thread writer([&] {
            QRandomGenerator rng(25);
            while (!stop) {
                (void)writeRandom(*sa, rng.bounded(8 * MiB / 4096) * 4096, 4096, rng);
                (void)writeRandom(*sb, rng.bounded(8 * MiB / 4096) * 4096, 4096, rng);
            }
        });
        QTest::qWait(100);
        // Hold the writer off both sources for the comparison, as the split does.
        QCOMPARE(m_e->modify(Split, syncs, 7).returnValue, Ok);
        stop = true;
        writer.join();
        const QString ta = EngineFixture::targetOf(r, 0);
        const QString tb = EngineFixture::targetOf(r, 1);
        QCOMPARE(m_e->copyState(ta), quint16(cim::CopyState::Split));
        QCOMPARE(m_e->copyState(tb), quint16(cim::CopyState::Split));
        const QByteArray ra = m_e->sum(ta);
        const QByteArray rb = m_e->sum(tb);
        touchChunks(*sa, {1}, 26);
        QCOMPARE(m_e->sum(ta), ra); // split off: no longer follows
        // Resync both, in one list, back to Synchronized.
        const cim::MethodResult resync = m_e->modify(Resync, syncs, Synchronized);
        QCOMPARE(resync.returnValue, Ok);
        QCOMPARE(m_e->sum(ta), m_e->sum(a));
        QCOMPARE(m_e->sum(tb), m_e->sum(b));
        Q_UNUSED(rb)
    }

    void detachLeavesAnIndependentReplica()
    {
        const QString src = m_e->volume(QStringLiteral("db"), 8 * MiB, 8 * MiB, 27);
        const cim::MethodResult r = mirrored(src, Sync);
        const QString dst = EngineFixture::targetOf(r);
        QCOMPARE(m_e->mapFiles().size(), 1);
        QCOMPARE(m_e->modify(Detach, {EngineFixture::syncOf(r)}).returnValue, Ok);
        QVERIFY(!m_e->record(dst));
        QVERIFY(m_e->mapFiles().isEmpty());
        const QByteArray kept = m_e->sum(dst);
        QCOMPARE(kept, m_e->sum(src));
        touchChunks(*image(src), {4}, 28);
        QCOMPARE(m_e->sum(dst), kept);
        QVERIFY(!m_e->replication()->isInUse(src));
        QVERIFY(!m_e->replication()->isInUse(dst));
    }

    void invalidOperationsChangeNothing()
    {
        const QString a = m_e->volume(QStringLiteral("a"), 4 * MiB, 4 * MiB, 29);
        const QString b = m_e->volume(QStringLiteral("b"), 4 * MiB, 4 * MiB, 30);
        const cim::MethodResult ms = mirrored(a, Sync);
        const cim::MethodResult ma = mirrored(b, Async);
        const cim::MethodResult sn = m_e->create({a}, 7);
        const cim::ObjectPath syncM = EngineFixture::syncOf(ms);
        const cim::ObjectPath asyncM = EngineFixture::syncOf(ma);
        const cim::ObjectPath snap = EngineFixture::syncOf(sn);
        QTRY_COMPARE(m_e->copyState(EngineFixture::targetOf(ma)), Synchronized);

        const auto syncs = m_e->replication()->synchronizations();
        const auto rows = m_e->engine->syncStore()->loadSyncs().value();
        const int jobs = int(m_e->engine->jobManager()->jobs().size());
        auto expect = [&](quint32 code, quint16 op, const QList<cim::ObjectPath> &list,
                          quint16 wait = 0, bool listMethod = true) {
            const cim::MethodResult r = m_e->modify(op, list, wait, listMethod);
            QVERIFY2(
                r.returnValue == code,
                qPrintable(
                    QStringLiteral("op %1: %2 (%3)").arg(op).arg(r.returnValue).arg(r.message)));
            if (code == InvalidParameter || code == NotSupported)
                QVERIFY(!r.message.isEmpty());
        };
        // Not valid in CopyState Synchronized: a clear 5, naming the state.
        expect(InvalidParameter, Resync, {syncM});
        expect(InvalidParameter, Restore, {syncM});
        expect(InvalidParameter, Resume, {syncM});
        // Lists must not mix SyncTypes or Modes, nor name a pair twice or one that is not.
        expect(InvalidParameter, Fracture, {syncM, snap});
        expect(InvalidParameter, Fracture, {syncM, asyncM});
        expect(InvalidParameter, Fracture, {syncM, syncM});
        cim::ObjectPath bogus = syncM;
        bogus.setKey(QStringLiteral("SyncedElement"),
                     Value::reference(m_e->volumePath(QStringLiteral("nope"))));
        expect(InvalidParameter, Fracture, {bogus});
        expect(InvalidParameter, Fracture, {});
        // Group operations exist only in ModifyReplicaSynchronization (where they are not
        // supported here).
        for (quint16 op : {3, 5, 6, 13}) {
            expect(InvalidParameter, op, {syncM});
            expect(NotSupported, op, {syncM}, 0, false);
        }
        expect(InvalidParameter, 0, {syncM});
        expect(InvalidParameter, 27, {syncM});
        expect(NotSupported, 10, {syncM}); // Failover: not offered
        // WaitForCopyState the operation never reaches.
        expect(InvalidParameter, Fracture, {syncM}, 7);
        expect(InvalidParameter, Suspend, {syncM}, 4);
        expect(InvalidParameter, Detach, {syncM}, 4);
        // After all that, nothing moved.
        QCOMPARE(m_e->replication()->synchronizations(), syncs);
        QCOMPARE(m_e->engine->syncStore()->loadSyncs().value(), rows);
        QCOMPARE(int(m_e->engine->jobManager()->jobs().size()), jobs);

        // Fractured: a second fracture is refused, resync is fine.
        QCOMPARE(m_e->modify(Fracture, {syncM}).returnValue, Ok);
        expect(InvalidParameter, Fracture, {syncM});
        expect(InvalidParameter, Suspend, {syncM});
        QCOMPARE(m_e->modify(Resync, {syncM}, Synchronized).returnValue, Ok);

        // A mirror still copying cannot be detached (terminate its job, or wait).
        const QString c = m_e->volume(QStringLiteral("c"), 32 * MiB, 32 * MiB, 31);
        const cim::MethodResult slow = m_e->create({c}, Mirror, Async, 0, lowPriority());
        QCOMPARE(slow.returnValue, JobStarted);
        expect(InvalidParameter, Detach, {EngineFixture::syncOf(slow)});
        auto stop = m_e->engine->jobManager()->requestStateChange(
            EngineFixture::jobOf(slow), quint16(cim::JobRequestedState::Terminate));
        QVERIFY(QTest::qWaitFor([&] { return stop.isFinished(); }, 10000));
        QCOMPARE(m_e->copyState(EngineFixture::targetOf(slow)), quint16(cim::CopyState::Aborted));
        QCOMPARE(m_e->modify(Resync, {EngineFixture::syncOf(slow)}, Synchronized).returnValue, Ok);
        QCOMPARE(m_e->sum(EngineFixture::targetOf(slow)), m_e->sum(c));
    }

    void capabilitiesSayWhatApplies()
    {
        auto caps = m_e->engine->registry()->enumerateInstances(
            QStringLiteral("CIM_ReplicationServiceCapabilities"));
        QVERIFY(caps.ok());
        auto ops = [&](quint16 type) {
            cim::Parameters in;
            in.set(QStringLiteral("ReplicationType"), Value::uint16(type));
            const cim::MethodResult r =
                m_e->invoke(caps->first().path(), QStringLiteral("GetSupportedOperations"), in);
            QList<quint64> list;
            for (const Value &v : r.out.value(u"SupportedOperations").elements())
                list.append(v.toUInt64());
            return std::make_pair(r.returnValue, list);
        };
        QCOMPARE(ops(2), std::make_pair(Ok, QList<quint64>{8, 12, 14, 15, 16, 21, 22}));
        QCOMPARE(ops(3), std::make_pair(Ok, QList<quint64>{8, 12, 14, 15, 16, 21, 22}));
        QCOMPARE(ops(6), std::make_pair(Ok, QList<quint64>{8, 14}));
        QCOMPARE(ops(10), std::make_pair(Ok, QList<quint64>{8}));
        QCOMPARE(ops(7).first, NotSupported);
    }
};

QTEST_GUILESS_MAIN(TestMirror)
#include "tst_mirror.moc"
