#pragma once
// Sentences for what a system answered: a method's return code by its ValueMap meaning plus the
// engine's own message, or a failed request's error.

#include "cim/methodcall.h"
#include "cim/result.h"

#include <QString>

#include <optional>

namespace rd::ui {

// "In Use (6): Target Backup is already part of a synchronization."
QString methodErrorText(const cim::MethodResult &result);
QString errorText(const cim::Error &error);
// For a result that may never have come: "The system did not answer." when it did not.
QString methodErrorText(const std::optional<cim::MethodResult> &result);

} // namespace rd::ui
