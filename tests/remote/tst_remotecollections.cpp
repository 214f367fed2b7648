// CreateRemoteReplicationCollection / AddToRemoteReplicationCollection between two engines in one
// process: the peer behind a real WS-Man server on a loopback port, the local engine driven
// through its registry on the ReplicationService's path, as a client would.

#include "testsupport.h"

#include "remote/remotecollections.h"

#include "cim/enums.h"
#include "engine.h"
#include "jobs/concretejob.h"
#include "jobs/jobmanager.h"
#include "provider/computersystemprovider.h"
#include "remote/peerdirectory.h"
#include "replication/replicationservice.h"
#include "wsman/wsmanserver.h"
#include "wsman/wsmantransport.h"

#include <QScopeGuard>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace rd;
using namespace rd::engine;
using cim::Value;
using rd::test::await;
using rd::test::refs;

namespace {

// Answers every HTTP request with a web page: something that listens but is no WS-Man engine.
class NotAnEngine : public QTcpServer
{
public:
    NotAnEngine()
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *s = nextPendingConnection()) {
                connect(s, &QTcpSocket::readyRead, s, [s] {
                    s->readAll();
                    s->write("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 13\r\n"
                             "Connection: close\r\n\r\n<html></html>");
                    s->disconnectFromHost();
                });
                connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
            }
        });
    }
};

} // namespace

