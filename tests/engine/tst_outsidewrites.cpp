// Writes that go around the engine, on a real engine with real image files: a Mode 2 mirror is
// Synchronized; a write made straight into the source's or the replica's image file (with the
// engine running, or while it is down) takes the pair out of Synchronized (Skewed / Requires
// Resync); Resync Replica copies every chunk again, the two image files end equal byte for byte
// (and for qemu-img compare) and the pair is Synchronized again. The engine's own writes through
// the block layer, its copies and flushes never count as such a write. Image files stay 0600.

#include "replicationtestsupport.h"

#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>
#include <sys/stat.h>

using namespace rd;
using namespace rd::engine;
using namespace rd::test;

namespace {
constexpr quint16 Mirror = 6;
constexpr quint16 Sync = 2;
constexpr quint16 Resync = 14;
constexpr quint64 Size = 8 * MiB;
constexpr quint64 SourceData = 6 * MiB; // the source's first 6 MiB hold data, the rest is a hole
constexpr auto Synchronized = quint16(cim::CopyState::Synchronized);
constexpr auto Skewed = quint16(cim::CopyState::Skewed);
} // namespace

class TestOutsideWrites : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<EngineFixture> m_e;
    QString m_source;
    QString m_target;
    cim::ObjectPath m_sync;

    bool reopen()
    {
        m_e = std::make_unique<EngineFixture>(m_dir->path());
        m_e->imageCheckIntervalMs = 200; // checks come sooner; what they find is the same
        return m_e->open();
    }

    // A Mode 2 mirror of a volume with data, Synchronized.
    void makeMirror()
    {
        m_source = m_e->volume(QStringLiteral("source"), Size, SourceData, 11);
        QVERIFY(!m_source.isEmpty());
        const cim::MethodResult r = m_e->create({m_source}, Mirror, Sync, 4);
        QCOMPARE(r.returnValue, 0u);
        m_target = EngineFixture::targetOf(r);
        m_sync = EngineFixture::syncOf(r);
        QTRY_COMPARE_WITH_TIMEOUT(m_e->copyState(m_target), Synchronized, 20000);
        QCOMPARE(m_e->sum(m_target), m_e->sum(m_source));
    }

    // Writes 4 KiB of random bytes straight into an image file, as a user with a shell could.
    static void writeAround(const QString &path, quint64 offset, quint32 seed)
    {
        QFile f(path);
        QVERIFY2(f.open(QIODevice::ReadWrite), qPrintable(f.errorString()));
        QByteArray bytes(4096, '\0');
        QRandomGenerator rng(seed);
        rng.fillRange(reinterpret_cast<quint32 *>(bytes.data()), bytes.size() / 4);
        QVERIFY(f.seek(qint64(offset)));
        QCOMPARE(f.write(bytes), qint64(bytes.size()));
        f.close();
    }

    static QByteArray fileBytes(const QString &path)
    {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            return {};
        return f.readAll();
    }

    // Waits for a few of the engine's image checks to have run.
    void waitForChecks(int count)
    {
        const quint64 start = m_e->pools()->imageChecks();
        QTRY_VERIFY_WITH_TIMEOUT(m_e->pools()->imageChecks() >= start + quint64(count), 20000);
    }

    // The pair is out of Synchronized and says why; Resync Replica copies every chunk and makes
    // the images equal; the pair is Synchronized again.
    void resyncRepairs()
    {
        const std::optional<SyncRecord> s = m_e->record(m_target);
        QVERIFY(s);
        QCOMPARE(s->copyState, Skewed);
        QCOMPARE(s->progressStatus, quint16(cim::ProgressStatus::RequiresResync));
        QVERIFY(s->percentSynced < 100);
        const QString syncId = s->id;
        const quint64 copiedBefore = m_e->replication()->replicaBytesCopied(syncId);
        const cim::MethodResult r = m_e->modify(Resync, {m_sync});
        QVERIFY2(r.returnValue == 0 || r.returnValue == 4096, qPrintable(r.message));
        QTRY_COMPARE_WITH_TIMEOUT(m_e->copyState(m_target), Synchronized, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(m_e->replication()->mirrorDirtyBytes(syncId), quint64(0), 20000);
        // Not only the dirty map: every chunk went again (those that are a hole on the source
        // count nothing: the replica's range is made a hole).
        QVERIFY2(m_e->replication()->replicaBytesCopied(syncId) - copiedBefore >= SourceData,
                 qPrintable(QString::number(m_e->replication()->replicaBytesCopied(syncId) -
                                            copiedBefore)));
        QCOMPARE(m_e->sum(m_target), m_e->sum(m_source));
        const QByteArray source = fileBytes(m_e->pools()->imagePath(m_source));
        QCOMPARE(source.size(), qsizetype(Size));
        QVERIFY(source == fileBytes(m_e->pools()->imagePath(m_target)));
        const QString qemuImg = QStandardPaths::findExecutable(QStringLiteral("qemu-img"));
        if (!qemuImg.isEmpty()) {
            QProcess p;
            p.start(qemuImg,
                    {QStringLiteral("compare"), QStringLiteral("-f"), QStringLiteral("raw"),
                     QStringLiteral("-F"), QStringLiteral("raw"), m_e->pools()->imagePath(m_source),
                     m_e->pools()->imagePath(m_target)});
            QVERIFY(p.waitForFinished(30000));
            QCOMPARE(p.exitCode(), 0);
        }
        // And the resynced pair is not taken for changed outside by the copy that mended it.
        waitForChecks(3);
        QCOMPARE(m_e->copyState(m_target), Synchronized);
    }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        QVERIFY(reopen());
    }
    void cleanup()
    {
        m_e.reset();
        m_dir.reset();
    }

    void ownWritesNeverCount()
    {
        makeMirror();
        QSignalSpy reported(m_e->pools(), &PoolManager::imageChangedOutside);
        auto source = m_e->pools()->device(m_source).value();
        QRandomGenerator rng(3);
        // Writes, discards and flushes keep coming while several checks run.
        const quint64 start = m_e->pools()->imageChecks();
        int i = 0;
        while (m_e->pools()->imageChecks() < start + 4) {
            QVERIFY(writeRandom(*source, rng.bounded(quint32(Size / 4096)) * 4096, 4096, rng));
            if (++i % 16 == 0) {
                QVERIFY(source->discard(rng.bounded(quint32(Size / 4096)) * 4096, 4096).ok());
                QVERIFY(source->flush().ok());
            }
            QCOMPARE(m_e->copyState(m_target), Synchronized);
            QTest::qWait(1);
        }
        QTRY_COMPARE_WITH_TIMEOUT(m_e->sum(m_target), m_e->sum(m_source), 10000);
        waitForChecks(2);
        QCOMPARE(m_e->copyState(m_target), Synchronized);
        QCOMPARE(reported.count(), 0);
        // Nor across a clean restart (where a mirror may resync what its dirty map still marks,
        // as after any restart, but is never Skewed).
        source.reset();
        m_e.reset();
        QVERIFY(reopen());
        QVERIFY(m_e->copyState(m_target) != Skewed);
        QSignalSpy again(m_e->pools(), &PoolManager::imageChangedOutside);
        QTRY_COMPARE_WITH_TIMEOUT(m_e->copyState(m_target), Synchronized, 20000);
        waitForChecks(2);
        QCOMPARE(m_e->copyState(m_target), Synchronized);
        QCOMPARE(again.count(), 0);
    }

    void sourceWrittenWhileRunning()
    {
        makeMirror();
        writeAround(m_e->pools()->imagePath(m_source), 3 * MiB + 8192, 21);
        QTRY_COMPARE_WITH_TIMEOUT(m_e->copyState(m_target), Skewed, 20000);
        QVERIFY(m_e->sum(m_target) != m_e->sum(m_source));
        // It stays so, across a restart too, until a resync.
        waitForChecks(2);
        QCOMPARE(m_e->copyState(m_target), Skewed);
        m_e.reset();
        QVERIFY(reopen());
        QCOMPARE(m_e->copyState(m_target), Skewed);
        resyncRepairs();
    }

    void targetWrittenWhileRunning()
    {
        makeMirror();
        writeAround(m_e->pools()->imagePath(m_target), 1 * MiB, 22);
        QTRY_COMPARE_WITH_TIMEOUT(m_e->copyState(m_target), Skewed, 20000);
        QVERIFY(m_e->sum(m_target) != m_e->sum(m_source));
        resyncRepairs();
    }

    void sourceWrittenWhileStopped()
    {
        makeMirror();
        const QString path = m_e->pools()->imagePath(m_source);
        m_e.reset();
        writeAround(path, 5 * MiB, 23);
        QVERIFY(reopen());
        QCOMPARE(m_e->copyState(m_target), Skewed);
        waitForChecks(2);
        QCOMPARE(m_e->copyState(m_target), Skewed);
        resyncRepairs();
        // Mended for good: after a restart it is not Skewed again (it may resync what its dirty
        // map still marks, as any mirror does after a restart).
        m_e.reset();
        QVERIFY(reopen());
        QVERIFY(m_e->copyState(m_target) != Skewed);
        QTRY_COMPARE_WITH_TIMEOUT(m_e->copyState(m_target), Synchronized, 20000);
        QCOMPARE(m_e->sum(m_target), m_e->sum(m_source));
    }

    void targetWrittenWhileStopped()
    {
        makeMirror();
        const QString path = m_e->pools()->imagePath(m_target);
        m_e.reset();
        // Past the source's data: the replica gains bytes where both were a hole.
        writeAround(path, 7 * MiB, 24);
        QVERIFY(reopen());
        QCOMPARE(m_e->copyState(m_target), Skewed);
        resyncRepairs();
    }

    // A file put in the image's place (an editor's save, cp to a new file and mv): the pool
    // folder's watcher and the inode tell; reported once, though the engine still writes the old
    // file through its open descriptor.
    void imageReplacedWhileRunning()
    {
        makeMirror();
        QSignalSpy reported(m_e->pools(), &PoolManager::imageChangedOutside);
        const QString path = m_e->pools()->imagePath(m_source);
        const QString copy = path + QStringLiteral(".new");
        QVERIFY(QFile::copy(path, copy));
        writeAround(copy, 2 * MiB, 26);
        QCOMPARE(::rename(QFile::encodeName(copy).constData(), QFile::encodeName(path).constData()),
                 0);
        QTRY_COMPARE_WITH_TIMEOUT(m_e->copyState(m_target), Skewed, 20000);
        QRandomGenerator rng(4);
        auto source = m_e->pools()->device(m_source).value();
        QVERIFY(writeRandom(*source, 0, 4096, rng));
        waitForChecks(3);
        QCOMPARE(reported.count(), 1);
    }

    // A snapshot's point in time is kept by copy-on-write in the block layer; a write around it
    // reaches the source unsaved, so the snapshot no longer shows its point in time.
    void snapshotSourceWrittenWhileRunning()
    {
        m_source = m_e->volume(QStringLiteral("source"), Size, 2 * MiB, 12);
        const cim::MethodResult r = m_e->create({m_source}, 7);
        QCOMPARE(r.returnValue, 0u);
        m_target = EngineFixture::targetOf(r);
        QCOMPARE(m_e->copyState(m_target), Synchronized);
        writeAround(m_e->pools()->imagePath(m_source), 4096, 25);
        QTRY_COMPARE_WITH_TIMEOUT(m_e->copyState(m_target), Skewed, 20000);
        QCOMPARE(m_e->record(m_target)->progressStatus,
                 quint16(cim::ProgressStatus::RequiresResync));
        // Resync Replica takes a new point in time: the source as it is now.
        const cim::MethodResult resync = m_e->modify(Resync, {EngineFixture::syncOf(r)});
        QCOMPARE(resync.returnValue, 0u);
        QCOMPARE(m_e->copyState(m_target), Synchronized);
        QCOMPARE(m_e->sum(m_target), m_e->sum(m_source));
    }

    void imagesStayOwnerOnly()
    {
        auto v =
            m_e->pools()->createVolume(m_e->pools()->defaultPoolId(), QStringLiteral("v"), MiB);
        QVERIFY(v);
        const QByteArray path = QFile::encodeName(m_e->pools()->imagePath(v->deviceId));
        struct stat st
        {};
        QCOMPARE(::stat(path.constData(), &st), 0);
        QCOMPARE(st.st_mode & 07777, mode_t(0600));
        QVERIFY(m_e->pools()->growVolume(v->deviceId, 2 * MiB));
        QCOMPARE(::stat(path.constData(), &st), 0);
        QCOMPARE(st.st_mode & 07777, mode_t(0600));
        QCOMPARE(quint64(st.st_size), 2 * MiB);
    }
};

QTEST_GUILESS_MAIN(TestOutsideWrites)
#include "tst_outsidewrites.moc"
