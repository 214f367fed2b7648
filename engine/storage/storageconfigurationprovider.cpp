#include "storageconfigurationprovider.h"

#include "imagetransferservice.h"
#include "poolmanager.h"
#include "storagepoolprovider.h"
#include "storagevolumeprovider.h"

#include "provider/computersystemprovider.h"
#include "provider/providerregistry.h"
#include "requests/createvolumerequest.h"
#include "requests/exportimagerequest.h"
#include "requests/importimagerequest.h"

#include <QCoreApplication>

namespace rd::engine {

using cim::CimType;
using cim::Value;
using P = ParameterSpec;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("rd::engine::StorageConfigurationProvider", text);
}

const auto CreateMethod = requests::CreateVolumeRequest::methodName();
const auto ReturnMethod = QStringLiteral("ReturnToStoragePool");
const auto ImportMethod = requests::ImportImageRequest::methodName();
const auto ExportMethod = requests::ExportImageRequest::methodName();

cim::MethodResult failure(cim::ReturnCode code, const QString &message)
{
    return cim::MethodResult::failure(quint32(code), message);
}

cim::MethodResult failure(const cim::Error &error)
{
    return cim::MethodResult::failure(error);
}

bool isNull(const Value &v)
{
    return !v.isTyped() || v.isNull();
}

} // namespace

cim::ObjectPath StorageConfigurationProvider::servicePath(const QString &systemName)
{
    return cim::ObjectPath(
        ProviderRegistry::defaultNameSpace(), serviceClass(),
        {{QStringLiteral("CreationClassName"), Value::string(serviceClass())},
         {QStringLiteral("Name"), Value::string(QStringLiteral("StorageConfigurationService"))},
         {QStringLiteral("SystemCreationClassName"),
          Value::string(ComputerSystemProvider::className())},
         {QStringLiteral("SystemName"), Value::string(systemName)}});
}

StorageConfigurationProvider::StorageConfigurationProvider(PoolManager *pools, QString systemName)
    : m_pools(pools)
    , m_systemName(std::move(systemName))
{}

QList<ClassInfo> StorageConfigurationProvider::classes() const
{
    return {{serviceClass(), {QStringLiteral("CIM_StorageConfigurationService")}, false}};
}

cim::Result<QList<cim::Instance>> StorageConfigurationProvider::enumerateInstances(const QString &)
{
    const cim::ObjectPath path = servicePath(m_systemName);
    cim::Instance inst(serviceClass());
    inst.setPath(path);
    for (const auto &[name, value] : path.keys())
        inst.setProperty(name, value);
    inst.setProperty(QStringLiteral("ElementName"),
                     Value::string(tr("Storage configuration service")));
    inst.setProperty(QStringLiteral("OperationalStatus"),
                     Value::array(CimType::UInt16, {Value::uint16(2)}));
    inst.setProperty(QStringLiteral("EnabledState"), Value::uint16(2)); // Enabled
    return QList<cim::Instance>{inst};
}

QList<MethodSpec> StorageConfigurationProvider::methods(const QString &) const
{
    return {
        {CreateMethod,
         {
             {QStringLiteral("ElementName"), CimType::String, false, P::In, false, {}},
             {QStringLiteral("ElementType"), CimType::UInt16, false, P::In, true, {}},
             {QStringLiteral("Job"), CimType::Reference, false, P::Out, false,
              QStringLiteral("CIM_ConcreteJob")},
             {QStringLiteral("Goal"), CimType::Reference, false, P::In, false,
              QStringLiteral("CIM_ManagedElement")},
             {QStringLiteral("Size"), CimType::UInt64, false, P::InOut, false, {}},
             {QStringLiteral("InPool"), CimType::Reference, false, P::In, false,
              QStringLiteral("CIM_StoragePool")},
             {QStringLiteral("TheElement"), CimType::Reference, false, P::InOut, false,
              QStringLiteral("CIM_LogicalElement")},
         }},
        {ReturnMethod,
         {
             {QStringLiteral("Job"), CimType::Reference, false, P::Out, false,
              QStringLiteral("CIM_ConcreteJob")},
             {QStringLiteral("TheElement"), CimType::Reference, false, P::In, true,
              QStringLiteral("CIM_LogicalElement")},
         }},
        {ImportMethod,
         {
             {QStringLiteral("SourcePath"), CimType::String, false, P::In, true, {}},
             {QStringLiteral("Format"), CimType::String, false, P::In, false, {}},
             {QStringLiteral("InPool"), CimType::Reference, false, P::In, false,
              QStringLiteral("CIM_StoragePool")},
             {QStringLiteral("ElementName"), CimType::String, false, P::In, false, {}},
             {QStringLiteral("Job"), CimType::Reference, false, P::Out, false,
              QStringLiteral("CIM_ConcreteJob")},
             {QStringLiteral("TheElement"), CimType::Reference, false, P::Out, false,
              QStringLiteral("CIM_LogicalElement")},
         }},
        {ExportMethod,
         {
             {QStringLiteral("TheElement"), CimType::Reference, false, P::In, true,
              QStringLiteral("CIM_LogicalElement")},
             {QStringLiteral("DestinationPath"), CimType::String, false, P::In, true, {}},
             {QStringLiteral("Format"), CimType::String, false, P::In, true, {}},
             {QStringLiteral("Job"), CimType::Reference, false, P::Out, false,
              QStringLiteral("CIM_ConcreteJob")},
         }},
    };
}

