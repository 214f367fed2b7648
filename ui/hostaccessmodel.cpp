#include "hostaccessmodel.h"

#include "cimclasses.h"
#include "storagefigures.h"
#include "systeminventory.h"
#include "valueformat.h"

#include <algorithm>

namespace rd::ui {

HostAccessModel::HostAccessModel(SystemInventory *system, QObject *parent)
    : QAbstractTableModel(parent)
    , m_system(system)
{
    if (m_system) {
        connect(
            m_system, &SystemInventory::instancesChanged, this, [this](const QString &className) {
                if (className == classes::storageHardwareId() ||
                    className == classes::authorizedPrivilege() ||
                    className == classes::authorizedSubject() ||
                    className == classes::authorizedTarget() ||
                    className == classes::storageVolume() || className == classes::storagePool())
                    reload();
            });
    }
    reload();
}

void HostAccessModel::setTarget(const cim::Instance &target)
{
    m_target = target;
    reload();
}

void HostAccessModel::reload()
{
    beginResetModel();
    m_hosts = m_system ? m_system->instances(classes::storageHardwareId()) : QList<cim::Instance>();
    std::sort(m_hosts.begin(), m_hosts.end(), [](const cim::Instance &a, const cim::Instance &b) {
        return instanceLabel(a).localeAwareCompare(instanceLabel(b)) < 0;
    });
    if (m_system && !m_target.isEmpty()) {
        if (const auto now = m_system->find(m_target.path()))
            m_target = *now;
    }
    m_admissions = m_system ? hostsAdmittedTo(*m_system, m_target) : QList<HostAdmission>();
    endResetModel();
}

cim::Instance HostAccessModel::host(int row) const
{
    return row >= 0 && row < m_hosts.size() ? m_hosts.at(row) : cim::Instance();
}

int HostAccessModel::rowOfHost(const QString &name) const
{
    for (int row = 0; row < m_hosts.size(); ++row) {
        if (m_hosts.at(row).property(u"ElementName").toString() == name)
            return row;
    }
    return -1;
}

std::optional<HostAdmission> HostAccessModel::admission(int row) const
{
    const cim::Instance h = host(row);
    if (h.isEmpty())
        return std::nullopt;
    const QString key = identityOf(h.path());
    for (const HostAdmission &a : m_admissions) {
        if (identityOf(a.host.path()) == key)
            return a;
    }
    return std::nullopt;
}

int HostAccessModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_hosts.size());
}

int HostAccessModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant HostAccessModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const cim::Instance &h = m_hosts.at(index.row());
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case NameColumn:
            return instanceLabel(h);
        case KnownByColumn:
            return hostKnownBy(h);
        case AccessColumn: {
            if (m_target.isEmpty())
                return QString();
            const auto a = admission(index.row());
            if (!a)
                return tr("No access");
            const QString how = a->readOnly ? tr("Read only") : tr("Read and write");
            return a->throughPool ? tr("%1, through the pool %2").arg(how, a->poolName) : how;
        }
        }
    }
    if (role == Qt::ToolTipRole) {
        if (index.column() == NameColumn)
            return h.path().toString();
        if (index.column() == KnownByColumn)
            return tr("StorageID %1 (%2)")
                .arg(h.property(u"StorageID").toString(), h.property(u"OtherIDType").toString());
        if (index.column() == AccessColumn)
            return tr("From the host's AuthorizedPrivilege on the volume or pool (Activities "
                      "5 Read, 6 Write)");
    }
    return {};
}

QVariant HostAccessModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Host");
    case KnownByColumn:
        return tr("Known by");
    case AccessColumn:
        return m_target.isEmpty() ? tr("Access") : tr("Access to %1").arg(instanceLabel(m_target));
    }
    return {};
}

} // namespace rd::ui
