#include "navigatormodel.h"

#include "cimclasses.h"
#include "icons.h"
#include "storagefigures.h"
#include "systeminventory.h"
#include "valueformat.h"

#include <QFont>
#include <QHash>
#include <QSet>

namespace rd::ui {

struct NavigatorModel::Node
{
    Kind kind = Kind::Group;
    QString key;
    QString label;
    QString toolTip;
    cim::Instance instance;
    Node *parent = nullptr;
    std::vector<std::unique_ptr<Node>> children;

    int row() const
    {
        if (!parent)
            return 0;
        for (size_t i = 0; i < parent->children.size(); ++i) {
            if (parent->children[i].get() == this)
                return int(i);
        }
        return 0;
    }
};

struct NavigatorModel::Spec
{
    Kind kind = Kind::Group;
    QString key;
    QString label;
    QString toolTip;
    cim::Instance instance;
    std::vector<Spec> children;
};

namespace {

// Paths compare without their namespace: a REF may carry it where the instance's own path does not.
QString pathKey(cim::ObjectPath path)
{
    path.setNameSpace(QString());
    return path.toString();
}

QString instanceKey(const cim::Instance &instance)
{
    if (!instance.path().isEmpty())
        return pathKey(instance.path());
    return instance.className() + u'|' + instanceLabel(instance);
}

cim::ObjectPath referenceProperty(const cim::Instance &instance, QStringView name)
{
    const cim::Value v = instance.property(name);
    if (v.isTyped() && !v.isNull() && !v.isArray() && v.type() == cim::CimType::Reference)
        return v.toReference();
    return {};
}

QString stringProperty(const cim::Instance &instance, QStringView name)
{
    const cim::Value v = instance.property(name);
    if (v.isTyped() && !v.isNull() && !v.isArray() && v.type() == cim::CimType::String)
        return v.toString();
    return {};
}

QString mappedProperty(const cim::Instance &instance, QStringView name)
{
    return formatValue(name, instance.property(name));
}

} // namespace

NavigatorModel::NavigatorModel(QObject *parent)
    : QAbstractItemModel(parent)
    , m_root(std::make_unique<Node>())
    , m_groupIcon(themedIcon(QStringLiteral("folder")))
    , m_systemIcon(themedIcon(QStringLiteral("computer")))
    , m_poolIcon(themedIcon(QStringLiteral("drive-multidisk")))
    , m_volumeIcon(themedIcon(QStringLiteral("drive-harddisk")))
    , m_syncIcon(themedIcon(QStringLiteral("emblem-synchronizing")))
    , m_jobIcon(themedIcon(QStringLiteral("system-run")))
{
    const auto addGroup = [this](const QString &key, const QString &label) {
        auto node = std::make_unique<Node>();
        node->key = key;
        node->label = label;
        node->parent = m_root.get();
        Node *raw = node.get();
        m_root->children.push_back(std::move(node));
        return raw;
    };
    m_systems = addGroup(QStringLiteral("systems"), tr("Systems"));
    m_synchronizations = addGroup(QStringLiteral("synchronizations"), tr("Synchronizations"));
    m_jobs = addGroup(QStringLiteral("jobs"), tr("Jobs"));
}

NavigatorModel::~NavigatorModel() = default;

void NavigatorModel::addSystem(SystemInventory *inventory)
{
    m_inventories.append(inventory);
    connect(inventory, &SystemInventory::instancesChanged, this, &NavigatorModel::rebuild);
    connect(inventory, &QObject::destroyed, this, [this] {
        m_inventories.removeAll(nullptr);
        rebuild();
    });
    rebuild();
}

QModelIndex NavigatorModel::systemsIndex() const
{
    return indexOf(m_systems);
}

QModelIndex NavigatorModel::synchronizationsIndex() const
{
    return indexOf(m_synchronizations);
}

QModelIndex NavigatorModel::jobsIndex() const
{
    return indexOf(m_jobs);
}

NavigatorModel::Kind NavigatorModel::kind(const QModelIndex &index) const
{
    const Node *node = nodeOf(index);
    return node ? node->kind : Kind::Group;
}

cim::Instance NavigatorModel::instance(const QModelIndex &index) const
{
    const Node *node = nodeOf(index);
    return node ? node->instance : cim::Instance();
}

SystemInventory *NavigatorModel::systemOf(const QModelIndex &index) const
{
    // Every item below a group is keyed "<system's position>|…".
    const Node *node = index.isValid() ? nodeOf(index) : nullptr;
    if (!node || node->kind == Kind::Group)
        return nullptr;
    bool ok = false;
    const int position = node->key.section(u'|', 0, 0).toInt(&ok);
    return ok && position >= 0 && position < m_inventories.size()
               ? m_inventories.at(position).data()
               : nullptr;
}

void NavigatorModel::rebuild()
{
    reconcile(m_systems, systemSpecs());
    reconcile(m_synchronizations, synchronizationSpecs());
    reconcile(m_jobs, jobSpecs());
}

std::vector<NavigatorModel::Spec> NavigatorModel::systemSpecs() const
{
    std::vector<Spec> systems;
    for (qsizetype i = 0; i < m_inventories.size(); ++i) {
        const SystemInventory *inventory = m_inventories.at(i);
        if (!inventory || !inventory->client())
            continue;
        const QString prefix = QString::number(i) + u'|';
        const engine::CimClient *client = inventory->client();

        Spec system;
        system.kind = Kind::System;
        system.key = prefix + QStringLiteral("system");
        system.label = client->isLocal() ? tr("%1 (embedded engine)").arg(client->displayName())
                                         : client->displayName();
        const QList<cim::Instance> computers = inventory->instances(classes::computerSystem());
        if (!computers.isEmpty()) {
            system.instance = computers.constFirst();
            system.toolTip =
                tr("%1 — namespace %2").arg(instanceLabel(system.instance), client->nameSpace());
        }

        // Which pool each volume was allocated from: the association when the system serves it,
        // otherwise the volume's PoolID.
        const QList<cim::Instance> pools = inventory->instances(classes::storagePool());
        QHash<QString, QString> poolOfVolume;
        for (const cim::Instance &link :
             inventory->instances(classes::allocatedFromStoragePool())) {
            const cim::ObjectPath pool = referenceProperty(link, u"Antecedent");
            const cim::ObjectPath volume = referenceProperty(link, u"Dependent");
            if (!pool.isEmpty() && !volume.isEmpty())
                poolOfVolume.insert(pathKey(volume), pathKey(pool));
        }
        QHash<QString, QString> poolById;
        for (const cim::Instance &pool : pools) {
            for (const auto name : {u"PoolID", u"InstanceID"}) {
                const QString id = stringProperty(pool, QStringView(name));
                if (!id.isEmpty())
                    poolById.insert(id, instanceKey(pool));
            }
        }

        QHash<QString, std::vector<Spec>> volumesOfPool;
        std::vector<Spec> unplaced;
        for (const cim::Instance &volume : inventory->instances(classes::storageVolume())) {
            Spec spec;
            spec.kind = Kind::Volume;
            spec.key = prefix + instanceKey(volume);
            spec.label = instanceLabel(volume);
            spec.toolTip = allocationSummary(volume);
            spec.instance = volume;
            QString pool = poolOfVolume.value(instanceKey(volume));
            if (pool.isEmpty())
                pool = poolById.value(stringProperty(volume, u"PoolID"));
            if (pool.isEmpty())
                unplaced.push_back(std::move(spec));
            else
                volumesOfPool[pool].push_back(std::move(spec));
        }
        for (const cim::Instance &pool : pools) {
            Spec spec;
            spec.kind = Kind::Pool;
            spec.key = prefix + instanceKey(pool);
            spec.label = instanceLabel(pool);
            spec.toolTip = allocationSummary(pool);
            spec.instance = pool;
            spec.children = volumesOfPool.take(instanceKey(pool));
            system.children.push_back(std::move(spec));
        }
        for (auto &rest : volumesOfPool) // a pool we did not get: show its volumes anyway
            std::move(rest.begin(), rest.end(), std::back_inserter(unplaced));
        std::move(unplaced.begin(), unplaced.end(), std::back_inserter(system.children));
        systems.push_back(std::move(system));
    }
    return systems;
}

std::vector<NavigatorModel::Spec> NavigatorModel::synchronizationSpecs() const
{
    std::vector<Spec> specs;
    for (qsizetype i = 0; i < m_inventories.size(); ++i) {
        const SystemInventory *inventory = m_inventories.at(i);
        if (!inventory)
            continue;
        QHash<QString, QString> volumeNames;
        for (const cim::Instance &volume : inventory->instances(classes::storageVolume()))
            volumeNames.insert(instanceKey(volume), instanceLabel(volume));
        // Elsewhere (a replica on a peer): as another followed system lists it, or by its key
        // and system name.
        const auto nameOf = [&](const cim::ObjectPath &path) {
            if (path.isEmpty())
                return tr("unknown");
            const auto it = volumeNames.constFind(pathKey(path));
            return it != volumeNames.cend() ? *it : referenceLabel(path, inventory, m_inventories);
        };
        for (const cim::Instance &sync : inventory->instances(classes::storageSynchronized())) {
            Spec spec;
            spec.kind = Kind::Synchronization;
            spec.key = QString::number(i) + u'|' + instanceKey(sync);
            spec.label = tr("%1 → %2").arg(nameOf(referenceProperty(sync, u"SystemElement")),
                                           nameOf(referenceProperty(sync, u"SyncedElement")));
            spec.toolTip = tr("%1, %2").arg(mappedProperty(sync, u"SyncType"),
                                            mappedProperty(sync, u"CopyState"));
            spec.instance = sync;
            specs.push_back(std::move(spec));
        }
    }
    return specs;
}

std::vector<NavigatorModel::Spec> NavigatorModel::jobSpecs() const
{
    std::vector<Spec> specs;
    for (qsizetype i = 0; i < m_inventories.size(); ++i) {
        const SystemInventory *inventory = m_inventories.at(i);
        if (!inventory)
            continue;
        for (const cim::Instance &job : inventory->instances(classes::concreteJob())) {
            Spec spec;
            spec.kind = Kind::Job;
            spec.key = QString::number(i) + u'|' + instanceKey(job);
            spec.label = instanceLabel(job);
            spec.toolTip = mappedProperty(job, u"JobState");
            spec.instance = job;
            specs.push_back(std::move(spec));
        }
    }
    return specs;
}

std::unique_ptr<NavigatorModel::Node> NavigatorModel::makeNode(const Spec &spec, Node *parent)
{
    auto node = std::make_unique<Node>();
    node->kind = spec.kind;
    node->key = spec.key;
    node->label = spec.label;
    node->toolTip = spec.toolTip;
    node->instance = spec.instance;
    node->parent = parent;
    for (const auto &child : spec.children)
        node->children.push_back(makeNode(child, node.get()));
    return node;
}

void NavigatorModel::reconcile(Node *node, const std::vector<Spec> &specs)
{
    QSet<QString> wanted;
    for (const Spec &spec : specs)
        wanted.insert(spec.key);
    for (int row = int(node->children.size()) - 1; row >= 0; --row) {
        if (wanted.contains(node->children[size_t(row)]->key))
            continue;
        beginRemoveRows(indexOf(node), row, row);
        node->children.erase(node->children.begin() + row);
        endRemoveRows();
    }

    QHash<QString, Node *> existing;
    for (const auto &child : node->children)
        existing.insert(child->key, child.get());
    QSet<QString> seen;
    std::vector<const Spec *> fresh;
    for (const Spec &spec : specs) {
        if (seen.contains(spec.key))
            continue; // the same object twice in one answer: show it once
        seen.insert(spec.key);
        Node *child = existing.value(spec.key);
        if (!child) {
            fresh.push_back(&spec);
            continue;
        }
        if (child->kind != spec.kind || child->label != spec.label ||
            child->toolTip != spec.toolTip || !(child->instance == spec.instance)) {
            child->kind = spec.kind;
            child->label = spec.label;
            child->toolTip = spec.toolTip;
            child->instance = spec.instance;
            const QModelIndex changed = indexOf(child);
            Q_EMIT dataChanged(changed, changed);
        }
        reconcile(child, spec.children);
    }
    if (fresh.empty())
        return;
    const int first = int(node->children.size());
    beginInsertRows(indexOf(node), first, first + int(fresh.size()) - 1);
    for (const Spec *spec : fresh)
        node->children.push_back(makeNode(*spec, node));
    endInsertRows();
}

QModelIndex NavigatorModel::indexOf(const Node *node) const
{
    if (!node || node == m_root.get())
        return {};
    return createIndex(node->row(), 0, node);
}

NavigatorModel::Node *NavigatorModel::nodeOf(const QModelIndex &index) const
{
    if (!index.isValid())
        return m_root.get();
    Q_ASSERT(index.model() == this);
    return static_cast<Node *>(index.internalPointer());
}

QModelIndex NavigatorModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column != 0 || row < 0 || (parent.isValid() && parent.column() != 0))
        return {};
    const Node *node = nodeOf(parent);
    if (!node || row >= int(node->children.size()))
        return {};
    return createIndex(row, 0, node->children[size_t(row)].get());
}

