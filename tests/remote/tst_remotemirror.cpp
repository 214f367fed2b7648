// Mirrors across systems: an engine in this process mirrors a volume to replicadesk-engined (its
// replica made there over WS-Man, the blocks over the peer's NBD export with TLS). What a storage
// administrator relies on is checked on the peer's side of the wire: the export holds the source's
// bytes (libnbd, qemu-img compare); a write acknowledged while the peer was dead is there after
// the Resync, which copied only what changed; a fractured replica written on the peer is put
// right by a Resync; a restarted local engine keeps mirroring; a cut link (network namespaces,
// where the machine allows them) turns the pair Broken instead of hanging.

#include "daemontestsupport.h"

#include "db/database.h"
#include "remote/peervolumes.h"
#include "wsman/selfsignedcertificate.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QScopeGuard>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>

#include <libnbd.h>

#include <csignal>

using namespace rd;
using namespace rd::engine;
using namespace rd::testing;
using cim::CopyState;
using cim::Value;

namespace {

constexpr quint64 KiB = 1 << 10;

// A peer's export opened from this process as an outsider would (libnbd, TLS against the
// certificate the engine kept); the peer runs in its own process, so blocking here is fine.
class Export
{
public:
    Export(const QUrl &url, const QString &certificates)
        : m_handle(nbd_create())
    {
        if (!certificates.isEmpty())
            nbd_set_tls_certificates(m_handle, certificates.toLocal8Bit().constData());
        if (nbd_connect_uri(m_handle, url.toString().toUtf8().constData()) == -1)
            m_error = QString::fromUtf8(nbd_get_error());
    }
    ~Export()
    {
        if (m_error.isEmpty())
            nbd_shutdown(m_handle, 0);
        nbd_close(m_handle);
    }
    Q_DISABLE_COPY_MOVE(Export)

    QString error() const { return m_error; }
    QByteArray read(quint64 size)
    {
        QByteArray out(qsizetype(size), '\0');
        if (!m_error.isEmpty() || nbd_pread(m_handle, out.data(), size, 0, 0) == -1)
            return {};
        return out;
    }
    bool write(quint64 offset, const QByteArray &data)
    {
        return m_error.isEmpty() &&
               nbd_pwrite(m_handle, data.constData(), data.size(), offset, 0) != -1 &&
               nbd_flush(m_handle, 0) != -1;
    }

private:
    nbd_handle *m_handle;
    QString m_error;
};

QByteArray pattern(quint64 size, quint32 seed)
{
    QByteArray data(qsizetype(size), Qt::Uninitialized);
    QRandomGenerator(seed).fillRange(reinterpret_cast<quint32 *>(data.data()), data.size() / 4);
    return data;
}

} // namespace

class TstRemoteMirror : public DaemonFixture
{
    Q_OBJECT

    struct Mirror
    {
        ReplicaVolume source;
        QByteArray bytes; // what the source holds
        SyncRecord pair;
        QUrl exportUrl; // the replica's export on the peer
        QString certificates;
    };

