#include "remoteaccesspointspage.h"

#include "api/remotenames.h"
#include "asynccall.h"
#include "errortext.h"
#include "icons.h"
#include "messagebanner.h"
#include "remotecollectionwizard.h"
#include "remotetrustpage.h"
#include "systeminventory.h"
#include "wsman/wsmantransport.h"

#include <QHeaderView>
#include <QLabel>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace rd::ui {

namespace {

constexpr int UrlRole = Qt::UserRole;
constexpr int PathRole = Qt::UserRole + 1;

bool isManagement(const QUrl &url)
{
    return url.scheme() == u"https" || url.scheme() == u"http";
}

bool isData(const QUrl &url)
{
    return url.scheme() == u"nbd" || url.scheme() == u"nbds";
}

QTreeWidget *pointTree(QWidget *parent, const char *name)
{
    auto *tree = new QTreeWidget(parent);
    tree->setObjectName(QLatin1String(name));
    tree->setRootIsDecorated(false);
    tree->setUniformRowHeights(true);
    tree->setColumnCount(3);
    tree->setHeaderLabels({RemoteAccessPointsPage::tr("Endpoint"),
                           RemoteAccessPointsPage::tr("Used for"),
                           RemoteAccessPointsPage::tr("Found")});
    tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    tree->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    tree->header()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    tree->header()->setStretchLastSection(false);
    return tree;
}

} // namespace

RemoteAccessPointsPage::RemoteAccessPointsPage(SystemInventory *local, QWidget *parent)
    : ReplicaWizardPage(local, parent)
    , m_localTree(pointTree(this, "localPoints"))
    , m_peerTree(pointTree(this, "peerPoints"))
    , m_localTitle(new QLabel(this))
    , m_peerTitle(new QLabel(this))
    , m_hint(new QLabel(this))
{
    setObjectName(QStringLiteral("accessPointsPage"));
    setTitle(tr("Access Points"));
    setSubTitle(tr("Choose how the two systems reach each other: one management address of the "
                   "peer, and the data addresses its replicas are written through."));
    m_hint->setObjectName(QStringLiteral("accessPointsHint"));
    m_hint->setWordWrap(true);
    contentLayout()->addWidget(m_peerTitle);
    contentLayout()->addWidget(m_peerTree, 3);
    contentLayout()->addWidget(m_localTitle);
    contentLayout()->addWidget(m_localTree, 2);
    contentLayout()->addWidget(m_hint);
    for (QTreeWidget *tree : {m_localTree, m_peerTree}) {
        connect(tree, &QTreeWidget::itemChanged, this, [this] {
            updateHint();
            Q_EMIT completeChanged();
        });
    }
}

void RemoteAccessPointsPage::addItem(QTreeWidget *tree, const QUrl &url, const QString &origin,
                                     bool checked, const cim::ObjectPath &path)
{
    const QString key = engine::remotenames::peerKey(url);
    for (int i = 0; i < tree->topLevelItemCount(); ++i) {
        if (engine::remotenames::peerKey(tree->topLevelItem(i)->data(0, UrlRole).toUrl()) == key)
            return;
    }
    const bool management = isManagement(url);
    auto *item =
        new QTreeWidgetItem(tree, {url.toString(),
                                   management ? tr("Management (WS-Management)")
                                              : (isData(url) ? tr("Data (NBD)") : tr("Other")),
                                   origin});
    item->setIcon(0, themedIcon(management ? QStringLiteral("network-server")
                                           : QStringLiteral("drive-harddisk")));
    item->setData(0, UrlRole, url);
    item->setData(0, PathRole, path.toString());
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
    item->setCheckState(0, checked ? Qt::Checked : Qt::Unchecked);
    item->setToolTip(0, url.toString());
}

