// replicadesk-engined as a peer: it serves WS-Man and, with --nbd-port, its volumes over NBD with
// TLS. An engine in this process records it with CreateRemoteReplicationCollection (its
// ProtocolEndpoints are the two listeners) and clones a volume into a volume made on it over
// WS-Man; the bytes are read back through the daemon's export, over TLS.

#include "remote/remoteclonewriter.h"
#include "remote/remotecollections.h"

#include "cim/enums.h"
#include "engine.h"
#include "jobs/jobmanager.h"
#include "provider/computersystemprovider.h"
#include "replication/replicationservice.h"
#include "storage/poolmanager.h"
#include "wsman/wsmantransport.h"

#include <ThreadWeaver/Queue>

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <libnbd.h>

#include <atomic>
#include <csignal>
#include <thread>

using namespace rd;
using namespace rd::engine;
using cim::Value;

namespace {

const QString kDaemon = QStringLiteral(RD_DAEMON_PATH);
constexpr quint64 MiB = 1 << 20;

template<class T>
std::optional<T> await(QFuture<T> future, int timeoutMs = 30000)
{
    if (!QTest::qWaitFor([&] { return future.isFinished(); }, timeoutMs) ||
        future.resultCount() == 0)
        return std::nullopt;
    return future.result();
}

Value refs(const QList<cim::ObjectPath> &paths)
{
    QList<Value> v;
    for (const auto &p : paths)
        v.append(Value::reference(p));
    return Value::array(cim::CimType::Reference, v);
}

} // namespace

