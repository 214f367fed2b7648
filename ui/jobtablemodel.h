#pragma once
// The job monitor's table: one row per ConcreteJob of every followed system, with name, state,
// progress, start time and result. Rows are updated in place on each refresh.

#include "cim/instance.h"

#include <QAbstractTableModel>
#include <QList>
#include <QPointer>

namespace rd::ui {

class SystemInventory;

class JobTableModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        NameColumn,
        StateColumn,
        ProgressColumn,
        StartedColumn,
        ResultColumn,
        ColumnCount
    };
    enum Role {
        PercentRole = Qt::UserRole + 1, // int 0…100, or invalid when unknown
        JobStateRole,                   // the raw JobState code
    };

    explicit JobTableModel(QObject *parent = nullptr);

    void addSystem(SystemInventory *inventory);

    cim::Instance job(int row) const;
    SystemInventory *systemOf(int row) const;
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
    QVariant display(const cim::Instance &job, int column) const;

    QList<QPointer<SystemInventory>> m_inventories;
    QList<Row> m_rows;
};

} // namespace rd::ui