    // A filled source volume mirrored to the peer in the given mode, Synchronized; false (with
    // the reason in the test output) when it does not get there.
    bool mirrorToPeer(Engine &local, const Daemon &peer, quint16 mode, quint64 size, Mirror &m)
    {
        auto made = local.poolManager()->createVolume(local.poolManager()->defaultPoolId(),
                                                      QStringLiteral("db"), size);
        if (!made.ok())
            return false;
        m.source = ReplicaVolume{made->deviceId, made->elementName, {}, made->size, {}};
        m.bytes = fillVolume(local, made->deviceId, size);
        cim::Parameters in =
            toPeer(quint16(cim::SyncType::Mirror), local.systemName(), made->deviceId, peer.nbd);
        in.set(QStringLiteral("Mode"), Value::uint16(mode));
        auto r = await(local.registry()->invokeMethod(
            {service(local.systemName()), QStringLiteral("CreateListReplica"), in}));
        ConcreteJob *job = startedJob(local, r);
        if (!job) {
            qWarning() << "not started:" << (r ? r->message : QStringLiteral("no answer"));
            return false;
        }
        if (!QTest::qWaitFor([job] { return job->isFinished(); }, 60000) ||
            job->state() != cim::JobState::Completed) {
            qWarning() << "job:" << (job->error() ? job->error()->message : QString());
            return false;
        }
        const auto pair = pairOf(local, made->deviceId);
        if (!pair || pair->copyState != quint16(CopyState::Synchronized))
            return false;
        m.pair = *pair;
        const cim::ObjectPath target = *cim::ObjectPath::fromString(pair->targetPath);
        m.exportUrl = peer.nbd;
        m.exportUrl.setPath(u'/' + target.key(u"DeviceID").toString());
        const auto kept = QDir(local.options().dataDirectory + QStringLiteral("/peers"))
                              .entryList(QDir::Dirs | QDir::NoDotAndDotDot);
        m.certificates = kept.isEmpty() ? QString()
                                        : local.options().dataDirectory +
                                              QStringLiteral("/peers/") + kept.front();
        return true;
    }

    static std::optional<SyncRecord> pairOf(Engine &local, const QString &sourceId)
    {
        for (const SyncRecord &s : local.replication()->synchronizations()) {
            if (s.sourceDeviceId == sourceId)
                return s;
        }
        return std::nullopt;
    }

    static quint16 copyState(Engine &local, const QString &sourceId)
    {
        const auto s = pairOf(local, sourceId);
        return s ? s->copyState : 0;
    }

    static cim::MethodResult modify(Engine &local, const SyncRecord &pair, cim::SyncOperation op)
    {
        cim::Parameters in;
        in.set(QStringLiteral("Operation"), Value::uint16(quint16(op)));
        in.set(QStringLiteral("Synchronization"),
               Value::reference(local.replication()->synchronizedInstance(pair).path()));
        auto r = await(local.registry()->invokeMethod(
            {service(local.systemName()), QStringLiteral("ModifyReplicaSynchronization"), in}));
        return r ? *r : cim::MethodResult::failure(1, QStringLiteral("no answer"));
    }

    static bool write(Engine &local, const QString &deviceId, quint64 offset,
                      const QByteArray &data, QByteArray &bytes)
    {
        auto device = local.poolManager()->device(deviceId);
        if (!device || !device.value()->write(offset, std::span(data.constData(), data.size())))
            return false;
        bytes.replace(qsizetype(offset), data.size(), data);
        return true;
    }

    static int peerVolumeRows(Engine &local)
    {
        QSqlQuery q(QSqlDatabase::database(local.database()->connectionName(), false));
        return q.exec(QStringLiteral("SELECT COUNT(*) FROM peer_volumes")) && q.next()
                   ? q.value(0).toInt()
                   : -1;
    }

    static bool run(const QString &program, const QStringList &arguments, QString *error = nullptr)
    {
        QProcess p;
        p.start(program, arguments);
        if (!p.waitForFinished(30000) || p.exitStatus() != QProcess::NormalExit ||
            p.exitCode() != 0) {
            if (error)
                *error = QString::fromLocal8Bit(p.readAllStandardError()).trimmed();
            return false;
        }
        return true;
    }

    static bool ip(const QStringList &arguments, QString *error = nullptr)
    {
        return run(QStringLiteral("ip"), arguments, error);
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(writeUsers()); }

