#pragma once
// "Add Existing Disk": a new volume in a pool from an image file (raw, QCOW2, VMDK, VHDX, VHD) or
// a block device, sent as ImportImage. For the console's own engine the file is chosen with a
// file dialog; for a remote system it is a path on that system, typed in. The name follows the
// file's until the user types one. Closes once the import runs as a job (the jobs dock shows its
// progress); stays open with the system's refusal, the refused field focused.

#include "cim/instance.h"
#include "requests/importimagerequest.h"

#include <QDialog>
#include <QPointer>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace rd::ui {

class MessageBanner;
class SystemInventory;

class AddDiskDialog final : public QDialog
{
    Q_OBJECT
public:
    // preferredPool: selected at first when it is one of the system's pools.
    AddDiskDialog(SystemInventory *system, const cim::ObjectPath &preferredPool,
                  QWidget *parent = nullptr);

    QLineEdit *pathEdit() const { return m_path; }
    QPushButton *browseButton() const { return m_browse; }
    QLineEdit *nameEdit() const { return m_name; }
    QComboBox *poolCombo() const { return m_pool; }
    QComboBox *formatCombo() const { return m_format; }
    MessageBanner *errorBanner() const { return m_error; }

    // What OK sends, from the fields as they are.
    requests::ImportImageRequest request() const;
    void accept() override; // sends the request; closes once the job runs

Q_SIGNALS:
    void importStarted(const cim::ObjectPath &job, const cim::ObjectPath &volume,
                       const QString &name);

private:
    void fillPools(const cim::ObjectPath &preferred);
    void browse();
    void onPathChanged(const QString &path);
    void updateState();
    void showRefusal(const cim::MethodResult &result);

    QPointer<SystemInventory> m_system;
    QList<cim::Instance> m_pools; // in the combo's order
    QLineEdit *m_path;
    QPushButton *m_browse;
    QLineEdit *m_name;
    QComboBox *m_pool;
    QComboBox *m_format;
    QLabel *m_note;
    MessageBanner *m_error;
    QDialogButtonBox *m_buttons;
    bool m_nameEdited = false;
    bool m_pending = false;
};

} // namespace rd::ui
