#pragma once
// Two engines for real in a test: replicadesk-engined started on loopback ports of its choosing
// (WS-Man over HTTPS and NBD with TLS), and an engine in the test's process that reaches it
// through an active remote collection. Shared by the daemon, remote clone and remote mirror tests.

#include "testsupport.h"

#include "remote/remotecollections.h"

#include "cim/cimxml.h"
#include "cim/enums.h"
#include "engine.h"
#include "jobs/concretejob.h"
#include "jobs/jobmanager.h"
#include "provider/computersystemprovider.h"
#include "remote/peerdirectory.h"
#include "replication/replicationservice.h"
#include "storage/poolmanager.h"
#include "storage/storagevolumeprovider.h"
#include "wsman/wsmantransport.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

namespace rd::testing {

using namespace rd::engine;
using cim::Value;
using rd::test::await;
using rd::test::refs;

inline const QString kDaemon = QStringLiteral(RD_DAEMON_PATH);
inline constexpr quint64 MiB = 1 << 20;

// The fixture: a temporary directory with a users file (admin / pw) and the helpers.
class DaemonFixture : public QObject
{
protected:
    QTemporaryDir m_dir;

    // Writes the users file every daemon of the test signs its clients in with.
    bool writeUsers()
    {
        QFile users(m_dir.filePath(QStringLiteral("users")));
        if (!m_dir.isValid() || !users.open(QIODevice::WriteOnly))
            return false;
        const QString line = usersLine(QStringLiteral("admin"), QStringLiteral("pw"));
        users.write(line.toUtf8() + '\n');
        return !line.isEmpty();
    }

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

    struct Daemon
    {
        QProcess process;
        QByteArray log;
        QUrl wsman;
        QUrl nbd;
        QUrl nbdLocal; // the Unix socket this user reaches without credentials
        QString fingerprint;
        QStringList launcher; // program and arguments that start the daemon; empty: directly
    };

    // Starts replicadesk-engined on loopback ports of its choosing; false (with the log in the
    // test's output) when it does not come up.
    bool start(Daemon &d, const QString &name, const QStringList &extra = {})
    {
        connect(&d.process, &QProcess::readyReadStandardError, this,
                [&d] { d.log += d.process.readAllStandardError(); });
        const QStringList arguments =
            QStringList{QStringLiteral("--data-dir"),    m_dir.filePath(name),
                        QStringLiteral("--users"),       m_dir.filePath(QStringLiteral("users")),
                        QStringLiteral("--listen"),      QStringLiteral("127.0.0.1"),
                        QStringLiteral("--port"),        QStringLiteral("0"),
                        QStringLiteral("--nbd-port"),    QStringLiteral("0"),
                        QStringLiteral("--system-name"), name} +
            extra;
        // A launcher (ip netns exec NAME) runs the daemon inside something else.
        if (d.launcher.isEmpty())
            d.process.start(kDaemon, arguments);
        else
            d.process.start(d.launcher.front(),
                            d.launcher.mid(1) + QStringList{kDaemon} + arguments);
        if (!QTest::qWaitFor(
                [&d] {
                    return d.log.contains("serving NBD on") ||
                           d.process.state() == QProcess::NotRunning;
                },
                30000))
            return false;
        const QString text = QString::fromUtf8(d.log);
        const auto w =
            QRegularExpression(QStringLiteral("serving WS-Management on (\\S+)")).match(text);
        const auto n = QRegularExpression(QStringLiteral("serving NBD on (\\S+)")).match(text);
        const auto f = QRegularExpression(QStringLiteral("fingerprint: ([0-9A-F:]+)")).match(text);
        const auto l =
            QRegularExpression(QStringLiteral("serving NBD to local users on (\\S+)")).match(text);
        d.nbdLocal = QUrl(l.captured(1));
        if (!w.hasMatch() || !n.hasMatch() || !f.hasMatch()) {
            qWarning().noquote() << text;
            return false;
        }
        d.wsman = QUrl(w.captured(1));
        d.nbd = QUrl(n.captured(1));
        d.fingerprint = f.captured(1);
        return true;
    }

