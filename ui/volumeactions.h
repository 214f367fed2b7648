#pragma once
// "New Volume…" and "Delete Volume" for the navigator's selection: the dialog that creates one,
// and a confirmed ReturnToStoragePool whose refusal (In Use while a synchronization holds the
// volume) is shown with the system's reason.

#include "cim/instance.h"

#include <QObject>
#include <QPointer>

class QAction;
class QWidget;

namespace rd::ui {

class SystemInventory;

class VolumeActions final : public QObject
{
    Q_OBJECT
public:
    // window: the parent of the dialogs and message boxes.
    explicit VolumeActions(QWidget *window);

    QAction *newVolumeAction() const { return m_new; }
    QAction *deleteVolumeAction() const { return m_delete; }

    // The system and the selected instance (a pool or a volume picks the pool, a volume can go).
    void setSelection(SystemInventory *system, const cim::Instance &selected);

    void newVolume();
    // Asks first; deleteWithoutAsking() is what a "Yes" does.
    void deleteVolume();
    void deleteWithoutAsking();

Q_SIGNALS:
    void message(const QString &text); // for the status bar
    void volumeCreated(const cim::ObjectPath &volume);
    // The system refused or did not answer; text is its reason.
    void deleteRefused(const QString &text);

private:
    void updateActions();

    QWidget *m_window;
    QAction *m_new;
    QAction *m_delete;
    QPointer<SystemInventory> m_system;
    cim::Instance m_selected;
};

} // namespace rd::ui
