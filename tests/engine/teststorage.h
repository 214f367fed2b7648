#pragma once
// ReplicaStorage over plain sparse files in pool directories, for replication tests that do not
// need the engine's PoolManager: StorageVolume paths by DeviceID, StoragePool paths by InstanceID.

#include "testfiledevice.h"

#include "provider/providerregistry.h"
#include "replication/replicastorage.h"

#include <QDir>
#include <QHash>
#include <QUuid>

namespace rd::test {

class TestStorage final : public engine::ReplicaStorage
{
public:
    static QString volumeClass() { return QStringLiteral("MSISCSITARGET_StorageVolume"); }
    static QString poolClass() { return QStringLiteral("MSISCSITARGET_StoragePool"); }
    static QString settingClass() { return QStringLiteral("MSISCSITARGET_StorageSetting"); }

    // Pool ids name directories; the first is the default pool.
    explicit TestStorage(QHash<QString, QString> pools, QString defaultPool)
        : m_pools(std::move(pools))
        , m_default(std::move(defaultPool))
    {
        for (const QString &dir : std::as_const(m_pools))
            QDir().mkpath(dir);
    }

    static cim::ObjectPath volumePath(const QString &deviceId)
    {
        return cim::ObjectPath(engine::ProviderRegistry::defaultNameSpace(), volumeClass(),
                               {{QStringLiteral("DeviceID"), cim::Value::string(deviceId)}});
    }
    static cim::ObjectPath poolPath(const QString &id)
    {
        return cim::ObjectPath(engine::ProviderRegistry::defaultNameSpace(), poolClass(),
                               {{QStringLiteral("InstanceID"), cim::Value::string(id)}});
    }
    static cim::ObjectPath settingPath(const QString &id)
    {
        return cim::ObjectPath(engine::ProviderRegistry::defaultNameSpace(), settingClass(),
                               {{QStringLiteral("InstanceID"), cim::Value::string(id)}});
    }

    std::shared_ptr<TestFileDevice> testDevice(const QString &deviceId) const
    {
        return m_volumes.value(deviceId).device;
    }
    int volumeCount() const { return int(m_volumes.size()); }
    // Image files in every pool directory.
    int fileCount() const
    {
        int n = 0;
        for (const QString &dir : m_pools)
            n += int(QDir(dir).entryList(QDir::Files).size());
        return n;
    }

    bool failCreateAfter = false; // createVolume fails once this many succeeded (see createsLeft)
    int createsLeft = 0;

    std::optional<engine::ReplicaVolume> volume(const cim::ObjectPath &path) override
    {
        if (path.className().compare(volumeClass(), Qt::CaseInsensitive) != 0 &&
            path.className().compare(u"CIM_StorageVolume", Qt::CaseInsensitive) != 0)
            return std::nullopt;
        return volumeById(path.key(u"DeviceID").toString());
    }
    std::optional<engine::ReplicaVolume> volumeById(const QString &deviceId) override
    {
        auto it = m_volumes.constFind(deviceId);
        if (it == m_volumes.constEnd())
            return std::nullopt;
        return it->info;
    }
    std::optional<QString> pool(const cim::ObjectPath &path) override
    {
        if (path.className().compare(poolClass(), Qt::CaseInsensitive) != 0)
            return std::nullopt;
        const QString id = path.key(u"InstanceID").toString();
        return m_pools.contains(id) ? std::optional<QString>(id) : std::nullopt;
    }
    QString defaultPool() override { return m_default; }
    bool settingExists(const cim::ObjectPath &path) override
    {
        return path.className().compare(settingClass(), Qt::CaseInsensitive) == 0 &&
               path.key(u"InstanceID").toString() == QStringLiteral("setting-1");
    }
    cim::Result<engine::ReplicaVolume>
    createVolume(const QString &poolId, const QString &elementName, quint64 size) override
    {
        if (failCreateAfter && createsLeft-- <= 0)
            return cim::Error(cim::ReturnCode::Failed, QStringLiteral("pool full"));
        const QString id = QStringLiteral("vol-") + QUuid::createUuid().toString(QUuid::Id128);
        return add(poolId, id, elementName, size);
    }
    cim::Result<void> deleteVolume(const QString &deviceId) override
    {
        auto it = m_volumes.find(deviceId);
        if (it == m_volumes.end())
            return cim::Error(cim::ReturnCode::InvalidParameter, QStringLiteral("no such volume"));
        QFile::remove(it->file);
        m_volumes.erase(it);
        return {};
    }
    std::shared_ptr<engine::BlockDevice> device(const QString &deviceId) override
    {
        return m_volumes.value(deviceId).device;
    }
    int fileDescriptor(const QString &deviceId) override
    {
        auto d = m_volumes.value(deviceId).device;
        return d ? d->fd() : -1;
    }

    // A volume made by the test itself (not through createVolume).
    engine::ReplicaVolume addVolume(const QString &elementName, quint64 size,
                                    const QString &poolId = {})
    {
        const QString id = QStringLiteral("vol-") + QUuid::createUuid().toString(QUuid::Id128);
        return add(poolId.isEmpty() ? m_default : poolId, id, elementName, size).value();
    }

private:
    cim::Result<engine::ReplicaVolume> add(const QString &poolId, const QString &id,
                                           const QString &elementName, quint64 size)
    {
        Entry e;
        e.file = QDir(m_pools.value(poolId)).filePath(id + QStringLiteral(".img"));
        e.device = TestFileDevice::create(e.file, size);
        if (!e.device)
            return cim::Error(cim::ReturnCode::Failed, QStringLiteral("cannot create the file"));
        e.info = {id, elementName, poolId, size, volumePath(id)};
        m_volumes.insert(id, e);
        return e.info;
    }

    struct Entry
    {
        engine::ReplicaVolume info;
        QString file;
        std::shared_ptr<TestFileDevice> device;
    };
    QHash<QString, QString> m_pools;
    QString m_default;
    QHash<QString, Entry> m_volumes;
};

} // namespace rd::test
