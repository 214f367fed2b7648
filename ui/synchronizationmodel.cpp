#include "synchronizationmodel.h"

#include "cim/enums.h"
#include "cim/valuemap.h"
#include "cimclasses.h"
#include "storagefigures.h"
#include "systeminventory.h"
#include "valueformat.h"

#include <QHash>
#include <QLocale>
#include <QSet>

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

QString mapped(const cim::ValueMap &map, const cim::Instance &sync, QStringView name)
{
    const auto code = unsignedOf(sync, name);
    return code ? map.label(*code) : QString();
}
} // namespace

SynchronizationModel::SynchronizationModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void SynchronizationModel::addSystem(SystemInventory *inventory)
{
    m_inventories.append(inventory);
    connect(inventory, &SystemInventory::instancesChanged, this, [this](const QString &className) {
        if (classes::sameClass(className, classes::storageSynchronized()) ||
            classes::sameClass(className, classes::storageVolume()))
            rebuild();
    });
    connect(inventory, &QObject::destroyed, this, [this] {
        m_inventories.removeAll(nullptr);
        rebuild();
    });
    rebuild();
}

cim::Instance SynchronizationModel::synchronization(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).sync : cim::Instance();
}

SystemInventory *SynchronizationModel::systemOf(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).system.data() : nullptr;
}

void SynchronizationModel::rebuild()
{
    QList<Row> wanted;
    QSet<QString> keys;
    for (qsizetype i = 0; i < m_inventories.size(); ++i) {
        SystemInventory *inventory = m_inventories.at(i);
        if (!inventory)
            continue;
        for (const cim::Instance &sync : inventory->instances(classes::storageSynchronized())) {
            const QString key = QString::number(i) + u'|' + identityOf(sync.path());
            if (keys.contains(key))
                continue;
            keys.insert(key);
            wanted.append({key, inventory, sync});
        }
    }
    for (int row = int(m_rows.size()) - 1; row >= 0; --row) {
        if (keys.contains(m_rows.at(row).key))
            continue;
        beginRemoveRows({}, row, row);
        m_rows.removeAt(row);
        endRemoveRows();
    }
    QHash<QString, int> present;
    for (int row = 0; row < m_rows.size(); ++row)
        present.insert(m_rows.at(row).key, row);
    QList<Row> fresh;
    int first = -1;
    int last = -1;
    for (const Row &row : std::as_const(wanted)) {
        const auto it = present.constFind(row.key);
        if (it == present.cend()) {
            fresh.append(row);
            continue;
        }
        // Volume names may have changed too: refresh every kept row's text in the same signal.
        m_rows[*it].sync = row.sync;
        first = first < 0 ? *it : qMin(first, *it);
        last = qMax(last, *it);
    }
    if (first >= 0)
        Q_EMIT dataChanged(index(first, 0), index(last, ColumnCount - 1));
    if (!fresh.isEmpty()) {
        beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + fresh.size()) - 1);
        m_rows.append(fresh);
        endInsertRows();
    }
}

QString SynchronizationModel::elementName(int row, QStringView role) const
{
    const Row &r = m_rows.at(row);
    const cim::Value ref = r.sync.property(role);
    if (!ref.isTyped() || ref.isNull() || ref.type() != cim::CimType::Reference)
        return QString();
    // A replica on another system is named as that system lists it when the console follows it
    // too, else by its key and the system's name.
    return referenceLabel(ref.toReference(), r.system, m_inventories);
}

QString SynchronizationModel::statusText(const cim::Instance &sync)
{
    // Skewed is what the engine shows when an image file was written past it (in the pool
    // folder directly): nothing in the pair can say where source and replica now differ.
    if (unsignedOf(sync, u"CopyState") == quint64(cim::CopyState::Skewed)) {
        return tr("The image file of the source or of the replica was changed outside "
                  "ReplicaDesk, so the replica may no longer match the source. A full resync is "
                  "needed: Resync Replica copies the whole volume again.");
    }
    return {};
}

int SynchronizationModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int SynchronizationModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SynchronizationModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() ||
        !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const cim::Instance &sync = m_rows.at(index.row()).sync;
    if (role == PercentRole) {
        const auto percent = unsignedOf(sync, u"PercentSynced");
        return percent && *percent <= 100 ? QVariant(int(*percent)) : QVariant();
    }
    if (role == Qt::TextAlignmentRole && index.column() == SyncedColumn)
        return int(Qt::AlignCenter);
    if (role == StatusTextRole)
        return statusText(sync);
    if (role == Qt::ToolTipRole &&
        (index.column() == CopyStateColumn || index.column() == ProgressStatusColumn)) {
        if (const QString status = statusText(sync); !status.isEmpty())
            return status;
    }
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case SourceColumn:
        return elementName(index.row(), u"SystemElement");
    case ReplicaColumn:
        return elementName(index.row(), u"SyncedElement");
    case TypeColumn:
        return mapped(cim::ValueMap::syncType(), sync, u"SyncType");
    case ModeColumn:
        return mapped(cim::ValueMap::mode(), sync, u"Mode");
    case CopyStateColumn:
        return mapped(cim::ValueMap::copyState(), sync, u"CopyState");
    case ProgressStatusColumn:
        return mapped(cim::ValueMap::progressStatus(), sync, u"ProgressStatus");
    case SyncedColumn: {
        const auto percent = unsignedOf(sync, u"PercentSynced");
        return percent ? QLocale().toString(int(*percent)) + u'%' : QString();
    }
    default:
        return {};
    }
}

QVariant SynchronizationModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case SourceColumn:
        return tr("Source");
    case ReplicaColumn:
        return tr("Replica");
    case TypeColumn:
        return tr("Type");
    case ModeColumn:
        return tr("Mode");
    case CopyStateColumn:
        return tr("Copy State");
    case ProgressStatusColumn:
        return tr("Progress Status");
    case SyncedColumn:
        return tr("Synced");
    default:
        return {};
    }
}

} // namespace rd::ui
