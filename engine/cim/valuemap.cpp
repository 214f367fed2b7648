#include "valuemap.h"

#include <QCoreApplication>

#include <algorithm>

namespace rd::cim {

// Codes and names follow the DMTF MOF (CIM schema 2.29 experimental, as the Windows iSCSI Target
// documents it, and 2.42 final) unless a comment says otherwise.

namespace {

constexpr char kContext[] = "rd::cim::ValueMap";
using Kind = ValueMap::RangeKind;

// The usual tail of a uint16 map: ".." (every other code below 0x8000) and "0x8000..".
QList<ValueMap::Range> uint16Ranges()
{
    return {{0, 0x7FFF, Kind::DmtfReserved}, {0x8000, 0xFFFF, Kind::VendorSpecific}};
}

} // namespace

ValueMap::ValueMap(const char *property, QList<Entry> entries, QList<Range> ranges)
    : m_property(property)
    , m_entries(std::move(entries))
    , m_ranges(std::move(ranges))
{
    std::sort(m_entries.begin(), m_entries.end(),
              [](const Entry &a, const Entry &b) { return a.code < b.code; });
}

QString ValueMap::property() const
{
    return QString::fromLatin1(m_property);
}

QString ValueMap::label(quint64 code) const
{
    if (code <= 0xFFFFFFFFu) {
        const auto it = std::lower_bound(m_entries.cbegin(), m_entries.cend(), quint32(code),
                                         [](const Entry &e, quint32 c) { return e.code < c; });
        if (it != m_entries.cend() && it->code == code)
            return QCoreApplication::translate(kContext, it->name);
    }
    // Defined codes win over ranges; the first range that holds the code names it.
    for (const Range &r : m_ranges) {
        if (code < r.from || code > r.to)
            continue;
        switch (r.kind) {
        case RangeKind::DmtfReserved:
            return QCoreApplication::translate("rd::cim::ValueMap", "DMTF Reserved (%1)").arg(code);
        case RangeKind::VendorSpecific:
            return QCoreApplication::translate("rd::cim::ValueMap", "Vendor Specific (%1)")
                .arg(code);
        case RangeKind::MethodReserved:
            return QCoreApplication::translate("rd::cim::ValueMap", "Method Reserved (%1)")
                .arg(code);
        }
    }
    return QCoreApplication::translate("rd::cim::ValueMap", "Unknown value (%1)").arg(code);
}

bool ValueMap::isDefined(quint64 code) const
{
    return code <= 0xFFFFFFFFu &&
           std::binary_search(m_entries.cbegin(), m_entries.cend(), Entry{quint32(code), nullptr},
                              [](const Entry &a, const Entry &b) { return a.code < b.code; });
}

QList<quint32> ValueMap::codes() const
{
    QList<quint32> out;
    out.reserve(m_entries.size());
    for (const Entry &e : m_entries)
        out.append(e.code);
    return out;
}

const ValueMap &ValueMap::syncType()
{
    // CreateListReplica SyncType: 0..5 and 9..0x7FFF DMTF Reserved, 0x8000.. Vendor Specific.
    static const ValueMap map("SyncType",
                              {
                                  {6, QT_TRANSLATE_NOOP("rd::cim::ValueMap", "Mirror")},
                                  {7, QT_TRANSLATE_NOOP("rd::cim::ValueMap", "Snapshot")},
                                  {8, QT_TRANSLATE_NOOP("rd::cim::ValueMap", "Clone")},
                              },
                              uint16Ranges());
    return map;
}

const ValueMap &ValueMap::mode()
{
    // CIM_Synchronized.Mode also lists 0 Unknown; the method parameter does not use it.
    static const ValueMap map("Mode",
                              {
                                  {0, QT_TRANSLATE_NOOP("rd::cim::ValueMap", "Unknown")},
                                  {2, QT_TRANSLATE_NOOP("rd::cim::ValueMap", "Synchronous")},
                                  {3, QT_TRANSLATE_NOOP("rd::cim::ValueMap", "Asynchronous")},
                              },
                              uint16Ranges());
    return map;
}

const ValueMap &ValueMap::copyState()
{
    // 2..17 as DMTF defines them. 0 Unknown and 18 Restored come from enums.h and are not in
    // the 2.29 schema the Windows target implements (there 18.. is DMTF Reserved).
    static const ValueMap map("CopyState",
                              {
                                  {0, QT_TRANSLATE_NOOP("rd::cim::ValueMap", "Unknown")},
                                  {2, QT_TRANSLATE_NOOP("rd::cim::ValueMap", "Initialized")},
                                  {3, QT_TRANSLATE_NOOP("rd::cim::ValueMap", "Unsynchronized")},
                                  {4, QT_TRANSLATE_NOOP("rd::cim::ValueMap", "Synchronized")},
                                  {5, QT_TRANSLATE_NOOP("rd::cim::ValueMap", "Broken")},
                                  {6, QT_TRANSLATE_NOOP("rd::cim::ValueMap", "Fractured")},
                                  {7, QT_TRANSLATE_NOOP("rd::cim::ValueMap", "Split")},
                                  {8, QT_TRANSLATE_NOOP("rd::cim::ValueMap", "Inactive")},
                                  {9, QT_TRANSLATE_NOOP("rd::cim::ValueMap", "Suspended")},
                                  {10, QT_TRANSLATE_NOOP("rd::cim::ValueMap", "Failedover")},
                                  {11, QT_TRANSLATE_NOOP("rd::cim::ValueMap", "Prepared")},
                                  {12, QT_TRANSLATE_NOOP("rd::cim::ValueMap", "Aborted")},
                                  {13, QT_TRANSLATE_NOOP("rd::cim::ValueMap", "Skewed")},
                                  {14, QT_TRANSLATE_NOOP("rd::cim::ValueMap", "Mixed")},
                                  {15, QT_TRANSLATE_NOOP("rd::cim::ValueMap", "Not Applicable")},
                                  {16, QT_TRANSLATE_NOOP("rd::cim::ValueMap", "Partitioned")},
                                  {17, QT_TRANSLATE_NOOP("rd::cim::ValueMap", "Invalid")},
                                  {18, QT_TRANSLATE_NOOP("rd::cim::ValueMap", "Restored")},
                              },
                              uint16Ranges());
    return map;
}

const ValueMap &ValueMap::progressStatus()
{
    // 0 and 2..21 as DMTF defines them; 22 Requires detach comes from enums.h (not in 2.29).
    static const ValueMap map("ProgressStatus",
                              {
                                  {0, QT_TRANSLATE_NOOP("rd::cim::ValueMap", "Unknown")},
                                  {2, QT_TRANSLATE_NOOP("rd::cim::ValueMap", "Completed")},
                                  {3, QT_TRANSLATE_NOOP("rd::cim::ValueMap", "Dormant")},
                                  {4, QT_TRANSLATE_NOOP("rd::cim::ValueMap", "Initializing")},
                                  {5, QT_TRANSLATE_NOOP("rd::cim::ValueMap", "Preparing")},
                                  {6, QT_TRANSLATE_NOOP("rd::cim::ValueMap", "Synchronizing")},
                                  {7, QT_TRANSLATE_NOOP("rd::cim::ValueMap", "Resyncing")},
                                  {8, QT_TRANSLATE_NOOP("rd::cim::ValueMap", "Restoring")},
                                  {9, QT_TRANSLATE_NOOP("rd::cim::ValueMap", "Fracturing")},
                                  {10, QT_TRANSLATE_NOOP("rd::cim::ValueMap", "Splitting")},
                                  {11, QT_TRANSLATE_NOOP("rd::cim::ValueMap", "Failing over")},
                                  {12, QT_TRANSLATE_NOOP("rd::cim::ValueMap", "Failing back")},
                                  {13, QT_TRANSLATE_NOOP("rd::cim::ValueMap", "Aborting")},
                                  {14, QT_TRANSLATE_NOOP("rd::cim::ValueMap", "Mixed")},
                                  {15, QT_TRANSLATE_NOOP("rd::cim::ValueMap", "Not Applicable")},
                                  {16, QT_TRANSLATE_NOOP("rd::cim::ValueMap", "Suspending")},
                                  {17, QT_TRANSLATE_NOOP("rd::cim::ValueMap", "Requires fracture")},
                                  {18, QT_TRANSLATE_NOOP("rd::cim::ValueMap", "Requires resync")},
                                  {19, QT_TRANSLATE_NOOP("rd::cim::ValueMap", "Requires activate")},
                                  {20, QT_TRANSLATE_NOOP("rd::cim::ValueMap", "Pending")},
                                  {21, QT_TRANSLATE_NOOP("rd::cim::ValueMap", "Detaching")},
                                  {22, QT_TRANSLATE_NOOP("rd::cim::ValueMap", "Requires detach")},
                              },
                              uint16Ranges());
    return map;
}

const ValueMap &ValueMap::syncState()
{
    // Deprecated CIM_StorageSynchronized.SyncState (2.29 experimental adds 14 and 15; DMTF
    // spells 10 "Restore In Progresss").
    static const ValueMap map(
        "SyncState",
        {
            {2, QT_TRANSLATE_NOOP("rd::cim::ValueMap", "Initialized")},
            {3, QT_TRANSLATE_NOOP("rd::cim::ValueMap", "Prepare In Progress")},
            {4, QT_TRANSLATE_NOOP("rd::cim::ValueMap", "Prepared")},
            {5, QT_TRANSLATE_NOOP("rd::cim::ValueMap", "Resync In Progress")},
            {6, QT_TRANSLATE_NOOP("rd::cim::ValueMap", "Synchronized")},
            {7, QT_TRANSLATE_NOOP("rd::cim::ValueMap", "Fracture In Progress")},
            {8, QT_TRANSLATE_NOOP("rd::cim::ValueMap", "Quiesce In Progress")},
            {9, QT_TRANSLATE_NOOP("rd::cim::ValueMap", "Quiesced")},
            {10, QT_TRANSLATE_NOOP("rd::cim::ValueMap", "Restore In Progress")},
            {11, QT_TRANSLATE_NOOP("rd::cim::ValueMap", "Idle")},
            {12, QT_TRANSLATE_NOOP("rd::cim::ValueMap", "Broken")},
            {13, QT_TRANSLATE_NOOP("rd::cim::ValueMap", "Fractured")},
            {14, QT_TRANSLATE_NOOP("rd::cim::ValueMap", "Frozen")},
            {15, QT_TRANSLATE_NOOP("rd::cim::ValueMap", "Copy In Progress")},
        },
        uint16Ranges());
    return map;
}

const ValueMap &ValueMap::copyType()
{
    // Deprecated CIM_StorageSynchronized.CopyType.
    static const ValueMap map("CopyType",
                              {
                                  {2, QT_TRANSLATE_NOOP("rd::cim::ValueMap", "Async")},
                                  {3, QT_TRANSLATE_NOOP("rd::cim::ValueMap", "Sync")},
                                  {4, QT_TRANSLATE_NOOP("rd::cim::ValueMap", "UnSyncAssoc")},
                                  {5, QT_TRANSLATE_NOOP("rd::cim::ValueMap", "UnSyncUnAssoc")},
                              },
                              uint16Ranges());
    return map;
}

const ValueMap &ValueMap::replicaType()
{
    // CIM_StorageSynchronized.ReplicaType (deprecated by SyncType, still sent by providers).
    static const ValueMap map("ReplicaType",
                              {
                                  {0, QT_TRANSLATE_NOOP("rd::cim::ValueMap", "Not Specified")},
                                  {2, QT_TRANSLATE_NOOP("rd::cim::ValueMap", "Full Copy")},
                                  {3, QT_TRANSLATE_NOOP("rd::cim::ValueMap", "Before Delta")},
                                  {4, QT_TRANSLATE_NOOP("rd::cim::ValueMap", "After Delta")},
                                  {5, QT_TRANSLATE_NOOP("rd::cim::ValueMap", "Log")},
                              },
                              uint16Ranges());
    return map;
}

const ValueMap &ValueMap::copyMethodology()
{
    // CIM_Synchronized.CopyMethodology: how the copy engine builds and keeps the target.
    static const ValueMap map(
        "CopyMethodology",
        {
            {0, QT_TRANSLATE_NOOP("rd::cim::ValueMap", "Not Specified")},
            {1, QT_TRANSLATE_NOOP("rd::cim::ValueMap", "Other")},
            {2, QT_TRANSLATE_NOOP("rd::cim::ValueMap", "Implementation Decides")},
            {3, QT_TRANSLATE_NOOP("rd::cim::ValueMap", "Full Copy")},
            {4, QT_TRANSLATE_NOOP("rd::cim::ValueMap", "Incremental Copy")},
            {5, QT_TRANSLATE_NOOP("rd::cim::ValueMap", "Differential Copy")},
            {6, QT_TRANSLATE_NOOP("rd::cim::ValueMap", "Copy On Write")},
            {7, QT_TRANSLATE_NOOP("rd::cim::ValueMap", "Copy On Access")},
            {8, QT_TRANSLATE_NOOP("rd::cim::ValueMap", "Delta Update")},
            {9, QT_TRANSLATE_NOOP("rd::cim::ValueMap", "Snap And Clone")},
        },
        uint16Ranges());
    return map;
}

const ValueMap &ValueMap::jobState()
{
    // CIM_ConcreteJob.JobState: 13..32767 DMTF Reserved, 32768..65535 Vendor Reserved; 0 and 1
    // are outside the map.
    static const ValueMap map(
        "JobState",
        {
            {2, QT_TRANSLATE_NOOP("rd::cim::ValueMap", "New")},
            {3, QT_TRANSLATE_NOOP("rd::cim::ValueMap", "Starting")},
            {4, QT_TRANSLATE_NOOP("rd::cim::ValueMap", "Running")},
            {5, QT_TRANSLATE_NOOP("rd::cim::ValueMap", "Suspended")},
            {6, QT_TRANSLATE_NOOP("rd::cim::ValueMap", "Shutting Down")},
            {7, QT_TRANSLATE_NOOP("rd::cim::ValueMap", "Completed")},
            {8, QT_TRANSLATE_NOOP("rd::cim::ValueMap", "Terminated")},
            {9, QT_TRANSLATE_NOOP("rd::cim::ValueMap", "Killed")},
            {10, QT_TRANSLATE_NOOP("rd::cim::ValueMap", "Exception")},
            {11, QT_TRANSLATE_NOOP("rd::cim::ValueMap", "Service")},
            {12, QT_TRANSLATE_NOOP("rd::cim::ValueMap", "Query Pending")},
        },
        {{13, 32767, Kind::DmtfReserved}, {32768, 65535, Kind::VendorSpecific}});
    return map;
}

const ValueMap &ValueMap::operationalStatus()
{
    static const ValueMap map(
        "OperationalStatus",
        {
            {0, QT_TRANSLATE_NOOP("rd::cim::ValueMap", "Unknown")},
            {1, QT_TRANSLATE_NOOP("rd::cim::ValueMap", "Other")},
            {2, QT_TRANSLATE_NOOP("rd::cim::ValueMap", "OK")},
            {3, QT_TRANSLATE_NOOP("rd::cim::ValueMap", "Degraded")},
            {4, QT_TRANSLATE_NOOP("rd::cim::ValueMap", "Stressed")},
            {5, QT_TRANSLATE_NOOP("rd::cim::ValueMap", "Predictive Failure")},
            {6, QT_TRANSLATE_NOOP("rd::cim::ValueMap", "Error")},
            {7, QT_TRANSLATE_NOOP("rd::cim::ValueMap", "Non-Recoverable Error")},
            {8, QT_TRANSLATE_NOOP("rd::cim::ValueMap", "Starting")},
            {9, QT_TRANSLATE_NOOP("rd::cim::ValueMap", "Stopping")},
            {10, QT_TRANSLATE_NOOP("rd::cim::ValueMap", "Stopped")},
            {11, QT_TRANSLATE_NOOP("rd::cim::ValueMap", "In Service")},
            {12, QT_TRANSLATE_NOOP("rd::cim::ValueMap", "No Contact")},
            {13, QT_TRANSLATE_NOOP("rd::cim::ValueMap", "Lost Communication")},
            {14, QT_TRANSLATE_NOOP("rd::cim::ValueMap", "Aborted")},
            {15, QT_TRANSLATE_NOOP("rd::cim::ValueMap", "Dormant")},
            {16, QT_TRANSLATE_NOOP("rd::cim::ValueMap", "Supporting Entity in Error")},
            {17, QT_TRANSLATE_NOOP("rd::cim::ValueMap", "Completed")},
            {18, QT_TRANSLATE_NOOP("rd::cim::ValueMap", "Power Mode")},
            {19, QT_TRANSLATE_NOOP("rd::cim::ValueMap", "Relocating")},
        },
        uint16Ranges());
    return map;
}

const ValueMap &ValueMap::jobRequestedState()
{
    // CIM_ConcreteJob.RequestStateChange RequestedState.
    static const ValueMap map(
        "RequestedState",
        {
            {2, QT_TRANSLATE_NOOP("rd::cim::ValueMap", "Start")},
            {3, QT_TRANSLATE_NOOP("rd::cim::ValueMap", "Suspend")},
            {4, QT_TRANSLATE_NOOP("rd::cim::ValueMap", "Terminate")},
            {5, QT_TRANSLATE_NOOP("rd::cim::ValueMap", "Kill")},
            {6, QT_TRANSLATE_NOOP("rd::cim::ValueMap", "Service")},
        },
        {{7, 32767, Kind::DmtfReserved}, {32768, 65535, Kind::VendorSpecific}});
    return map;
}

const ValueMap &ValueMap::returnCode()
{
    // The ReplicationService methods' uint32 return values (seeds 000, 004), plus 4097 from
    // ConcreteJob.RequestStateChange.
    static const ValueMap map(
        "ReturnValue",
        {
            {0, QT_TRANSLATE_NOOP("rd::cim::ValueMap", "Completed with No Error")},
            {1, QT_TRANSLATE_NOOP("rd::cim::ValueMap", "Not Supported")},
            {2, QT_TRANSLATE_NOOP("rd::cim::ValueMap", "Unknown")},
            {3, QT_TRANSLATE_NOOP("rd::cim::ValueMap", "Timeout")},
            {4, QT_TRANSLATE_NOOP("rd::cim::ValueMap", "Failed")},
            {5, QT_TRANSLATE_NOOP("rd::cim::ValueMap", "Invalid Parameter")},
            {6, QT_TRANSLATE_NOOP("rd::cim::ValueMap", "In Use")},
            {4096,
             QT_TRANSLATE_NOOP("rd::cim::ValueMap", "Method Parameters Checked - Job Started")},
            {4097, QT_TRANSLATE_NOOP("rd::cim::ValueMap", "Invalid State Transition")},
        },
        {{7, 4095, Kind::DmtfReserved},
         {4098, 32767, Kind::MethodReserved},
         {32768, 4294967295ULL, Kind::VendorSpecific}});
    return map;
}

const ValueMap &ValueMap::syncOperation()
{
    // ModifyReplicaSynchronization Operation. ModifyListSynchronization leaves 3, 5, 6 and 13
    // (the group operations) DMTF Reserved; one map serves both. 24..26 come from enums.h and are
    // DMTF Reserved in the 2.29 schema the Windows target implements.
    static const ValueMap map(
        "Operation",
        {
            {2, QT_TRANSLATE_NOOP("rd::cim::ValueMap", "Abort")},
            {3, QT_TRANSLATE_NOOP("rd::cim::ValueMap", "Activate Consistency")},
            {4, QT_TRANSLATE_NOOP("rd::cim::ValueMap", "Activate")},
            {5, QT_TRANSLATE_NOOP("rd::cim::ValueMap", "AddSyncPair")},
            {6, QT_TRANSLATE_NOOP("rd::cim::ValueMap", "Deactivate Consistency")},
            {7, QT_TRANSLATE_NOOP("rd::cim::ValueMap", "Deactivate")},
            {8, QT_TRANSLATE_NOOP("rd::cim::ValueMap", "Detach")},
            {9, QT_TRANSLATE_NOOP("rd::cim::ValueMap", "Dissolve")},
            {10, QT_TRANSLATE_NOOP("rd::cim::ValueMap", "Failover")},
            {11, QT_TRANSLATE_NOOP("rd::cim::ValueMap", "Failback")},
            {12, QT_TRANSLATE_NOOP("rd::cim::ValueMap", "Fracture")},
            {13, QT_TRANSLATE_NOOP("rd::cim::ValueMap", "RemoveSyncPair")},
            {14, QT_TRANSLATE_NOOP("rd::cim::ValueMap", "Resync Replica")},
            {15, QT_TRANSLATE_NOOP("rd::cim::ValueMap", "Restore from Replica")},
            {16, QT_TRANSLATE_NOOP("rd::cim::ValueMap", "Resume")},
            {17, QT_TRANSLATE_NOOP("rd::cim::ValueMap", "Reset To Sync")},
            {18, QT_TRANSLATE_NOOP("rd::cim::ValueMap", "Reset To Async")},
            {19, QT_TRANSLATE_NOOP("rd::cim::ValueMap", "Return To ResourcePool")},
            {20, QT_TRANSLATE_NOOP("rd::cim::ValueMap", "Reverse Roles")},
            {21, QT_TRANSLATE_NOOP("rd::cim::ValueMap", "Split")},
            {22, QT_TRANSLATE_NOOP("rd::cim::ValueMap", "Suspend")},
            {23, QT_TRANSLATE_NOOP("rd::cim::ValueMap", "Unprepare")},
            {24, QT_TRANSLATE_NOOP("rd::cim::ValueMap", "Prepare")},
            {25, QT_TRANSLATE_NOOP("rd::cim::ValueMap", "Swap")},
            {26, QT_TRANSLATE_NOOP("rd::cim::ValueMap", "Reset To Adaptive")},
        },
        uint16Ranges());
    return map;
}

const ValueMap *ValueMap::forProperty(QStringView name)
{
    struct Binding
    {
        const char16_t *name;
        const ValueMap &(*map)();
    };
    static const Binding bindings[] = {
        {u"SyncType", &ValueMap::syncType},
        {u"Mode", &ValueMap::mode},
        {u"CopyState", &ValueMap::copyState},
        {u"WaitForCopyState", &ValueMap::copyState},
        {u"RequestedCopyState", &ValueMap::copyState},
        {u"ProgressStatus", &ValueMap::progressStatus},
        {u"SyncState", &ValueMap::syncState},
        {u"CopyType", &ValueMap::copyType},
        {u"ReplicaType", &ValueMap::replicaType},
        {u"CopyMethodology", &ValueMap::copyMethodology},
        {u"JobState", &ValueMap::jobState},
        {u"OperationalStatus", &ValueMap::operationalStatus},
        {u"RequestedState", &ValueMap::jobRequestedState},
        {u"ReturnValue", &ValueMap::returnCode},
        {u"ReturnCode", &ValueMap::returnCode},
        {u"__ReturnValue", &ValueMap::returnCode},
        {u"Operation", &ValueMap::syncOperation},
    };
    for (const Binding &b : bindings) {
        if (name.compare(QStringView(b.name), Qt::CaseInsensitive) == 0)
            return &b.map();
    }
    return nullptr;
}

} // namespace rd::cim
