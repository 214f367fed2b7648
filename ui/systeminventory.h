#pragma once
// The instances of the watched classes on one system, kept current through its CimClient: loaded
// at start, reloaded (coalesced) when the system says a class changed. A class the system does
// not serve simply has no instances.

#include "api/cimclient.h"
#include "cim/instance.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QStringList>
#include <QTimer>

#include <optional>

namespace rd::ui {

class SystemInventory final : public QObject
{
    Q_OBJECT
public:
    SystemInventory(engine::CimClient *client, const QStringList &classNames,
                    QObject *parent = nullptr);
    ~SystemInventory() override;
    Q_DISABLE_COPY_MOVE(SystemInventory)

    engine::CimClient *client() const { return m_client; }
    QStringList classNames() const { return m_classNames; }

    // The last answer for a class; empty while loading and when the class is not served.
    QList<cim::Instance> instances(const QString &className) const;
    bool isServed(const QString &className) const;
    // The instance with this path among the loaded ones (namespaces aside), if any.
    std::optional<cim::Instance> find(const cim::ObjectPath &path) const;
    // Every class has answered at least once (with instances or an error).
    bool isLoaded() const;

    // How long change notifications are gathered before the classes are reloaded.
    void setCoalescingInterval(int milliseconds) { m_coalesce.setInterval(milliseconds); }
    // Reloads every class this often (0: never), for systems that do not announce changes.
    void setPollingInterval(int milliseconds);

public Q_SLOTS:
    void refresh(); // reload every class now

Q_SIGNALS:
    void instancesChanged(const QString &className);
    void loaded(); // once, when isLoaded() first becomes true

private:
    struct ClassState
    {
        QList<cim::Instance> instances;
        bool served = false;
        bool answered = false;
        bool inFlight = false;
        bool reloadAfter = false; // changed again while a request was out
    };

    void onClassChanged(const QString &className);
    void fetch(const QString &className);
    void onAnswer(const QString &className, const cim::Result<QList<cim::Instance>> &answer,
                  bool cancelled);

    QPointer<engine::CimClient> m_client;
    QStringList m_classNames;
    QHash<QString, ClassState> m_state;
    QSet<QString> m_dirty;
    QTimer m_coalesce;
    QTimer m_poll;
    bool m_loadedSignalled = false;
};

} // namespace rd::ui
