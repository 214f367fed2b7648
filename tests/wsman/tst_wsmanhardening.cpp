// The WS-Man server against clients that hold what they can without credentials, on real loopback
// sockets: connections dropped before TLS (the QSslServer wedge), silent connections before and
// after the handshake, many connections from one address. The attackers connect from 127.0.0.2;
// after each case a good client on 127.0.0.1 is served at once.

#include "wsmantestsupport.h"

#include "wsman/selfsignedcertificate.h"
#include "wsman/wsmanserver.h"

#include <QSslSocket>
#include <QTest>

#include <list>

using namespace rd;
using namespace rd::wsman;
using namespace rd::test;

namespace {

const QByteArray kUser = "admin";
const QByteArray kPassword = "pw";
const QHostAddress kAttacker(QStringLiteral("127.0.0.2"));

} // namespace

class TstWsmanHardening : public QObject
{
    Q_OBJECT

    std::unique_ptr<ProviderRegistry> m_registry;
    std::unique_ptr<WsmanServer> m_server;
    std::optional<TlsIdentity> m_identity;

    UserStore users()
    {
        UserStore u;
        u.addUser(QString::fromLatin1(kUser),
                  UserStore::hashPassword(QString::fromLatin1(kPassword), 1000));
        return u;
    }

    void startServer(WsmanServerOptions options, bool tls)
    {
        m_server = std::make_unique<WsmanServer>(m_registry.get(), users());
        options.address = QHostAddress(QHostAddress::LocalHost);
        options.port = 0;
        if (tls)
            options.tls = *m_identity;
        auto ok = m_server->listen(options);
        QVERIFY2(ok.ok(), qPrintable(ok.error().message));
    }

    quint16 port() const { return m_server->port(); }

    // A TCP connection from the attacker's address.
    std::unique_ptr<QTcpSocket> attackerSocket(bool tls = false)
    {
        std::unique_ptr<QTcpSocket> s;
        if (tls) {
            auto ssl = std::make_unique<QSslSocket>();
            ssl->setPeerVerifyMode(QSslSocket::VerifyNone);
            s = std::move(ssl);
        } else {
            s = std::make_unique<QTcpSocket>();
        }
        s->bind(kAttacker, 0);
        return s;
    }

    // One Identify over HTTPS from 127.0.0.1 with credentials; its HTTP status, 0 without one.
    int goodHttpsClient()
    {
        QSslSocket socket;
        QSslConfiguration c = socket.sslConfiguration();
        c.setCaCertificates({m_identity->certificate});
        socket.setSslConfiguration(c);
        QByteArray received;
        connect(&socket, &QSslSocket::readyRead, &socket, [&] { received += socket.readAll(); });
        socket.connectToHostEncrypted(QStringLiteral("127.0.0.1"), port(),
                                      QStringLiteral("localhost"));
        if (!QTest::qWaitFor([&] { return socket.isEncrypted(); }, 10000))
            return 0;
        Message idm;
        idm.operation = Operation::Identify;
        socket.write(HttpProbe::post(writeMessage(idm), HttpProbe::basic(kUser, kPassword)));
        if (!QTest::qWaitFor([&] { return received.contains("</s:Envelope>"); }, 10000))
            return 0;
        return received.mid(9, 3).toInt();
    }

    int goodHttpClient()
    {
        HttpProbe probe(port());
        Message idm;
        idm.operation = Operation::Identify;
        probe.send(HttpProbe::post(writeMessage(idm), HttpProbe::basic(kUser, kPassword)));
        const auto r = probe.waitForResponse(10000);
        return r ? r->status : 0;
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (!QSslSocket::supportsSsl())
            QSKIP("Qt has no TLS backend here");
        auto id =
            makeSelfSignedCertificate(QStringLiteral("localhost"), {QStringLiteral("localhost")},
                                      {QHostAddress(QHostAddress::LocalHost)});
        QVERIFY2(id.ok(), qPrintable(id.error().message));
        m_identity = id.value();
        // The attacker's address must be usable (all of 127/8 is loopback on Linux).
        QTcpSocket probe;
        QVERIFY2(probe.bind(kAttacker, 0), "127.0.0.2 is not a loopback address here");
    }

    void init()
    {
        m_registry = std::make_unique<ProviderRegistry>();
        QVERIFY(m_registry->addProvider(std::make_shared<BulkProvider>(3)));
    }

    void cleanup()
    {
        m_server.reset();
        m_registry.reset();
    }

    // Qt 6.4's QSslServer stopped accepting for good once 30 connections had died before their
    // ClientHello. 1 000 such connections, 50 open at a time, then a good client.
    void preTlsDropsDoNotWedge()
    {
        startServer({}, true);
        for (int round = 0; round < 20; ++round) {
            std::list<QTcpSocket> batch;
            for (int i = 0; i < 50; ++i) {
                QTcpSocket &s = batch.emplace_back();
                // The attacker is on 127.0.0.1 too here: the wedge is not about addresses.
                s.connectToHost(QHostAddress(QHostAddress::LocalHost), port());
            }
            QTRY_VERIFY_WITH_TIMEOUT(
                std::all_of(batch.begin(), batch.end(),
                            [](const QTcpSocket &s) {
                                // Connected, or refused already.
                                return s.state() != QAbstractSocket::ConnectingState &&
                                       s.state() != QAbstractSocket::HostLookupState;
                            }),
                10000);
            for (QTcpSocket &s : batch)
                s.abort();
        }
        QTRY_COMPARE_WITH_TIMEOUT(m_server->connectionCount(), 0, 20000);
        QCOMPARE(goodHttpsClient(), 200);
    }