    // Mode 2: every acknowledged write is on the peer when the call returns. The peer killed:
    // the next write is still acknowledged (it lands here and is marked dirty) and the pair turns
    // Broken; more writes are only marked. The peer back on its ports: Resync copies only the
    // marked chunks, and the export then equals the source, the write made while it was dead
    // included — seen through libnbd and by qemu-img compare against the source's image.
    void synchronousMirrorSurvivesThePeerDyingAndResyncsOnlyWhatChanged()
    {
        Daemon peer;
        QVERIFY(start(peer, QStringLiteral("peer-m")));
        std::unique_ptr<Engine> local = engineReaching(peer, QStringLiteral("local-m"));
        QVERIFY(local);
        const quint64 size = 16 * MiB;
        Mirror m;
        QVERIFY(mirrorToPeer(*local, peer, quint16(cim::Mode::Synchronous), size, m));
        QVERIFY(m.pair.targetDeviceId.startsWith(QStringLiteral("peer:")));
        QCOMPARE(m.pair.mode, quint16(cim::Mode::Synchronous));
        QCOMPARE(cim::ObjectPath::fromString(m.pair.targetPath)->key(u"SystemName").toString(),
                 QStringLiteral("peer-m"));
        QCOMPARE(peerVolumeRows(*local), 1);
        {
            Export replica(m.exportUrl, m.certificates);
            QVERIFY2(replica.error().isEmpty(), qPrintable(replica.error()));
            QVERIFY(replica.read(size) == m.bytes);
        }

        // On the peer, the replica cannot be deleted while this engine writes into it.
        {
            const auto admin = adminOf(peer);
            auto services =
                await(admin->enumerateInstances(QStringLiteral("CIM_StorageConfigurationService")));
            QVERIFY(services && services->ok() && !services->value().isEmpty());
            cim::Parameters in;
            in.set(QStringLiteral("TheElement"),
                   Value::reference(*cim::ObjectPath::fromString(m.pair.targetPath)));
            auto refused = await(admin->invokeMethod(
                {services->value().front().path(), QStringLiteral("ReturnToStoragePool"), in}));
            QVERIFY(refused);
            QCOMPARE(refused->returnValue, quint32(cim::ReturnCode::InUse));
            QVERIFY2(refused->message.contains(QStringLiteral("NBD client")),
                     qPrintable(refused->message));
        }

        // In step: a write is on the peer before it returns.
        QVERIFY(write(*local, m.source.deviceId, 3 * MiB + 4 * KiB, pattern(8 * KiB, 1), m.bytes));
        {
            Export replica(m.exportUrl, m.certificates);
            QVERIFY(replica.read(size) == m.bytes);
        }

        peer.process.kill();
        QVERIFY(peer.process.waitForFinished(30000));
        // Acknowledged although the peer is gone: it is on the source and in the dirty map.
        QVERIFY(write(*local, m.source.deviceId, 5 * MiB, pattern(64 * KiB, 2), m.bytes));
        QTRY_COMPARE_WITH_TIMEOUT(copyState(*local, m.source.deviceId), quint16(CopyState::Broken),
                                  30000);
        QVERIFY(write(*local, m.source.deviceId, 9 * MiB, pattern(64 * KiB, 3), m.bytes));
        QVERIFY(write(*local, m.source.deviceId, 12 * MiB + 512, pattern(512, 4), m.bytes));
        const SyncRecord broken = *pairOf(*local, m.source.deviceId);
        QCOMPARE(local->replication()->mirrorDirtyBytes(broken.id), 3 * 64 * KiB);

        // While the peer is still down, Resync says why it cannot and the pair stays Broken.
        const cim::MethodResult early = modify(*local, broken, cim::SyncOperation::ResyncReplica);
        if (early.returnValue == quint32(cim::ReturnCode::JobStarted)) {
            ConcreteJob *job = local->jobManager()->job(
                early.out.value(u"Job").toReference().key(u"InstanceID").toString());
            QVERIFY(job);
            QTRY_VERIFY_WITH_TIMEOUT(job->isFinished(), 30000);
            QCOMPARE(job->state(), cim::JobState::Exception);
            QVERIFY2(job->error() && job->error()->message.contains(QStringLiteral("NBD")),
                     qPrintable(job->error() ? job->error()->message : QString()));
        }
        QTRY_COMPARE_WITH_TIMEOUT(copyState(*local, m.source.deviceId), quint16(CopyState::Broken),
                                  30000);

        Daemon again;
        QVERIFY(start(again, QStringLiteral("peer-m"),
                      {QStringLiteral("--port"), QString::number(peer.wsman.port()),
                       QStringLiteral("--nbd-port"), QString::number(peer.nbd.port())}));
        const quint64 before = local->replication()->replicaBytesCopied(broken.id);
        const cim::MethodResult resync = modify(*local, broken, cim::SyncOperation::ResyncReplica);
        QVERIFY2(resync.returnValue == quint32(cim::ReturnCode::JobStarted) ||
                     resync.returnValue == quint32(cim::ReturnCode::Completed),
                 qPrintable(resync.message));
        QTRY_COMPARE_WITH_TIMEOUT(copyState(*local, m.source.deviceId),
                                  quint16(CopyState::Synchronized), 30000);
        // Only the three marked chunks crossed the wire again, not the 16 MiB (the data in
        // them: the third holds one written block, the rest of it is a hole there).
        const quint64 copied = local->replication()->replicaBytesCopied(broken.id) - before;
        QVERIFY2(copied >= 2 * 64 * KiB + 512 && copied <= 3 * 64 * KiB,
                 qPrintable(QString::number(copied)));
        {
            Export replica(m.exportUrl, m.certificates);
            QVERIFY2(replica.error().isEmpty(), qPrintable(replica.error()));
            QVERIFY(replica.read(size) == m.bytes);
        }
        const QString differ = qemuCompare(local->poolManager()->imagePath(m.source.deviceId),
                                           m.exportUrl, m.certificates);
        QVERIFY2(differ.isEmpty(), qPrintable(differ));

        // Detach: the pair goes, the replica stays on the peer as a volume of its own, and this
        // engine forgets it.
        QCOMPARE(modify(*local, *pairOf(*local, m.source.deviceId), cim::SyncOperation::Detach)
                     .returnValue,
                 quint32(cim::ReturnCode::Completed));
        QVERIFY(!pairOf(*local, m.source.deviceId));
        QCOMPARE(peerVolumeRows(*local), 0);
        {
            Export replica(m.exportUrl, m.certificates);
            QVERIFY(replica.read(size) == m.bytes);
        }
        local.reset();
        QVERIFY(stop(again));
    }

