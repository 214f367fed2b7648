#pragma once
// Create Replica, page 1: the source volumes (several, all of one class), checked in a table.

#include "replicawizardpage.h"

class QTableView;

namespace rd::ui {

class SourceVolumeModel;

class ReplicaSourcesPage final : public ReplicaWizardPage
{
    Q_OBJECT
    Q_PROPERTY(QStringList sourcePaths READ sourcePaths NOTIFY sourcesChanged)
public:
    explicit ReplicaSourcesPage(SystemInventory *system, QWidget *parent = nullptr);

    QStringList sourcePaths() const;
    SourceVolumeModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    // Checks these volumes (path text), as when the wizard starts from a selected volume.
    void preselect(const QStringList &paths);

    bool isComplete() const override;
    bool validatePage() override;

Q_SIGNALS:
    void sourcesChanged();

private:
    SourceVolumeModel *m_model;
    QTableView *m_view;
};

} // namespace rd::ui
