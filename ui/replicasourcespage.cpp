#include "replicasourcespage.h"

#include "createreplicarequest.h"
#include "messagebanner.h"
#include "sourcevolumemodel.h"

#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>

namespace rd::ui {

ReplicaSourcesPage::ReplicaSourcesPage(SystemInventory *system, QWidget *parent)
    : ReplicaWizardPage(system, parent)
    , m_model(new SourceVolumeModel(system, this))
    , m_view(new QTableView(this))
{
    setObjectName(QStringLiteral("sourcesPage"));
    setTitle(tr("Sources"));
    setSubTitle(tr("Check the volumes to replicate. One request copies several volumes at the "
                   "same time; they must all be of one kind."));
    m_view->setObjectName(QStringLiteral("sourceTable"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::NoSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setShowGrid(false);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    QHeaderView *header = m_view->horizontalHeader();
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    header->setSectionResizeMode(SourceVolumeModel::NameColumn, QHeaderView::Stretch);
    for (int c : {int(SourceVolumeModel::SizeColumn), int(SourceVolumeModel::AllocatedColumn),
                  int(SourceVolumeModel::PoolColumn)})
        header->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    contentLayout()->addWidget(m_view);

    registerField(replicafield::sources, this, "sourcePaths", SIGNAL(sourcesChanged()));
    connect(m_model, &SourceVolumeModel::checkedChanged, this, [this] {
        banner()->clearMessage();
        Q_EMIT sourcesChanged();
        Q_EMIT completeChanged();
    });
}

QStringList ReplicaSourcesPage::sourcePaths() const
{
    return m_model->checkedPaths();
}

void ReplicaSourcesPage::preselect(const QStringList &paths)
{
    m_model->setCheckedPaths(paths);
}

bool ReplicaSourcesPage::isComplete() const
{
    return !m_model->checkedPaths().isEmpty();
}

bool ReplicaSourcesPage::validatePage()
{
    banner()->clearMessage();
    return isComplete();
}

} // namespace rd::ui