    // Mode 3: writes reach the peer soon after; fractured, the replica keeps its point in time
    // and belongs to the peer's hosts. Their writes there cannot be seen from here, so the Resync
    // that follows copies every chunk again, and the export equals the source once more.
    void asynchronousMirrorFracturedAndWrittenOnThePeerIsPutRight()
    {
        Daemon peer;
        QVERIFY(start(peer, QStringLiteral("peer-n")));
        std::unique_ptr<Engine> local = engineReaching(peer, QStringLiteral("local-n"));
        QVERIFY(local);
        const quint64 size = 8 * MiB;
        Mirror m;
        QVERIFY(mirrorToPeer(*local, peer, quint16(cim::Mode::Asynchronous), size, m));
        QVERIFY(write(*local, m.source.deviceId, MiB, pattern(128 * KiB, 5), m.bytes));
        QTRY_COMPARE_WITH_TIMEOUT(local->replication()->mirrorDirtyBytes(m.pair.id), quint64(0),
                                  30000);
        QCOMPARE(modify(*local, m.pair, cim::SyncOperation::Fracture).returnValue,
                 quint32(cim::ReturnCode::Completed));
        QCOMPARE(copyState(*local, m.source.deviceId), quint16(CopyState::Fractured));
        const QByteArray pointInTime = m.bytes;
        QVERIFY(write(*local, m.source.deviceId, 2 * MiB, pattern(64 * KiB, 6), m.bytes));
        {
            Export replica(m.exportUrl, m.certificates);
            QVERIFY(replica.read(size) == pointInTime);
            // A host on the peer writes the fractured replica where the source has a hole.
            QVERIFY(replica.write(6 * MiB, pattern(64 * KiB, 7)));
        }
        const quint64 before = local->replication()->replicaBytesCopied(m.pair.id);
        const cim::MethodResult resync = modify(*local, m.pair, cim::SyncOperation::ResyncReplica);
        QVERIFY2(resync.returnValue == quint32(cim::ReturnCode::JobStarted),
                 qPrintable(resync.message));
        QTRY_COMPARE_WITH_TIMEOUT(copyState(*local, m.source.deviceId),
                                  quint16(CopyState::Synchronized), 30000);
        QVERIFY(local->replication()->replicaBytesCopied(m.pair.id) - before >= 2 * MiB);
        Export replica(m.exportUrl, m.certificates);
        QVERIFY(replica.read(size) == m.bytes);
        local.reset();
        QVERIFY(stop(peer));
    }

