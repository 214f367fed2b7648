#include "jobsdock.h"

#include "jobactions.h"
#include "jobtablemodel.h"
#include "progressbardelegate.h"

#include <QAction>
#include <QHeaderView>
#include <QTableView>

namespace rd::ui {

JobsDock::JobsDock(JobActions *actions, QWidget *parent)
    : QDockWidget(tr("Jobs"), parent)
    , m_actions(actions)
    , m_model(new JobTableModel(this))
    , m_view(new QTableView(this))
{
    setObjectName(QStringLiteral("jobsDock"));
    setFeatures(DockWidgetClosable | DockWidgetMovable | DockWidgetFloatable);
    setAllowedAreas(Qt::BottomDockWidgetArea | Qt::TopDockWidgetArea);

    m_view->setObjectName(QStringLiteral("jobTable"));
    m_view->setModel(m_model);
    m_view->setItemDelegateForColumn(JobTableModel::ProgressColumn,
                                     new ProgressBarDelegate(JobTableModel::PercentRole, m_view));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setShowGrid(false);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    QHeaderView *header = m_view->horizontalHeader();
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    // The name takes what the fixed-width columns leave; long results show in full as tooltips.
    header->setStretchLastSection(false);
    header->setSectionResizeMode(JobTableModel::NameColumn, QHeaderView::Stretch);
    header->resizeSection(JobTableModel::StateColumn, 110);
    header->resizeSection(JobTableModel::ProgressColumn, 150);
    header->resizeSection(JobTableModel::StartedColumn, 160);
    header->resizeSection(JobTableModel::ResultColumn, 180);

    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_view->addActions(
        {actions->suspendAction(), actions->resumeAction(), actions->cancelAction()});
    setWidget(m_view);

    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &JobsDock::updateCurrentJob);
    // A refresh may change the selected job's state, and with it which actions apply.
    connect(m_model, &QAbstractItemModel::dataChanged, this, &JobsDock::updateCurrentJob);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &JobsDock::updateCurrentJob);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &JobsDock::selectPendingJob);
}

void JobsDock::followJob(const cim::ObjectPath &job)
{
    m_pendingJob = job;
    show();
    raise();
    selectPendingJob();
}

bool JobsDock::selectPendingJob()
{
    if (m_pendingJob.isEmpty())
        return false;
    const int row = m_model->rowOf(m_pendingJob);
    if (row < 0)
        return false;
    m_pendingJob = cim::ObjectPath();
    m_view->selectRow(row);
    m_view->setCurrentIndex(m_model->index(row, 0));
    m_view->scrollTo(m_model->index(row, 0));
    return true;
}

void JobsDock::addSystem(SystemInventory *inventory)
{
    m_model->addSystem(inventory);
}

void JobsDock::updateCurrentJob()
{
    const int row = m_view->selectionModel()->currentIndex().row();
    m_actions->setJob(m_model->systemOf(row), m_model->job(row));
}

} // namespace rd::ui