void RemoteAccessPointsPage::initializePage()
{
    auto *w = qobject_cast<RemoteCollectionWizard *>(wizard());
    SystemInventory *peer = w ? w->peer() : nullptr;
    wsman::WsmanTransport *transport = w ? w->peerTransport() : nullptr;
    const QString peerName = w ? w->trustPage()->peerSystemName() : QString();
    const QString here =
        system() && system()->client() ? system()->client()->displayName() : QString();
    m_peerTitle->setText(tr("<b>Peer</b> (%1)").arg(peerName.toHtmlEscaped()));
    m_localTitle->setText(tr("<b>This side</b> (%1)").arg(here.toHtmlEscaped()));
    banner()->clearMessage();
    const QSignalBlocker blockLocal(m_localTree);
    const QSignalBlocker blockPeer(m_peerTree);
    m_localTree->clear();
    m_peerTree->clear();
    const int generation = ++m_generation;
    // The address the console reached the peer at is known to work from here: it comes first
    // and is the management endpoint chosen unless the user picks another.
    if (transport)
        addItem(m_peerTree, transport->endpoint(), tr("Connected"), true);

    const QString endpointClass = engine::remotenames::protocolEndpointClass();
    m_pending = 0;
    auto load = [this, generation, endpointClass](SystemInventory *side, QTreeWidget *tree,
                                                  bool peerSide) {
        if (!side || !side->client())
            return;
        ++m_pending;
        whenReady(side->client()->enumerateInstances(endpointClass), this,
                  [this, generation, tree,
                   peerSide](const std::optional<cim::Result<QList<cim::Instance>>> &answer) {
                      if (generation != m_generation)
                          return;
                      --m_pending;
                      if (answer && *answer) {
                          const QSignalBlocker block(tree);
                          for (const cim::Instance &point : **answer) {
                              const QUrl url(point.property(u"Name").toString());
                              // A second management endpoint of the peer is offered unchecked:
                              // the collection signs in through one.
                              const bool checked = !peerSide || !isManagement(url);
                              addItem(tree, url, tr("Advertised"), checked, point.path());
                          }
                      } else if (answer && !peerSide) {
                          // A system without remote collections has no endpoints to list.
                          if (answer->error().code != quint32(cim::ReturnCode::NotSupported))
                              banner()->showMessage(errorText(answer->error()),
                                                    MessageBanner::Kind::Warning);
                      } else if (answer) {
                          banner()->showMessage(tr("The peer did not list its endpoints: %1")
                                                    .arg(errorText(answer->error())),
                                                MessageBanner::Kind::Warning);
                      }
                      updateHint();
                      Q_EMIT completeChanged();
                  });
    };
    load(system(), m_localTree, false);
    load(peer, m_peerTree, true);
    updateHint();
    Q_EMIT completeChanged();
}

QList<cim::ObjectPath> RemoteAccessPointsPage::localPoints() const
{
    QList<cim::ObjectPath> out;
    for (int i = 0; i < m_localTree->topLevelItemCount(); ++i) {
        const QTreeWidgetItem *item = m_localTree->topLevelItem(i);
        if (item->checkState(0) != Qt::Checked)
            continue;
        if (auto path = cim::ObjectPath::fromString(item->data(0, PathRole).toString()))
            out.append(*path);
    }
    return out;
}

QList<QUrl> RemoteAccessPointsPage::remoteUrls() const
{
    QList<QUrl> out;
    for (int i = 0; i < m_peerTree->topLevelItemCount(); ++i) {
        const QTreeWidgetItem *item = m_peerTree->topLevelItem(i);
        if (item->checkState(0) == Qt::Checked)
            out.append(item->data(0, UrlRole).toUrl());
    }
    return out;
}

QUrl RemoteAccessPointsPage::managementUrl() const
{
    QList<QUrl> management;
    for (const QUrl &url : remoteUrls()) {
        if (isManagement(url))
            management.append(url);
    }
    return management.size() == 1 ? management.constFirst() : QUrl();
}

void RemoteAccessPointsPage::updateHint()
{
    int management = 0;
    int data = 0;
    for (const QUrl &url : remoteUrls()) {
        management += isManagement(url) ? 1 : 0;
        data += isData(url) ? 1 : 0;
    }
    QString hint;
    if (m_pending > 0)
        hint = tr("Looking for endpoints on both sides…");
    else if (management == 0)
        hint = tr("Choose the peer's management address: the engine signs in to the peer there.");
    else if (management > 1)
        hint = tr("Choose only one management address of the peer: a collection reaches its peer "
                  "through one.");
    else if (data == 0)
        hint = tr("No data address of the peer is chosen: the collection can be recorded, but no "
                  "blocks can be copied to the peer through it until one is added.");
    else if (m_localTree->topLevelItemCount() == 0)
        hint = tr("This side offers no endpoint of its own (the embedded engine serves none): "
                  "replicas go from here to the peer.");
    m_hint->setText(hint);
}

bool RemoteAccessPointsPage::isComplete() const
{
    return m_pending == 0 && !managementUrl().isEmpty();
}

} // namespace rd::ui
