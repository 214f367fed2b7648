#include "replicationcapabilities.h"

#include "cim/enums.h"
#include "cim/valuemap.h"

#include <QCoreApplication>
#include <QStringList>

namespace rd::ui {

namespace {
QList<quint16> codes(const cim::Value &value)
{
    QList<quint16> list;
    if (!value.isTyped() || value.isNull() || !value.isArray())
        return list;
    for (const cim::Value &element : value.elements()) {
        if (!element.isNull() && cim::isInteger(element.type()))
            list.append(quint16(element.toUInt64()));
    }
    return list;
}

} // namespace

ReplicationCapabilities::ReplicationCapabilities(const cim::Instance &capabilities)
    : m_known(!capabilities.isEmpty())
    , m_types(codes(capabilities.property(u"SupportedReplicationTypes")))
{
    m_actions = codes(capabilities.property(u"SupportedSynchronousActions"));
    for (quint16 a : codes(capabilities.property(u"SupportedAsynchronousActions"))) {
        if (!m_actions.contains(a))
            m_actions.append(a);
    }
}

quint16 ReplicationCapabilities::replicationType(quint16 syncType, quint16 mode)
{
    // CIM_ReplicationServiceCapabilities.SupportedReplicationTypes: local kinds are
    // 2/3 Mirror, 6/7 Snapshot, 10/11 Clone (synchronous / asynchronous).
    const quint16 async = mode == quint16(cim::Mode::Asynchronous) ? 1 : 0;
    switch (cim::SyncType(syncType)) {
    case cim::SyncType::Mirror:
        return 2 + async;
    case cim::SyncType::Snapshot:
        return 6 + async;
    case cim::SyncType::Clone:
        return 10 + async;
    }
    return 0;
}

bool ReplicationCapabilities::supportsRemote(quint16 syncType, std::optional<quint16> mode) const
{
    // The remote kind of a type and mode is two more than the local one.
    if (mode) {
        const quint16 local = replicationType(syncType, *mode);
        return local != 0 && m_types.contains(quint16(local + 2));
    }
    return supportsRemote(syncType, quint16(cim::Mode::Synchronous)) ||
           supportsRemote(syncType, quint16(cim::Mode::Asynchronous));
}

bool ReplicationCapabilities::supports(quint16 syncType, std::optional<quint16> mode) const
{
    if (mode)
        return m_types.contains(replicationType(syncType, *mode));
    return supports(syncType, quint16(cim::Mode::Synchronous)) ||
           supports(syncType, quint16(cim::Mode::Asynchronous));
}

bool ReplicationCapabilities::supportsAction(quint16 action) const
{
    return m_actions.contains(action);
}

QString ReplicationCapabilities::offeredText() const
{
    QStringList offered;
    for (quint16 type : {quint16(cim::SyncType::Mirror), quint16(cim::SyncType::Snapshot),
                         quint16(cim::SyncType::Clone)}) {
        for (quint16 mode : {quint16(cim::Mode::Synchronous), quint16(cim::Mode::Asynchronous)}) {
            if (m_types.contains(replicationType(type, mode))) {
                //: A replica type and a mode, as in "Clone, Asynchronous".
                offered.append(
                    QCoreApplication::translate("rd::ui::ReplicationCapabilities", "%1, %2")
                        .arg(cim::ValueMap::syncType().label(type),
                             cim::ValueMap::mode().label(mode)));
            }
        }
    }
    if (offered.isEmpty())
        return QCoreApplication::translate("rd::ui::ReplicationCapabilities", "nothing");
    return offered.join(QStringLiteral("; "));
}

QString ReplicationCapabilities::unsupportedReason(quint16 syncType,
                                                   std::optional<quint16> mode) const
{
    if (supports(syncType, mode))
        return QString();
    if (!m_known) {
        return QCoreApplication::translate(
            "rd::ui::ReplicationCapabilities",
            "This system does not say what it supports (it serves no "
            "ReplicationServiceCapabilities).");
    }
    const QString type = cim::ValueMap::syncType().label(syncType);
    if (!mode || !supports(syncType)) {
        return QCoreApplication::translate("rd::ui::ReplicationCapabilities",
                                           "This system does not make %1 replicas; its "
                                           "ReplicationServiceCapabilities offer: %2.")
            .arg(type, offeredText());
    }
    return QCoreApplication::translate("rd::ui::ReplicationCapabilities",
                                       "This system makes %1 replicas, but not %2 ones; its "
                                       "ReplicationServiceCapabilities offer: %3.")
        .arg(type, cim::ValueMap::mode().label(*mode), offeredText());
}

} // namespace rd::ui
