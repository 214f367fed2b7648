#include "replicatypepage.h"

#include "cim/enums.h"
#include "cimclasses.h"
#include "createreplicarequest.h"
#include "messagebanner.h"
#include "systeminventory.h"

#include <QButtonGroup>
#include <QGroupBox>
#include <QLabel>
#include <QRadioButton>
#include <QVBoxLayout>

namespace rd::ui {

namespace {
constexpr int kMirror = int(cim::SyncType::Mirror);
constexpr int kSnapshot = int(cim::SyncType::Snapshot);
constexpr int kClone = int(cim::SyncType::Clone);
constexpr int kSynchronous = int(cim::Mode::Synchronous);
constexpr int kAsynchronous = int(cim::Mode::Asynchronous);
constexpr int kSystemDecides = 0;

QLabel *explanationLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setContentsMargins(24, 0, 0, 4); // under the radio button's text
    return label;
}
} // namespace

ReplicaTypePage::ReplicaTypePage(SystemInventory *system, QWidget *parent)
    : ReplicaWizardPage(system, parent)
    , m_typeLayout(new QVBoxLayout)
    , m_modeLayout(new QVBoxLayout)
    , m_types(new QButtonGroup(this))
    , m_modes(new QButtonGroup(this))
    , m_modeReason(new QLabel(this))
{
    setObjectName(QStringLiteral("typePage"));
    setTitle(tr("Replica Type and Mode"));
    setSubTitle(tr("Choose what kind of replica to make and how it follows its source."));

    auto *typeBox = new QGroupBox(tr("Replica type"), this);
    typeBox->setLayout(m_typeLayout);
    contentLayout()->addWidget(typeBox);
    addType(kMirror, tr("&Mirror"),
            tr("A copy kept in step with its source: after a first full copy every write to the "
               "source reaches the replica too. It can later be fractured, resynchronised, "
               "restored from or detached."));
    addType(kSnapshot, tr("&Snapshot"),
            tr("An instant, read-only picture of the source as it is now. It takes almost no "
               "space at first: only blocks the source overwrites later are saved."));
    addType(kClone, tr("&Clone"),
            tr("A full, independent copy of the source as it was when the request was accepted. "
               "It needs as much space as the source's data and is a volume of its own."));

    auto *modeBox = new QGroupBox(tr("Mode"), this);
    modeBox->setLayout(m_modeLayout);
    contentLayout()->addWidget(modeBox);
    addMode(kSynchronous, tr("S&ynchronous"),
            tr("Mirrors: a write completes only once it is on the replica too. Clones and "
               "snapshots: the request returns when the replica is made."));
    addMode(kAsynchronous, tr("&Asynchronous"),
            tr("Mirrors: writes reach the replica shortly after, and the lag is tracked. Clones: "
               "the copy runs as a job you follow in the job monitor."));
    addMode(kSystemDecides, tr("&Let the system decide"),
            tr("Mode is left out of the request (NULL); the system picks what suits the type."));
    m_modeReason->setWordWrap(true);
    m_modeReason->setObjectName(QStringLiteral("modeReason"));
    m_modeReason->setForegroundRole(QPalette::PlaceholderText);
    m_modeLayout->addWidget(m_modeReason);
    contentLayout()->addStretch(1);

    registerField(replicafield::syncType, this, "syncType", SIGNAL(choiceChanged()));
    registerField(replicafield::mode, this, "mode", SIGNAL(choiceChanged()));
    connect(m_types, &QButtonGroup::idToggled, this, [this](int, bool on) {
        if (!on)
            return;
        updateAvailability();
        banner()->clearMessage();
        Q_EMIT choiceChanged();
        Q_EMIT completeChanged();
    });
    connect(m_modes, &QButtonGroup::idToggled, this, [this](int, bool on) {
        if (!on)
            return;
        banner()->clearMessage();
        Q_EMIT choiceChanged();
        Q_EMIT completeChanged();
    });
    if (system) {
        connect(system, &SystemInventory::instancesChanged, this, [this](const QString &name) {
            if (classes::sameClass(name, classes::replicationServiceCapabilities()))
                updateAvailability();
        });
    }
    m_modeButtons.value(kSystemDecides)->setChecked(true);
    updateAvailability();
}

