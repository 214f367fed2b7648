#include "replicacalltext.h"

#include "cim/enums.h"
#include "cim/valuemap.h"
#include "storagefigures.h"
#include "systeminventory.h"
#include "valueformat.h"

#include "requests/createlistreplicarequest.h"

#include <QCoreApplication>
#include <QStringList>

namespace rd::ui {

// The translation context of these sentences.
class ReplicaCallText
{
    Q_DECLARE_TR_FUNCTIONS(rd::ui::ReplicaCallText)
};

namespace {

QString nameOf(const cim::ObjectPath &path, const SystemInventory *inventory)
{
    if (inventory) {
        if (const auto instance = inventory->find(path)) {
            const QString label = instanceLabel(*instance);
            const auto bytes = volumeBytes(*instance);
            return bytes
                       ? ReplicaCallText::tr("%1 (%2)").arg(label.toHtmlEscaped(), byteText(*bytes))
                       : label.toHtmlEscaped();
        }
    }
    return pathLabel(path).toHtmlEscaped();
}

// ReplicationSettingData values in words: CopyPriority and TargetElementSupplier have value maps
// of their own (CIM_ReplicationSettingData).
QString priorityText(requests::CopyPriority priority)
{
    switch (priority) {
    case requests::CopyPriority::NotManaged:
        return ReplicaCallText::tr("Not Managed");
    case requests::CopyPriority::Low:
        return ReplicaCallText::tr("Low");
    case requests::CopyPriority::Same:
        return ReplicaCallText::tr("Same");
    case requests::CopyPriority::High:
        return ReplicaCallText::tr("High");
    case requests::CopyPriority::Urgent:
        return ReplicaCallText::tr("Urgent");
    }
    return QString();
}

QString supplierText(requests::TargetElementSupplier supplier)
{
    switch (supplier) {
    case requests::TargetElementSupplier::UseExisting:
        return ReplicaCallText::tr("Use existing");
    case requests::TargetElementSupplier::CreateNew:
        return ReplicaCallText::tr("Create new");
    case requests::TargetElementSupplier::UseAndCreate:
        return ReplicaCallText::tr("Use and create");
    case requests::TargetElementSupplier::InstrumentationDecides:
        return ReplicaCallText::tr("Instrumentation decides");
    case requests::TargetElementSupplier::ClientMustSupply:
        return ReplicaCallText::tr("Client must supply");
    }
    return QString();
}

// "Name = value" for each setting given, in the order the request carries them.
QStringList settingParts(const requests::ReplicationSettings &settings)
{
    auto coded = [](const QString &label, quint16 code) {
        const QString number = QString::number(code);
        return label.isEmpty() ? number : QStringLiteral("%1 (%2)").arg(label, number);
    };
    QStringList parts;
    if (const auto supplier = settings.targetElementSupplier) {
        parts.append(QStringLiteral("TargetElementSupplier = %1")
                         .arg(coded(supplierText(*supplier), quint16(*supplier))));
    }
    if (const auto priority = settings.copyPriority) {
        parts.append(QStringLiteral("CopyPriority = %1")
                         .arg(coded(priorityText(*priority), quint16(*priority))));
    }
    if (const auto consistent = settings.consistentPointInTime) {
        const QString name = QStringLiteral("ConsistentPointInTime");
        parts.append(QStringLiteral("%1 = %2").arg(
            name, formatValue(name, cim::Value::boolean(*consistent))));
    }
    return parts;
}

} // namespace

QString describeCreateListReplica(const cim::MethodCall &call, const SystemInventory *inventory)
{
    const auto parsed = requests::CreateListReplicaRequest::parse(call.in);
    if (!parsed) {
        return QStringLiteral("<p>") +
               ReplicaCallText::tr("The system will refuse this request: %1")
                   .arg(parsed.error().message.toHtmlEscaped()) +
               QStringLiteral("</p>");
    }
    const requests::CreateListReplicaRequest &request = parsed.value();
    const QString type =
        valueMapLabel(cim::ValueMap::syncType(), quint16(request.syncType)).toHtmlEscaped();
    // Replicas on another system: the peer makes the volumes, reached through this access point.
    const bool peer = request.isRemote();
    const bool mirror = request.syncType == cim::SyncType::Mirror;

    QStringList items;
    for (qsizetype i = 0; i < request.sourceElements.size(); ++i) {
        const QString source = nameOf(request.sourceElements.at(i), inventory);
        QString target;
        if (i < request.targetElements.size()) {
            target = ReplicaCallText::tr("onto the existing volume %1")
                         .arg(nameOf(request.targetElements.at(i), inventory));
        } else if (i < request.elementNames.size() && request.elementNames.at(i)) {
            const QString name = request.elementNames.at(i)->toHtmlEscaped();
            target = peer ? ReplicaCallText::tr("into a new volume named “%1” on the other system")
                                .arg(name)
                          : ReplicaCallText::tr("into a new volume named “%1”").arg(name);
        } else {
            target = peer ? ReplicaCallText::tr("into a new volume the other system names")
                          : ReplicaCallText::tr("into a new volume the system names");
        }
        items.append(QStringLiteral("<li>") +
                     ReplicaCallText::tr("%1 of %2, %3").arg(type, source, target) +
                     QStringLiteral("</li>"));
    }

    QStringList lines;
    // "This computer" reads as a name in a list, not inside a sentence.
    const engine::CimClient *client = inventory ? inventory->client() : nullptr;
    lines.append(client && client->isLocal()
                     ? ReplicaCallText::tr("Ask this computer's replication service to make these "
                                           "replicas:")
                     : ReplicaCallText::tr("Ask the replication service of %1 to make these "
                                           "replicas:")
                           .arg((client ? client->displayName() : ReplicaCallText::tr("the system"))
                                    .toHtmlEscaped()));
    lines.append(QStringLiteral("<ul>") + items.join(QString()) + QStringLiteral("</ul>"));

    QStringList facts;
    if (peer) {
        const QString where = request.targetAccessPoint->key(u"Name").toString().toHtmlEscaped();
        facts.append(
            mirror ? ReplicaCallText::tr("New volumes are made on another system, reached at %1 "
                                         "(TargetAccessPoint), and kept in step with their "
                                         "sources there: after a first full copy over NBD, every "
                                         "write to a source is sent to the other system too.")
                         .arg(where)
                   : ReplicaCallText::tr("New volumes are made on another system, reached at %1 "
                                         "(TargetAccessPoint); the blocks are sent there over "
                                         "NBD.")
                         .arg(where));
    } else if (request.targetElements.isEmpty()) {
        facts.append(!request.targetPool
                         ? ReplicaCallText::tr("New volumes go to the system's default pool.")
                         : ReplicaCallText::tr("New volumes are allocated from the pool %1.")
                               .arg(nameOf(*request.targetPool, inventory)));
    }
    const QString modeText =
        request.mode ? valueMapLabel(cim::ValueMap::mode(), quint16(*request.mode)).toHtmlEscaped()
                     : QString();
    if (!request.mode) {
        facts.append(ReplicaCallText::tr("Mode: left to the system (NULL)."));
    } else if (peer && mirror && *request.mode == cim::Mode::Synchronous) {
        facts.append(ReplicaCallText::tr("Mode: %1 — a write to a source completes only once the "
                                         "other system has it too.")
                         .arg(modeText));
    } else if (peer && mirror && *request.mode == cim::Mode::Asynchronous) {
        facts.append(ReplicaCallText::tr("Mode: %1 — writes to a source complete here and reach "
                                         "the other system shortly after.")
                         .arg(modeText));
    } else {
        facts.append(ReplicaCallText::tr("Mode: %1.").arg(modeText));
    }

    if (request.replicationSettingData) {
        QStringList parts;
        for (const QString &part : settingParts(*request.replicationSettingData))
            parts.append(part.toHtmlEscaped());
        facts.append(ReplicaCallText::tr("Settings (ReplicationSettingData): %1.")
                         .arg(parts.join(QStringLiteral("; "))));
    }
    if (request.waitForCopyState) {
        facts.append(
            ReplicaCallText::tr("The call returns when every replica is %1 "
                                "(WaitForCopyState); work that remains continues as a "
                                "job.")
                .arg(valueMapLabel(cim::ValueMap::copyState(), quint16(*request.waitForCopyState))
                         .toHtmlEscaped()));
    } else if (peer && mirror) {
        facts.append(ReplicaCallText::tr("The call returns at once; a job makes the volumes on the "
                                         "other system and copies the data, and ends when the "
                                         "mirrors are Synchronized. The job monitor follows it."));
    } else {
        facts.append(ReplicaCallText::tr("The call returns at once; the copy continues as a job "
                                         "the job monitor follows."));
    }
    lines.append(QStringLiteral("<p>") + facts.join(QStringLiteral("<br>")) +
                 QStringLiteral("</p>"));
    return lines.join(QString());
}

} // namespace rd::ui
