// Writes fuzz_requests' seed corpus: the requests of tests/engine/tst_requests.cpp as WS-Man
// Invoke envelopes with rd:t type annotations, each behind its selector byte.
//   seed_requests DIR
#include "requests/createlistreplicarequest.h"
#include "requests/createremotereplicationcollectionrequest.h"
#include "requests/createvolumerequest.h"
#include "requests/exportimagerequest.h"
#include "requests/hostaccessrequests.h"
#include "requests/importimagerequest.h"
#include "requests/modifysynchronizationrequest.h"
#include "wsman/envelope.h"

#include <QFile>

#include <cstdio>

QString rd::engine::ProviderRegistry::defaultNameSpace()
{
    return QStringLiteral("root/cimv2/storage/iscsitarget");
}

using namespace rd;
using namespace rd::requests;
using cim::Value;

namespace {

cim::ObjectPath path(const char *cls, const char *key, const QString &value)
{
    return cim::ObjectPath(QStringLiteral("root/cimv2/storage/iscsitarget"),
                           QString::fromLatin1(cls),
                           {{QString::fromLatin1(key), Value::string(value)}});
}
cim::ObjectPath volume(const char *id)
{
    return path("MSISCSITARGET_StorageVolume", "DeviceID", QString::fromLatin1(id));
}
cim::ObjectPath point(const char *url)
{
    return path("MSISCSITARGET_RemoteServiceAccessPoint", "Name", QString::fromLatin1(url));
}

void write(const char *dir, const char *name, int selector, const cim::MethodCall &call)
{
    wsman::Message m;
    m.operation = wsman::Operation::Invoke;
    m.header.setTarget(call.target, wsman::UriStyle::Microsoft);
    m.header.to = QStringLiteral("https://host:5986/wsman");
    m.header.messageId = QStringLiteral("uuid:0A1B2C3D-0000-0000-0000-000000000001");
    m.invoke.method = call.method;
    m.invoke.parameters = call.in;
    m.header.action = m.defaultAction();
    QFile f(QString::fromLocal8Bit(dir) + u'/' + QString::fromLatin1(name));
    if (!f.open(QIODevice::WriteOnly))
        return;
    f.write(QByteArray(1, char(selector)) + wsman::writeMessage(m));
}

} // namespace

