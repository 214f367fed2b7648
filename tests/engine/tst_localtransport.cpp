#include "testprovider.h"

#include "api/localtransport.h"
#include "enginehost.h"
#include "provider/computersystemprovider.h"

#include <QDeadlineTimer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace rd;
using namespace rd::engine;
using cim::Value;
using rd::test::WidgetProvider;

// Waits by spinning the caller's event loop, the way the console waits without blocking; a
// future that never finishes fails the test through the default-constructed "no result" value.
template<class T>
static T await(QFuture<T> future)
{
    QDeadlineTimer deadline(5000);
    while (!future.isFinished() && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    if (!future.isFinished() || future.isCanceled() || future.resultCount() == 0) {
        if constexpr (std::is_same_v<T, cim::MethodResult>)
            return cim::MethodResult::failure(quint32(cim::ReturnCode::Unknown),
                                              QStringLiteral("no answer"));
        else
            return T();
    }
    return future.result();
}

class TestLocalTransport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void callsRunOnTheRegistryThread()
    {
        QThread engineThread;
        engineThread.start();
        auto *registry = new ProviderRegistry;
        auto provider = std::make_shared<WidgetProvider>();
        QVERIFY(registry->addProvider(provider));
        registry->moveToThread(&engineThread);

        LocalTransport client(registry);
        QVERIFY(client.isLocal());
        QCOMPARE(client.nameSpace(), ProviderRegistry::defaultNameSpace());

        auto widgets = await(client.enumerateInstances(QStringLiteral("CIM_Widget")));
        QVERIFY(widgets.ok());
        QCOMPARE(widgets->size(), 2);
        QCOMPARE(provider->lastThread, &engineThread);

        cim::Parameters in;
        in.set(QStringLiteral("Count"), Value::uint16(3));
        auto result = await(
            client.invokeMethod({WidgetProvider::service(), QStringLiteral("Frobnicate"), in}));
        QCOMPARE(result.returnValue, 0u);
        QCOMPARE(result.out.value(u"Result").toString(), QStringLiteral("frobbed 3"));
        QCOMPARE(provider->lastThread, &engineThread);

        auto bad = await(
            client.invokeMethod({WidgetProvider::service(), QStringLiteral("Frobnicate"), {}}));
        QCOMPARE(bad.returnValue, quint32(cim::ReturnCode::InvalidParameter));

        auto assoc = await(client.associators(WidgetProvider::widget(QStringLiteral("a")), {}));
        QCOMPARE(assoc->size(), 1);

        // Change notifications cross the thread boundary.
        QSignalSpy changed(&client, &CimClient::classChanged);
        QMetaObject::invokeMethod(
            registry, [registry] { Q_EMIT registry->classChanged(QStringLiteral("TEST_Widget")); });
        QTRY_COMPARE(changed.size(), 1);
        QCOMPARE(changed.first().first().toString(), QStringLiteral("TEST_Widget"));

        QMetaObject::invokeMethod(registry, &QObject::deleteLater);
        engineThread.quit();
        engineThread.wait();
        // With the engine gone, calls fail at once instead of hanging.
        auto gone = await(client.enumerateInstances(QStringLiteral("CIM_Widget")));
        QVERIFY(!gone.ok());
    }

    void engineHostServesTheComputerSystem()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        EngineHost host;
        EngineOptions options;
        options.dataDirectory = dir.filePath(QStringLiteral("data"));
        options.defaultPoolDirectory = dir.filePath(QStringLiteral("pools/default"));
        options.systemName = QStringLiteral("test-system");
        auto started = host.start(options);
        QVERIFY2(started.ok(), qPrintable(started.error().message));
        QVERIFY(QFileInfo(options.defaultPoolDirectory).isDir());

        auto systems =
            await(host.client()->enumerateInstances(QStringLiteral("CIM_ComputerSystem")));
        QVERIFY(systems.ok());
        QCOMPARE(systems->size(), 1);
        QCOMPARE(systems->first().property(u"Name").toString(), QStringLiteral("test-system"));
        auto one = await(host.client()->getInstance(
            ComputerSystemProvider::pathFor(QStringLiteral("test-system"))));
        QVERIFY(one.ok());
        host.stop();
        QVERIFY(!host.isRunning());
    }

    void engineRefusesAnUnusableDirectory()
    {
        QTemporaryDir dir;
        QFile blocker(dir.filePath(QStringLiteral("file")));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        EngineHost host;
        EngineOptions options;
        options.dataDirectory = dir.filePath(QStringLiteral("file/data")); // under a regular file
        options.defaultPoolDirectory = dir.filePath(QStringLiteral("pool"));
        auto started = host.start(options);
        QVERIFY(!started.ok());
        QVERIFY(started.error().message.contains(QStringLiteral("data")));
        QVERIFY(!host.isRunning());
    }
};

QTEST_GUILESS_MAIN(TestLocalTransport)
#include "tst_localtransport.moc"
