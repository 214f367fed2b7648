// The engine's NBD export against real clients: libnbd (reads, writes, flush, trim, block
// status, refusals), Debian's nbdinfo and qemu-img compare, all over a loopback port. Clients run
// off the test thread (or as processes) because the server answers on the test's event loop.

#include "remote/nbdserver.h"

#include "engine.h"
#include "storage/blockdevice.h"
#include "storage/filevolume.h"
#include "storage/poolmanager.h"
#include "wsman/selfsignedcertificate.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRandomGenerator>
#include <QSslSocket>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <libnbd.h>

#include <atomic>
#include <chrono>
#include <thread>

using namespace rd;
using namespace rd::engine;

namespace {

constexpr quint64 MiB = 1 << 20;
constexpr quint64 VolumeSize = 8 * MiB;

// Runs f on a thread of its own while the test thread keeps serving.
template<class F>
auto offThread(F f)
{
    std::invoke_result_t<F> result{};
    std::atomic_bool done = false;
    std::thread t([&] {
        result = f();
        done = true;
    });
    (void)QTest::qWaitFor([&] { return done.load(); }, 120000);
    t.join();
    return result;
}

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Run runTool(const QString &program, const QStringList &args)
{
    QProcess p;
    p.start(program, args);
    Run r;
    if (!p.waitForStarted(10000))
        return r;
    (void)QTest::qWaitFor([&] { return p.state() == QProcess::NotRunning; }, 120000);
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

QByteArray randomBytes(quint64 n, quint32 seed)
{
    QByteArray b(qsizetype(n), Qt::Uninitialized);
    QRandomGenerator(seed).fillRange(reinterpret_cast<quint32 *>(b.data()), b.size() / 4);
    return b;
}

// Counts observed writes, to show NBD writes go through the observed path.
class CountingObserver final : public WriteObserver
{
public:
    std::atomic<int> writes = 0;
    cim::Result<void> beforeWrite(quint64, quint64) override
    {
        ++writes;
        return {};
    }
};

struct NbdHandle
{
    nbd_handle *h = nullptr;
    NbdHandle()
        : h(nbd_create())
    {}
    ~NbdHandle()
    {
        if (h)
            nbd_close(h);
    }
    Q_DISABLE_COPY_MOVE(NbdHandle)
};

} // namespace

class TstNbdServer : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<Engine> m_engine;
    std::unique_ptr<NbdServer> m_server;
    QString m_volume;
    QByteArray m_expected; // what the volume must hold

    QByteArray uri() const { return m_server->url(m_volume).toString().toUtf8(); }

    QByteArray imageBytes() const
    {
        QFile f(m_engine->poolManager()->imagePath(m_volume));
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        EngineOptions o;
        o.dataDirectory = m_dir.filePath(QStringLiteral("data"));
        o.defaultPoolDirectory = m_dir.filePath(QStringLiteral("pool"));
        o.systemName = QStringLiteral("exporter");
        auto opened = Engine::open(o);
        QVERIFY2(opened.ok(), qPrintable(opened.error().message));
        m_engine = std::move(opened).value();
        PoolManager *pools = m_engine->poolManager();
        auto v =
            pools->createVolume(pools->defaultPoolId(), QStringLiteral("exported"), VolumeSize);
        QVERIFY2(v.ok(), qPrintable(v.error().message));
        m_volume = v->deviceId;

        // Data at 0 and 5 MiB, holes elsewhere.
        auto device = pools->device(m_volume);
        QVERIFY(device.ok());
        m_expected = QByteArray(qsizetype(VolumeSize), '\0');
        for (quint64 at : {quint64(0), 5 * MiB}) {
            const QByteArray data = randomBytes(MiB, quint32(at / MiB) + 1);
            QVERIFY(device.value()
                        ->write(at, std::span<const char>(data.constData(), data.size()))
                        .ok());
            m_expected.replace(qsizetype(at), data.size(), data);
        }
        QVERIFY(device.value()->flush().ok());

        m_server = std::make_unique<NbdServer>(pools);
        QVERIFY(m_server->listen().ok());
        QVERIFY(m_server->port() != 0);
    }