QFuture<cim::MethodResult> StorageConfigurationProvider::invokeMethod(const cim::MethodCall &call)
{
    // Volumes are sparse files: creating and deleting one is quick, so those methods finish
    // within the call (0) and never start a job; copying an image in or out always is one.
    const Value system = call.target.key(u"SystemName");
    if (!m_pools || (!isNull(system) && system.toString() != m_systemName)) {
        return QtFuture::makeReadyFuture(
            failure(cim::ReturnCode::InvalidParameter,
                    tr("There is no service %1.").arg(call.target.toString())));
    }
    if (call.method == CreateMethod)
        return QtFuture::makeReadyFuture(createOrModifyElement(call.in));
    if (call.method == ReturnMethod)
        return QtFuture::makeReadyFuture(returnToStoragePool(call.in));
    if (call.method == ImportMethod)
        return importImage(call.in);
    if (call.method == ExportMethod)
        return exportImage(call.in);
    return Provider::invokeMethod(call);
}

QFuture<cim::MethodResult> StorageConfigurationProvider::importImage(const cim::Parameters &in)
{
    auto parsed = requests::ImportImageRequest::parse(in);
    if (!parsed)
        return QtFuture::makeReadyFuture(failure(parsed.error()));
    if (!m_transfers) {
        return QtFuture::makeReadyFuture(
            failure(cim::ReturnCode::NotSupported, tr("This system does not import image files.")));
    }
    return m_transfers->importImage(parsed.value());
}

QFuture<cim::MethodResult> StorageConfigurationProvider::exportImage(const cim::Parameters &in)
{
    auto parsed = requests::ExportImageRequest::parse(in);
    if (!parsed)
        return QtFuture::makeReadyFuture(failure(parsed.error()));
    if (!m_transfers) {
        return QtFuture::makeReadyFuture(
            failure(cim::ReturnCode::NotSupported, tr("This system does not export image files.")));
    }
    return m_transfers->exportImage(parsed.value());
}

cim::MethodResult StorageConfigurationProvider::createOrModifyElement(const cim::Parameters &in)
{
    // Every check comes before createVolume, so an error leaves nothing behind. The request's
    // own rules first (a new volume, of a size), then what this system holds.
    auto parsed = requests::CreateVolumeRequest::parse(in);
    if (!parsed)
        return failure(parsed.error());
    const requests::CreateVolumeRequest &request = parsed.value();
    if (request.goal) {
        // The engine serves no StorageSetting, so no Goal can name one of its settings.
        return failure(cim::Error(cim::ReturnCode::InvalidParameter,
                                  tr("The Goal %1 is not a storage setting of this system.")
                                      .arg(request.goal->toString()),
                                  QStringLiteral("Goal")));
    }
    if (request.theElement)
        return modifyElement(request);
    QString poolId = m_pools->defaultPoolId();
    if (const auto &path = request.inPool) {
        const bool isPoolClass =
            path->className().compare(StoragePoolProvider::poolClass(), Qt::CaseInsensitive) == 0 ||
            path->className().compare(u"CIM_StoragePool", Qt::CaseInsensitive) == 0;
        poolId = path->key(u"InstanceID").toString();
        if (!isPoolClass || !m_pools->pool(poolId)) {
            return failure(cim::Error(
                cim::ReturnCode::InvalidParameter,
                tr("InPool %1 is not a storage pool of this system.").arg(path->toString()),
                QStringLiteral("InPool")));
        }
    }
    // NULL: the system supplies a name (an empty string is a name, and PoolManager refuses it).
    const QString elementName = request.elementName.value_or(tr("New volume"));

    auto created = m_pools->createVolume(poolId, elementName, request.size);
    if (!created)
        return failure(created.error());

    cim::MethodResult result;
    result.returnValue = quint32(cim::ReturnCode::Completed);
    result.out.set(QStringLiteral("TheElement"), Value::reference(StorageVolumeProvider::volumePath(
                                                     m_systemName, created->deviceId)));
    // The size achieved: the request rounded up to whole blocks.
    result.out.set(QStringLiteral("Size"), Value::uint64(created->size));
    result.out.set(QStringLiteral("Job"), Value::null(CimType::Reference));
    return result;
}