class TstRemoteDaemon : public QObject
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

    struct Daemon
    {
        QProcess process;
        QByteArray log;
        QUrl wsman;
        QUrl nbd;
        QString fingerprint;
    };

    // Starts replicadesk-engined on loopback ports of its choosing; false (with the log in the
    // test's output) when it does not come up.
    bool start(Daemon &d, const QString &name, const QStringList &extra = {})
    {
        connect(&d.process, &QProcess::readyReadStandardError, this,
                [&d] { d.log += d.process.readAllStandardError(); });
        d.process.start(
            kDaemon,
            QStringList{QStringLiteral("--data-dir"), m_dir.filePath(name),
                        QStringLiteral("--users"), m_dir.filePath(QStringLiteral("users")),
                        QStringLiteral("--listen"), QStringLiteral("127.0.0.1"),
                        QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--nbd-port"),
                        QStringLiteral("0"), QStringLiteral("--system-name"), name} +
                extra);
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

private Q_SLOTS:
    void cloneIntoTheDaemonOverTls()
    {
        QVERIFY(m_dir.isValid());
        QFile users(m_dir.filePath(QStringLiteral("users")));
        QVERIFY(users.open(QIODevice::WriteOnly));
        users.write(usersLine(QStringLiteral("admin"), QStringLiteral("pw")).toUtf8() + '\n');
        users.close();

        QProcess daemon;
        QByteArray log;
        connect(&daemon, &QProcess::readyReadStandardError, this,
                [&] { log += daemon.readAllStandardError(); });
        daemon.start(kDaemon,
                     {QStringLiteral("--data-dir"), m_dir.filePath(QStringLiteral("peer")),
                      QStringLiteral("--users"), users.fileName(), QStringLiteral("--listen"),
                      QStringLiteral("127.0.0.1"), QStringLiteral("--port"), QStringLiteral("0"),
                      QStringLiteral("--nbd-port"), QStringLiteral("0"),
                      QStringLiteral("--system-name"), QStringLiteral("peer")});
        QTRY_VERIFY_WITH_TIMEOUT(log.contains("serving WS-Management on"), 30000);
        const QString text = QString::fromUtf8(log);
        const auto wsmanUrl =
            QRegularExpression(QStringLiteral("serving WS-Management on (\\S+)")).match(text);
        const auto nbdUrl = QRegularExpression(QStringLiteral("serving NBD on (\\S+)")).match(text);
        const auto fp = QRegularExpression(QStringLiteral("fingerprint: ([0-9A-F:]+)")).match(text);
        QVERIFY2(wsmanUrl.hasMatch() && nbdUrl.hasMatch() && fp.hasMatch(), log.constData());
        const QUrl wsman(wsmanUrl.captured(1));
        const QUrl nbd(nbdUrl.captured(1));
        QCOMPARE(nbd.scheme(), QStringLiteral("nbds"));

        wsman::WsmanTransport client(wsman);
        client.setCredentials(QStringLiteral("admin"), QStringLiteral("pw"));
        client.setTrustedFingerprints({fp.captured(1)});
        // The daemon's own access points.
        auto endpoints = await(client.enumerateInstances(QStringLiteral("CIM_ProtocolEndpoint")));
        QVERIFY2(endpoints && endpoints->ok(),
                 endpoints ? qPrintable(endpoints->error().message) : "");
        QCOMPARE(endpoints->value().size(), 2);

        // A target volume on the daemon, made over WS-Man.
        auto services =
            await(client.enumerateInstances(QStringLiteral("CIM_StorageConfigurationService")));
        QVERIFY(services && services->ok() && !services->value().isEmpty());
        cim::MethodCall create{services->value().front().path(),
                               QStringLiteral("CreateOrModifyElementFromStoragePool"),
                               {}};
        create.in.set(QStringLiteral("ElementName"), Value::string(QStringLiteral("replica")));
        create.in.set(QStringLiteral("ElementType"), Value::uint16(2));
        create.in.set(QStringLiteral("Size"), Value::uint64(8 * MiB));
        auto created = await(client.invokeMethod(create));
        QVERIFY(created);
        QVERIFY2(created->returnValue == 0, qPrintable(created->message));
        const QString target =
            created->out.value(u"TheElement").toReference().key(u"DeviceID").toString();
        QVERIFY(!target.isEmpty());

        // This side: an engine that records the daemon as a remote collection.
        EngineOptions o;
        o.dataDirectory = m_dir.filePath(QStringLiteral("local/data"));
        o.defaultPoolDirectory = m_dir.filePath(QStringLiteral("local/pool"));
        o.systemName = QStringLiteral("local");
        auto opened = Engine::open(o);
        QVERIFY(opened.ok());
        std::unique_ptr<Engine> local = std::move(opened).value();
        RemoteCollections *remote = RemoteCollections::of(local->registry());
        QVERIFY(remote);
        const QString fingerprint = fp.captured(1);
        remote->setPeerConnector([fingerprint](const QUrl &url) {
            auto t = std::make_unique<wsman::WsmanTransport>(url);
            t->setCredentials(QStringLiteral("admin"), QStringLiteral("pw"));
            t->setTrustedFingerprints({fingerprint});
            return t;
        });
        const cim::ObjectPath service(
            ProviderRegistry::defaultNameSpace(), ReplicationService::serviceClass(),
            {{QStringLiteral("Name"), Value::string(QStringLiteral("x"))}});
        cim::Parameters in;
        in.set(QStringLiteral("ElementName"), Value::string(QStringLiteral("daemon")));
        in.set(QStringLiteral("RemoteAccessPoints"),
               refs({RemoteCollections::remoteAccessPointPath(QStringLiteral("peer"), wsman),
                     RemoteCollections::remoteAccessPointPath(QStringLiteral("peer"), nbd)}));
        in.set(QStringLiteral("RemoteComputerSystem"),
               Value::reference(cim::ObjectPath(
                   ProviderRegistry::defaultNameSpace(), ComputerSystemProvider::className(),
                   {{QStringLiteral("CreationClassName"),
                     Value::string(ComputerSystemProvider::className())},
                    {QStringLiteral("Name"), Value::string(QStringLiteral("peer"))}})));
        auto made = await(local->registry()->invokeMethod(
            {service, QStringLiteral("CreateRemoteReplicationCollection"), in}));
        QVERIFY(made);
        QCOMPARE(made->returnValue, quint32(cim::ReturnCode::JobStarted));
        ConcreteJob *job = local->jobManager()->job(
            made->out.value(u"Job").toReference().key(u"InstanceID").toString());
        QVERIFY(job);
        QTRY_VERIFY_WITH_TIMEOUT(job->isFinished(), 30000);
        QVERIFY2(job->state() == cim::JobState::Completed,
                 qPrintable(job->error() ? job->error()->message : QString()));
        QCOMPARE(remote->collections().size(), 1);
        QCOMPARE(remote->collections().front().connectivity, ConnectivityStatus::Up);

        // A source volume with data and holes, cloned into the daemon's volume over NBD + TLS.
        auto source = local->poolManager()->createVolume(local->poolManager()->defaultPoolId(),
                                                         QStringLiteral("source"), 8 * MiB);
        QVERIFY(source.ok());
        auto device = local->poolManager()->device(source->deviceId);
        QVERIFY(device.ok());
        QByteArray expected(qsizetype(8 * MiB), '\0');
        for (quint64 at : {quint64(0), 5 * MiB + 512}) {
            QByteArray data(qsizetype(MiB), Qt::Uninitialized);
            QRandomGenerator(quint32(at) + 3)
                .fillRange(reinterpret_cast<quint32 *>(data.data()), data.size() / 4);
            QVERIFY(device.value()
                        ->write(at, std::span<const char>(data.constData(), data.size()))
                        .ok());
            expected.replace(qsizetype(at), data.size(), data);
        }
        const QString certs = m_dir.filePath(QStringLiteral("certs"));
        QVERIFY(QDir().mkpath(certs));
        QVERIFY(QFile::copy(m_dir.filePath(QStringLiteral("peer/tls/engine-cert.pem")),
                            certs + QStringLiteral("/ca-cert.pem")));
        QUrl targetUrl = nbd;
        targetUrl.setPath(QLatin1Char('/') + target);

        ThreadWeaver::Queue queue;
        RemoteCloneWriter writer(device.value(), &queue);
        QSignalSpy finished(&writer, &RemoteCloneWriter::finished);
        writer.start(targetUrl, {certs});
        QVERIFY(finished.wait(60000) || finished.count() == 1);
        QVERIFY2(finished.first().at(0).value<CloneCopier::Outcome>() ==
                     CloneCopier::Outcome::Completed,
                 qPrintable(finished.first().at(1).toString()));

        // Read back through the daemon's export, over TLS; plain NBD is refused.
        const QByteArray uri = targetUrl.toString().toUtf8();
        QUrl plainUrl = targetUrl;
        plainUrl.setScheme(QStringLiteral("nbd"));
        const QByteArray plain = plainUrl.toString().toUtf8();
        const QByteArray certDir = certs.toLocal8Bit();
        QByteArray readBack;
        QByteArray error;
        int plainRefused = 0;
        std::atomic_bool done = false;
        std::thread reader([&] {
            nbd_handle *h = nbd_create();
            nbd_set_tls_certificates(h, certDir.constData());
            readBack = QByteArray(qsizetype(8 * MiB), '\0');
            if (nbd_connect_uri(h, uri.constData()) == -1 ||
                nbd_pread(h, readBack.data(), 8 * MiB, 0, 0) == -1)
                error = nbd_get_error();
            nbd_shutdown(h, 0);
            nbd_close(h);
            nbd_handle *p = nbd_create();
            plainRefused = nbd_connect_uri(p, plain.constData());
            nbd_close(p);
            done = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(done.load(), 60000);
        reader.join();
        QVERIFY2(error.isEmpty(), error.constData());
        QVERIFY(readBack == expected);
        QCOMPARE(plainRefused, -1);

        local.reset();
        daemon.terminate();
        QVERIFY(daemon.waitForFinished(30000));
        QCOMPARE(daemon.exitCode(), 0);
    }

    // Two daemons: the source signs in to its peer with the credentials of its peers file
    // (refused while the password there is wrong, accepted once the file is put right and
    // re-read on SIGHUP); a peers file others may read keeps the daemon from starting.
    void daemonSignsInToItsPeerWithThePeersFile()
    {
        Daemon peer;
        QVERIFY(start(peer, QStringLiteral("peer-b")));
        const QString peersFile = m_dir.filePath(QStringLiteral("source-a-peers.json"));

        QVERIFY(
            writePeers(peersFile, peer, QStringLiteral("pw"),
                       QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadOther));
        Daemon refused;
        QVERIFY(
            !start(refused, QStringLiteral("source-a"), {QStringLiteral("--peers"), peersFile}));
        QTRY_VERIFY_WITH_TIMEOUT(refused.process.state() == QProcess::NotRunning, 30000);
        QVERIFY(refused.process.exitCode() != 0);
        QVERIFY2(refused.log.contains("chmod 600"), refused.log.constData());

        QVERIFY(writePeers(peersFile, peer, QStringLiteral("wrong")));
        Daemon source;
        QVERIFY(start(source, QStringLiteral("source-a"), {QStringLiteral("--peers"), peersFile}));
        QVERIFY(source.log.contains("Read 1 peers"));

        wsman::WsmanTransport client(source.wsman);
        client.setCredentials(QStringLiteral("admin"), QStringLiteral("pw"));
        client.setTrustedFingerprints({source.fingerprint});
        auto services = await(client.enumerateInstances(ReplicationService::serviceClass()));
        QVERIFY(services && services->ok() && !services->value().isEmpty());
        const cim::ObjectPath service = services->value().front().path();
        cim::Parameters in;
        in.set(QStringLiteral("ElementName"), Value::string(QStringLiteral("to peer-b")));
        in.set(
            QStringLiteral("RemoteAccessPoints"),
            refs({RemoteCollections::remoteAccessPointPath(QStringLiteral("peer-b"), peer.wsman),
                  RemoteCollections::remoteAccessPointPath(QStringLiteral("peer-b"), peer.nbd)}));
        in.set(QStringLiteral("RemoteComputerSystem"),
               Value::reference(cim::ObjectPath(
                   ProviderRegistry::defaultNameSpace(), ComputerSystemProvider::className(),
                   {{QStringLiteral("CreationClassName"),
                     Value::string(ComputerSystemProvider::className())},
                    {QStringLiteral("Name"), Value::string(QStringLiteral("peer-b"))}})));
        const cim::MethodCall call{service, QStringLiteral("CreateRemoteReplicationCollection"),
                                   in};
        auto collections = [&client] {
            auto r = await(client.enumerateInstances(RemoteCollections::collectionClass()));
            return r && r->ok() ? int(r->value().size()) : -1;
        };

        // The wrong password: the job says so, nothing is recorded.
        auto first = await(client.invokeMethod(call));
        QVERIFY(first);
        QCOMPARE(first->returnValue, quint32(cim::ReturnCode::JobStarted));
        auto failedJob = awaitJob(client, first->out.value(u"Job").toReference());
        QVERIFY(failedJob);
        QCOMPARE(failedJob->property(u"JobState").toUInt64(), quint64(cim::JobState::Exception));
        QVERIFY2(failedJob->property(u"ErrorDescription")
                     .toString()
                     .contains(QStringLiteral("user name or password")),
                 qPrintable(failedJob->property(u"ErrorDescription").toString()));
        QCOMPARE(collections(), 0);

        // Put right and re-read without a restart.
        QVERIFY(writePeers(peersFile, peer, QStringLiteral("pw")));
        source.log.clear();
        QCOMPARE(::kill(pid_t(source.process.processId()), SIGHUP), 0);
        QTRY_VERIFY_WITH_TIMEOUT(source.log.contains("Re-read 1 peers"), 10000);
        auto second = await(client.invokeMethod(call));
        QVERIFY(second);
        QCOMPARE(second->returnValue, quint32(cim::ReturnCode::JobStarted));
        auto doneJob = awaitJob(client, second->out.value(u"Job").toReference());
        QVERIFY(doneJob);
        QVERIFY2(doneJob->property(u"JobState").toUInt64() == quint64(cim::JobState::Completed),
                 qPrintable(doneJob->property(u"ErrorDescription").toString()));
        QCOMPARE(collections(), 1);

        for (Daemon *d : {&source, &peer}) {
            d->process.terminate();
            QVERIFY(d->process.waitForFinished(30000));
            QCOMPARE(d->process.exitCode(), 0);
        }
    }

    void nbdStaysOnLoopbackUnlessTold()
    {
        QProcess daemon;
        daemon.start(kDaemon, {QStringLiteral("--data-dir"), m_dir.filePath(QStringLiteral("any")),
                               QStringLiteral("--users"), m_dir.filePath(QStringLiteral("users")),
                               QStringLiteral("--listen"), QStringLiteral("0.0.0.0"),
                               QStringLiteral("--port"), QStringLiteral("0"),
                               QStringLiteral("--nbd-port"), QStringLiteral("0")});
        QVERIFY(daemon.waitForFinished(30000));
        QVERIFY(daemon.exitCode() != 0);
        QVERIFY(daemon.readAllStandardError().contains("--nbd-insecure"));
    }
};

QTEST_GUILESS_MAIN(TstRemoteDaemon)
#include "tst_remotedaemon.moc"
