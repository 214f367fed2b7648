// Host access on a real engine served by EngineServer, with real clients: qemu-io and nbdinfo
// admitted by a TLS-PSK identity, refused without one, with a wrong key, or for a volume they
// were not given; a read-only grant and a snapshot refuse writes; the Unix socket serves this
// user without credentials; qemu-img, qemu-io and nbdcopy write through the export while a Mode 2
// mirror runs and the replica ends equal; a mirror's replica refuses host writes and says why;
// the CIM methods that add hosts and grants, with their refusals.

#include "../engine/replicationtestsupport.h"

#include "access/hostaccess.h"
#include "access/hostaccessprovider.h"
#include "requests/hostaccessrequests.h"
#include "serving/engineserver.h"
#include "wsman/selfsignedcertificate.h"

#include <QFile>

#include <unistd.h>

#include <libnbd.h>

#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <atomic>
#include <thread>

using namespace rd;
using namespace rd::engine;
using rd::test::EngineFixture;
using rd::test::MiB;

namespace {

struct Run
{
    int code = -1;
    QString output;
};

// Runs a client to its end while the event loop serves it (the server lives on this thread).
Run run(const QString &program, const QStringList &arguments, const QByteArray &input = {})
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(program, arguments);
    if (!p.waitForStarted())
        return {-1, program + QStringLiteral(" did not start")};
    if (!input.isEmpty()) {
        p.write(input);
        p.closeWriteChannel();
    }
    QTest::qWaitFor([&] { return p.state() == QProcess::NotRunning; }, 60000);
    if (p.state() != QProcess::NotRunning) {
        p.kill();
        p.waitForFinished();
        return {-2, program + QStringLiteral(" timed out: ") + QString::fromLocal8Bit(p.readAll())};
    }
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -3,
            QString::fromLocal8Bit(p.readAll())};
}

const QByteArray Key = QByteArray::fromHex("00112233445566778899aabbccddeeff"
                                           "0123456789abcdef0123456789abcdef");

} // namespace

