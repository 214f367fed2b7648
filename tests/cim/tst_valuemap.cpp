// Value maps: every defined code has a name, codes outside a map get a range label, and the
// enums engine code uses agree with the maps.

#include "cim/enums.h"
#include "cim/result.h"
#include "cim/valuemap.h"

#include <QRegularExpression>
#include <QTest>

#include <limits>

using namespace rd::cim;

namespace {

struct NamedMap
{
    const char *name;
    const ValueMap &(*map)();
};

const NamedMap kMaps[] = {
    {"syncType", &ValueMap::syncType},
    {"mode", &ValueMap::mode},
    {"copyState", &ValueMap::copyState},
    {"progressStatus", &ValueMap::progressStatus},
    {"syncState", &ValueMap::syncState},
    {"copyType", &ValueMap::copyType},
    {"replicaType", &ValueMap::replicaType},
    {"copyMethodology", &ValueMap::copyMethodology},
    {"jobState", &ValueMap::jobState},
    {"operationalStatus", &ValueMap::operationalStatus},
    {"jobRequestedState", &ValueMap::jobRequestedState},
    {"returnCode", &ValueMap::returnCode},
    {"syncOperation", &ValueMap::syncOperation},
};

const ValueMap &mapNamed(const QString &name)
{
    for (const NamedMap &m : kMaps) {
        if (name == QLatin1String(m.name))
            return m.map();
    }
    qFatal("no map %s", qPrintable(name));
}

} // namespace

class TestValueMap : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void definedCodesHaveNames_data();
    void definedCodesHaveNames();
    void labels_data();
    void labels();
    void enumsAgreeWithMaps();
    void forProperty_data();
    void forProperty();
    void hugeCodes();
};

void TestValueMap::definedCodesHaveNames_data()
{
    QTest::addColumn<QString>("map");
    for (const NamedMap &m : kMaps)
        QTest::newRow(m.name) << QString::fromLatin1(m.name);
}

void TestValueMap::definedCodesHaveNames()
{
    QFETCH(QString, map);
    const ValueMap &m = mapNamed(map);
    QVERIFY(!m.property().isEmpty());
    const QList<quint32> codes = m.codes();
    QVERIFY(!codes.isEmpty());
    QVERIFY(std::is_sorted(codes.cbegin(), codes.cend()));
    QVERIFY(std::adjacent_find(codes.cbegin(), codes.cend()) == codes.cend());
    const QRegularExpression rangeLabel(QStringLiteral("\\(\\d+\\)$"));
    QSet<QString> names;
    for (const quint32 code : codes) {
        QVERIFY(m.isDefined(code));
        const QString label = m.label(code);
        QVERIFY2(!label.isEmpty(), qPrintable(QString::number(code)));
        QVERIFY2(!rangeLabel.match(label).hasMatch(), qPrintable(label));
        names.insert(label);
    }
    QCOMPARE(names.size(), codes.size()); // no two codes share a name within a map
}

