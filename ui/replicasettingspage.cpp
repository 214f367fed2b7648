#include "replicasettingspage.h"

#include "cim/enums.h"
#include "cim/valuemap.h"
#include "createreplicarequest.h"
#include "messagebanner.h"
#include "valueformat.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QVBoxLayout>

namespace rd::ui {

namespace {
QLabel *note(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setWordWrap(true);
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}
} // namespace

ReplicaSettingsPage::ReplicaSettingsPage(SystemInventory *system, QWidget *parent)
    : ReplicaWizardPage(system, parent)
    , m_priority(new QComboBox(this))
    , m_priorityNote(note(this))
    , m_consistent(new QCheckBox(tr("Take all replicas at the &same point in time"), this))
    , m_consistentNote(note(this))
    , m_supplier(note(this))
    , m_wait(new QComboBox(this))
    , m_waitNote(note(this))
{
    setObjectName(QStringLiteral("settingsPage"));
    setTitle(tr("Settings"));
    setSubTitle(tr("These travel with the request as its ReplicationSettingData; WaitForCopyState "
                   "says when the call returns."));
    m_priority->setObjectName(QStringLiteral("copyPriority"));
    m_consistent->setObjectName(QStringLiteral("consistentPointInTime"));
    m_wait->setObjectName(QStringLiteral("waitForCopyState"));
    m_waitNote->setObjectName(QStringLiteral("waitNote"));
    m_consistentNote->setObjectName(QStringLiteral("consistentNote"));
    m_consistentNote->hide();

    m_priority->addItem(tr("Left to the system"), -1);
    m_priority->addItem(tr("Not managed (0)"), 0);
    m_priority->addItem(tr("Low (1) — yields to host I/O"), 1);
    m_priority->addItem(tr("Same (2) — shares evenly with host I/O"), 2);
    m_priority->addItem(tr("High (3) — ahead of host I/O"), 3);
    m_priority->addItem(tr("Urgent (4) — copies first"), 4);

    m_wait->addItem(tr("Return at once; the job monitor follows the copy"), 0);
    for (quint16 state :
         {quint16(cim::CopyState::Initialized), quint16(cim::CopyState::Unsynchronized),
          quint16(cim::CopyState::Synchronized)}) {
        m_wait->addItem(tr("Wait until the replicas are %1")
                            .arg(valueMapLabel(cim::ValueMap::copyState(), state)),
                        int(state));
    }

    auto *settingsBox = new QGroupBox(tr("Replication settings"), this);
    auto *settings = new QFormLayout(settingsBox);
    settings->addRow(tr("Copy &priority:"), m_priority);
    settings->addRow(QString(), m_priorityNote);
    settings->addRow(QString(), m_consistent);
    settings->addRow(QString(), m_consistentNote);
    settings->addRow(tr("Target supplier:"), m_supplier);
    auto *waitBox = new QGroupBox(tr("When the call returns"), this);
    auto *wait = new QFormLayout(waitBox);
    wait->addRow(tr("&Wait for:"), m_wait);
    wait->addRow(QString(), m_waitNote);
    contentLayout()->addWidget(settingsBox);
    contentLayout()->addWidget(waitBox);
    contentLayout()->addStretch(1);

    registerField(replicafield::copyPriority, this, "copyPriority", SIGNAL(settingsChanged()));
    registerField(replicafield::consistentPointInTime, this, "consistentPointInTime",
                  SIGNAL(settingsChanged()));
    registerField(replicafield::waitForCopyState, this, "waitForCopyState",
                  SIGNAL(settingsChanged()));
    auto changed = [this] {
        banner()->clearMessage();
        Q_EMIT settingsChanged();
    };
    connect(m_priority, &QComboBox::currentIndexChanged, this, changed);
    connect(m_wait, &QComboBox::currentIndexChanged, this, changed);
    connect(m_consistent, &QCheckBox::toggled, this, changed);
}

int ReplicaSettingsPage::copyPriority() const
{
    return m_priority->isEnabled() ? m_priority->currentData().toInt() : -1;
}

bool ReplicaSettingsPage::consistentPointInTime() const
{
    return m_consistent->isEnabled() && m_consistent->isChecked();
}

int ReplicaSettingsPage::waitForCopyState() const
{
    return m_wait->isEnabled() ? m_wait->currentData().toInt() : 0;
}

void ReplicaSettingsPage::initializePage()
{
    const int type = field(replicafield::syncType).toInt();
    const qsizetype sources = field(replicafield::sources).toStringList().size();
    const bool copies = type != int(cim::SyncType::Snapshot);
    m_priority->setEnabled(copies);
    m_priorityNote->setText(copies ? tr("How the copy shares the disks with the hosts' own I/O.")
                                   : tr("A snapshot copies nothing up front, so there is no copy "
                                        "to prioritise."));
    const int choice = field(replicafield::targetChoice).toInt();
    const bool peer = choice == replicafield::PeerTargets;
    const bool mirror = type == int(cim::SyncType::Mirror);

    // Clones on another system are copied one after the other, each from its own point in time;
    // the system refuses one point in time for several of them.
    QString consistentWhy;
    if (sources < 2)
        consistentWhy = tr("Applies when several sources are replicated.");
    else if (peer && !mirror)
        consistentWhy = tr("Not for clones on another system: each is copied from its own point "
                           "in time. To have one for all, mirror them and fracture the list.");
    m_consistent->setEnabled(consistentWhy.isEmpty());
    m_consistent->setToolTip(consistentWhy);
    m_consistentNote->setText(consistentWhy);
    m_consistentNote->setVisible(sources > 1 && !consistentWhy.isEmpty());

    if (choice == replicafield::ExistingTargets)
        m_supplier->setText(tr("Use existing (2): the volumes chosen on the previous page."));
    else if (peer)
        m_supplier->setText(tr("Create new (3): the other system creates the replica volumes."));
    else
        m_supplier->setText(tr("Create new (3): the system creates the replica volumes."));

    // Replicas on another system are made by a job the call starts; the system does not wait.
    m_wait->setEnabled(!peer);
    if (peer) {
        const QSignalBlocker blocker(m_wait);
        m_wait->setCurrentIndex(0);
        m_waitNote->setText(
            mirror ? tr("Not for replicas on another system: the call returns at once and a job "
                        "makes the mirrors there. The job ends when they are Synchronized; the "
                        "job monitor follows it.")
                   : tr("Not for replicas on another system: the call returns at once and a job "
                        "makes the clones there. The job ends when the copy is complete; the job "
                        "monitor follows it."));
    } else {
        m_waitNote->setText(tr("Initialized: the pairs exist. Unsynchronized: the copy has "
                               "started. Synchronized: the replicas are complete. Whatever remains "
                               "after the call runs as a job."));
    }
    m_wait->setToolTip(peer ? m_waitNote->text() : QString());
    Q_EMIT settingsChanged();
}

bool ReplicaSettingsPage::validatePage()
{
    banner()->clearMessage();
    return true;
}

} // namespace rd::ui