class TestHostAccess : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        for (const char *tool : {"qemu-io", "qemu-img", "nbdinfo", "nbdcopy"}) {
            if (QStandardPaths::findExecutable(QString::fromLatin1(tool)).isEmpty())
                QSKIP(qPrintable(QStringLiteral("%1 is not installed (scripts/setup.sh installs "
                                                "it)")
                                     .arg(QString::fromLatin1(tool))));
        }
        QVERIFY(m_tlsDir.isValid());
        auto identity = wsman::loadOrCreateTlsIdentity(
            m_tlsDir.filePath(QStringLiteral("cert.pem")),
            m_tlsDir.filePath(QStringLiteral("key.pem")), QStringLiteral("hostaccess-test"));
        QVERIFY2(identity.ok(), qPrintable(identity.error().message));
        m_identity = identity.value();
    }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_fx = std::make_unique<EngineFixture>(m_dir->path());
        QVERIFY(m_fx->open());
        m_server = std::make_unique<EngineServer>(
            EngineServer::Parts{m_fx->engine->registry(), m_fx->pools(),
                                m_fx->engine->remoteCollections(), m_fx->engine->hostAccess(),
                                m_fx->replication()},
            wsman::UserStore());
        EngineServerOptions options;
        options.serveWsman = false;
        options.wsman.address = QHostAddress(QHostAddress::LocalHost);
        options.wsman.tls = m_identity;
        options.nbdPort = 0;
        options.nbdLocalPath = m_dir->filePath(QStringLiteral("nbd.sock"));
        const auto started = m_server->start(options);
        QVERIFY2(started.ok(), qPrintable(started.error().message));
        m_volume = m_fx->volume(QStringLiteral("db"), 8 * MiB, 0, 1);
        m_other = m_fx->volume(QStringLiteral("logs"), 8 * MiB, 0, 2);
        QVERIFY(!m_volume.isEmpty() && !m_other.isEmpty());
    }

    void cleanup()
    {
        m_server.reset();
        m_fx.reset();
        m_dir.reset();
    }

    void aHostWithTheRightPskWrites()
    {
        addPskHost(QStringLiteral("web01"), QStringLiteral("web01"), Key, m_volume);
        const Run w =
            qemuIo(m_volume, QStringLiteral("web01"), Key, QStringLiteral("write -P 0x5a 0 64k"));
        QVERIFY2(w.code == 0 && w.output.contains(QStringLiteral("wrote 65536")),
                 qPrintable(w.output));
        QCOMPARE(readVolume(m_volume, 0, 65536), QByteArray(65536, '\x5a'));
        // What it may open, it lists; nothing else.
        const Run list =
            nbdinfo({QStringLiteral("--list")}, QString(), QStringLiteral("web01"), Key);
        QVERIFY2(list.code == 0, qPrintable(list.output));
        QVERIFY2(list.output.contains(m_volume), qPrintable(list.output));
        QVERIFY2(!list.output.contains(m_other), qPrintable(list.output));
    }

    void wrongOrMissingCredentialsAreRefused()
    {
        addPskHost(QStringLiteral("web01"), QStringLiteral("web01"), Key, m_volume);
        QByteArray wrong = Key;
        wrong[0] = '\x7f';
        const Run badKey =
            qemuIo(m_volume, QStringLiteral("web01"), wrong, QStringLiteral("read 0 4k"));
        QVERIFY2(badKey.code != 0, qPrintable(badKey.output));
        const Run unknown =
            qemuIo(m_volume, QStringLiteral("stranger"), Key, QStringLiteral("read 0 4k"));
        QVERIFY2(unknown.code != 0, qPrintable(unknown.output));

        // TLS with neither a PSK nor a certificate, on loopback: refused, saying what admits.
        const QString caDir = m_dir->filePath(QStringLiteral("ca"));
        QVERIFY(QDir().mkpath(caDir));
        QVERIFY(QFile::copy(m_tlsDir.filePath(QStringLiteral("cert.pem")),
                            caDir + QStringLiteral("/ca-cert.pem")));
        const Run anonymous =
            run(QStringLiteral("qemu-io"),
                {QStringLiteral("--object"),
                 QStringLiteral("tls-creds-x509,id=tls0,endpoint=client,dir=") + caDir,
                 QStringLiteral("--image-opts"), QStringLiteral("-r"), QStringLiteral("-c"),
                 QStringLiteral("read 0 4k"),
                 QStringLiteral("driver=nbd,server.type=inet,server.host=127.0.0.1,server.port=%1,"
                                "export=%2,tls-creds=tls0")
                     .arg(m_server->nbdServer()->port())
                     .arg(m_volume)});
        QVERIFY2(anonymous.code != 0, qPrintable(anonymous.output));
        QVERIFY2(anonymous.output.contains(QStringLiteral("Host Access")),
                 qPrintable(anonymous.output));
        const Run anonymousInfo = nbdinfo({}, m_volume, QString(), {});
        QVERIFY2(anonymousInfo.code != 0, qPrintable(anonymousInfo.output));
        // Plain NBD, no TLS at all: the server requires TLS.
        const Run plain = run(QStringLiteral("nbdinfo"), {QStringLiteral("nbd://127.0.0.1:%1/%2")
                                                              .arg(m_server->nbdServer()->port())
                                                              .arg(m_volume)});
        QVERIFY2(plain.code != 0, qPrintable(plain.output));
        // The right host, but a volume it was not given.
        const Run elsewhere =
            qemuIo(m_other, QStringLiteral("web01"), Key, QStringLiteral("read 0 4k"));
        QVERIFY2(elsewhere.code != 0, qPrintable(elsewhere.output));
        QVERIFY2(elsewhere.output.contains(QStringLiteral("not admitted")),
                 qPrintable(elsewhere.output));
        QCOMPARE(readVolume(m_other, 0, 4096), QByteArray(4096, '\0'));
    }

    void anotherLocalUserReachesNothing()
    {
        // The defect this closes: over loopback TLS without credentials, user nobody wrote to a
        // volume whose image only root may read. Now TCP asks for Host Access, and the Unix
        // socket is its owner's alone.
        if (::geteuid() != 0 || QStandardPaths::findExecutable(QStringLiteral("runuser")).isEmpty())
            QSKIP("needs root and runuser to act as another user");
        const QString url = QStringLiteral("nbds://127.0.0.1:%1/%2?tls-verify-peer=false")
                                .arg(m_server->nbdServer()->port())
                                .arg(m_volume);
        const Run info =
            run(QStringLiteral("runuser"), {QStringLiteral("-u"), QStringLiteral("nobody"),
                                            QStringLiteral("--"), QStringLiteral("nbdinfo"), url});
        QVERIFY2(info.code != 0, qPrintable(info.output));
        const Run local =
            run(QStringLiteral("runuser"),
                {QStringLiteral("-u"), QStringLiteral("nobody"), QStringLiteral("--"),
                 QStringLiteral("qemu-io"), QStringLiteral("-f"), QStringLiteral("raw"),
                 QStringLiteral("-c"), QStringLiteral("write -P 0x66 0 4k"), localUrl(m_volume)});
        QVERIFY2(local.code != 0 && !local.output.contains(QStringLiteral("wrote")),
                 qPrintable(local.output));
        QCOMPARE(readVolume(m_volume, 0, 4096), QByteArray(4096, '\0'));
    }

    void aPoolGrantAdmitsToEveryVolumeInIt()
    {
        addPskHost(QStringLiteral("backup"), QStringLiteral("backup"), Key, {});
        HostGrant pool;
        pool.scope = HostGrant::Scope::Pool;
        pool.id = m_fx->pools()->defaultPoolId();
        pool.readOnly = true;
        QVERIFY(m_fx->engine->hostAccess()->grant(hostId(QStringLiteral("backup")), pool).ok());
        for (const QString &v : {m_volume, m_other}) {
            const Run r =
                qemuIo(v, QStringLiteral("backup"), Key, QStringLiteral("read 0 4k"), false);
            QVERIFY2(r.code == 0, qPrintable(r.output));
        }
        // Read-only: the export is offered read-only, and writes change nothing.
        const Run w =
            qemuIo(m_volume, QStringLiteral("backup"), Key, QStringLiteral("write -P 0x11 0 4k"));
        QVERIFY2(w.code != 0 || !w.output.contains(QStringLiteral("wrote")), qPrintable(w.output));
        QCOMPARE(readVolume(m_volume, 0, 4096), QByteArray(4096, '\0'));
    }

    void theUnixSocketServesThisUserAndSnapshotsAreReadOnly()
    {
        const QString socket = m_server->nbdServer()->localPath();
        QCOMPARE(QFile::permissions(socket) &
                     (QFile::ReadGroup | QFile::WriteGroup | QFile::ReadOther | QFile::WriteOther),
                 QFileDevice::Permissions());
        const Run w = run(QStringLiteral("qemu-io"),
                          {QStringLiteral("-f"), QStringLiteral("raw"), QStringLiteral("-c"),
                           QStringLiteral("write -P 0x33 1M 64k"), localUrl(m_volume)});
        QVERIFY2(w.code == 0 && w.output.contains(QStringLiteral("wrote")), qPrintable(w.output));
        QCOMPARE(readVolume(m_volume, MiB, 65536), QByteArray(65536, '\x33'));

        const cim::MethodResult snap = m_fx->create({m_volume}, 7, 0, 0);
        QVERIFY2(snap.returnValue == 0 || snap.returnValue == 4096, qPrintable(snap.message));
        const QString snapshot = EngineFixture::targetOf(snap);
        QVERIFY(!snapshot.isEmpty());
        const Run refused = run(QStringLiteral("qemu-io"),
                                {QStringLiteral("-f"), QStringLiteral("raw"), QStringLiteral("-c"),
                                 QStringLiteral("write -P 0x44 0 4k"), localUrl(snapshot)});
        QVERIFY2(!refused.output.contains(QStringLiteral("wrote")), qPrintable(refused.output));
        const Run read =
            run(QStringLiteral("qemu-io"),
                {QStringLiteral("-r"), QStringLiteral("-f"), QStringLiteral("raw"),
                 QStringLiteral("-c"), QStringLiteral("read -P 0x33 1M 64k"), localUrl(snapshot)});
        QVERIFY2(read.code == 0 && read.output.contains(QStringLiteral("read 65536")),
                 qPrintable(read.output));
        QVERIFY(exportOf(snapshot)
                    .property(u"WriteRefusal")
                    .toString()
                    .contains(QStringLiteral("snapshot")));
    }

    void clientsWriteThroughTheExportWhileASyncMirrorRuns()
    {
        const cim::MethodResult mirror = m_fx->create({m_volume}, 6, 2, 4);
        QVERIFY2(mirror.returnValue == 0 || mirror.returnValue == 4096, qPrintable(mirror.message));
        const QString replica = EngineFixture::targetOf(mirror);
        QVERIFY(!replica.isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(m_fx->record(replica) && m_fx->record(replica)->copyState ==
                                                              quint16(cim::CopyState::Synchronized),
                                 30000);
        addPskHost(QStringLiteral("web01"), QStringLiteral("web01"), Key, m_volume);

        // qemu-io over TCP with the PSK, qemu-img and nbdcopy on the socket.
        const Run io =
            qemuIo(m_volume, QStringLiteral("web01"), Key, QStringLiteral("write -P 0x21 0 1M"));
        QVERIFY2(io.code == 0, qPrintable(io.output));
        QCOMPARE(readVolume(m_volume, 0, MiB), QByteArray(int(MiB), '\x21'));
        QTemporaryDir scratch;
        const QString image = scratch.filePath(QStringLiteral("in.raw"));
        QVERIFY(
            run(QStringLiteral("qemu-img"), {QStringLiteral("create"), QStringLiteral("-f"),
                                             QStringLiteral("raw"), image, QStringLiteral("2M")})
                .code == 0);
        QVERIFY(run(QStringLiteral("qemu-io"),
                    {QStringLiteral("-f"), QStringLiteral("raw"), QStringLiteral("-c"),
                     QStringLiteral("write -P 0x42 0 2M"), image})
                    .code == 0);
        const Run convert = run(QStringLiteral("qemu-img"),
                                {QStringLiteral("convert"), QStringLiteral("-n"),
                                 QStringLiteral("-f"), QStringLiteral("raw"), QStringLiteral("-O"),
                                 QStringLiteral("raw"), image, localUrl(m_volume)});
        QVERIFY2(convert.code == 0, qPrintable(convert.output));
        QCOMPARE(readVolume(m_volume, 0, 2 * MiB), QByteArray(int(2 * MiB), '\x42'));
        // nbdcopy from a file of the volume's size.
        const QString pattern = scratch.filePath(QStringLiteral("pattern.raw"));
        QFile f(pattern);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(int(3 * MiB), '\x63'));
        f.resize(qint64(8 * MiB));
        f.close();
        const Run nbdcopy = run(QStringLiteral("nbdcopy"), {pattern, localUrl(m_volume)});
        QVERIFY2(nbdcopy.code == 0, qPrintable(nbdcopy.output));
        QCOMPARE(readVolume(m_volume, 0, 4096), QByteArray(4096, '\x63'));

        // The replica holds every write: qemu-img compare of the two images.
        const Run compare =
            run(QStringLiteral("qemu-img"),
                {QStringLiteral("compare"), QStringLiteral("-f"), QStringLiteral("raw"),
                 QStringLiteral("-F"), QStringLiteral("raw"), m_fx->pools()->imagePath(m_volume),
                 m_fx->pools()->imagePath(replica)});
        QVERIFY2(compare.code == 0, qPrintable(compare.output));

        // The replica itself refuses host writes, and says why.
        const Run intoReplica =
            run(QStringLiteral("qemu-io"),
                {QStringLiteral("-f"), QStringLiteral("raw"), QStringLiteral("-c"),
                 QStringLiteral("write -P 0x99 0 4k"), localUrl(replica)});
        QVERIFY2(!intoReplica.output.contains(QStringLiteral("wrote")),
                 qPrintable(intoReplica.output));
        QCOMPARE(readVolume(replica, 0, 4096), QByteArray(4096, '\x63'));
        QVERIFY(m_fx->replication()->hostWriteRefusal(replica).contains(QStringLiteral("mirror")));
    }

    void cimAddsHostsAndGrantsAndRefusesBadRequests()
    {
        const cim::ObjectPath ids = HostAccessProvider::idServicePath(m_fx->engine->systemName());
        const cim::ObjectPath controller =
            HostAccessProvider::controllerServicePath(m_fx->engine->systemName());
        requests::CreateHardwareIdRequest create;
        create.elementName = QStringLiteral("app server");
        create.storageId = QStringLiteral("app01");
        create.preSharedKey = Key;
        const cim::MethodCall call = create.toCall(ids);
        cim::MethodResult made = m_fx->invoke(ids, call.method, call.in);
        QVERIFY2(made.returnValue == 0, qPrintable(made.message));
        const cim::ObjectPath hardwareId = made.out.value(u"HardwareID").toReference();
        QCOMPARE(hardwareId.className(), HostAccessProvider::hardwareIdClass());

        // The same identity again, a key that is not hex, an iSCSI name: refused, nothing added.
        cim::MethodResult again = m_fx->invoke(ids, call.method, call.in);
        QCOMPARE(again.returnValue, quint32(cim::ReturnCode::InvalidParameter));
        QCOMPARE(again.parameter, QStringLiteral("ElementName"));
        cim::Parameters badKey = call.in;
        badKey.set(QStringLiteral("ElementName"), cim::Value::string(QStringLiteral("other")));
        badKey.set(QStringLiteral("StorageID"), cim::Value::string(QStringLiteral("other")));
        badKey.set(QStringLiteral("PreSharedKey"), cim::Value::string(QStringLiteral("zz11")));
        QCOMPARE(m_fx->invoke(ids, call.method, badKey).parameter, QStringLiteral("PreSharedKey"));
        cim::Parameters iscsi = badKey;
        iscsi.set(QStringLiteral("IDType"), cim::Value::uint16(5));
        const cim::MethodResult iscsiRefused = m_fx->invoke(ids, call.method, iscsi);
        QCOMPARE(iscsiRefused.returnValue, quint32(cim::ReturnCode::NotSupported));
        QCOMPARE(iscsiRefused.parameter, QStringLiteral("IDType"));
        QCOMPARE(m_fx->engine->hostAccess()->hosts().size(), 1);

        // ExposePaths with an unknown volume changes nothing; with the right one, admits.
        requests::ExposePathsRequest expose;
        expose.luNames = {m_volume, QStringLiteral("no-such-volume")};
        expose.initiatorPortIds = {QStringLiteral("app01")};
        expose.deviceAccesses = {requests::ExposePathsRequest::Access::ReadWrite,
                                 requests::ExposePathsRequest::Access::ReadOnly};
        cim::MethodCall e = expose.toCall(controller);
        const cim::MethodResult unknown = m_fx->invoke(controller, e.method, e.in);
        QCOMPARE(unknown.returnValue, quint32(cim::ReturnCode::InvalidParameter));
        QCOMPARE(unknown.parameter, QStringLiteral("LUNames"));
        QVERIFY(m_fx->engine->hostAccess()->hosts().front().grants.isEmpty());
        expose.luNames = {m_volume};
        expose.deviceAccesses = {requests::ExposePathsRequest::Access::ReadWrite};
        e = expose.toCall(controller);
        QCOMPARE(m_fx->invoke(controller, e.method, e.in).returnValue, 0u);
        const Run w =
            qemuIo(m_volume, QStringLiteral("app01"), Key, QStringLiteral("write -P 0x77 0 4k"));
        QVERIFY2(w.code == 0, qPrintable(w.output));

        // The grant is an AuthorizedPrivilege linked to the host and the volume.
        auto targets =
            m_fx->engine->registry()->enumerateInstances(QStringLiteral("CIM_AuthorizedTarget"));
        QVERIFY(targets.ok());
        QCOMPARE(targets->size(), 1);
        QCOMPARE(
            targets->front().property(u"TargetElement").toReference().key(u"DeviceID").toString(),
            m_volume);

        // HidePaths withdraws it: the next connection is refused.
        expose.expose = false;
        e = expose.toCall(controller);
        QCOMPARE(m_fx->invoke(controller, e.method, e.in).returnValue, 0u);
        const Run after =
            qemuIo(m_volume, QStringLiteral("app01"), Key, QStringLiteral("read 0 4k"));
        QVERIFY2(after.code != 0, qPrintable(after.output));

        // DeleteStorageHardwareID of it, then of it again.
        requests::DeleteHardwareIdRequest del{hardwareId};
        const cim::MethodCall d = del.toCall(ids);
        QCOMPARE(m_fx->invoke(ids, d.method, d.in).returnValue, 0u);
        QCOMPARE(m_fx->invoke(ids, d.method, d.in).returnValue,
                 quint32(cim::ReturnCode::InvalidParameter));
        QVERIFY(m_fx->engine->hostAccess()->hosts().isEmpty());
    }

    void theExportSaysHowToReachItAndWhoHasItOpen()
    {
        addPskHost(QStringLiteral("web01"), QStringLiteral("web01"), Key, m_volume);
        std::atomic_bool connected = false, release = false, done = false;
        const QByteArray url = localUrl(m_volume).toUtf8();
        std::thread holder([&] {
            nbd_handle *h = nbd_create();
            if (h && nbd_connect_uri(h, url.constData()) == 0) {
                connected = true;
                while (!release)
                    std::this_thread::sleep_for(std::chrono::milliseconds(10));
                nbd_shutdown(h, 0);
            }
            nbd_close(h);
            done = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(connected.load() || done.load(), 30000);
        QVERIFY(connected.load());
        const cim::Instance e = exportOf(m_volume);
        release = true;
        QTRY_VERIFY_WITH_TIMEOUT(done.load(), 30000);
        holder.join();
        QCOMPARE(e.property(u"NetworkURL").toString(), QStringLiteral("nbds://127.0.0.1:%1/%2")
                                                           .arg(m_server->nbdServer()->port())
                                                           .arg(m_volume));
        QCOMPARE(e.property(u"LocalURL").toString(), localUrl(m_volume));
        QCOMPARE(e.property(u"OpenedBy").elements().size(), 1);
        QCOMPARE(e.property(u"AdmittedHosts").elements().value(0).toString(),
                 QStringLiteral("web01"));
        QCOMPARE(e.property(u"WriteRefusal").toString(), QString());
        // Closed again, nobody has it open.
        QTRY_VERIFY(exportOf(m_volume).property(u"OpenedBy").elements().isEmpty());
    }

    void hostsSurviveARestart()
    {
        addPskHost(QStringLiteral("web01"), QStringLiteral("web01"), Key, m_volume);
        m_server.reset();
        m_fx->close();
        QVERIFY(m_fx->open());
        const QList<HostRecord> hosts = m_fx->engine->hostAccess()->hosts();
        QCOMPARE(hosts.size(), 1);
        QCOMPARE(hosts.front().pskKey, Key);
        QCOMPARE(hosts.front().grants.size(), 1);
        QCOMPARE(hosts.front().grants.front().id, m_volume);
        // A deleted volume takes its grants with it.
        QVERIFY(m_fx->pools()->deleteVolume(m_volume).ok());
        QVERIFY(m_fx->engine->hostAccess()->hosts().front().grants.isEmpty());
    }

private:
    cim::Instance exportOf(const QString &id) const
    {
        auto all = m_fx->engine->registry()->enumerateInstances(HostAccessProvider::exportClass());
        if (all) {
            for (const cim::Instance &i : all.value()) {
                if (i.property(u"DeviceID").toString() == id)
                    return i;
            }
        }
        return cim::Instance();
    }
    void addPskHost(const QString &name, const QString &identity, const QByteArray &key,
                    const QString &volume)
    {
        HostRecord h;
        h.name = name;
        h.pskIdentity = identity;
        h.pskKey = key;
        if (!volume.isEmpty())
            h.grants.append({HostGrant::Scope::Volume, volume, false});
        const auto added = m_fx->engine->hostAccess()->addHost(h);
        QVERIFY2(added.ok(), qPrintable(added.error().message));
    }
    QString hostId(const QString &name) const
    {
        for (const HostRecord &h : m_fx->engine->hostAccess()->hosts()) {
            if (h.name == name)
                return h.id;
        }
        return {};
    }
    // A PSK file as qemu's tls-creds-psk and libnbd read it.
    QString pskDir(const QString &identity, const QByteArray &key)
    {
        const QString dir = m_dir->filePath(QStringLiteral("psk-") + identity +
                                            QString::fromLatin1(key.left(2).toHex()));
        QDir().mkpath(dir);
        QFile f(dir + QStringLiteral("/keys.psk"));
        if (f.open(QIODevice::WriteOnly | QIODevice::Truncate))
            f.write(identity.toUtf8() + ':' + key.toHex() + '\n');
        return dir;
    }
    Run qemuIo(const QString &volume, const QString &identity, const QByteArray &key,
               const QString &command, bool writable = true)
    {
        QStringList args{QStringLiteral("--object"),
                         QStringLiteral("tls-creds-psk,id=tls0,endpoint=client,dir=%1,username=%2")
                             .arg(pskDir(identity, key), identity),
                         QStringLiteral("--image-opts"), QStringLiteral("-c"), command};
        if (!writable)
            args.prepend(QStringLiteral("-r"));
        args << QStringLiteral("driver=nbd,server.type=inet,server.host=127.0.0.1,server.port=%1,"
                               "export=%2,tls-creds=tls0")
                    .arg(m_server->nbdServer()->port())
                    .arg(volume);
        return run(QStringLiteral("qemu-io"), args);
    }
    Run nbdinfo(QStringList args, const QString &volume, const QString &identity,
                const QByteArray &key)
    {
        QString url =
            QStringLiteral("nbds://") + (identity.isEmpty() ? QString() : identity + u'@') +
            QStringLiteral("127.0.0.1:%1/%2").arg(m_server->nbdServer()->port()).arg(volume);
        if (!identity.isEmpty())
            url += QStringLiteral("?tls-psk-file=") + pskDir(identity, key) +
                   QStringLiteral("/keys.psk");
        else
            url += QStringLiteral("?tls-certificates=") + m_tlsDir.path() +
                   QStringLiteral("&tls-verify-peer=false");
        args << url;
        return run(QStringLiteral("nbdinfo"), args);
    }
    QString localUrl(const QString &volume) const
    {
        return m_server->nbdServer()->localUrl(volume).toString();
    }
    QByteArray readVolume(const QString &id, quint64 offset, quint64 length)
    {
        auto d = m_fx->device(id);
        if (!d)
            return {};
        QByteArray b(qsizetype(length), '\0');
        if (!d->read(offset, std::span<char>(b.data(), b.size())))
            return {};
        return b;
    }

    QTemporaryDir m_tlsDir;
    std::optional<wsman::TlsIdentity> m_identity;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<EngineFixture> m_fx;
    std::unique_ptr<EngineServer> m_server;
    QString m_volume;
    QString m_other;
};

QTEST_GUILESS_MAIN(TestHostAccess)
#include "tst_hostaccess.moc"
