#pragma once
// Icons for actions and navigator items: the desktop theme's icon when there is one, otherwise the
// SVG bundled in :/icons, so the console looks complete without a desktop session.

#include <QIcon>
#include <QString>

namespace rd::ui {

// A freedesktop icon name ("view-refresh", "process-stop", …) with the bundled fallback.
QIcon themedIcon(const QString &name);
// The application icon (always the bundled one: it is the product's own).
QIcon applicationIcon();

} // namespace rd::ui
