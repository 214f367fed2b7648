// The whole engine behind the WS-Man server, driven only through WsmanTransport: a volume is made,
// cloned with CreateListReplica, and the clone's ConcreteJob is followed by polling it remotely
// until it completes; the replica then holds the source's bytes.

#include "testsupport.h"

#include "wsman/wsmanserver.h"
#include "wsman/wsmantransport.h"

#include "cim/enums.h"
#include "engine.h"
#include "storage/poolmanager.h"

#include <QCryptographicHash>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace rd;
using namespace rd::wsman;
using cim::Value;
using rd::test::await;

namespace {

// A remote copy may take a while on a loaded machine.
constexpr int Slow = 60000;

constexpr quint64 MiB = 1 << 20;

QByteArray checksum(const QString &file)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash h(QCryptographicHash::Sha256);
    h.addData(&f);
    return h.result();
}

} // namespace

class TstWsmanRemoteReplica : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<engine::Engine> m_engine;
    std::unique_ptr<WsmanServer> m_server;
    std::unique_ptr<WsmanTransport> m_client;

    cim::ObjectPath firstPath(const QString &className)
    {
        auto r = await(m_client->enumerateInstances(className), Slow);
        if (!r || !r->ok() || r->value().isEmpty())
            return {};
        return r->value().front().path();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        engine::EngineOptions o;
        o.dataDirectory = m_dir.filePath(QStringLiteral("data"));
        o.defaultPoolDirectory = m_dir.filePath(QStringLiteral("pool"));
        o.systemName = QStringLiteral("remote-host");
        auto opened = engine::Engine::open(o);
        QVERIFY2(opened.ok(), qPrintable(opened.error().message));
        m_engine = std::move(opened).value();
        UserStore users;
        users.addUser(QStringLiteral("admin"), UserStore::hashPassword(QStringLiteral("pw"), 1000));
        m_server = std::make_unique<WsmanServer>(m_engine->registry(), users);
        QVERIFY(m_server->listen({}).ok());
        m_client = std::make_unique<WsmanTransport>(m_server->url());
        m_client->setCredentials(QStringLiteral("admin"), QStringLiteral("pw"));
    }

    void cleanupTestCase()
    {
        m_client.reset();
        m_server.reset();
        m_engine.reset();
    }

    void cloneRunsRemotelyToCompletion()
    {
        // A source volume, made remotely.
        const cim::ObjectPath config = firstPath(QStringLiteral("CIM_StorageConfigurationService"));
        QVERIFY(!config.isEmpty());
        cim::MethodCall create{config, QStringLiteral("CreateOrModifyElementFromStoragePool"), {}};
        create.in.set(QStringLiteral("ElementName"), Value::string(QStringLiteral("source")));
        create.in.set(QStringLiteral("ElementType"), Value::uint16(2));
        create.in.set(QStringLiteral("Size"), Value::uint64(16 * MiB));
        auto created = await(m_client->invokeMethod(create), Slow);
        QVERIFY(created);
        QVERIFY2(created->returnValue == 0, qPrintable(created->message));
        const cim::ObjectPath source = created->out.value(u"TheElement").toReference();
        QVERIFY(!source.isEmpty());

        // Some data in it, so the copy has something to prove.
        const QString sourceImage =
            m_engine->poolManager()->imagePath(source.key(u"DeviceID").toString());
        QVERIFY(QFileInfo::exists(sourceImage));
        {
            QFile f(sourceImage);
            QVERIFY(f.open(QIODevice::ReadWrite));
            QByteArray block(MiB, Qt::Uninitialized);
            QRandomGenerator(42).fillRange(reinterpret_cast<quint32 *>(block.data()),
                                           block.size() / 4);
            for (qint64 at : {qint64(0), qint64(5 * MiB), qint64(15 * MiB)}) {
                QVERIFY(f.seek(at));
                QCOMPARE(f.write(block), block.size());
            }
        }

        // The clone, started remotely: a job to follow.
        const cim::ObjectPath service = firstPath(QStringLiteral("CIM_ReplicationService"));
        QVERIFY(!service.isEmpty());
        cim::MethodCall clone{service, QStringLiteral("CreateListReplica"), {}};
        clone.in.set(QStringLiteral("SyncType"), Value::uint16(8));
        clone.in.set(QStringLiteral("SourceElements"),
                     Value::array(cim::CimType::Reference, {Value::reference(source)}));
        auto started = await(m_client->invokeMethod(clone), Slow);
        QVERIFY(started);
        QVERIFY2(started->returnValue == 4096 || started->returnValue == 0,
                 qPrintable(started->message));
        const cim::ObjectPath job = started->out.value(u"Job").toReference();
        const QList<Value> syncs = started->out.value(u"Synchronizations").elements();
        QCOMPARE(syncs.size(), 1);

        // Follow the job by polling it, as the console does for a remote system.
        quint64 state = 0;
        quint64 lastPercent = 0;
        int polls = 0;
        if (started->returnValue == 4096) {
            QVERIFY(!job.isEmpty());
            QFuture<cim::Result<cim::Instance>> inFlight;
            bool failed = false;
            const bool done = QTest::qWaitFor(
                [&] {
                    if (inFlight.isValid() && !inFlight.isFinished())
                        return false;
                    if (inFlight.isValid()) {
                        const auto r = inFlight.result();
                        if (!r.ok()) {
                            failed = true;
                            return true;
                        }
                        state = r->property(u"JobState").toUInt64();
                        const quint64 percent = r->property(u"PercentComplete").toUInt64();
                        if (percent < lastPercent)
                            failed = true;
                        lastPercent = percent;
                        if (state >= quint64(cim::JobState::Completed))
                            return true;
                    }
                    ++polls;
                    inFlight = m_client->getInstance(job);
                    return false;
                },
                120000);
            QVERIFY(done);
            QVERIFY(!failed);
            QCOMPARE(state, quint64(cim::JobState::Completed));
            QCOMPARE(lastPercent, quint64(100));
            QVERIFY(polls >= 1);
        }

        qInfo("CreateListReplica answered %u; job followed with %d polls", started->returnValue,
              polls);

        // The pair is visible remotely and the replica holds the source's bytes.
        auto pairs =
            await(m_client->enumerateInstances(QStringLiteral("CIM_StorageSynchronized")), Slow);
        QVERIFY(pairs && pairs->ok());
        QCOMPARE(pairs->value().size(), 1);
        const cim::Instance pair = pairs->value().front();
        QCOMPARE(pair.property(u"SystemElement").toReference().key(u"DeviceID"),
                 source.key(u"DeviceID"));
        const cim::ObjectPath replica = pair.property(u"SyncedElement").toReference();
        QCOMPARE(pair.property(u"SyncType"), Value::uint16(8));
        auto replicaInstance = await(m_client->getInstance(replica), Slow);
        QVERIFY(replicaInstance && replicaInstance->ok());
        const QString replicaImage =
            m_engine->poolManager()->imagePath(replica.key(u"DeviceID").toString());
        QCOMPARE(checksum(replicaImage), checksum(sourceImage));
    }
};

QTEST_GUILESS_MAIN(TstWsmanRemoteReplica)
#include "tst_wsmanremotereplica.moc"
