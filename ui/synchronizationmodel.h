#pragma once
// The synchronizations view's table: one row per StorageSynchronized pair of every followed
// system, with source, replica, sync type, mode, CopyState, ProgressStatus and PercentSynced.
// Rows are updated in place, one dataChanged per refresh.

#include "cim/instance.h"

#include <QAbstractTableModel>
#include <QList>
#include <QPointer>

namespace rd::ui {

class SystemInventory;

class SynchronizationModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        SourceColumn,
        ReplicaColumn,
        TypeColumn,
        ModeColumn,
        CopyStateColumn,
        ProgressStatusColumn,
        SyncedColumn,
        ColumnCount
    };
    // StatusTextRole: what the pair's state means for the user, in plain words, when the state
    // needs saying more than its label does (empty otherwise); also the tooltip of its state cells.
    enum Role { PercentRole = Qt::UserRole + 1, StatusTextRole };

    explicit SynchronizationModel(QObject *parent = nullptr);

    void addSystem(SystemInventory *inventory);
    cim::Instance synchronization(int row) const;
    SystemInventory *systemOf(int row) const;
    // See StatusTextRole.
    static QString statusText(const cim::Instance &sync);

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
        cim::Instance sync;
    };

    void rebuild();
    QString elementName(int row, QStringView role) const;

    QList<QPointer<SystemInventory>> m_inventories;
    QList<Row> m_rows;
};

} // namespace rd::ui
