// Host access on replicadesk-engined, as an administrator sets it up from outside: over WS-Man a
// volume, a host with a TLS-PSK identity (CreateStorageHardwareID) and its grant (ExposePaths);
// then qemu-io on that host writes through the daemon's NBD export over TLS with the key, a wrong
// key and no key are refused, and the bytes read back through the daemon's Unix socket.

#include "daemontestsupport.h"

#include "access/hostaccessprovider.h"
#include "requests/createvolumerequest.h"
#include "requests/hostaccessrequests.h"

#include <QTest>

using namespace rd;
using namespace rd::testing;

namespace {

struct Run
{
    int code = -1;
    QString output;
};

Run run(const QString &program, const QStringList &arguments)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(program, arguments);
    // The daemon is another process: this one may wait.
    if (!p.waitForFinished(60000))
        return {-2, QStringLiteral("timed out")};
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
            QString::fromLocal8Bit(p.readAll())};
}

} // namespace

class TstHostAccessDaemon : public DaemonFixture
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("qemu-io")).isEmpty())
            QSKIP("qemu-io is not installed (scripts/setup.sh installs it)");
        QVERIFY(writeUsers());
    }

    void aHostAdmittedOverWsmanWritesWithItsKey()
    {
        Daemon d;
        QVERIFY(start(d, QStringLiteral("storage")));
        auto cleanup = qScopeGuard([&] { stop(d); });
        QVERIFY(!d.nbdLocal.isEmpty());
        wsman::WsmanTransport client(d.wsman);
        client.setCredentials(QStringLiteral("admin"), QStringLiteral("pw"));
        client.setTrustedFingerprints({d.fingerprint});

        auto services =
            await(client.enumerateInstances(QStringLiteral("CIM_StorageConfigurationService")));
        QVERIFY(services && services->ok() && !services->value().isEmpty());
        requests::CreateVolumeRequest volume;
        volume.elementName = QStringLiteral("db");
        volume.size = 4 * MiB;
        auto made = await(client.invokeMethod(volume.toCall(services->value().front().path())));
        QVERIFY(made && made->returnValue == 0);
        const QString id = made->out.value(u"TheElement").toReference().key(u"DeviceID").toString();

        const QByteArray key = QByteArray::fromHex("8899aabbccddeeff0011223344556677"
                                                   "8899aabbccddeeff0011223344556677");
        auto idServices = await(
            client.enumerateInstances(QStringLiteral("CIM_StorageHardwareIDManagementService")));
        QVERIFY(idServices && idServices->ok() && idServices->value().size() == 1);
        requests::CreateHardwareIdRequest host;
        host.elementName = QStringLiteral("web01");
        host.storageId = QStringLiteral("web01");
        host.preSharedKey = key;
        auto added = await(client.invokeMethod(host.toCall(idServices->value().front().path())));
        QVERIFY(added);
        QVERIFY2(added->returnValue == 0, qPrintable(added->message));
        auto controllers =
            await(client.enumerateInstances(QStringLiteral("CIM_ControllerConfigurationService")));
        QVERIFY(controllers && controllers->ok() && controllers->value().size() == 1);
        requests::ExposePathsRequest expose;
        expose.luNames = {id};
        expose.initiatorPortIds = {QStringLiteral("web01")};
        expose.deviceAccesses = {requests::ExposePathsRequest::Access::ReadWrite};
        auto exposed =
            await(client.invokeMethod(expose.toCall(controllers->value().front().path())));
        QVERIFY(exposed);
        QVERIFY2(exposed->returnValue == 0, qPrintable(exposed->message));

        auto io = [&](const QByteArray &withKey, const QString &command) {
            QTemporaryDir psk;
            QFile f(psk.filePath(QStringLiteral("keys.psk")));
            if (f.open(QIODevice::WriteOnly))
                f.write("web01:" + withKey.toHex() + '\n');
            f.close();
            return run(QStringLiteral("qemu-io"),
                       {QStringLiteral("--object"),
                        QStringLiteral("tls-creds-psk,id=tls0,endpoint=client,dir=%1,"
                                       "username=web01")
                            .arg(psk.path()),
                        QStringLiteral("--image-opts"), QStringLiteral("-c"), command,
                        QStringLiteral("driver=nbd,server.type=inet,server.host=127.0.0.1,"
                                       "server.port=%1,export=%2,tls-creds=tls0")
                            .arg(d.nbd.port())
                            .arg(id)});
        };
        const Run written = io(key, QStringLiteral("write -P 0x4d 0 64k"));
        QVERIFY2(written.code == 0 && written.output.contains(QStringLiteral("wrote 65536")),
                 qPrintable(written.output));
        QByteArray wrong = key;
        wrong[5] = '\x01';
        const Run refused = io(wrong, QStringLiteral("write -P 0x00 0 64k"));
        QVERIFY2(refused.code != 0, qPrintable(refused.output));
        QTRY_VERIFY(d.log.contains("TLS handshake failed"));

        // What the host wrote, read on the storage host through its Unix socket.
        QUrl local = d.nbdLocal;
        local.setPath(u'/' + id);
        const Run back =
            run(QStringLiteral("qemu-io"),
                {QStringLiteral("-r"), QStringLiteral("-f"), QStringLiteral("raw"),
                 QStringLiteral("-c"), QStringLiteral("read -P 0x4d 0 64k"), local.toString()});
        QVERIFY2(back.code == 0 && back.output.contains(QStringLiteral("read 65536")),
                 qPrintable(back.output));
    }
};

QTEST_GUILESS_MAIN(TstHostAccessDaemon)
#include "tst_hostaccessdaemon.moc"