void TestValueMap::labels_data()
{
    QTest::addColumn<QString>("map");
    QTest::addColumn<quint64>("code");
    QTest::addColumn<QString>("label");
    QTest::addColumn<bool>("defined");

    auto row = [](const char *map, quint64 code, const char *label, bool defined = true) {
        QTest::addRow("%s %llu", map, static_cast<unsigned long long>(code))
            << QString::fromLatin1(map) << code << QString::fromUtf8(label) << defined;
    };
    row("syncType", 6, "Mirror");
    row("syncType", 7, "Snapshot");
    row("syncType", 8, "Clone");
    row("syncType", 0, "DMTF Reserved (0)", false);
    row("syncType", 5, "DMTF Reserved (5)", false);
    row("syncType", 9, "DMTF Reserved (9)", false);
    row("syncType", 0x7FFF, "DMTF Reserved (32767)", false);
    row("syncType", 0x8000, "Vendor Specific (32768)", false);
    row("syncType", 0xFFFF, "Vendor Specific (65535)", false);
    row("syncType", 0x10000, "Unknown value (65536)", false);

    row("mode", 2, "Synchronous");
    row("mode", 3, "Asynchronous");
    row("mode", 4, "DMTF Reserved (4)", false);
    row("mode", 40000, "Vendor Specific (40000)", false);

    row("copyState", 2, "Initialized");
    row("copyState", 3, "Unsynchronized");
    row("copyState", 4, "Synchronized");
    row("copyState", 5, "Broken");
    row("copyState", 6, "Fractured");
    row("copyState", 7, "Split");
    row("copyState", 8, "Inactive");
    row("copyState", 9, "Suspended");
    row("copyState", 10, "Failedover");
    row("copyState", 11, "Prepared");
    row("copyState", 12, "Aborted");
    row("copyState", 13, "Skewed");
    row("copyState", 14, "Mixed");
    row("copyState", 15, "Not Applicable");
    row("copyState", 16, "Partitioned");
    row("copyState", 17, "Invalid");
    row("copyState", 1, "DMTF Reserved (1)", false);
    row("copyState", 19, "DMTF Reserved (19)", false);

    row("progressStatus", 0, "Unknown");
    row("progressStatus", 2, "Completed");
    row("progressStatus", 6, "Synchronizing");
    row("progressStatus", 11, "Failing over");
    row("progressStatus", 17, "Requires fracture");
    row("progressStatus", 18, "Requires resync");
    row("progressStatus", 19, "Requires activate");
    row("progressStatus", 20, "Pending");
    row("progressStatus", 21, "Detaching");
    row("progressStatus", 1, "DMTF Reserved (1)", false);

    row("syncState", 2, "Initialized");
    row("syncState", 6, "Synchronized");
    row("syncState", 7, "Fracture In Progress");
    row("syncState", 11, "Idle");
    row("syncState", 12, "Broken");
    row("syncState", 13, "Fractured");
    row("syncState", 15, "Copy In Progress");
    row("syncState", 16, "DMTF Reserved (16)", false);

    row("copyType", 2, "Async");
    row("copyType", 3, "Sync");
    row("copyType", 4, "UnSyncAssoc");
    row("copyType", 5, "UnSyncUnAssoc");
    row("copyType", 6, "DMTF Reserved (6)", false);
    row("replicaType", 2, "Full Copy");
    row("replicaType", 5, "Log");
    row("replicaType", 1, "DMTF Reserved (1)", false);
    row("replicaType", 6, "DMTF Reserved (6)", false);
    row("copyMethodology", 6, "Copy On Write");
    row("copyMethodology", 9, "Snap And Clone");
    row("copyMethodology", 10, "DMTF Reserved (10)", false);
    row("copyMethodology", 0x8000, "Vendor Specific (32768)", false);

    row("jobState", 2, "New");
    row("jobState", 3, "Starting");
    row("jobState", 4, "Running");
    row("jobState", 5, "Suspended");
    row("jobState", 6, "Shutting Down");
    row("jobState", 7, "Completed");
    row("jobState", 8, "Terminated");
    row("jobState", 9, "Killed");
    row("jobState", 10, "Exception");
    row("jobState", 11, "Service");
    row("jobState", 12, "Query Pending");
    row("jobState", 13, "DMTF Reserved (13)", false);
    row("jobState", 32768, "Vendor Specific (32768)", false);
    row("jobState", 0, "Unknown value (0)", false);
    row("jobState", 1, "Unknown value (1)", false);

    row("operationalStatus", 0, "Unknown");
    row("operationalStatus", 2, "OK");
    row("operationalStatus", 3, "Degraded");
    row("operationalStatus", 6, "Error");
    row("operationalStatus", 7, "Non-Recoverable Error");
    row("operationalStatus", 16, "Supporting Entity in Error");
    row("operationalStatus", 17, "Completed");
    row("operationalStatus", 19, "Relocating");
    row("operationalStatus", 20, "DMTF Reserved (20)", false);

    row("jobRequestedState", 2, "Start");
    row("jobRequestedState", 3, "Suspend");
    row("jobRequestedState", 4, "Terminate");
    row("jobRequestedState", 5, "Kill");
    row("jobRequestedState", 6, "Service");
    row("jobRequestedState", 7, "DMTF Reserved (7)", false);
    row("jobRequestedState", 32768, "Vendor Specific (32768)", false);
    row("jobRequestedState", 1, "Unknown value (1)", false);

    row("returnCode", 0, "Completed with No Error");
    row("returnCode", 1, "Not Supported");
    row("returnCode", 2, "Unknown");
    row("returnCode", 3, "Timeout");
    row("returnCode", 4, "Failed");
    row("returnCode", 5, "Invalid Parameter");
    row("returnCode", 6, "In Use");
    row("returnCode", 7, "DMTF Reserved (7)", false);
    row("returnCode", 4095, "DMTF Reserved (4095)", false);
    row("returnCode", 4096, "Method Parameters Checked - Job Started");
    row("returnCode", 4097, "Invalid State Transition");
    row("returnCode", 4098, "Method Reserved (4098)", false);
    row("returnCode", 32767, "Method Reserved (32767)", false);
    row("returnCode", 32768, "Vendor Specific (32768)", false);
    row("returnCode", 4294967295ULL, "Vendor Specific (4294967295)", false);
    row("returnCode", 4294967296ULL, "Unknown value (4294967296)", false);

    row("syncOperation", 2, "Abort");
    row("syncOperation", 4, "Activate");
    row("syncOperation", 7, "Deactivate");
    row("syncOperation", 8, "Detach");
    row("syncOperation", 9, "Dissolve");
    row("syncOperation", 10, "Failover");
    row("syncOperation", 11, "Failback");
    row("syncOperation", 12, "Fracture");
    row("syncOperation", 14, "Resync Replica");
    row("syncOperation", 15, "Restore from Replica");
    row("syncOperation", 16, "Resume");
    row("syncOperation", 17, "Reset To Sync");
    row("syncOperation", 18, "Reset To Async");
    row("syncOperation", 19, "Return To ResourcePool");
    row("syncOperation", 20, "Reverse Roles");
    row("syncOperation", 21, "Split");
    row("syncOperation", 22, "Suspend");
    row("syncOperation", 23, "Unprepare");
    row("syncOperation", 0, "DMTF Reserved (0)", false);
    row("syncOperation", 1, "DMTF Reserved (1)", false);
    row("syncOperation", 0x8001, "Vendor Specific (32769)", false);
}

