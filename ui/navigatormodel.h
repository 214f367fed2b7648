#pragma once
// The navigator's tree: Systems → each system → its storage pools → their volumes;
// Synchronizations; Jobs. Built from SystemInventory objects and updated in place (rows are
// inserted, removed and changed, never reset), so selection and expansion survive a refresh.

#include "cim/instance.h"

#include <QAbstractItemModel>
#include <QIcon>
#include <QList>
#include <QPointer>

#include <memory>
#include <vector>

namespace rd::ui {

class SystemInventory;

class NavigatorModel final : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum class Kind { Group, System, Pool, Volume, Synchronization, Job };
    Q_ENUM(Kind)
    enum Role { KindRole = Qt::UserRole + 1, ClassNameRole };

    explicit NavigatorModel(QObject *parent = nullptr);
    ~NavigatorModel() override;
    Q_DISABLE_COPY_MOVE(NavigatorModel)

    // Shows a system; the model follows its inventory until it is destroyed.
    void addSystem(SystemInventory *inventory);

    QModelIndex systemsIndex() const;
    QModelIndex synchronizationsIndex() const;
    QModelIndex jobsIndex() const;
    Kind kind(const QModelIndex &index) const;
    // The system an item belongs to; null for groups.
    SystemInventory *systemOf(const QModelIndex &index) const;
    // The instance an item stands for; empty for groups (and a system not yet loaded).
    cim::Instance instance(const QModelIndex &index) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    struct Node;
    struct Spec;

    void rebuild();
    std::vector<Spec> systemSpecs() const;
    std::vector<Spec> synchronizationSpecs() const;
    std::vector<Spec> jobSpecs() const;
    void reconcile(Node *node, const std::vector<Spec> &specs);
    static std::unique_ptr<Node> makeNode(const Spec &spec, Node *parent);
    QModelIndex indexOf(const Node *node) const;
    Node *nodeOf(const QModelIndex &index) const;

    std::unique_ptr<Node> m_root;
    Node *m_systems = nullptr;
    Node *m_synchronizations = nullptr;
    Node *m_jobs = nullptr;
    QList<QPointer<SystemInventory>> m_inventories;
    QIcon m_groupIcon, m_systemIcon, m_poolIcon, m_volumeIcon, m_syncIcon, m_jobIcon;
};

} // namespace rd::ui
