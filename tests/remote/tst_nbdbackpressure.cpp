// A client that pipelines large READs and never reads the replies must not fill the daemon's
// memory or stall it: replicadesk-engined (plain HTTP and NBD on loopback), a raw socket client
// that asks for 60 × 32 MiB, the daemon's VmRSS sampled meanwhile while WS-Man and a second NBD
// client (nbdinfo) are answered, and every reply delivered once the client reads.

#include "daemontestsupport.h"

#include <QScopeGuard>
#include <QTcpSocket>
#include <QTest>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <cstring>
#include <thread>

using namespace rd;
using namespace rd::testing;

namespace {

constexpr int Reads = 60;
constexpr quint32 ReadLength = 32u << 20;

bool sendAll(int fd, const QByteArray &b)
{
    qsizetype done = 0;
    while (done < b.size()) {
        const ssize_t n = ::send(fd, b.constData() + done, size_t(b.size() - done), MSG_NOSIGNAL);
        if (n <= 0)
            return false;
        done += n;
    }
    return true;
}

bool readExact(int fd, char *into, size_t n)
{
    while (n > 0) {
        const ssize_t got = ::recv(fd, into, n, 0);
        if (got <= 0)
            return false;
        into += got;
        n -= size_t(got);
    }
    return true;
}

void put16(QByteArray &b, quint16 v)
{
    b.append(char(v >> 8)).append(char(v));
}
void put32(QByteArray &b, quint32 v)
{
    put16(b, quint16(v >> 16));
    put16(b, quint16(v));
}
void put64(QByteArray &b, quint64 v)
{
    put32(b, quint32(v >> 32));
    put32(b, quint32(v));
}
quint32 get32(const char *p)
{
    return quint32(quint8(p[0])) << 24 | quint32(quint8(p[1])) << 16 | quint32(quint8(p[2])) << 8 |
           quint32(quint8(p[3]));
}

// Negotiates an export with NBD_OPT_GO (simple replies) on a blocking socket; -1 on failure.
int openExport(quint16 port, const QByteArray &name)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(port);
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd, reinterpret_cast<sockaddr *>(&a), sizeof a) != 0) {
        ::close(fd);
        return -1;
    }
    char hello[18];
    QByteArray go;
    put32(go, 3); // fixed newstyle, no zeroes
    put64(go, 0x49484156454F5054ull);
    put32(go, 7); // NBD_OPT_GO
    put32(go, quint32(4 + name.size() + 2));
    put32(go, quint32(name.size()));
    go.append(name);
    put16(go, 0);
    if (!readExact(fd, hello, sizeof hello) || !sendAll(fd, go)) {
        ::close(fd);
        return -1;
    }
    for (;;) {
        char header[20];
        if (!readExact(fd, header, sizeof header)) {
            ::close(fd);
            return -1;
        }
        const quint32 type = get32(header + 12);
        QByteArray data(get32(header + 16), '\0');
        if (!readExact(fd, data.data(), size_t(data.size())) || (type & 0x80000000u)) {
            ::close(fd);
            return -1;
        }
        if (type == 1) // ACK: transmission
            return fd;
    }
}

qint64 vmRssKiB(qint64 pid)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').front().toLongLong();
    }
    return -1;
}

} // namespace