void ReplicaTypePage::addType(int syncType, const QString &title, const QString &explanation)
{
    auto *button = new QRadioButton(title, this);
    button->setObjectName(QStringLiteral("type%1").arg(syncType));
    auto *reason = explanationLabel(QString(), this);
    reason->setObjectName(QStringLiteral("typeReason%1").arg(syncType));
    reason->setForegroundRole(QPalette::PlaceholderText);
    reason->hide();
    m_types->addButton(button, syncType);
    m_typeButtons.insert(syncType, button);
    m_typeReasons.insert(syncType, reason);
    m_typeLayout->addWidget(button);
    m_typeLayout->addWidget(explanationLabel(explanation, this));
    m_typeLayout->addWidget(reason);
}

void ReplicaTypePage::addMode(int mode, const QString &title, const QString &explanation)
{
    auto *button = new QRadioButton(title, this);
    button->setObjectName(QStringLiteral("mode%1").arg(mode));
    button->setToolTip(explanation);
    m_modes->addButton(button, mode);
    m_modeButtons.insert(mode, button);
    m_modeLayout->addWidget(button);
    m_modeLayout->addWidget(explanationLabel(explanation, this));
}

void ReplicaTypePage::updateAvailability()
{
    const QList<cim::Instance> caps =
        system() ? system()->instances(classes::replicationServiceCapabilities())
                 : QList<cim::Instance>();
    m_capabilities = ReplicationCapabilities(caps.isEmpty() ? cim::Instance() : caps.constFirst());
    for (auto it = m_typeButtons.cbegin(); it != m_typeButtons.cend(); ++it) {
        const QString reason = m_capabilities.unsupportedReason(quint16(it.key()));
        it.value()->setEnabled(reason.isEmpty());
        it.value()->setToolTip(reason);
        m_typeReasons.value(it.key())->setText(reason);
        m_typeReasons.value(it.key())->setVisible(!reason.isEmpty());
    }
    // Keep a choice the system offers: Clone first, as the most common request.
    if (m_types->checkedButton() == nullptr || !m_types->checkedButton()->isEnabled()) {
        for (int type : {kClone, kSnapshot, kMirror}) {
            if (m_typeButtons.value(type)->isEnabled()) {
                m_typeButtons.value(type)->setChecked(true);
                break;
            }
        }
    }
    const int type = syncType();
    QStringList reasons;
    for (int mode : {kSynchronous, kAsynchronous}) {
        const QString reason =
            type == 0 ? QString() : m_capabilities.unsupportedReason(quint16(type), quint16(mode));
        m_modeButtons.value(mode)->setEnabled(type != 0 && reason.isEmpty());
        if (type != 0 && !reason.isEmpty())
            reasons.append(reason);
    }
    m_modeButtons.value(kSystemDecides)->setEnabled(type != 0);
    m_modeReason->setText(reasons.join(u'\n'));
    m_modeReason->setVisible(!reasons.isEmpty());
    if (m_modes->checkedButton() && !m_modes->checkedButton()->isEnabled())
        m_modeButtons.value(kSystemDecides)->setChecked(true);
    Q_EMIT choiceChanged();
    Q_EMIT completeChanged();
}

int ReplicaTypePage::syncType() const
{
    const int id = m_types->checkedId();
    return id < 0 ? 0 : id;
}

int ReplicaTypePage::mode() const
{
    const int id = m_modes->checkedId();
    return id < 0 ? kSystemDecides : id;
}

void ReplicaTypePage::initializePage()
{
    updateAvailability();
}

bool ReplicaTypePage::isComplete() const
{
    const int type = syncType();
    if (type == 0 || !m_capabilities.supports(quint16(type)))
        return false;
    return mode() == kSystemDecides || m_capabilities.supports(quint16(type), quint16(mode()));
}

bool ReplicaTypePage::validatePage()
{
    banner()->clearMessage();
    return isComplete();
}

} // namespace rd::ui
