#pragma once
// "New Volume": a name, a size and a pool, sent as CreateOrModifyElementFromStoragePool; the
// dialog stays open with the system's answer when it refuses, and closes when the volume exists.

#include "cim/instance.h"

#include <QDialog>
#include <QPointer>

class QComboBox;
class QDialogButtonBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;

namespace rd::ui {

class MessageBanner;
class SizeEdit;
class SystemInventory;

class VolumeDialog final : public QDialog
{
    Q_OBJECT
public:
    // preferredPool: selected at first when it is one of the system's pools.
    VolumeDialog(SystemInventory *system, const cim::ObjectPath &preferredPool,
                 QWidget *parent = nullptr);

    QLineEdit *nameEdit() const { return m_name; }
    SizeEdit *sizeEdit() const { return m_size; }
    QDoubleSpinBox *sizeSpin() const;
    QComboBox *unitCombo() const;
    QComboBox *poolCombo() const { return m_pool; }
    MessageBanner *errorBanner() const { return m_error; }
    quint64 requestedBytes() const;

    void accept() override; // sends the request; closes once the volume exists

Q_SIGNALS:
    void volumeCreated(const cim::ObjectPath &volume, const QString &name);

private:
    void fillPools(const cim::ObjectPath &preferred);
    void updateState();
    void showError(const QString &text);

    QPointer<SystemInventory> m_system;
    QList<cim::Instance> m_pools; // in the combo's order
    QLineEdit *m_name;
    SizeEdit *m_size;
    QComboBox *m_pool;
    QLabel *m_poolSpace;
    MessageBanner *m_error;
    QDialogButtonBox *m_buttons;
    bool m_pending = false;
};

} // namespace rd::ui
