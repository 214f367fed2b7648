#pragma once
// The Create Replica wizard: sources → type and mode → targets → settings → summary (commit) →
// result. Its fields become one CreateListReplica call (createListReplicaCall), sent without
// blocking; a refusal is shown, with the return code's meaning and the system's message, on the
// page where it can be fixed.

#include "cim/methodcall.h"

#include <QPointer>
#include <QWizard>

namespace rd::ui {

class ReplicaResultPage;
class ReplicaSourcesPage;
class ReplicaSummaryPage;
class SystemInventory;

class CreateReplicaWizard final : public QWizard
{
    Q_OBJECT
public:
    enum PageId { SourcesPage, TypePage, TargetsPage, SettingsPage, SummaryPage, ResultPage };
    Q_ENUM(PageId)

    explicit CreateReplicaWizard(SystemInventory *system, QWidget *parent = nullptr);

    SystemInventory *system() const { return m_system; }
    // Starts with these volumes checked (path text).
    void preselectSources(const QStringList &paths);
    // The request as the fields say now.
    cim::MethodCall request() const;
    // The page a refusal belongs on: from the parameter it names (the text it mentions when it
    // names none).
    static int pageForError(const cim::MethodResult &result);

    int nextId() const override;

Q_SIGNALS:
    // The system accepted the request; job is empty when it finished within the call.
    void replicaRequested(SystemInventory *system, const cim::ObjectPath &job);

private:
    void run();
    cim::ObjectPath servicePath() const;

    QPointer<SystemInventory> m_system;
    ReplicaSourcesPage *m_sources;
    ReplicaSummaryPage *m_summary;
    ReplicaResultPage *m_result;
};

} // namespace rd::ui