    void cleanupTestCase()
    {
        m_server.reset();
        m_engine.reset();
    }

    void libnbdReadsWhatTheVolumeHolds()
    {
        const QByteArray u = uri();
        struct Out
        {
            qint64 size = -1;
            int structured = -1;
            int canMeta = -1;
            QByteArray data;
            QByteArray error;
        };
        const Out out = offThread([u] {
            Out o;
            NbdHandle n;
            nbd_add_meta_context(n.h, LIBNBD_CONTEXT_BASE_ALLOCATION);
            if (nbd_connect_uri(n.h, u.constData()) == -1) {
                o.error = nbd_get_error();
                return o;
            }
            o.size = nbd_get_size(n.h);
            o.structured = nbd_get_structured_replies_negotiated(n.h);
            o.canMeta = nbd_can_meta_context(n.h, LIBNBD_CONTEXT_BASE_ALLOCATION);
            o.data = QByteArray(qsizetype(o.size), '\x55');
            for (qint64 at = 0; at < o.size; at += 4 * MiB) {
                if (nbd_pread(n.h, o.data.data() + at, 4 * MiB, quint64(at), 0) == -1) {
                    o.error = nbd_get_error();
                    return o;
                }
            }
            nbd_shutdown(n.h, 0);
            return o;
        });
        QVERIFY2(out.error.isEmpty(), out.error.constData());
        QCOMPARE(out.size, qint64(VolumeSize));
        QCOMPARE(out.structured, 1);
        QCOMPARE(out.canMeta, 1);
        QVERIFY(out.data == m_expected);
    }

    void libnbdWritesAreObservedAndLand()
    {
        auto device = m_engine->poolManager()->device(m_volume);
        QVERIFY(device.ok());
        CountingObserver observer;
        device.value()->addObserver(&observer);
        const QByteArray data = randomBytes(256 * 1024, 99);
        const quint64 at = 3 * MiB + 512;
        const QByteArray u = uri();
        const QByteArray error = offThread([u, data, at] {
            NbdHandle n;
            if (nbd_connect_uri(n.h, u.constData()) == -1 ||
                nbd_pwrite(n.h, data.constData(), size_t(data.size()), at, LIBNBD_CMD_FLAG_FUA) ==
                    -1 ||
                nbd_trim(n.h, MiB, 6 * MiB, 0) == -1 || nbd_flush(n.h, 0) == -1)
                return QByteArray(nbd_get_error());
            nbd_shutdown(n.h, 0);
            return QByteArray();
        });
        device.value()->removeObserver(&observer);
        QVERIFY2(error.isEmpty(), error.constData());
        QVERIFY(observer.writes >= 2); // the write and the trim
        m_expected.replace(qsizetype(at), data.size(), data);
        m_expected.replace(qsizetype(6 * MiB), qsizetype(MiB), QByteArray(qsizetype(MiB), '\0'));
        QVERIFY(imageBytes() == m_expected);
    }

    void blockStatusShowsHoles()
    {
        const QByteArray u = uri();
        struct Ext
        {
            QList<quint32> lengths;
            QList<quint32> flags;
            QByteArray error;
        };
        const Ext ext = offThread([u] {
            Ext e;
            NbdHandle n;
            nbd_add_meta_context(n.h, LIBNBD_CONTEXT_BASE_ALLOCATION);
            if (nbd_connect_uri(n.h, u.constData()) == -1) {
                e.error = nbd_get_error();
                return e;
            }
            nbd_extent_callback cb{
                [](void *user, const char *, uint64_t, uint32_t *entries, size_t count, int *) {
                    auto *x = static_cast<Ext *>(user);
                    for (size_t i = 0; i + 1 < count; i += 2) {
                        x->lengths.append(entries[i]);
                        x->flags.append(entries[i + 1]);
                    }
                    return 0;
                },
                &e, nullptr};
            if (nbd_block_status(n.h, VolumeSize, 0, cb, 0) == -1)
                e.error = nbd_get_error();
            nbd_shutdown(n.h, 0);
            return e;
        });
        QVERIFY2(ext.error.isEmpty(), ext.error.constData());
        quint64 total = 0;
        bool sawHole = false, sawData = false;
        for (int i = 0; i < ext.lengths.size(); ++i) {
            total += ext.lengths.at(i);
            sawHole |= ext.flags.at(i) == (LIBNBD_STATE_HOLE | LIBNBD_STATE_ZERO);
            sawData |= ext.flags.at(i) == 0;
        }
        QCOMPARE(total, VolumeSize);
        QVERIFY(sawHole);
        QVERIFY(sawData);
        // The first MiB holds data, so the first extent must say so.
        QCOMPARE(ext.flags.value(0, 99), 0u);
    }

