#include "storagefigures.h"

#include "cimclasses.h"
#include "systeminventory.h"

#include <QCoreApplication>
#include <QLocale>

#include <limits>

namespace rd::ui {

namespace {
std::optional<quint64> unsignedOf(const cim::Instance &instance, QStringView name)
{
    const cim::Value v = instance.property(name);
    if (!v.isTyped() || v.isNull() || v.isArray() || !cim::isInteger(v.type()) ||
        cim::isSigned(v.type()))
        return std::nullopt;
    return v.toUInt64();
}

bool isClass(const cim::Instance &instance, const QString &name)
{
    return classes::sameClass(instance.className(), name);
}
} // namespace

std::optional<quint64> volumeBytes(const cim::Instance &volume)
{
    const auto blockSize = unsignedOf(volume, u"BlockSize");
    const auto blocks = unsignedOf(volume, u"NumberOfBlocks");
    if (!blockSize || !blocks)
        return std::nullopt;
    return *blockSize * *blocks;
}

std::optional<quint64> volumeAllocatedBytes(const cim::Instance &volume)
{
    const auto blockSize = unsignedOf(volume, u"BlockSize");
    const auto blocks = unsignedOf(volume, u"ProvisionedConsumableBlocks");
    if (!blockSize || !blocks)
        return std::nullopt;
    return *blockSize * *blocks;
}

std::optional<quint64> poolFreeBytes(const cim::Instance &pool)
{
    return unsignedOf(pool, u"RemainingManagedSpace");
}

std::optional<quint64> poolTotalBytes(const cim::Instance &pool)
{
    return unsignedOf(pool, u"TotalManagedSpace");
}

QString byteText(quint64 bytes)
{
    return QLocale().formattedDataSize(
        qint64(qMin<quint64>(bytes, quint64(std::numeric_limits<qint64>::max()))));
}

QString allocationSummary(const cim::Instance &instance)
{
    if (isClass(instance, classes::storageVolume())) {
        const auto size = volumeBytes(instance);
        if (!size)
            return QString();
        const auto allocated = volumeAllocatedBytes(instance);
        if (!allocated)
            return byteText(*size);
        const int percent = *size == 0 ? 0 : int((*allocated * 100 + *size / 2) / *size);
        //: A volume's size, then how much of it its thin image takes: "4 MiB, 1 MiB allocated
        //: (25 %)".
        return QCoreApplication::translate("rd::ui::StorageFigures", "%1, %2 allocated (%3 %)")
            .arg(byteText(*size), byteText(*allocated), QLocale().toString(percent));
    }
    if (isClass(instance, classes::storagePool())) {
        const auto total = poolTotalBytes(instance);
        const auto free = poolFreeBytes(instance);
        if (!total || !free)
            return QString();
        return QCoreApplication::translate("rd::ui::StorageFigures", "%1 free of %2")
            .arg(byteText(*free), byteText(*total));
    }
    return QString();
}

QString identityOf(const cim::ObjectPath &path)
{
    cim::ObjectPath p = path;
    p.setNameSpace(QString());
    return p.toString();
}

std::optional<cim::Instance> volumePool(const SystemInventory &inventory,
                                        const cim::Instance &volume)
{
    const QString key = identityOf(volume.path());
    for (const cim::Instance &link : inventory.instances(classes::allocatedFromStoragePool())) {
        if (identityOf(link.property(u"Dependent").toReference()) != key)
            continue;
        return inventory.find(link.property(u"Antecedent").toReference());
    }
    return std::nullopt;
}

QSet<QString> volumesInSynchronizations(const SystemInventory &inventory)
{
    QSet<QString> keys;
    for (const cim::Instance &sync : inventory.instances(classes::storageSynchronized())) {
        for (const auto role : {u"SystemElement", u"SyncedElement"}) {
            const cim::Value v = sync.property(QStringView(role));
            if (v.isTyped() && !v.isNull() && v.type() == cim::CimType::Reference)
                keys.insert(identityOf(v.toReference()));
        }
    }
    return keys;
}

} // namespace rd::ui