class TstRemoteCollections : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<Engine> m_local;
    std::unique_ptr<Engine> m_peer;
    std::unique_ptr<wsman::WsmanServer> m_peerServer;
    QUrl m_peerUrl;
    QString m_password = QStringLiteral("pw");
    const QUrl m_localWsman = QUrl(QStringLiteral("https://127.0.0.1:5986/wsman"));
    const QUrl m_localNbd = QUrl(QStringLiteral("nbd://127.0.0.1:10809"));

    RemoteCollections *remote() const { return m_local->remoteCollections(); }

    cim::ObjectPath service() const
    {
        return cim::ObjectPath(
            ProviderRegistry::defaultNameSpace(), ReplicationService::serviceClass(),
            {{QStringLiteral("CreationClassName"),
              Value::string(ReplicationService::serviceClass())},
             {QStringLiteral("Name"), Value::string(QStringLiteral("x"))},
             {QStringLiteral("SystemCreationClassName"),
              Value::string(ComputerSystemProvider::className())},
             {QStringLiteral("SystemName"), Value::string(QStringLiteral("local"))}});
    }

    static cim::ObjectPath peerSystem(const QString &name = QStringLiteral("peer"))
    {
        return cim::ObjectPath(ProviderRegistry::defaultNameSpace(),
                               ComputerSystemProvider::className(),
                               {{QStringLiteral("CreationClassName"),
                                 Value::string(ComputerSystemProvider::className())},
                                {QStringLiteral("Name"), Value::string(name)}});
    }

    cim::ObjectPath remotePoint(const QUrl &url) const
    {
        // As a client names it: the peer's system in SystemName; the engine keeps its own path.
        return RemoteCollections::remoteAccessPointPath(QStringLiteral("peer"), url);
    }

    cim::MethodResult call(const QString &method, const cim::Parameters &in)
    {
        auto r = await(m_local->registry()->invokeMethod({service(), method, in}));
        return r ? *r : cim::MethodResult::failure(999, QStringLiteral("no answer"));
    }

    int collectionCount()
    {
        auto r = m_local->registry()->enumerateInstances(
            QStringLiteral("CIM_RemoteReplicationCollection"));
        return r ? int(r->size()) : -1;
    }

    ConcreteJob *awaitJob(const cim::MethodResult &r)
    {
        if (r.returnValue != quint32(cim::ReturnCode::JobStarted))
            return nullptr;
        ConcreteJob *job = m_local->jobManager()->job(
            r.out.value(u"Job").toReference().key(u"InstanceID").toString());
        if (job)
            (void)QTest::qWaitFor([job] { return job->isFinished(); }, 30000);
        return job;
    }

    cim::Parameters createParams(const QList<cim::ObjectPath> &remotePoints,
                                 const cim::ObjectPath &system = peerSystem())
    {
        cim::Parameters in;
        in.set(QStringLiteral("ElementName"), Value::string(QStringLiteral("to peer")));
        in.set(
            QStringLiteral("LocalAccessPoints"),
            refs({RemoteCollections::protocolEndpointPath(m_local->systemName(), m_localWsman)}));
        in.set(QStringLiteral("RemoteAccessPoints"), refs(remotePoints));
        if (!system.isEmpty())
            in.set(QStringLiteral("RemoteComputerSystem"), Value::reference(system));
        in.set(QStringLiteral("Active"), Value::boolean(true));
        in.set(QStringLiteral("DeleteOnUnassociated"), Value::boolean(false));
        return in;
    }

    void openLocal()
    {
        EngineOptions o;
        o.dataDirectory = m_dir.filePath(QStringLiteral("local/data"));
        o.defaultPoolDirectory = m_dir.filePath(QStringLiteral("local/pool"));
        o.systemName = QStringLiteral("local");
        auto opened = Engine::open(o);
        QVERIFY2(opened.ok(), qPrintable(opened.error().message));
        m_local = std::move(opened).value();
        QVERIFY(remote());
        remote()->setLocalEndpoints({m_localWsman, m_localNbd});
        remote()->setPeerTimeout(5000);
        useTestConnector();
    }

    void useTestConnector()
    {
        remote()->setPeerConnector([this](const QUrl &url) {
            auto t = std::make_unique<wsman::WsmanTransport>(url);
            t->setCredentials(QStringLiteral("admin"), m_password);
            return t;
        });
    }

    void removeAll()
    {
        for (const auto &r : remote()->collections()) {
            QVERIFY(
                remote()
                    ->remove(cim::ObjectPath(
                        ProviderRegistry::defaultNameSpace(), RemoteCollections::collectionClass(),
                        {{QStringLiteral("InstanceID"), Value::string(r.instanceId)}}))
                    .ok());
        }
        QCOMPARE(collectionCount(), 0);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        EngineOptions o;
        o.dataDirectory = m_dir.filePath(QStringLiteral("peer/data"));
        o.defaultPoolDirectory = m_dir.filePath(QStringLiteral("peer/pool"));
        o.systemName = QStringLiteral("peer");
        auto opened = Engine::open(o);
        QVERIFY2(opened.ok(), qPrintable(opened.error().message));
        m_peer = std::move(opened).value();
        wsman::UserStore users;
        users.addUser(QStringLiteral("admin"),
                      wsman::UserStore::hashPassword(QStringLiteral("pw"), 1000));
        m_peerServer = std::make_unique<wsman::WsmanServer>(m_peer->registry(), users);
        QVERIFY(m_peerServer->listen({}).ok());
        m_peerUrl = m_peerServer->url();
        openLocal();
    }

    void cleanup()
    {
        m_password = QStringLiteral("pw");
        removeAll();
    }

    void cleanupTestCase()
    {
        m_local.reset();
        m_peerServer.reset();
        m_peer.reset();
    }

    void methodsAreOnTheReplicationService()
    {
        auto spec = m_local->registry()->methodSpec(ReplicationService::serviceClass(),
                                                    u"CreateRemoteReplicationCollection");
        QVERIFY(spec.ok());
        QVERIFY(m_local->registry()
                    ->methodSpec(QStringLiteral("CIM_ReplicationService"),
                                 u"AddToRemoteReplicationCollection")
                    .ok());
        // The existing methods still route to replication.
        QVERIFY(m_local->registry()
                    ->methodSpec(ReplicationService::serviceClass(), u"CreateListReplica")
                    .ok());
        auto eps = m_local->registry()->enumerateInstances(QStringLiteral("CIM_ProtocolEndpoint"));
        QVERIFY(eps.ok());
        QCOMPARE(eps->size(), 2);
    }

    void invalidParametersCreateNothing_data()
    {
        QTest::addColumn<int>("which");
        QTest::newRow("unknown local access point") << 0;
        QTest::newRow("remote point not a URL") << 1;
        QTest::newRow("remote point of another scheme") << 2;
        QTest::newRow("this system as the peer") << 3;
        QTest::newRow("element name too long") << 4;
        QTest::newRow("two management endpoints") << 5;
        QTest::newRow("remote point is our own") << 6;
        QTest::newRow("wrong parameter type") << 7;
    }

    void invalidParametersCreateNothing()
    {
        QFETCH(int, which);
        const int jobsBefore = int(m_local->jobManager()->jobs().size());
        cim::Parameters in = createParams({remotePoint(m_peerUrl)});
        switch (which) {
        case 0:
            in.set(QStringLiteral("LocalAccessPoints"),
                   refs({RemoteCollections::protocolEndpointPath(
                       m_local->systemName(), QUrl(QStringLiteral("nbd://127.0.0.1:1")))}));
            break;
        case 1:
            in.set(QStringLiteral("RemoteAccessPoints"),
                   refs({remotePoint(QUrl(QStringLiteral("not a url")))}));
            break;
        case 2:
            in.set(QStringLiteral("RemoteAccessPoints"),
                   refs({remotePoint(QUrl(QStringLiteral("ftp://127.0.0.1/x")))}));
            break;
        case 3:
            in.set(QStringLiteral("RemoteComputerSystem"),
                   Value::reference(peerSystem(QStringLiteral("local"))));
            break;
        case 4:
            in.set(QStringLiteral("ElementName"), Value::string(QString(300, u'x')));
            break;
        case 5:
            in.set(QStringLiteral("RemoteAccessPoints"),
                   refs({remotePoint(m_peerUrl),
                         remotePoint(QUrl(QStringLiteral("https://127.0.0.1:1/wsman")))}));
            break;
        case 6:
            in.set(QStringLiteral("RemoteAccessPoints"), refs({remotePoint(m_localNbd)}));
            break;
        case 7:
            in.set(QStringLiteral("Active"), Value::string(QStringLiteral("yes")));
            break;
        }
        const cim::MethodResult r = call(QStringLiteral("CreateRemoteReplicationCollection"), in);
        QCOMPARE(r.returnValue, quint32(cim::ReturnCode::InvalidParameter));
        QVERIFY(!r.message.isEmpty());
        QCOMPARE(collectionCount(), 0);
        QCOMPARE(int(m_local->jobManager()->jobs().size()), jobsBefore);
    }

    void withoutManagementEndpointCompletesAtOnce()
    {
        const QUrl data(QStringLiteral("nbd://127.0.0.1:10999"));
        cim::Parameters in = createParams({remotePoint(data)}, {});
        in.set(QStringLiteral("ElementName"), Value());
        const cim::MethodResult r = call(QStringLiteral("CreateRemoteReplicationCollection"), in);
        QCOMPARE(r.returnValue, 0u);
        const cim::ObjectPath c = r.out.value(u"ConnectivityCollection").toReference();
        QVERIFY(!c.isEmpty());
        auto got = m_local->registry()->getInstance(c);
        QVERIFY2(got.ok(), qPrintable(got.error().message));
        QCOMPARE(got->property(u"ConnectivityStatus").toUInt64(), 0u); // Unknown: never asked
        QVERIFY(!got->property(u"ElementName").toString().isEmpty());  // a default name
        auto saps =
            m_local->registry()->enumerateInstances(QStringLiteral("CIM_RemoteServiceAccessPoint"));
        QVERIFY(saps.ok());
        QCOMPARE(saps->size(), 1);
        QCOMPARE(saps->front().property(u"AccessInfo").toString(), data.toString());
    }

    void createContactsThePeerInAJob()
    {
        const QUrl data(QStringLiteral("nbd://127.0.0.1:10999"));
        const cim::MethodResult r = call(QStringLiteral("CreateRemoteReplicationCollection"),
                                         createParams({remotePoint(m_peerUrl), remotePoint(data)}));
        QCOMPARE(r.returnValue, quint32(cim::ReturnCode::JobStarted));
        QVERIFY(r.out.value(u"ConnectivityCollection").isNull());
        ConcreteJob *job = awaitJob(r);
        QVERIFY(job);
        QVERIFY2(job->state() == cim::JobState::Completed,
                 qPrintable(job->error() ? job->error()->message : QString()));
        QCOMPARE(collectionCount(), 1);

        // The new collection through AffectedJobElement, connected, with its members.
        auto affected = m_local->registry()->associators(
            job->path(), {jobclass::affectedJobElement(), {}, {}, {}});
        QVERIFY(affected.ok());
        QCOMPARE(affected->size(), 1);
        const cim::Instance c = affected->front();
        QCOMPARE(c.className(), RemoteCollections::collectionClass());
        QCOMPARE(c.property(u"ElementName").toString(), QStringLiteral("to peer"));
        QCOMPARE(c.property(u"ConnectivityStatus").toUInt64(), 2u);
        QCOMPARE(c.property(u"Active").toBool(), true);
        QCOMPARE(c.property(u"RemoteComputerSystem").toReference(), peerSystem());
        auto members = m_local->registry()->associators(
            c.path(), {QStringLiteral("CIM_MemberOfCollection"), {}, {}, {}});
        QVERIFY(members.ok());
        QCOMPARE(members->size(), 3); // local WS-Man, the peer's WS-Man and its NBD endpoint

        // The same peer twice: In Use, and nothing more is made.
        const int jobs = int(m_local->jobManager()->jobs().size());
        const cim::MethodResult again = call(QStringLiteral("CreateRemoteReplicationCollection"),
                                             createParams({remotePoint(m_peerUrl)}));
        QCOMPARE(again.returnValue, quint32(cim::ReturnCode::InUse));
        QCOMPARE(int(m_local->jobManager()->jobs().size()), jobs);
        QCOMPARE(collectionCount(), 1);
    }

    void refusedPeersLeaveOnlyAFailedJob_data()
    {
        QTest::addColumn<int>("which");
        QTest::newRow("nothing listens") << 0;
        QTest::newRow("not a ReplicaDesk engine") << 1;
        QTest::newRow("wrong credentials") << 2;
        QTest::newRow("system unknown to the peer") << 3;
    }

    void refusedPeersLeaveOnlyAFailedJob()
    {
        QFETCH(int, which);
        QUrl url = m_peerUrl;
        cim::ObjectPath system = peerSystem();
        NotAnEngine web;
        if (which == 0) {
            QTcpServer closed;
            QVERIFY(closed.listen(QHostAddress::LocalHost));
            url.setPort(closed.serverPort());
        } else if (which == 1) {
            QVERIFY(web.listen(QHostAddress::LocalHost));
            url.setPort(web.serverPort());
        } else if (which == 2) {
            m_password = QStringLiteral("wrong");
        } else {
            system = peerSystem(QStringLiteral("somebody-else"));
        }
        const cim::MethodResult r = call(QStringLiteral("CreateRemoteReplicationCollection"),
                                         createParams({remotePoint(url)}, system));
        QCOMPARE(r.returnValue, quint32(cim::ReturnCode::JobStarted));
        ConcreteJob *job = awaitJob(r);
        QVERIFY(job);
        QCOMPARE(job->state(), cim::JobState::Exception);
        QVERIFY(job->error());
        QVERIFY(!job->error()->message.isEmpty());
        if (which == 1)
            QVERIFY2(job->error()->message.contains(QStringLiteral("ReplicaDesk")),
                     qPrintable(job->error()->message));
        QVERIFY(job->affectedElements().isEmpty());
        QCOMPARE(collectionCount(), 0);
    }

    void engineSignsInWithWhatItsPeerDirectoryHolds()
    {
        // The engine's own connector (no test connector): what the console handed its
        // PeerDirectory, found again for the same endpoint written another way.
        remote()->setPeerConnector(m_local->peers()->connector());
        const auto restore = qScopeGuard([this] { useTestConnector(); });
        const cim::Parameters in = createParams({remotePoint(m_peerUrl)});
        ConcreteJob *refused =
            awaitJob(call(QStringLiteral("CreateRemoteReplicationCollection"), in));
        QVERIFY(refused);
        QCOMPARE(refused->state(),
                 cim::JobState::Exception); // anonymous: the peer's Get is refused
        QCOMPARE(collectionCount(), 0);

        QUrl written = m_peerUrl;
        written.setPath(written.path() + u'/');
        m_local->peers()->set(written, {QStringLiteral("admin"), QStringLiteral("pw"), {}});
        QVERIFY(m_local->peers()->find(m_peerUrl));
        ConcreteJob *accepted =
            awaitJob(call(QStringLiteral("CreateRemoteReplicationCollection"), in));
        QVERIFY(accepted);
        QVERIFY2(accepted->state() == cim::JobState::Completed,
                 qPrintable(accepted->error() ? accepted->error()->message : QString()));
        QCOMPARE(collectionCount(), 1);
        m_local->peers()->remove(m_peerUrl);
        QVERIFY(!m_local->peers()->find(written));
    }

    void modifyActiveAndDeleteOnUnassociated()
    {
        const cim::MethodResult r = call(QStringLiteral("CreateRemoteReplicationCollection"),
                                         createParams({remotePoint(m_peerUrl)}));
        ConcreteJob *job = awaitJob(r);
        QVERIFY(job && job->state() == cim::JobState::Completed);
        const cim::ObjectPath path = job->affectedElements().front();
        auto c = m_local->registry()->getInstance(path);
        QVERIFY(c.ok());

        cim::Instance changed = *c;
        changed.setProperty(QStringLiteral("Active"), Value::boolean(false));
        changed.setProperty(QStringLiteral("DeleteOnUnassociated"), Value::boolean(true));
        QVERIFY(m_local->registry()->modifyInstance(changed, {}).ok());
        c = m_local->registry()->getInstance(path);
        QCOMPARE(c->property(u"Active").toBool(), false);
        QCOMPARE(c->property(u"DeleteOnUnassociated").toBool(), true);

        cim::Instance renamed = *c;
        renamed.setProperty(QStringLiteral("ElementName"), Value::string(QStringLiteral("new")));
        QCOMPARE(m_local->registry()->modifyInstance(renamed, {}).error().code,
                 quint32(cim::ReturnCode::InvalidParameter));
        QCOMPARE(m_local->registry()->getInstance(path)->property(u"ElementName").toString(),
                 QStringLiteral("to peer"));

        // Persisted: a restarted engine shows the same.
        m_local.reset();
        openLocal();
        c = m_local->registry()->getInstance(path);
        QVERIFY(c.ok());
        QCOMPARE(c->property(u"Active").toBool(), false);
        QCOMPARE(c->property(u"ConnectivityStatus").toUInt64(), 2u);

        // DeleteOnUnassociated: removing its only remote access point... the local one still
        // associates it; so a collection with only remote points goes with the last of them.
        cim::Parameters in = createParams({}, {});
        in.set(QStringLiteral("LocalAccessPoints"), Value::null(cim::CimType::Reference, true));
        in.set(QStringLiteral("RemoteAccessPoints"),
               refs({remotePoint(QUrl(QStringLiteral("nbd://127.0.0.1:10998")))}));
        in.set(QStringLiteral("DeleteOnUnassociated"), Value::boolean(true));
        const cim::MethodResult made =
            call(QStringLiteral("CreateRemoteReplicationCollection"), in);
        QCOMPARE(made.returnValue, 0u);
        QCOMPARE(collectionCount(), 2);
        QVERIFY(m_local->registry()
                    ->deleteInstance(RemoteCollections::remoteAccessPointPath(
                        m_local->systemName(), QUrl(QStringLiteral("nbd://127.0.0.1:10998"))))
                    .ok());
        QCOMPARE(collectionCount(), 1);
        QVERIFY(!m_local->registry()
                     ->getInstance(made.out.value(u"ConnectivityCollection").toReference())
                     .ok());
    }

    void addToCollection()
    {
        cim::Parameters in = createParams({}, {});
        const cim::MethodResult made =
            call(QStringLiteral("CreateRemoteReplicationCollection"), in);
        QCOMPARE(made.returnValue, 0u);
        const cim::ObjectPath c = made.out.value(u"ConnectivityCollection").toReference();

        cim::Parameters add;
        add.set(QStringLiteral("ConnectivityCollection"), Value::reference(c));
        add.set(QStringLiteral("RemoteAccessPoints"),
                refs({remotePoint(QUrl(QStringLiteral("nbd://127.0.0.1:10997")))}));
        QCOMPARE(call(QStringLiteral("AddToRemoteReplicationCollection"), add).returnValue, 0u);

        // The peer's management endpoint and system: checked in a job, then connected.
        add.set(QStringLiteral("RemoteAccessPoints"), refs({remotePoint(m_peerUrl)}));
        add.set(QStringLiteral("RemoteComputerSystem"), Value::reference(peerSystem()));
        ConcreteJob *job = awaitJob(call(QStringLiteral("AddToRemoteReplicationCollection"), add));
        QVERIFY(job);
        QVERIFY2(job->state() == cim::JobState::Completed,
                 qPrintable(job->error() ? job->error()->message : QString()));
        auto got = m_local->registry()->getInstance(c);
        QCOMPARE(got->property(u"ConnectivityStatus").toUInt64(), 2u);
        auto members = m_local->registry()->associators(
            c, {QStringLiteral("CIM_MemberOfCollection"), {}, {}, {}});
        QCOMPARE(members->size(), 3);

        // A collection that does not exist, and a point already in it.
        cim::Parameters bad = add;
        bad.set(QStringLiteral("ConnectivityCollection"),
                Value::reference(cim::ObjectPath(
                    ProviderRegistry::defaultNameSpace(), RemoteCollections::collectionClass(),
                    {{QStringLiteral("InstanceID"), Value::string(QStringLiteral("RRC:none"))}})));
        QCOMPARE(call(QStringLiteral("AddToRemoteReplicationCollection"), bad).returnValue,
                 quint32(cim::ReturnCode::InvalidParameter));
        QCOMPARE(call(QStringLiteral("AddToRemoteReplicationCollection"), add).returnValue,
                 quint32(cim::ReturnCode::InvalidParameter));
        QCOMPARE(m_local->registry()
                     ->associators(c, {QStringLiteral("CIM_MemberOfCollection"), {}, {}, {}})
                     ->size(),
                 3);
    }

    void connectivityFollowsThePeer()
    {
        const cim::MethodResult r = call(QStringLiteral("CreateRemoteReplicationCollection"),
                                         createParams({remotePoint(m_peerUrl)}));
        ConcreteJob *job = awaitJob(r);
        QVERIFY(job && job->state() == cim::JobState::Completed);
        const cim::ObjectPath c = job->affectedElements().front();

        m_peerServer->close();
        QFuture<void> checked = remote()->refreshConnectivity();
        QVERIFY(QTest::qWaitFor([&] { return checked.isFinished(); }, 30000));
        QTRY_COMPARE(
            m_local->registry()->getInstance(c)->property(u"ConnectivityStatus").toUInt64(), 3u);

        wsman::WsmanServerOptions again;
        again.port = m_peerUrl.port();
        QVERIFY(m_peerServer->listen(again).ok());
        (void)remote()->refreshConnectivity();
        QTRY_COMPARE(
            m_local->registry()->getInstance(c)->property(u"ConnectivityStatus").toUInt64(), 2u);
    }
};

QTEST_GUILESS_MAIN(TstRemoteCollections)
#include "tst_remotecollections.moc"