    // The local engine stops and opens again: the pair and its peer volume come back from the
    // catalog, the connection is made again on the first write, and the mirror stays in step.
    void mirrorToPeerOutlivesARestartOfThisEngine()
    {
        Daemon peer;
        QVERIFY(start(peer, QStringLiteral("peer-o")));
        std::unique_ptr<Engine> local = engineReaching(peer, QStringLiteral("local-o"));
        QVERIFY(local);
        const quint64 size = 4 * MiB;
        Mirror m;
        QVERIFY(mirrorToPeer(*local, peer, quint16(cim::Mode::Synchronous), size, m));
        local.reset();

        local = openEngine(QStringLiteral("local-o"));
        QVERIFY(local);
        // The chunks the map still marked are compared again over the new connection.
        QTRY_COMPARE_WITH_TIMEOUT(copyState(*local, m.source.deviceId),
                                  quint16(CopyState::Synchronized), 30000);
        QCOMPARE(peerVolumeRows(*local), 1);
        QVERIFY(write(*local, m.source.deviceId, 1 * MiB, pattern(256 * KiB, 8), m.bytes));
        QCOMPARE(copyState(*local, m.source.deviceId), quint16(CopyState::Synchronized));
        Export replica(m.exportUrl, m.certificates);
        QVERIFY(replica.read(size) == m.bytes);
        local.reset();
        QVERIFY(stop(peer));
    }

