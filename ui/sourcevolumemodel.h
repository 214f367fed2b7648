#pragma once
// The volumes of a system as a checkable table (name, size, allocated, pool) for choosing replica
// sources: several may be checked, all of one class; volumes of another class than the checked
// ones are disabled and say why. Kept current with the system; checks survive a refresh.

#include "cim/instance.h"

#include <QAbstractTableModel>
#include <QPointer>
#include <QSet>

namespace rd::ui {

class SystemInventory;

class SourceVolumeModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { NameColumn, SizeColumn, AllocatedColumn, PoolColumn, ColumnCount };

    explicit SourceVolumeModel(SystemInventory *system, QObject *parent = nullptr);

    // Path text of the checked volumes, in the table's order.
    QStringList checkedPaths() const;
    void setCheckedPaths(const QStringList &paths);
    cim::Instance volume(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void checkedChanged();

private:
    void reload();
    QString checkedClass() const; // the class every checked volume has; empty when none
    bool isSelectable(int row) const;

    QPointer<SystemInventory> m_system;
    QList<cim::Instance> m_volumes;
    QList<QString> m_pools;  // pool name per row
    QSet<QString> m_checked; // path text
};

} // namespace rd::ui
