#pragma once
// Turns CIM values into the text the console shows: value-mapped numbers as "Clone (8)", arrays as
// comma-separated lists, timestamps in the user's locale, references as object paths.

#include "cim/instance.h"
#include "cim/valuemap.h"

#include <QList>
#include <QPointer>
#include <QString>

namespace rd::ui {

class SystemInventory;

// "Clone (8)" for a defined code; the map's own "DMTF Reserved (9)" style for the rest.
QString valueMapLabel(const cim::ValueMap &map, quint64 code);
// A property's value for display; propertyName picks the value map (if any).
QString formatValue(QStringView propertyName, const cim::Value &value);
// What to call an instance: ElementName, Name, a key value, or its class name.
QString instanceLabel(const cim::Instance &instance);
// The same for an object path alone (key values only), for REFs whose instance is not at hand.
QString pathLabel(const cim::ObjectPath &path);
// What to call the element a REF of home names: its label where home lists it, else where another
// followed system does (a replica on a peer the console is connected to as well), else
// "<DeviceID> on <SystemName>" for an element whose path names its system.
QString referenceLabel(const cim::ObjectPath &path, const SystemInventory *home,
                       const QList<QPointer<SystemInventory>> &systems);

} // namespace rd::ui
