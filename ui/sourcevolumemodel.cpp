#include "sourcevolumemodel.h"

#include "cimclasses.h"
#include "storagefigures.h"
#include "systeminventory.h"
#include "valueformat.h"

namespace rd::ui {

SourceVolumeModel::SourceVolumeModel(SystemInventory *system, QObject *parent)
    : QAbstractTableModel(parent)
    , m_system(system)
{
    if (system) {
        connect(system, &SystemInventory::instancesChanged, this, [this](const QString &name) {
            if (classes::sameClass(name, classes::storageVolume()) ||
                classes::sameClass(name, classes::storagePool()) ||
                classes::sameClass(name, classes::allocatedFromStoragePool()))
                reload();
        });
    }
    reload();
}

void SourceVolumeModel::reload()
{
    const QList<cim::Instance> volumes =
        m_system ? m_system->instances(classes::storageVolume()) : QList<cim::Instance>();
    QList<QString> pools;
    for (const cim::Instance &v : volumes) {
        const auto pool = m_system ? volumePool(*m_system, v) : std::nullopt;
        pools.append(pool ? instanceLabel(*pool) : QString());
    }
    // The same rows: update in place (one dataChanged); otherwise start over.
    bool sameRows = volumes.size() == m_volumes.size();
    for (qsizetype i = 0; sameRows && i < volumes.size(); ++i)
        sameRows = identityOf(volumes.at(i).path()) == identityOf(m_volumes.at(i).path());
    if (sameRows) {
        if (volumes == m_volumes && pools == m_pools)
            return;
        m_volumes = volumes;
        m_pools = pools;
        if (!m_volumes.isEmpty())
            Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
        return;
    }
    beginResetModel();
    m_volumes = volumes;
    m_pools = pools;
    QSet<QString> present;
    for (const cim::Instance &v : std::as_const(m_volumes))
        present.insert(v.path().toString());
    const qsizetype before = m_checked.size();
    m_checked.intersect(present);
    endResetModel();
    if (m_checked.size() != before)
        Q_EMIT checkedChanged();
}

QStringList SourceVolumeModel::checkedPaths() const
{
    QStringList paths;
    for (const cim::Instance &v : m_volumes) {
        const QString text = v.path().toString();
        if (m_checked.contains(text))
            paths.append(text);
    }
    return paths;
}

void SourceVolumeModel::setCheckedPaths(const QStringList &paths)
{
    const QSet<QString> wanted(paths.cbegin(), paths.cend());
    if (wanted == m_checked)
        return;
    m_checked = wanted;
    if (!m_volumes.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    Q_EMIT checkedChanged();
}

cim::Instance SourceVolumeModel::volume(int row) const
{
    return row >= 0 && row < m_volumes.size() ? m_volumes.at(row) : cim::Instance();
}

QString SourceVolumeModel::checkedClass() const
{
    for (const cim::Instance &v : m_volumes) {
        if (m_checked.contains(v.path().toString()))
            return v.className();
    }
    return QString();
}

bool SourceVolumeModel::isSelectable(int row) const
{
    const QString cls = checkedClass();
    return cls.isEmpty() || m_volumes.at(row).className().compare(cls, Qt::CaseInsensitive) == 0;
}

int SourceVolumeModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_volumes.size());
}

int SourceVolumeModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SourceVolumeModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() ||
        !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const cim::Instance &v = m_volumes.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return instanceLabel(v);
        case SizeColumn:
            if (const auto bytes = volumeBytes(v))
                return byteText(*bytes);
            return QString();
        case AllocatedColumn:
            if (const auto bytes = volumeAllocatedBytes(v))
                return byteText(*bytes);
            return QString();
        case PoolColumn:
            return m_pools.value(index.row());
        default:
            return {};
        }
    case Qt::CheckStateRole:
        if (index.column() == NameColumn)
            return m_checked.contains(v.path().toString()) ? Qt::Checked : Qt::Unchecked;
        return {};
    case Qt::ToolTipRole:
        if (!isSelectable(index.row())) {
            return tr("%1 is a %2; the checked sources are %3, and one request copies one "
                      "class of element.")
                .arg(instanceLabel(v), v.className(), checkedClass());
        }
        return instanceLabel(v);
    case Qt::TextAlignmentRole:
        if (index.column() == SizeColumn || index.column() == AllocatedColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    default:
        return {};
    }
}

bool SourceVolumeModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::CheckStateRole || !index.isValid() || index.column() != NameColumn ||
        !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid) ||
        !isSelectable(index.row()))
        return false;
    const QString key = m_volumes.at(index.row()).path().toString();
    const bool checked = value.toInt() == Qt::Checked;
    if (checked == m_checked.contains(key))
        return true;
    if (checked)
        m_checked.insert(key);
    else
        m_checked.remove(key);
    // Enabling follows the class of what is checked: every row may change.
    Q_EMIT dataChanged(this->index(0, 0), this->index(rowCount() - 1, ColumnCount - 1));
    Q_EMIT checkedChanged();
    return true;
}

Qt::ItemFlags SourceVolumeModel::flags(const QModelIndex &index) const
{
    if (!index.isValid() ||
        !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return Qt::NoItemFlags;
    if (!isSelectable(index.row()))
        return Qt::ItemNeverHasChildren;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
    if (index.column() == NameColumn)
        f |= Qt::ItemIsUserCheckable;
    return f;
}

QVariant SourceVolumeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("Volume");
    case SizeColumn:
        return tr("Size");
    case AllocatedColumn:
        return tr("Allocated");
    case PoolColumn:
        return tr("Pool");
    default:
        return {};
    }
}

} // namespace rd::ui
