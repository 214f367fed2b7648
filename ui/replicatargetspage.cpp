#include "replicatargetspage.h"

#include "api/remotenames.h"
#include "asynccall.h"
#include "cim/enums.h"
#include "cim/valuemap.h"
#include "cimclasses.h"
#include "createreplicarequest.h"
#include "icons.h"
#include "messagebanner.h"
#include "replicationcapabilities.h"
#include "storagefigures.h"
#include "systeminventory.h"
#include "valueformat.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPointer>
#include <QRadioButton>
#include <QSet>
#include <QStackedWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace rd::ui {

namespace {
QTableWidget *makeTable(const QStringList &headers, QWidget *parent)
{
    auto *table = new QTableWidget(0, int(headers.size()), parent);
    table->setHorizontalHeaderLabels(headers);
    table->verticalHeader()->hide();
    table->setSelectionMode(QAbstractItemView::NoSelection);
    table->setShowGrid(false);
    table->setWordWrap(false);
    table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    return table;
}

QString sourceText(const cim::Instance &source)
{
    const auto bytes = volumeBytes(source);
    return bytes ? QStringLiteral("%1 (%2)").arg(instanceLabel(source), byteText(*bytes))
                 : instanceLabel(source);
}
} // namespace

ReplicaTargetsPage::ReplicaTargetsPage(SystemInventory *system, QWidget *parent)
    : ReplicaWizardPage(system, parent)
    , m_choice(new QButtonGroup(this))
    , m_newButton(new QRadioButton(tr("Create &new volumes for the replicas"), this))
    , m_existingButton(new QRadioButton(tr("Use &existing volumes"), this))
    , m_stack(new QStackedWidget(this))
    , m_peerButton(new QRadioButton(tr("Create new volumes on &another system"), this))
    , m_pool(new QComboBox(this))
    , m_peer(new QComboBox(this))
    , m_peerHint(new QLabel(this))
    , m_newForm(new QFormLayout)
    , m_space(new QLabel(this))
    , m_names(makeTable({tr("Source"), tr("Name of the new replica")}, this))
    , m_existing(makeTable({tr("Source"), tr("Target volume")}, this))
    , m_existingHint(new QLabel(this))
{
    setObjectName(QStringLiteral("targetsPage"));
    setTitle(tr("Targets"));
    setSubTitle(tr("Choose where the replicas go. Names are applied to the new volumes in the "
                   "order of the sources; an empty name lets the system choose one."));
    m_newButton->setObjectName(QStringLiteral("newTargets"));
    m_existingButton->setObjectName(QStringLiteral("existingTargets"));
    m_pool->setObjectName(QStringLiteral("targetPool"));
    m_names->setObjectName(QStringLiteral("replicaNames"));
    m_existing->setObjectName(QStringLiteral("existingTargetTable"));
    m_space->setObjectName(QStringLiteral("poolSpace"));
    m_space->setWordWrap(true);
    m_existingHint->setWordWrap(true);
    m_existingHint->setText(tr("Only volumes at least as big as their source that are not part "
                               "of a synchronization are offered. Their data is overwritten."));
    m_choice->addButton(m_newButton, replicafield::NewTargets);
    m_choice->addButton(m_existingButton, replicafield::ExistingTargets);
    m_choice->addButton(m_peerButton, replicafield::PeerTargets);
    m_newButton->setChecked(true);
    m_peerButton->setObjectName(QStringLiteral("peerTargets"));
    m_peer->setObjectName(QStringLiteral("targetPeer"));
    m_peerHint->setObjectName(QStringLiteral("peerHint"));
    m_peerHint->setWordWrap(true);
    m_peerHint->setForegroundRole(QPalette::PlaceholderText);
    m_peerHint->setContentsMargins(24, 0, 0, 0);

    auto *newPage = new QWidget(this);
    auto *newLayout = new QVBoxLayout(newPage);
    newLayout->setContentsMargins(0, 0, 0, 0);
    m_newForm->addRow(tr("&Pool:"), m_pool);
    m_newForm->addRow(tr("&System:"), m_peer);
    newLayout->addLayout(m_newForm);
    newLayout->addWidget(m_names, 1);
    newLayout->addWidget(m_space);
    auto *existingPage = new QWidget(this);
    auto *existingLayout = new QVBoxLayout(existingPage);
    existingLayout->setContentsMargins(0, 0, 0, 0);
    existingLayout->addWidget(m_existing, 1);
    existingLayout->addWidget(m_existingHint);
    m_stack->addWidget(newPage);
    m_stack->addWidget(existingPage);

    contentLayout()->addWidget(m_newButton);
    contentLayout()->addWidget(m_existingButton);
    contentLayout()->addWidget(m_peerButton);
    contentLayout()->addWidget(m_peerHint);
    contentLayout()->addWidget(m_stack, 1);

    registerField(replicafield::targetChoice, this, "targetChoice", SIGNAL(targetsChanged()));
    registerField(replicafield::targets, this, "targetPaths", SIGNAL(targetsChanged()));
    registerField(replicafield::targetPool, this, "poolPath", SIGNAL(targetsChanged()));
    registerField(replicafield::elementNames, this, "elementNames", SIGNAL(targetsChanged()));
    registerField(replicafield::targetAccessPoint, this, "accessPointPath",
                  SIGNAL(targetsChanged()));

    connect(m_choice, &QButtonGroup::idToggled, this, [this](int id, bool on) {
        if (on) {
            m_stack->setCurrentIndex(id == replicafield::ExistingTargets ? 1 : 0);
            m_newForm->setRowVisible(m_pool, id == replicafield::NewTargets);
            m_newForm->setRowVisible(m_peer, id == replicafield::PeerTargets);
            changed();
        }
    });
    m_newForm->setRowVisible(m_peer, false);
    connect(m_pool, &QComboBox::currentIndexChanged, this, &ReplicaTargetsPage::changed);
    connect(m_peer, &QComboBox::currentIndexChanged, this, &ReplicaTargetsPage::changed);
    connect(m_names, &QTableWidget::itemChanged, this, &ReplicaTargetsPage::changed);
}