    void refusals()
    {
        QUrl bad = m_server->url(QStringLiteral("no-such-volume"));
        const QByteArray u = bad.toString().toUtf8();
        const QByteArray good = uri();
        struct Out
        {
            int unknownExport = 0;
            int beyondEnd = 0;
            int stillServes = -1;
        };
        const Out out = offThread([u, good] {
            Out o;
            NbdHandle a;
            o.unknownExport = nbd_connect_uri(a.h, u.constData());
            NbdHandle b;
            if (nbd_connect_uri(b.h, good.constData()) == -1)
                return o;
            char buf[4096];
            o.beyondEnd = nbd_pread(b.h, buf, sizeof buf, VolumeSize - 512, 0);
            o.stillServes = nbd_pread(b.h, buf, sizeof buf, 0, 0);
            nbd_shutdown(b.h, 0);
            return o;
        });
        QCOMPARE(out.unknownExport, -1);
        QCOMPARE(out.beyondEnd, -1);
        QCOMPARE(out.stillServes, 0);
    }

    void nbdinfoSeesTheExport()
    {
        const QString nbdinfo = QStandardPaths::findExecutable(QStringLiteral("nbdinfo"));
        if (nbdinfo.isEmpty())
            QSKIP("nbdinfo (libnbd-bin) is not installed");
        const Run size = runTool(nbdinfo, {QStringLiteral("--size"), QString::fromUtf8(uri())});
        QVERIFY2(size.exitCode == 0, size.err.constData());
        QCOMPARE(size.out.trimmed(), QByteArray::number(VolumeSize));
        const Run list = runTool(nbdinfo, {QStringLiteral("--list"), QStringLiteral("--json"),
                                           m_server->url().toString()});
        QVERIFY2(list.exitCode == 0, list.err.constData());
        QVERIFY2(list.out.contains(m_volume.toUtf8()), list.out.constData());
        const Run map = runTool(nbdinfo, {QStringLiteral("--map"), QString::fromUtf8(uri())});
        QVERIFY2(map.exitCode == 0, map.err.constData());
        QVERIFY2(map.out.contains("hole") && map.out.contains("data"), map.out.constData());
    }

    void qemuImgCompareAgainstTheExport()
    {
        const QString qemuImg = QStandardPaths::findExecutable(QStringLiteral("qemu-img"));
        if (qemuImg.isEmpty())
            QSKIP("qemu-img (qemu-utils) is not installed");
        const QString copy = m_dir.filePath(QStringLiteral("expected.raw"));
        {
            QFile f(copy);
            QVERIFY(f.open(QIODevice::WriteOnly));
            QCOMPARE(f.write(m_expected), m_expected.size());
        }
        const QStringList args{QStringLiteral("compare"), QStringLiteral("-f"),
                               QStringLiteral("raw"),     QStringLiteral("-F"),
                               QStringLiteral("raw"),     copy,
                               QString::fromUtf8(uri())};
        const Run same = runTool(qemuImg, args);
        QVERIFY2(same.exitCode == 0, QByteArray(same.out + same.err).constData());

        // One changed byte: qemu-img must see it through the export.
        auto device = m_engine->poolManager()->device(m_volume);
        const char x = char(m_expected.at(qsizetype(7 * MiB)) ^ 0x5a);
        QVERIFY(device.value()->write(7 * MiB, std::span<const char>(&x, 1)).ok());
        const Run differs = runTool(qemuImg, args);
        QCOMPARE(differs.exitCode, 1);
        m_expected[qsizetype(7 * MiB)] = x;
    }