class TstNbdBackpressure : public DaemonFixture
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(writeUsers()); }

    void nbdLimitsAreDaemonOptions()
    {
        // A bad value is refused before anything listens.
        {
            QProcess bad;
            bad.start(kDaemon, {QStringLiteral("--data-dir"), m_dir.filePath(QStringLiteral("b")),
                                QStringLiteral("--users"), m_dir.filePath(QStringLiteral("users")),
                                QStringLiteral("--nbd-negotiation-timeout"), QStringLiteral("0")});
            QVERIFY(bad.waitForFinished(30000));
            QVERIFY(bad.exitCode() != 0);
            QVERIFY2(bad.readAllStandardError().contains("--nbd-negotiation-timeout"),
                     "the error names the option");
        }
        Daemon d;
        QVERIFY(start(d, QStringLiteral("limits"),
                      {QStringLiteral("--nbd-negotiation-timeout"), QStringLiteral("1"),
                       QStringLiteral("--nbd-max-connections-per-address"), QStringLiteral("2")}));
        QList<QTcpSocket *> sockets;
        auto cleanup = qScopeGuard([&] {
            qDeleteAll(sockets);
            stop(d);
        });
        for (int i = 0; i < 3; ++i) {
            auto *s = new QTcpSocket;
            sockets.append(s);
            s->connectToHost(QHostAddress::LocalHost, d.nbd.port());
            QVERIFY(s->waitForConnected(10000));
        }
        // Over two from one address: closed at once, and logged.
        QTRY_VERIFY_WITH_TIMEOUT(sockets[2]->state() == QAbstractSocket::UnconnectedState, 5000);
        QTRY_VERIFY(d.log.contains("connections from that address"));
        // The two admitted ones choose no export: closed after one second, not the default ten.
        QTRY_VERIFY_WITH_TIMEOUT(sockets[0]->bytesAvailable() > 0 ||
                                     sockets[0]->state() == QAbstractSocket::UnconnectedState,
                                 5000);
        QTRY_VERIFY_WITH_TIMEOUT(sockets[0]->state() == QAbstractSocket::UnconnectedState &&
                                     sockets[1]->state() == QAbstractSocket::UnconnectedState,
                                 5000);
        QVERIFY(d.log.contains("no export chosen within 1000 ms"));
    }

    void aClientThatDoesNotReadIsHeldBack()
    {
        const QString nbdinfo = QStandardPaths::findExecutable(QStringLiteral("nbdinfo"));
        if (nbdinfo.isEmpty())
            QSKIP("nbdinfo (libnbd-bin) is not installed");
        QProcess daemon;
        QByteArray log;
        connect(&daemon, &QProcess::readyReadStandardError, this,
                [&] { log += daemon.readAllStandardError(); });
        // Under AddressSanitizer freed buffers wait in a quarantine (256 MiB by default) before
        // they are reused, which would count against the bound; the bound is on what the daemon
        // holds, so the quarantine is kept small. Without ASan the variable has no effect.
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        const QString asan = env.value(QStringLiteral("ASAN_OPTIONS"));
        env.insert(QStringLiteral("ASAN_OPTIONS"),
                   (asan.isEmpty() ? QString() : asan + u':') +
                       QStringLiteral("quarantine_size_mb=4:thread_local_quarantine_size_kb=64"));
        daemon.setProcessEnvironment(env);
        daemon.start(kDaemon, {QStringLiteral("--data-dir"), m_dir.filePath(QStringLiteral("d")),
                               QStringLiteral("--users"), m_dir.filePath(QStringLiteral("users")),
                               QStringLiteral("--listen"), QStringLiteral("127.0.0.1"),
                               QStringLiteral("--port"), QStringLiteral("0"),
                               QStringLiteral("--http"), QStringLiteral("--nbd-port"),
                               QStringLiteral("0"), QStringLiteral("--nbd-insecure"),
                               QStringLiteral("--system-name"), QStringLiteral("d")});
        QTRY_VERIFY_WITH_TIMEOUT(
            log.contains("serving NBD on") || daemon.state() == QProcess::NotRunning, 30000);
        const QString text = QString::fromUtf8(log);
        const auto w =
            QRegularExpression(QStringLiteral("serving WS-Management on (\\S+)")).match(text);
        const auto n = QRegularExpression(QStringLiteral("serving NBD on (\\S+)")).match(text);
        QVERIFY2(w.hasMatch() && n.hasMatch(), log.constData());
        const QUrl nbd(n.captured(1));

        wsman::WsmanTransport client{QUrl(w.captured(1))};
        client.setCredentials(QStringLiteral("admin"), QStringLiteral("pw"));
        auto services =
            await(client.enumerateInstances(QStringLiteral("CIM_StorageConfigurationService")));
        QVERIFY(services && services->ok() && !services->value().isEmpty());
        cim::MethodCall create{services->value().front().path(),
                               QStringLiteral("CreateOrModifyElementFromStoragePool"),
                               {}};
        create.in.set(QStringLiteral("ElementName"), Value::string(QStringLiteral("big")));
        create.in.set(QStringLiteral("ElementType"), Value::uint16(2));
        create.in.set(QStringLiteral("Size"), Value::uint64(64 * MiB));
        auto created = await(client.invokeMethod(create));
        QVERIFY(created);
        QVERIFY2(created->returnValue == 0, qPrintable(created->message));
        const QByteArray volume =
            created->out.value(u"TheElement").toReference().key(u"DeviceID").toString().toUtf8();

        // The greedy client: handshake, 60 READs of 32 MiB, then nothing read until told.
        std::atomic_bool sent = false;
        std::atomic_bool drain = false;
        std::atomic<qint64> received = -1;
        std::thread greedy([&] {
            const int fd = openExport(nbd.port(), volume);
            if (fd < 0) {
                sent = true;
                return;
            }
            QByteArray requests;
            for (int i = 0; i < Reads; ++i) {
                put32(requests, 0x25609513u);
                put16(requests, 0);
                put16(requests, 0); // READ
                put64(requests, quint64(i));
                put64(requests, 0);
                put32(requests, ReadLength);
            }
            const bool ok = sendAll(fd, requests);
            sent = true;
            while (!drain)
                std::this_thread::sleep_for(std::chrono::milliseconds(20));
            qint64 total = 0;
            QByteArray buffer(1 << 20, Qt::Uninitialized);
            const qint64 expected = qint64(Reads) * (16 + ReadLength);
            while (ok && total < expected) {
                const ssize_t got = ::recv(fd, buffer.data(), size_t(buffer.size()), 0);
                if (got <= 0)
                    break;
                total += got;
            }
            ::close(fd);
            received = total;
        });
        // Whatever fails below, the client reads, ends and is joined.
        auto joinGreedy = qScopeGuard([&] {
            drain = true;
            if (greedy.joinable())
                greedy.join();
        });
        QTRY_VERIFY_WITH_TIMEOUT(sent.load(), 30000);

        // Meanwhile: the daemon answers WS-Man and another NBD client, and its memory stays
        // bounded. Sampled over a few seconds so an unbounded queue would have time to grow.
        qint64 peak = 0;
        auto sample = [&] { peak = qMax(peak, vmRssKiB(daemon.processId())); };
        for (int i = 0; i < 15; ++i) {
            QTest::qWait(200);
            sample();
        }
        auto pools = await(client.enumerateInstances(QStringLiteral("CIM_StoragePool")));
        sample();
        QVERIFY2(pools && pools->ok(), pools ? qPrintable(pools->error().message) : "no answer");
        QProcess info;
        QUrl exportUrl = nbd;
        exportUrl.setPath(QLatin1Char('/') + QString::fromUtf8(volume));
        info.start(nbdinfo, {QStringLiteral("--size"), exportUrl.toString()});
        QTRY_VERIFY_WITH_TIMEOUT(info.state() == QProcess::NotRunning, 30000);
        sample();
        QVERIFY2(info.exitCode() == 0, info.readAllStandardError().constData());
        QCOMPARE(info.readAllStandardOutput().trimmed().toULongLong(), 64 * MiB);
        qInfo() << "daemon peak VmRSS while the client did not read:" << peak / 1024 << "MiB";
        QVERIFY(peak > 0);
#if defined(__SANITIZE_ADDRESS__)
        // ASan's redzones and shadow memory add about half again to what the daemon holds; the
        // unbounded server reached 1.9 GiB, so this bound still tells the two apart.
        constexpr qint64 boundKiB = 300 * 1024;
#else
        constexpr qint64 boundKiB = 200 * 1024;
#endif
        QVERIFY2(peak < boundKiB, qPrintable(QStringLiteral("%1 KiB").arg(peak)));

        // Once it reads, every reply arrives: the server resumed on bytesWritten.
        drain = true;
        QTRY_VERIFY_WITH_TIMEOUT(received.load() >= 0, 60000);
        QCOMPARE(received.load(), qint64(Reads) * (16 + ReadLength));

        daemon.terminate();
        QVERIFY(daemon.waitForFinished(30000));
    }
};

QTEST_GUILESS_MAIN(TstNbdBackpressure)
#include "tst_nbdbackpressure.moc"
