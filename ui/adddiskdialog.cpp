#include "adddiskdialog.h"

#include "asynccall.h"
#include "cimclasses.h"
#include "errortext.h"
#include "imageformatcombo.h"
#include "messagebanner.h"
#include "poolcombo.h"
#include "storagefigures.h"
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
#include <QVBoxLayout>

namespace rd::ui {

AddDiskDialog::AddDiskDialog(SystemInventory *system, const cim::ObjectPath &preferredPool,
                             QWidget *parent)
    : QDialog(parent)
    , m_system(system)
    , m_path(new QLineEdit(this))
    , m_browse(new QPushButton(tr("&Browse…"), this))
    , m_name(new QLineEdit(this))
    , m_pool(new QComboBox(this))
    , m_format(new QComboBox(this))
    , m_note(new QLabel(this))
    , m_error(new MessageBanner(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("addDiskDialog"));
    setWindowTitle(tr("Add Existing Disk"));
    const bool local = m_system && m_system->client() && m_system->client()->isLocal();

    m_path->setObjectName(QStringLiteral("addDiskPath"));
    m_path->setPlaceholderText(local ? tr("an image file or a block device")
                                     : tr("for example /srv/images/disk.qcow2"));
    m_browse->setObjectName(QStringLiteral("addDiskBrowse"));
    // Only this computer's files can be chosen with a file dialog; a remote system's are typed.
    m_browse->setVisible(local);
    m_name->setObjectName(QStringLiteral("addDiskName"));
    m_name->setMaxLength(256);
    m_pool->setObjectName(QStringLiteral("addDiskPool"));
    m_format->setObjectName(QStringLiteral("addDiskFormat"));
    fillImageFormats(m_format, true);
    m_error->setObjectName(QStringLiteral("addDiskError"));
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Add Disk"));
    m_note->setWordWrap(true);
    m_note->setForegroundRole(QPalette::PlaceholderText);
    m_note->setText(
        local ? tr("The file is copied into a new thin volume; holes in the image take no "
                   "space. The copy runs as a job.")
              : tr("A path on %1. The system reads only files under the directories its "
                   "administrator allows for image transfers. The copy runs as a job.")
                    .arg(m_system ? m_system->client()->displayName() : QString()));

    auto *pathRow = new QHBoxLayout;
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(m_browse);
    auto *form = new QFormLayout;
    auto *pathLabel = new QLabel(local ? tr("&Image file:") : tr("&Path on the system:"), this);
    pathLabel->setBuddy(m_path);
    form->addRow(pathLabel, pathRow);
    form->addRow(tr("&Format:"), m_format);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Pool:"), m_pool);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_note);
    layout->addWidget(m_error);
    layout->addStretch(1);
    layout->addWidget(m_buttons);
    setMinimumWidth(480);

    fillPools(preferredPool);
    connect(m_browse, &QPushButton::clicked, this, &AddDiskDialog::browse);
    connect(m_path, &QLineEdit::textChanged, this, &AddDiskDialog::onPathChanged);
    connect(m_name, &QLineEdit::textEdited, this, [this] { m_nameEdited = true; });
    connect(m_name, &QLineEdit::textChanged, this, &AddDiskDialog::updateState);
    connect(m_pool, &QComboBox::currentIndexChanged, this, &AddDiskDialog::updateState);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &AddDiskDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &AddDiskDialog::reject);
    updateState();
}

void AddDiskDialog::fillPools(const cim::ObjectPath &preferred)
{
    m_pools = fillPoolCombo(m_pool, m_system, preferred);
}

void AddDiskDialog::browse()
{
    auto *chooser = new QFileDialog(this, tr("Choose a Disk Image"));
    chooser->setObjectName(QStringLiteral("addDiskChooser"));
    chooser->setFileMode(QFileDialog::ExistingFile);
    chooser->setNameFilters(
        {tr("Disk images (*.img *.raw *.qcow2 *.vmdk *.vhd *.vhdx)"), tr("All files (*)")});
    if (const QFileInfo current(m_path->text()); current.isAbsolute())
        chooser->setDirectory(current.absolutePath());
    chooser->setAttribute(Qt::WA_DeleteOnClose);
    connect(chooser, &QFileDialog::fileSelected, this,
            [this](const QString &file) { m_path->setText(QDir::toNativeSeparators(file)); });
    chooser->open();
}

void AddDiskDialog::onPathChanged(const QString &path)
{
    // The name follows the file until the user gives one.
    if (!m_nameEdited)
        m_name->setText(QFileInfo(path.trimmed()).completeBaseName());
    updateState();
}

requests::ImportImageRequest AddDiskDialog::request() const
{
    requests::ImportImageRequest r;
    r.sourcePath = m_path->text().trimmed();
    if (const QString format = m_format->currentData().toString(); !format.isEmpty())
        r.format = format;
    const int row = m_pool->currentIndex();
    if (row >= 0 && row < m_pools.size())
        r.inPool = m_pools.at(row).path();
    if (const QString name = m_name->text().trimmed(); !name.isEmpty())
        r.elementName = name;
    return r;
}

void AddDiskDialog::updateState()
{
    const bool ready = !m_pending && !m_path->text().trimmed().isEmpty() &&
                       m_pool->currentIndex() >= 0 && m_system && m_system->client();
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(ready);
    for (QWidget *w : {static_cast<QWidget *>(m_path), static_cast<QWidget *>(m_browse),
                       static_cast<QWidget *>(m_name), static_cast<QWidget *>(m_pool),
                       static_cast<QWidget *>(m_format)})
        w->setEnabled(!m_pending);
}

void AddDiskDialog::showRefusal(const cim::MethodResult &result)
{
    m_error->showMessage(tr("The disk was not added. %1").arg(methodErrorText(result)));
    // The refused parameter says which field can fix it.
    QWidget *field = nullptr;
    if (result.parameter == u"SourcePath")
        field = m_path;
    else if (result.parameter == u"Format")
        field = m_format;
    else if (result.parameter == u"ElementName")
        field = m_name;
    else if (result.parameter == u"InPool")
        field = m_pool;
    if (field)
        field->setFocus();
}

void AddDiskDialog::accept()
{
    if (m_pending || !m_system || !m_system->client())
        return;
    const cim::ObjectPath service = storageConfigurationService(*m_system);
    if (service.isEmpty()) {
        m_error->showMessage(tr("This system offers no storage configuration service, so it "
                                "cannot add disks."));
        return;
    }
    const requests::ImportImageRequest r = request();
    m_pending = true;
    m_error->clearMessage();
    updateState();
    QPointer<SystemInventory> system = m_system;
    whenReady(m_system->client()->invokeMethod(r.toCall(service)), this,
              [this, system](const std::optional<cim::MethodResult> &result) {
                  m_pending = false;
                  updateState();
                  if (!result) {
                      m_error->showMessage(
                          tr("The disk was not added. %1").arg(methodErrorText(result)));
                      return;
                  }
                  if (result->returnValue != quint32(cim::ReturnCode::JobStarted) &&
                      result->returnValue != quint32(cim::ReturnCode::Completed)) {
                      showRefusal(*result);
                      return;
                  }
                  if (system)
                      system->refresh();
                  Q_EMIT importStarted(result->out.value(u"Job").toReference(),
                                       result->out.value(u"TheElement").toReference(),
                                       m_name->text().trimmed());
                  QDialog::accept();
              });
}

} // namespace rd::ui
