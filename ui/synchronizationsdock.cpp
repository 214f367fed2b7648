#include "synchronizationsdock.h"

#include "progressbardelegate.h"
#include "synchronizationactions.h"
#include "synchronizationmodel.h"

#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

namespace rd::ui {

SynchronizationsDock::SynchronizationsDock(SynchronizationActions *actions, QWidget *parent)
    : QDockWidget(tr("Synchronizations"), parent)
    , m_actions(actions)
    , m_model(new SynchronizationModel(this))
    , m_view(new QTableView(this))
    , m_toolBar(new QToolBar(this))
    , m_reason(new QLabel(this))
{
    setObjectName(QStringLiteral("synchronizationsDock"));
    setFeatures(DockWidgetClosable | DockWidgetMovable | DockWidgetFloatable);
    setAllowedAreas(Qt::BottomDockWidgetArea | Qt::TopDockWidgetArea);

    m_view->setObjectName(QStringLiteral("synchronizationTable"));
    m_view->setModel(m_model);
    m_view->setItemDelegateForColumn(
        SynchronizationModel::SyncedColumn,
        new ProgressBarDelegate(SynchronizationModel::PercentRole, m_view));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setShowGrid(false);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    QHeaderView *header = m_view->horizontalHeader();
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    header->setStretchLastSection(false);
    header->setSectionResizeMode(SynchronizationModel::SourceColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(SynchronizationModel::ReplicaColumn, QHeaderView::Stretch);
    header->resizeSection(SynchronizationModel::TypeColumn, 80);
    header->resizeSection(SynchronizationModel::ModeColumn, 100);
    header->resizeSection(SynchronizationModel::CopyStateColumn, 120);
    header->resizeSection(SynchronizationModel::ProgressStatusColumn, 120);
    header->resizeSection(SynchronizationModel::SyncedColumn, 110);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_view->addActions(actions->actions());

    m_toolBar->setObjectName(QStringLiteral("synchronizationToolBar"));
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_toolBar->setIconSize(QSize(16, 16));
    m_toolBar->addActions(actions->actions());
    m_reason->setObjectName(QStringLiteral("synchronizationReason"));
    m_reason->setWordWrap(true);
    m_reason->setForegroundRole(QPalette::PlaceholderText);

    auto *content = new QWidget(this);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_toolBar);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_reason);
    setWidget(content);

    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &SynchronizationsDock::updateCurrent);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &SynchronizationsDock::updateReason);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &SynchronizationsDock::updateCurrent);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &SynchronizationsDock::updateReason);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &SynchronizationsDock::updateCurrent);
    connect(actions, &SynchronizationActions::availabilityChanged, this,
            &SynchronizationsDock::updateReason);
    updateReason();
}

void SynchronizationsDock::addSystem(SystemInventory *inventory)
{
    m_model->addSystem(inventory);
}

void SynchronizationsDock::updateCurrent()
{
    const int row = m_view->selectionModel()->currentIndex().row();
    m_actions->setSynchronization(m_model->systemOf(row), m_model->synchronization(row));
}

void SynchronizationsDock::updateReason()
{
    const QString text = m_actions->unavailableText();
    const QModelIndex current = m_view->selectionModel()->currentIndex();
    // What the selected pair's state means comes first: it says what to do.
    const QString status =
        current.isValid()
            ? m_model->index(current.row(), 0).data(SynchronizationModel::StatusTextRole).toString()
            : QString();
    if (!status.isEmpty()) {
        m_reason->setText(text.isEmpty() ? status : status + u'\n' + text);
    } else {
        m_reason->setText(
            text.isEmpty() && m_model->rowCount() > 0 && !current.isValid()
                ? tr("Select a synchronization to fracture, resync, restore or detach it.")
                : text);
    }
    m_reason->setVisible(!m_reason->text().isEmpty());
}

} // namespace rd::ui