    bool writePeers(const QString &path, const Daemon &peer, const QString &password,
                    QFileDevice::Permissions permissions = QFileDevice::ReadOwner |
                                                           QFileDevice::WriteOwner)
    {
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return false;
        const QString json = QStringLiteral(R"([{"endpoint": "%1", "user": "admin", )"
                                            R"("password": "%2", "fingerprints": ["%3"]}])")
                                 .arg(peer.wsman.toString(), password, peer.fingerprint);
        file.write(json.toUtf8());
        file.close();
        return file.setPermissions(permissions);
    }

    static std::optional<cim::Instance> awaitJob(wsman::WsmanTransport &client,
                                                 const cim::ObjectPath &job)
    {
        std::optional<cim::Instance> last;
        const bool ended = QTest::qWaitFor(
            [&] {
                auto got = await(client.getInstance(job));
                if (!got || !got->ok())
                    return false;
                last = got->value();
                return last->property(u"JobState").toUInt64() >= quint64(cim::JobState::Completed);
            },
            30000);
        return ended ? last : std::nullopt;
    }

    // qemu-img compare of a local image with a peer's export over TLS, checked against the
    // certificates in certDir and showing the engine's client certificate kept beside them (the
    // one it signed in to the peer with: loopback admits nobody without it): empty when they hold
    // the same bytes (or qemu-img is missing), else what qemu-img said.
    static QString qemuCompare(const QString &image, const QUrl &exportUrl, const QString &certDir)
    {
        const QString qemuImg = QStandardPaths::findExecutable(QStringLiteral("qemu-img"));
        if (qemuImg.isEmpty())
            return {};
        QTemporaryDir creds;
        for (const char *file : {"ca-cert.pem", "client-cert.pem", "client-key.pem"}) {
            const QString name = QString::fromLatin1(file);
            if (!QFile::copy(certDir + u'/' + name, creds.filePath(name)))
                return QStringLiteral("no %1 in %2").arg(name, certDir);
        }
        QProcess compare;
        compare.start(qemuImg,
                      {QStringLiteral("compare"), QStringLiteral("--object"),
                       // The client certificate is self-signed, not signed by the peer's: qemu's
                       // own check of it is not the server's to make.
                       QStringLiteral("tls-creds-x509,id=tls0,endpoint=client,sanity-check=off,"
                                      "dir=") +
                           creds.path(),
                       QStringLiteral("--image-opts"),
                       QStringLiteral("driver=raw,file.driver=file,file.filename=") + image,
                       QStringLiteral("driver=nbd,server.type=inet,server.host=%1,server.port=%2,"
                                      "export=%3,tls-creds=tls0")
                           .arg(exportUrl.host())
                           .arg(exportUrl.port())
                           .arg(exportUrl.path().mid(1))});
        if (!compare.waitForFinished(60000))
            return QStringLiteral("qemu-img compare did not finish");
        return compare.exitCode() == 0 ? QString()
                                       : QString::fromLocal8Bit(compare.readAllStandardOutput() +
                                                                compare.readAllStandardError());
    }

    // Stops a daemon the test started and waits for it.
    static bool stop(Daemon &d)
    {
        d.process.terminate();
        return d.process.waitForFinished(30000);
    }

    // The engine of this process named name, under the test's directory (opened again after a
    // restart with the same name).
    std::unique_ptr<Engine> openEngine(const QString &name, int peerTimeoutMs = 30000)
    {
        EngineOptions o;
        o.dataDirectory = m_dir.filePath(name + QStringLiteral("/data"));
        o.defaultPoolDirectory = m_dir.filePath(name + QStringLiteral("/pool"));
        o.systemName = name;
        o.peerTimeoutMs = peerTimeoutMs;
        auto opened = Engine::open(o);
        return opened ? std::move(opened).value() : nullptr;
    }

    // An engine in this process that reaches peer through an active remote collection, signing
    // in with what its PeerDirectory was given (as the console's wizard hands it over).
    std::unique_ptr<Engine> engineReaching(const Daemon &peer, const QString &name,
                                           int peerTimeoutMs = 30000)
    {
        std::unique_ptr<Engine> engine = openEngine(name, peerTimeoutMs);
        if (!engine)
            return nullptr;
        ConcreteJob *job = recordPeer(*engine, peer, peer.fingerprint);
        if (!job || job->state() != cim::JobState::Completed)
            return nullptr;
        return engine;
    }

