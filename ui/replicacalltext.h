#pragma once
// A CreateListReplica MethodCall in plain words (rich text): what will be copied to what, how,
// with which settings, and when the call returns. Read from the call itself, so the summary says
// exactly what is sent.

#include "cim/methodcall.h"

#include <QString>

namespace rd::ui {

class SystemInventory;

// inventory (may be null) names the volumes and pools the call refers to.
QString describeCreateListReplica(const cim::MethodCall &call, const SystemInventory *inventory);

} // namespace rd::ui
