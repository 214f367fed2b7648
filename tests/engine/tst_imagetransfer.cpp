// ImportImage and ExportImage on a real engine with real qemu-img and real files: an imported
// QCOW2 reads the same as its source and keeps its holes, its job ends Completed at 100 %, a
// terminated import leaves no volume, a refused or failed one changes nothing; an export reads
// back equal and never overwrites; an engine limited to transfer directories reads and writes
// nothing outside them, whatever links or ".." say.

#include "engine.h"
#include "jobs/concretejob.h"
#include "jobs/jobmanager.h"
#include "provider/providerregistry.h"
#include "replication/replicationservice.h"
#include "storage/poolmanager.h"
#include "storage/storageconfigurationprovider.h"
#include "storage/storagevolumeprovider.h"
#include "testsupport.h"
#include "transfer/qemuimg.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <optional>

using namespace rd;
using namespace rd::engine;
using cim::Value;

namespace {

const QString System = QStringLiteral("testhost");
constexpr quint32 JobStarted = 4096;
constexpr quint32 InvalidParameter = 5;
constexpr quint32 NotSupported = 1;

// Runs a program to its end; its exit code, or -1 when it did not run.
int run(const QString &program, const QStringList &arguments, QByteArray *output = nullptr)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(program, arguments);
    if (!p.waitForFinished(60000))
        return -1;
    const QByteArray out = p.readAll();
    if (output)
        *output = out;
    if (p.exitStatus() != QProcess::NormalExit)
        return -1;
    if (p.exitCode() != 0)
        qWarning().noquote() << program << arguments.join(u' ') << out;
    return p.exitCode();
}

// A QCOW2 of size with pattern written at each (offset, length), in qemu-io's units ("1M").
bool makeQcow2(const QString &path, const QString &size,
               const QList<std::pair<QString, QString>> &writes)
{
    if (run(QStringLiteral("qemu-img"),
            {QStringLiteral("create"), QStringLiteral("-q"), QStringLiteral("-f"),
             QStringLiteral("qcow2"), path, size}) != 0)
        return false;
    for (const auto &[offset, length] : writes) {
        if (run(QStringLiteral("qemu-io"),
                {QStringLiteral("-f"), QStringLiteral("qcow2"), QStringLiteral("-c"),
                 QStringLiteral("write -q -P 0xab %1 %2").arg(offset, length), path}) != 0)
            return false;
    }
    return true;
}

} // namespace

