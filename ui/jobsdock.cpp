#include "jobsdock.h"

#include "jobactions.h"
#include "jobdetailsdialog.h"
#include "jobtablemodel.h"
#include "progressbardelegate.h"
#include "throughputchart.h"
#include "valueformat.h"

#include <QAction>
#include <QHeaderView>
#include <QSplitter>
#include <QTableView>

namespace rd::ui {

JobsDock::JobsDock(JobActions *actions, QWidget *parent)
    : QDockWidget(tr("Jobs"), parent)
    , m_actions(actions)
    , m_model(new JobTableModel(this))
    , m_view(new QTableView(this))
    , m_chart(new ThroughputChart(this))
    , m_splitter(new QSplitter(Qt::Horizontal, this))
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
    header->resizeSection(JobTableModel::SystemColumn, 100);
    header->resizeSection(JobTableModel::StateColumn, 80);
    header->resizeSection(JobTableModel::ProgressColumn, 100);
    header->resizeSection(JobTableModel::ThroughputColumn, 90);
    header->resizeSection(JobTableModel::TimeLeftColumn, 70);
    header->resizeSection(JobTableModel::StartedColumn, 165);
    header->resizeSection(JobTableModel::ResultColumn, 100);
    header->setMinimumSectionSize(40);

    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_view->addActions(
        {actions->suspendAction(), actions->resumeAction(), actions->cancelAction()});
    m_splitter->setObjectName(QStringLiteral("jobSplitter"));
    m_splitter->addWidget(m_view);
    m_splitter->addWidget(m_chart);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setSizes({960, 300});
    m_splitter->setChildrenCollapsible(true);
    setWidget(m_splitter);

    connect(m_view, &QTableView::doubleClicked, this,
            [this](const QModelIndex &index) { showDetails(index.row()); });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &JobsDock::updateChart);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &JobsDock::updateChart);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &JobsDock::updateChart);

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

void JobsDock::updateChart()
{
    const int row = m_view->selectionModel()->currentIndex().row();
    if (row < 0 || row >= m_model->rowCount()) {
        m_chart->clear();
        return;
    }
    m_chart->setSeries(m_model->history().rateSeries(m_model->keyOf(row)),
                       instanceLabel(m_model->job(row)));
}

void JobsDock::showDetails(int row)
{
    if (row < 0 || row >= m_model->rowCount())
        return;
    auto *dialog = new JobDetailsDialog(m_model->systemOf(row), m_model->job(row), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
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