    // Connections that never start TLS hold no queue: a good client is served while 40 of them
    // sit there, well before their handshake deadline.
    void silentPreTlsConnectionsDoNotBlock()
    {
        WsmanServerOptions o;
        o.http.handshakeTimeoutMs = 600000;
        startServer(o, true);
        std::list<std::unique_ptr<QTcpSocket>> silent;
        for (int i = 0; i < 40; ++i) {
            silent.push_back(attackerSocket());
            silent.back()->connectToHost(QHostAddress(QHostAddress::LocalHost), port());
        }
        // The address's share is all they get; the others are closed at once.
        QTRY_COMPARE_WITH_TIMEOUT(m_server->connectionCount(), o.http.maxConnectionsPerAddress,
                                  10000);
        QTRY_COMPARE_WITH_TIMEOUT(std::count_if(silent.begin(), silent.end(),
                                                [](const auto &s) {
                                                    return s->state() ==
                                                           QAbstractSocket::ConnectedState;
                                                }),
                                  qsizetype(o.http.maxConnectionsPerAddress), 10000);
        QCOMPARE(goodHttpsClient(), 200);
    }

    void handshakeDeadline()
    {
        WsmanServerOptions o;
        o.http.handshakeTimeoutMs = 300;
        startServer(o, true);
        auto silent = attackerSocket();
        silent->connectToHost(QHostAddress(QHostAddress::LocalHost), port());
        QTRY_COMPARE_WITH_TIMEOUT(silent->state(), QAbstractSocket::ConnectedState, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(silent->state(), QAbstractSocket::UnconnectedState, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(m_server->connectionCount(), 0, 10000);
        QCOMPARE(goodHttpsClient(), 200);
    }

    // A connection that finished TLS and says nothing is closed after the first-request
    // deadline, long before the keep-alive idle timeout.
    void firstRequestDeadline()
    {
        WsmanServerOptions o;
        o.http.firstRequestTimeoutMs = 300;
        o.http.idleTimeoutMs = 600000;
        startServer(o, true);
        auto silent = attackerSocket(true);
        auto *ssl = static_cast<QSslSocket *>(silent.get());
        ssl->connectToHostEncrypted(QStringLiteral("127.0.0.1"), port());
        QTRY_VERIFY_WITH_TIMEOUT(ssl->isEncrypted(), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(ssl->state(), QAbstractSocket::UnconnectedState, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(m_server->connectionCount(), 0, 10000);

        QCOMPARE(goodHttpsClient(), 200);

        // Plain HTTP, headers begun but not finished: 408.
        startServer(o, false);
        HttpProbe partial(port());
        partial.send("POST /wsman HTTP/1.1\r\nHost: x\r\n");
        const auto r = partial.waitForResponse(10000);
        QVERIFY(r);
        QCOMPARE(r->status, 408);
        QCOMPARE(goodHttpClient(), 200);
    }

    // 40 connections from one address that finish TLS and send nothing get that address's
    // share of the slots, not all of them.
    void silentTlsConnectionsFromOneAddress()
    {
        WsmanServerOptions o;
        o.http.maxConnections = 24;
        o.http.maxConnectionsPerAddress = 8;
        startServer(o, true);
        std::list<std::unique_ptr<QTcpSocket>> silent;
        for (int i = 0; i < 40; ++i) {
            silent.push_back(attackerSocket(true));
            static_cast<QSslSocket *>(silent.back().get())
                ->connectToHostEncrypted(QStringLiteral("127.0.0.1"), port());
        }
        QTRY_COMPARE_WITH_TIMEOUT(
            std::count_if(silent.begin(), silent.end(),
                          [](const auto &s) {
                              return static_cast<QSslSocket *>(s.get())->isEncrypted() &&
                                     s->state() == QAbstractSocket::ConnectedState;
                          }),
            qsizetype(8), 20000);
        QTRY_COMPARE_WITH_TIMEOUT(m_server->connectionCount(), 8, 20000);
        QCOMPARE(goodHttpsClient(), 200);
    }

    void perAddressLimitPlainHttp()
    {
        WsmanServerOptions o;
        o.http.maxConnectionsPerAddress = 4;
        startServer(o, false);
        std::list<std::unique_ptr<QTcpSocket>> silent;
        QByteArray refused;
        for (int i = 0; i < 10; ++i) {
            silent.push_back(attackerSocket());
            QTcpSocket *s = silent.back().get();
            connect(s, &QTcpSocket::readyRead, s, [s, &refused] { refused += s->readAll(); });
            s->connectToHost(QHostAddress(QHostAddress::LocalHost), port());
        }
        QTRY_COMPARE_WITH_TIMEOUT(refused.count("HTTP/1.1 503"), qsizetype(6), 10000);
        QCOMPARE(m_server->connectionCount(), 4);
        QCOMPARE(goodHttpClient(), 200);
    }
};

QTEST_GUILESS_MAIN(TstWsmanHardening)
#include "tst_wsmanhardening.moc"
