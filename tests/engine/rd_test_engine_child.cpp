// Helper for tst_crashrecovery: opens an Engine on a data directory, makes a source volume full of
// random data, starts a clone of it (CopyPriority Low, so it takes a while), keeps writing to the
// source, and reports on stdout until it is killed:
//   SOURCE <deviceId> <sha256 at accept>   JOB <instanceId>   TARGET <deviceId>
//   PROGRESS <percent>   SUSPENDED
//
//   rd_test_engine_child <dataDir> <poolDir> <sizeMiB> [suspend-at <percent>]

#include "engine.h"
#include "jobs/jobmanager.h"
#include "provider/providerregistry.h"
#include "replication/poolreplicastorage.h"
#include "storage/poolmanager.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QTimer>

#include <atomic>
#include <cstdio>
#include <thread>

using namespace rd;
using namespace rd::engine;
using cim::Value;

namespace {
void say(const QString &line)
{
    std::fputs(qPrintable(line + QLatin1Char('\n')), stdout);
    std::fflush(stdout);
}

int fail(const QString &why)
{
    say(QStringLiteral("ERROR ") + why);
    return 1;
}

QByteArray sha256(BlockDevice &d)
{
    QCryptographicHash h(QCryptographicHash::Sha256);
    QByteArray buf(1 << 20, '\0');
    for (quint64 off = 0; off < d.size(); off += quint64(buf.size())) {
        if (!d.read(off, std::span<char>(buf.data(), size_t(buf.size()))))
            return {};
        h.addData(buf);
    }
    return h.result().toHex();
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 4)
        return fail(QStringLiteral("usage: dataDir poolDir sizeMiB [suspend-at percent]"));
    const quint64 size = args[3].toULongLong() << 20;
    const int suspendAt =
        args.size() >= 6 && args[4] == QStringLiteral("suspend-at") ? args[5].toInt() : -1;

    auto opened = Engine::open({args[1], args[2], QStringLiteral("child-host")});
    if (!opened)
        return fail(opened.error().message);
    std::unique_ptr<Engine> engine = std::move(opened).value();
    PoolManager *pools = engine->poolManager();
    auto volume = pools->createVolume(pools->defaultPoolId(), QStringLiteral("source"), size);
    if (!volume)
        return fail(volume.error().message);
    auto device = pools->device(volume->deviceId);
    if (!device)
        return fail(device.error().message);
    std::shared_ptr<FileVolume> source = device.value();
    {
        QRandomGenerator rng(99);
        QByteArray buf(1 << 20, '\0');
        for (quint64 off = 0; off < size; off += quint64(buf.size())) {
            rng.fillRange(reinterpret_cast<quint32 *>(buf.data()), buf.size() / 4);
            if (!source->write(off, std::span<const char>(buf.constData(), size_t(buf.size()))))
                return fail(QStringLiteral("cannot fill the source"));
        }
        if (!source->flush())
            return fail(QStringLiteral("cannot flush the source"));
    }
    say(QStringLiteral("SOURCE %1 %2").arg(volume->deviceId, QString::fromLatin1(sha256(*source))));

    PoolReplicaStorage paths(pools, engine->systemName());
    cim::Parameters in;
    in.set(QStringLiteral("SyncType"), Value::uint16(8));
    in.set(QStringLiteral("SourceElements"),
           Value::array(cim::CimType::Reference,
                        {Value::reference(paths.volumePath(volume->deviceId))}));
    in.set(QStringLiteral("ReplicationSettingData"),
           Value::string(
               QStringLiteral("<INSTANCE CLASSNAME=\"CIM_ReplicationSettingData\">"
                              "<PROPERTY NAME=\"CopyPriority\" TYPE=\"uint16\"><VALUE>1</VALUE>"
                              "</PROPERTY></INSTANCE>")));
    cim::ObjectPath service;
    auto services =
        engine->registry()->enumerateInstances(QStringLiteral("CIM_ReplicationService"));
    if (!services || services->isEmpty())
        return fail(QStringLiteral("no replication service"));
    service = services->first().path();
    auto future =
        engine->registry()->invokeMethod({service, QStringLiteral("CreateListReplica"), in});
    if (!future.isFinished())
        return fail(QStringLiteral("CreateListReplica did not answer at once"));
    const cim::MethodResult r = future.result();
    if (r.returnValue != 4096)
        return fail(
            QStringLiteral("CreateListReplica returned %1: %2").arg(r.returnValue).arg(r.message));
    const QString jobId = r.out.value(u"Job").toReference().key(u"InstanceID").toString();
    say(QStringLiteral("JOB %1").arg(jobId));
    say(QStringLiteral("TARGET %1")
            .arg(r.out.value(u"TargetElements")
                     .elements()
                     .first()
                     .toReference()
                     .key(u"DeviceID")
                     .toString()));

    // The source goes on being written while the copy runs: the clone must not see it.
    std::atomic<bool> stop{false};
    std::thread writer([&] {
        QRandomGenerator rng(7);
        QByteArray buf(64 * 1024, '\0');
        while (!stop) {
            rng.fillRange(reinterpret_cast<quint32 *>(buf.data()), buf.size() / 4);
            const quint64 off = rng.bounded(quint64(size / buf.size())) * quint64(buf.size());
            (void)source->write(off, std::span<const char>(buf.constData(), size_t(buf.size())));
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
        }
    });

    JobManager *jobs = engine->jobManager();
    QTimer report;
    bool suspended = false;
    QObject::connect(&report, &QTimer::timeout, [&] {
        ConcreteJob *job = jobs->job(jobId);
        if (!job)
            return;
        say(QStringLiteral("PROGRESS %1").arg(job->percentComplete()));
        if (suspendAt >= 0 && !suspended && job->percentComplete() >= suspendAt) {
            suspended = true;
            auto f = jobs->requestStateChange(jobId, quint16(cim::JobRequestedState::Suspend));
            if (f.isFinished() && f.result().returnValue == 0)
                say(QStringLiteral("SUSPENDED"));
        }
    });
    report.start(20);
    const int rc = app.exec(); // until SIGKILL
    stop = true;
    writer.join();
    return rc;
}
