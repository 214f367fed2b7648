#pragma once
// Helpers for snapshot and mirror tests on a real Engine (PoolManager, catalog, image files in a
// temporary directory): random volumes, checksums through the block layer, and method calls
// through the provider registry as a client makes them.

#include "testsupport.h"

#include "engine.h"
#include "jobs/jobmanager.h"
#include "provider/providerregistry.h"
#include "replication/poolreplicastorage.h"
#include "replication/replicationservice.h"
#include "replication/sqlsyncstore.h"
#include "storage/poolmanager.h"

#include <QCryptographicHash>
#include <QDir>
#include <QRandomGenerator>
#include <QTest>

namespace rd::test {

constexpr quint64 MiB = 1 << 20;

// SHA-256 of [offset, offset+length) as read through the device (the whole device by default).
inline QByteArray sha256(engine::BlockDevice &d, quint64 offset = 0, quint64 length = 0)
{
    if (length == 0)
        length = d.size() - offset;
    QCryptographicHash h(QCryptographicHash::Sha256);
    QByteArray buf(int(MiB), '\0');
    for (quint64 done = 0; done < length;) {
        const qsizetype n = qsizetype(std::min<quint64>(MiB, length - done));
        if (!d.read(offset + done, std::span<char>(buf.data(), size_t(n))))
            return {};
        h.addData(QByteArrayView(buf.constData(), n));
        done += quint64(n);
    }
    return h.result().toHex();
}

inline bool writeRandom(engine::BlockDevice &d, quint64 offset, quint64 length,
                        QRandomGenerator &rng)
{
    QByteArray buf(qsizetype(length), '\0');
    rng.fillRange(reinterpret_cast<quint32 *>(buf.data()), buf.size() / 4);
    return d.write(offset, std::span<const char>(buf.constData(), size_t(buf.size()))).ok();
}

// An Engine on dir/data with its default pool in dir/pool, and what tests need around it.
class EngineFixture
{
public:
    explicit EngineFixture(const QString &dir)
        : m_dir(dir)
    {}

    bool open()
    {
        engine::EngineOptions options{m_dir + QStringLiteral("/data"),
                                      m_dir + QStringLiteral("/pool"), QStringLiteral("host")};
        options.imageCheckIntervalMs = imageCheckIntervalMs;
        auto e = engine::Engine::open(options);
        if (!e) {
            qWarning("engine: %s", qPrintable(e.error().message));
            return false;
        }
        engine = std::move(e).value();
        paths = std::make_unique<engine::PoolReplicaStorage>(engine->poolManager(),
                                                             engine->systemName());
        return true;
    }
    void close()
    {
        paths.reset();
        engine.reset();
    }

    engine::PoolManager *pools() const { return engine->poolManager(); }
    engine::ReplicationService *replication() const { return engine->replication(); }
    QString mapDirectory() const { return m_dir + QStringLiteral("/data/checkpoints"); }

    // A volume filled with random data from seed over [0, dataBytes) (the rest stays a hole).
    QString volume(const QString &name, quint64 size, quint64 dataBytes, quint32 seed)
    {
        auto v = pools()->createVolume(pools()->defaultPoolId(), name, size);
        if (!v)
            return {};
        QRandomGenerator rng(seed);
        auto d = pools()->device(v->deviceId).value();
        for (quint64 off = 0; off < dataBytes; off += MiB) {
            if (!writeRandom(*d, off, std::min<quint64>(MiB, dataBytes - off), rng))
                return {};
        }
        return v->deviceId;
    }
    std::shared_ptr<engine::BlockDevice> device(const QString &id)
    {
        auto d = pools()->blockDevice(id);
        return d ? d.value() : nullptr;
    }
    QByteArray sum(const QString &id)
    {
        auto d = device(id);
        return d ? sha256(*d) : QByteArray();
    }
    cim::ObjectPath volumePath(const QString &id) const { return paths->volumePath(id); }

    cim::MethodResult invoke(const cim::ObjectPath &target, const QString &method,
                             const cim::Parameters &in, int timeoutMs = 30000)
    {
        auto f = engine->registry()->invokeMethod({target, method, in});
        if (!QTest::qWaitFor([&] { return f.isFinished(); }, timeoutMs))
            return cim::MethodResult::failure(9999, QStringLiteral("timed out"));
        return f.result();
    }
    // CreateListReplica of sources with SyncType type; mode / waitFor 0 = NULL.
    cim::MethodResult create(const QStringList &sources, quint16 type, quint16 mode = 0,
                             quint16 waitFor = 0, const QString &settings = {})
    {
        cim::Parameters in;
        in.set(QStringLiteral("SyncType"), cim::Value::uint16(type));
        QList<cim::ObjectPath> p;
        for (const QString &s : sources)
            p.append(volumePath(s));
        in.set(QStringLiteral("SourceElements"), refs(p));
        if (mode)
            in.set(QStringLiteral("Mode"), cim::Value::uint16(mode));
        if (waitFor)
            in.set(QStringLiteral("WaitForCopyState"), cim::Value::uint16(waitFor));
        if (!settings.isEmpty())
            in.set(QStringLiteral("ReplicationSettingData"), cim::Value::string(settings));
        return invoke(replication()->servicePath(), QStringLiteral("CreateListReplica"), in);
    }
    // ModifyListSynchronization (list = true) or ModifyReplicaSynchronization of syncs.
    cim::MethodResult modify(quint16 operation, const QList<cim::ObjectPath> &syncs,
                             quint16 waitFor = 0, bool list = true)
    {
        cim::Parameters in;
        in.set(QStringLiteral("Operation"), cim::Value::uint16(operation));
        if (list)
            in.set(QStringLiteral("Synchronization"), refs(syncs));
        else
            in.set(QStringLiteral("Synchronization"), cim::Value::reference(syncs.value(0)));
        if (waitFor)
            in.set(QStringLiteral("WaitForCopyState"), cim::Value::uint16(waitFor));
        return invoke(replication()->servicePath(),
                      list ? QStringLiteral("ModifyListSynchronization")
                           : QStringLiteral("ModifyReplicaSynchronization"),
                      in);
    }

    static QString targetOf(const cim::MethodResult &r, int i = 0)
    {
        return r.out.value(u"TargetElements")
            .elements()
            .value(i)
            .toReference()
            .key(u"DeviceID")
            .toString();
    }
    static cim::ObjectPath syncOf(const cim::MethodResult &r, int i = 0)
    {
        return r.out.value(u"Synchronizations").elements().value(i).toReference();
    }
    static QString jobOf(const cim::MethodResult &r)
    {
        const cim::Value job = r.out.value(u"Job");
        return job.isTyped() && !job.isNull() ? job.toReference().key(u"InstanceID").toString()
                                              : QString();
    }
    std::optional<engine::SyncRecord> record(const QString &targetId) const
    {
        for (const engine::SyncRecord &s : engine->replication()->synchronizations()) {
            if (s.targetDeviceId == targetId)
                return s;
        }
        return std::nullopt;
    }
    quint16 copyState(const QString &targetId) const
    {
        const auto r = record(targetId);
        return r ? r->copyState : 0;
    }
    QStringList mapFiles() const { return QDir(mapDirectory()).entryList(QDir::Files); }

    std::unique_ptr<engine::Engine> engine;
    std::unique_ptr<engine::PoolReplicaStorage> paths;
    int imageCheckIntervalMs = 1000; // EngineOptions::imageCheckIntervalMs for the next open()

private:
    QString m_dir;
};

} // namespace rd::test
