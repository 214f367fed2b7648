// replicadesk-engined as an operator runs it: --hash-password makes a users line, the daemon makes
// its certificate on first start and serves WS-Man (driven here with WsmanTransport pinning the
// logged fingerprint), refuses plain HTTP off loopback, re-reads users on SIGHUP and stops
// cleanly on SIGTERM.

#include "testsupport.h"

#include "wsman/userstore.h"
#include "wsman/wsmantransport.h"

#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace rd;
using namespace rd::wsman;
using rd::test::await;

namespace {

const QString kDaemon = QStringLiteral(RD_DAEMON_PATH);

} // namespace

class TstWsmanDaemon : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    QString usersLine(const QString &name, const QString &password)
    {
        QProcess p;
        p.start(kDaemon, {QStringLiteral("--hash-password"), QStringLiteral("--user"), name});
        if (!p.waitForStarted())
            return {};
        p.write(password.toUtf8() + '\n');
        p.closeWriteChannel();
        if (!p.waitForFinished(60000) || p.exitCode() != 0)
            return {};
        return QString::fromUtf8(p.readAllStandardOutput()).trimmed();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(QFileInfo::exists(kDaemon));
    }

    void hashPassword()
    {
        const QString line = usersLine(QStringLiteral("alice"), QStringLiteral("correct horse"));
        QVERIFY(line.startsWith(QStringLiteral("alice:pbkdf2-sha256$")));
        auto store = UserStore::parse(line);
        QVERIFY(store.ok());
        QVERIFY(store->authenticate(QStringLiteral("alice"), QStringLiteral("correct horse")));
        QVERIFY(!store->authenticate(QStringLiteral("alice"), QStringLiteral("wrong")));
    }

    void servesAndStopsCleanly()
    {
        QFile users(m_dir.filePath(QStringLiteral("users")));
        QVERIFY(users.open(QIODevice::WriteOnly));
        users.write(usersLine(QStringLiteral("admin"), QStringLiteral("pw")).toUtf8() + '\n');
        users.close();

        QProcess daemon;
        daemon.setProcessChannelMode(QProcess::SeparateChannels);
        QByteArray log;
        connect(&daemon, &QProcess::readyReadStandardError, this,
                [&] { log += daemon.readAllStandardError(); });
        daemon.start(kDaemon,
                     {QStringLiteral("--data-dir"), m_dir.filePath(QStringLiteral("data")),
                      QStringLiteral("--users"), users.fileName(), QStringLiteral("--listen"),
                      QStringLiteral("127.0.0.1"), QStringLiteral("--port"), QStringLiteral("0"),
                      QStringLiteral("--pool"), m_dir.filePath(QStringLiteral("pool-a")),
                      QStringLiteral("--pool"), m_dir.filePath(QStringLiteral("pool-b")),
                      QStringLiteral("--max-connections-per-address"), QStringLiteral("8"),
                      QStringLiteral("--first-request-timeout"), QStringLiteral("20")});
        QTRY_VERIFY_WITH_TIMEOUT(log.contains("serving WS-Management on"), 30000);
        const auto url = QRegularExpression(QStringLiteral("serving WS-Management on (\\S+)"))
                             .match(QString::fromUtf8(log));
        const auto fp = QRegularExpression(QStringLiteral("fingerprint: ([0-9A-F:]+)"))
                            .match(QString::fromUtf8(log));
        QVERIFY(url.hasMatch() && fp.hasMatch());
        QVERIFY(QFileInfo::exists(m_dir.filePath(QStringLiteral("data/tls/engine-key.pem"))));
        QCOMPARE(
            QFileInfo(m_dir.filePath(QStringLiteral("data/tls/engine-key.pem"))).permissions() &
                (QFileDevice::ReadGroup | QFileDevice::ReadOther),
            QFileDevice::Permissions());

        // The state is the daemon user's alone.
        constexpr auto others = QFileDevice::ReadGroup | QFileDevice::WriteGroup |
                                QFileDevice::ExeGroup | QFileDevice::ReadOther |
                                QFileDevice::WriteOther | QFileDevice::ExeOther;
        QCOMPARE(
            QFileInfo(m_dir.filePath(QStringLiteral("data/engine/catalog.sqlite"))).permissions() &
                others,
            QFileDevice::Permissions());
        QCOMPARE(QFileInfo(m_dir.filePath(QStringLiteral("data/engine"))).permissions() & others,
                 QFileDevice::Permissions());
        QCOMPARE(QFileInfo(m_dir.filePath(QStringLiteral("data"))).permissions() & others,
                 QFileDevice::Permissions());

        WsmanTransport client{QUrl(url.captured(1))};
        client.setCredentials(QStringLiteral("admin"), QStringLiteral("pw"));
        client.setTrustedFingerprints({fp.captured(1)});
        auto id = await(client.identify());
        QVERIFY2(id && id->ok(), id ? qPrintable(id->error().message) : "");
        QCOMPARE((*id)->productVendor, QStringLiteral("ReplicaDesk"));
        auto pools = await(client.enumerateInstances(QStringLiteral("CIM_StoragePool")));
        QVERIFY2(pools && pools->ok(), pools ? qPrintable(pools->error().message) : "");
        QVERIFY(pools->value().size() >= 2);

        // SIGHUP re-reads the users; the daemon keeps serving.
        QVERIFY(::kill(pid_t(daemon.processId()), SIGHUP) == 0);
        QTRY_VERIFY_WITH_TIMEOUT(log.contains("Re-read 1 users"), 10000);
        id = await(client.identify());
        QVERIFY(id && id->ok());

        daemon.terminate(); // SIGTERM
        QVERIFY(daemon.waitForFinished(30000));
        log += daemon.readAllStandardError();
        QCOMPARE(daemon.exitStatus(), QProcess::NormalExit);
        QCOMPARE(daemon.exitCode(), 0);
        QVERIFY(log.contains("Stopping (signal 15)"));
        QVERIFY(log.contains("Stopped."));
    }

    void refusesPlainHttpOffLoopback()
    {
        QProcess daemon;
        daemon.start(kDaemon,
                     {QStringLiteral("--data-dir"), m_dir.filePath(QStringLiteral("data2")),
                      QStringLiteral("--users"), m_dir.filePath(QStringLiteral("users")),
                      QStringLiteral("--http"), QStringLiteral("--listen"),
                      QStringLiteral("0.0.0.0"), QStringLiteral("--port"), QStringLiteral("0")});
        QVERIFY(daemon.waitForFinished(30000));
        QCOMPARE(daemon.exitCode(), 1);
        QVERIFY(daemon.readAllStandardError().contains("loopback"));
    }

    void refusesBadLimit()
    {
        QProcess daemon;
        daemon.start(kDaemon,
                     {QStringLiteral("--data-dir"), m_dir.filePath(QStringLiteral("data4")),
                      QStringLiteral("--handshake-timeout"), QStringLiteral("0")});
        QVERIFY(daemon.waitForFinished(30000));
        QCOMPARE(daemon.exitCode(), 1);
        QVERIFY(daemon.readAllStandardError().contains("--handshake-timeout"));
    }

    void refusesMissingUsers()
    {
        QProcess daemon;
        daemon.start(kDaemon,
                     {QStringLiteral("--data-dir"), m_dir.filePath(QStringLiteral("data3")),
                      QStringLiteral("--users"), m_dir.filePath(QStringLiteral("nobody")),
                      QStringLiteral("--port"), QStringLiteral("0")});
        QVERIFY(daemon.waitForFinished(30000));
        QCOMPARE(daemon.exitCode(), 1);
        QVERIFY(daemon.readAllStandardError().contains("--hash-password"));
    }
};

QTEST_GUILESS_MAIN(TstWsmanDaemon)
#include "tst_wsmandaemon.moc"
