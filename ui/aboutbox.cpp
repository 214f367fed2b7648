#include "aboutbox.h"

#include "engine.h"
#include "icons.h"

#include <QCoreApplication>

namespace rd::ui {

AboutBox::AboutBox(QWidget *parent)
    : QMessageBox(parent)
{
    setObjectName(QStringLiteral("aboutBox"));
    setWindowTitle(tr("About ReplicaDesk"));
    setTextFormat(Qt::RichText);
    setText(aboutText());
    setIconPixmap(applicationIcon().pixmap(96, 96));
    setStandardButtons(QMessageBox::Close);
}

QString AboutBox::aboutText()
{
    const QString version = QCoreApplication::applicationVersion().isEmpty()
                                ? engine::Engine::version()
                                : QCoreApplication::applicationVersion();
    return QStringLiteral("<h3>ReplicaDesk %1</h3>").arg(version.toHtmlEscaped()) +
           QStringLiteral("<p>") +
           tr("A console for storage replication: pools and volumes, mirrors, snapshots and "
              "clones, "
              "and the jobs that copy them — on this computer's embedded engine or on remote "
              "systems.") +
           QStringLiteral("</p><p>") + tr("Qt %1").arg(QString::fromLatin1(qVersion())) +
           QStringLiteral("<br>") +
           tr("KDE ThreadWeaver %1").arg(engine::Engine::threadWeaverVersion().toHtmlEscaped()) +
           QStringLiteral("</p>");
}

} // namespace rd::ui
