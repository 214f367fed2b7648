// A volume of one engine cloned into a volume of a second engine through the second one's NBD
// export (libnbd client, loopback port), at one point in time, checked byte for byte and from
// outside with qemu-img compare. The peer's export runs on a thread of its own, as it would in
// its own process, because the writer's libnbd calls block.

#include "remote/nbdserver.h"
#include "remote/remoteclonewriter.h"

#include "engine.h"
#include "storage/filevolume.h"
#include "storage/poolmanager.h"

#include <ThreadWeaver/Queue>

#include <QFile>
#include <QMutex>
#include <QProcess>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace rd;
using namespace rd::engine;

namespace {

constexpr quint64 MiB = 1 << 20;
constexpr quint64 VolumeSize = 16 * MiB;

QByteArray randomBytes(quint64 n, quint32 seed)
{
    QByteArray b(qsizetype(n), Qt::Uninitialized);
    QRandomGenerator(seed).fillRange(reinterpret_cast<quint32 *>(b.data()), b.size() / 4);
    return b;
}

std::unique_ptr<Engine> openEngine(const QString &dir, const QString &name)
{
    EngineOptions o;
    o.dataDirectory = dir + QStringLiteral("/data");
    o.defaultPoolDirectory = dir + QStringLiteral("/pool");
    o.systemName = name;
    auto opened = Engine::open(o);
    return opened ? std::move(opened).value() : nullptr;
}

} // namespace

