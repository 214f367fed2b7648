#include "storagevolumeprovider.h"

#include "poolmanager.h"

#include "cim/enums.h"
#include "provider/computersystemprovider.h"
#include "provider/providerregistry.h"

#include <QCoreApplication>

namespace rd::engine {

using cim::Value;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("rd::engine", text);
}

} // namespace

cim::ObjectPath StorageVolumeProvider::volumePath(const QString &systemName,
                                                  const QString &deviceId)
{
    return cim::ObjectPath(ProviderRegistry::defaultNameSpace(), volumeClass(),
                           {{QStringLiteral("CreationClassName"), Value::string(volumeClass())},
                            {QStringLiteral("DeviceID"), Value::string(deviceId)},
                            {QStringLiteral("SystemCreationClassName"),
                             Value::string(ComputerSystemProvider::className())},
                            {QStringLiteral("SystemName"), Value::string(systemName)}});
}

StorageVolumeProvider::StorageVolumeProvider(PoolManager *pools, QString systemName)
    : m_pools(pools)
    , m_systemName(std::move(systemName))
{}

QList<ClassInfo> StorageVolumeProvider::classes() const
{
    return {{volumeClass(), {QStringLiteral("CIM_StorageVolume")}, false}};
}

cim::Result<QList<cim::Instance>> StorageVolumeProvider::enumerateInstances(const QString &)
{
    QList<cim::Instance> list;
    if (!m_pools)
        return list;
    for (const VolumeInfo &volume : m_pools->volumes())
        list.append(instanceFor(volume));
    return list;
}

QString StorageVolumeProvider::deviceIdOf(const cim::ObjectPath &path) const
{
    if (path.className().compare(volumeClass(), Qt::CaseInsensitive) != 0 &&
        path.className().compare(u"CIM_StorageVolume", Qt::CaseInsensitive) != 0)
        return {};
    const Value id = path.key(u"DeviceID");
    if (!id.isTyped() || id.isNull() || id.isArray() || id.type() != cim::CimType::String)
        return {};
    // The other keys only place the volume on a system; when given they must name this one.
    const Value system = path.key(u"SystemName");
    if (system.isTyped() && !system.isNull() && system.toString() != m_systemName)
        return {};
    return id.toString();
}

cim::Result<cim::Instance> StorageVolumeProvider::getInstance(const cim::ObjectPath &path)
{
    const QString id = deviceIdOf(path);
    const std::optional<VolumeInfo> volume =
        id.isEmpty() || !m_pools ? std::nullopt : m_pools->volume(id);
    if (!volume) {
        return cim::Error(cim::ReturnCode::InvalidParameter,
                          tr("There is no volume %1.").arg(path.toString()));
    }
    // Found by DeviceID (and SystemName when given), like PoolReplicaStorage resolves volumes:
    // WS-Man clients often address an instance with a subset of its keys.
    return instanceFor(*volume);
}

cim::Result<void> StorageVolumeProvider::modifyInstance(const cim::Instance &instance,
                                                        const QStringList &propertyList)
{
    auto current = getInstance(instance.path());
    if (!current)
        return current.error();
    const QString id = deviceIdOf(instance.path());
    QStringList names = propertyList;
    if (names.isEmpty()) {
        for (const auto &[name, value] : instance.properties())
            names.append(name);
    }
    // What the engine measures as it runs: a client that read the instance a moment ago and
    // sends it back whole must not be refused because a host wrote meanwhile.
    static const QStringList measured = {QStringLiteral("ProvisionedConsumableBlocks"),
                                         QStringLiteral("OperationalStatus"),
                                         QStringLiteral("HealthState")};
    std::optional<QString> newName;
    for (const QString &name : std::as_const(names)) {
        const Value value = instance.property(name);
        if (name.compare(u"ElementName", Qt::CaseInsensitive) == 0) {
            if (!value.isTyped() || value.isNull() || value.isArray() ||
                value.type() != cim::CimType::String) {
                return cim::Error(cim::ReturnCode::InvalidParameter,
                                  tr("ElementName must be the volume's new name."),
                                  QStringLiteral("ElementName"));
            }
            newName = value.toString();
        } else if (!measured.contains(name, Qt::CaseInsensitive) &&
                   !(value == current->property(name))) {
            return cim::Error(cim::ReturnCode::InvalidParameter,
                              tr("Only the ElementName of a volume can be changed this way, not "
                                 "%1; a volume grows through CreateOrModifyElementFromStoragePool.")
                                  .arg(name),
                              name);
        }
    }
    if (!newName)
        return {};
    auto renamed = m_pools->renameVolume(id, *newName);
    if (!renamed) {
        cim::Error e = renamed.error();
        e.parameter = QStringLiteral("ElementName");
        return e;
    }
    return {};
}

