#pragma once
// Fracture, Resync, Restore and Detach for the selected synchronization, sent as
// ModifyReplicaSynchronization. Each is offered as the system allows: its capabilities must list
// the method, and GetSupportedOperations must list the operation for the pair's replication type;
// otherwise the action is disabled and says why. A refusal comes back with the system's reason.

#include "cim/instance.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>

class QAction;
class QWidget;

namespace rd::ui {

class SystemInventory;

class SynchronizationActions final : public QObject
{
    Q_OBJECT
public:
    explicit SynchronizationActions(QWidget *window);

    QAction *fractureAction() const { return m_fracture; }
    QAction *resyncAction() const { return m_resync; }
    QAction *restoreAction() const { return m_restore; }
    QAction *detachAction() const { return m_detach; }
    QList<QAction *> actions() const { return {m_fracture, m_resync, m_restore, m_detach}; }

    void setSynchronization(SystemInventory *system, const cim::Instance &sync);
    // Why the disabled actions are disabled, in one sentence per reason; empty when all apply.
    QString unavailableText() const { return m_unavailable; }
    // The operations answer is in (or failed) for the current pair's replication type.
    bool isSettled() const;

    // Sends operation (a ModifyReplicaSynchronization code) for the current pair, unasked.
    void perform(quint16 operation);

Q_SIGNALS:
    void message(const QString &text);
    void availabilityChanged();
    // The system accepted; job is empty when it finished within the call.
    void operationStarted(SystemInventory *system, const cim::ObjectPath &job);
    void operationRefused(const QString &text);

private:
    void update();
    void askSupportedOperations(quint16 replicationType);
    void confirmAndPerform(quint16 operation, const QString &question, const QString &detail);
    QAction *actionFor(quint16 operation) const;

    QWidget *m_window;
    QAction *m_fracture;
    QAction *m_resync;
    QAction *m_restore;
    QAction *m_detach;
    QPointer<SystemInventory> m_system;
    cim::Instance m_sync;
    QHash<quint16, QList<quint16>> m_operations; // by replication type
    QHash<quint16, QString> m_operationErrors;   // by replication type
    QSet<quint16> m_asking;
    QString m_unavailable;
};

} // namespace rd::ui
