#include "remoteoptionspage.h"

#include "remotecollectionwizard.h"
#include "remotetrustpage.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>

namespace rd::ui {

namespace {
constexpr int MaxName = 256; // the engine's limit for ElementName

QLabel *explanation(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setForegroundRole(QPalette::PlaceholderText);
    label->setContentsMargins(24, 0, 0, 8);
    return label;
}
} // namespace

RemoteOptionsPage::RemoteOptionsPage(SystemInventory *local, QWidget *parent)
    : ReplicaWizardPage(local, parent)
    , m_name(new QLineEdit(this))
    , m_active(new QCheckBox(tr("&Active"), this))
    , m_deleteOnUnassociated(new QCheckBox(tr("&Delete when no access point is left"), this))
    , m_verifySystem(new QCheckBox(this))
{
    setObjectName(QStringLiteral("optionsPage"));
    setTitle(tr("Options"));
    setSubTitle(tr("Name the collection and say how it behaves."));
    m_name->setObjectName(QStringLiteral("collectionName"));
    m_name->setMaxLength(MaxName);
    m_name->setClearButtonEnabled(true);
    m_active->setObjectName(QStringLiteral("active"));
    m_active->setChecked(true);
    m_deleteOnUnassociated->setObjectName(QStringLiteral("deleteOnUnassociated"));
    m_verifySystem->setObjectName(QStringLiteral("verifySystem"));
    m_verifySystem->setChecked(true);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("&Name:"), m_name);
    contentLayout()->addLayout(form);
    contentLayout()->addSpacing(8);
    contentLayout()->addWidget(m_active);
    contentLayout()->addWidget(explanation(
        tr("Replicas can be made through an active collection at once. An inactive one is kept "
           "with its access points but not used until it is activated."),
        this));
    contentLayout()->addWidget(m_deleteOnUnassociated);
    contentLayout()->addWidget(explanation(
        tr("When the last access point is removed from the collection, the collection is "
           "deleted too. Otherwise it stays, empty, until you delete it."),
        this));
    contentLayout()->addWidget(m_verifySystem);
    contentLayout()->addWidget(explanation(
        tr("The engine then signs in to the peer and checks that it is this very system before "
           "the collection is recorded, so a different machine at the same address is refused."),
        this));
    contentLayout()->addStretch(1);
    connect(m_name, &QLineEdit::textChanged, this, &QWizardPage::completeChanged);
}

void RemoteOptionsPage::initializePage()
{
    auto *w = qobject_cast<RemoteCollectionWizard *>(wizard());
    const QString peer = w ? w->trustPage()->peerSystemName() : QString();
    m_verifySystem->setText(tr("&Check that the peer is the system %1").arg(peer));
    m_verifySystem->setEnabled(!peer.isEmpty());
    const QString suggested = tr("Replication to %1").arg(peer);
    if (m_name->text().isEmpty() || m_name->text() == m_suggested)
        m_name->setText(suggested);
    m_suggested = suggested;
}

bool RemoteOptionsPage::isComplete() const
{
    return !m_name->text().trimmed().isEmpty();
}

} // namespace rd::ui