    // Silent clients (connected, never negotiating): one address cannot hold more than its
    // share, a real client is served while they are open, and the negotiation deadline closes
    // all of them, however many.
    void silentClientsAreLimitedAndClosed()
    {
        const QString nbdinfo = QStandardPaths::findExecutable(QStringLiteral("nbdinfo"));
        if (nbdinfo.isEmpty())
            QSKIP("nbdinfo (libnbd-bin) is not installed");
        // From another loopback address (Linux routes all of 127/8 to lo).
        int closed = 0;
        std::vector<std::unique_ptr<QTcpSocket>> silent;
        auto openSilent = [&](quint16 port, int count) {
            for (int i = 0; i < count; ++i) {
                auto s = std::make_unique<QTcpSocket>();
                if (!s->bind(QHostAddress(QStringLiteral("127.0.0.2"))))
                    return false;
                connect(s.get(), &QTcpSocket::disconnected, this, [&closed] { ++closed; });
                s->connectToHost(QHostAddress::LocalHost, port);
                silent.push_back(std::move(s));
            }
            return true;
        };

        {
            // The per-address limit: 30 silent ones, 20 let in and 10 closed at once.
            NbdServer server(m_engine->poolManager());
            NbdServer::Limits limits;
            limits.negotiationDeadline = std::chrono::minutes(5);
            limits.connectionsPerAddress = 20;
            server.setLimits(limits);
            QVERIFY(server.listen().ok());
            QVERIFY(openSilent(server.port(), 30));
            QTRY_COMPARE_WITH_TIMEOUT(closed, 10, 20000);
            QTRY_COMPARE_WITH_TIMEOUT(server.connectionCount(), 20, 20000);
            // A good client from 127.0.0.1 is served while they hold their connections.
            const Run size =
                runTool(nbdinfo, {QStringLiteral("--size"), server.url(m_volume).toString()});
            QVERIFY2(size.exitCode == 0, size.err.constData());
            QCOMPARE(size.out.trimmed().toULongLong(), VolumeSize);
            QCOMPARE(server.connectionCount(), 20);
            QCOMPARE(closed, 10);
        }
        silent.clear();
        closed = 0;

        // The deadline: 300 idle connections do not stay open.
        NbdServer server(m_engine->poolManager());
        NbdServer::Limits limits;
        limits.negotiationDeadline = std::chrono::milliseconds(1500);
        limits.connectionsPerAddress = 400;
        server.setLimits(limits);
        QVERIFY(server.listen().ok());
        constexpr int Silent = 300;
        QVERIFY(openSilent(server.port(), Silent));
        const Run size =
            runTool(nbdinfo, {QStringLiteral("--size"), server.url(m_volume).toString()});
        QVERIFY2(size.exitCode == 0, size.err.constData());
        QTRY_COMPARE_WITH_TIMEOUT(closed, Silent, 30000);
        QTRY_COMPARE_WITH_TIMEOUT(server.connectionCount(), 0, 20000);
    }

