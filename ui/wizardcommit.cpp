#include "wizardcommit.h"

#include "asynccall.h"
#include "cim/result.h"
#include "errortext.h"
#include "replicasummarypage.h"
#include "replicawizardpage.h"
#include "systeminventory.h"

#include <QCoreApplication>
#include <QPointer>
#include <QWizard>

namespace rd::ui {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("rd::ui::WizardCommit", text);
}
} // namespace

void showWizardRefusal(QWizard *wizard, const QString &text, int pageId)
{
    // The summary is before the commit, so Back reaches every page visited.
    while (wizard->currentId() != pageId && wizard->currentId() != wizard->startId() &&
           wizard->visitedIds().contains(pageId))
        wizard->back();
    if (auto *target = qobject_cast<ReplicaWizardPage *>(wizard->currentPage()))
        target->showEngineError(text);
}

void commitWizardRequest(const WizardCommit &commit, const cim::MethodCall &call)
{
    if (!commit.system || !commit.system->client()) {
        showWizardRefusal(commit.wizard, tr("The system is not connected."), commit.summaryPage);
        return;
    }
    if (call.target.isEmpty()) {
        showWizardRefusal(commit.wizard, tr("This system offers no replication service."),
                          commit.summaryPage);
        return;
    }
    commit.summary->setRunning(true);
    QPointer<SystemInventory> system = commit.system;
    QPointer<QWizard> wizard = commit.wizard;
    whenReady(commit.system->client()->invokeMethod(call), commit.wizard,
              [commit, system, wizard](const std::optional<cim::MethodResult> &answer) {
                  if (!wizard)
                      return;
                  commit.summary->setRunning(false);
                  const bool accepted =
                      answer && (answer->returnValue == quint32(cim::ReturnCode::Completed) ||
                                 answer->returnValue == quint32(cim::ReturnCode::JobStarted));
                  if (!accepted) {
                      showWizardRefusal(
                          wizard,
                          tr("The system refused the request. %1").arg(methodErrorText(answer)),
                          answer ? commit.pageForError(*answer) : commit.summaryPage);
                      return;
                  }
                  if (system)
                      system->refresh();
                  commit.summary->setAccepted(true);
                  commit.accepted(system, *answer);
              });
}

int pageForParameter(const cim::MethodResult &result,
                     std::span<const std::pair<const char16_t *, int>> pages)
{
    if (result.parameter.isEmpty())
        return -1;
    for (const auto &[name, page] : pages) {
        if (result.parameter.compare(QStringView(name), Qt::CaseInsensitive) == 0)
            return page;
    }
    return -1;
}

} // namespace rd::ui
