#pragma once
// Serves Host Access in CIM, as the SMI-S Storage HardwareID Management and Masking and Mapping
// profiles shape it: each host is a StorageHardwareID, created and deleted through
// StorageHardwareIDManagementService; ControllerConfigurationService's ExposePaths and HidePaths
// admit hosts to volumes or pools; each grant is an AuthorizedPrivilege, linked to its host by
// AuthorizedSubject and to its volume or pool by AuthorizedTarget.

#include "provider/provider.h"

#include <QPointer>

namespace rd::engine {

class HostAccess;
class PoolManager;
struct HostGrant;
struct HostRecord;

class HostAccessProvider final : public Provider
{
public:
    static QString hardwareIdClass() { return QStringLiteral("MSISCSITARGET_StorageHardwareID"); }
    static QString idServiceClass()
    {
        return QStringLiteral("MSISCSITARGET_StorageHardwareIDManagementService");
    }
    static QString controllerServiceClass()
    {
        return QStringLiteral("MSISCSITARGET_ControllerConfigurationService");
    }
    static QString privilegeClass() { return QStringLiteral("MSISCSITARGET_AuthorizedPrivilege"); }
    static QString subjectClass() { return QStringLiteral("MSISCSITARGET_AuthorizedSubject"); }
    static QString targetClass() { return QStringLiteral("MSISCSITARGET_AuthorizedTarget"); }
    // ReplicaDesk's own: how hosts reach one volume's NBD export now (its URLs, who has it open,
    // why writes are refused, who is admitted). SMI-S models no NBD, so no CIM class is aliased.
    static QString exportClass() { return QStringLiteral("MSISCSITARGET_NBDExport"); }

    static cim::ObjectPath hardwareIdPath(const QString &hostId);
    static cim::ObjectPath idServicePath(const QString &systemName);
    static cim::ObjectPath controllerServicePath(const QString &systemName);

    HostAccessProvider(HostAccess *hosts, PoolManager *pools, QString systemName);

    QList<ClassInfo> classes() const override;
    cim::Result<QList<cim::Instance>> enumerateInstances(const QString &className) override;
    QList<MethodSpec> methods(const QString &className) const override;
    QFuture<cim::MethodResult> invokeMethod(const cim::MethodCall &call) override;

private:
    cim::Instance hardwareIdInstance(const HostRecord &host) const;
    QList<cim::Instance> exportInstances() const;
    cim::Instance serviceInstance(const cim::ObjectPath &path, const QString &name) const;
    cim::ObjectPath privilegePath(const HostRecord &host, const HostGrant &grant) const;
    cim::ObjectPath targetPath(const HostGrant &grant) const;
    cim::MethodResult create(const cim::Parameters &in);
    cim::MethodResult remove(const cim::Parameters &in);
    cim::MethodResult exposeOrHide(const cim::Parameters &in, bool expose);

    QPointer<HostAccess> m_hosts;
    QPointer<PoolManager> m_pools;
    QString m_systemName;
};

} // namespace rd::engine
