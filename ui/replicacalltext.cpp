#include "replicacalltext.h"

#include "cim/cimxml.h"
#include "cim/valuemap.h"
#include "storagefigures.h"
#include "systeminventory.h"
#include "valueformat.h"

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

    QStringList items;
    for (qsizetype i = 0; i < sources.size(); ++i) {
        const QString source = nameOf(sources.at(i).toReference(), inventory);
        QString target;
        if (i < targets.size()) {
            target = ReplicaCallText::tr("onto the existing volume %1")
                         .arg(nameOf(targets.at(i).toReference(), inventory));
        } else if (i < names.size() && !names.at(i).isNull()) {
            target = ReplicaCallText::tr("into a new volume named “%1”")
                         .arg(names.at(i).toString().toHtmlEscaped());
        } else {
            target = ReplicaCallText::tr("into a new volume the system names");
        }
        items.append(QStringLiteral("<li>") +
                     ReplicaCallText::tr("%1 of %2, %3").arg(type, source, target) +
                     QStringLiteral("</li>"));
    }

    QStringList lines;
    lines.append(ReplicaCallText::tr("Ask the replication service of %1 to make these replicas:")
                     .arg((inventory && inventory->client() ? inventory->client()->displayName()
                                                            : ReplicaCallText::tr("the system"))
                              .toHtmlEscaped()));
    lines.append(QStringLiteral("<ul>") + items.join(QString()) + QStringLiteral("</ul>"));

    QStringList facts;
    if (targets.isEmpty()) {
        const cim::Value pool = in.value(u"TargetPool");
        facts.append(pool.isNull()
                         ? ReplicaCallText::tr("New volumes go to the system's default pool.")
                         : ReplicaCallText::tr("New volumes are allocated from the pool %1.")
                               .arg(nameOf(pool.toReference(), inventory)));
    }
    const cim::Value mode = in.value(u"Mode");
    facts.append(mode.isNull()
                     ? ReplicaCallText::tr("Mode: left to the system (NULL).")
                     : ReplicaCallText::tr("Mode: %1.").arg(mapped(cim::ValueMap::mode(), mode)));

    const cim::Value rsd = in.value(u"ReplicationSettingData");
    if (!rsd.isNull()) {
        if (const auto settings = cim::cimxml::parseInstance(rsd.toString())) {
            QStringList parts;
            for (const auto &[name, value] : settings->properties())
                parts.append(
                    QStringLiteral("%1 = %2").arg(name, formatValue(name, value)).toHtmlEscaped());
            facts.append(ReplicaCallText::tr("Settings (ReplicationSettingData): %1.")
                             .arg(parts.join(QStringLiteral("; "))));
        }
    }
    const cim::Value wait = in.value(u"WaitForCopyState");
    facts.append(
        wait.isNull()
            ? ReplicaCallText::tr("The call returns at once; the copy continues as a job the job "
                                  "monitor follows.")
            : ReplicaCallText::tr("The call returns when every replica is %1 (WaitForCopyState); "
                                  "work that remains continues as a job.")
                  .arg(mapped(cim::ValueMap::copyState(), wait)));
    lines.append(QStringLiteral("<p>") + facts.join(QStringLiteral("<br>")) +
                 QStringLiteral("</p>"));
    return lines.join(QString());
}

} // namespace rd::ui