cim::MethodResult
StorageConfigurationProvider::modifyElement(const requests::CreateVolumeRequest &request)
{
    const StorageVolumeProvider volumes(m_pools, m_systemName);
    const QString deviceId = volumes.deviceIdOf(*request.theElement);
    const std::optional<VolumeInfo> volume =
        deviceId.isEmpty() ? std::nullopt : m_pools->volume(deviceId);
    if (!volume) {
        return failure(cim::Error(
            cim::ReturnCode::InvalidParameter,
            tr("TheElement %1 is not a volume of this system.").arg(request.theElement->toString()),
            QStringLiteral("TheElement")));
    }
    // A volume stays in its pool: InPool may only name the one it is in.
    if (const auto &path = request.inPool;
        path && path->key(u"InstanceID").toString() != volume->poolId) {
        return failure(cim::Error(cim::ReturnCode::InvalidParameter,
                                  tr("InPool %1 is not the pool of %2; a volume cannot move to "
                                     "another pool.")
                                      .arg(path->toString(), volume->elementName),
                                  QStringLiteral("InPool")));
    }
    // Each check runs before either change, so a refused size leaves the name alone.
    if (request.elementName) {
        if (auto named = m_pools->checkElementName(*request.elementName); !named)
            return failure(cim::Error(named.error().code, named.error().message,
                                      QStringLiteral("ElementName")));
    }
    auto grown = m_pools->growVolume(deviceId, request.size);
    if (!grown) {
        cim::Error e = grown.error();
        if (e.parameter.isEmpty()) {
            e.parameter = e.code == quint32(cim::ReturnCode::InUse) ? QStringLiteral("TheElement")
                                                                    : QStringLiteral("Size");
        }
        return failure(e);
    }
    if (request.elementName) {
        if (auto renamed = m_pools->renameVolume(deviceId, *request.elementName); !renamed)
            return failure(renamed.error());
    }
    cim::MethodResult result;
    result.returnValue = quint32(cim::ReturnCode::Completed);
    result.out.set(QStringLiteral("TheElement"),
                   Value::reference(StorageVolumeProvider::volumePath(m_systemName, deviceId)));
    result.out.set(QStringLiteral("Size"), Value::uint64(grown->size));
    result.out.set(QStringLiteral("Job"), Value::null(CimType::Reference));
    return result;
}

cim::MethodResult StorageConfigurationProvider::returnToStoragePool(const cim::Parameters &in)
{
    const cim::ObjectPath element = in.value(u"TheElement").toReference();
    const StorageVolumeProvider volumes(m_pools, m_systemName);
    const QString deviceId = volumes.deviceIdOf(element);
    if (deviceId.isEmpty() || !m_pools->volume(deviceId)) {
        return failure(
            cim::Error(cim::ReturnCode::InvalidParameter,
                       tr("TheElement %1 is not a volume of this system.").arg(element.toString()),
                       QStringLiteral("TheElement")));
    }
    if (auto deleted = m_pools->deleteVolume(deviceId); !deleted)
        return failure(deleted.error());
    cim::MethodResult result;
    result.returnValue = quint32(cim::ReturnCode::Completed);
    result.out.set(QStringLiteral("Job"), Value::null(CimType::Reference));
    return result;
}

} // namespace rd::engine
