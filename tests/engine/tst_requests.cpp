// The typed requests on their own, without an engine: every rule parse() holds refuses with its
// return code and names the parameter at fault as the method declares it, and a parsed request
// written back with toCall() parses to the same request.

#include "requests/createlistreplicarequest.h"
#include "requests/createremotereplicationcollectionrequest.h"
#include "requests/createvolumerequest.h"
#include "requests/modifysynchronizationrequest.h"

#include "cim/cimxml.h"
#include "cim/instance.h"

#include <QTest>

using namespace rd;
using namespace rd::requests;
using cim::CimType;
using cim::Value;

namespace {

using Changes = QList<std::pair<QString, Value>>;

cim::ObjectPath volume(const char *id, const char *cls = "TEST_Volume")
{
    return cim::ObjectPath(QStringLiteral("root/test"), QString::fromLatin1(cls),
                           {{QStringLiteral("DeviceID"), Value::string(QString::fromLatin1(id))}});
}

Value refs(const QList<cim::ObjectPath> &paths)
{
    QList<Value> v;
    for (const auto &p : paths)
        v.append(Value::reference(p));
    return Value::array(CimType::Reference, v);
}

Value settings(const QList<std::pair<QString, Value>> &properties,
               const QString &cls = QStringLiteral("CIM_ReplicationSettingData"))
{
    cim::Instance s(cls);
    for (const auto &[n, v] : properties)
        s.setProperty(n, v);
    return Value::string(cim::cimxml::writeInstance(s));
}

cim::Parameters changed(cim::Parameters in, const Changes &changes)
{
    for (const auto &[n, v] : changes)
        in.set(n, v);
    return in;
}

// A clone of two volumes, valid as it is.
cim::Parameters localClone()
{
    cim::Parameters in;
    in.set(QStringLiteral("SyncType"), Value::uint16(8));
    in.set(QStringLiteral("SourceElements"), refs({volume("a"), volume("b")}));
    return in;
}

// A mirror of two volumes onto a peer, valid as it is.
cim::Parameters remoteMirror()
{
    cim::Parameters in;
    in.set(QStringLiteral("SyncType"), Value::uint16(6));
    in.set(QStringLiteral("SourceElements"), refs({volume("a"), volume("b")}));
    in.set(QStringLiteral("TargetAccessPoint"),
           Value::reference(cim::ObjectPath(
               QStringLiteral("root/test"), QStringLiteral("TEST_RemoteServiceAccessPoint"),
               {{QStringLiteral("Name"), Value::string(QStringLiteral("nbd://peer:10809"))}})));
    return in;
}

cim::Parameters volumeRequest()
{
    cim::Parameters in;
    in.set(QStringLiteral("ElementType"), Value::uint16(2));
    in.set(QStringLiteral("Size"), Value::uint64(1 << 20));
    return in;
}

cim::ObjectPath point(const QString &url)
{
    return cim::ObjectPath(QStringLiteral("root/test"),
                           QStringLiteral("MSISCSITARGET_RemoteServiceAccessPoint"),
                           {{QStringLiteral("Name"), Value::string(url)}});
}

cim::Parameters collectionRequest()
{
    cim::Parameters in;
    in.set(QStringLiteral("ElementName"), Value::string(QStringLiteral("To the peer")));
    in.set(QStringLiteral("RemoteAccessPoints"),
           refs({point(QStringLiteral("https://peer:5986/wsman")),
                 point(QStringLiteral("nbds://peer:10809"))}));
    return in;
}

template<class Request>
void expectRefusal(const cim::Result<Request> &r, quint32 code, const QString &parameter)
{
    QVERIFY2(!r.ok(), "accepted");
    QCOMPARE(r.error().code, code);
    QVERIFY(!r.error().message.isEmpty());
    QCOMPARE(r.error().parameter, parameter);
}

constexpr quint32 Invalid = quint32(cim::ReturnCode::InvalidParameter);
constexpr quint32 Unsupported = quint32(cim::ReturnCode::NotSupported);

} // namespace

