// ImportImage and ExportImage against replicadesk-engined over WS-Man: the daemon reads and
// writes image files only under its --transfer-dir directories (a client must not make it read
// /etc/shadow or write beside it), refuses both methods without the option, and imports and
// exports for real inside them.

#include "daemontestsupport.h"

#include "storage/storageconfigurationprovider.h"

using namespace rd;
using namespace rd::testing;

class TestTransferDaemon : public DaemonFixture
{
    Q_OBJECT

private:
    static std::unique_ptr<wsman::WsmanTransport> client(const Daemon &d)
    {
        auto c = std::make_unique<wsman::WsmanTransport>(d.wsman);
        c->setCredentials(QStringLiteral("admin"), QStringLiteral("pw"));
        c->setTrustedFingerprints({d.fingerprint});
        return c;
    }

    static cim::MethodResult call(wsman::WsmanTransport &c, const QString &system,
                                  const QString &method, const QList<std::pair<QString, Value>> &in)
    {
        cim::MethodCall mc;
        mc.target = StorageConfigurationProvider::servicePath(system);
        mc.method = method;
        for (const auto &[name, value] : in)
            mc.in.set(name, value);
        return await(c.invokeMethod(mc))
            .value_or(cim::MethodResult::failure(999, QStringLiteral("no answer")));
    }

    static cim::MethodResult importImage(wsman::WsmanTransport &c, const QString &system,
                                         const QString &source)
    {
        return call(c, system, QStringLiteral("ImportImage"),
                    {{QStringLiteral("SourcePath"), Value::string(source)}});
    }

    static qsizetype volumeCount(wsman::WsmanTransport &c)
    {
        auto volumes = await(c.enumerateInstances(StorageVolumeProvider::volumeClass()));
        return volumes && volumes->ok() ? volumes->value().size() : -1;
    }

    static bool qemuImg(const QStringList &arguments)
    {
        QProcess p;
        p.start(QStringLiteral("qemu-img"), arguments);
        return p.waitForFinished(60000) && p.exitStatus() == QProcess::NormalExit &&
               p.exitCode() == 0;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(writeUsers()); }

    void confinedToTransferDirectories()
    {
        const QString allowed = m_dir.filePath(QStringLiteral("images"));
        const QString outside = m_dir.filePath(QStringLiteral("elsewhere"));
        QVERIFY(QDir().mkpath(allowed));
        QVERIFY(QDir().mkpath(outside));
        const QString image = allowed + QStringLiteral("/disk.qcow2");
        QVERIFY(qemuImg({QStringLiteral("create"), QStringLiteral("-q"), QStringLiteral("-f"),
                         QStringLiteral("qcow2"), image, QStringLiteral("4M")}));
        const QString secret = outside + QStringLiteral("/secret.raw");
        QVERIFY(qemuImg({QStringLiteral("create"), QStringLiteral("-q"), QStringLiteral("-f"),
                         QStringLiteral("raw"), secret, QStringLiteral("1M")}));
        QVERIFY(QFile::link(secret, allowed + QStringLiteral("/link.raw")));

        Daemon d;
        QVERIFY(start(d, QStringLiteral("confined"), {QStringLiteral("--transfer-dir"), allowed}));
        auto c = client(d);
        const QString system = QStringLiteral("confined");
        for (const QString &refused : QStringList{
                 QStringLiteral("/etc/shadow"), secret, allowed + QStringLiteral("/link.raw"),
                 allowed + QStringLiteral("/../elsewhere/secret.raw")}) {
            const cim::MethodResult r = importImage(*c, system, refused);
            QCOMPARE(r.returnValue, quint32(cim::ReturnCode::InvalidParameter));
            QVERIFY2(r.message.contains(u"SourcePath"), qPrintable(r.message));
        }
        QCOMPARE(volumeCount(*c), 0);

        const cim::MethodResult imported = importImage(*c, system, image);
        QCOMPARE(imported.returnValue, quint32(cim::ReturnCode::JobStarted));
        auto job = awaitJob(*c, imported.out.value(u"Job").toReference());
        QVERIFY(job);
        QCOMPARE(job->property(u"JobState").toUInt64(), quint64(cim::JobState::Completed));
        const cim::ObjectPath volume = imported.out.value(u"TheElement").toReference();

        for (const QString &refused :
             QStringList{outside + QStringLiteral("/out.qcow2"), QStringLiteral("/etc/out.qcow2"),
                         allowed + QStringLiteral("/../elsewhere/out.qcow2"), image}) {
            const cim::MethodResult r =
                call(*c, system, QStringLiteral("ExportImage"),
                     {{QStringLiteral("TheElement"), Value::reference(volume)},
                      {QStringLiteral("DestinationPath"), Value::string(refused)},
                      {QStringLiteral("Format"), Value::string(QStringLiteral("qcow2"))}});
            QCOMPARE(r.returnValue, quint32(cim::ReturnCode::InvalidParameter));
            QVERIFY2(r.message.contains(u"DestinationPath"), qPrintable(r.message));
        }
        QCOMPARE(QDir(outside).entryList(QDir::Files), QStringList{QStringLiteral("secret.raw")});
        const QString copy = allowed + QStringLiteral("/copy.vhdx");
        const cim::MethodResult exported =
            call(*c, system, QStringLiteral("ExportImage"),
                 {{QStringLiteral("TheElement"), Value::reference(volume)},
                  {QStringLiteral("DestinationPath"), Value::string(copy)},
                  {QStringLiteral("Format"), Value::string(QStringLiteral("vhdx"))}});
        QCOMPARE(exported.returnValue, quint32(cim::ReturnCode::JobStarted));
        job = awaitJob(*c, exported.out.value(u"Job").toReference());
        QVERIFY(job);
        QCOMPARE(job->property(u"JobState").toUInt64(), quint64(cim::JobState::Completed));
        QVERIFY(qemuImg({QStringLiteral("compare"), image, copy}));
        QVERIFY(stop(d));
    }

    void refusedWithoutTheOption()
    {
        const QString image = m_dir.filePath(QStringLiteral("plain.raw"));
        QVERIFY(qemuImg({QStringLiteral("create"), QStringLiteral("-q"), QStringLiteral("-f"),
                         QStringLiteral("raw"), image, QStringLiteral("1M")}));
        Daemon d;
        QVERIFY(start(d, QStringLiteral("closed")));
        auto c = client(d);
        const cim::MethodResult r = importImage(*c, QStringLiteral("closed"), image);
        QCOMPARE(r.returnValue, quint32(cim::ReturnCode::NotSupported));
        QVERIFY(r.message.contains(u"--transfer-dir"));
        QCOMPARE(volumeCount(*c), 0);
        QVERIFY(stop(d));
    }

    void missingTransferDirectoryStopsTheDaemon()
    {
        Daemon d;
        QVERIFY(!start(d, QStringLiteral("broken"),
                       {QStringLiteral("--transfer-dir"), m_dir.filePath(QStringLiteral("none"))}));
        QTRY_COMPARE_WITH_TIMEOUT(d.process.state(), QProcess::NotRunning, 30000);
        QCOMPARE(d.process.exitCode(), 1);
        QVERIFY(d.log.contains("--transfer-dir"));
    }
};

QTEST_GUILESS_MAIN(TestTransferDaemon)
#include "tst_transferdaemon.moc"
