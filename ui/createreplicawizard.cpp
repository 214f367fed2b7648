#include "createreplicawizard.h"

#include "cim/result.h"
#include "cimclasses.h"
#include "createreplicarequest.h"
#include "replicaresultpage.h"
#include "replicasettingspage.h"
#include "replicasourcespage.h"
#include "replicasummarypage.h"
#include "replicatargetspage.h"
#include "replicatypepage.h"
#include "systeminventory.h"
#include "wizardcommit.h"

namespace rd::ui {

CreateReplicaWizard::CreateReplicaWizard(SystemInventory *system, QWidget *parent)
    : QWizard(parent)
    , m_system(system)
    , m_sources(new ReplicaSourcesPage(system, this))
    , m_summary(new ReplicaSummaryPage(
          system, [this] { return request(); }, this))
    , m_result(new ReplicaResultPage(system, this))
{
    setObjectName(QStringLiteral("createReplicaWizard"));
    setWindowTitle(tr("Create Replica"));
    setWizardStyle(QWizard::ModernStyle);
    setOption(QWizard::NoBackButtonOnLastPage, true);
    setOption(QWizard::NoCancelButtonOnLastPage, true);
    setPage(SourcesPage, m_sources);
    setPage(TypePage, new ReplicaTypePage(system, this));
    setPage(TargetsPage, new ReplicaTargetsPage(system, this));
    setPage(SettingsPage, new ReplicaSettingsPage(system, this));
    setPage(SummaryPage, m_summary);
    setPage(ResultPage, m_result);
    setStartId(SourcesPage);
    resize(760, 620);
    connect(m_summary, &ReplicaSummaryPage::runRequested, this, &CreateReplicaWizard::run);
}

void CreateReplicaWizard::preselectSources(const QStringList &paths)
{
    m_sources->preselect(paths);
}

cim::ObjectPath CreateReplicaWizard::servicePath() const
{
    const QList<cim::Instance> services =
        m_system ? m_system->instances(classes::replicationService()) : QList<cim::Instance>();
    return services.isEmpty() ? cim::ObjectPath() : services.constFirst().path();
}

cim::MethodCall CreateReplicaWizard::request() const
{
    return createListReplicaCall(*this, servicePath());
}

int CreateReplicaWizard::nextId() const
{
    switch (currentId()) {
    case SourcesPage:
        return TypePage;
    case TypePage:
        return TargetsPage;
    case TargetsPage:
        return SettingsPage;
    case SettingsPage:
        return SummaryPage;
    case SummaryPage:
        return ResultPage;
    default:
        return -1;
    }
}

int CreateReplicaWizard::pageForError(const cim::MethodResult &result)
{
    // The engine names the parameter its refusal is about (MethodResult::parameter), whatever the
    // language of its message: the page that sets that parameter can fix it.
    static constexpr std::pair<const char16_t *, int> pages[] = {
        {u"SourceElements", SourcesPage},
        {u"SyncType", TypePage},
        {u"Mode", TypePage},
        {u"TargetElements", TargetsPage},
        {u"TargetPool", TargetsPage},
        {u"TargetSettingGoal", TargetsPage},
        {u"TargetAccessPoint", TargetsPage},
        {u"ElementNames", TargetsPage},
        {u"ReplicationSettingData", SettingsPage},
        {u"WaitForCopyState", SettingsPage},
    };
    const int named = pageForParameter(result, pages);
    if (named >= 0)
        return named;
    if (!result.parameter.isEmpty()) {
        // A parameter no page sets: the return code says where to look.
        return result.returnValue == quint32(cim::ReturnCode::NotSupported) ? TypePage
                                                                            : SummaryPage;
    }
    // A system that names no parameter (an older engine, or WinRM): the parameter or element its
    // message mentions, the first match in this order deciding; then the return code.
    const QString m = result.message;
    auto mentions = [&m](std::initializer_list<const char16_t *> words) {
        for (const char16_t *w : words) {
            if (m.contains(QStringView(w), Qt::CaseInsensitive))
                return true;
        }
        return false;
    };
    if (mentions({u"ReplicationSettingData", u"CopyPriority", u"ConsistentPointInTime",
                  u"WaitForCopyState"}))
        return SettingsPage;
    if (mentions({u"TargetElement", u"TargetPool", u"TargetSettingGoal", u"ElementNames",
                  u"Target ", u"pool", u"does not fit", u"free"}))
        return TargetsPage;
    if (mentions({u"SourceElements", u"source", u"replica of a mirror", u"being copied"}))
        return SourcesPage;
    if (mentions({u"SyncType", u"Mode", u"snapshot", u"mirror", u"clone"}) ||
        result.returnValue == quint32(cim::ReturnCode::NotSupported))
        return TypePage;
    return SummaryPage;
}

void CreateReplicaWizard::run()
{
    WizardCommit commit;
    commit.wizard = this;
    commit.system = m_system;
    commit.summary = m_summary;
    commit.summaryPage = SummaryPage;
    commit.pageForError = &CreateReplicaWizard::pageForError;
    commit.accepted = [this](SystemInventory *system, const cim::MethodResult &answer) {
        m_result->setResult(answer);
        next();
        Q_EMIT replicaRequested(system, answer.out.value(u"Job").toReference());
    };
    commitWizardRequest(commit, request());
}

} // namespace rd::ui
