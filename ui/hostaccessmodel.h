#pragma once
// The hosts a system knows, as a table for the Host Access dialog: name, how the host is known
// (TLS-PSK identity or certificate) and its access to the chosen volume or pool (read-write,
// read-only, through the pool, or none). Follows the system's inventory.

#include "cim/instance.h"
#include "hostgrants.h"

#include <QAbstractTableModel>
#include <QPointer>

namespace rd::ui {

class SystemInventory;

class HostAccessModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { NameColumn, KnownByColumn, AccessColumn, ColumnCount };

    explicit HostAccessModel(SystemInventory *system, QObject *parent = nullptr);

    // The volume or pool whose access the last column shows; empty: none.
    void setTarget(const cim::Instance &target);
    const cim::Instance &target() const { return m_target; }

    cim::Instance host(int row) const;
    // The row of the host named name, -1 when there is none.
    int rowOfHost(const QString &name) const;
    // The host's admission to the target, if it has one.
    std::optional<HostAdmission> admission(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    void reload();

    QPointer<SystemInventory> m_system;
    cim::Instance m_target;
    QList<cim::Instance> m_hosts;
    QList<HostAdmission> m_admissions;
};

} // namespace rd::ui
