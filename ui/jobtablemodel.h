#pragma once
// The job monitor's table: one row per ConcreteJob of every followed system, with name, system,
// state, progress, throughput, time left, start time and result. Rows are updated in place, with
// one dataChanged per refresh; finished jobs stay as long as their system keeps them.

#include "cim/instance.h"
#include "jobprogresshistory.h"

#include <QAbstractTableModel>
#include <QList>
#include <QPointer>

#include <functional>

namespace rd::ui {

class SystemInventory;

class JobTableModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        NameColumn,
        SystemColumn,
        StateColumn,
        ProgressColumn,
        ThroughputColumn,
        TimeLeftColumn,
        StartedColumn,
        ResultColumn,
        ColumnCount
    };
    enum Role {
        PercentRole = Qt::UserRole + 1, // int 0…100, or invalid when unknown
        JobStateRole,                   // the raw JobState code
        ThroughputRole,                 // double bytes per second, or invalid
        JobKeyRole,                     // the row's key in history()
    };

    explicit JobTableModel(QObject *parent = nullptr);

    void addSystem(SystemInventory *inventory);

    cim::Instance job(int row) const;
    SystemInventory *systemOf(int row) const;
    QString keyOf(int row) const;
    const JobProgressHistory &history() const { return m_history; }
    // The bytes the job's progress counts: the data held by the sources of the replicas it makes
    // (its affected elements), if known.
    std::optional<quint64> jobBytes(int row) const;
    // Where "now" comes from (milliseconds since the epoch); tests set their own.
    void setClock(std::function<qint64()> clock) { m_clock = std::move(clock); }
    // The row of the job with this path (namespaces aside); -1 when it is not listed.
    int rowOf(const cim::ObjectPath &job) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        QString key;
        QPointer<SystemInventory> system;
        cim::Instance job;
    };

    void rebuild();
    void sample(int row);
    QVariant display(int row, int column) const;
    QString retentionText(const cim::Instance &job) const;

    QList<QPointer<SystemInventory>> m_inventories;
    QList<Row> m_rows;
    JobProgressHistory m_history;
    std::function<qint64()> m_clock;
};

} // namespace rd::ui
