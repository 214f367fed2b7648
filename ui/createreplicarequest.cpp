#include "createreplicarequest.h"

#include "cim/cimxml.h"
#include "cim/instance.h"

#include <QWizard>

namespace rd::ui {

namespace {
// CIM_ReplicationSettingData.TargetElementSupplier.
constexpr quint16 kUseExisting = 2;
constexpr quint16 kCreateNew = 3;

cim::Value references(const QStringList &paths)
{
    QList<cim::Value> refs;
    for (const QString &text : paths) {
        if (const auto path = cim::ObjectPath::fromString(text))
            refs.append(cim::Value::reference(*path));
    }
    return cim::Value::array(cim::CimType::Reference, refs);
}
} // namespace

cim::MethodCall createListReplicaCall(const QWizard &wizard, const cim::ObjectPath &service)
{
    using namespace replicafield;
    cim::MethodCall call;
    call.target = service;
    call.method = QStringLiteral("CreateListReplica");
    cim::Parameters &in = call.in;

    const QStringList sourcePaths = wizard.field(sources).toStringList();
    in.set(QStringLiteral("SourceElements"), references(sourcePaths));
    in.set(QStringLiteral("SyncType"),
           cim::Value::uint16(quint16(wizard.field(syncType).toUInt())));
    const uint modeCode = wizard.field(mode).toUInt();
    in.set(QStringLiteral("Mode"), modeCode == 0 ? cim::Value::null(cim::CimType::UInt16)
                                                 : cim::Value::uint16(quint16(modeCode)));

    const int choice = wizard.field(targetChoice).toInt();
    const bool existing = choice == ExistingTargets;
    if (existing) {
        in.set(QStringLiteral("TargetElements"), references(wizard.field(targets).toStringList()));
    } else {
        // Names apply in order; an empty name leaves that replica to the system's naming, and
        // trailing empty ones are left out.
        QStringList names = wizard.field(elementNames).toStringList();
        while (!names.isEmpty() && names.constLast().trimmed().isEmpty())
            names.removeLast();
        if (!names.isEmpty()) {
            QList<cim::Value> values;
            for (const QString &name : std::as_const(names)) {
                values.append(name.trimmed().isEmpty() ? cim::Value::null(cim::CimType::String)
                                                       : cim::Value::string(name.trimmed()));
            }
            in.set(QStringLiteral("ElementNames"), cim::Value::array(cim::CimType::String, values));
        }
        if (const auto pool = cim::ObjectPath::fromString(wizard.field(targetPool).toString()))
            in.set(QStringLiteral("TargetPool"), cim::Value::reference(*pool));
        if (const auto point =
                cim::ObjectPath::fromString(wizard.field(targetAccessPoint).toString()))
            in.set(QStringLiteral("TargetAccessPoint"), cim::Value::reference(*point));
    }

    cim::Instance settings(QStringLiteral("CIM_ReplicationSettingData"));
    settings.setProperty(QStringLiteral("TargetElementSupplier"),
                         cim::Value::uint16(existing ? kUseExisting : kCreateNew));
    if (const int priority = wizard.field(copyPriority).toInt(); priority >= 0)
        settings.setProperty(QStringLiteral("CopyPriority"), cim::Value::uint16(quint16(priority)));
    if (sourcePaths.size() > 1) {
        settings.setProperty(QStringLiteral("ConsistentPointInTime"),
                             cim::Value::boolean(wizard.field(consistentPointInTime).toBool()));
    }
    in.set(QStringLiteral("ReplicationSettingData"),
           cim::Value::string(cim::cimxml::writeInstance(settings)));

    // Replicas on another system are made by a job the call starts: the system refuses
    // WaitForCopyState for them (as it does TargetElements, TargetSettingGoal and
    // SourceAccessPoint, which such a call never carries either).
    const bool peer = choice == PeerTargets;
    if (const uint wait = wizard.field(waitForCopyState).toUInt(); wait != 0 && !peer)
        in.set(QStringLiteral("WaitForCopyState"), cim::Value::uint16(quint16(wait)));
    return call;
}

} // namespace rd::ui
