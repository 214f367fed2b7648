#include "remotecollectionrequest.h"

#include "systeminventory.h"

#include "requests/createremotereplicationcollectionrequest.h"

#include <QCoreApplication>
#include <QStringList>

namespace rd::ui {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("rd::ui::RemoteCollectionRequest", text);
}

QString pointList(const cim::Value &value)
{
    if (value.isNull() || value.elements().isEmpty())
        return QString();
    QStringList items;
    for (const cim::Value &v : value.elements())
        items.append(QStringLiteral("<li><tt>%1</tt></li>")
                         .arg(accessPointUrl(v.toReference()).toHtmlEscaped()));
    return QStringLiteral("<ul>") + items.join(QString()) + QStringLiteral("</ul>");
}

} // namespace

cim::MethodCall createRemoteReplicationCollectionCall(const RemoteCollectionChoice &choice,
                                                      const cim::ObjectPath &service)
{
    requests::CreateRemoteReplicationCollectionRequest request;
    if (const QString name = choice.elementName.trimmed(); !name.isEmpty())
        request.elementName = name;
    request.localAccessPoints = choice.localPoints;
    request.remoteAccessPoints = choice.remotePoints;
    if (!choice.remoteSystem.isEmpty())
        request.remoteComputerSystem = choice.remoteSystem;
    request.active = choice.active;
    request.deleteOnUnassociated = choice.deleteOnUnassociated;
    return request.toCall(service);
}

QString accessPointUrl(const cim::ObjectPath &path)
{
    return path.key(u"Name").toString();
}

QString describeCreateRemoteReplicationCollection(const cim::MethodCall &call,
                                                  const SystemInventory *local)
{
    const cim::Parameters &in = call.in;
    const QString here =
        local && local->client() ? local->client()->displayName() : tr("this system");
    QStringList parts;
    const cim::Value system = in.value(u"RemoteComputerSystem");
    const QString peer =
        system.isNull() ? tr("the peer") : system.toReference().key(u"Name").toString();
    const cim::Value name = in.value(u"ElementName");
    parts.append(tr("<p><b>%1</b> records a remote replication collection named <b>%2</b> that "
                    "reaches <b>%3</b>.</p>")
                     .arg(here.toHtmlEscaped(),
                          (name.isNull() ? tr("(a name the system chooses)") : name.toString())
                              .toHtmlEscaped(),
                          peer.toHtmlEscaped()));
    if (const QString remote = pointList(in.value(u"RemoteAccessPoints")); !remote.isEmpty())
        parts.append(tr("<p>The peer is reached at:</p>") + remote);
    if (const QString localPoints = pointList(in.value(u"LocalAccessPoints"));
        !localPoints.isEmpty())
        parts.append(tr("<p>The peer may reach this side at:</p>") + localPoints);
    else
        parts.append(tr("<p>This side offers the peer no endpoint of its own: replicas go from "
                        "here to the peer only.</p>"));
    if (!system.isNull())
        parts.append(tr("<p>Before the collection is recorded, the system signs in to the peer and "
                        "checks that it is the system <b>%1</b>; a peer that does not answer, or "
                        "is another system, leaves nothing behind.</p>")
                         .arg(peer.toHtmlEscaped()));
    const bool active = in.value(u"Active").isNull() || in.value(u"Active").toBool();
    parts.append(active ? tr("<p>The collection is <b>active</b>: replicas can be made through it "
                             "at once.</p>")
                        : tr("<p>The collection is <b>inactive</b>: it is kept, but no replica is "
                             "made through it until it is activated.</p>"));
    if (in.value(u"DeleteOnUnassociated").toBool())
        parts.append(tr("<p>It is deleted when its last access point is removed.</p>"));
    parts.append(tr("<p>The call returns at once; a job signs in to the peer and ends when the "
                    "collection is recorded.</p>"));
    return parts.join(QString());
}

} // namespace rd::ui