int ReplicaTargetsPage::targetChoice() const
{
    return m_choice->checkedId() < 0 ? int(replicafield::NewTargets) : m_choice->checkedId();
}

QComboBox *ReplicaTargetsPage::targetCombo(int row) const
{
    return qobject_cast<QComboBox *>(m_existing->cellWidget(row, 1));
}

QStringList ReplicaTargetsPage::targetPaths() const
{
    QStringList paths;
    if (targetChoice() != replicafield::ExistingTargets)
        return paths;
    for (int row = 0; row < m_existing->rowCount(); ++row) {
        const QComboBox *combo = targetCombo(row);
        paths.append(combo ? combo->currentData().toString() : QString());
    }
    return paths;
}

QString ReplicaTargetsPage::poolPath() const
{
    const int row = m_pool->currentIndex();
    if (targetChoice() != replicafield::NewTargets || row < 0 || row >= m_pools.size())
        return QString();
    return m_pools.at(row).path().toString();
}

QString ReplicaTargetsPage::accessPointPath() const
{
    if (targetChoice() != replicafield::PeerTargets)
        return QString();
    return m_peer->currentData().toString();
}

QStringList ReplicaTargetsPage::elementNames() const
{
    QStringList names;
    if (targetChoice() == replicafield::ExistingTargets)
        return names;
    for (int row = 0; row < m_names->rowCount(); ++row) {
        const QTableWidgetItem *item = m_names->item(row, 1);
        names.append(item ? item->text() : QString());
    }
    return names;
}

void ReplicaTargetsPage::initializePage()
{
    m_syncType = field(replicafield::syncType).toInt();
    m_mode = field(replicafield::mode).toInt();
    const QStringList paths = field(replicafield::sources).toStringList();
    const QString key = paths.join(u'\n') + u'|' + QString::number(m_syncType);
    m_sources.clear();
    for (const QString &text : paths) {
        const auto path = cim::ObjectPath::fromString(text);
        const auto source = path && system() ? system()->find(*path) : std::nullopt;
        m_sources.append(source ? *source : cim::Instance());
    }
    fillPools();
    fillPeers();
    if (key != m_rowsFor) {
        m_rowsFor = key;
        rebuildRows();
    }
    changed();
}

void ReplicaTargetsPage::fillPools()
{
    const QString current = poolPath();
    const QList<cim::Instance> pools =
        system() ? system()->instances(classes::storagePool()) : QList<cim::Instance>();
    const QSignalBlocker blocker(m_pool);
    m_pools = pools;
    m_pool->clear();
    int wanted = -1;
    // The pool of the first source, unless the user already chose one.
    const auto sourcePool = !m_sources.isEmpty() && system()
                                ? volumePool(*system(), m_sources.constFirst())
                                : std::nullopt;
    for (qsizetype i = 0; i < m_pools.size(); ++i) {
        const cim::Instance &pool = m_pools.at(i);
        const QString space = allocationSummary(pool);
        m_pool->addItem(space.isEmpty() ? instanceLabel(pool)
                                        : tr("%1 — %2").arg(instanceLabel(pool), space));
        const QString text = pool.path().toString();
        if (text == current || (current.isEmpty() && wanted < 0 && sourcePool &&
                                identityOf(sourcePool->path()) == identityOf(pool.path())))
            wanted = int(i);
    }
    m_pool->setCurrentIndex(m_pools.isEmpty() ? -1 : qMax(0, wanted));
}

