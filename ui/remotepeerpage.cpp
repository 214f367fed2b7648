#include "remotepeerpage.h"

#include "cimclasses.h"
#include "icons.h"
#include "systeminventory.h"
#include "wsman/wsmantransport.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace rd::ui {

RemotePeerPage::RemotePeerPage(SystemInventory *local, PeerList peers, QWidget *parent)
    : ReplicaWizardPage(local, parent)
    , m_peers(std::move(peers))
    , m_list(new QListWidget(this))
    , m_empty(new QLabel(this))
    , m_connect(new QPushButton(themedIcon(QStringLiteral("computer")),
                                tr("&Connect to Another System…"), this))
{
    setObjectName(QStringLiteral("peerPage"));
    setTitle(tr("Peer System"));
    setSubTitle(tr("Choose the system that will hold the replicas. It must run a ReplicaDesk "
                   "engine; connect to it first if it is not listed."));
    m_list->setObjectName(QStringLiteral("peerList"));
    m_list->setIconSize(QSize(32, 32));
    m_list->setSpacing(2);
    m_empty->setObjectName(QStringLiteral("noPeers"));
    m_empty->setWordWrap(true);
    m_empty->setText(tr("No remote system is connected. Use “Connect to Another System…” with the "
                        "address of a computer running replicadesk-engined, and a user it "
                        "knows."));
    m_connect->setObjectName(QStringLiteral("connectPeer"));
    auto *row = new QHBoxLayout;
    row->addStretch(1);
    row->addWidget(m_connect);
    contentLayout()->addWidget(m_list, 1);
    contentLayout()->addWidget(m_empty);
    contentLayout()->addLayout(row);
    connect(m_list, &QListWidget::currentRowChanged, this, &QWizardPage::completeChanged);
    connect(m_connect, &QPushButton::clicked, this, &RemotePeerPage::connectRequested);
    reload();
}

void RemotePeerPage::reload()
{
    SystemInventory *before = peer();
    const QList<SystemInventory *> now = m_peers ? m_peers() : QList<SystemInventory *>();
    SystemInventory *added = nullptr;
    for (SystemInventory *s : now) {
        if (m_listed && s && s != system() && !m_shown.contains(s))
            added = s;
    }
    m_listed = true;
    m_list->clear();
    m_shown.clear();
    for (SystemInventory *s : now) {
        if (!s || !s->client() || s == system())
            continue;
        const auto *transport = qobject_cast<const wsman::WsmanTransport *>(s->client());
        const QString address = transport ? transport->endpoint().toString() : QString();
        // The system's own name once it has been read; the address it was reached at below.
        const QList<cim::Instance> systems = s->instances(classes::computerSystem());
        const QString name = systems.isEmpty() ? s->client()->displayName()
                                               : systems.constFirst().property(u"Name").toString();
        auto *item = new QListWidgetItem(themedIcon(QStringLiteral("network-server")),
                                         QStringLiteral("%1\n%2").arg(name, address), m_list);
        item->setToolTip(address);
        // Named as soon as the system answers.
        connect(s, &SystemInventory::loaded, this, &RemotePeerPage::reload, Qt::UniqueConnection);
        m_shown.append(s);
    }
    SystemInventory *select = added ? added : before;
    const int row = select ? int(m_shown.indexOf(select)) : -1;
    m_list->setCurrentRow(row >= 0 ? row : (m_shown.size() == 1 ? 0 : -1));
    m_list->setVisible(!m_shown.isEmpty());
    m_empty->setVisible(m_shown.isEmpty());
    Q_EMIT completeChanged();
}

SystemInventory *RemotePeerPage::peer() const
{
    const int row = m_list->currentRow();
    return row >= 0 && row < m_shown.size() ? m_shown.at(row).data() : nullptr;
}

bool RemotePeerPage::isComplete() const
{
    return peer() != nullptr;
}

} // namespace rd::ui