    // Several volumes in one request (ConsistentPointInTime): one job, one pair each on the
    // peer; a list-wide Fracture fixes both replicas at the same instant, and later writes to
    // the sources stay here.
    void severalVolumesMirroredAndFracturedTogether()
    {
        Daemon peer;
        QVERIFY(start(peer, QStringLiteral("peer-r")));
        std::unique_ptr<Engine> local = engineReaching(peer, QStringLiteral("local-r"));
        QVERIFY(local);
        const quint64 size = 4 * MiB;
        QList<cim::ObjectPath> sources;
        QList<QByteArray> bytes;
        QStringList ids;
        for (const QString &name : {QStringLiteral("data"), QStringLiteral("log")}) {
            auto made = local->poolManager()->createVolume(local->poolManager()->defaultPoolId(),
                                                           name, size);
            QVERIFY(made.ok());
            ids.append(made->deviceId);
            bytes.append(fillVolume(*local, made->deviceId, size));
            sources.append(
                StorageVolumeProvider::volumePath(QStringLiteral("local-r"), made->deviceId));
        }
        cim::Parameters in = toPeer(quint16(cim::SyncType::Mirror), QStringLiteral("local-r"),
                                    ids.front(), peer.nbd);
        in.set(QStringLiteral("SourceElements"), refs(sources));
        in.set(QStringLiteral("Mode"), Value::uint16(quint16(cim::Mode::Asynchronous)));
        cim::Instance settings(QStringLiteral("CIM_ReplicationSettingData"));
        settings.setProperty(QStringLiteral("ConsistentPointInTime"), Value::boolean(true));
        in.set(QStringLiteral("ReplicationSettingData"),
               Value::string(cim::cimxml::writeInstance(settings)));
        auto r = await(local->registry()->invokeMethod(
            {service(QStringLiteral("local-r")), QStringLiteral("CreateListReplica"), in}));
        ConcreteJob *job = startedJob(*local, r);
        QVERIFY2(job, r ? qPrintable(r->message) : "no answer");
        QTRY_VERIFY_WITH_TIMEOUT(job->isFinished(), 60000);
        QVERIFY2(job->state() == cim::JobState::Completed,
                 qPrintable(job->error() ? job->error()->message : QString()));
        QCOMPARE(job->affectedElements().size(), 2);

        QList<Value> pairs;
        QList<QUrl> exports;
        for (const QString &id : std::as_const(ids)) {
            const auto pair = pairOf(*local, id);
            QVERIFY(pair);
            QCOMPARE(pair->copyState, quint16(CopyState::Synchronized));
            pairs.append(
                Value::reference(local->replication()->synchronizedInstance(*pair).path()));
            QUrl url = peer.nbd;
            url.setPath(u'/' +
                        cim::ObjectPath::fromString(pair->targetPath)->key(u"DeviceID").toString());
            exports.append(url);
        }
        cim::Parameters fracture;
        fracture.set(QStringLiteral("Operation"),
                     Value::uint16(quint16(cim::SyncOperation::Fracture)));
        fracture.set(QStringLiteral("Synchronization"),
                     Value::array(cim::CimType::Reference, pairs));
        auto fractured = await(local->registry()->invokeMethod(
            {service(QStringLiteral("local-r")), QStringLiteral("ModifyListSynchronization"),
             fracture}));
        QVERIFY(fractured);
        QVERIFY2(fractured->returnValue == quint32(cim::ReturnCode::Completed),
                 qPrintable(fractured->message));
        for (qsizetype i = 0; i < ids.size(); ++i) {
            QByteArray later = bytes.at(i);
            QVERIFY(write(*local, ids.at(i), 2 * MiB, pattern(64 * KiB, 20 + quint32(i)), later));
        }
        const auto kept = QDir(m_dir.filePath(QStringLiteral("local-r/data/peers")))
                              .entryList(QDir::Dirs | QDir::NoDotAndDotDot);
        QCOMPARE(kept.size(), 1);
        for (qsizetype i = 0; i < ids.size(); ++i) {
            Export replica(exports.at(i),
                           m_dir.filePath(QStringLiteral("local-r/data/peers/") + kept.front()));
            QVERIFY2(replica.error().isEmpty(), qPrintable(replica.error()));
            QVERIFY(replica.read(size) == bytes.at(i));
        }
        local.reset();
        QVERIFY(stop(peer));
    }

