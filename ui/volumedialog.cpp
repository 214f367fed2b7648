#include "volumedialog.h"

#include "asynccall.h"
#include "cimclasses.h"
#include "errortext.h"
#include "messagebanner.h"
#include "poolcombo.h"
#include "sizeedit.h"
#include "storagefigures.h"
#include "systeminventory.h"
#include "valueformat.h"
#include "volumerequests.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include <cmath>

namespace rd::ui {

VolumeDialog::VolumeDialog(SystemInventory *system, const cim::ObjectPath &preferredPool,
                           QWidget *parent)
    : QDialog(parent)
    , m_system(system)
    , m_name(new QLineEdit(this))
    , m_size(new SizeEdit(this))
    , m_pool(new QComboBox(this))
    , m_poolSpace(new QLabel(this))
    , m_error(new MessageBanner(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("volumeDialog"));
    setWindowTitle(tr("New Volume"));

    m_name->setObjectName(QStringLiteral("volumeName"));
    m_name->setPlaceholderText(tr("for example Database"));
    m_name->setMaxLength(256);
    m_size->spin()->setObjectName(QStringLiteral("volumeSize"));
    m_size->unitCombo()->setObjectName(QStringLiteral("volumeUnit"));
    m_pool->setObjectName(QStringLiteral("volumePool"));
    m_poolSpace->setForegroundRole(QPalette::PlaceholderText);
    m_poolSpace->setWordWrap(true);
    m_error->setObjectName(QStringLiteral("volumeError"));
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Create"));

    auto *form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    auto *sizeLabel = new QLabel(tr("&Size:"), this);
    sizeLabel->setBuddy(m_size);
    form->addRow(sizeLabel, m_size);
    form->addRow(tr("&Pool:"), m_pool);
    form->addRow(QString(), m_poolSpace);
    auto *note = new QLabel(tr("Volumes are thin: the image takes space in its pool only as "
                               "data is written to it."),
                            this);
    note->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addWidget(m_error);
    layout->addStretch(1);
    layout->addWidget(m_buttons);
    setMinimumWidth(440);

    fillPools(preferredPool);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &VolumeDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &VolumeDialog::reject);
    connect(m_name, &QLineEdit::textChanged, this, &VolumeDialog::updateState);
    connect(m_pool, &QComboBox::currentIndexChanged, this, &VolumeDialog::updateState);
    connect(m_size, &SizeEdit::bytesChanged, this, &VolumeDialog::updateState);
    updateState();
}

QDoubleSpinBox *VolumeDialog::sizeSpin() const
{
    return m_size->spin();
}

QComboBox *VolumeDialog::unitCombo() const
{
    return m_size->unitCombo();
}

quint64 VolumeDialog::requestedBytes() const
{
    return m_size->bytes();
}

void VolumeDialog::fillPools(const cim::ObjectPath &preferred)
{
    m_pools = fillPoolCombo(m_pool, m_system, preferred);
}

void VolumeDialog::updateState()
{
    const int row = m_pool->currentIndex();
    const cim::Instance pool = row >= 0 && row < m_pools.size() ? m_pools.at(row) : cim::Instance();
    const QString space = pool.isEmpty() ? QString() : allocationSummary(pool);
    m_poolSpace->setText(space);
    m_poolSpace->setVisible(!space.isEmpty());
    const bool ready = !m_pending && !m_name->text().trimmed().isEmpty() && !pool.isEmpty() &&
                       requestedBytes() > 0;
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(ready);
    m_name->setEnabled(!m_pending);
    m_size->setEnabled(!m_pending);
    m_pool->setEnabled(!m_pending);
}

void VolumeDialog::showError(const QString &text)
{
    m_error->showMessage(text);
}

void VolumeDialog::accept()
{
    if (m_pending || !m_system || !m_system->client())
        return;
    const int row = m_pool->currentIndex();
    if (row < 0 || row >= m_pools.size())
        return;
    const cim::ObjectPath service = storageConfigurationService(*m_system);
    if (service.isEmpty()) {
        showError(tr("This system offers no storage configuration service, so it cannot create "
                     "volumes."));
        return;
    }
    const cim::MethodCall call = createVolumeCall(service, m_name->text().trimmed(),
                                                  requestedBytes(), m_pools.at(row).path());
    m_pending = true;
    showError(QString());
    updateState();
    QPointer<SystemInventory> system = m_system;
    whenReady(m_system->client()->invokeMethod(call), this,
              [this, system](const std::optional<cim::MethodResult> &result) {
                  m_pending = false;
                  updateState();
                  if (!result || result->returnValue != 0) {
                      showError(tr("The volume was not created. %1").arg(methodErrorText(result)));
                      return;
                  }
                  if (system)
                      system->refresh();
                  Q_EMIT volumeCreated(result->out.value(u"TheElement").toReference(),
                                       m_name->text().trimmed());
                  QDialog::accept();
              });
}

} // namespace rd::ui