QModelIndex NavigatorModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    return indexOf(nodeOf(child)->parent);
}

int NavigatorModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return 0;
    const Node *node = nodeOf(parent);
    return node ? int(node->children.size()) : 0;
}

int NavigatorModel::columnCount(const QModelIndex &) const
{
    return 1;
}

QVariant NavigatorModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const Node *node = nodeOf(index);
    switch (role) {
    case Qt::DisplayRole:
        return node->label;
    case Qt::ToolTipRole:
        // The full name first: a narrow navigator elides it.
        return node->toolTip.isEmpty() ? node->label : node->label + u'\n' + node->toolTip;
    case Qt::DecorationRole:
        switch (node->kind) {
        case Kind::Group:
            return m_groupIcon;
        case Kind::System:
            return m_systemIcon;
        case Kind::Pool:
            return m_poolIcon;
        case Kind::Volume:
            return m_volumeIcon;
        case Kind::Synchronization:
            return m_syncIcon;
        case Kind::Job:
            return m_jobIcon;
        }
        return {};
    case Qt::FontRole:
        if (node->kind == Kind::Group) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case KindRole:
        return int(node->kind);
    case ClassNameRole:
        return node->instance.className();
    default:
        return {};
    }
}

QVariant NavigatorModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (section == 0 && orientation == Qt::Horizontal && role == Qt::DisplayRole)
        return tr("Name");
    return {};
}

} // namespace rd::ui