    // Local clients on a Unix socket only the engine's user may open (mode 0600), named by an
    // nbd+unix:// URL that nbdinfo takes as it is.
    void unixSocketServesLocalClients()
    {
        const QString nbdinfo = QStandardPaths::findExecutable(QStringLiteral("nbdinfo"));
        if (nbdinfo.isEmpty())
            QSKIP("nbdinfo (libnbd-bin) is not installed");
        NbdServer server(m_engine->poolManager());
        const QString path = m_dir.filePath(QStringLiteral("nbd.sock"));
        QVERIFY(server.listenLocal(path).ok());
        QCOMPARE(server.localPath(), path);
        QCOMPARE(QFileInfo(path).permissions() & (QFileDevice::ReadGroup | QFileDevice::WriteGroup |
                                                  QFileDevice::ReadOther | QFileDevice::WriteOther),
                 QFileDevice::Permissions());
        const QUrl url = server.localUrl(m_volume);
        QCOMPARE(url.toString(), QStringLiteral("nbd+unix:///%1?socket=%2").arg(m_volume, path));
        const Run size = runTool(nbdinfo, {QStringLiteral("--size"), url.toString()});
        QVERIFY2(size.exitCode == 0, size.err.constData());
        QCOMPARE(size.out.trimmed().toULongLong(), VolumeSize);
    }

    void tlsBetweenPeers()
    {
        if (!QSslSocket::supportsSsl())
            QSKIP("no TLS backend");
        auto identity = wsman::makeSelfSignedCertificate(QStringLiteral("127.0.0.1"),
                                                         {QStringLiteral("localhost")},
                                                         {QHostAddress(QHostAddress::LocalHost)});
        QVERIFY2(identity.ok(), qPrintable(identity.error().message));
        auto other = wsman::makeSelfSignedCertificate(QStringLiteral("127.0.0.1"), {},
                                                      {QHostAddress(QHostAddress::LocalHost)});
        QVERIFY(other.ok());
        const QString trusted = m_dir.filePath(QStringLiteral("trusted"));
        const QString wrong = m_dir.filePath(QStringLiteral("wrong"));
        for (const auto &[dir, cert] :
             {std::pair{trusted, identity->certificate}, std::pair{wrong, other->certificate}}) {
            QVERIFY(QDir().mkpath(dir));
            QFile f(dir + QStringLiteral("/ca-cert.pem"));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(cert.toPem());
        }

        NbdServer tls(m_engine->poolManager());
        tls.setTls(*identity, true);
        QVERIFY(tls.listen().ok());
        QCOMPARE(tls.url(m_volume).scheme(), QStringLiteral("nbds"));
        const QByteArray secure = tls.url(m_volume).toString().toUtf8();
        QUrl plainUrl = tls.url(m_volume);
        plainUrl.setScheme(QStringLiteral("nbd"));
        const QByteArray plain = plainUrl.toString().toUtf8();
        const QByteArray trustedDir = trusted.toLocal8Bit();
        const QByteArray wrongDir = wrong.toLocal8Bit();
        struct Out
        {
            QByteArray error;
            int negotiated = -1;
            QByteArray data;
            int plainRefused = 0;
            int wrongRefused = 0;
        };
        const Out out = offThread([=] {
            Out o;
            {
                NbdHandle n;
                nbd_set_tls_certificates(n.h, trustedDir.constData());
                if (nbd_connect_uri(n.h, secure.constData()) == -1) {
                    o.error = nbd_get_error();
                    return o;
                }
                o.negotiated = nbd_get_tls_negotiated(n.h);
                o.data = QByteArray(qsizetype(MiB), '\0');
                if (nbd_pread(n.h, o.data.data(), MiB, 0, 0) == -1)
                    o.error = nbd_get_error();
                nbd_shutdown(n.h, 0);
            }
            {
                NbdHandle n; // no TLS: refused by the server's policy
                o.plainRefused = nbd_connect_uri(n.h, plain.constData());
            }
            {
                NbdHandle n; // TLS to a server whose certificate is not the trusted one
                nbd_set_tls_certificates(n.h, wrongDir.constData());
                o.wrongRefused = nbd_connect_uri(n.h, secure.constData());
            }
            return o;
        });
        QVERIFY2(out.error.isEmpty(), out.error.constData());
        QCOMPARE(out.negotiated, 1);
        QVERIFY(out.data == m_expected.left(qsizetype(MiB)));
        QCOMPARE(out.plainRefused, -1);
        QCOMPARE(out.wrongRefused, -1);
    }
};

QTEST_GUILESS_MAIN(TstNbdServer)
#include "tst_nbdserver.moc"
