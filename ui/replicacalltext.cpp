#include "replicacalltext.h"

#include "cim/cimxml.h"
#include "cim/enums.h"
#include "cim/valuemap.h"
#include "storagefigures.h"
#include "systeminventory.h"
#include "valueformat.h"

#include <QCoreApplication>
#include <QStringList>

#include <iterator>

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
QString settingText(const QString &name, const cim::Value &value)
{
    if (value.isTyped() && !value.isNull() && cim::isInteger(value.type())) {
        const quint64 code = value.toUInt64();
        const char *label = nullptr;
        if (name.compare(u"CopyPriority", Qt::CaseInsensitive) == 0) {
            static const char *const names[] = {
                QT_TRANSLATE_NOOP("rd::ui::ReplicaCallText", "Not Managed"),
                QT_TRANSLATE_NOOP("rd::ui::ReplicaCallText", "Low"),
                QT_TRANSLATE_NOOP("rd::ui::ReplicaCallText", "Same"),
                QT_TRANSLATE_NOOP("rd::ui::ReplicaCallText", "High"),
                QT_TRANSLATE_NOOP("rd::ui::ReplicaCallText", "Urgent")};
            label = code < std::size(names) ? names[code] : nullptr;
        } else if (name.compare(u"TargetElementSupplier", Qt::CaseInsensitive) == 0) {
            static const char *const names[] = {
                nullptr,
                nullptr,
                QT_TRANSLATE_NOOP("rd::ui::ReplicaCallText", "Use existing"),
                QT_TRANSLATE_NOOP("rd::ui::ReplicaCallText", "Create new"),
                QT_TRANSLATE_NOOP("rd::ui::ReplicaCallText", "Use and create"),
                QT_TRANSLATE_NOOP("rd::ui::ReplicaCallText", "Instrumentation decides"),
                QT_TRANSLATE_NOOP("rd::ui::ReplicaCallText", "Client must supply")};
            label = code < std::size(names) ? names[code] : nullptr;
        }
        if (label) {
            return QStringLiteral("%1 (%2)").arg(
                QCoreApplication::translate("rd::ui::ReplicaCallText", label), value.toText());
        }
    }
    return formatValue(name, value);
}

QString mapped(const cim::ValueMap &map, const cim::Value &value)
{
    return valueMapLabel(map, value.toUInt64()).toHtmlEscaped();
}
} // namespace

QString describeCreateListReplica(const cim::MethodCall &call, const SystemInventory *inventory)
{
    const cim::Parameters &in = call.in;
    const QList<cim::Value> sources = in.value(u"SourceElements").elements();
    const QList<cim::Value> targets = in.value(u"TargetElements").elements();
    const QList<cim::Value> names = in.value(u"ElementNames").elements();
    const cim::Value syncType = in.value(u"SyncType");
    const QString type = mapped(cim::ValueMap::syncType(), syncType);
    // Replicas on another system: the peer makes the volumes, reached through this access point.
    const cim::Value point = in.value(u"TargetAccessPoint");
    const bool peer = !point.isNull();
    const bool mirror = !syncType.isNull() && syncType.toUInt64() == quint64(cim::SyncType::Mirror);

    QStringList items;
    for (qsizetype i = 0; i < sources.size(); ++i) {
        const QString source = nameOf(sources.at(i).toReference(), inventory);
        QString target;
        if (i < targets.size()) {
            target = ReplicaCallText::tr("onto the existing volume %1")
                         .arg(nameOf(targets.at(i).toReference(), inventory));
        } else if (i < names.size() && !names.at(i).isNull()) {
            const QString name = names.at(i).toString().toHtmlEscaped();
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
        const QString where = point.toReference().key(u"Name").toString().toHtmlEscaped();
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
    } else if (targets.isEmpty()) {
        const cim::Value pool = in.value(u"TargetPool");
        facts.append(pool.isNull()
                         ? ReplicaCallText::tr("New volumes go to the system's default pool.")
                         : ReplicaCallText::tr("New volumes are allocated from the pool %1.")
                               .arg(nameOf(pool.toReference(), inventory)));
    }
    const cim::Value mode = in.value(u"Mode");
    if (mode.isNull()) {
        facts.append(ReplicaCallText::tr("Mode: left to the system (NULL)."));
    } else if (peer && mirror && mode.toUInt64() == quint64(cim::Mode::Synchronous)) {
        facts.append(ReplicaCallText::tr("Mode: %1 — a write to a source completes only once the "
                                         "other system has it too.")
                         .arg(mapped(cim::ValueMap::mode(), mode)));
    } else if (peer && mirror && mode.toUInt64() == quint64(cim::Mode::Asynchronous)) {
        facts.append(ReplicaCallText::tr("Mode: %1 — writes to a source complete here and reach "
                                         "the other system shortly after.")
                         .arg(mapped(cim::ValueMap::mode(), mode)));
    } else {
        facts.append(ReplicaCallText::tr("Mode: %1.").arg(mapped(cim::ValueMap::mode(), mode)));
    }

    const cim::Value rsd = in.value(u"ReplicationSettingData");
    if (!rsd.isNull()) {
        if (const auto settings = cim::cimxml::parseInstance(rsd.toString())) {
            QStringList parts;
            for (const auto &[name, value] : settings->properties())
                parts.append(
                    QStringLiteral("%1 = %2").arg(name, settingText(name, value)).toHtmlEscaped());
            facts.append(ReplicaCallText::tr("Settings (ReplicationSettingData): %1.")
                             .arg(parts.join(QStringLiteral("; "))));
        }
    }
    const cim::Value wait = in.value(u"WaitForCopyState");
    if (!wait.isNull()) {
        facts.append(ReplicaCallText::tr("The call returns when every replica is %1 "
                                         "(WaitForCopyState); work that remains continues as a "
                                         "job.")
                         .arg(mapped(cim::ValueMap::copyState(), wait)));
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
