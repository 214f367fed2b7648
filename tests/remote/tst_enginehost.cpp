// The console's embedded engine serves its volumes as the daemon does: EngineHost starts NBD on a
// Unix socket only its user reaches, qemu-io writes through it and the bytes land in the volume;
// opened to the network it requires TLS and admits no host Host Access does not list; a network
// address it cannot take leaves the Unix socket served and says why.

#include "enginehost.h"
#include "requests/createvolumerequest.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace rd;
using namespace rd::engine;

namespace {

QString run(const QStringList &arguments, int *code)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    // The engine serves from its own thread: this one may wait.
    p.start(QStringLiteral("qemu-io"), arguments);
    p.waitForFinished(60000);
    *code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    return QString::fromLocal8Bit(p.readAll());
}

} // namespace

class TestEngineHost : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("qemu-io")).isEmpty())
            QSKIP("qemu-io is not installed (scripts/setup.sh installs it)");
    }

    void servesThisUserOnAUnixSocket()
    {
        QTemporaryDir dir;
        EngineHost host;
        QVERIFY(host.start(options(dir)).ok());
        QVERIFY2(host.servingError().isEmpty(), qPrintable(host.servingError()));
        const QUrl local = host.localNbdUrl();
        QCOMPARE(local.scheme(), QStringLiteral("nbd+unix"));
        QVERIFY(host.networkNbdUrl().isEmpty());
        const QString socket = local.query().section(u'=', 1);
        struct stat st = {};
        QCOMPARE(::stat(QFile::encodeName(socket).constData(), &st), 0);
        QCOMPARE(st.st_mode & 077, 0u); // nobody but this user

        const QString id = createVolume(host);
        QVERIFY(!id.isEmpty());
        QUrl url = local;
        url.setPath(u'/' + id);
        int code = -1;
        const QString out = run({QStringLiteral("-f"), QStringLiteral("raw"), QStringLiteral("-c"),
                                 QStringLiteral("write -P 0x6b 0 64k"), url.toString()},
                                &code);
        QVERIFY2(code == 0 && out.contains(QStringLiteral("wrote 65536")), qPrintable(out));
        QFile image(imagePath(dir));
        QVERIFY2(image.open(QIODevice::ReadOnly), qPrintable(image.fileName()));
        QCOMPARE(image.read(65536), QByteArray(65536, '\x6b'));
    }

    void openedToTheNetworkItRequiresAHostAccessEntry()
    {
        QTemporaryDir dir;
        EngineHost host;
        HostServing serving;
        serving.network = true;
        serving.address = QHostAddress(QHostAddress::LocalHost);
        serving.port = 0;
        QVERIFY(host.start(options(dir), serving).ok());
        QVERIFY2(host.servingError().isEmpty(), qPrintable(host.servingError()));
        QCOMPARE(host.networkNbdUrl().scheme(), QStringLiteral("nbds"));
        const QString id = createVolume(host);
        int code = -1;
        // Plain NBD on loopback: TLS is required.
        const QString out =
            run({QStringLiteral("-r"), QStringLiteral("-f"), QStringLiteral("raw"),
                 QStringLiteral("-c"), QStringLiteral("read 0 4k"),
                 QStringLiteral("nbd://127.0.0.1:%1/%2").arg(host.networkNbdUrl().port()).arg(id)},
                &code);
        QVERIFY2(code != 0, qPrintable(out));

        // A port someone else holds: the socket is still served, and the error says why.
        QTcpServer taken;
        QVERIFY(taken.listen(QHostAddress::LocalHost));
        serving.port = taken.serverPort();
        QVERIFY(!host.serveHosts(serving).ok());
        QVERIFY(!host.servingError().isEmpty());
        QVERIFY(host.networkNbdUrl().isEmpty());
        QCOMPARE(host.localNbdUrl().scheme(), QStringLiteral("nbd+unix"));
    }

private:
    static EngineOptions options(const QTemporaryDir &dir)
    {
        EngineOptions o;
        o.dataDirectory = dir.filePath(QStringLiteral("data"));
        o.defaultPoolDirectory = dir.filePath(QStringLiteral("pool"));
        o.systemName = QStringLiteral("console");
        return o;
    }
    // A volume made through the console's own CimClient, as the console makes one.
    static QString createVolume(EngineHost &host)
    {
        auto services =
            host.client()->enumerateInstances(QStringLiteral("CIM_StorageConfigurationService"));
        if (!QTest::qWaitFor([&] { return services.isFinished(); }, 30000) || !services.result() ||
            services.result()->isEmpty())
            return {};
        requests::CreateVolumeRequest request;
        request.elementName = QStringLiteral("disk");
        request.size = 8 << 20;
        auto made = host.client()->invokeMethod(request.toCall(services.result()->front().path()));
        if (!QTest::qWaitFor([&] { return made.isFinished(); }, 30000) ||
            made.result().returnValue != 0)
            return {};
        return made.result().out.value(u"TheElement").toReference().key(u"DeviceID").toString();
    }
    // The one image file in the pool.
    static QString imagePath(const QTemporaryDir &dir)
    {
        const QDir pool(dir.filePath(QStringLiteral("pool")));
        const QStringList files = pool.entryList(QDir::Files);
        return files.size() == 1 ? pool.filePath(files.front()) : QString();
    }
};

QTEST_GUILESS_MAIN(TestEngineHost)
#include "tst_enginehost.moc"
