#pragma once
// "Host Access…": the hosts a system lets open its volumes over NBD, and for the selected volume
// or pool which of them are admitted read-write or read-only. Adds hosts (for a TLS-PSK host the
// console makes the key and writes the host's PSK file), removes them (asking first), admits
// them to the volume or pool and withdraws them, through the system's CIM services. Every
// refusal is shown with the system's reason.

#include "cim/instance.h"

#include <QDialog>
#include <QPointer>

class QLabel;
class QPushButton;
class QTableView;

namespace rd::ui {

class HostAccessModel;
class SystemInventory;

class HostAccessDialog final : public QDialog
{
    Q_OBJECT
public:
    // target: the volume or pool to admit hosts to; empty: hosts only.
    HostAccessDialog(SystemInventory *system, const cim::Instance &target,
                     QWidget *parent = nullptr);

    HostAccessModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    QLabel *messageLabel() const { return m_message; }
    QPushButton *addButton() const { return m_add; }
    QPushButton *removeButton() const { return m_remove; }
    QPushButton *admitReadWriteButton() const { return m_admitReadWrite; }
    QPushButton *admitReadOnlyButton() const { return m_admitReadOnly; }
    QPushButton *withdrawButton() const { return m_withdraw; }

    // What the Add Host dialog's OK does: for a PSK host a new key is sent and, once the system
    // has accepted the host, written to pskFile.
    void addHost(const QString &name, bool psk, const QString &storageId, const QString &pskFile);
    // Asks first; removeWithoutAsking() is what a "Yes" does.
    void removeSelectedHost();
    void removeWithoutAsking(const cim::Instance &host);
    // The selected host gains or loses access to the target.
    void admitSelected(bool readOnly);
    void withdrawSelected();
    void selectHost(const QString &name);

Q_SIGNALS:
    void hostAdded(const QString &name, const QString &pskFile);
    void hostRemoved(const QString &name);
    void accessChanged(const QString &hostName);
    // The system refused or did not answer (or the key file could not be written); the reason.
    void refused(const QString &reason);

private:
    void openAddHostDialog();
    void removeHost(const cim::ObjectPath &host, const QString &name);
    void updateButtons();
    void showRefusal(const QString &text, const QString &reason);
    void exposeOrHide(bool expose, bool readOnly);
    cim::Instance selectedHost() const;
    cim::ObjectPath service(const QString &className) const;

    QPointer<SystemInventory> m_system;
    cim::Instance m_target;
    HostAccessModel *m_model;
    QTableView *m_view;
    QLabel *m_message;
    QPushButton *m_add;
    QPushButton *m_remove;
    QPushButton *m_admitReadWrite;
    QPushButton *m_admitReadOnly;
    QPushButton *m_withdraw;
    bool m_busy = false; // a request is out: one at a time
};

} // namespace rd::ui
