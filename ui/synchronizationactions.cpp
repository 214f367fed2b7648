#include "synchronizationactions.h"

#include "asynccall.h"
#include "cim/enums.h"
#include "cim/valuemap.h"
#include "cimclasses.h"
#include "errortext.h"
#include "icons.h"
#include "replicationcapabilities.h"
#include "requests/modifysynchronizationrequest.h"
#include "requests/replicationcodes.h"
#include "systeminventory.h"
#include "valueformat.h"

#include <QAction>
#include <QMessageBox>
#include <QPushButton>
#include <QStringList>

namespace rd::ui {

namespace {
using cim::SyncOperation;
quint16 codeOf(SyncOperation op)
{
    return quint16(op);
}
} // namespace

SynchronizationActions::SynchronizationActions(QWidget *window)
    : QObject(window)
    , m_window(window)
    , m_fracture(
          new QAction(themedIcon(QStringLiteral("media-playback-pause")), tr("&Fracture"), this))
    , m_resync(new QAction(themedIcon(QStringLiteral("view-refresh")), tr("Re&sync"), this))
    , m_restore(
          new QAction(themedIcon(QStringLiteral("edit-undo")), tr("&Restore from Replica"), this))
    , m_detach(new QAction(themedIcon(QStringLiteral("process-stop")), tr("&Detach"), this))
{
    m_fracture->setObjectName(QStringLiteral("fractureAction"));
    m_resync->setObjectName(QStringLiteral("resyncAction"));
    m_restore->setObjectName(QStringLiteral("restoreAction"));
    m_detach->setObjectName(QStringLiteral("detachAction"));
    m_restore->setIconText(tr("Restore"));
    m_fracture->setStatusTip(tr("Split the replica off at this point in time; its source goes on"));
    m_resync->setStatusTip(tr("Bring the replica up to date with its source again"));
    m_restore->setStatusTip(tr("Copy the replica back onto its source"));
    m_detach->setStatusTip(tr("End the synchronization; the two volumes no longer follow each "
                              "other"));
    connect(m_fracture, &QAction::triggered, this,
            [this] { perform(codeOf(SyncOperation::Fracture)); });
    connect(m_resync, &QAction::triggered, this,
            [this] { perform(codeOf(SyncOperation::ResyncReplica)); });
    connect(m_restore, &QAction::triggered, this, [this] {
        confirmAndPerform(codeOf(SyncOperation::RestoreFromReplica),
                          tr("Restore the source from its replica?"),
                          tr("What the source holds now is overwritten with the replica's "
                             "data."));
    });
    connect(m_detach, &QAction::triggered, this, [this] {
        confirmAndPerform(codeOf(SyncOperation::Detach), tr("Detach this synchronization?"),
                          tr("The replica stops following its source; the system may release "
                             "what only the pair needed (a snapshot's saved blocks)."));
    });
    update();
}

QAction *SynchronizationActions::actionFor(quint16 operation) const
{
    switch (SyncOperation(operation)) {
    case SyncOperation::Fracture:
        return m_fracture;
    case SyncOperation::ResyncReplica:
        return m_resync;
    case SyncOperation::RestoreFromReplica:
        return m_restore;
    case SyncOperation::Detach:
        return m_detach;
    default:
        return nullptr;
    }
}

void SynchronizationActions::setSynchronization(SystemInventory *system, const cim::Instance &sync)
{
    if (system != m_system) {
        m_operations.clear();
        m_operationErrors.clear();
        m_asking.clear();
    }
    m_system = system;
    m_sync = sync;
    update();
}

bool SynchronizationActions::isSettled() const
{
    if (m_sync.isEmpty())
        return true;
    const quint16 type =
        ReplicationCapabilities::replicationType(quint16(m_sync.property(u"SyncType").toUInt64()),
                                                 quint16(m_sync.property(u"Mode").toUInt64()));
    return m_operations.contains(type) || m_operationErrors.contains(type) ||
           !m_asking.contains(type);
}

void SynchronizationActions::update()
{
    const QList<QAction *> all = actions();
    QStringList reasons;
    auto disableAll = [&](const QString &reason) {
        for (QAction *a : all) {
            a->setEnabled(false);
            a->setToolTip(reason.isEmpty() ? a->statusTip() : a->statusTip() + u'\n' + reason);
        }
        m_unavailable = reason;
        Q_EMIT availabilityChanged();
    };
    if (!m_system || !m_system->client() || m_sync.isEmpty()) {
        disableAll(QString());
        return;
    }
    const QList<cim::Instance> caps =
        m_system->instances(classes::replicationServiceCapabilities());
    const ReplicationCapabilities capabilities(caps.isEmpty() ? cim::Instance()
                                                              : caps.constFirst());
    if (!capabilities.supportsAction(
            quint16(requests::ReplicationAction::ModifyReplicaSynchronization))) {
        disableAll(tr("This system does not offer ModifyReplicaSynchronization (its "
                      "ReplicationServiceCapabilities do not list it)."));
        return;
    }
    const quint16 syncType = quint16(m_sync.property(u"SyncType").toUInt64());
    const quint16 type = ReplicationCapabilities::replicationType(
        syncType, quint16(m_sync.property(u"Mode").toUInt64()));
    if (m_operationErrors.contains(type)) {
        disableAll(tr("The system did not say which operations apply: %1")
                       .arg(m_operationErrors.value(type)));
        return;
    }
    if (!m_operations.contains(type)) {
        disableAll(tr("Asking the system which operations apply…"));
        askSupportedOperations(type);
        return;
    }
    const QList<quint16> supported = m_operations.value(type);
    QStringList unavailable;
    for (quint16 op : {codeOf(SyncOperation::Fracture), codeOf(SyncOperation::ResyncReplica),
                       codeOf(SyncOperation::RestoreFromReplica), codeOf(SyncOperation::Detach)}) {
        QAction *a = actionFor(op);
        const bool ok = supported.contains(op);
        a->setEnabled(ok);
        if (ok) {
            a->setToolTip(a->statusTip());
        } else {
            unavailable.append(cim::ValueMap::syncOperation().label(op));
            a->setToolTip(a->statusTip() + u'\n' +
                          tr("%1 does not apply to %2 synchronizations on this system "
                             "(GetSupportedOperations).")
                              .arg(cim::ValueMap::syncOperation().label(op),
                                   cim::ValueMap::syncType().label(syncType)));
        }
    }
    m_unavailable = unavailable.isEmpty() ? QString()
                                          : tr("Not offered for %2 synchronizations on this system "
                                               "(GetSupportedOperations): %1.")
                                                .arg(unavailable.join(QStringLiteral(", ")),
                                                     cim::ValueMap::syncType().label(syncType));
    Q_EMIT availabilityChanged();
}

void SynchronizationActions::askSupportedOperations(quint16 replicationType)
{
    if (m_asking.contains(replicationType) || !m_system)
        return;
    const QList<cim::Instance> caps =
        m_system->instances(classes::replicationServiceCapabilities());
    if (caps.isEmpty())
        return;
    m_asking.insert(replicationType);
    cim::MethodCall call;
    call.target = caps.constFirst().path();
    call.method = QStringLiteral("GetSupportedOperations");
    call.in.set(QStringLiteral("ReplicationType"), cim::Value::uint16(replicationType));
    whenReady(m_system->client()->invokeMethod(call), this,
              [this, replicationType](const std::optional<cim::MethodResult> &result) {
                  m_asking.remove(replicationType);
                  if (!result || result->returnValue != 0) {
                      m_operationErrors.insert(replicationType, methodErrorText(result));
                  } else {
                      QList<quint16> ops;
                      for (const cim::Value &v :
                           result->out.value(u"SupportedOperations").elements())
                          ops.append(quint16(v.toUInt64()));
                      m_operations.insert(replicationType, ops);
                  }
                  update();
              });
}

void SynchronizationActions::confirmAndPerform(quint16 operation, const QString &question,
                                               const QString &detail)
{
    auto *box = new QMessageBox(QMessageBox::Question, actionFor(operation)->iconText(), question,
                                QMessageBox::NoButton, m_window);
    box->setObjectName(QStringLiteral("confirmSyncOperation"));
    box->setInformativeText(detail);
    QPushButton *yes =
        box->addButton(actionFor(operation)->iconText().remove(u'&'), QMessageBox::AcceptRole);
    box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPointer<SystemInventory> system = m_system;
    const cim::Instance sync = m_sync;
    connect(box, &QMessageBox::buttonClicked, this,
            [this, yes, system, sync, operation](QAbstractButton *button) {
                if (button != yes)
                    return;
                m_system = system;
                m_sync = sync;
                perform(operation);
            });
    box->open();
}

void SynchronizationActions::perform(quint16 operation)
{
    if (!m_system || !m_system->client() || m_sync.isEmpty())
        return;
    const QList<cim::Instance> services = m_system->instances(classes::replicationService());
    if (services.isEmpty())
        return;
    requests::ModifySynchronizationRequest request;
    request.method = requests::ModifySynchronizationRequest::Method::Replica;
    request.operation = SyncOperation(operation);
    request.synchronizations = {m_sync.path()};
    const cim::MethodCall call = request.toCall(services.constFirst().path());
    const QString verb = cim::ValueMap::syncOperation().label(operation);
    QPointer<SystemInventory> system = m_system;
    whenReady(m_system->client()->invokeMethod(call), this,
              [this, verb, system](const std::optional<cim::MethodResult> &result) {
                  if (system)
                      system->refresh();
                  if (result && (result->returnValue == 0 || result->returnValue == 4096)) {
                      Q_EMIT message(tr("%1: accepted.").arg(verb));
                      Q_EMIT operationStarted(system, result->out.value(u"Job").toReference());
                      return;
                  }
                  const QString reason = methodErrorText(result);
                  Q_EMIT message(tr("%1 refused: %2").arg(verb, reason));
                  Q_EMIT operationRefused(reason);
                  auto *box = new QMessageBox(QMessageBox::Warning, verb,
                                              tr("The system refused the operation %1.").arg(verb),
                                              QMessageBox::Ok, m_window);
                  box->setObjectName(QStringLiteral("syncOperationRefused"));
                  box->setInformativeText(reason);
                  box->setAttribute(Qt::WA_DeleteOnClose);
                  box->open();
              });
}

} // namespace rd::ui