class TestRequests : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void createListReplicaRefusals_data()
    {
        QTest::addColumn<cim::Parameters>("base");
        QTest::addColumn<Changes>("changes");
        QTest::addColumn<quint32>("code");
        QTest::addColumn<QString>("parameter");
        const auto S = QStringLiteral("SyncType");
        const auto M = QStringLiteral("Mode");
        const auto W = QStringLiteral("WaitForCopyState");
        const auto R = QStringLiteral("ReplicationSettingData");
        const auto SE = QStringLiteral("SourceElements");
        const auto TE = QStringLiteral("TargetElements");
        const auto P = QStringLiteral("TargetPool");
        const auto G = QStringLiteral("TargetSettingGoal");
        const auto N = QStringLiteral("ElementNames");
        const auto SAP = QStringLiteral("SourceAccessPoint");
        const Value pool = Value::reference(volume("pool", "TEST_StoragePool"));
        const Value two = refs({volume("x"), volume("y")});
        auto rsd = [&](const QString &n, const Value &v) {
            return Changes{{R, settings({{n, v}})}};
        };
        auto row = [](const char *name) { return &QTest::newRow(name); };
        const cim::Parameters local = localClone();
        const cim::Parameters remote = remoteMirror();
        auto add = [&](const char *name, const cim::Parameters &base, const Changes &c,
                       quint32 code, const QString &p) { *row(name) << base << c << code << p; };

        // Types and required parameters.
        add("SyncType missing", local, {{S, Value()}}, Invalid, S);
        add("SyncType NULL", local, {{S, Value::null(CimType::UInt16)}}, Invalid, S);
        add("SyncType uint32", local, {{S, Value::uint32(8)}}, Invalid, S);
        add("SourceElements empty", local, {{SE, Value::array(CimType::Reference, {})}}, Invalid,
            SE);
        add("SourceElements scalar", local, {{SE, Value::reference(volume("a"))}}, Invalid, SE);
        add("ElementNames not strings", local, {{N, Value::array(CimType::UInt16, {})}}, Invalid,
            N);
        // A right-to-left override would show "gpj.exe" as "exe.jpg": names must read as stored.
        add("ElementNames with BIDI override", local,
            {{N,
              Value::array(CimType::String, {Value::string(QStringLiteral("copy") + QChar(0x202E) +
                                                           QStringLiteral("gpj"))})}},
            Invalid, N);
        add("TargetPool string", local, {{P, Value::string(QStringLiteral("p"))}}, Invalid, P);
        // Here: value maps.
        add("SyncType 0", local, {{S, Value::uint16(0)}}, Invalid, S);
        add("SyncType 9", local, {{S, Value::uint16(9)}}, Invalid, S);
        add("SyncType vendor", local, {{S, Value::uint16(0x8000)}}, Invalid, S);
        add("Mode 1", local, {{M, Value::uint16(1)}}, Invalid, M);
        add("Mode 4", local, {{M, Value::uint16(4)}}, Invalid, M);
        add("asynchronous snapshot", local, {{S, Value::uint16(7)}, {M, Value::uint16(3)}},
            Unsupported, M);
        add("WaitForCopyState Broken", local, {{W, Value::uint16(5)}}, Invalid, W);
        add("WaitForCopyState 0", local, {{W, Value::uint16(0)}}, Invalid, W);
        add("SourceAccessPoint", local, {{SAP, Value::reference(volume("ap"))}}, Unsupported, SAP);
        // Here: the embedded ReplicationSettingData.
        add("RSD not XML", local, {{R, Value::string(QStringLiteral("<nope"))}}, Invalid, R);
        add("RSD other class", local, {{R, settings({}, QStringLiteral("CIM_SettingData"))}},
            Invalid, R);
        add("RSD CopyPriority 5", local, rsd(QStringLiteral("CopyPriority"), Value::uint16(5)),
            Invalid, R);
        add("RSD CopyPriority signed", local, rsd(QStringLiteral("CopyPriority"), Value::sint16(1)),
            Invalid, R);
        add("RSD CopyPriority string", local,
            rsd(QStringLiteral("CopyPriority"), Value::string(QStringLiteral("1"))), Invalid, R);
        add("RSD supplier 7", local, rsd(QStringLiteral("TargetElementSupplier"), Value::uint16(7)),
            Invalid, R);
        add("RSD supplier 1", local, rsd(QStringLiteral("TargetElementSupplier"), Value::uint16(1)),
            Invalid, R);
        add("RSD consistency not boolean", local,
            rsd(QStringLiteral("ConsistentPointInTime"), Value::uint16(1)), Invalid, R);
        // Here: sources, names, targets.
        add("source NULL", local,
            {{SE, Value::array(CimType::Reference,
                               {Value::reference(volume("a")), Value::null(CimType::Reference)})}},
            Invalid, SE);
        add("sources of two classes", local, {{SE, refs({volume("a"), volume("b", "TEST_Other")})}},
            Invalid, SE);
        add("three names for two sources", local,
            {{N, Value::array(CimType::String, {Value::string(QStringLiteral("1")),
                                                Value::string(QStringLiteral("2")),
                                                Value::string(QStringLiteral("3"))})}},
            Invalid, N);
        add("targets and a pool", local, {{TE, two}, {P, pool}}, Invalid, P);
        add("targets and a goal", local, {{TE, two}, {G, Value::reference(volume("goal"))}},
            Invalid, G);
        add("one target for two sources", local, {{TE, refs({volume("x")})}}, Invalid, TE);
        add("three targets for two sources", local,
            {{TE, refs({volume("x"), volume("y"), volume("z")})}}, Invalid, TE);
        add("Use existing without targets", local,
            rsd(QStringLiteral("TargetElementSupplier"), Value::uint16(2)), Invalid, TE);
        add("Client must supply without targets", local,
            rsd(QStringLiteral("TargetElementSupplier"), Value::uint16(6)), Invalid, TE);
        add("Create new with targets", local,
            {{TE, two},
             {R, settings({{QStringLiteral("TargetElementSupplier"), Value::uint16(3)}})}},
            Invalid, TE);
        add("Use and create with too many targets", local,
            {{TE, refs({volume("x"), volume("y"), volume("z")})},
             {R, settings({{QStringLiteral("TargetElementSupplier"), Value::uint16(4)}})}},
            Invalid, TE);
        add("target NULL", local,
            {{TE, Value::array(CimType::Reference,
                               {Value::reference(volume("x")), Value::null(CimType::Reference)})}},
            Invalid, TE);
        // On a peer.
        add("peer snapshot", remote, {{S, Value::uint16(7)}}, Unsupported, S);
        add("peer SyncType 9", remote, {{S, Value::uint16(9)}}, Invalid, S);
        add("peer Mode 4", remote, {{M, Value::uint16(4)}}, Invalid, M);
        add("peer TargetElements", remote, {{TE, two}}, Unsupported, TE);
        add("peer TargetSettingGoal", remote, {{G, Value::reference(volume("goal"))}}, Unsupported,
            G);
        add("peer SourceAccessPoint", remote, {{SAP, Value::reference(volume("ap"))}}, Unsupported,
            SAP);
        add("peer WaitForCopyState", remote, {{W, Value::uint16(4)}}, Unsupported, W);
        add("peer RSD not XML", remote, {{R, Value::string(QStringLiteral("x"))}}, Invalid, R);
        add("peer RSD other class", remote, {{R, settings({}, QStringLiteral("CIM_SettingData"))}},
            Invalid, R);
        add("peer existing targets", remote,
            rsd(QStringLiteral("TargetElementSupplier"), Value::uint16(2)), Unsupported, R);
        add("peer CopyPriority 7", remote, rsd(QStringLiteral("CopyPriority"), Value::uint16(7)),
            Invalid, R);
        add("peer consistent clones", remote,
            {{S, Value::uint16(8)},
             {R, settings({{QStringLiteral("ConsistentPointInTime"), Value::boolean(true)}})}},
            Unsupported, R);
        add("peer source NULL", remote,
            {{SE, Value::array(CimType::Reference, {Value::null(CimType::Reference)})}}, Invalid,
            SE);
        add("peer three names", remote,
            {{N, Value::array(CimType::String, {Value::string(QStringLiteral("1")),
                                                Value::string(QStringLiteral("2")),
                                                Value::string(QStringLiteral("3"))})}},
            Invalid, N);
        add("peer pool not a pool", remote, {{P, Value::reference(volume("v"))}}, Invalid, P);
    }

    void createListReplicaRefusals()
    {
        QFETCH(cim::Parameters, base);
        QFETCH(Changes, changes);
        QFETCH(quint32, code);
        QFETCH(QString, parameter);
        QVERIFY(CreateListReplicaRequest::parse(base).ok());
        expectRefusal(CreateListReplicaRequest::parse(changed(base, changes)), code, parameter);
    }

    void createListReplicaDecodes()
    {
        cim::Parameters in = localClone();
        in.set(QStringLiteral("ElementNames"),
               Value::array(CimType::String,
                            {Value::null(CimType::String), Value::string(QStringLiteral("B2"))}));
        in.set(QStringLiteral("Mode"), Value::uint16(2));
        in.set(QStringLiteral("TargetPool"), Value::reference(volume("pool", "TEST_StoragePool")));
        in.set(QStringLiteral("WaitForCopyState"), Value::uint16(4));
        in.set(QStringLiteral("ReplicationSettingData"),
               settings({{QStringLiteral("CopyPriority"), Value::uint16(0)},
                         {QStringLiteral("ConsistentPointInTime"), Value::boolean(true)},
                         {QStringLiteral("TargetElementSupplier"), Value::uint16(0)}}));
        const auto r = CreateListReplicaRequest::parse(in);
        QVERIFY2(r.ok(), qPrintable(r.error().message));
        QCOMPARE(r->syncType, cim::SyncType::Clone);
        QCOMPARE(r->mode, cim::Mode::Synchronous);
        QCOMPARE(r->sourceElements, (QList<cim::ObjectPath>{volume("a"), volume("b")}));
        QCOMPARE(r->elementNames,
                 (QList<std::optional<QString>>{std::nullopt, QStringLiteral("B2")}));
        QCOMPARE(r->waitForCopyState, cim::CopyState::Synchronized);
        QVERIFY(r->targetPool.has_value());
        QVERIFY(!r->isRemote());
        QVERIFY(r->checkLocal().ok());
        // Not Managed paces as Same; supplier 0 is Instrumentation Decides.
        QCOMPARE(r->copyPriority(), CopyPriority::Same);
        QCOMPARE(r->targetElementSupplier(), TargetElementSupplier::InstrumentationDecides);
        QVERIFY(r->consistentPointInTime());

        // A snapshot is synchronous whatever was left out; a clone asynchronous by default.
        cim::Parameters snap = localClone();
        snap.set(QStringLiteral("SyncType"), Value::uint16(7));
        QCOMPARE(CreateListReplicaRequest::parse(snap)->effectiveMode(), cim::Mode::Synchronous);
        QCOMPARE(CreateListReplicaRequest::parse(localClone())->effectiveMode(),
                 cim::Mode::Asynchronous);

        // Use and create: fewer targets than sources is fine.
        cim::Parameters some = localClone();
        some.set(QStringLiteral("TargetElements"), refs({volume("x")}));
        some.set(QStringLiteral("ReplicationSettingData"),
                 settings({{QStringLiteral("TargetElementSupplier"), Value::uint16(4)}}));
        QVERIFY(CreateListReplicaRequest::parse(some).ok());

        // A peer request is refused by a service that makes replicas only here.
        const auto peer = CreateListReplicaRequest::parse(remoteMirror());
        QVERIFY(peer.ok());
        QVERIFY(peer->isRemote());
        QCOMPARE(peer->checkLocal().error().code, Unsupported);
        QCOMPARE(peer->checkLocal().error().parameter, QStringLiteral("TargetAccessPoint"));
    }

    void createListReplicaRoundTrip()
    {
        CreateListReplicaRequest r;
        r.syncType = cim::SyncType::Mirror;
        r.mode = cim::Mode::Synchronous;
        r.sourceElements = {volume("a"), volume("b")};
        r.targetElements = {volume("x"), volume("y")};
        r.elementNames = {QStringLiteral("first"), std::nullopt};
        ReplicationSettings s;
        s.targetElementSupplier = TargetElementSupplier::UseExisting;
        s.copyPriority = CopyPriority::Urgent;
        s.consistentPointInTime = true;
        r.replicationSettingData = s;
        r.waitForCopyState = cim::CopyState::Unsynchronized;
        const cim::ObjectPath service = volume("service", "TEST_Service");
        const cim::MethodCall call = r.toCall(service);
        QCOMPARE(call.method, QStringLiteral("CreateListReplica"));
        QCOMPARE(call.target, service);
        auto back = CreateListReplicaRequest::parse(call.in);
        QVERIFY2(back.ok(), qPrintable(back.error().message));
        QVERIFY(back.value() == r);

        CreateListReplicaRequest pooled;
        pooled.sourceElements = {volume("a")};
        pooled.targetPool = volume("pool", "TEST_StoragePool");
        pooled.targetSettingGoal = volume("goal", "TEST_Setting");
        QVERIFY(CreateListReplicaRequest::parse(pooled.toCall(service).in).value() == pooled);

        auto peer = CreateListReplicaRequest::parse(remoteMirror()).value();
        peer.targetPool = volume("pool", "TEST_StoragePool");
        QVERIFY(CreateListReplicaRequest::parse(peer.toCall(service).in).value() == peer);
    }

    void modifyRefusals_data()
    {
        QTest::addColumn<int>("method");
        QTest::addColumn<Changes>("changes");
        QTest::addColumn<QString>("parameter");
        const auto O = QStringLiteral("Operation");
        const auto S = QStringLiteral("Synchronization");
        const int list = int(ModifySynchronizationRequest::Method::List);
        const int replica = int(ModifySynchronizationRequest::Method::Replica);
        QTest::newRow("Operation missing") << list << Changes{{O, Value()}} << O;
        QTest::newRow("Operation uint32") << list << Changes{{O, Value::uint32(8)}} << O;
        QTest::newRow("Operation 1") << list << Changes{{O, Value::uint16(1)}} << O;
        QTest::newRow("Operation 27") << replica << Changes{{O, Value::uint16(27)}} << O;
        for (quint16 groupOnly : {3, 5, 6, 13}) {
            QTest::addRow("list %d", groupOnly)
                << list << Changes{{O, Value::uint16(groupOnly)}} << O;
        }
        QTest::newRow("list empty")
            << list << Changes{{S, Value::array(CimType::Reference, {})}} << S;
        QTest::newRow("list NULL element")
            << list
            << Changes{{S, Value::array(CimType::Reference, {Value::reference(volume("s")),
                                                             Value::null(CimType::Reference)})}}
            << S;
        QTest::newRow("replica NULL")
            << replica << Changes{{S, Value::null(CimType::Reference)}} << S;
        QTest::newRow("replica given an array")
            << replica << Changes{{S, refs({volume("s")})}} << S;
        QTest::newRow("Force not boolean")
            << list << Changes{{QStringLiteral("Force"), Value::uint16(1)}}
            << QStringLiteral("Force");
        QTest::newRow("WaitForCopyState string")
            << list << Changes{{QStringLiteral("WaitForCopyState"), Value::string({})}}
            << QStringLiteral("WaitForCopyState");
    }

    void modifyRefusals()
    {
        QFETCH(int, method);
        QFETCH(Changes, changes);
        QFETCH(QString, parameter);
        const auto m = ModifySynchronizationRequest::Method(method);
        cim::Parameters in;
        in.set(QStringLiteral("Operation"), Value::uint16(8)); // Detach
        in.set(QStringLiteral("Synchronization"), m == ModifySynchronizationRequest::Method::List
                                                      ? refs({volume("s")})
                                                      : Value::reference(volume("s")));
        QVERIFY(ModifySynchronizationRequest::parse(in, m).ok());
        expectRefusal(ModifySynchronizationRequest::parse(changed(in, changes), m), Invalid,
                      parameter);
    }

    void modifyRoundTrip()
    {
        const cim::ObjectPath service = volume("service", "TEST_Service");
        ModifySynchronizationRequest list;
        list.operation = cim::SyncOperation::Fracture;
        list.synchronizations = {volume("s1"), volume("s2")};
        list.waitForCopyState = cim::CopyState::Fractured;
        list.force = false;
        const cim::MethodCall call = list.toCall(service);
        QCOMPARE(call.method, QStringLiteral("ModifyListSynchronization"));
        QVERIFY(ModifySynchronizationRequest::parse(call.in, list.method).value() == list);

        ModifySynchronizationRequest one;
        one.method = ModifySynchronizationRequest::Method::Replica;
        one.operation = cim::SyncOperation::AddSyncPair; // the replica method's own
        one.synchronizations = {volume("s1")};
        one.syncPairs = {volume("p1")};
        one.replicationSettingData = settings({}).toString();
        const cim::MethodCall replica = one.toCall(service);
        QCOMPARE(replica.method, QStringLiteral("ModifyReplicaSynchronization"));
        QVERIFY(ModifySynchronizationRequest::parse(replica.in, one.method).value() == one);
    }

    void createVolumeRefusals_data()
    {
        QTest::addColumn<Changes>("changes");
        QTest::addColumn<quint32>("code");
        QTest::addColumn<QString>("parameter");
        const auto T = QStringLiteral("ElementType");
        const auto S = QStringLiteral("Size");
        QTest::newRow("ElementType missing") << Changes{{T, Value()}} << Invalid << T;
        QTest::newRow("ElementType 0") << Changes{{T, Value::uint16(0)}} << Invalid << T;
        QTest::newRow("ElementType 99") << Changes{{T, Value::uint16(99)}} << Invalid << T;
        for (quint16 other : {3, 4, 5})
            QTest::addRow("ElementType %d", other)
                << Changes{{T, Value::uint16(other)}} << Unsupported << T;
        QTest::newRow("ElementType uint32") << Changes{{T, Value::uint32(2)}} << Invalid << T;
        QTest::newRow("Size missing") << Changes{{S, Value()}} << Invalid << S;
        QTest::newRow("Size 0") << Changes{{S, Value::uint64(0)}} << Invalid << S;
        QTest::newRow("Size uint32") << Changes{{S, Value::uint32(5)}} << Invalid << S;
        QTest::newRow("TheElement string")
            << Changes{{QStringLiteral("TheElement"), Value::string(QStringLiteral("v"))}}
            << Invalid << QStringLiteral("TheElement");
        QTest::newRow("grow without Size")
            << Changes{{QStringLiteral("TheElement"), Value::reference(volume("v"))}, {S, Value()}}
            << Invalid << S;
        QTest::newRow("InPool string")
            << Changes{{QStringLiteral("InPool"), Value::string(QStringLiteral("pool"))}} << Invalid
            << QStringLiteral("InPool");
        QTest::newRow("ElementName number")
            << Changes{{QStringLiteral("ElementName"), Value::uint16(1)}} << Invalid
            << QStringLiteral("ElementName");
        for (const char16_t bidi : {u'\u202A', u'\u202E', u'\u2066', u'\u2069'}) {
            QTest::addRow("ElementName with U+%04X", unsigned(bidi))
                << Changes{{QStringLiteral("ElementName"),
                            Value::string(QStringLiteral("Data") + QChar(bidi))}}
                << Invalid << QStringLiteral("ElementName");
        }
    }

    void createVolumeRefusals()
    {
        QFETCH(Changes, changes);
        QFETCH(quint32, code);
        QFETCH(QString, parameter);
        QVERIFY(CreateVolumeRequest::parse(volumeRequest()).ok());
        expectRefusal(CreateVolumeRequest::parse(changed(volumeRequest(), changes)), code,
                      parameter);
    }

    void createVolumeRoundTrip()
    {
        const cim::ObjectPath service = volume("service", "TEST_Service");
        const auto bare = CreateVolumeRequest::parse(volumeRequest());
        QVERIFY(!bare->elementName && !bare->inPool && !bare->goal && !bare->theElement);
        QCOMPARE(bare->size, quint64(1 << 20));
        QVERIFY(CreateVolumeRequest::parse(bare->toCall(service).in).value() == bare.value());

        CreateVolumeRequest full;
        full.elementName = QStringLiteral("Data");
        full.size = 5 << 20;
        full.inPool = volume("pool", "TEST_StoragePool");
        full.goal = volume("goal", "TEST_Setting");
        full.theElement = volume("v");
        const cim::MethodCall call = full.toCall(service);
        QCOMPARE(call.method, QStringLiteral("CreateOrModifyElementFromStoragePool"));
        QCOMPARE(call.in.value(u"ElementType"), Value::uint16(2));
        QVERIFY(CreateVolumeRequest::parse(call.in).value() == full);
    }

    void createCollectionRefusals_data()
    {
        QTest::addColumn<Changes>("changes");
        QTest::addColumn<QString>("parameter");
        const auto N = QStringLiteral("ElementName");
        const auto R = QStringLiteral("RemoteAccessPoints");
        const auto C = QStringLiteral("RemoteComputerSystem");
        auto system = [](const QString &cls, const QString &name) {
            return Value::reference(cim::ObjectPath(
                QStringLiteral("root/test"), cls, {{QStringLiteral("Name"), Value::string(name)}}));
        };
        QTest::newRow("name too long") << Changes{{N, Value::string(QString(257, u'n'))}} << N;
        QTest::newRow("name not a string") << Changes{{N, Value::uint16(1)}} << N;
        QTest::newRow("remote points scalar")
            << Changes{{R, Value::reference(point(QStringLiteral("nbd://peer")))}} << R;
        QTest::newRow("remote point ftp")
            << Changes{{R, refs({point(QStringLiteral("ftp://peer"))})}} << R;
        QTest::newRow("remote point no host")
            << Changes{{R, refs({point(QStringLiteral("https:///wsman"))})}} << R;
        QTest::newRow("remote point NULL")
            << Changes{{R, Value::array(CimType::Reference, {Value::null(CimType::Reference)})}}
            << R;
        QTest::newRow("remote point twice")
            << Changes{{R, refs({point(QStringLiteral("nbd://peer:1")),
                                 point(QStringLiteral("nbd://peer:1"))})}}
            << R;
        QTest::newRow("two management points")
            << Changes{{R, refs({point(QStringLiteral("https://peer/wsman")),
                                 point(QStringLiteral("http://peer:5985/wsman"))})}}
            << R;
        QTest::newRow("system not a ComputerSystem")
            << Changes{{C, system(QStringLiteral("CIM_StoragePool"), QStringLiteral("peer"))}} << C;
        QTest::newRow("system without a name")
            << Changes{{C, system(QStringLiteral("CIM_ComputerSystem"), QString())}} << C;
        QTest::newRow("Active not boolean")
            << Changes{{QStringLiteral("Active"), Value::uint16(1)}} << QStringLiteral("Active");
        QTest::newRow("local points strings")
            << Changes{{QStringLiteral("LocalAccessPoints"), Value::array(CimType::String, {})}}
            << QStringLiteral("LocalAccessPoints");
    }

    void createCollectionRefusals()
    {
        QFETCH(Changes, changes);
        QFETCH(QString, parameter);
        QVERIFY(CreateRemoteReplicationCollectionRequest::parse(collectionRequest()).ok());
        expectRefusal(
            CreateRemoteReplicationCollectionRequest::parse(changed(collectionRequest(), changes)),
            Invalid, parameter);
    }

    void createCollectionRoundTrip()
    {
        const cim::ObjectPath service = volume("service", "TEST_Service");
        cim::Parameters in = collectionRequest();
        in.set(QStringLiteral("ElementName"), Value::string(QStringLiteral("  Spaced  ")));
        const auto parsed = CreateRemoteReplicationCollectionRequest::parse(in);
        QCOMPARE(parsed->elementName, QStringLiteral("Spaced"));
        QVERIFY(parsed->isActive()); // Active left out
        QVERIFY(!parsed->deleteOnUnassociated);

        CreateRemoteReplicationCollectionRequest r;
        r.elementName = QStringLiteral("To the peer");
        r.localAccessPoints = {point(QStringLiteral("https://here/wsman"))};
        r.remoteAccessPoints = {point(QStringLiteral("https://peer/wsman")),
                                point(QStringLiteral("nbd://peer"))};
        r.remoteComputerSystem =
            cim::ObjectPath(QStringLiteral("root/test"), QStringLiteral("CIM_ComputerSystem"),
                            {{QStringLiteral("Name"), Value::string(QStringLiteral("peer"))}});
        r.active = false;
        r.deleteOnUnassociated = true;
        const cim::MethodCall call = r.toCall(service);
        QCOMPARE(call.method, QStringLiteral("CreateRemoteReplicationCollection"));
        QVERIFY(CreateRemoteReplicationCollectionRequest::parse(call.in).value() == r);
        QVERIFY(!CreateRemoteReplicationCollectionRequest::parse(call.in)->isActive());
    }
};

QTEST_GUILESS_MAIN(TestRequests)
#include "tst_requests.moc"
