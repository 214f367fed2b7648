#include "hostgrants.h"

#include "cimclasses.h"
#include "requests/hostaccessrequests.h"
#include "storagefigures.h"
#include "systeminventory.h"
#include "valueformat.h"

#include <QCoreApplication>
#include <QHash>

namespace rd::ui {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("rd::ui::HostGrants", text);
}

// CIM_AuthorizedPrivilege.Activities: 6 is Write.
bool grantsWrite(const cim::Instance &privilege)
{
    const cim::Value activities = privilege.property(u"Activities");
    for (const cim::Value &a : activities.elements()) {
        if (a.toUInt64() == 6)
            return true;
    }
    return false;
}

} // namespace

QList<HostAdmission> hostsAdmittedTo(const SystemInventory &inventory, const cim::Instance &target)
{
    if (target.isEmpty())
        return {};
    const QString direct = identityOf(target.path());
    QString viaPool;
    QString poolName;
    if (classes::sameClass(target.className(), classes::storageVolume())) {
        if (const auto pool = volumePool(inventory, target)) {
            viaPool = identityOf(pool->path());
            poolName = instanceLabel(*pool);
        }
    }
    QHash<QString, bool> readOnlyOf; // privilege → read-only
    for (const cim::Instance &p : inventory.instances(classes::authorizedPrivilege()))
        readOnlyOf.insert(identityOf(p.path()), !grantsWrite(p));
    QHash<QString, cim::ObjectPath> hostOf; // privilege → host
    for (const cim::Instance &s : inventory.instances(classes::authorizedSubject())) {
        hostOf.insert(identityOf(s.property(u"Privilege").toReference()),
                      s.property(u"PrivilegedElement").toReference());
    }
    QList<HostAdmission> list;
    QHash<QString, qsizetype> rowOfHost;
    for (const cim::Instance &t : inventory.instances(classes::authorizedTarget())) {
        const QString element = identityOf(t.property(u"TargetElement").toReference());
        const bool onTarget = element == direct;
        if (!onTarget && (viaPool.isEmpty() || element != viaPool))
            continue;
        const QString privilege = identityOf(t.property(u"Privilege").toReference());
        const auto hostPath = hostOf.constFind(privilege);
        if (hostPath == hostOf.cend())
            continue;
        const std::optional<cim::Instance> host = inventory.find(*hostPath);
        if (!host)
            continue;
        HostAdmission a{*host, readOnlyOf.value(privilege, true), !onTarget,
                        onTarget ? QString() : poolName};
        const QString key = identityOf(host->path());
        if (const auto row = rowOfHost.constFind(key); row != rowOfHost.cend()) {
            // The grant on the volume itself is the one that counts.
            if (onTarget)
                list[*row] = a;
            continue;
        }
        rowOfHost.insert(key, list.size());
        list.append(a);
    }
    return list;
}

bool isPskHost(const cim::Instance &host)
{
    return host.property(u"OtherIDType").toString() == requests::pskIdentityType();
}

QString hostKnownBy(const cim::Instance &host)
{
    const QString id = host.property(u"StorageID").toString();
    if (isPskHost(host))
        return tr("TLS-PSK identity %1").arg(id);
    return tr("certificate %1").arg(id);
}

QString accessName(const cim::Instance &target)
{
    if (classes::sameClass(target.className(), classes::storageVolume()))
        return target.property(u"DeviceID").toString();
    if (classes::sameClass(target.className(), classes::storagePool()))
        return target.property(u"InstanceID").toString();
    return {};
}

} // namespace rd::ui
