#include "exportimagedialog.h"

#include "asynccall.h"
#include "errortext.h"
#include "imageformatcombo.h"
#include "messagebanner.h"
#include "systeminventory.h"
#include "valueformat.h"
#include "volumerequests.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QVBoxLayout>

namespace rd::ui {

ExportImageDialog::ExportImageDialog(SystemInventory *system, const cim::Instance &volume,
                                     QWidget *parent)
    : QDialog(parent)
    , m_system(system)
    , m_volume(volume)
    , m_path(new QLineEdit(this))
    , m_browse(new QPushButton(tr("&Browse…"), this))
    , m_format(new QComboBox(this))
    , m_error(new MessageBanner(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("exportImageDialog"));
    setWindowTitle(tr("Export to Image File"));
    const bool local = m_system && m_system->client() && m_system->client()->isLocal();
    m_path->setObjectName(QStringLiteral("exportPath"));
    m_browse->setObjectName(QStringLiteral("exportBrowse"));
    m_browse->setVisible(local);
    m_format->setObjectName(QStringLiteral("exportFormat"));
    fillImageFormats(m_format, false);
    m_format->setCurrentIndex(m_format->findData(QStringLiteral("qcow2")));
    m_error->setObjectName(QStringLiteral("exportError"));
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Export"));

    // A file named after the volume, where a user keeps files, for a start.
    m_suffix = imageFormatSuffix(m_format->currentData().toString());
    const QString file = m_volume.property(u"ElementName").toString() + u'.' + m_suffix;
    if (local) {
        m_path->setText(QDir::toNativeSeparators(
            QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
                .filePath(file)));
    } else {
        m_path->setPlaceholderText(tr("for example /srv/images/%1").arg(file));
    }

    auto *pathRow = new QHBoxLayout;
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(m_browse);
    auto *form = new QFormLayout;
    form->addRow(tr("Volume:"), new QLabel(instanceLabel(m_volume), this));
    form->addRow(tr("&Format:"), m_format);
    auto *pathLabel = new QLabel(local ? tr("&Save as:") : tr("&Path on the system:"), this);
    pathLabel->setBuddy(m_path);
    form->addRow(pathLabel, pathRow);
    auto *note = new QLabel(
        local ? tr("An existing file is never overwritten. The copy runs as a job.")
              : tr("A path on %1, under a directory its administrator allows for image "
                   "transfers. An existing file is never overwritten. The copy runs as a job.")
                    .arg(m_system ? m_system->client()->displayName() : QString()),
        this);
    note->setWordWrap(true);
    note->setForegroundRole(QPalette::PlaceholderText);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addWidget(m_error);
    layout->addStretch(1);
    layout->addWidget(m_buttons);
    setMinimumWidth(480);

    connect(m_browse, &QPushButton::clicked, this, &ExportImageDialog::browse);
    connect(m_format, &QComboBox::currentIndexChanged, this, &ExportImageDialog::onFormatChanged);
    connect(m_path, &QLineEdit::textChanged, this, &ExportImageDialog::updateState);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ExportImageDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ExportImageDialog::reject);
    updateState();
}

void ExportImageDialog::onFormatChanged()
{
    // A path that ends in the last format's suffix follows the new one.
    const QString suffix = imageFormatSuffix(m_format->currentData().toString());
    QString path = m_path->text();
    if (!m_suffix.isEmpty() && path.endsWith(u'.' + m_suffix)) {
        path.chop(m_suffix.size());
        m_path->setText(path + suffix);
    }
    m_suffix = suffix;
}

void ExportImageDialog::browse()
{
    auto *chooser = new QFileDialog(this, tr("Export to Image File"));
    chooser->setObjectName(QStringLiteral("exportChooser"));
    chooser->setAcceptMode(QFileDialog::AcceptSave);
    chooser->setFileMode(QFileDialog::AnyFile);
    // The engine refuses an existing file; asking to replace one would promise what it won't do.
    chooser->setOption(QFileDialog::DontConfirmOverwrite, true);
    chooser->setDefaultSuffix(m_suffix);
    chooser->selectFile(m_path->text());
    chooser->setAttribute(Qt::WA_DeleteOnClose);
    connect(chooser, &QFileDialog::fileSelected, this,
            [this](const QString &file) { m_path->setText(QDir::toNativeSeparators(file)); });
    chooser->open();
}

requests::ExportImageRequest ExportImageDialog::request() const
{
    requests::ExportImageRequest r;
    r.theElement = m_volume.path();
    r.destinationPath = m_path->text().trimmed();
    r.format = m_format->currentData().toString();
    return r;
}

void ExportImageDialog::updateState()
{
    const bool ready =
        !m_pending && !m_path->text().trimmed().isEmpty() && m_system && m_system->client();
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(ready);
    m_path->setEnabled(!m_pending);
    m_browse->setEnabled(!m_pending);
    m_format->setEnabled(!m_pending);
}

void ExportImageDialog::accept()
{
    if (m_pending || !m_system || !m_system->client())
        return;
    const cim::ObjectPath service = storageConfigurationService(*m_system);
    if (service.isEmpty()) {
        m_error->showMessage(tr("This system offers no storage configuration service, so it "
                                "cannot export volumes."));
        return;
    }
    m_pending = true;
    m_error->clearMessage();
    updateState();
    whenReady(m_system->client()->invokeMethod(request().toCall(service)), this,
              [this](const std::optional<cim::MethodResult> &result) {
                  m_pending = false;
                  updateState();
                  if (!result || (result->returnValue != quint32(cim::ReturnCode::JobStarted) &&
                                  result->returnValue != quint32(cim::ReturnCode::Completed))) {
                      m_error->showMessage(
                          tr("The volume was not exported. %1").arg(methodErrorText(result)));
                      if (result && result->parameter == u"DestinationPath")
                          m_path->setFocus();
                      else if (result && result->parameter == u"Format")
                          m_format->setFocus();
                      return;
                  }
                  Q_EMIT exportStarted(result->out.value(u"Job").toReference(),
                                       instanceLabel(m_volume));
                  QDialog::accept();
              });
}

} // namespace rd::ui