    // The peer in a network namespace of its own, reached over a veth link: the link cut in the
    // middle of a synchronous mirror (no reset, no answer: packets just vanish) holds a write
    // only until the peer timeout, then the write is acknowledged, the pair turns Broken and
    // the write waits in the dirty map; the link back, Resync makes the replica equal again.
    void cutLinkTurnsTheMirrorBrokenAndResyncPutsItRight()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("ip")).isEmpty())
            QSKIP("iproute2 (ip) is not installed.");
        const QString tag = QString::number(QCoreApplication::applicationPid() % 100000);
        const QString ns = QStringLiteral("rdmirror") + tag;
        const QString here = QStringLiteral("rdh") + tag;
        const QString there = QStringLiteral("rdp") + tag;
        QString why;
        if (!ip({QStringLiteral("netns"), QStringLiteral("add"), ns}, &why))
            QSKIP(qPrintable(QStringLiteral("network namespaces are not available here: ") + why));
        auto cleanup = qScopeGuard([&] {
            ip({QStringLiteral("link"), QStringLiteral("del"), here});
            ip({QStringLiteral("netns"), QStringLiteral("del"), ns});
        });
        const QString subnet = QStringLiteral("10.213.%1.").arg(tag.toInt() % 250);
        const QString hereAddress = subnet + QStringLiteral("1");
        const QString peerAddress = subnet + QStringLiteral("2");
        const QString inNs = QStringLiteral("netns");
        for (const QStringList &step : QList<QStringList>{
                 {QStringLiteral("link"), QStringLiteral("add"), here, QStringLiteral("type"),
                  QStringLiteral("veth"), QStringLiteral("peer"), QStringLiteral("name"), there},
                 {QStringLiteral("link"), QStringLiteral("set"), there, inNs, ns},
                 {QStringLiteral("addr"), QStringLiteral("add"),
                  hereAddress + QStringLiteral("/30"), QStringLiteral("dev"), here},
                 {QStringLiteral("link"), QStringLiteral("set"), here, QStringLiteral("up")},
                 {QStringLiteral("-n"), ns, QStringLiteral("addr"), QStringLiteral("add"),
                  peerAddress + QStringLiteral("/30"), QStringLiteral("dev"), there},
                 {QStringLiteral("-n"), ns, QStringLiteral("link"), QStringLiteral("set"), there,
                  QStringLiteral("up")},
                 {QStringLiteral("-n"), ns, QStringLiteral("link"), QStringLiteral("set"),
                  QStringLiteral("lo"), QStringLiteral("up")}}) {
            if (!ip(step, &why))
                QSKIP(qPrintable(QStringLiteral("the veth link cannot be set up here: ") + why));
        }

        // Off loopback, NBD admits a client by the certificate it signed in to WS-Man with.
        Daemon peer;
        peer.launcher = {QStringLiteral("ip"), QStringLiteral("netns"), QStringLiteral("exec"), ns};
        QVERIFY(start(peer, QStringLiteral("peer-q"), {QStringLiteral("--listen"), peerAddress}));
        QCOMPARE(peer.nbd.host(), peerAddress);
        constexpr int timeoutMs = 2000;
        std::unique_ptr<Engine> local = engineReaching(peer, QStringLiteral("local-q"), timeoutMs);
        QVERIFY(local);
        const quint64 size = 4 * MiB;
        Mirror m;
        QVERIFY(mirrorToPeer(*local, peer, quint16(cim::Mode::Synchronous), size, m));
        QVERIFY(QFile::exists(m.certificates + QStringLiteral("/client-cert.pem")));
        {
            // The peer's certificate alone (no client certificate), and a certificate that never
            // signed in: refused, with the reason.
            const QString bare = m_dir.filePath(QStringLiteral("bare-client"));
            QVERIFY(QDir().mkpath(bare));
            QVERIFY(QFile::copy(m.certificates + QStringLiteral("/ca-cert.pem"),
                                bare + QStringLiteral("/ca-cert.pem")));
            Export anonymous(m.exportUrl, bare);
            QVERIFY2(anonymous.error().contains(QStringLiteral("policy")),
                     qPrintable(anonymous.error()));
            QTRY_VERIFY(
                peer.log.contains("admits hosts by a pre-shared key or a client certificate"));
            const auto stranger =
                wsman::makeSelfSignedCertificate(QStringLiteral("stranger"), {}, {});
            QVERIFY(stranger);
            QFile cert(bare + QStringLiteral("/client-cert.pem"));
            QFile key(bare + QStringLiteral("/client-key.pem"));
            QVERIFY(cert.open(QIODevice::WriteOnly) && key.open(QIODevice::WriteOnly));
            cert.write(stranger->certificate.toPem());
            key.write(stranger->privateKey.toPem());
            cert.close();
            key.close();
            Export unknown(m.exportUrl, bare);
            QVERIFY2(unknown.error().contains(QStringLiteral("policy")),
                     qPrintable(unknown.error()));
            QTRY_VERIFY(
                peer.log.contains("This certificate never signed in to WS-Management here"));
        }

        QVERIFY(ip({QStringLiteral("link"), QStringLiteral("set"), here, QStringLiteral("down")}));
        QElapsedTimer held;
        held.start();
        QVERIFY(write(*local, m.source.deviceId, MiB, pattern(64 * KiB, 9), m.bytes));
        // Held while the peer might still answer, released by the deadline rather than by TCP.
        QVERIFY2(held.elapsed() < 10 * timeoutMs, qPrintable(QString::number(held.elapsed())));
        QTRY_COMPARE_WITH_TIMEOUT(copyState(*local, m.source.deviceId), quint16(CopyState::Broken),
                                  30000);
        QVERIFY(write(*local, m.source.deviceId, 3 * MiB, pattern(64 * KiB, 10), m.bytes));

        QVERIFY(ip({QStringLiteral("link"), QStringLiteral("set"), here, QStringLiteral("up")}));
        // The link needs a moment to carry traffic again: Resync until a copy gets through.
        const SyncRecord broken = *pairOf(*local, m.source.deviceId);
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                if (copyState(*local, m.source.deviceId) == quint16(CopyState::Broken))
                    modify(*local, broken, cim::SyncOperation::ResyncReplica);
                return copyState(*local, m.source.deviceId) == quint16(CopyState::Synchronized);
            }(),
            60000);
        Export replica(m.exportUrl, m.certificates);
        QVERIFY2(replica.error().isEmpty(), qPrintable(replica.error()));
        QVERIFY(replica.read(size) == m.bytes);

        local.reset();
        QVERIFY(stop(peer));
    }

    // A request for replicas on a peer is checked by the same rules as one made here, before
    // anything happens on the peer: the replica of a local mirror cannot be mirrored anywhere,
    // and the refusal names SourceElements.
    void mirrorOfAMirrorsReplicaIsRefusedBeforeThePeerIsAsked()
    {
        Daemon peer;
        QVERIFY(start(peer, QStringLiteral("peer-v")));
        std::unique_ptr<Engine> local = engineReaching(peer, QStringLiteral("local-v"));
        QVERIFY(local);
        auto made = local->poolManager()->createVolume(local->poolManager()->defaultPoolId(),
                                                       QStringLiteral("db"), 1 * MiB);
        QVERIFY(made.ok());
        cim::Parameters here;
        here.set(QStringLiteral("SyncType"), Value::uint16(quint16(cim::SyncType::Mirror)));
        here.set(QStringLiteral("SourceElements"),
                 refs({StorageVolumeProvider::volumePath(local->systemName(), made->deviceId)}));
        auto mirrored = await(local->registry()->invokeMethod(
            {service(local->systemName()), QStringLiteral("CreateListReplica"), here}));
        QVERIFY(startedJob(*local, mirrored));
        const auto pair = pairOf(*local, made->deviceId);
        QVERIFY(pair);
        const qsizetype jobsBefore = local->jobManager()->jobs().size();

        cim::Parameters in = toPeer(quint16(cim::SyncType::Mirror), local->systemName(),
                                    pair->targetDeviceId, peer.nbd);
        auto r = await(local->registry()->invokeMethod(
            {service(local->systemName()), QStringLiteral("CreateListReplica"), in}));
        QVERIFY(r);
        QCOMPARE(r->returnValue, quint32(cim::ReturnCode::InUse));
        QCOMPARE(r->parameter, QStringLiteral("SourceElements"));
        QCOMPARE(local->jobManager()->jobs().size(), jobsBefore);
        QCOMPARE(peerVolumeRows(*local), 0);

        local.reset();
        QVERIFY(stop(peer));
    }
};

QTEST_GUILESS_MAIN(TstRemoteMirror)
#include "tst_remotemirror.moc"