class TestImageTransfer : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Engine> m_engine;

    QString path(const QString &name) const { return m_dir->filePath(name); }

    bool open(std::optional<QStringList> transferDirectories = std::nullopt)
    {
        m_engine.reset();
        EngineOptions options;
        options.dataDirectory = path(QStringLiteral("engine"));
        options.defaultPoolDirectory = path(QStringLiteral("pool"));
        options.systemName = System;
        options.transferDirectories = std::move(transferDirectories);
        auto opened = Engine::open(options);
        if (!opened) {
            qWarning().noquote() << opened.error().message;
            return false;
        }
        m_engine = std::move(opened).value();
        return true;
    }

    PoolManager *pools() const { return m_engine->poolManager(); }

    cim::MethodResult call(const QString &method, const QList<std::pair<QString, Value>> &in)
    {
        cim::MethodCall c;
        c.target = StorageConfigurationProvider::servicePath(System);
        c.method = method;
        for (const auto &[name, value] : in)
            c.in.set(name, value);
        auto answer = test::await(m_engine->registry()->invokeMethod(c));
        return answer.value_or(cim::MethodResult::failure(999, QStringLiteral("no answer")));
    }

    cim::MethodResult importImage(const QString &source, const QString &name = {},
                                  const QString &format = {})
    {
        QList<std::pair<QString, Value>> in{{QStringLiteral("SourcePath"), Value::string(source)}};
        if (!name.isEmpty())
            in.append({QStringLiteral("ElementName"), Value::string(name)});
        if (!format.isEmpty())
            in.append({QStringLiteral("Format"), Value::string(format)});
        return call(QStringLiteral("ImportImage"), in);
    }

    cim::MethodResult exportImage(const QString &deviceId, const QString &destination,
                                  const QString &format)
    {
        return call(QStringLiteral("ExportImage"),
                    {{QStringLiteral("TheElement"),
                      Value::reference(StorageVolumeProvider::volumePath(System, deviceId))},
                     {QStringLiteral("DestinationPath"), Value::string(destination)},
                     {QStringLiteral("Format"), Value::string(format)}});
    }

    ConcreteJob *jobOf(const cim::MethodResult &result) const
    {
        const cim::ObjectPath job = result.out.value(u"Job").toReference();
        return m_engine->jobManager()->job(job.key(u"InstanceID").toString());
    }

    static QString deviceIdOf(const cim::MethodResult &result)
    {
        return result.out.value(u"TheElement").toReference().key(u"DeviceID").toString();
    }

    // The job's end, waiting with the event loop running.
    std::optional<cim::JobState> finalState(ConcreteJob *job)
    {
        if (!job)
            return std::nullopt;
        auto end = test::await(job->whenFinished(), 30000);
        if (!end)
            return std::nullopt;
        return end->state;
    }

    // A finished import: its volume's DeviceID, or empty (and a failed check) otherwise.
    QString importedVolume(const QString &source, const QString &name = {})
    {
        const cim::MethodResult r = importImage(source, name);
        if (r.returnValue != JobStarted) {
            qWarning().noquote() << r.returnValue << r.message;
            return {};
        }
        if (finalState(jobOf(r)) != cim::JobState::Completed) {
            qWarning().noquote() << "import did not complete";
            return {};
        }
        return deviceIdOf(r);
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("qemu-img")).isEmpty() ||
            QStandardPaths::findExecutable(QStringLiteral("qemu-io")).isEmpty())
            QFAIL("qemu-img and qemu-io (qemu-utils) are needed; scripts/setup.sh installs them.");
    }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        QVERIFY(open());
    }

    void cleanup()
    {
        m_engine.reset();
        m_dir.reset();
    }

    void progressParser()
    {
        // What `qemu-img convert -p` writes to a pipe, cut anywhere.
        qemuimg::ProgressParser parser;
        QCOMPARE(parser.feed("    (0.00/100%)\r"), std::optional<double>(0.0));
        QCOMPARE(parser.feed("    (12."), std::nullopt);
        QCOMPARE(parser.feed("34/100%)\r    (50.00/100%)\r    (6"), std::optional<double>(50.0));
        QCOMPARE(parser.feed("6.50/100%)\r"), std::optional<double>(66.5));
        QCOMPARE(parser.feed("noise without a figure\n"), std::nullopt);
        QCOMPARE(parser.feed("    (100.00/100%)\r\n"), std::optional<double>(100.0));
        QCOMPARE(parser.feed("(250.00/100%)\r"), std::nullopt); // not a percentage
    }

    void importKeepsContentsAndHoles()
    {
        const QString source = path(QStringLiteral("disk.qcow2"));
        QVERIFY(makeQcow2(source, QStringLiteral("64M"),
                          {{QStringLiteral("1M"), QStringLiteral("2M")}}));
        const cim::MethodResult r = importImage(source);
        QCOMPARE(r.returnValue, JobStarted);
        ConcreteJob *job = jobOf(r);
        QVERIFY(job);
        const QString deviceId = deviceIdOf(r);
        QVERIFY(!deviceId.isEmpty());
        // qemu-img's own figures on the way, not just the 100 of the end.
        QList<quint16> seen;
        connect(job, &ConcreteJob::progressChanged, this,
                [&seen](ConcreteJob *j) { seen.append(j->percentComplete()); });
        QCOMPARE(finalState(job), cim::JobState::Completed);
        QVERIFY2(
            std::any_of(seen.cbegin(), seen.cend(), [](quint16 p) { return p > 0 && p < 100; }),
            qPrintable(QStringLiteral("%1").arg(seen.size())));
        QCOMPARE(job->percentComplete(), quint16(100));
        // The job says what the file held.
        QVERIFY2(job->record().elementName.contains(u"disk.qcow2") &&
                     job->record().elementName.contains(u"qcow2,") &&
                     job->record().elementName.contains(u"64"),
                 qPrintable(job->record().elementName));
        QVERIFY(
            job->affectedElements().contains(StorageVolumeProvider::volumePath(System, deviceId)));

        const auto volume = pools()->volume(deviceId);
        QVERIFY(volume);
        QCOMPARE(volume->elementName, QStringLiteral("disk")); // from the file's name
        QCOMPARE(volume->size, quint64(64) << 20);
        QCOMPARE(volume->poolId, pools()->defaultPoolId());
        QCOMPARE(run(QStringLiteral("qemu-img"),
                     {QStringLiteral("compare"), QStringLiteral("-f"), QStringLiteral("qcow2"),
                      QStringLiteral("-F"), QStringLiteral("raw"), source,
                      pools()->imagePath(deviceId)}),
                 0);
        // 2 MiB were written; the other 62 stay holes.
        const auto allocated = pools()->allocatedBytes(deviceId);
        QVERIFY(allocated.ok());
        QVERIFY2(*allocated <= quint64(4) << 20, QByteArray::number(*allocated));
        QVERIFY(*allocated >= quint64(2) << 20);
    }

    void importNamesTheVolume()
    {
        const QString source = path(QStringLiteral("raw.img"));
        QFile f(source);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QVERIFY(f.resize(1 << 20));
        f.close();
        const QString deviceId = importedVolume(source, QStringLiteral("Given name"));
        QVERIFY(!deviceId.isEmpty());
        QCOMPARE(pools()->volume(deviceId)->elementName, QStringLiteral("Given name"));
        // Once imported, the volume is like any other.
        QVERIFY(pools()->growVolume(deviceId, 2 << 20).ok());
        QVERIFY(pools()->deleteVolume(deviceId).ok());
    }

    void refusedImportChangesNothing_data()
    {
        QTest::addColumn<QString>("file");   // made in the directory; empty: none
        QTest::addColumn<QString>("format"); // the Format parameter
        QTest::addColumn<quint32>("code");
        QTest::addColumn<QString>("parameter");
        QTest::newRow("missing file")
            << QString() << QString() << InvalidParameter << QStringLiteral("SourcePath");
        QTest::newRow("unknown Format") << QStringLiteral("qcow2") << QStringLiteral("iso")
                                        << InvalidParameter << QStringLiteral("Format");
        QTest::newRow("not that Format") << QStringLiteral("raw") << QStringLiteral("qcow2")
                                         << InvalidParameter << QStringLiteral("Format");
        QTest::newRow("unsupported format")
            << QStringLiteral("vdi") << QString() << NotSupported << QStringLiteral("SourcePath");
        QTest::newRow("directory") << QStringLiteral("dir") << QString() << InvalidParameter
                                   << QStringLiteral("SourcePath");
    }

    void refusedImportChangesNothing()
    {
        QFETCH(QString, file);
        QFETCH(QString, format);
        QFETCH(quint32, code);
        QFETCH(QString, parameter);
        QString source = path(QStringLiteral("absent.qcow2"));
        if (file == u"dir") {
            source = path(QStringLiteral("dir"));
            QVERIFY(QDir().mkpath(source));
        } else if (!file.isEmpty()) {
            source = path(QStringLiteral("image.") + file);
            QCOMPARE(run(QStringLiteral("qemu-img"),
                         {QStringLiteral("create"), QStringLiteral("-q"), QStringLiteral("-f"),
                          file, source, QStringLiteral("1M")}),
                     0);
        }
        const cim::MethodResult r = importImage(source, {}, format);
        QCOMPARE(r.returnValue, code);
        QCOMPARE(r.parameter, parameter);
        QVERIFY(!r.message.isEmpty());
        QVERIFY(pools()->volumes().isEmpty());
        QVERIFY(m_engine->jobManager()->jobs().isEmpty());
    }

    void failedConversionLeavesNoVolume()
    {
        // info reads the overlay alone; convert needs its backing file, which is gone.
        const QString base = path(QStringLiteral("base.qcow2"));
        const QString overlay = path(QStringLiteral("overlay.qcow2"));
        QVERIFY(makeQcow2(base, QStringLiteral("8M"), {}));
        QCOMPARE(run(QStringLiteral("qemu-img"),
                     {QStringLiteral("create"), QStringLiteral("-q"), QStringLiteral("-f"),
                      QStringLiteral("qcow2"), QStringLiteral("-b"), base, QStringLiteral("-F"),
                      QStringLiteral("qcow2"), overlay}),
                 0);
        QVERIFY(QFile::remove(base));
        const cim::MethodResult r = importImage(overlay);
        QCOMPARE(r.returnValue, JobStarted);
        ConcreteJob *job = jobOf(r);
        QCOMPARE(finalState(job), cim::JobState::Exception);
        QVERIFY(job->error());
        QVERIFY2(job->error()->message.contains(u"base.qcow2"), qPrintable(job->error()->message));
        QVERIFY(pools()->volumes().isEmpty());
        QVERIFY(QDir(path(QStringLiteral("pool"))).entryList(QDir::Files).isEmpty());
    }

    void terminatedImportLeavesNoVolume_data()
    {
        QTest::addColumn<bool>("suspendFirst");
        QTest::addColumn<quint16>("requested"); // RequestStateChange's RequestedState
        QTest::addColumn<quint16>("ended");     // JobState
        QTest::newRow("terminate running")
            << false << quint16(4) << quint16(cim::JobState::Terminated);
        QTest::newRow("terminate suspended")
            << true << quint16(4) << quint16(cim::JobState::Terminated);
        QTest::newRow("kill running") << false << quint16(5) << quint16(cim::JobState::Killed);
    }

    void terminatedImportLeavesNoVolume()
    {
        QFETCH(bool, suspendFirst);
        QFETCH(quint16, requested);
        QFETCH(quint16, ended);
        const QString source = path(QStringLiteral("big.qcow2"));
        QVERIFY(makeQcow2(source, QStringLiteral("64M"),
                          {{QStringLiteral("0"), QStringLiteral("16M")}}));
        const cim::MethodResult r = importImage(source);
        QCOMPARE(r.returnValue, JobStarted);
        ConcreteJob *job = jobOf(r);
        QVERIFY(job);
        const QString deviceId = deviceIdOf(r);
        QVERIFY(pools()->volume(deviceId));
        JobManager *jobs = m_engine->jobManager();
        // Asked in the same turn of the event loop as the answer: qemu-img cannot have been
        // seen to finish yet, so the stop always lands mid-import.
        if (suspendFirst) {
            auto suspended = test::await(jobs->requestStateChange(job->instanceId(), 3));
            QVERIFY(suspended);
            QCOMPARE(suspended->returnValue, 0u);
            QCOMPARE(job->state(), cim::JobState::Suspended);
        }
        // While it is copied the volume neither goes nor changes size.
        auto deleted = pools()->deleteVolume(deviceId);
        QVERIFY(!deleted.ok());
        QCOMPARE(deleted.error().code, quint32(cim::ReturnCode::InUse));
        QVERIFY2(deleted.error().message.contains(u"big.qcow2"),
                 qPrintable(deleted.error().message));
        auto grown = pools()->growVolume(deviceId, quint64(128) << 20);
        QVERIFY(!grown.ok());
        QCOMPARE(grown.error().code, quint32(cim::ReturnCode::InUse));
        auto terminated = test::await(jobs->requestStateChange(job->instanceId(), requested));
        QVERIFY(terminated);
        QCOMPARE(terminated->returnValue, 0u);
        QCOMPARE(finalState(job), cim::JobState(ended));
        QVERIFY(!pools()->volume(deviceId));
        QTRY_VERIFY(QDir(path(QStringLiteral("pool"))).entryList(QDir::Files).isEmpty());
    }

    void exportReadsBackEqual_data()
    {
        QTest::addColumn<QString>("format");
        for (const char *f : {"qcow2", "raw", "vmdk", "vhdx", "vpc"})
            QTest::newRow(f) << QString::fromLatin1(f);
    }

    void exportReadsBackEqual()
    {
        QFETCH(QString, format);
        const QString source = path(QStringLiteral("disk.qcow2"));
        QVERIFY(makeQcow2(source, QStringLiteral("16M"),
                          {{QStringLiteral("1M"), QStringLiteral("2M")}}));
        const QString deviceId = importedVolume(source);
        QVERIFY(!deviceId.isEmpty());
        const QString destination = path(QStringLiteral("out.") + format);
        const cim::MethodResult r = exportImage(deviceId, destination, format);
        QCOMPARE(r.returnValue, JobStarted);
        ConcreteJob *job = jobOf(r);
        QCOMPARE(finalState(job), cim::JobState::Completed);
        QCOMPARE(job->percentComplete(), quint16(100));
        QByteArray info;
        QCOMPARE(run(QStringLiteral("qemu-img"),
                     {QStringLiteral("info"), QStringLiteral("--output=json"), destination}, &info),
                 0);
        const QJsonObject o = QJsonDocument::fromJson(info).object();
        QCOMPARE(o.value(u"format").toString(), format);
        QCOMPARE(o.value(u"virtual-size").toInteger(), qint64(16) << 20);
        // The holes stay holes in the file too (a VHD, fixed or not, keeps its 16 MiB here only
        // as a sparse file).
        QVERIFY2(o.value(u"actual-size").toInteger() < qint64(8) << 20, info);
        QCOMPARE(run(QStringLiteral("qemu-img"),
                     {QStringLiteral("compare"), QStringLiteral("-f"), QStringLiteral("qcow2"),
                      QStringLiteral("-F"), format, source, destination}),
                 0);
        // Nothing but the image is left in the directory (no partial file).
        QVERIFY(QDir(m_dir->path())
                    .entryList(QDir::Files | QDir::Hidden)
                    .filter(QStringLiteral(".part"))
                    .isEmpty());
    }

    void exportOfASnapshotIsItsPointInTime()
    {
        const QString source = path(QStringLiteral("disk.qcow2"));
        QVERIFY(makeQcow2(source, QStringLiteral("8M"),
                          {{QStringLiteral("1M"), QStringLiteral("2M")}}));
        const QString deviceId = importedVolume(source);
        QVERIFY(!deviceId.isEmpty());
        cim::Parameters in;
        in.set(QStringLiteral("SyncType"), Value::uint16(7)); // Snapshot
        in.set(QStringLiteral("SourceElements"),
               test::refs({StorageVolumeProvider::volumePath(System, deviceId)}));
        const auto made = test::await(m_engine->registry()->invokeMethod(
            {m_engine->replication()->servicePath(), QStringLiteral("CreateListReplica"), in}));
        QVERIFY(made);
        QCOMPARE(made->returnValue, 0u);
        const QString snapshot = made->out.value(u"TargetElements")
                                     .elements()
                                     .value(0)
                                     .toReference()
                                     .key(u"DeviceID")
                                     .toString();
        QVERIFY(!snapshot.isEmpty());
        // The volume moves on; its snapshot does not.
        auto device = pools()->device(deviceId);
        QVERIFY(device.ok());
        const QByteArray changed(1 << 20, char(0xcd));
        QVERIFY(
            (*device)->write(2 << 20, std::span<const char>(changed.constData(), 1 << 20)).ok());

        const QString fromSnapshot = path(QStringLiteral("snapshot.qcow2"));
        const QString fromVolume = path(QStringLiteral("volume.qcow2"));
        for (const auto &[id, destination] :
             {std::pair{snapshot, fromSnapshot}, std::pair{deviceId, fromVolume}}) {
            const cim::MethodResult r = exportImage(id, destination, QStringLiteral("qcow2"));
            QCOMPARE(r.returnValue, JobStarted);
            QCOMPARE(finalState(jobOf(r)), cim::JobState::Completed);
        }
        QCOMPARE(run(QStringLiteral("qemu-img"), {QStringLiteral("compare"), source, fromSnapshot}),
                 0);
        QCOMPARE(run(QStringLiteral("qemu-img"), {QStringLiteral("compare"), source, fromVolume}),
                 1); // "Content mismatch"
    }

    void exportNeverOverwrites()
    {
        const QString source = path(QStringLiteral("disk.qcow2"));
        QVERIFY(
            makeQcow2(source, QStringLiteral("4M"), {{QStringLiteral("0"), QStringLiteral("1M")}}));
        const QString deviceId = importedVolume(source);
        QVERIFY(!deviceId.isEmpty());
        const QString existing = path(QStringLiteral("existing.qcow2"));
        QFile f(existing);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("keep me");
        f.close();
        const QString dangling = path(QStringLiteral("dangling.qcow2"));
        QVERIFY(QFile::link(path(QStringLiteral("nowhere")), dangling));
        for (const QString &target : {existing, dangling}) {
            const cim::MethodResult r = exportImage(deviceId, target, QStringLiteral("qcow2"));
            QCOMPARE(r.returnValue, InvalidParameter);
            QCOMPARE(r.parameter, QStringLiteral("DestinationPath"));
        }
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), QByteArray("keep me"));
        QVERIFY(!QFileInfo::exists(path(QStringLiteral("nowhere"))));

        auto r = exportImage(deviceId, path(QStringLiteral("x.iso")), QStringLiteral("iso"));
        QCOMPARE(r.returnValue, InvalidParameter);
        QCOMPARE(r.parameter, QStringLiteral("Format"));
        r = exportImage(QStringLiteral("no-such-volume"), path(QStringLiteral("y.qcow2")),
                        QStringLiteral("qcow2"));
        QCOMPARE(r.returnValue, InvalidParameter);
        QCOMPARE(r.parameter, QStringLiteral("TheElement"));
        r = exportImage(deviceId, QStringLiteral("relative.qcow2"), QStringLiteral("qcow2"));
        QCOMPARE(r.returnValue, InvalidParameter);
        QCOMPARE(r.parameter, QStringLiteral("DestinationPath"));
        QCOMPARE(m_engine->jobManager()->jobs().size(), 1); // the import's
    }

    void transferDirectoriesConfine()
    {
        // The daemon's rule: only files under the transfer directories, by canonical path.
        const QString allowed = path(QStringLiteral("allowed"));
        const QString outside = path(QStringLiteral("outside"));
        QVERIFY(QDir().mkpath(allowed));
        QVERIFY(QDir().mkpath(outside));
        QVERIFY(open(QStringList{allowed}));
        const QString secret = outside + QStringLiteral("/secret.qcow2");
        QVERIFY(makeQcow2(secret, QStringLiteral("1M"), {}));
        const QString inside = allowed + QStringLiteral("/inside.qcow2");
        QVERIFY(makeQcow2(inside, QStringLiteral("1M"), {}));
        QVERIFY(QFile::link(secret, allowed + QStringLiteral("/link.qcow2")));
        // A QCOW2 inside whose backing file lies outside reads the outside file's data.
        const QString backed = allowed + QStringLiteral("/backed.qcow2");
        QCOMPARE(run(QStringLiteral("qemu-img"),
                     {QStringLiteral("create"), QStringLiteral("-q"), QStringLiteral("-f"),
                      QStringLiteral("qcow2"), QStringLiteral("-b"), secret, QStringLiteral("-F"),
                      QStringLiteral("qcow2"), backed}),
                 0);
        // A VMDK descriptor inside whose extent is a file outside, by absolute and relative path.
        const QString raw = outside + QStringLiteral("/secret.raw");
        QCOMPARE(run(QStringLiteral("qemu-img"),
                     {QStringLiteral("create"), QStringLiteral("-q"), QStringLiteral("-f"),
                      QStringLiteral("raw"), raw, QStringLiteral("1M")}),
                 0);
        const QString vmdkAbsolute = allowed + QStringLiteral("/absolute.vmdk");
        const QString vmdkRelative = allowed + QStringLiteral("/relative.vmdk");
        for (const auto &[descriptor, extent] :
             {std::pair{vmdkAbsolute, raw},
              std::pair{vmdkRelative, QStringLiteral("../outside/secret.raw")}}) {
            QFile f(descriptor);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("# Disk DescriptorFile\nversion=1\nCID=fffffffe\nparentCID=ffffffff\n"
                    "createType=\"monolithicFlat\"\nRW 2048 FLAT \"" +
                    extent.toUtf8() + "\" 0\n");
        }
        // A QCOW2 inside whose external data file lies outside.
        const QString dataFile = allowed + QStringLiteral("/datafile.qcow2");
        QCOMPARE(run(QStringLiteral("qemu-img"),
                     {QStringLiteral("create"), QStringLiteral("-q"), QStringLiteral("-f"),
                      QStringLiteral("qcow2"), QStringLiteral("-o"),
                      QStringLiteral("data_file=") + outside + QStringLiteral("/data.raw"),
                      dataFile, QStringLiteral("1M")}),
                 0);
        for (const QString &refused :
             QStringList{vmdkAbsolute, vmdkRelative, dataFile, secret,
                         allowed + QStringLiteral("/link.qcow2"),
                         allowed + QStringLiteral("/../outside/secret.qcow2"),
                         QStringLiteral("/etc/shadow"), QStringLiteral("/etc/passwd"), backed}) {
            const cim::MethodResult r = importImage(refused);
            QCOMPARE(r.returnValue, InvalidParameter);
            QCOMPARE(r.parameter, QStringLiteral("SourcePath"));
            // Those inside are refused for the file they would read, not for being unreadable.
            if (refused.startsWith(allowed) && !refused.contains(u"link") &&
                !refused.contains(u".."))
                QVERIFY2(r.message.contains(u"may not read"), qPrintable(r.message));
        }
        QVERIFY(pools()->volumes().isEmpty());
        const QString deviceId = importedVolume(inside);
        QVERIFY(!deviceId.isEmpty());

        QVERIFY(QFile::link(outside, allowed + QStringLiteral("/out")));
        for (const QString &refused : QStringList{
                 outside + QStringLiteral("/x.qcow2"), allowed + QStringLiteral("/out/x.qcow2"),
                 allowed + QStringLiteral("/../outside/x.qcow2")}) {
            const cim::MethodResult r = exportImage(deviceId, refused, QStringLiteral("qcow2"));
            QCOMPARE(r.returnValue, InvalidParameter);
            QCOMPARE(r.parameter, QStringLiteral("DestinationPath"));
        }
        QCOMPARE(QDir(outside).entryList(QDir::Files).size(), 3); // what the test put there
        const cim::MethodResult r =
            exportImage(deviceId, allowed + QStringLiteral("/copy.qcow2"), QStringLiteral("qcow2"));
        QCOMPARE(r.returnValue, JobStarted);
        QCOMPARE(finalState(jobOf(r)), cim::JobState::Completed);

        // No directory at all: both methods are refused.
        QVERIFY(open(QStringList{}));
        QCOMPARE(importImage(inside).returnValue, NotSupported);
        QCOMPARE(
            exportImage(deviceId, allowed + QStringLiteral("/c2.qcow2"), QStringLiteral("qcow2"))
                .returnValue,
            NotSupported);
    }

    void restartCleansUpAfterAnUnfinishedImport()
    {
        const QString source = path(QStringLiteral("big.qcow2"));
        QVERIFY(makeQcow2(source, QStringLiteral("64M"),
                          {{QStringLiteral("0"), QStringLiteral("16M")}}));
        const cim::MethodResult r = importImage(source);
        QCOMPARE(r.returnValue, JobStarted);
        const QString jobId = jobOf(r)->instanceId();
        const QString deviceId = deviceIdOf(r);
        // The engine goes away mid-import (its qemu-img with it); the next one cleans up.
        QVERIFY(open());
        QVERIFY(!pools()->volume(deviceId));
        ConcreteJob *job = m_engine->jobManager()->job(jobId);
        QVERIFY(job);
        QCOMPARE(job->state(), cim::JobState::Exception);
    }
};

QTEST_GUILESS_MAIN(TestImageTransfer)
#include "tst_imagetransfer.moc"