cim::Result<void> StorageVolumeProvider::deleteInstance(const cim::ObjectPath &path)
{
    const QString id = deviceIdOf(path);
    if (id.isEmpty() || !m_pools) {
        return cim::Error(cim::ReturnCode::InvalidParameter,
                          tr("There is no volume %1.").arg(path.toString()));
    }
    return m_pools->deleteVolume(id);
}

cim::Instance StorageVolumeProvider::instanceFor(const VolumeInfo &volume) const
{
    cim::Instance inst(volumeClass());
    inst.setPath(volumePath(m_systemName, volume.deviceId));
    inst.setProperty(QStringLiteral("SystemCreationClassName"),
                     Value::string(ComputerSystemProvider::className()));
    inst.setProperty(QStringLiteral("SystemName"), Value::string(m_systemName));
    inst.setProperty(QStringLiteral("CreationClassName"), Value::string(volumeClass()));
    inst.setProperty(QStringLiteral("DeviceID"), Value::string(volume.deviceId));
    inst.setProperty(QStringLiteral("Name"), Value::string(volume.deviceId));
    inst.setProperty(QStringLiteral("ElementName"), Value::string(volume.elementName));
    inst.setProperty(QStringLiteral("BlockSize"), Value::uint64(BlockDevice::BlockSize));
    inst.setProperty(QStringLiteral("NumberOfBlocks"), Value::uint64(volume.numberOfBlocks()));
    // No metadata inside the image: every block is usable by a host.
    inst.setProperty(QStringLiteral("ConsumableBlocks"), Value::uint64(volume.numberOfBlocks()));
    inst.setProperty(QStringLiteral("Primordial"), Value::boolean(false));
    // Images are sparse: blocks take space only once written (SMI-S Thin Provisioning shape).
    inst.setProperty(QStringLiteral("ThinlyProvisioned"), Value::boolean(true));
    if (volume.created.isValid()) {
        inst.setProperty(QStringLiteral("InstallDate"),
                         Value::dateTime(cim::DateTime::timestamp(volume.created)));
    }
    const auto allocated = m_pools->allocatedBytes(volume.deviceId);
    if (allocated) {
        const quint64 blocks =
            (allocated.value() + BlockDevice::BlockSize - 1) / BlockDevice::BlockSize;
        inst.setProperty(QStringLiteral("ProvisionedConsumableBlocks"),
                         Value::uint64(std::min(blocks, volume.numberOfBlocks())));
        inst.setProperty(QStringLiteral("OperationalStatus"),
                         Value::array(cim::CimType::UInt16,
                                      {Value::uint16(quint16(cim::OperationalStatus::OK))}));
        inst.setProperty(QStringLiteral("HealthState"), Value::uint16(5)); // OK
    } else {
        // The image cannot be read (removed behind the engine's back, or its disk is gone).
        inst.setProperty(QStringLiteral("ProvisionedConsumableBlocks"),
                         Value::null(cim::CimType::UInt64));
        inst.setProperty(QStringLiteral("OperationalStatus"),
                         Value::array(cim::CimType::UInt16,
                                      {Value::uint16(quint16(cim::OperationalStatus::Error))}));
        inst.setProperty(QStringLiteral("HealthState"), Value::uint16(25)); // critical failure
        inst.setProperty(
            QStringLiteral("StatusDescriptions"),
            Value::array(cim::CimType::String, {Value::string(allocated.error().message)}));
    }
    return inst;
}

} // namespace rd::engine