class TstRemoteClone : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<Engine> m_local;
    std::unique_ptr<Engine> m_peer;
    ThreadWeaver::Queue m_queue;
    QThread m_peerThread;
    QObject *m_anchor = nullptr; // lives on m_peerThread
    NbdServer *m_peerNbd = nullptr;
    QMutex m_exportsLock;
    QHash<QString, std::shared_ptr<BlockDevice>> m_exports;

    QString makeVolume(Engine *e, const QString &name, quint64 size)
    {
        auto v = e->poolManager()->createVolume(e->poolManager()->defaultPoolId(), name, size);
        return v ? v->deviceId : QString();
    }

    void exportPeerVolume(const QString &id)
    {
        auto d = m_peer->poolManager()->blockDevice(id);
        QVERIFY(d.ok());
        QMutexLocker lock(&m_exportsLock);
        m_exports.insert(id, d.value());
    }

    QByteArray image(Engine *e, const QString &id)
    {
        QFile f(e->poolManager()->imagePath(id));
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_local = openEngine(m_dir.filePath(QStringLiteral("local")), QStringLiteral("local"));
        m_peer = openEngine(m_dir.filePath(QStringLiteral("peer")), QStringLiteral("peer"));
        QVERIFY(m_local && m_peer);
        m_peerThread.start();
        m_anchor = new QObject;
        m_anchor->moveToThread(&m_peerThread);
        bool listening = false;
        QMetaObject::invokeMethod(
            m_anchor,
            [&] {
                m_peerNbd = new NbdServer(
                    [this](const QString &name) -> cim::Result<std::shared_ptr<BlockDevice>> {
                        QMutexLocker lock(&m_exportsLock);
                        if (!m_exports.contains(name))
                            return cim::Error(cim::ReturnCode::InvalidParameter,
                                              QStringLiteral("no export"));
                        return m_exports.value(name);
                    },
                    [this] {
                        QMutexLocker lock(&m_exportsLock);
                        return QStringList(m_exports.keys());
                    });
                listening = m_peerNbd->listen().ok();
            },
            Qt::BlockingQueuedConnection);
        QVERIFY(listening);
    }

    void cleanupTestCase()
    {
        QMetaObject::invokeMethod(
            m_anchor,
            [this] {
                delete m_peerNbd;
                delete m_anchor;
            },
            Qt::BlockingQueuedConnection);
        m_peerThread.quit();
        m_peerThread.wait();
        m_exports.clear();
        m_local.reset();
        m_peer.reset();
    }

    void cloneToThePeerAtAPointInTime()
    {
        const QString source = makeVolume(m_local.get(), QStringLiteral("source"), VolumeSize);
        const QString target = makeVolume(m_peer.get(), QStringLiteral("replica"), VolumeSize);
        QVERIFY(!source.isEmpty() && !target.isEmpty());
        exportPeerVolume(target);

        auto src = m_local->poolManager()->device(source);
        QVERIFY(src.ok());
        QByteArray expected(qsizetype(VolumeSize), '\0');
        for (quint64 at : {quint64(0), 3 * MiB + 4096, 9 * MiB, 15 * MiB}) {
            const QByteArray data = randomBytes(MiB, quint32(at) + 7);
            QVERIFY(
                src.value()->write(at, std::span<const char>(data.constData(), data.size())).ok());
            expected.replace(qsizetype(at), data.size(), data);
        }
        // Old data on the target where the source has a hole: the copy must zero it.
        {
            auto t = m_peer->poolManager()->device(target);
            const QByteArray junk = randomBytes(MiB, 1234);
            QVERIFY(t.value()
                        ->write(6 * MiB, std::span<const char>(junk.constData(), junk.size()))
                        .ok());
        }

        CloneOptions options;
        options.chunkSize = MiB;
        options.workers = 4;
        options.bytesPerSecond = 8 * MiB; // slow enough that the write below lands mid-copy
        RemoteCloneWriter writer(src.value(), &m_queue, options);
        QSignalSpy armed(&writer, &RemoteCloneWriter::armed);
        QSignalSpy finished(&writer, &RemoteCloneWriter::finished);
        writer.start(m_peerNbd->url(target));
        QVERIFY(armed.wait(30000) || armed.count() == 1);

        // Writes after the point in time, while the copy runs: the replica must not see them.
        QVERIFY(writer.isRunning());
        QVERIFY(writer.bytesDone() < writer.bytesTotal());
        const QByteArray later = randomBytes(2 * MiB, 555);
        QVERIFY(src.value()
                    ->write(8 * MiB, std::span<const char>(later.constData(), later.size()))
                    .ok());
        QVERIFY(finished.wait(60000) || finished.count() == 1);
        QCOMPARE(finished.first().at(0).value<CloneCopier::Outcome>(),
                 CloneCopier::Outcome::Completed);

        QVERIFY(image(m_peer.get(), target) == expected);
        QVERIFY(image(m_local.get(), source) != expected); // the source moved on
        // Holes stay holes on the peer (zeroed with WRITE_ZEROES, not written).
        auto allocated = m_peer->poolManager()->allocatedBytes(target);
        QVERIFY(allocated.ok());
        QVERIFY2(allocated.value() <= 6 * MiB, qPrintable(QString::number(allocated.value())));

        // From outside: qemu-img reads the peer's export and finds the point in time.
        const QString qemuImg = QStandardPaths::findExecutable(QStringLiteral("qemu-img"));
        if (!qemuImg.isEmpty()) {
            const QString file = m_dir.filePath(QStringLiteral("expected.raw"));
            QFile f(file);
            QVERIFY(f.open(QIODevice::WriteOnly));
            QCOMPARE(f.write(expected), expected.size());
            f.close();
            QProcess p;
            p.start(qemuImg, {QStringLiteral("compare"), QStringLiteral("-f"),
                              QStringLiteral("raw"), QStringLiteral("-F"), QStringLiteral("raw"),
                              file, m_peerNbd->url(target).toString()});
            QVERIFY(p.waitForFinished(60000)); // the export runs on its own thread
            QVERIFY2(p.exitCode() == 0, p.readAll().constData());
        }
    }

    void refusedTargets()
    {
        const QString source = makeVolume(m_local.get(), QStringLiteral("source2"), VolumeSize);
        const QString small = makeVolume(m_peer.get(), QStringLiteral("small"), VolumeSize / 2);
        exportPeerVolume(small);
        auto src = m_local->poolManager()->device(source);
        QVERIFY(src.ok());

        for (const QUrl &url : {m_peerNbd->url(QStringLiteral("missing")), m_peerNbd->url(small)}) {
            RemoteCloneWriter writer(src.value(), &m_queue);
            QSignalSpy finished(&writer, &RemoteCloneWriter::finished);
            writer.start(url);
            QVERIFY(finished.wait(30000) || finished.count() == 1);
            QCOMPARE(finished.first().at(0).value<CloneCopier::Outcome>(),
                     CloneCopier::Outcome::Failed);
            QVERIFY(!finished.first().at(1).toString().isEmpty());
        }
        // Nothing was written to the small volume.
        QVERIFY(image(m_peer.get(), small) == QByteArray(qsizetype(VolumeSize / 2), '\0'));
    }

    void peerGoesAwayMidCopy()
    {
        const QString source = makeVolume(m_local.get(), QStringLiteral("source3"), VolumeSize);
        const QString target = makeVolume(m_peer.get(), QStringLiteral("replica3"), VolumeSize);
        exportPeerVolume(target);
        auto src = m_local->poolManager()->device(source);
        QVERIFY(src.ok());
        const QByteArray data = randomBytes(VolumeSize, 77);
        QVERIFY(src.value()->write(0, std::span<const char>(data.constData(), data.size())).ok());

        // A second export of the peer, dropped (listener and connections) during the copy.
        NbdServer *doomed = nullptr;
        QMetaObject::invokeMethod(
            m_anchor,
            [&] {
                doomed = new NbdServer(
                    [this](const QString &name) -> cim::Result<std::shared_ptr<BlockDevice>> {
                        QMutexLocker lock(&m_exportsLock);
                        return m_exports.value(name);
                    },
                    [] { return QStringList(); });
                (void)doomed->listen();
            },
            Qt::BlockingQueuedConnection);
        CloneOptions options;
        options.chunkSize = MiB;
        options.bytesPerSecond = 4 * MiB; // about 4 s for the whole volume
        RemoteCloneWriter writer(src.value(), &m_queue, options);
        QSignalSpy armed(&writer, &RemoteCloneWriter::armed);
        QSignalSpy finished(&writer, &RemoteCloneWriter::finished);
        writer.start(doomed->url(target));
        QVERIFY(armed.wait(30000) || armed.count() == 1);
        QTRY_VERIFY_WITH_TIMEOUT(writer.bytesDone() >= MiB, 10000);
        QMetaObject::invokeMethod(
            m_anchor, [&] { delete doomed; }, Qt::BlockingQueuedConnection);

        // The copy fails with the reason instead of hanging, and a source write still lands.
        QVERIFY(finished.wait(30000) || finished.count() == 1);
        QCOMPARE(finished.first().at(0).value<CloneCopier::Outcome>(),
                 CloneCopier::Outcome::Failed);
        QVERIFY(!finished.first().at(1).toString().isEmpty());
        const char x = 1;
        QVERIFY(src.value()->write(VolumeSize - 1, std::span<const char>(&x, 1)).ok());
    }
};

QTEST_GUILESS_MAIN(TstRemoteClone)
#include "tst_remoteclone.moc"
