#include "createremotereplicationcollectionrequest.h"

#include "parameterreader.h"

#include <QCoreApplication>

#include <algorithm>

namespace rd::requests {

using cim::CimType;
using cim::Value;

namespace {
// The texts come from RemoteCollections::validate and keep its context.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(rd::engine::RemoteCollections)
};

constexpr auto invalid = invalidParameter;

const auto ElementName = QStringLiteral("ElementName");
const auto LocalAccessPoints = QStringLiteral("LocalAccessPoints");
const auto RemoteAccessPoints = QStringLiteral("RemoteAccessPoints");
const auto RemoteComputerSystem = QStringLiteral("RemoteComputerSystem");
const auto Active = QStringLiteral("Active");
const auto DeleteOnUnassociated = QStringLiteral("DeleteOnUnassociated");

QList<cim::ObjectPath> pathsOf(const Value &v)
{
    QList<cim::ObjectPath> paths;
    for (const Value &e : v.isNull() ? QList<Value>() : v.elements())
        paths.append(e.toReference());
    return paths;
}
} // namespace

bool CreateRemoteReplicationCollectionRequest::isManagementUrl(const QUrl &url)
{
    return url.scheme() == u"http" || url.scheme() == u"https";
}

bool CreateRemoteReplicationCollectionRequest::isDataUrl(const QUrl &url)
{
    return url.scheme() == u"nbd" || url.scheme() == u"nbds";
}

cim::Result<QUrl> CreateRemoteReplicationCollectionRequest::remoteUrl(const cim::ObjectPath &point)
{
    const QUrl url(point.key(u"Name").toString(), QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty() || (!isManagementUrl(url) && !isDataUrl(url)))
        return invalid(Text::tr("The remote access point %1 does not name a WS-Management "
                                "(http, https) or NBD (nbd, nbds) URL in its Name.")
                           .arg(point.toString()),
                       RemoteAccessPoints);
    return url;
}

cim::Result<void>
CreateRemoteReplicationCollectionRequest::checkRemoteSystem(const cim::ObjectPath &system)
{
    if (!system.className().contains(QStringLiteral("ComputerSystem"), Qt::CaseInsensitive) ||
        system.key(u"Name").toString().isEmpty())
        return invalid(Text::tr("RemoteComputerSystem is not a ComputerSystem with a Name."),
                       RemoteComputerSystem);
    return {};
}

cim::Result<void>
CreateRemoteReplicationCollectionRequest::checkOneManagementPoint(const QList<QUrl> &urls)
{
    // One collection reaches one peer through one management endpoint.
    const auto count = std::count_if(urls.begin(), urls.end(), isManagementUrl);
    if (count > 1)
        return invalid(Text::tr("A remote collection reaches its peer through one WS-Management "
                                "endpoint; %1 were given.")
                           .arg(count),
                       RemoteAccessPoints);
    return {};
}

cim::Result<CreateRemoteReplicationCollectionRequest>
CreateRemoteReplicationCollectionRequest::parse(const cim::Parameters &in)
{
    Value name, local, remote, system, active, deleteOn;
    auto read = readParameters(in, {
                                       {&name, ElementName, CimType::String},
                                       {&local, LocalAccessPoints, CimType::Reference, true},
                                       {&remote, RemoteAccessPoints, CimType::Reference, true},
                                       {&system, RemoteComputerSystem, CimType::Reference},
                                       {&active, Active, CimType::Boolean},
                                       {&deleteOn, DeleteOnUnassociated, CimType::Boolean},
                                   });
    if (!read)
        return read.error();

    CreateRemoteReplicationCollectionRequest r;
    if (!isNull(name)) {
        const QString trimmed = name.toString().trimmed();
        if (trimmed.size() > MaxElementName)
            return invalid(
                Text::tr("ElementName is longer than %1 characters.").arg(MaxElementName),
                ElementName);
        if (auto ok = checkName(trimmed, ElementName); !ok)
            return ok.error();
        r.elementName = trimmed;
    }
    if (!isNull(active))
        r.active = active.toBool();
    if (!isNull(deleteOn))
        r.deleteOnUnassociated = deleteOn.toBool();
    r.localAccessPoints = pathsOf(local);

    r.remoteAccessPoints = pathsOf(remote);
    QList<QUrl> urls;
    for (const cim::ObjectPath &p : std::as_const(r.remoteAccessPoints)) {
        auto url = remoteUrl(p);
        if (!url)
            return url.error();
        if (urls.contains(url.value()))
            return invalid(
                Text::tr("The remote access point %1 is named twice.").arg(url->toString()),
                RemoteAccessPoints);
        urls.append(url.value());
    }
    if (auto one = checkOneManagementPoint(urls); !one)
        return one.error();

    if (!isNull(system)) {
        r.remoteComputerSystem = system.toReference();
        if (auto ok = checkRemoteSystem(*r.remoteComputerSystem); !ok)
            return ok.error();
    }
    return r;
}

cim::MethodCall
CreateRemoteReplicationCollectionRequest::toCall(const cim::ObjectPath &target) const
{
    cim::MethodCall call;
    call.target = target;
    call.method = methodName();
    if (elementName && !elementName->isEmpty())
        call.in.set(ElementName, Value::string(*elementName));
    if (!localAccessPoints.isEmpty())
        call.in.set(LocalAccessPoints, referenceArray(localAccessPoints));
    if (!remoteAccessPoints.isEmpty())
        call.in.set(RemoteAccessPoints, referenceArray(remoteAccessPoints));
    if (remoteComputerSystem)
        call.in.set(RemoteComputerSystem, Value::reference(*remoteComputerSystem));
    if (active)
        call.in.set(Active, Value::boolean(*active));
    if (deleteOnUnassociated)
        call.in.set(DeleteOnUnassociated, Value::boolean(*deleteOnUnassociated));
    return call;
}

} // namespace rd::requests
