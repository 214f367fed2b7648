#include "icons.h"

#include <QFile>

namespace rd::ui {

QIcon themedIcon(const QString &name)
{
    const QString bundled = QStringLiteral(":/icons/") + name + QStringLiteral(".svg");
    QIcon fallback;
    if (QFile::exists(bundled))
        fallback = QIcon(bundled);
    return QIcon::fromTheme(name, fallback);
}

QIcon applicationIcon()
{
    return QIcon(QStringLiteral(":/icons/org.replicadesk.ReplicaDesk.svg"));
}

} // namespace rd::ui
