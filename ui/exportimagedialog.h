#pragma once
// "Export to Image File": a volume, or a snapshot (what it shows of its point in time), written
// to a new image file in a chosen format, sent as ExportImage. The engine never overwrites a
// file. For the console's own engine the file is chosen with a save dialog; for a remote system it
// is a path on that system. Closes once the export runs as a job.

#include "cim/instance.h"
#include "requests/exportimagerequest.h"

#include <QDialog>
#include <QPointer>

class QComboBox;
class QDialogButtonBox;
class QLineEdit;
class QPushButton;

namespace rd::ui {

class MessageBanner;
class SystemInventory;

class ExportImageDialog final : public QDialog
{
    Q_OBJECT
public:
    ExportImageDialog(SystemInventory *system, const cim::Instance &volume,
                      QWidget *parent = nullptr);

    QLineEdit *pathEdit() const { return m_path; }
    QPushButton *browseButton() const { return m_browse; }
    QComboBox *formatCombo() const { return m_format; }
    MessageBanner *errorBanner() const { return m_error; }

    requests::ExportImageRequest request() const;
    void accept() override;

Q_SIGNALS:
    void exportStarted(const cim::ObjectPath &job, const QString &volumeName);

private:
    void browse();
    void onFormatChanged();
    void updateState();

    QPointer<SystemInventory> m_system;
    cim::Instance m_volume;
    QLineEdit *m_path;
    QPushButton *m_browse;
    QComboBox *m_format;
    MessageBanner *m_error;
    QDialogButtonBox *m_buttons;
    QString m_suffix; // the one the path was given for the current format
    bool m_pending = false;
};

} // namespace rd::ui