void ReplicaTargetsPage::fillPeers()
{
    // Collections and their members, asked afresh: the navigator does not follow them.
    m_loadingPeers = true;
    updatePeerChoice();
    const int request = ++m_peerRequest;
    engine::CimClient *client = system() ? system()->client() : nullptr;
    if (!client) {
        m_loadingPeers = false;
        updatePeerChoice();
        return;
    }
    using Instances = cim::Result<QList<cim::Instance>>;
    whenReady(
        client->enumerateInstances(engine::remotenames::collectionClass()), this,
        [this, request, client = QPointer(client)](const std::optional<Instances> &collections) {
            if (request != m_peerRequest)
                return;
            if (!client || !collections || !*collections) {
                m_loadingPeers = false;
                updatePeerChoice();
                return;
            }
            whenReady(
                client->enumerateInstances(engine::remotenames::memberOfCollectionClass()), this,
                [this, request, all = **collections](const std::optional<Instances> &members) {
                    if (request != m_peerRequest)
                        return;
                    const QString current = m_peer->currentData().toString();
                    const QSignalBlocker blocker(m_peer);
                    m_peer->clear();
                    for (const cim::Instance &c : all) {
                        if (!c.property(u"Active").toBool())
                            continue;
                        for (const cim::Instance &m :
                             members &&*members ? **members : QList<cim::Instance>()) {
                            if (m.property(u"Collection").toReference().key(u"InstanceID") !=
                                c.property(u"InstanceID"))
                                continue;
                            const cim::ObjectPath point = m.property(u"Member").toReference();
                            const QUrl url(point.key(u"Name").toString());
                            if (url.scheme() != u"nbd" && url.scheme() != u"nbds")
                                continue;
                            m_peer->addItem(themedIcon(QStringLiteral("network-server")),
                                            tr("%1 — %2").arg(c.property(u"ElementName").toString(),
                                                              url.toString()),
                                            point.toString());
                        }
                    }
                    const int again = m_peer->findData(current);
                    m_peer->setCurrentIndex(again >= 0 ? again : (m_peer->count() ? 0 : -1));
                    m_loadingPeers = false;
                    updatePeerChoice();
                    changed();
                });
        });
}

void ReplicaTargetsPage::updatePeerChoice()
{
    // What the system says it can do across systems decides, not this page.
    const QList<cim::Instance> caps =
        system() ? system()->instances(classes::replicationServiceCapabilities())
                 : QList<cim::Instance>();
    const ReplicationCapabilities capabilities(caps.isEmpty() ? cim::Instance()
                                                              : caps.constFirst());
    QString why;
    if (m_syncType == int(cim::SyncType::Snapshot))
        why = tr("A snapshot stays with its source: it cannot be made on another system.");
    else if (!capabilities.supportsRemote(quint16(m_syncType)))
        why = tr("This system does not make replicas on other systems.");
    else if (m_mode != 0 && !capabilities.supportsRemote(quint16(m_syncType), quint16(m_mode)))
        //: A replica type and a mode, as in "This system makes Mirror replicas on other systems,
        //: but not Asynchronous ones."
        why = tr("This system makes %1 replicas on other systems, but not %2 ones.")
                  .arg(cim::ValueMap::syncType().label(quint64(m_syncType)),
                       cim::ValueMap::mode().label(quint64(m_mode)));
    else if (m_loadingPeers)
        why = tr("Looking for remote collections…");
    else if (m_peer->count() == 0)
        why = tr("No active remote collection with a data endpoint: record the other system "
                 "first with Replication → New Remote Collection.");
    m_peerButton->setEnabled(why.isEmpty());
    m_peerHint->setText(why);
    m_peerHint->setVisible(!why.isEmpty());
    if (!why.isEmpty() && m_peerButton->isChecked())
        m_newButton->setChecked(true);
}