void TestValueMap::labels()
{
    QFETCH(QString, map);
    QFETCH(quint64, code);
    QFETCH(QString, label);
    QFETCH(bool, defined);
    const ValueMap &m = mapNamed(map);
    QCOMPARE(m.label(code), label);
    QCOMPARE(m.isDefined(code), defined);
}

void TestValueMap::enumsAgreeWithMaps()
{
    auto check = [](const ValueMap &map, std::initializer_list<quint32> codes) {
        for (const quint32 c : codes) {
            if (!map.isDefined(c))
                return QStringLiteral("%1 lacks %2").arg(map.property()).arg(c);
        }
        return QString();
    };
    QCOMPARE(check(ValueMap::syncType(), {quint32(SyncType::Mirror), quint32(SyncType::Snapshot),
                                          quint32(SyncType::Clone)}),
             QString());
    QCOMPARE(check(ValueMap::mode(), {quint32(Mode::Synchronous), quint32(Mode::Asynchronous)}),
             QString());
    QCOMPARE(check(ValueMap::copyState(),
                   {quint32(CopyState::Unknown), quint32(CopyState::Initialized),
                    quint32(CopyState::Synchronized), quint32(CopyState::Fractured),
                    quint32(CopyState::Broken), quint32(CopyState::Partitioned),
                    quint32(CopyState::Invalid), quint32(CopyState::Restored)}),
             QString());
    QCOMPARE(check(ValueMap::progressStatus(),
                   {quint32(ProgressStatus::Unknown), quint32(ProgressStatus::Completed),
                    quint32(ProgressStatus::Detaching), quint32(ProgressStatus::RequiresDetach)}),
             QString());
    QCOMPARE(check(ValueMap::jobState(),
                   {quint32(JobState::New), quint32(JobState::Running),
                    quint32(JobState::Completed), quint32(JobState::QueryPending)}),
             QString());
    QCOMPARE(check(ValueMap::operationalStatus(),
                   {quint32(OperationalStatus::OK), quint32(OperationalStatus::Error),
                    quint32(OperationalStatus::Completed), quint32(OperationalStatus::Relocating)}),
             QString());
    QCOMPARE(check(ValueMap::jobRequestedState(),
                   {quint32(JobRequestedState::Start), quint32(JobRequestedState::Suspend),
                    quint32(JobRequestedState::Terminate), quint32(JobRequestedState::Kill),
                    quint32(JobRequestedState::Service)}),
             QString());
    QCOMPARE(check(ValueMap::returnCode(),
                   {quint32(ReturnCode::Completed), quint32(ReturnCode::NotSupported),
                    quint32(ReturnCode::InvalidParameter), quint32(ReturnCode::InUse),
                    quint32(ReturnCode::JobStarted), quint32(ReturnCode::InvalidStateTransition)}),
             QString());
    QCOMPARE(check(ValueMap::syncOperation(),
                   {quint32(SyncOperation::Abort), quint32(SyncOperation::Fracture),
                    quint32(SyncOperation::ResyncReplica), quint32(SyncOperation::Detach),
                    quint32(SyncOperation::ResetToAdaptive)}),
             QString());

    // The codes the engine acts on, checked against the names DMTF gives them.
    QCOMPARE(ValueMap::copyState().label(quint32(CopyState::Fractured)),
             QStringLiteral("Fractured"));
    QCOMPARE(ValueMap::jobState().label(quint32(JobState::Exception)), QStringLiteral("Exception"));
    QCOMPARE(ValueMap::syncOperation().label(quint32(SyncOperation::RestoreFromReplica)),
             QStringLiteral("Restore from Replica"));
    QCOMPARE(ValueMap::operationalStatus().label(quint32(OperationalStatus::Completed)),
             QStringLiteral("Completed"));
}

