#include "replicationcapabilities.h"

#include "cim/enums.h"
#include "cim/valuemap.h"
#include "requests/replicationcodes.h"

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
    return requests::replicationType(cim::SyncType(syncType), cim::Mode(mode));
}

bool ReplicationCapabilities::supportsRemote(quint16 syncType, std::optional<quint16> mode) const
{
    if (mode) {
        const quint16 remote =
            requests::replicationType(cim::SyncType(syncType), cim::Mode(*mode), true);
        return remote != 0 && m_types.contains(remote);
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