void ReplicaTargetsPage::rebuildRows()
{
    const QString type =
        m_syncType ? cim::ValueMap::syncType().label(quint64(m_syncType)) : QString();
    const QSignalBlocker blocker(m_names);
    m_names->setRowCount(int(m_sources.size()));
    m_existing->setRowCount(int(m_sources.size()));

    QSet<QString> unavailable = system() ? volumesInSynchronizations(*system()) : QSet<QString>();
    for (const cim::Instance &s : std::as_const(m_sources))
        unavailable.insert(identityOf(s.path()));
    const QList<cim::Instance> volumes =
        system() ? system()->instances(classes::storageVolume()) : QList<cim::Instance>();

    for (int row = 0; row < m_sources.size(); ++row) {
        const cim::Instance &source = m_sources.at(row);
        for (QTableWidget *table : {m_names, m_existing}) {
            auto *item = new QTableWidgetItem(sourceText(source));
            item->setFlags(Qt::ItemIsEnabled);
            table->setItem(row, 0, item);
        }
        //: The default name of a new replica: the source's name and the replica type.
        auto *name = new QTableWidgetItem(tr("%1 %2").arg(instanceLabel(source), type.toLower()));
        name->setFlags(Qt::ItemIsEnabled | Qt::ItemIsEditable | Qt::ItemIsSelectable);
        m_names->setItem(row, 1, name);

        auto *combo = new QComboBox(m_existing);
        combo->setObjectName(QStringLiteral("target%1").arg(row));
        const auto needed = volumeBytes(source);
        for (const cim::Instance &v : volumes) {
            const auto size = volumeBytes(v);
            if (unavailable.contains(identityOf(v.path())) || !size || !needed || *size < *needed ||
                v.className().compare(source.className(), Qt::CaseInsensitive))
                continue;
            combo->addItem(sourceText(v), v.path().toString());
        }
        combo->insertItem(0,
                          combo->count() == 0 ? tr("(no volume is big enough and free)")
                                              : tr("(choose a volume)"),
                          QString());
        combo->setCurrentIndex(0);
        connect(combo, &QComboBox::currentIndexChanged, this, &ReplicaTargetsPage::changed);
        m_existing->setCellWidget(row, 1, combo);
    }
}

quint64 ReplicaTargetsPage::neededBytes() const
{
    // A snapshot saves only what the source overwrites later; clones and mirrors copy the data
    // the source holds (holes stay holes).
    if (m_syncType == int(cim::SyncType::Snapshot))
        return 0;
    quint64 total = 0;
    for (const cim::Instance &s : m_sources) {
        const auto allocated = volumeAllocatedBytes(s);
        total += allocated ? *allocated : volumeBytes(s).value_or(0);
    }
    return total;
}

std::optional<quint64> ReplicaTargetsPage::poolFree() const
{
    const int row = m_pool->currentIndex();
    if (row < 0 || row >= m_pools.size())
        return std::nullopt;
    return poolFreeBytes(m_pools.at(row));
}

void ReplicaTargetsPage::updateSpace()
{
    if (targetChoice() == replicafield::PeerTargets) {
        m_space->setText(tr("The replicas need about %1 on the other system, which checks its "
                            "free space when it makes them.")
                             .arg(byteText(neededBytes())));
        return;
    }
    const auto free = poolFree();
    const quint64 needed = neededBytes();
    if (!free) {
        m_space->setText(tr("The replicas need about %1.").arg(byteText(needed)));
        return;
    }
    m_space->setText(tr("The replicas need about %1; the pool has %2 free.")
                         .arg(byteText(needed), byteText(*free)));
}

void ReplicaTargetsPage::changed()
{
    banner()->clearMessage();
    updateSpace();
    Q_EMIT targetsChanged();
    Q_EMIT completeChanged();
}

bool ReplicaTargetsPage::isComplete() const
{
    if (m_sources.isEmpty())
        return false;
    if (targetChoice() == replicafield::NewTargets)
        return m_pool->currentIndex() >= 0;
    if (targetChoice() == replicafield::PeerTargets)
        return !accessPointPath().isEmpty();
    const QStringList paths = targetPaths();
    QSet<QString> distinct;
    for (const QString &p : paths) {
        if (p.isEmpty() || distinct.contains(p))
            return false;
        distinct.insert(p);
    }
    return true;
}

bool ReplicaTargetsPage::validatePage()
{
    banner()->clearMessage();
    if (!isComplete())
        return false;
    if (targetChoice() == replicafield::NewTargets) {
        const auto free = poolFree();
        if (free && neededBytes() > *free) {
            banner()->showMessage(
                tr("The pool %1 has %2 free, but the replicas need about %3. "
                   "Choose another pool or free some space.")
                    .arg(m_pool->currentText(), byteText(*free), byteText(neededBytes())));
            return false;
        }
    }
    return true;
}

} // namespace rd::ui
