#include "jobtablemodel.h"

#include "cim/enums.h"
#include "cimclasses.h"
#include "storagefigures.h"
#include "systeminventory.h"
#include "valueformat.h"

#include <QDateTime>
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

// "42 s", "3:05", "1:02:03"
QString durationText(qint64 seconds)
{
    if (seconds < 60)
        return JobTableModel::tr("%1 s").arg(seconds);
    if (seconds < 3600)
        return QStringLiteral("%1:%2").arg(seconds / 60).arg(seconds % 60, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1:%2:%3")
        .arg(seconds / 3600)
        .arg((seconds / 60) % 60, 2, 10, QLatin1Char('0'))
        .arg(seconds % 60, 2, 10, QLatin1Char('0'));
}

bool isRunning(const cim::Instance &job)
{
    const auto state = unsignedProperty(job, u"JobState");
    return state && cim::JobState(*state) == cim::JobState::Running;
}

} // namespace

JobTableModel::JobTableModel(QObject *parent)
    : QAbstractTableModel(parent)
    , m_clock([] { return QDateTime::currentMSecsSinceEpoch(); })
{}

void JobTableModel::addSystem(SystemInventory *inventory)
{
    m_inventories.append(inventory);
    connect(inventory, &SystemInventory::instancesChanged, this, [this](const QString &className) {
        if (classes::sameClass(className, classes::concreteJob()) ||
            classes::sameClass(className, classes::affectedJobElement()) ||
            classes::sameClass(className, classes::storageSynchronized()))
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

QString JobTableModel::keyOf(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).key : QString();
}

std::optional<quint64> JobTableModel::jobBytes(int row) const
{
    // A copy job's percent counts the data its sources hold (holes are skipped), so its size is
    // the allocation of the sources of the replicas it makes; an element without a known source
    // counts with its own size.
    if (row < 0 || row >= m_rows.size() || !m_rows.at(row).system)
        return std::nullopt;
    const SystemInventory &system = *m_rows.at(row).system;
    const QString job = identityOf(m_rows.at(row).job.path());
    QHash<QString, cim::ObjectPath> sourceOf;
    for (const cim::Instance &sync : system.instances(classes::storageSynchronized())) {
        sourceOf.insert(identityOf(sync.property(u"SyncedElement").toReference()),
                        sync.property(u"SystemElement").toReference());
    }
    quint64 total = 0;
    bool any = false;
    for (const cim::Instance &link : system.instances(classes::affectedJobElement())) {
        if (identityOf(link.property(u"AffectingElement").toReference()) != job)
            continue;
        const cim::ObjectPath affected = link.property(u"AffectedElement").toReference();
        const auto source = sourceOf.contains(identityOf(affected))
                                ? system.find(sourceOf.value(identityOf(affected)))
                                : std::nullopt;
        const auto element = system.find(affected);
        std::optional<quint64> bytes = source ? volumeAllocatedBytes(*source) : std::nullopt;
        if (!bytes && element)
            bytes = volumeBytes(*element);
        if (bytes) {
            total += *bytes;
            any = true;
        }
    }
    return any ? std::optional<quint64>(total) : std::nullopt;
}

void JobTableModel::sample(int index)
{
    const Row &row = m_rows.at(index);
    const auto percent = unsignedProperty(row.job, u"PercentComplete");
    const auto bytes = jobBytes(index);
    if (isRunning(row.job) && percent && bytes)
        m_history.record(row.key, m_clock(), int(*percent), *bytes);
    else
        m_history.pause(row.key);
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
    // Progress samples for throughput and time left, then one dataChanged for the whole refresh
    // (not one per job).
    for (int row = 0; row < m_rows.size(); ++row)
        sample(row);
    m_history.retain(QList<QString>(wantedKeys.cbegin(), wantedKeys.cend()));
    if (firstChanged >= 0)
        Q_EMIT dataChanged(index(firstChanged, 0), index(lastChanged, ColumnCount - 1));
    if (!fresh.isEmpty()) {
        const int first = int(m_rows.size());
        beginInsertRows({}, first, int(m_rows.size() + fresh.size()) - 1);
        m_rows.append(fresh);
        endInsertRows();
        for (int row = first; row < m_rows.size(); ++row)
            sample(row);
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
        return display(index.row(), index.column());
    case Qt::ToolTipRole:
        if (index.column() == ResultColumn) {
            const QString text = display(index.row(), index.column()).toString();
            const QString kept = retentionText(job);
            if (text.isEmpty() || kept.isEmpty())
                return text.isEmpty() ? QVariant() : QVariant(text);
            return QVariant(text + u'\n' + kept);
        }
        if (index.column() == NameColumn || index.column() == SystemColumn) {
            const QVariant text = display(index.row(), index.column());
            return text.toString().isEmpty() ? QVariant() : text;
        }
        if (index.column() == ThroughputColumn)
            return tr("Data copied per second over the last few seconds: the job's progress "
                      "applied to the data its sources hold");
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == ProgressColumn)
            return int(Qt::AlignCenter);
        if (index.column() == ThroughputColumn || index.column() == TimeLeftColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case ThroughputRole:
        if (const auto rate = m_history.throughput(m_rows.at(index.row()).key))
            return *rate;
        return {};
    case JobKeyRole:
        return m_rows.at(index.row()).key;
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

QString JobTableModel::retentionText(const cim::Instance &job) const
{
    using cim::JobState;
    const auto state = unsignedProperty(job, u"JobState");
    if (!state || JobState(*state) < JobState::Completed || JobState(*state) > JobState::Exception)
        return QString();
    const cim::Value changed = job.property(u"TimeOfLastStateChange");
    const cim::Value keep = job.property(u"TimeBeforeRemoval");
    if (!changed.isTyped() || changed.isNull() || changed.type() != cim::CimType::DateTime ||
        !keep.isTyped() || keep.isNull() || keep.type() != cim::CimType::DateTime ||
        !keep.toDateTime().isInterval())
        return QString();
    const QDateTime until = changed.toDateTime().toDateTime().addMSecs(
        qint64(keep.toDateTime().intervalMicroseconds() / 1000));
    return tr("Listed until %1, then the system removes it.")
        .arg(QLocale().toString(until.toLocalTime(), QLocale::ShortFormat));
}

QVariant JobTableModel::display(int row, int column) const
{
    const cim::Instance &job = m_rows.at(row).job;
    switch (column) {
    case NameColumn:
        return instanceLabel(job);
    case SystemColumn: {
        const SystemInventory *system = m_rows.at(row).system;
        return system && system->client() ? system->client()->displayName() : QString();
    }
    case ThroughputColumn: {
        const auto rate = m_history.throughput(m_rows.at(row).key);
        return rate ? tr("%1/s").arg(byteText(quint64(*rate))) : QString();
    }
    case TimeLeftColumn: {
        const auto percent = unsignedProperty(job, u"PercentComplete");
        const auto bytes = jobBytes(row);
        if (!isRunning(job) || !percent || !bytes)
            return QString();
        const auto left = m_history.secondsLeft(m_rows.at(row).key, int(*percent), *bytes);
        return left ? durationText(*left) : QString();
    }
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
    case SystemColumn:
        return tr("System");
    case ThroughputColumn:
        return tr("Throughput");
    case TimeLeftColumn:
        return tr("Time Left");
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
