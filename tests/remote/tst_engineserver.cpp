// EngineServer on a real Engine: WS-Man and NBD listen on loopback, the remote collections are told
// both endpoints, a volume the NBD export has open is reported to the pools, and stop() withdraws
// all of it. NBD on TCP without TLS is refused before anything listens, loopback included; NBD
// alone on a Unix socket (the console's embedded engine) serves without WS-Man.

#include "engine.h"
#include "remote/remotecollections.h"
#include "serving/engineserver.h"
#include "storage/poolmanager.h"
#include "wsman/selfsignedcertificate.h"

#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace rd;
using namespace rd::engine;

class TestEngineServer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        EngineOptions options;
        options.dataDirectory = m_dir->filePath(QStringLiteral("data"));
        options.defaultPoolDirectory = m_dir->filePath(QStringLiteral("pool"));
        options.systemName = QStringLiteral("serving-host");
        auto opened = Engine::open(options);
        QVERIFY2(opened.ok(), qPrintable(opened.error().message));
        m_engine = std::move(opened).value();
    }
    void cleanup()
    {
        m_engine.reset();
        m_dir.reset();
    }

    void servesWsmanAndNbdAndTellsTheCollections()
    {
        EngineServer server(parts(), users());
        EngineServerOptions options;
        options.wsman.address = QHostAddress(QHostAddress::LocalHost);
        auto identity = wsman::loadOrCreateTlsIdentity(m_dir->filePath(QStringLiteral("c.pem")),
                                                       m_dir->filePath(QStringLiteral("k.pem")),
                                                       QStringLiteral("serving-host"));
        QVERIFY(identity.ok());
        options.wsman.tls = identity.value();
        options.nbdPort = 0;
        options.clientCertificatesFile = m_dir->filePath(QStringLiteral("nbd-clients.json"));
        const auto started = server.start(options);
        QVERIFY2(started.ok(), qPrintable(started.error().message));
        QVERIFY(server.wsmanServer()->isListening());
        QVERIFY(server.nbdServer());
        QCOMPARE(server.wsmanUrl().scheme(), QStringLiteral("https"));
        QCOMPARE(server.nbdUrl().scheme(), QStringLiteral("nbds"));
        QVERIFY(server.nbdUrl().port() > 0);
        QCOMPARE(m_engine->remoteCollections()->localEndpoints(),
                 (QList<QUrl>{server.wsmanUrl(), server.nbdUrl()}));
        QVERIFY(bool(m_engine->poolManager()->openedBy));
        QCOMPARE(m_engine->poolManager()->openedBy(QStringLiteral("no-such-volume")), QString());

        server.stop();
        QVERIFY(!server.wsmanServer()->isListening());
        QVERIFY(!server.nbdServer());
        QVERIFY(server.nbdUrl().isEmpty());
        QVERIFY(m_engine->remoteCollections()->localEndpoints().isEmpty());
        QVERIFY(!m_engine->poolManager()->openedBy);
    }

    void withoutNbdOnlyWsmanIsNamed()
    {
        EngineServer server(parts(), users());
        QVERIFY(server.start({}).ok());
        QVERIFY(!server.nbdServer());
        QCOMPARE(m_engine->remoteCollections()->localEndpoints(), QList<QUrl>{server.wsmanUrl()});
        QVERIFY(!m_engine->poolManager()->openedBy);
    }

    void nbdAloneOnAUnixSocket()
    {
        EngineServer server(parts(), users());
        EngineServerOptions options;
        options.serveWsman = false;
        options.nbdLocalPath = m_dir->filePath(QStringLiteral("nbd.sock"));
        QVERIFY(server.start(options).ok());
        QVERIFY(!server.wsmanServer()->isListening());
        QVERIFY(server.nbdUrl().isEmpty());
        QCOMPARE(server.nbdLocalUrl().scheme(), QStringLiteral("nbd+unix"));
        QVERIFY(QFileInfo::exists(options.nbdLocalPath));
        QVERIFY(bool(m_engine->poolManager()->openedBy));
        QVERIFY(m_engine->remoteCollections()->localEndpoints().isEmpty());
        server.stop();
        QVERIFY(!server.nbdServer());
    }

    void plainNbdOnTcpIsRefusedBeforeListening_data()
    {
        QTest::addColumn<QString>("address");
        QTest::newRow("loopback") << QStringLiteral("127.0.0.1");
        QTest::newRow("any") << QStringLiteral("0.0.0.0");
    }
    void plainNbdOnTcpIsRefusedBeforeListening()
    {
        QFETCH(QString, address);
        EngineServer server(parts(), users());
        EngineServerOptions options;
        options.wsman.address = QHostAddress(address);
        options.wsman.allowInsecureHttp = true;
        options.nbdPort = 0;
        const auto refused = server.start(options);
        QVERIFY(!refused.ok());
        QVERIFY(refused.error().message.contains(QStringLiteral("--nbd-insecure")));
        QVERIFY(!server.wsmanServer()->isListening());
        QVERIFY(!server.nbdServer());
        QVERIFY(m_engine->remoteCollections()->localEndpoints().isEmpty());

        options.nbdInsecure = true; // the operator says so
        QVERIFY(server.start(options).ok());
        QVERIFY(server.nbdServer());
    }

private:
    EngineServer::Parts parts() const
    {
        return {m_engine->registry(), m_engine->poolManager(), m_engine->remoteCollections()};
    }
    static wsman::UserStore users()
    {
        wsman::UserStore store;
        store.addUser(QStringLiteral("admin"),
                      wsman::UserStore::hashPassword(QStringLiteral("pw"), 1000));
        return store;
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Engine> m_engine;
};

QTEST_GUILESS_MAIN(TestEngineServer)
#include "tst_engineserver.moc"
