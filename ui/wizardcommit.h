#pragma once
// The commit step the console's wizards share: the request sent without blocking while the
// summary page says so; a refusal (the return code's meaning and the system's message) taken back
// to the page that can fix it; an accepted request handed over before the wizard moves on.

#include "cim/methodcall.h"

#include <functional>
#include <span>
#include <utility>

class QWizard;

namespace rd::ui {

class ReplicaSummaryPage;
class SystemInventory;

struct WizardCommit
{
    QWizard *wizard = nullptr;
    SystemInventory *system = nullptr;
    ReplicaSummaryPage *summary = nullptr;
    int summaryPage = -1;
    std::function<int(const cim::MethodResult &)> pageForError;
    std::function<void(SystemInventory *, const cim::MethodResult &)> accepted;
};

// Sends call (checked first: a connected system, a service to call). accepted runs once the
// system has taken it (0 or 4096), before the wizard goes to the next page.
void commitWizardRequest(const WizardCommit &commit, const cim::MethodCall &call);

// The page that sets the parameter a refusal names (MethodResult::parameter, compared
// case-insensitively); -1 when it names none, or one no page sets.
int pageForParameter(const cim::MethodResult &result,
                     std::span<const std::pair<const char16_t *, int>> pages);

// Goes back to pageId (when it was visited) and shows text there.
void showWizardRefusal(QWizard *wizard, const QString &text, int pageId);

} // namespace rd::ui
