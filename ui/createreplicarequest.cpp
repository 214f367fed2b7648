#include "createreplicarequest.h"

#include "requests/createlistreplicarequest.h"

#include <QWizard>

namespace rd::ui {

namespace {
QList<cim::ObjectPath> paths(const QStringList &texts)
{
    QList<cim::ObjectPath> out;
    for (const QString &text : texts) {
        if (const auto path = cim::ObjectPath::fromString(text))
            out.append(*path);
    }
    return out;
}
} // namespace

cim::MethodCall createListReplicaCall(const QWizard &wizard, const cim::ObjectPath &service)
{
    using namespace replicafield;
    using requests::CreateListReplicaRequest;
    CreateListReplicaRequest request;
    const QStringList sourcePaths = wizard.field(sources).toStringList();
    request.sourceElements = paths(sourcePaths);
    request.syncType = cim::SyncType(quint16(wizard.field(syncType).toUInt()));
    if (const uint modeCode = wizard.field(mode).toUInt(); modeCode != 0)
        request.mode = cim::Mode(quint16(modeCode));

    const int choice = wizard.field(targetChoice).toInt();
    const bool existing = choice == ExistingTargets;
    if (existing) {
        request.targetElements = paths(wizard.field(targets).toStringList());
    } else {
        // Names apply in order; an empty name leaves that replica to the system's naming, and
        // trailing empty ones are left out.
        QStringList names = wizard.field(elementNames).toStringList();
        while (!names.isEmpty() && names.constLast().trimmed().isEmpty())
            names.removeLast();
        for (const QString &name : std::as_const(names)) {
            request.elementNames.append(
                name.trimmed().isEmpty() ? std::nullopt : std::optional<QString>(name.trimmed()));
        }
        request.targetPool = cim::ObjectPath::fromString(wizard.field(targetPool).toString());
        request.targetAccessPoint =
            cim::ObjectPath::fromString(wizard.field(targetAccessPoint).toString());
    }

    requests::ReplicationSettings settings;
    settings.targetElementSupplier = existing ? requests::TargetElementSupplier::UseExisting
                                              : requests::TargetElementSupplier::CreateNew;
    if (const int priority = wizard.field(copyPriority).toInt(); priority >= 0)
        settings.copyPriority = requests::CopyPriority(quint16(priority));
    if (sourcePaths.size() > 1)
        settings.consistentPointInTime = wizard.field(consistentPointInTime).toBool();
    request.replicationSettingData = settings;

    // Replicas on another system are made by a job the call starts: the system refuses
    // WaitForCopyState for them (as it does TargetElements, TargetSettingGoal and
    // SourceAccessPoint, which such a call never carries either).
    const bool peer = choice == PeerTargets;
    if (const uint wait = wizard.field(waitForCopyState).toUInt(); wait != 0 && !peer)
        request.waitForCopyState = cim::CopyState(quint16(wait));
    return request.toCall(service);
}

} // namespace rd::ui
