// FileVolume against real sparse files: bytes round-trip, holes are reported and read as zeros,
// discard punches holes, observers see old and new contents, bad ranges and I/O errors are
// reported as values.

#include "storage/filevolume.h"

#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <csignal>
#include <sys/resource.h>

using namespace rd;
using namespace rd::engine;

namespace {

constexpr quint64 MiB = 1024 * 1024;

QByteArray randomBytes(qsizetype n, quint32 seed)
{
    QRandomGenerator rng(seed);
    QByteArray b(n, '\0');
    for (char &c : b)
        c = char(rng.bounded(256));
    return b;
}

QByteArray readBack(BlockDevice &d, quint64 offset, qsizetype n)
{
    QByteArray b(n, '\x55');
    auto r = d.read(offset, std::span<char>(b.data(), size_t(n)));
    return r ? b : QByteArray();
}

cim::Result<void> writeBytes(BlockDevice &d, quint64 offset, const QByteArray &b)
{
    return d.write(offset, std::span<const char>(b.constData(), size_t(b.size())));
}

// Records what the range held before and after each write, as seen through the device itself.
class RecordingObserver final : public WriteObserver
{
public:
    explicit RecordingObserver(BlockDevice *device)
        : m_device(device)
    {}
    cim::Result<void> beforeWrite(quint64 offset, quint64 length) override
    {
        calls.append(QStringLiteral("before %1+%2").arg(offset).arg(length));
        before.append(readBack(*m_device, offset, qsizetype(length)));
        if (failNext) {
            failNext = false;
            return cim::Error(cim::ReturnCode::Failed, QStringLiteral("observer refuses"));
        }
        return {};
    }
    void afterWrite(quint64 offset, quint64 length) override
    {
        calls.append(QStringLiteral("after %1+%2").arg(offset).arg(length));
        after.append(readBack(*m_device, offset, qsizetype(length)));
    }

    QStringList calls;
    QList<QByteArray> before;
    QList<QByteArray> after;
    bool failNext = false;

private:
    BlockDevice *m_device;
};

// RLIMIT_FSIZE stands in for a full disk: writes past it fail with EFBIG instead of killing
// the process (SIGXFSZ ignored). Restored when the guard goes.
class FileSizeLimit
{
public:
    explicit FileSizeLimit(rlim_t bytes)
    {
        m_oldHandler = std::signal(SIGXFSZ, SIG_IGN);
        ::getrlimit(RLIMIT_FSIZE, &m_old);
        rlimit limit = m_old;
        limit.rlim_cur = bytes;
        ::setrlimit(RLIMIT_FSIZE, &limit);
    }
    ~FileSizeLimit()
    {
        ::setrlimit(RLIMIT_FSIZE, &m_old);
        std::signal(SIGXFSZ, m_oldHandler);
    }

private:
    rlimit m_old{};
    void (*m_oldHandler)(int) = nullptr;
};

} // namespace

