#include "hostaccessprovider.h"

#include "hostaccess.h"

#include "provider/computersystemprovider.h"
#include "provider/providerregistry.h"
#include "requests/hostaccessrequests.h"
#include "storage/poolmanager.h"
#include "storage/storagepoolprovider.h"
#include "storage/storagevolumeprovider.h"

#include <QCoreApplication>

namespace rd::engine {

using cim::CimType;
using cim::Value;
using P = ParameterSpec;
using requests::CreateHardwareIdRequest;
using requests::DeleteHardwareIdRequest;
using requests::ExposePathsRequest;

namespace {

QString tr(const char *text, int n = -1)
{
    return QCoreApplication::translate("rd::engine::HostAccessProvider", text, nullptr, n);
}

cim::MethodResult failure(cim::ReturnCode code, const QString &message,
                          const QString &parameter = {})
{
    return cim::MethodResult::failure(quint32(code), message, parameter);
}

cim::ObjectPath servicePath(const QString &className, const QString &name,
                            const QString &systemName)
{
    return cim::ObjectPath(ProviderRegistry::defaultNameSpace(), className,
                           {{QStringLiteral("CreationClassName"), Value::string(className)},
                            {QStringLiteral("Name"), Value::string(name)},
                            {QStringLiteral("SystemCreationClassName"),
                             Value::string(ComputerSystemProvider::className())},
                            {QStringLiteral("SystemName"), Value::string(systemName)}});
}

// CIM_AuthorizedPrivilege.Activities: 5 Read, 6 Write.
Value activities(bool readOnly)
{
    QList<Value> a{Value::uint16(5)};
    if (!readOnly)
        a.append(Value::uint16(6));
    return Value::array(CimType::UInt16, a);
}

} // namespace

cim::ObjectPath HostAccessProvider::hardwareIdPath(const QString &hostId)
{
    return cim::ObjectPath(ProviderRegistry::defaultNameSpace(), hardwareIdClass(),
                           {{QStringLiteral("InstanceID"), Value::string(hostId)}});
}

cim::ObjectPath HostAccessProvider::idServicePath(const QString &systemName)
{
    return servicePath(idServiceClass(), QStringLiteral("StorageHardwareIDManagementService"),
                       systemName);
}

cim::ObjectPath HostAccessProvider::controllerServicePath(const QString &systemName)
{
    return servicePath(controllerServiceClass(), QStringLiteral("ControllerConfigurationService"),
                       systemName);
}

HostAccessProvider::HostAccessProvider(HostAccess *hosts, PoolManager *pools, QString systemName)
    : m_hosts(hosts)
    , m_pools(pools)
    , m_systemName(std::move(systemName))
{}

QList<ClassInfo> HostAccessProvider::classes() const
{
    return {
        {hardwareIdClass(), {QStringLiteral("CIM_StorageHardwareID")}, false},
        {idServiceClass(), {QStringLiteral("CIM_StorageHardwareIDManagementService")}, false},
        {controllerServiceClass(), {QStringLiteral("CIM_ControllerConfigurationService")}, false},
        {privilegeClass(), {QStringLiteral("CIM_AuthorizedPrivilege")}, false},
        {subjectClass(), {QStringLiteral("CIM_AuthorizedSubject")}, true},
        {targetClass(), {QStringLiteral("CIM_AuthorizedTarget")}, true},
        {exportClass(), {}, false},
    };
}

cim::Instance HostAccessProvider::hardwareIdInstance(const HostRecord &host) const
{
    cim::Instance inst(hardwareIdClass());
    inst.setPath(hardwareIdPath(host.id));
    inst.setProperty(QStringLiteral("InstanceID"), Value::string(host.id));
    inst.setProperty(QStringLiteral("ElementName"), Value::string(host.name));
    const bool psk = !host.pskIdentity.isEmpty();
    inst.setProperty(QStringLiteral("StorageID"),
                     Value::string(psk ? host.pskIdentity : host.certificateSha256));
    inst.setProperty(QStringLiteral("IDType"), Value::uint16(1)); // Other
    inst.setProperty(
        QStringLiteral("OtherIDType"),
        Value::string(psk ? requests::pskIdentityType() : requests::certificateType()));
    return inst;
}

cim::Instance HostAccessProvider::serviceInstance(const cim::ObjectPath &path,
                                                  const QString &name) const
{
    cim::Instance inst(path.className());
    inst.setPath(path);
    for (const auto &[key, value] : path.keys())
        inst.setProperty(key, value);
    inst.setProperty(QStringLiteral("ElementName"), Value::string(name));
    inst.setProperty(QStringLiteral("OperationalStatus"),
                     Value::array(CimType::UInt16, {Value::uint16(2)}));
    inst.setProperty(QStringLiteral("EnabledState"), Value::uint16(2));
    return inst;
}

cim::ObjectPath HostAccessProvider::privilegePath(const HostRecord &host,
                                                  const HostGrant &grant) const
{
    const QString scope =
        grant.scope == HostGrant::Scope::Pool ? QStringLiteral("pool") : QStringLiteral("volume");
    return cim::ObjectPath(
        ProviderRegistry::defaultNameSpace(), privilegeClass(),
        {{QStringLiteral("InstanceID"),
          Value::string(QStringLiteral("%1/%2/%3").arg(host.id, scope, grant.id))}});
}

cim::ObjectPath HostAccessProvider::targetPath(const HostGrant &grant) const
{
    return grant.scope == HostGrant::Scope::Pool
               ? StoragePoolProvider::poolPath(grant.id)
               : StorageVolumeProvider::volumePath(m_systemName, grant.id);
}

QList<cim::Instance> HostAccessProvider::exportInstances() const
{
    QList<cim::Instance> list;
    if (!m_pools)
        return list;
    const HostAccess::Serving &serving = m_hosts->serving();
    auto strings = [](const QStringList &l) {
        QList<Value> v;
        for (const QString &s : l)
            v.append(Value::string(s));
        return Value::array(CimType::String, v);
    };
    for (const VolumeInfo &volume : m_pools->volumes()) {
        cim::Instance inst(exportClass());
        inst.setPath(
            cim::ObjectPath(ProviderRegistry::defaultNameSpace(), exportClass(),
                            {{QStringLiteral("DeviceID"), Value::string(volume.deviceId)},
                             {QStringLiteral("SystemName"), Value::string(m_systemName)}}));
        inst.setProperty(QStringLiteral("DeviceID"), Value::string(volume.deviceId));
        inst.setProperty(QStringLiteral("SystemName"), Value::string(m_systemName));
        inst.setProperty(QStringLiteral("ElementName"), Value::string(volume.elementName));
        QString network, local;
        if (!serving.networkUrl.isEmpty()) {
            QUrl u = serving.networkUrl;
            u.setPath(u'/' + volume.deviceId);
            network = u.toString();
        }
        if (!serving.localUrl.isEmpty()) {
            QUrl u = serving.localUrl;
            u.setPath(u'/' + volume.deviceId);
            local = u.toString();
        }
        inst.setProperty(QStringLiteral("NetworkURL"), Value::string(network));
        inst.setProperty(QStringLiteral("LocalURL"), Value::string(local));
        inst.setProperty(
            QStringLiteral("OpenedBy"),
            strings(serving.openedBy ? serving.openedBy(volume.deviceId) : QStringList()));
        inst.setProperty(QStringLiteral("WriteRefusal"),
                         Value::string(serving.writeRefusal ? serving.writeRefusal(volume.deviceId)
                                                            : QString()));
        // Who may open it.
        QStringList admitted;
        for (const HostRecord &h : m_hosts->hosts()) {
            const std::optional<bool> readOnly =
                HostAccess::grantedAccess(h, volume.deviceId, volume.poolId);
            if (readOnly)
                admitted << (*readOnly ? tr("%1 (read-only)").arg(h.name) : h.name);
        }
        inst.setProperty(QStringLiteral("AdmittedHosts"), strings(admitted));
        list.append(inst);
    }
    return list;
}

cim::Result<QList<cim::Instance>> HostAccessProvider::enumerateInstances(const QString &className)
{
    QList<cim::Instance> list;
    if (!m_hosts)
        return list;
    if (className == idServiceClass()) {
        list.append(serviceInstance(idServicePath(m_systemName), tr("Host identities")));
        return list;
    }
    if (className == controllerServiceClass()) {
        list.append(serviceInstance(controllerServicePath(m_systemName), tr("Host access")));
        return list;
    }
    if (className == exportClass())
        return exportInstances();
    for (const HostRecord &h : m_hosts->hosts()) {
        if (className == hardwareIdClass()) {
            list.append(hardwareIdInstance(h));
            continue;
        }
        for (const HostGrant &g : h.grants) {
            const cim::ObjectPath privilege = privilegePath(h, g);
            cim::Instance inst(className);
            if (className == privilegeClass()) {
                inst.setPath(privilege);
                inst.setProperty(QStringLiteral("InstanceID"), privilege.key(u"InstanceID"));
                inst.setProperty(QStringLiteral("ElementName"),
                                 Value::string(g.readOnly ? tr("Read") : tr("Read and write")));
                inst.setProperty(QStringLiteral("PrivilegeGranted"), Value::boolean(true));
                inst.setProperty(QStringLiteral("Activities"), activities(g.readOnly));
            } else if (className == subjectClass()) {
                inst.setPath(
                    cim::ObjectPath(ProviderRegistry::defaultNameSpace(), subjectClass(),
                                    {{QStringLiteral("Privilege"), Value::reference(privilege)},
                                     {QStringLiteral("PrivilegedElement"),
                                      Value::reference(hardwareIdPath(h.id))}}));
                inst.setProperty(QStringLiteral("Privilege"), Value::reference(privilege));
                inst.setProperty(QStringLiteral("PrivilegedElement"),
                                 Value::reference(hardwareIdPath(h.id)));
            } else {
                inst.setPath(cim::ObjectPath(
                    ProviderRegistry::defaultNameSpace(), targetClass(),
                    {{QStringLiteral("Privilege"), Value::reference(privilege)},
                     {QStringLiteral("TargetElement"), Value::reference(targetPath(g))}}));
                inst.setProperty(QStringLiteral("Privilege"), Value::reference(privilege));
                inst.setProperty(QStringLiteral("TargetElement"), Value::reference(targetPath(g)));
            }
            list.append(inst);
        }
    }
    return list;
}

QList<MethodSpec> HostAccessProvider::methods(const QString &className) const
{
    if (className == idServiceClass()) {
        return {
            {CreateHardwareIdRequest::methodName(),
             {
                 {QStringLiteral("ElementName"), CimType::String, false, P::In, true, {}},
                 {QStringLiteral("StorageID"), CimType::String, false, P::In, true, {}},
                 {QStringLiteral("IDType"), CimType::UInt16, false, P::In, true, {}},
                 {QStringLiteral("OtherIDType"), CimType::String, false, P::In, false, {}},
                 {QStringLiteral("Setting"), CimType::Reference, false, P::In, false,
                  QStringLiteral("CIM_GatewayPathID")},
                 {QStringLiteral("PreSharedKey"), CimType::String, false, P::In, false, {}},
                 {QStringLiteral("HardwareID"), CimType::Reference, false, P::Out, false,
                  QStringLiteral("CIM_StorageHardwareID")},
             }},
            {DeleteHardwareIdRequest::methodName(),
             {
                 {QStringLiteral("HardwareID"), CimType::Reference, false, P::In, true,
                  QStringLiteral("CIM_StorageHardwareID")},
             }},
        };
    }
    if (className == controllerServiceClass()) {
        auto signature = [](const QString &name, bool expose) {
            MethodSpec m{
                name,
                {
                    {QStringLiteral("Job"), CimType::Reference, false, P::Out, false,
                     QStringLiteral("CIM_ConcreteJob")},
                    {QStringLiteral("LUNames"), CimType::String, true, P::In, true, {}},
                    {QStringLiteral("InitiatorPortIDs"), CimType::String, true, P::In, true, {}},
                    {QStringLiteral("TargetPortIDs"), CimType::String, true, P::In, false, {}},
                    {QStringLiteral("ProtocolControllers"), CimType::Reference, true, P::InOut,
                     false, QStringLiteral("CIM_SCSIProtocolController")},
                }};
            if (expose) {
                m.parameters.append(
                    {QStringLiteral("DeviceNumbers"), CimType::String, true, P::In, false, {}});
                m.parameters.append(
                    {QStringLiteral("DeviceAccesses"), CimType::UInt16, true, P::In, false, {}});
            }
            return m;
        };
        return {signature(ExposePathsRequest::exposeMethod(), true),
                signature(ExposePathsRequest::hideMethod(), false)};
    }
    return {};
}

QFuture<cim::MethodResult> HostAccessProvider::invokeMethod(const cim::MethodCall &call)
{
    const Value system = call.target.key(u"SystemName");
    if (!m_hosts || system.toString() != m_systemName) {
        return QtFuture::makeReadyFuture(
            failure(cim::ReturnCode::InvalidParameter,
                    tr("There is no service %1.").arg(call.target.toString())));
    }
    const bool idService =
        call.target.className().compare(idServiceClass(), Qt::CaseInsensitive) == 0 ||
        call.target.className().compare(u"CIM_StorageHardwareIDManagementService",
                                        Qt::CaseInsensitive) == 0;
    if (idService && call.method == CreateHardwareIdRequest::methodName())
        return QtFuture::makeReadyFuture(create(call.in));
    if (idService && call.method == DeleteHardwareIdRequest::methodName())
        return QtFuture::makeReadyFuture(remove(call.in));
    if (!idService && call.method == ExposePathsRequest::exposeMethod())
        return QtFuture::makeReadyFuture(exposeOrHide(call.in, true));
    if (!idService && call.method == ExposePathsRequest::hideMethod())
        return QtFuture::makeReadyFuture(exposeOrHide(call.in, false));
    return Provider::invokeMethod(call);
}

cim::MethodResult HostAccessProvider::create(const cim::Parameters &in)
{
    auto parsed = CreateHardwareIdRequest::parse(in);
    if (!parsed)
        return cim::MethodResult::failure(parsed.error());
    HostRecord host;
    host.name = parsed->elementName;
    if (parsed->kind == CreateHardwareIdRequest::Kind::PskIdentity) {
        host.pskIdentity = parsed->storageId;
        host.pskKey = parsed->preSharedKey;
    } else {
        host.certificateSha256 = parsed->storageId;
    }
    auto added = m_hosts->addHost(host);
    if (!added)
        return cim::MethodResult::failure(added.error());
    cim::MethodResult r;
    r.out.set(QStringLiteral("HardwareID"), Value::reference(hardwareIdPath(added->id)));
    return r;
}

cim::MethodResult HostAccessProvider::remove(const cim::Parameters &in)
{
    auto parsed = DeleteHardwareIdRequest::parse(in);
    if (!parsed)
        return cim::MethodResult::failure(parsed.error());
    const QString id = parsed->hardwareId.key(u"InstanceID").toString();
    if (!m_hosts->host(id))
        return failure(cim::ReturnCode::InvalidParameter,
                       tr("There is no host %1.").arg(parsed->hardwareId.toString()),
                       QStringLiteral("HardwareID"));
    if (auto ok = m_hosts->removeHost(id); !ok)
        return cim::MethodResult::failure(ok.error());
    return {};
}

cim::MethodResult HostAccessProvider::exposeOrHide(const cim::Parameters &in, bool expose)
{
    auto parsed = ExposePathsRequest::parse(in, expose);
    if (!parsed)
        return cim::MethodResult::failure(parsed.error());
    // Everything is resolved before anything changes, so a bad name changes nothing.
    QStringList hostIds;
    for (const QString &storageId : parsed->initiatorPortIds) {
        const auto fingerprint = HostAccess::normalizedFingerprint(storageId);
        QString found;
        for (const HostRecord &h : m_hosts->hosts()) {
            if (h.pskIdentity == storageId || (fingerprint && !h.certificateSha256.isEmpty() &&
                                               fingerprint.value() == h.certificateSha256))
                found = h.id;
        }
        if (found.isEmpty())
            return failure(cim::ReturnCode::InvalidParameter,
                           tr("No host has the StorageID %1.").arg(storageId.left(140)),
                           QStringLiteral("InitiatorPortIDs"));
        hostIds.append(found);
    }
    QList<HostGrant> grants;
    for (qsizetype i = 0; i < parsed->luNames.size(); ++i) {
        const QString &name = parsed->luNames[i];
        HostGrant g;
        g.id = name;
        if (m_pools && m_pools->volume(name))
            g.scope = HostGrant::Scope::Volume;
        else if (m_pools && m_pools->pool(name))
            g.scope = HostGrant::Scope::Pool;
        else
            return failure(cim::ReturnCode::InvalidParameter,
                           tr("There is no volume or pool %1.").arg(name.left(140)),
                           QStringLiteral("LUNames"));
        g.readOnly =
            expose && parsed->deviceAccesses.value(i) == ExposePathsRequest::Access::ReadOnly;
        grants.append(g);
    }
    for (const QString &hostId : hostIds) {
        for (const HostGrant &g : grants) {
            auto ok = expose ? m_hosts->grant(hostId, g) : m_hosts->revoke(hostId, g.scope, g.id);
            if (!ok)
                return cim::MethodResult::failure(ok.error());
        }
    }
    return {};
}

} // namespace rd::engine