int main(int argc, char **argv)
{
    if (argc != 2) {
        std::fprintf(stderr, "usage: %s DIR\n", argv[0]);
        return 2;
    }
    const char *dir = argv[1];
    const cim::ObjectPath service =
        path("MSISCSITARGET_ReplicationService", "Name", QStringLiteral("rs"));

    CreateListReplicaRequest clone;
    clone.sourceElements = {volume("a"), volume("b")};
    write(dir, "clone", 0, clone.toCall(service));
    CreateListReplicaRequest mirror;
    mirror.syncType = cim::SyncType::Mirror;
    mirror.mode = cim::Mode::Synchronous;
    mirror.sourceElements = {volume("a"), volume("b")};
    mirror.targetElements = {volume("x"), volume("y")};
    mirror.elementNames = {QStringLiteral("first"), std::nullopt};
    ReplicationSettings s;
    s.targetElementSupplier = TargetElementSupplier::UseExisting;
    s.copyPriority = CopyPriority::Urgent;
    s.consistentPointInTime = true;
    mirror.replicationSettingData = s;
    mirror.waitForCopyState = cim::CopyState::Unsynchronized;
    write(dir, "mirror", 0, mirror.toCall(service));
    CreateListReplicaRequest remote;
    remote.syncType = cim::SyncType::Mirror;
    remote.sourceElements = {volume("a")};
    remote.targetAccessPoint = point("nbd://peer:10809");
    remote.targetPool = path("MSISCSITARGET_StoragePool", "InstanceID", QStringLiteral("pool"));
    write(dir, "remote_mirror", 0, remote.toCall(service));

    CreateRemoteReplicationCollectionRequest collection;
    collection.elementName = QStringLiteral("To the peer");
    collection.localAccessPoints = {point("https://here/wsman")};
    collection.remoteAccessPoints = {point("https://peer:5986/wsman"), point("nbds://peer:10809")};
    collection.remoteComputerSystem = path("CIM_ComputerSystem", "Name", QStringLiteral("peer"));
    collection.active = false;
    collection.deleteOnUnassociated = true;
    write(dir, "collection", 1, collection.toCall(service));

    CreateVolumeRequest volumeRequest;
    volumeRequest.size = 1 << 20;
    write(dir, "volume", 2, volumeRequest.toCall(service));
    CreateVolumeRequest grow;
    grow.elementName = QStringLiteral("Data");
    grow.size = 5 << 20;
    grow.inPool = path("MSISCSITARGET_StoragePool", "InstanceID", QStringLiteral("pool"));
    grow.goal = path("CIM_StorageSetting", "InstanceID", QStringLiteral("goal"));
    grow.theElement = volume("v");
    write(dir, "volume_grow", 2, grow.toCall(service));

    ModifySynchronizationRequest list;
    list.operation = cim::SyncOperation::Fracture;
    list.synchronizations = {path("CIM_StorageSynchronized", "SyncID", QStringLiteral("s1")),
                             path("CIM_StorageSynchronized", "SyncID", QStringLiteral("s2"))};
    list.waitForCopyState = cim::CopyState::Fractured;
    list.force = false;
    write(dir, "modify_list", 3, list.toCall(service));
    ModifySynchronizationRequest one;
    one.method = ModifySynchronizationRequest::Method::Replica;
    one.operation = cim::SyncOperation::AddSyncPair;
    one.synchronizations = {path("CIM_StorageSynchronized", "SyncID", QStringLiteral("s1"))};
    one.syncPairs = {path("CIM_StorageSynchronized", "SyncID", QStringLiteral("p1"))};
    one.replicationSettingData = s.toEmbedded();
    write(dir, "modify_replica", 4, one.toCall(service));

    ImportImageRequest import;
    import.sourcePath = QStringLiteral("/srv/images/disk.qcow2");
    import.format = QStringLiteral("qcow2");
    import.inPool = path("MSISCSITARGET_StoragePool", "InstanceID", QStringLiteral("pool"));
    import.elementName = QStringLiteral("disk");
    write(dir, "import_image", 5, import.toCall(service));
    ExportImageRequest exportImage;
    exportImage.theElement = volume("v");
    exportImage.destinationPath = QStringLiteral("/srv/images/out.vhdx");
    exportImage.format = QStringLiteral("vhdx");
    write(dir, "export_image", 6, exportImage.toCall(service));
    CreateHardwareIdRequest host;
    host.elementName = QStringLiteral("web01");
    host.storageId = QStringLiteral("web01");
    host.preSharedKey = QByteArray(32, '\x5a');
    write(dir, "create_hardware_id", 7, host.toCall(service));
    CreateHardwareIdRequest certificateHost;
    certificateHost.elementName = QStringLiteral("backup");
    certificateHost.kind = CreateHardwareIdRequest::Kind::Certificate;
    certificateHost.storageId = QString(QStringLiteral("AB:")).repeated(31) + QStringLiteral("AB");
    write(dir, "create_hardware_id_cert", 7, certificateHost.toCall(service));
    write(dir, "delete_hardware_id", 8,
          DeleteHardwareIdRequest{
              path("MSISCSITARGET_StorageHardwareID", "InstanceID", QStringLiteral("host-1"))}
              .toCall(service));
    ExposePathsRequest expose;
    expose.luNames = {QStringLiteral("v1"), QStringLiteral("pool")};
    expose.initiatorPortIds = {QStringLiteral("web01")};
    expose.deviceAccesses = {ExposePathsRequest::Access::ReadWrite,
                             ExposePathsRequest::Access::ReadOnly};
    write(dir, "expose_paths", 9, expose.toCall(service));
    ExposePathsRequest hide = expose;
    hide.expose = false;
    hide.deviceAccesses.clear();
    write(dir, "hide_paths", 10, hide.toCall(service));
    return 0;
}
