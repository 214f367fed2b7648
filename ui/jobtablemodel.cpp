#include "jobtablemodel.h"

#include "cim/enums.h"
#include "cimclasses.h"
#include "systeminventory.h"
#include "valueformat.h"

#include <QHash>
#include <QLocale>
#include <QSet>

namespace rd::ui {

namespace {

std::optional<quint64> unsignedProperty(const cim::Instance &job, QStringView name)
{
    const cim::Value v = job.property(name);
    if (v.isTyped() && !v.isNull() && !v.isArray() && cim::isInteger(v.type()) &&
        !cim::isSigned(v.type())) {
        return v.toUInt64();
    }
    return std::nullopt;
}

QString rowKey(int system, const cim::Instance &job)
{
    cim::ObjectPath path = job.path();
    path.setNameSpace(QString());
    return QString::number(system) + u'|' + path.toString();
}

} // namespace

JobTableModel::JobTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void JobTableModel::addSystem(SystemInventory *inventory)
{
    m_inventories.append(inventory);
    connect(inventory, &SystemInventory::instancesChanged, this, [this](const QString &className) {
        if (classes::sameClass(className, classes::concreteJob()))
            rebuild();
    });
    connect(inventory, &QObject::destroyed, this, [this] {
        m_inventories.removeAll(nullptr);
        rebuild();
    });
    rebuild();
}

cim::Instance JobTableModel::job(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).job : cim::Instance();
}

SystemInventory *JobTableModel::systemOf(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).system.data() : nullptr;
}

int JobTableModel::rowOf(const cim::ObjectPath &job) const
{
    cim::ObjectPath wanted = job;
    wanted.setNameSpace(QString());
    for (int row = 0; row < m_rows.size(); ++row) {
        cim::ObjectPath path = m_rows.at(row).job.path();
        path.setNameSpace(QString());
        if (path == wanted)
            return row;
    }
    return -1;
}

void JobTableModel::rebuild()
{
    QList<Row> wanted;
    QSet<QString> wantedKeys;
    for (qsizetype i = 0; i < m_inventories.size(); ++i) {
        SystemInventory *inventory = m_inventories.at(i);
        if (!inventory)
            continue;
        for (const cim::Instance &job : inventory->instances(classes::concreteJob())) {
            Row row{rowKey(int(i), job), inventory, job};
            if (wantedKeys.contains(row.key))
                continue;
            wantedKeys.insert(row.key);
            wanted.append(row);
        }
    }

    for (int row = int(m_rows.size()) - 1; row >= 0; --row) {
        if (wantedKeys.contains(m_rows.at(row).key))
            continue;
        beginRemoveRows({}, row, row);
        m_rows.removeAt(row);
        endRemoveRows();
    }
    QHash<QString, int> present;
    for (int row = 0; row < m_rows.size(); ++row)
        present.insert(m_rows.at(row).key, row);
    QList<Row> fresh;
    int firstChanged = -1;
    int lastChanged = -1;
    for (const Row &row : std::as_const(wanted)) {
        const auto it = present.constFind(row.key);
        if (it == present.cend()) {
            fresh.append(row);
            continue;
        }
        Row &current = m_rows[*it];
        if (!(current.job == row.job)) {
            current.job = row.job;
            firstChanged = firstChanged < 0 ? *it : qMin(firstChanged, *it);
            lastChanged = qMax(lastChanged, *it);
        }
    }
    // One dataChanged for the whole refresh, not one per job.
    if (firstChanged >= 0)
        Q_EMIT dataChanged(index(firstChanged, 0), index(lastChanged, ColumnCount - 1));
    if (!fresh.isEmpty()) {
        beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + fresh.size()) - 1);
        m_rows.append(fresh);
        endInsertRows();
    }
}

int JobTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int JobTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant JobTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const cim::Instance &job = m_rows.at(index.row()).job;
    switch (role) {
    case Qt::DisplayRole:
        return display(job, index.column());
    case Qt::ToolTipRole:
        if (index.column() == ResultColumn || index.column() == NameColumn) {
            const QVariant text = display(job, index.column());
            return text.toString().isEmpty() ? QVariant() : text;
        }
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == ProgressColumn)
            return int(Qt::AlignCenter);
        return {};
    case PercentRole:
        if (const auto percent = unsignedProperty(job, u"PercentComplete");
            percent && *percent <= 100)
            return int(*percent);
        return {};
    case JobStateRole:
        if (const auto state = unsignedProperty(job, u"JobState"))
            return int(*state);
        return {};
    default:
        return {};
    }
}

QVariant JobTableModel::display(const cim::Instance &job, int column) const
{
    switch (column) {
    case NameColumn:
        return instanceLabel(job);
    case StateColumn: {
        const auto state = unsignedProperty(job, u"JobState");
        return state ? cim::ValueMap::jobState().label(*state) : QString();
    }
    case ProgressColumn: {
        const auto percent = unsignedProperty(job, u"PercentComplete");
        return percent && *percent <= 100 ? QLocale().toString(int(*percent)) + u'%' : QString();
    }
    case StartedColumn: {
        const cim::Value start = job.property(u"StartTime");
        if (!start.isTyped() || start.isNull() || start.type() != cim::CimType::DateTime)
            return QString();
        return formatValue(u"StartTime", start);
    }
    case ResultColumn: {
        using cim::JobState;
        const auto state = unsignedProperty(job, u"JobState");
        if (!state)
            return QString();
        const QString error = job.property(u"ErrorDescription").isNull()
                                  ? QString()
                                  : job.property(u"ErrorDescription").toString();
        switch (JobState(*state)) {
        case JobState::Completed:
            return error.isEmpty() ? tr("Succeeded") : error;
        case JobState::Exception:
            return error.isEmpty() ? tr("Failed") : tr("Failed: %1").arg(error);
        case JobState::Terminated:
        case JobState::Killed:
            return error.isEmpty() ? tr("Cancelled") : tr("Cancelled: %1").arg(error);
        default:
            return QString();
        }
    }
    default:
        return {};
    }
}

QVariant JobTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("Job");
    case StateColumn:
        return tr("State");
    case ProgressColumn:
        return tr("Progress");
    case StartedColumn:
        return tr("Started");
    case ResultColumn:
        return tr("Result");
    default:
        return {};
    }
}

} // namespace rd::ui
