#include "growvolumedialog.h"

#include "asynccall.h"
#include "errortext.h"
#include "messagebanner.h"
#include "sizeedit.h"
#include "storagefigures.h"
#include "systeminventory.h"
#include "valueformat.h"
#include "volumerequests.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace rd::ui {

GrowVolumeDialog::GrowVolumeDialog(SystemInventory *system, const cim::Instance &volume,
                                   QWidget *parent)
    : QDialog(parent)
    , m_system(system)
    , m_volume(volume)
    , m_current(volumeBytes(volume).value_or(0))
    , m_size(new SizeEdit(this))
    , m_hint(new QLabel(this))
    , m_error(new MessageBanner(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("growVolumeDialog"));
    setWindowTitle(tr("Grow Volume"));
    m_size->spin()->setObjectName(QStringLiteral("growSize"));
    m_size->unitCombo()->setObjectName(QStringLiteral("growUnit"));
    m_size->setBytes(m_current);
    m_hint->setWordWrap(true);
    m_hint->setForegroundRole(QPalette::PlaceholderText);
    m_error->setObjectName(QStringLiteral("growError"));
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Grow"));

    auto *form = new QFormLayout;
    form->addRow(tr("Volume:"), new QLabel(instanceLabel(volume).toHtmlEscaped(), this));
    form->addRow(tr("Now:"), new QLabel(byteText(m_current), this));
    auto *sizeLabel = new QLabel(tr("&New size:"), this);
    sizeLabel->setBuddy(m_size);
    form->addRow(sizeLabel, m_size);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_hint);
    layout->addWidget(m_error);
    layout->addStretch(1);
    layout->addWidget(m_buttons);
    setMinimumWidth(420);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &GrowVolumeDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &GrowVolumeDialog::reject);
    connect(m_size, &SizeEdit::bytesChanged, this, &GrowVolumeDialog::updateState);
    updateState();
}

void GrowVolumeDialog::updateState()
{
    const quint64 wanted = m_size->bytes();
    // Said in units before the engine is asked: a volume never shrinks.
    if (wanted <= m_current) {
        m_hint->setText(tr("Enter a size larger than %1; volumes can grow but not shrink.")
                            .arg(byteText(m_current)));
    } else {
        m_hint->setText(tr("The volume grows by %1; the new space reads as zeros until written. "
                           "Hosts see it once they reconnect.")
                            .arg(byteText(wanted - m_current)));
    }
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!m_pending && wanted > m_current);
    m_size->setEnabled(!m_pending);
}

void GrowVolumeDialog::accept()
{
    if (m_pending || !m_system || !m_system->client() || m_size->bytes() <= m_current)
        return;
    const cim::ObjectPath service = storageConfigurationService(*m_system);
    if (service.isEmpty()) {
        m_error->showMessage(tr("This system offers no storage configuration service, so it "
                                "cannot change volumes."));
        return;
    }
    m_pending = true;
    m_error->showMessage(QString());
    updateState();
    QPointer<SystemInventory> system = m_system;
    const QString name = instanceLabel(m_volume);
    whenReady(
        m_system->client()->invokeMethod(growVolumeCall(service, m_volume.path(), m_size->bytes())),
        this, [this, system, name](const std::optional<cim::MethodResult> &result) {
            m_pending = false;
            updateState();
            if (!result || result->returnValue != 0) {
                m_error->showMessage(
                    tr("The volume was not grown. %1").arg(methodErrorText(result)));
                return;
            }
            if (system)
                system->refresh();
            Q_EMIT volumeGrown(name, result->out.value(u"Size").toUInt64());
            QDialog::accept();
        });
}

} // namespace rd::ui
