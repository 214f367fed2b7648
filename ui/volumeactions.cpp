#include "volumeactions.h"

#include "adddiskdialog.h"
#include "asynccall.h"
#include "cimclasses.h"
#include "errortext.h"
#include "exportimagedialog.h"
#include "growvolumedialog.h"
#include "icons.h"
#include "storagefigures.h"
#include "systeminventory.h"
#include "valueformat.h"
#include "volumedialog.h"
#include "volumerequests.h"

#include <QAction>
#include <QInputDialog>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>

namespace rd::ui {

VolumeActions::VolumeActions(QWidget *window)
    : QObject(window)
    , m_window(window)
    , m_new(new QAction(themedIcon(QStringLiteral("drive-harddisk")), tr("&New Volume…"), this))
    , m_delete(new QAction(themedIcon(QStringLiteral("edit-delete")), tr("&Delete Volume…"), this))
    , m_rename(new QAction(themedIcon(QStringLiteral("edit-rename")), tr("&Rename Volume…"), this))
    , m_grow(new QAction(themedIcon(QStringLiteral("zoom-in")), tr("&Grow Volume…"), this))
    , m_addDisk(new QAction(themedIcon(QStringLiteral("document-import")),
                            tr("&Add Existing Disk…"), this))
    , m_exportImage(new QAction(themedIcon(QStringLiteral("document-export")),
                                tr("E&xport to Image File…"), this))
{
    m_addDisk->setObjectName(QStringLiteral("addDiskAction"));
    m_addDisk->setToolTip(tr("Make a volume from a disk image file or a block device"));
    m_exportImage->setObjectName(QStringLiteral("exportImageAction"));
    m_exportImage->setToolTip(tr("Write the selected volume or snapshot to a disk image file"));
    connect(m_addDisk, &QAction::triggered, this, &VolumeActions::addExistingDisk);
    connect(m_exportImage, &QAction::triggered, this, &VolumeActions::exportImage);
    m_rename->setObjectName(QStringLiteral("renameVolumeAction"));
    m_grow->setObjectName(QStringLiteral("growVolumeAction"));
    m_rename->setShortcut(QKeySequence(Qt::Key_F2));
    m_rename->setToolTip(tr("Give the selected volume another name"));
    m_grow->setToolTip(tr("Make the selected volume larger"));
    connect(m_rename, &QAction::triggered, this, &VolumeActions::renameVolume);
    connect(m_grow, &QAction::triggered, this, &VolumeActions::growVolume);
    m_new->setObjectName(QStringLiteral("newVolumeAction"));
    m_delete->setObjectName(QStringLiteral("deleteVolumeAction"));
    m_new->setIconText(tr("New Volume"));
    m_new->setShortcut(QKeySequence::New);
    m_delete->setShortcut(QKeySequence::Delete);
    m_new->setToolTip(tr("Create a volume in a storage pool"));
    m_delete->setToolTip(tr("Delete the selected volume and free its space in the pool"));
    connect(m_new, &QAction::triggered, this, &VolumeActions::newVolume);
    connect(m_delete, &QAction::triggered, this, &VolumeActions::deleteVolume);
    updateActions();
}

void VolumeActions::setSelection(SystemInventory *system, const cim::Instance &selected)
{
    m_system = system;
    m_selected = selected;
    updateActions();
}

void VolumeActions::updateActions()
{
    const bool served =
        m_system && m_system->client() && !storageConfigurationService(*m_system).isEmpty();
    m_new->setEnabled(served);
    const bool volume = classes::sameClass(m_selected.className(), classes::storageVolume());
    m_delete->setEnabled(served && volume);
    m_grow->setEnabled(served && volume);
    m_addDisk->setEnabled(served);
    m_exportImage->setEnabled(served && volume);
    m_rename->setEnabled(m_system && m_system->client() && volume);
}

cim::ObjectPath VolumeActions::selectedPool() const
{
    if (classes::sameClass(m_selected.className(), classes::storagePool()))
        return m_selected.path();
    if (m_system && classes::sameClass(m_selected.className(), classes::storageVolume())) {
        if (const auto owner = volumePool(*m_system, m_selected))
            return owner->path();
    }
    return {};
}

void VolumeActions::newVolume()
{
    if (!m_system)
        return;
    const cim::ObjectPath pool = selectedPool();
    auto *dialog = new VolumeDialog(m_system, pool, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &VolumeDialog::volumeCreated, this,
            [this](const cim::ObjectPath &volume, const QString &name) {
                Q_EMIT message(tr("Volume %1 created.").arg(name));
                Q_EMIT volumeCreated(volume);
            });
    dialog->open();
}

void VolumeActions::deleteVolume()
{
    if (!m_delete->isEnabled())
        return;
    const QString name = instanceLabel(m_selected);
    auto *box =
        new QMessageBox(QMessageBox::Question, tr("Delete Volume"),
                        tr("Delete the volume “%1”?").arg(name), QMessageBox::NoButton, m_window);
    box->setObjectName(QStringLiteral("confirmDeleteVolume"));
    box->setInformativeText(tr("Its data is lost and its space returns to the pool. This cannot "
                               "be undone."));
    QPushButton *yes = box->addButton(tr("Delete"), QMessageBox::DestructiveRole);
    box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    // The selection may change while the box is open: delete what was asked about.
    QPointer<SystemInventory> system = m_system;
    const cim::Instance volume = m_selected;
    connect(box, &QMessageBox::buttonClicked, this, [this, yes, system, volume](auto *button) {
        if (button != yes)
            return;
        m_system = system;
        m_selected = volume;
        deleteWithoutAsking();
    });
    box->open();
}

void VolumeActions::deleteWithoutAsking()
{
    if (!m_system || !m_system->client())
        return;
    const cim::ObjectPath service = storageConfigurationService(*m_system);
    if (service.isEmpty() || m_selected.isEmpty())
        return;
    const QString name = instanceLabel(m_selected);
    QPointer<SystemInventory> system = m_system;
    whenReady(m_system->client()->invokeMethod(deleteVolumeCall(service, m_selected.path())), this,
              [this, name, system](const std::optional<cim::MethodResult> &result) {
                  if (result && result->returnValue == 0) {
                      Q_EMIT message(tr("Volume %1 deleted.").arg(name));
                      if (system)
                          system->refresh();
                      return;
                  }
                  const QString reason = methodErrorText(result);
                  Q_EMIT message(tr("Volume %1 was not deleted: %2").arg(name, reason));
                  Q_EMIT deleteRefused(reason);
                  showRefusal(QStringLiteral("deleteVolumeRefused"), tr("Delete Volume"),
                              tr("The volume “%1” was not deleted.").arg(name), reason);
              });
}

void VolumeActions::showRefusal(const QString &objectName, const QString &title,
                                const QString &text, const QString &reason)
{
    auto *box = new QMessageBox(QMessageBox::Warning, title, text, QMessageBox::Ok, m_window);
    box->setObjectName(objectName);
    box->setInformativeText(reason);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void VolumeActions::renameVolume()
{
    if (!m_rename->isEnabled())
        return;
    auto *dialog = new QInputDialog(m_window);
    dialog->setObjectName(QStringLiteral("renameVolumeDialog"));
    dialog->setWindowTitle(tr("Rename Volume"));
    dialog->setLabelText(tr("New name for “%1”:").arg(instanceLabel(m_selected)));
    dialog->setTextValue(m_selected.property(u"ElementName").toString());
    dialog->setOkButtonText(tr("Rename"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    // The selection may change while the dialog is open: rename what was asked about.
    QPointer<SystemInventory> system = m_system;
    const cim::Instance volume = m_selected;
    connect(dialog, &QInputDialog::textValueSelected, this,
            [this, system, volume](const QString &name) {
                m_system = system;
                m_selected = volume;
                renameTo(name.trimmed());
            });
    dialog->open();
}

void VolumeActions::renameTo(const QString &name)
{
    if (!m_system || !m_system->client() || m_selected.isEmpty() || name.isEmpty())
        return;
    const QString old = instanceLabel(m_selected);
    cim::Instance changed = m_selected;
    changed.setProperty(QStringLiteral("ElementName"), cim::Value::string(name));
    QPointer<SystemInventory> system = m_system;
    whenReady(m_system->client()->modifyInstance(changed, {QStringLiteral("ElementName")}), this,
              [this, old, name, system](const std::optional<cim::Result<void>> &result) {
                  if (result && result->ok()) {
                      Q_EMIT message(tr("Volume %1 renamed to %2.").arg(old, name));
                      if (system)
                          system->refresh();
                      return;
                  }
                  const QString reason =
                      result ? errorText(result->error()) : tr("The system did not answer.");
                  Q_EMIT message(tr("Volume %1 was not renamed: %2").arg(old, reason));
                  Q_EMIT renameRefused(reason);
                  showRefusal(QStringLiteral("renameVolumeRefused"), tr("Rename Volume"),
                              tr("The volume “%1” was not renamed.").arg(old), reason);
              });
}

void VolumeActions::growVolume()
{
    if (!m_grow->isEnabled())
        return;
    auto *dialog = new GrowVolumeDialog(m_system, m_selected, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &GrowVolumeDialog::volumeGrown, this,
            [this](const QString &name, quint64 bytes) {
                Q_EMIT message(tr("Volume %1 now has %2.").arg(name, byteText(bytes)));
            });
    dialog->open();
}

void VolumeActions::addExistingDisk()
{
    if (!m_addDisk->isEnabled())
        return;
    const cim::ObjectPath pool = selectedPool();
    auto *dialog = new AddDiskDialog(m_system, pool, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &AddDiskDialog::importStarted, this,
            [this](const cim::ObjectPath &, const cim::ObjectPath &volume, const QString &name) {
                Q_EMIT message(name.isEmpty() ? tr("Importing the disk image.")
                                              : tr("Importing the disk image as %1.").arg(name));
                Q_EMIT volumeCreated(volume);
            });
    dialog->open();
}

void VolumeActions::exportImage()
{
    if (!m_exportImage->isEnabled())
        return;
    auto *dialog = new ExportImageDialog(m_system, m_selected, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ExportImageDialog::exportStarted, this,
            [this](const cim::ObjectPath &, const QString &name) {
                Q_EMIT message(tr("Exporting %1 to an image file.").arg(name));
            });
    dialog->open();
}

} // namespace rd::ui