void TestValueMap::forProperty_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("map"); // empty: no map

    auto row = [](const char *name, const char *map) {
        QTest::newRow(name) << QString::fromLatin1(name) << QString::fromLatin1(map);
    };
    row("SyncType", "syncType");
    row("Mode", "mode");
    row("CopyState", "copyState");
    row("WaitForCopyState", "copyState");
    row("waitforcopystate", "copyState");
    row("RequestedCopyState", "copyState");
    row("ProgressStatus", "progressStatus");
    row("SyncState", "syncState");
    row("CopyType", "copyType");
    row("JobState", "jobState");
    row("OperationalStatus", "operationalStatus");
    row("RequestedState", "jobRequestedState");
    row("ReturnValue", "returnCode");
    row("Operation", "syncOperation");
    row("ElementName", "");
    row("", "");
}

void TestValueMap::forProperty()
{
    QFETCH(QString, name);
    QFETCH(QString, map);
    const ValueMap *found = ValueMap::forProperty(name);
    if (map.isEmpty()) {
        QCOMPARE(found, nullptr);
    } else {
        QCOMPARE(found, &mapNamed(map));
    }
}

void TestValueMap::hugeCodes()
{
    for (const NamedMap &m : kMaps) {
        const QString label = m.map().label(std::numeric_limits<quint64>::max());
        QCOMPARE(label, QStringLiteral("Unknown value (18446744073709551615)"));
        QVERIFY(!m.map().isDefined(std::numeric_limits<quint64>::max()));
        QVERIFY(!m.map().isDefined(0x100000000ULL + 2)); // must not wrap to code 2
    }
}

QTEST_GUILESS_MAIN(TestValueMap)
#include "tst_valuemap.moc"
