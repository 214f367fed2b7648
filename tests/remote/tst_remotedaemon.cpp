// replicadesk-engined as a peer: it serves WS-Man and, with --nbd-port, its volumes over NBD with
// TLS. An engine in this process records it with CreateRemoteReplicationCollection (its
// ProtocolEndpoints are the two listeners) and clones a volume into a volume made on it over
// WS-Man; the bytes are read back through the daemon's export, over TLS.

#include "daemontestsupport.h"

#include "remote/peerdirectory.h"
#include "remote/remoteclonewriter.h"

#include <ThreadWeaver/Queue>

#include <QCryptographicHash>
#include <QSignalSpy>
#include <QStandardPaths>

#include <libnbd.h>

#include <atomic>
#include <csignal>
#include <thread>

using namespace rd;
using namespace rd::engine;
using namespace rd::testing;
using cim::Value;

class TstRemoteDaemon : public DaemonFixture
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(writeUsers()); }

    void cloneIntoTheDaemonOverTls()
    {
        QFile users(m_dir.filePath(QStringLiteral("users")));

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
        RemoteCollections *remote = local->remoteCollections();
        QVERIFY(remote);
        const QString fingerprint = fp.captured(1);
        // Signing in with the engine's client certificate is what admits it to the NBD export.
        const wsman::TlsIdentity identity = local->peers()->clientIdentity();
        remote->setPeerConnector([fingerprint, identity](const QUrl &url) {
            auto t = std::make_unique<wsman::WsmanTransport>(url);
            t->setCredentials(QStringLiteral("admin"), QStringLiteral("pw"));
            t->setTrustedFingerprints({fingerprint});
            t->setClientIdentity(identity.certificate, identity.privateKey);
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
        // The certificate the engine signed in with: loopback is no exception to host access.
        for (const char *file : {"client-cert.pem", "client-key.pem"}) {
            QVERIFY(QFile::copy(local->options().dataDirectory + QStringLiteral("/identity/") +
                                    QString::fromLatin1(file),
                                certs + u'/' + QString::fromLatin1(file)));
        }
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

    // CreateListReplica with the peer's access point as TargetAccessPoint: the job makes the
    // replica on the daemon over WS-Man and copies the blocks over NBD with TLS; the export then
    // holds exactly the source's bytes, seen from inside (libnbd) and outside (nbdinfo, nbdcopy).
    void cloneToThePeerThroughCreateListReplica()
    {
        Daemon peer;
        QVERIFY(start(peer, QStringLiteral("peer-c")));
        std::unique_ptr<Engine> local = engineReaching(peer, QStringLiteral("local-c"));
        QVERIFY(local);
        const auto client = adminOf(peer);
        const int volumesBefore = peerVolumeCount(*client);
        QVERIFY(volumesBefore >= 0);

        const quint64 size = 16 * MiB;
        auto source = local->poolManager()->createVolume(local->poolManager()->defaultPoolId(),
                                                         QStringLiteral("db"), size);
        QVERIFY(source.ok());
        const QByteArray expected = fillVolume(*local, source->deviceId, size);
        QCOMPARE(quint64(expected.size()), size);

        cim::Parameters in = toPeer(quint16(cim::SyncType::Clone), QStringLiteral("local-c"),
                                    source->deviceId, peer.nbd);
        in.set(QStringLiteral("ElementNames"),
               Value::array(cim::CimType::String, {Value::string(QStringLiteral("db offsite"))}));
        auto r = await(local->registry()->invokeMethod(
            {service(QStringLiteral("local-c")), QStringLiteral("CreateListReplica"), in}));
        ConcreteJob *job = startedJob(*local, r);
        QVERIFY2(job, r ? qPrintable(r->message) : "no answer");
        QTRY_VERIFY_WITH_TIMEOUT(job->isFinished(), 60000);
        QVERIFY2(job->state() == cim::JobState::Completed,
                 qPrintable(job->error() ? job->error()->message : QString()));
        QCOMPARE(job->percentComplete(), quint16(100));
        QCOMPARE(job->affectedElements().size(), 1);
        const QString target = job->affectedElements().front().key(u"DeviceID").toString();
        QCOMPARE(peerVolumeCount(*client), volumesBefore + 1);
        auto made = await(client->getInstance(job->affectedElements().front()));
        QVERIFY(made && made->ok());
        QCOMPARE(made->value().property(u"ElementName").toString(), QStringLiteral("db offsite"));

        // The engine kept the certificate it checked the export against.
        const auto certificates = QDir(m_dir.filePath(QStringLiteral("local-c/data/peers")))
                                      .entryList(QDir::Dirs | QDir::NoDotAndDotDot);
        QCOMPARE(certificates.size(), 1);
        const QString certDir =
            m_dir.filePath(QStringLiteral("local-c/data/peers/")) + certificates.front();
        QUrl exportUrl = peer.nbd;
        exportUrl.setPath(u'/' + target);
        QByteArray readBack;
        QByteArray error;
        std::atomic_bool done = false;
        const QByteArray uri = exportUrl.toString().toUtf8();
        const QByteArray dir = certDir.toLocal8Bit();
        std::thread reader([&] {
            nbd_handle *h = nbd_create();
            nbd_set_tls_certificates(h, dir.constData());
            readBack = QByteArray(qsizetype(size), '\0');
            if (nbd_connect_uri(h, uri.constData()) == -1 ||
                nbd_pread(h, readBack.data(), size, 0, 0) == -1)
                error = nbd_get_error();
            nbd_shutdown(h, 0);
            nbd_close(h);
            done = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(done.load(), 60000);
        reader.join();
        QVERIFY2(error.isEmpty(), error.constData());
        QVERIFY(readBack == expected);

        // From outside, with Debian's NBD tools, as an administrator would check it.
        const QString tlsUri =
            exportUrl.toString() + QStringLiteral("?tls-certificates=") + certDir;
        if (!QStandardPaths::findExecutable(QStringLiteral("nbdinfo")).isEmpty()) {
            QProcess info;
            info.start(QStringLiteral("nbdinfo"), {QStringLiteral("--size"), tlsUri});
            QVERIFY(info.waitForFinished(60000));
            QVERIFY2(info.exitCode() == 0, info.readAllStandardError().constData());
            QCOMPARE(info.readAllStandardOutput().trimmed(), QByteArray::number(size));
        }
        if (!QStandardPaths::findExecutable(QStringLiteral("nbdcopy")).isEmpty()) {
            QProcess copy;
            copy.start(QStringLiteral("nbdcopy"), {tlsUri, QStringLiteral("-")});
            QVERIFY(copy.waitForFinished(60000));
            QVERIFY2(copy.exitCode() == 0, copy.readAllStandardError().constData());
            QVERIFY(copy.readAllStandardOutput() == expected);
        }
        // qemu-img compare of the source image with the export, over TLS checked against the
        // same certificate.
        const QString differ =
            qemuCompare(local->poolManager()->imagePath(source->deviceId), exportUrl, certDir);
        QVERIFY2(differ.isEmpty(), qPrintable(differ));

        local.reset();
        QVERIFY(stop(peer));
    }

    // Requests a peer cannot take get their documented code and make nothing, here or there;
    // a peer that is gone when the job reaches it ends the job in Exception with the reason.
    void badRequestsAndAPeerThatDiesLeaveNothing()
    {
        Daemon peer;
        QVERIFY(start(peer, QStringLiteral("peer-d")));
        std::unique_ptr<Engine> local = engineReaching(peer, QStringLiteral("local-d"));
        QVERIFY(local);
        const auto client = adminOf(peer);
        const int volumesBefore = peerVolumeCount(*client);
        auto source = local->poolManager()->createVolume(local->poolManager()->defaultPoolId(),
                                                         QStringLiteral("src"), 4 * MiB);
        QVERIFY(source.ok());
        auto request = [&](quint16 syncType, const QUrl &point) {
            return toPeer(syncType, QStringLiteral("local-d"), source->deviceId, point);
        };
        const int jobsBefore = int(local->jobManager()->jobs().size());
        struct Case
        {
            cim::Parameters in;
            cim::ReturnCode code;
        };
        cim::Parameters waiting = request(8, peer.nbd);
        waiting.set(QStringLiteral("WaitForCopyState"), Value::uint16(4));
        cim::Parameters intoExisting = request(6, peer.nbd); // the peer makes the targets
        intoExisting.set(QStringLiteral("TargetElements"),
                         refs({StorageVolumeProvider::volumePath(QStringLiteral("peer-d"),
                                                                 QStringLiteral("any"))}));
        cim::Parameters badMode = request(6, peer.nbd);
        badMode.set(QStringLiteral("Mode"), Value::uint16(4));
        const QList<Case> cases{
            {request(7, peer.nbd), cim::ReturnCode::NotSupported}, // snapshots stay local
            {intoExisting, cim::ReturnCode::NotSupported},
            {badMode, cim::ReturnCode::InvalidParameter},
            {request(8, QUrl(QStringLiteral("nbds://192.0.2.1:10809"))),
             cim::ReturnCode::InvalidParameter}, // no collection reaches it
            {waiting, cim::ReturnCode::NotSupported},
        };
        for (const Case &c : cases) {
            auto r = await(local->registry()->invokeMethod(
                {service(QStringLiteral("local-d")), QStringLiteral("CreateListReplica"), c.in}));
            QVERIFY(r);
            QVERIFY2(r->returnValue == quint32(c.code), qPrintable(r->message));
            QVERIFY(!r->message.isEmpty());
        }
        QCOMPARE(int(local->jobManager()->jobs().size()), jobsBefore);
        QCOMPARE(peerVolumeCount(*client), volumesBefore);

        // The peer is killed: the accepted request ends in Exception, saying why.
        peer.process.kill();
        QVERIFY(peer.process.waitForFinished(30000));
        ConcreteJob *job =
            startedJob(*local, await(local->registry()->invokeMethod(
                                   {service(QStringLiteral("local-d")),
                                    QStringLiteral("CreateListReplica"), request(8, peer.nbd)})));
        QVERIFY(job);
        QTRY_VERIFY_WITH_TIMEOUT(job->isFinished(), 60000);
        QCOMPARE(job->state(), cim::JobState::Exception);
        QVERIFY(job->error());
        QVERIFY2(job->error()->message.contains(QStringLiteral("peer")),
                 qPrintable(job->error()->message));
    }

    // The peer killed in the middle of a paced copy: the job ends in Exception saying why, and
    // the source is untouched and free; once the peer is back, the same request succeeds.
    void peerKilledMidCopyFailsTheJobAndARetryWorks()
    {
        Daemon peer;
        QVERIFY(start(peer, QStringLiteral("peer-e")));
        std::unique_ptr<Engine> local = engineReaching(peer, QStringLiteral("local-e"));
        QVERIFY(local);
        const quint64 size = 128 * MiB;
        auto source = local->poolManager()->createVolume(local->poolManager()->defaultPoolId(),
                                                         QStringLiteral("big"), size);
        QVERIFY(source.ok());
        auto device = local->poolManager()->device(source->deviceId);
        QVERIFY(device.ok());
        QByteArray chunk(qsizetype(4 * MiB), Qt::Uninitialized);
        for (quint64 at = 0; at < size; at += chunk.size()) {
            QRandomGenerator(quint32(at))
                .fillRange(reinterpret_cast<quint32 *>(chunk.data()), chunk.size() / 4);
            QVERIFY(device.value()->write(at, std::span<const char>(chunk.data(), chunk.size())));
        }
        const QByteArray before = QCryptographicHash::hash(
            [&] {
                QFile f(local->poolManager()->imagePath(source->deviceId));
                return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
            }(),
            QCryptographicHash::Sha256);

        // CopyPriority Low paces the copy (64 MiB/s), so there is a middle to kill it in.
        cim::Instance settings(QStringLiteral("CIM_ReplicationSettingData"));
        settings.setProperty(QStringLiteral("CopyPriority"), Value::uint16(1));
        cim::Parameters in = toPeer(quint16(cim::SyncType::Clone), QStringLiteral("local-e"),
                                    source->deviceId, peer.nbd);
        in.set(QStringLiteral("ReplicationSettingData"),
               Value::string(cim::cimxml::writeInstance(settings)));
        const cim::MethodCall call{service(QStringLiteral("local-e")),
                                   QStringLiteral("CreateListReplica"), in};
        ConcreteJob *job = startedJob(*local, await(local->registry()->invokeMethod(call)));
        QVERIFY(job);
        QTRY_VERIFY_WITH_TIMEOUT(job->percentComplete() >= 10 || job->isFinished(), 30000);
        QVERIFY2(!job->isFinished(), "the copy ended before the peer could be killed");
        peer.process.kill();
        QVERIFY(peer.process.waitForFinished(30000));
        QTRY_VERIFY_WITH_TIMEOUT(job->isFinished(), 60000);
        QCOMPARE(job->state(), cim::JobState::Exception);
        QVERIFY(job->error());
        QVERIFY2(job->error()->message.startsWith(QStringLiteral("Copying to the peer failed")),
                 qPrintable(job->error()->message));
        QVERIFY(!local->replication()->isInUse(source->deviceId));
        QFile image(local->poolManager()->imagePath(source->deviceId));
        QVERIFY(image.open(QIODevice::ReadOnly));
        QCOMPARE(QCryptographicHash::hash(image.readAll(), QCryptographicHash::Sha256), before);

        // The peer back on its old ports: the collection reaches it again.
        Daemon again;
        QVERIFY(start(again, QStringLiteral("peer-e"),
                      {QStringLiteral("--port"), QString::number(peer.wsman.port()),
                       QStringLiteral("--nbd-port"), QString::number(peer.nbd.port())}));
        ConcreteJob *second = startedJob(*local, await(local->registry()->invokeMethod(call)));
        QVERIFY(second);
        QTRY_VERIFY_WITH_TIMEOUT(second->isFinished(), 60000);
        QVERIFY2(second->state() == cim::JobState::Completed,
                 qPrintable(second->error() ? second->error()->message : QString()));

        // Terminated in the middle: the job ends Terminated and the peer's half-made volume goes
        // back to its pool once the copy's connection has closed.
        const auto client = adminOf(again);
        const int volumesBefore = peerVolumeCount(*client);
        ConcreteJob *third = startedJob(*local, await(local->registry()->invokeMethod(call)));
        QVERIFY(third);
        QTRY_VERIFY_WITH_TIMEOUT(third->percentComplete() >= 10 || third->isFinished(), 30000);
        QVERIFY2(!third->isFinished(), "the copy ended before it could be terminated");
        auto stopped = await(local->jobManager()->requestStateChange(third->instanceId(), 4));
        QVERIFY(stopped);
        QCOMPARE(stopped->returnValue, quint32(cim::ReturnCode::Completed));
        QTRY_COMPARE_WITH_TIMEOUT(third->state(), cim::JobState::Terminated, 30000);
        QTRY_COMPARE_WITH_TIMEOUT(peerVolumeCount(*client), volumesBefore, 10000);
        local.reset();
        QVERIFY(stop(again));
    }

    // A peer whose certificate is not the one pinned for it (a different daemon answering at its
    // address, say) is refused with the fingerprint it showed; nothing is recorded.
    void peerWithAnotherCertificateIsRefused()
    {
        Daemon peer;
        QVERIFY(start(peer, QStringLiteral("peer-f")));
        std::unique_ptr<Engine> local = openEngine(QStringLiteral("local-f"));
        QVERIFY(local);
        QString pinned = peer.fingerprint;
        pinned.replace(0, 2,
                       pinned.startsWith(QStringLiteral("00")) ? QStringLiteral("11")
                                                               : QStringLiteral("00"));
        ConcreteJob *job = recordPeer(*local, peer, pinned);
        QVERIFY(job);
        QCOMPARE(job->state(), cim::JobState::Exception);
        QVERIFY(job->error());
        QVERIFY2(job->error()->message.contains(QStringLiteral("not trusted")) &&
                     job->error()->message.contains(peer.fingerprint, Qt::CaseInsensitive),
                 qPrintable(job->error()->message));
        auto recorded = local->registry()->enumerateInstances(RemoteCollections::collectionClass());
        QVERIFY(recorded);
        QVERIFY(recorded->isEmpty());
        local.reset();
        QVERIFY(stop(peer));
    }

    // Without TLS nobody can be told apart: NBD stays on loopback unless the operator says so.
    void plainNbdStaysOnLoopbackUnlessTold()
    {
        QProcess daemon;
        daemon.start(kDaemon,
                     {QStringLiteral("--data-dir"), m_dir.filePath(QStringLiteral("any")),
                      QStringLiteral("--users"), m_dir.filePath(QStringLiteral("users")),
                      QStringLiteral("--listen"), QStringLiteral("0.0.0.0"),
                      QStringLiteral("--insecure-http"), QStringLiteral("--port"),
                      QStringLiteral("0"), QStringLiteral("--nbd-port"), QStringLiteral("0")});
        QVERIFY(daemon.waitForFinished(30000));
        QVERIFY(daemon.exitCode() != 0);
        QVERIFY(daemon.readAllStandardError().contains("--nbd-insecure"));
    }
};

QTEST_GUILESS_MAIN(TstRemoteDaemon)
#include "tst_remotedaemon.moc"
