#include "systeminventory.h"

#include "cimclasses.h"

#include <QFutureWatcher>

#include <algorithm>

namespace rd::ui {

SystemInventory::SystemInventory(engine::CimClient *client, const QStringList &classNames,
                                 QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_classNames(classNames)
{
    for (const QString &name : classNames)
        m_state.insert(name, ClassState{});
    m_coalesce.setSingleShot(true);
    m_coalesce.setInterval(150);
    connect(&m_coalesce, &QTimer::timeout, this, [this] {
        const QSet<QString> dirty = std::exchange(m_dirty, {});
        for (const QString &name : dirty)
            fetch(name);
    });
    if (client)
        connect(client, &engine::CimClient::classChanged, this, &SystemInventory::onClassChanged);
}

SystemInventory::~SystemInventory() = default;

void SystemInventory::setPollingInterval(int milliseconds)
{
    if (milliseconds <= 0) {
        m_poll.stop();
        return;
    }
    if (!m_poll.isActive())
        connect(&m_poll, &QTimer::timeout, this, &SystemInventory::refresh, Qt::UniqueConnection);
    m_poll.start(milliseconds);
}

QList<cim::Instance> SystemInventory::instances(const QString &className) const
{
    return m_state.value(className).instances;
}

bool SystemInventory::isServed(const QString &className) const
{
    return m_state.value(className).served;
}

std::optional<cim::Instance> SystemInventory::find(const cim::ObjectPath &path) const
{
    cim::ObjectPath wanted = path;
    wanted.setNameSpace(QString());
    for (const ClassState &state : m_state) {
        for (const cim::Instance &instance : state.instances) {
            cim::ObjectPath candidate = instance.path();
            candidate.setNameSpace(QString());
            if (candidate == wanted)
                return instance;
        }
    }
    return std::nullopt;
}

bool SystemInventory::isLoaded() const
{
    for (const ClassState &state : m_state) {
        if (!state.answered)
            return false;
    }
    return true;
}

void SystemInventory::refresh()
{
    m_coalesce.stop();
    m_dirty.clear();
    for (const QString &name : std::as_const(m_classNames))
        fetch(name);
}

void SystemInventory::onClassChanged(const QString &className)
{
    const QStringList companions = classes::changingWith(className);
    for (const QString &name : std::as_const(m_classNames)) {
        if (classes::sameClass(name, className) ||
            std::any_of(companions.cbegin(), companions.cend(),
                        [&](const QString &c) { return classes::sameClass(name, c); }))
            m_dirty.insert(name);
    }
    if (!m_dirty.isEmpty() && !m_coalesce.isActive())
        m_coalesce.start();
}

void SystemInventory::fetch(const QString &className)
{
    ClassState &state = m_state[className];
    if (state.inFlight) {
        state.reloadAfter = true;
        return;
    }
    if (!m_client) {
        onAnswer(className, {}, true);
        return;
    }
    state.inFlight = true;
    auto *watcher = new QFutureWatcher<cim::Result<QList<cim::Instance>>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, className] {
        watcher->deleteLater();
        const bool cancelled = watcher->isCanceled() || watcher->future().resultCount() == 0;
        onAnswer(className, cancelled ? cim::Result<QList<cim::Instance>>() : watcher->result(),
                 cancelled);
    });
    watcher->setFuture(m_client->enumerateInstances(className));
}

void SystemInventory::onAnswer(const QString &className,
                               const cim::Result<QList<cim::Instance>> &answer, bool cancelled)
{
    ClassState &state = m_state[className];
    state.inFlight = false;
    state.answered = true;
    // Not served (or the system went away): show nothing, which is what the user can act on.
    const bool served = !cancelled && answer.ok();
    const QList<cim::Instance> instances = served ? answer.value() : QList<cim::Instance>();
    const bool changed = served != state.served || instances != state.instances;
    state.served = served;
    state.instances = instances;
    if (changed)
        Q_EMIT instancesChanged(className);
    if (std::exchange(state.reloadAfter, false))
        fetch(className);
    if (!m_loadedSignalled && isLoaded()) {
        m_loadedSignalled = true;
        Q_EMIT loaded();
    }
}

} // namespace rd::ui
