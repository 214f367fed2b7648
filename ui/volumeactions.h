#pragma once
// The volume actions for the navigator's selection: "New Volume…" (the dialog that creates one),
// "Rename…" (ModifyInstance of ElementName), "Grow…" (the dialog that enlarges one) and "Delete
// Volume…" (a confirmed ReturnToStoragePool), "Add Existing Disk…" (a volume imported from an
// image file) and "Export to Image File…" (a volume or snapshot written out to one). Every refusal
// is shown with the system's reason.

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
    QAction *renameVolumeAction() const { return m_rename; }
    QAction *growVolumeAction() const { return m_grow; }
    QAction *addDiskAction() const { return m_addDisk; }
    QAction *exportImageAction() const { return m_exportImage; }

    // The system and the selected instance (a pool or a volume picks the pool, a volume can go).
    void setSelection(SystemInventory *system, const cim::Instance &selected);

    void newVolume();
    // Asks first; deleteWithoutAsking() is what a "Yes" does.
    void deleteVolume();
    void deleteWithoutAsking();
    // Asks for the new name; renameTo() is what OK does.
    void renameVolume();
    void renameTo(const QString &name);
    void growVolume();
    // The dialogs that import an image as a new volume and export the selected one; both run as
    // jobs the jobs dock shows.
    void addExistingDisk();
    void exportImage();

Q_SIGNALS:
    void message(const QString &text); // for the status bar
    void volumeCreated(const cim::ObjectPath &volume);
    // The system refused or did not answer; text is its reason.
    void deleteRefused(const QString &text);
    void renameRefused(const QString &text);

private:
    // The selected pool, or the pool of the selected volume; a null path otherwise.
    cim::ObjectPath selectedPool() const;
    void updateActions();
    // A warning box, not modal to the event loop, with the system's reason as its details.
    void showRefusal(const QString &objectName, const QString &title, const QString &text,
                     const QString &reason);

    QWidget *m_window;
    QAction *m_new;
    QAction *m_delete;
    QAction *m_rename;
    QAction *m_grow;
    QAction *m_addDisk;
    QAction *m_exportImage;
    QPointer<SystemInventory> m_system;
    cim::Instance m_selected;
};

} // namespace rd::ui
