#pragma once
// Fills a combo box with a system's storage pools, the preferred one chosen: the pool choice the
// New Volume and Add Existing Disk dialogs share.

#include "cim/instance.h"

#include <QList>

class QComboBox;

namespace rd::ui {

class SystemInventory;

// The pools in the combo's order (empty when system is null); preferred is selected when listed,
// else the first.
QList<cim::Instance> fillPoolCombo(QComboBox *combo, const SystemInventory *system,
                                   const cim::ObjectPath &preferred);

} // namespace rd::ui