class TestFileVolume : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { QVERIFY(m_dir.isValid()); }

    void createIsSparseAndReadsZeros()
    {
        const QString path = m_dir.filePath(QStringLiteral("sparse.img"));
        auto v = FileVolume::create(path, 64 * MiB);
        QVERIFY2(v.ok(), qPrintable(v.error().message));
        QCOMPARE(v.value()->size(), 64 * MiB);
        QCOMPARE(QFileInfo(path).size(), qint64(64 * MiB));
        QVERIFY(v.value()->fd() >= 0);
        QCOMPARE(v.value()->path(), path);
        auto allocated = v.value()->allocatedBytes();
        QVERIFY(allocated.ok());
        QCOMPARE(allocated.value(), 0u);
        auto extents = v.value()->allocatedExtents(0, 64 * MiB);
        QVERIFY(extents.ok());
        QVERIFY(extents.value().isEmpty());
        QCOMPARE(readBack(*v.value(), 10 * MiB, 4096), QByteArray(4096, '\0'));
    }

    void createRejectsBadSizesAndExistingFiles()
    {
        const QString path = m_dir.filePath(QStringLiteral("bad.img"));
        for (quint64 size : {quint64(0), quint64(1000), quint64(513)}) {
            auto v = FileVolume::create(path, size);
            QVERIFY(!v.ok());
            QCOMPARE(v.error().code, quint32(cim::ReturnCode::InvalidParameter));
            QVERIFY(!QFile::exists(path));
        }
        QVERIFY(FileVolume::create(path, 4096).ok());
        QVERIFY(writeBytes(*FileVolume::open(path).value(), 0, QByteArray(512, 'x')).ok());
        // O_EXCL: an existing image is never truncated or taken over.
        auto again = FileVolume::create(path, 8192);
        QVERIFY(!again.ok());
        QCOMPARE(again.error().code, quint32(cim::ReturnCode::Failed));
        QVERIFY(again.error().message.contains(QStringLiteral("exists")));
        QCOMPARE(QFileInfo(path).size(), 4096);
        QCOMPARE(readBack(*FileVolume::open(path).value(), 0, 512), QByteArray(512, 'x'));
    }

    void openChecksTheFile()
    {
        auto missing = FileVolume::open(m_dir.filePath(QStringLiteral("missing.img")));
        QVERIFY(!missing.ok());
        QCOMPARE(missing.error().code, quint32(cim::ReturnCode::Failed));
        QVERIFY(missing.error().message.contains(QStringLiteral("No such file")));

        QFile odd(m_dir.filePath(QStringLiteral("odd.img")));
        QVERIFY(odd.open(QIODevice::WriteOnly));
        odd.write(QByteArray(1000, 'a'));
        odd.close();
        auto notBlocks = FileVolume::open(odd.fileName());
        QVERIFY(!notBlocks.ok());
        QCOMPARE(notBlocks.error().code, quint32(cim::ReturnCode::InvalidParameter));

        auto dir = FileVolume::open(m_dir.path());
        QVERIFY(!dir.ok());
    }

    void bytesRoundTripAndSurviveReopen()
    {
        const QString path = m_dir.filePath(QStringLiteral("data.img"));
        const QByteArray a = randomBytes(128 * 1024, 1);
        const QByteArray b = randomBytes(4096 + 512, 2);
        {
            auto v = FileVolume::create(path, 16 * MiB).value();
            QVERIFY(writeBytes(*v, 0, a).ok());
            QVERIFY(writeBytes(*v, 16 * MiB - quint64(b.size()), b).ok()); // the very end
            QVERIFY(writeBytes(*v, 3 * MiB + 512, a.left(1024)).ok());     // unaligned to 4 KiB
            QVERIFY(v->flush().ok());
            QCOMPARE(readBack(*v, 0, a.size()), a);
        }
        auto v = FileVolume::open(path);
        QVERIFY(v.ok());
        QCOMPARE(v.value()->size(), 16 * MiB);
        QCOMPARE(readBack(*v.value(), 0, a.size()), a);
        QCOMPARE(readBack(*v.value(), 16 * MiB - quint64(b.size()), b.size()), b);
        QCOMPARE(readBack(*v.value(), 3 * MiB + 512, 1024), a.left(1024));
        QCOMPARE(readBack(*v.value(), 3 * MiB, 512), QByteArray(512, '\0'));
    }

    void holesAreReportedAndReadAsZeros()
    {
        auto v = FileVolume::create(m_dir.filePath(QStringLiteral("holes.img")), 8 * MiB).value();
        QVERIFY(writeBytes(*v, 0, randomBytes(64 * 1024, 3)).ok());
        QVERIFY(writeBytes(*v, 4 * MiB, randomBytes(128 * 1024, 4)).ok());
        auto extents = v->allocatedExtents(0, v->size());
        QVERIFY(extents.ok());
        const QList<Extent> expected{{0, 64 * 1024}, {4 * MiB, 128 * 1024}};
        QCOMPARE(extents.value(), expected);
        // Clipped to the range asked for.
        auto clipped = v->allocatedExtents(32 * 1024, 4 * MiB);
        QVERIFY(clipped.ok());
        const QList<Extent> expectedClipped{{32 * 1024, 32 * 1024}, {4 * MiB, 32 * 1024}};
        QCOMPARE(clipped.value(), expectedClipped);
        auto none = v->allocatedExtents(1 * MiB, 2 * MiB);
        QVERIFY(none.ok());
        QVERIFY(none.value().isEmpty());
        QVERIFY(v->allocatedExtents(v->size(), 100).value().isEmpty());
        QCOMPARE(readBack(*v, 1 * MiB, 64 * 1024), QByteArray(64 * 1024, '\0'));
        QCOMPARE(v->allocatedBytes().value(), quint64(192 * 1024));
    }

    void discardPunchesHoles()
    {
        auto v = FileVolume::create(m_dir.filePath(QStringLiteral("discard.img")), 4 * MiB).value();
        const QByteArray data = randomBytes(1 * MiB, 5);
        QVERIFY(writeBytes(*v, 0, data).ok());
        QVERIFY(v->discard(256 * 1024, 512 * 1024).ok());
        QCOMPARE(readBack(*v, 256 * 1024, 512 * 1024), QByteArray(512 * 1024, '\0'));
        QCOMPARE(readBack(*v, 0, 256 * 1024), data.left(256 * 1024));
        QCOMPARE(readBack(*v, 768 * 1024, 256 * 1024), data.mid(768 * 1024));
        const QList<Extent> expected{{0, 256 * 1024}, {768 * 1024, 256 * 1024}};
        QCOMPARE(v->allocatedExtents(0, v->size()).value(), expected);
        QCOMPARE(v->allocatedBytes().value(), quint64(512 * 1024));
        QCOMPARE(v->size(), 4 * MiB); // KEEP_SIZE
        QVERIFY(v->discard(0, 0).ok());
    }

    void observersSeeOldThenNewContent()
    {
        auto v =
            FileVolume::create(m_dir.filePath(QStringLiteral("observed.img")), 1 * MiB).value();
        const QByteArray first = randomBytes(4096, 6);
        const QByteArray second = randomBytes(4096, 7);
        QVERIFY(writeBytes(*v, 8192, first).ok());

        RecordingObserver observer(v.get());
        v->addObserver(&observer);
        QVERIFY(writeBytes(*v, 8192, second).ok());
        QCOMPARE(observer.calls, QStringList({QStringLiteral("before 8192+4096"),
                                              QStringLiteral("after 8192+4096")}));
        QCOMPARE(observer.before.value(0), first); // old content still in place
        QCOMPARE(observer.after.value(0), second);

        // A refusing observer fails the write, and the bytes stay as they were.
        observer.failNext = true;
        auto refused = writeBytes(*v, 8192, first);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().message, QStringLiteral("observer refuses"));
        QCOMPARE(readBack(*v, 8192, 4096), second);
        QCOMPARE(observer.after.size(), 1);

        // The engine's own replication I/O is not observed.
        observer.calls.clear();
        QVERIFY(v->writeUnobserved(0, std::span<const char>(first.constData(), 512)).ok());
        QVERIFY(observer.calls.isEmpty());
        QCOMPARE(readBack(*v, 0, 512), first.left(512));

        // A discard changes content as a write does: observers see the old bytes first.
        QVERIFY(v->discard(8192, 4096).ok());
        QCOMPARE(observer.calls, QStringList({QStringLiteral("before 8192+4096"),
                                              QStringLiteral("after 8192+4096")}));
        QCOMPARE(observer.before.last(), second);
        QCOMPARE(observer.after.last(), QByteArray(4096, '\0'));
        observer.calls.clear();
        QVERIFY(v->discardUnobserved(0, 512).ok());
        QVERIFY(observer.calls.isEmpty());

        v->removeObserver(&observer);
        QVERIFY(writeBytes(*v, 0, second).ok());
        QVERIFY(observer.calls.isEmpty());
    }

    void outOfRangeIsRejected()
    {
        auto v = FileVolume::create(m_dir.filePath(QStringLiteral("range.img")), 1 * MiB).value();
        QByteArray buf(1024, '\0');
        auto r = v->read(1 * MiB - 512, std::span<char>(buf.data(), 1024));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, quint32(cim::ReturnCode::InvalidParameter));
        QVERIFY(!v->read(2 * MiB, std::span<char>(buf.data(), 1)).ok());
        // Offsets near 2^64 must not wrap around the check.
        QVERIFY(!v->read(std::numeric_limits<quint64>::max() - 10, std::span<char>(buf.data(), 100))
                     .ok());
        QVERIFY(v->read(1 * MiB - 1024, std::span<char>(buf.data(), 1024)).ok());
        QVERIFY(v->read(1 * MiB, std::span<char>(buf.data(), 0)).ok());

        auto w = writeBytes(*v, 1 * MiB - 512, buf);
        QVERIFY(!w.ok());
        QCOMPARE(w.error().code, quint32(cim::ReturnCode::InvalidParameter));
        QCOMPARE(QFileInfo(v->path()).size(), qint64(1 * MiB)); // never grows
        QCOMPARE(v->discard(1 * MiB - 512, 1024).error().code,
                 quint32(cim::ReturnCode::InvalidParameter));
    }

    void ioErrorsCarryTheSystemText()
    {
        auto v = FileVolume::create(m_dir.filePath(QStringLiteral("limit.img")), 8 * MiB).value();
        const QString big = m_dir.filePath(QStringLiteral("big.img"));
        FileSizeLimit limit(1 * MiB);
        auto w = writeBytes(*v, 4 * MiB, QByteArray(4096, 'z'));
        QVERIFY(!w.ok());
        QCOMPARE(w.error().code, quint32(cim::ReturnCode::Failed));
        QVERIFY2(w.error().message.contains(QStringLiteral("File too large")),
                 qPrintable(w.error().message));
        QCOMPARE(readBack(*v, 4 * MiB, 4096), QByteArray(4096, '\0'));

        auto c = FileVolume::create(big, 8 * MiB);
        QVERIFY(!c.ok());
        QCOMPARE(c.error().code, quint32(cim::ReturnCode::Failed));
        QVERIFY(c.error().message.contains(QStringLiteral("File too large")));
        QVERIFY(!QFile::exists(big)); // nothing half-made left behind
    }

    void concurrentWritersShareOneDevice()
    {
        auto v = FileVolume::create(m_dir.filePath(QStringLiteral("threads.img")), 4 * MiB).value();
        QList<QThread *> threads;
        for (int t = 0; t < 4; ++t) {
            threads.append(QThread::create([&v, t] {
                const QByteArray block(64 * 1024, char('a' + t));
                for (int i = 0; i < 4; ++i)
                    (void)writeBytes(*v, quint64(t * 4 + i) * 64 * 1024, block);
            }));
            threads.last()->start();
        }
        for (QThread *t : threads) {
            QVERIFY(t->wait(10000));
            delete t;
        }
        for (int t = 0; t < 4; ++t) {
            for (int i = 0; i < 4; ++i) {
                QCOMPARE(readBack(*v, quint64(t * 4 + i) * 64 * 1024, 64 * 1024),
                         QByteArray(64 * 1024, char('a' + t)));
            }
        }
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestFileVolume)
#include "tst_filevolume.moc"