    // CreateRemoteReplicationCollection of peer (its WS-Man and NBD endpoints) on engine, signing
    // in as admin and trusting the certificate with this fingerprint; the finished job, or null.
    static ConcreteJob *recordPeer(Engine &engine, const Daemon &peer, const QString &fingerprint)
    {
        engine.peers()->set(peer.wsman,
                            {QStringLiteral("admin"), QStringLiteral("pw"), {fingerprint}});
        cim::Parameters in;
        in.set(QStringLiteral("ElementName"), Value::string(QStringLiteral("offsite")));
        in.set(QStringLiteral("RemoteAccessPoints"),
               refs({RemoteCollections::remoteAccessPointPath(QStringLiteral("peer"), peer.wsman),
                     RemoteCollections::remoteAccessPointPath(QStringLiteral("peer"), peer.nbd)}));
        auto made = await(engine.registry()->invokeMethod(
            {service(engine.systemName()), QStringLiteral("CreateRemoteReplicationCollection"),
             in}));
        if (!made || made->returnValue != quint32(cim::ReturnCode::JobStarted))
            return nullptr;
        ConcreteJob *job = engine.jobManager()->job(
            made->out.value(u"Job").toReference().key(u"InstanceID").toString());
        if (!job || !QTest::qWaitFor([job] { return job->isFinished(); }, 30000))
            return nullptr;
        return job;
    }

    static cim::ObjectPath service(const QString &systemName)
    {
        return cim::ObjectPath(
            ProviderRegistry::defaultNameSpace(), ReplicationService::serviceClass(),
            {{QStringLiteral("CreationClassName"),
              Value::string(ReplicationService::serviceClass())},
             {QStringLiteral("Name"), Value::string(QStringLiteral("ReplicationService"))},
             {QStringLiteral("SystemCreationClassName"),
              Value::string(ComputerSystemProvider::className())},
             {QStringLiteral("SystemName"), Value::string(systemName)}});
    }

    // A volume of size bytes with random data at a few places and holes between; its bytes.
    static QByteArray fillVolume(Engine &engine, const QString &deviceId, quint64 size)
    {
        auto device = engine.poolManager()->device(deviceId);
        if (!device)
            return {};
        QByteArray expected(qsizetype(size), '\0');
        for (quint64 at : {quint64(0), size / 2 + 512, size - MiB}) {
            QByteArray data(qsizetype(MiB), Qt::Uninitialized);
            QRandomGenerator(quint32(at) + 11)
                .fillRange(reinterpret_cast<quint32 *>(data.data()), data.size() / 4);
            if (!device.value()->write(at, std::span<const char>(data.constData(), data.size())))
                return {};
            expected.replace(qsizetype(at), data.size(), data);
        }
        return expected;
    }

    // A WS-Man client of the daemon as its administrator.
    static std::unique_ptr<wsman::WsmanTransport> adminOf(const Daemon &d)
    {
        auto client = std::make_unique<wsman::WsmanTransport>(d.wsman);
        client->setCredentials(QStringLiteral("admin"), QStringLiteral("pw"));
        client->setTrustedFingerprints({d.fingerprint});
        return client;
    }

    // CreateListReplica of one volume of system onto the peer reached at point.
    static cim::Parameters toPeer(quint16 syncType, const QString &system, const QString &deviceId,
                                  const QUrl &point)
    {
        cim::Parameters in;
        in.set(QStringLiteral("SyncType"), Value::uint16(syncType));
        in.set(QStringLiteral("SourceElements"),
               refs({StorageVolumeProvider::volumePath(system, deviceId)}));
        in.set(QStringLiteral("TargetAccessPoint"),
               Value::reference(
                   RemoteCollections::remoteAccessPointPath(QStringLiteral("peer"), point)));
        return in;
    }

    // The job an accepted request started, or null.
    static ConcreteJob *startedJob(Engine &engine, const std::optional<cim::MethodResult> &r)
    {
        if (!r || r->returnValue != quint32(cim::ReturnCode::JobStarted))
            return nullptr;
        return engine.jobManager()->job(
            r->out.value(u"Job").toReference().key(u"InstanceID").toString());
    }

    static int peerVolumeCount(wsman::WsmanTransport &client)
    {
        auto r = await(client.enumerateInstances(QStringLiteral("CIM_StorageVolume")));
        return r && r->ok() ? int(r->value().size()) : -1;
    }
};

} // namespace rd::testing
