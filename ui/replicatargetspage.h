#pragma once
// Create Replica, page 3: where the replicas go. New volumes in a chosen pool (names applied in
// source order, free space checked), existing volumes that are big enough and free, or new
// volumes on another system reached through an active remote collection (clones and mirrors, as
// the capabilities list them; a snapshot stays with its source).

#include "cim/instance.h"
#include "replicawizardpage.h"

class QButtonGroup;
class QComboBox;
class QFormLayout;
class QLabel;
class QRadioButton;
class QStackedWidget;
class QTableWidget;

namespace rd::ui {

class ReplicaTargetsPage final : public ReplicaWizardPage
{
    Q_OBJECT
    Q_PROPERTY(int targetChoice READ targetChoice NOTIFY targetsChanged)
    Q_PROPERTY(QStringList targetPaths READ targetPaths NOTIFY targetsChanged)
    Q_PROPERTY(QString poolPath READ poolPath NOTIFY targetsChanged)
    Q_PROPERTY(QStringList elementNames READ elementNames NOTIFY targetsChanged)
    Q_PROPERTY(QString accessPointPath READ accessPointPath NOTIFY targetsChanged)
public:
    explicit ReplicaTargetsPage(SystemInventory *system, QWidget *parent = nullptr);

    int targetChoice() const;
    QStringList targetPaths() const; // existing targets, one per source ("" where none chosen)
    QString poolPath() const;
    QStringList elementNames() const;
    // PeerTargets: the peer's data endpoint the replicas are made through.
    QString accessPointPath() const;

    QRadioButton *newButton() const { return m_newButton; }
    QRadioButton *existingButton() const { return m_existingButton; }
    QRadioButton *peerButton() const { return m_peerButton; }
    QComboBox *peerCombo() const { return m_peer; }
    bool isLoadingPeers() const { return m_loadingPeers; }
    QComboBox *poolCombo() const { return m_pool; }
    QTableWidget *namesTable() const { return m_names; }
    QTableWidget *existingTable() const { return m_existing; }
    // The combo that picks the existing target of source row.
    QComboBox *targetCombo(int row) const;

    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;

Q_SIGNALS:
    void targetsChanged();

private:
    void rebuildRows();
    void fillPools();
    // The active remote collections with a data endpoint, asked of the system.
    void fillPeers();
    void updatePeerChoice();
    void updateSpace();
    void changed();
    // Bytes the new replicas will take in their pool, about.
    quint64 neededBytes() const;
    std::optional<quint64> poolFree() const;

    QList<cim::Instance> m_sources;
    QList<cim::Instance> m_pools;
    int m_syncType = 0;
    int m_mode = 0;    // as chosen on the type page; 0: the system decides
    QString m_rowsFor; // the sources and type the rows were built for
    QButtonGroup *m_choice;
    QRadioButton *m_newButton;
    QRadioButton *m_existingButton;
    QStackedWidget *m_stack;
    QRadioButton *m_peerButton;
    QComboBox *m_pool;
    QComboBox *m_peer;
    QLabel *m_peerHint;
    QFormLayout *m_newForm;
    bool m_loadingPeers = false;
    bool m_peersOffered = false;
    int m_peerRequest = 0;
    QLabel *m_space;
    QTableWidget *m_names;
    QTableWidget *m_existing;
    QLabel *m_existingHint;
};

} // namespace rd::ui
