#include "detailspane.h"

#include "propertytablemodel.h"
#include "storagefigures.h"
#include "valueformat.h"
#include "volumeaccesspanel.h"

#include <QHeaderView>
#include <QLabel>
#include <QScrollArea>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace rd::ui {

DetailsPane::DetailsPane(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_subtitle(new QLabel(this))
    , m_stack(new QStackedWidget(this))
    , m_view(new QTableView(this))
    , m_model(new PropertyTableModel(this))
    , m_access(new VolumeAccessPanel(this))
    , m_accessScroll(new QScrollArea(this))
{
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_subtitle->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_subtitle->setForegroundRole(QPalette::PlaceholderText);

    m_view->setModel(m_model);
    m_view->setObjectName(QStringLiteral("propertyTable"));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->setTextElideMode(Qt::ElideMiddle); // long object paths keep their ends
    m_view->setShowGrid(false);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(PropertyTableModel::NameColumn,
                                                     QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);

    auto *hint = new QLabel(tr("Select a system, pool, volume, synchronization or job in the "
                               "navigator to see its properties."),
                            this);
    hint->setAlignment(Qt::AlignCenter);
    hint->setWordWrap(true);
    hint->setForegroundRole(QPalette::PlaceholderText);

    m_accessScroll->setObjectName(QStringLiteral("volumeAccessScroll"));
    m_accessScroll->setWidget(m_access);
    m_accessScroll->setWidgetResizable(true);
    m_accessScroll->setFrameShape(QFrame::NoFrame);
    m_accessScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->setChildrenCollapsible(false);
    split->addWidget(m_view);
    split->addWidget(m_accessScroll);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 2);

    m_stack->addWidget(hint);
    m_stack->addWidget(split);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 0);
    layout->addWidget(m_title);
    layout->addWidget(m_subtitle);
    layout->addWidget(m_stack, 1);
    showInstance({});
}

void DetailsPane::showInstance(const cim::Instance &instance, const QString &title,
                               SystemInventory *system)
{
    m_model->setInstance(instance);
    m_access->showVolume(system, instance);
    m_accessScroll->setVisible(!m_access->isHidden());
    const bool empty = instance.isEmpty();
    m_title->setText(!title.isEmpty() ? title : empty ? tr("Details") : instanceLabel(instance));
    // Pools and volumes say how much space they have and take (volumes are thin).
    const QString allocation = allocationSummary(instance);
    m_subtitle->setText(empty ? QString()
                        : allocation.isEmpty()
                            ? instance.className()
                            : tr("%1 — %2").arg(instance.className(), allocation));
    m_subtitle->setVisible(!empty);
    m_stack->setCurrentIndex(empty ? 0 : 1);
}

} // namespace rd::ui
