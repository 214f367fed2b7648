#include "storagepoolprovider.h"

#include "poolmanager.h"
#include "storagevolumeprovider.h"

#include "cim/enums.h"
#include "provider/computersystemprovider.h"
#include "provider/providerregistry.h"

#include <QCoreApplication>
#include <QDir>

namespace rd::engine {

using cim::Value;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("rd::engine", text);
}

Value status(cim::OperationalStatus s)
{
    return Value::array(cim::CimType::UInt16, {Value::uint16(quint16(s))});
}

} // namespace

cim::ObjectPath StoragePoolProvider::poolPath(const QString &poolId)
{
    return cim::ObjectPath(ProviderRegistry::defaultNameSpace(), poolClass(),
                           {{QStringLiteral("InstanceID"), Value::string(poolId)}});
}

StoragePoolProvider::StoragePoolProvider(PoolManager *pools, QString systemName)
    : m_pools(pools)
    , m_systemName(std::move(systemName))
{}

QList<ClassInfo> StoragePoolProvider::classes() const
{
    return {{poolClass(), {QStringLiteral("CIM_StoragePool")}, false},
            {allocatedFromClass(), {QStringLiteral("CIM_AllocatedFromStoragePool")}, true},
            {hostedPoolClass(), {QStringLiteral("CIM_HostedStoragePool")}, true}};
}

cim::Result<QList<cim::Instance>> StoragePoolProvider::enumerateInstances(const QString &className)
{
    if (!m_pools)
        return QList<cim::Instance>();
    if (className.compare(allocatedFromClass(), Qt::CaseInsensitive) == 0)
        return allocatedFrom();
    if (className.compare(hostedPoolClass(), Qt::CaseInsensitive) == 0)
        return hostedPools();
    return poolInstances();
}

cim::Result<cim::Instance> StoragePoolProvider::getInstance(const cim::ObjectPath &path)
{
    // Pools are found by their key directly; the associations by the generic scan.
    if (path.className().compare(poolClass(), Qt::CaseInsensitive) != 0)
        return Provider::getInstance(path);
    const QString id = path.key(u"InstanceID").toString();
    for (const cim::Instance &pool : poolInstances()) {
        if (pool.path() == path)
            return pool;
    }
    return cim::Error(cim::ReturnCode::InvalidParameter,
                      tr("There is no storage pool %1.").arg(id));
}

QList<cim::Instance> StoragePoolProvider::poolInstances() const
{
    QList<cim::Instance> list;
    for (const StoragePool &pool : m_pools->pools()) {
        cim::Instance inst(poolClass());
        inst.setPath(poolPath(pool.id()));
        inst.setProperty(QStringLiteral("InstanceID"), Value::string(pool.id()));
        inst.setProperty(QStringLiteral("PoolID"), Value::string(pool.id()));
        inst.setProperty(QStringLiteral("ElementName"), Value::string(pool.name()));
        inst.setProperty(
            QStringLiteral("Description"),
            Value::string(
                tr("Volume images in %1").arg(QDir::toNativeSeparators(pool.directory()))));
        inst.setProperty(QStringLiteral("SystemName"), Value::string(m_systemName));
        // Not primordial: a pool is a directory the operator chose, not raw capacity.
        inst.setProperty(QStringLiteral("Primordial"), Value::boolean(false));
        const auto space = pool.space();
        if (space) {
            // The filesystem's figures: volumes are thin, so what is left is what the
            // filesystem has left, shared with anything else stored there.
            inst.setProperty(QStringLiteral("TotalManagedSpace"), Value::uint64(space->total));
            inst.setProperty(QStringLiteral("RemainingManagedSpace"),
                             Value::uint64(space->available));
            inst.setProperty(QStringLiteral("OperationalStatus"),
                             status(cim::OperationalStatus::OK));
            inst.setProperty(QStringLiteral("HealthState"), Value::uint16(5)); // OK
        } else {
            inst.setProperty(QStringLiteral("TotalManagedSpace"),
                             Value::null(cim::CimType::UInt64));
            inst.setProperty(QStringLiteral("RemainingManagedSpace"),
                             Value::null(cim::CimType::UInt64));
            inst.setProperty(QStringLiteral("OperationalStatus"),
                             status(cim::OperationalStatus::Error));
            inst.setProperty(QStringLiteral("HealthState"), Value::uint16(25)); // critical
            inst.setProperty(
                QStringLiteral("StatusDescriptions"),
                Value::array(cim::CimType::String, {Value::string(space.error().message)}));
        }
        list.append(inst);
    }
    return list;
}

QList<cim::Instance> StoragePoolProvider::allocatedFrom() const
{
    QList<cim::Instance> list;
    for (const VolumeInfo &volume : m_pools->volumes()) {
        cim::Instance inst(allocatedFromClass());
        const cim::ObjectPath antecedent = poolPath(volume.poolId);
        const cim::ObjectPath dependent =
            StorageVolumeProvider::volumePath(m_systemName, volume.deviceId);
        inst.setPath(cim::ObjectPath(ProviderRegistry::defaultNameSpace(), allocatedFromClass(),
                                     {{QStringLiteral("Antecedent"), Value::reference(antecedent)},
                                      {QStringLiteral("Dependent"), Value::reference(dependent)}}));
        inst.setProperty(QStringLiteral("Antecedent"), Value::reference(antecedent));
        inst.setProperty(QStringLiteral("Dependent"), Value::reference(dependent));
        // What the thin volume really takes from the pool (SMI-S: equals
        // ProvisionedConsumableBlocks × BlockSize).
        const auto allocated = m_pools->allocatedBytes(volume.deviceId);
        inst.setProperty(QStringLiteral("SpaceConsumed"), allocated
                                                              ? Value::uint64(allocated.value())
                                                              : Value::null(cim::CimType::UInt64));
        list.append(inst);
    }
    return list;
}

QList<cim::Instance> StoragePoolProvider::hostedPools() const
{
    QList<cim::Instance> list;
    const cim::ObjectPath system = ComputerSystemProvider::pathFor(m_systemName);
    for (const StoragePool &pool : m_pools->pools()) {
        cim::Instance inst(hostedPoolClass());
        const cim::ObjectPath part = poolPath(pool.id());
        inst.setPath(cim::ObjectPath(ProviderRegistry::defaultNameSpace(), hostedPoolClass(),
                                     {{QStringLiteral("GroupComponent"), Value::reference(system)},
                                      {QStringLiteral("PartComponent"), Value::reference(part)}}));
        inst.setProperty(QStringLiteral("GroupComponent"), Value::reference(system));
        inst.setProperty(QStringLiteral("PartComponent"), Value::reference(part));
        list.append(inst);
    }
    return list;
}

} // namespace rd::engine
