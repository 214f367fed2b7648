#include "remotenames.h"

#include "provider/providerregistry.h"

namespace rd::engine::remotenames {

QString collectionClass()
{
    return QStringLiteral("MSISCSITARGET_RemoteReplicationCollection");
}

QString remoteAccessPointClass()
{
    return QStringLiteral("MSISCSITARGET_RemoteServiceAccessPoint");
}

QString protocolEndpointClass()
{
    return QStringLiteral("MSISCSITARGET_ProtocolEndpoint");
}

QString memberOfCollectionClass()
{
    return QStringLiteral("MSISCSITARGET_MemberOfCollection");
}

namespace {
cim::ObjectPath accessPointPath(const QString &className, const QString &systemName,
                                const QUrl &url)
{
    using cim::Value;
    return cim::ObjectPath(ProviderRegistry::defaultNameSpace(), className,
                           {{QStringLiteral("CreationClassName"), Value::string(className)},
                            {QStringLiteral("Name"), Value::string(url.toString())},
                            {QStringLiteral("SystemCreationClassName"),
                             Value::string(QStringLiteral("MSISCSITARGET_ComputerSystem"))},
                            {QStringLiteral("SystemName"), Value::string(systemName)}});
}
} // namespace

cim::ObjectPath protocolEndpointPath(const QString &systemName, const QUrl &url)
{
    return accessPointPath(protocolEndpointClass(), systemName, url);
}

cim::ObjectPath remoteAccessPointPath(const QString &systemName, const QUrl &url)
{
    return accessPointPath(remoteAccessPointClass(), systemName, url);
}

QString peerKey(const QUrl &endpoint)
{
    QUrl u = endpoint.adjusted(QUrl::NormalizePathSegments | QUrl::StripTrailingSlash |
                               QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment);
    const QString scheme = u.scheme().toLower();
    const int port = u.port(scheme == u"https" ? 443 : 80);
    return scheme + u"://" + u.host().toLower() + u':' + QString::number(port) + u.path();
}

} // namespace rd::engine::remotenames
