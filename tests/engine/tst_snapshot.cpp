// Snapshots (SyncType 7) on a real engine: the snapshot reads the source as it was at creation
// while the source is overwritten; creation copies nothing whatever the size (bytes counted, not
// time); several snapshots are independent; Detach frees the space; Resync Replica takes a new
// point in time; the snapshot is read-only and survives an engine restart.

#include "replicationtestsupport.h"

#include "jobs/jobprovider.h"

#include <QTemporaryDir>
#include <QTest>

using namespace rd;
using namespace rd::engine;
using namespace rd::test;
using cim::Value;

namespace {
constexpr quint32 Ok = 0;
constexpr quint32 NotSupported = 1;
constexpr quint32 InvalidParameter = 5;
constexpr quint32 InUse = 6;
constexpr quint16 Snapshot = 7;
} // namespace

class TestSnapshot : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<EngineFixture> m_e;

    // Overwrites count random 4 KiB..256 KiB ranges of the source (observed writes).
    void scribble(const QString &id, int count, quint32 seed)
    {
        auto d = m_e->pools()->device(id).value();
        QRandomGenerator rng(seed);
        for (int i = 0; i < count; ++i) {
            const quint64 len = (1 + rng.bounded(64)) * 4096;
            const quint64 off = rng.bounded((d->size() - len) / 512) * 512;
            QVERIFY(writeRandom(*d, off, len, rng));
        }
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

    void readsItsPointInTimeWhileTheSourceChanges()
    {
        // 16 MiB with 12 MiB of data and a 4 MiB hole at the end: overwrites in the hole must
        // read back as zeros through the snapshot.
        const QString src = m_e->volume(QStringLiteral("db"), 16 * MiB, 12 * MiB, 1);
        QVERIFY(!src.isEmpty());
        const QByteArray before = m_e->sum(src);
        const cim::MethodResult r = m_e->create({src}, Snapshot);
        QCOMPARE(r.returnValue, Ok);
        QVERIFY(m_e->jobOf(r).isEmpty()); // done within the call: no job
        const QString snap = EngineFixture::targetOf(r);
        QCOMPARE(m_e->copyState(snap), quint16(cim::CopyState::Synchronized));
        QCOMPARE(m_e->sum(snap), before);

        scribble(src, 300, 2);
        auto d = m_e->pools()->device(src).value();
        QRandomGenerator rng(3);
        QVERIFY(writeRandom(*d, 14 * MiB, MiB, rng)); // into the hole
        QVERIFY(m_e->sum(src) != before);
        QCOMPARE(m_e->sum(snap), before);

        // The snapshot is a StorageVolume, served through the same block layer, read-only.
        bool listed = false;
        for (const VolumeInfo &v : m_e->pools()->volumes())
            listed = listed || v.deviceId == snap;
        QVERIFY(listed);
        auto view = m_e->device(snap);
        const QByteArray block(512, 'x');
        const auto w = view->write(0, std::span<const char>(block.constData(), 512));
        QVERIFY(!w.ok());
        QCOMPARE(w.error().code, quint32(cim::ReturnCode::NotSupported));
        QVERIFY(w.error().message.contains(QStringLiteral("read-only")));
        QCOMPARE(m_e->sum(snap), before);
    }

    void creationCopiesNothingWhateverTheSize()
    {
        // The same creation for 4 MiB and 64 MiB of data: no byte is copied and the delta takes
        // no space; the first overwrite of a chunk saves exactly that chunk, once.
        for (const quint64 size : {4 * MiB, 64 * MiB}) {
            const QString src = m_e->volume(QStringLiteral("full"), size, size, 4);
            const quint64 sourceAllocated = m_e->pools()->allocatedBytes(src).value();
            const cim::MethodResult r = m_e->create({src}, Snapshot);
            QCOMPARE(r.returnValue, Ok);
            const QString snap = EngineFixture::targetOf(r);
            const QString syncId = m_e->record(snap)->id;
            QCOMPARE(m_e->replication()->replicaBytesCopied(syncId), quint64(0));
            QCOMPARE(m_e->pools()->allocatedBytes(snap).value(), quint64(0));
            QCOMPARE(m_e->pools()->allocatedBytes(src).value(), sourceAllocated);

            auto d = m_e->pools()->device(src).value();
            QRandomGenerator rng(5);
            QVERIFY(writeRandom(*d, 0, 4096, rng));    // first overwrite of chunk 0
            QVERIFY(writeRandom(*d, 8192, 4096, rng)); // same chunk again: nothing more
            const quint64 chunk = 64 << 10;
            QCOMPARE(m_e->replication()->replicaBytesCopied(syncId), chunk);
            QCOMPARE(m_e->pools()->allocatedBytes(snap).value(), chunk);
        }
    }

    void severalSnapshotsAreIndependentAndDetachFreesSpace()
    {
        const QString src = m_e->volume(QStringLiteral("db"), 8 * MiB, 8 * MiB, 6);
        const QByteArray t0 = m_e->sum(src);
        const cim::MethodResult r1 = m_e->create({src}, Snapshot);
        QCOMPARE(r1.returnValue, Ok);
        scribble(src, 100, 7);
        const QByteArray t1 = m_e->sum(src);
        const cim::MethodResult r2 = m_e->create({src}, Snapshot);
        QCOMPARE(r2.returnValue, Ok);
        scribble(src, 100, 8);
        const QString s1 = EngineFixture::targetOf(r1);
        const QString s2 = EngineFixture::targetOf(r2);
        QCOMPARE(m_e->sum(s1), t0);
        QCOMPARE(m_e->sum(s2), t1);
        // Each keeps its own delta: the older one saved more.
        QVERIFY(m_e->pools()->allocatedBytes(s1).value() > 0);
        QVERIFY(m_e->pools()->allocatedBytes(s2).value() > 0);

        // The source cannot go while snapshots live off it.
        QCOMPARE(m_e->pools()->deleteVolume(src).error().code, quint32(cim::ReturnCode::InUse));

        const int files =
            int(QDir(m_dir->filePath(QStringLiteral("pool"))).entryList(QDir::Files).size());
        const cim::MethodResult d = m_e->modify(8, {EngineFixture::syncOf(r1)});
        QCOMPARE(d.returnValue, Ok);
        QVERIFY(!m_e->record(s1));
        QVERIFY(!m_e->pools()->volume(s1)); // the delta's space is returned
        QCOMPARE(QDir(m_dir->filePath(QStringLiteral("pool"))).entryList(QDir::Files).size(),
                 files - 1);
        QCOMPARE(m_e->sum(s2), t1); // the other one is untouched
        scribble(src, 50, 9);
        QCOMPARE(m_e->sum(s2), t1);
        QCOMPARE(m_e->mapFiles().size(), 1);
        QCOMPARE(m_e->modify(8, {EngineFixture::syncOf(r2)}).returnValue, Ok);
        QVERIFY(m_e->mapFiles().isEmpty());
        QVERIFY(m_e->pools()->deleteVolume(src).ok()); // free again
    }

    void resyncTakesANewPointInTime()
    {
        const QString src = m_e->volume(QStringLiteral("db"), 8 * MiB, 8 * MiB, 10);
        const cim::MethodResult r = m_e->create({src}, Snapshot);
        const QString snap = EngineFixture::targetOf(r);
        scribble(src, 100, 11);
        const QByteArray now = m_e->sum(src);
        QVERIFY(m_e->sum(snap) != now);
        QCOMPARE(m_e->modify(14, {EngineFixture::syncOf(r)}, 4).returnValue, Ok);
        QCOMPARE(m_e->sum(snap), now);
        QCOMPARE(m_e->pools()->allocatedBytes(snap).value(), quint64(0)); // delta emptied
        scribble(src, 50, 12);
        QCOMPARE(m_e->sum(snap), now);
    }

    void operationsThatDoNotApply()
    {
        const QString src = m_e->volume(QStringLiteral("db"), 4 * MiB, 4 * MiB, 13);
        const cim::MethodResult r = m_e->create({src}, Snapshot);
        const cim::ObjectPath sync = EngineFixture::syncOf(r);
        const auto before = m_e->replication()->synchronizations();
        QCOMPARE(m_e->modify(12, {sync}).returnValue, NotSupported);        // Fracture
        QCOMPARE(m_e->modify(15, {sync}).returnValue, NotSupported);        // Restore
        QCOMPARE(m_e->modify(3, {sync}).returnValue, InvalidParameter);     // list: groups only
        QCOMPARE(m_e->modify(14, {sync}, 6).returnValue, InvalidParameter); // never Fractured
        QCOMPARE(m_e->modify(8, {sync}, 4).returnValue, InvalidParameter);  // detached: no state
        QCOMPARE(m_e->replication()->synchronizations(), before);

        // A snapshot can be cloned (read through its point in time) but not mirrored, and it
        // cannot go while the clone reads it.
        const QString snap = EngineFixture::targetOf(r);
        const QByteArray pit = m_e->sum(snap);
        scribble(src, 40, 14);
        QCOMPARE(m_e->create({snap}, 6).returnValue, InvalidParameter);
        const cim::MethodResult clone = m_e->create({snap}, 8, 2);
        QCOMPARE(clone.returnValue, Ok);
        QCOMPARE(m_e->sum(EngineFixture::targetOf(clone)), pit);
        Q_UNUSED(InUse)
    }

    void survivesARestart()
    {
        const QString src = m_e->volume(QStringLiteral("db"), 8 * MiB, 8 * MiB, 15);
        const QByteArray pit = m_e->sum(src);
        const cim::MethodResult r = m_e->create({src}, Snapshot);
        const QString snap = EngineFixture::targetOf(r);
        scribble(src, 100, 16);
        m_e->close();
        QVERIFY(m_e->open());
        QCOMPARE(m_e->sum(snap), pit);
        scribble(src, 100, 17);
        QCOMPARE(m_e->sum(snap), pit);
        // The instance says what it is.
        const auto instances = m_e->replication()->synchronizedInstances();
        QCOMPARE(instances.size(), 1);
        QCOMPARE(instances.first().property(u"SyncType").toUInt64(), quint64(7));
        QCOMPARE(instances.first().property(u"CopyMethodology").toUInt64(), quint64(6));
    }
};

QTEST_GUILESS_MAIN(TestSnapshot)
#include "tst_snapshot.moc"
