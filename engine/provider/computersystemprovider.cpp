#include "computersystemprovider.h"

#include "providerregistry.h"

#include <QSysInfo>

namespace rd::engine {

using cim::Value;

cim::ObjectPath ComputerSystemProvider::pathFor(const QString &systemName)
{
    return cim::ObjectPath(ProviderRegistry::defaultNameSpace(), className(),
                           {{QStringLiteral("CreationClassName"), Value::string(className())},
                            {QStringLiteral("Name"), Value::string(systemName)}});
}

ComputerSystemProvider::ComputerSystemProvider(QString systemName)
    : m_systemName(std::move(systemName))
{}

QList<ClassInfo> ComputerSystemProvider::classes() const
{
    return {{className(), {QStringLiteral("CIM_ComputerSystem")}, false}};
}

cim::Result<QList<cim::Instance>> ComputerSystemProvider::enumerateInstances(const QString &)
{
    cim::Instance system(className());
    system.setPath(pathFor(m_systemName));
    system.setProperty(QStringLiteral("CreationClassName"), Value::string(className()));
    system.setProperty(QStringLiteral("Name"), Value::string(m_systemName));
    system.setProperty(QStringLiteral("ElementName"), Value::string(m_systemName));
    // NameFormat "Other": the name is the engine's chosen system name, not necessarily DNS.
    system.setProperty(QStringLiteral("NameFormat"), Value::string(QStringLiteral("Other")));
    system.setProperty(QStringLiteral("Description"),
                       Value::string(QStringLiteral("ReplicaDesk replication engine")));
    // Dedicated {3}: a storage system (CIM_ComputerSystem.Dedicated value map).
    system.setProperty(QStringLiteral("Dedicated"),
                       Value::array(cim::CimType::UInt16, {Value::uint16(3)}));
    system.setProperty(QStringLiteral("OperationalStatus"),
                       Value::array(cim::CimType::UInt16, {Value::uint16(2)}));
    system.setProperty(
        QStringLiteral("OtherIdentifyingInfo"),
        Value::array(cim::CimType::String, {Value::string(QSysInfo::prettyProductName()),
                                            Value::string(QSysInfo::machineHostName())}));
    return QList<cim::Instance>{system};
}

} // namespace rd::engine
