#pragma once
// "Grow Volume": the volume's new, larger size, sent as CreateOrModifyElementFromStoragePool
// with TheElement; the dialog stays open with the system's answer when it refuses (a volume in a
// synchronization, not enough room in the pool) and closes once the volume has grown.

#include "cim/instance.h"

#include <QDialog>
#include <QPointer>

class QDialogButtonBox;
class QLabel;

namespace rd::ui {

class MessageBanner;
class SizeEdit;
class SystemInventory;

class GrowVolumeDialog final : public QDialog
{
    Q_OBJECT
public:
    GrowVolumeDialog(SystemInventory *system, const cim::Instance &volume,
                     QWidget *parent = nullptr);

    SizeEdit *sizeEdit() const { return m_size; }
    MessageBanner *errorBanner() const { return m_error; }
    quint64 currentBytes() const { return m_current; }

    void accept() override; // sends the request; closes once the volume has grown

Q_SIGNALS:
    void volumeGrown(const QString &name, quint64 bytes);

private:
    void updateState();

    QPointer<SystemInventory> m_system;
    cim::Instance m_volume;
    quint64 m_current;
    SizeEdit *m_size;
    QLabel *m_hint;
    MessageBanner *m_error;
    QDialogButtonBox *m_buttons;
    bool m_pending = false;
};

} // namespace rd::ui
