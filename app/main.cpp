// The ReplicaDesk console: the application's identity and translations, the embedded engine on a
// thread of its own, and the main window.

#include "enginehost.h"
#include "icons.h"
#include "mainwindow.h"
#include "translations.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QMessageBox>
#include <QSettings>
#include <QStandardPaths>
#include <QStyle>
#include <QStyleFactory>
#include <QTimer>

#include <cstdio>

namespace {

struct Options
{
    QString dataDirectory;
    QString screenshot;
    bool serveHosts = false;
};

Options parseCommandLine(const QApplication &app)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "main", "Storage replication console with an embedded engine."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption dataDir(
        QStringLiteral("data-dir"),
        QCoreApplication::translate("main", "Keep the engine's state, its default pool and the "
                                            "console's settings in <dir> instead of the user's "
                                            "data location."),
        QCoreApplication::translate("main", "dir"));
    const QCommandLineOption screenshot(
        QStringLiteral("screenshot"),
        QCoreApplication::translate("main",
                                    "Once the window has loaded, save it to <file.png> and quit."),
        QCoreApplication::translate("main", "file.png"));
    const QCommandLineOption serveHosts(
        QStringLiteral("serve-hosts"),
        QCoreApplication::translate("main", "Serve the volumes to other computers over NBD with "
                                            "TLS (port 10809), as the setting in the Storage "
                                            "menu does."));
    parser.addOption(dataDir);
    parser.addOption(screenshot);
    parser.addOption(serveHosts);
    parser.process(app);
    return {parser.value(dataDir), parser.value(screenshot), parser.isSet(serveHosts)};
}

// Saves the window to file once it has its first answers from the engine, then quits.
void scheduleScreenshot(rd::ui::MainWindow &window, const QString &file)
{
    auto grab = [&window, file] {
        // Let the views lay out and paint what just arrived.
        QTimer::singleShot(400, &window, [&window, file] {
            const bool saved = window.grab().save(file, "PNG");
            if (!saved) {
                std::fprintf(stderr, "%s\n",
                             qPrintable(QCoreApplication::translate("main", "Cannot write %1.")
                                            .arg(QDir::toNativeSeparators(file))));
            }
            QCoreApplication::exit(saved ? 0 : 2);
        });
    };
    if (window.isLoaded())
        grab();
    else
        QObject::connect(&window, &rd::ui::MainWindow::loaded, &window, grab);
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("ReplicaDesk"));
    QCoreApplication::setOrganizationDomain(QStringLiteral("replicadesk.org"));
    QCoreApplication::setApplicationName(QStringLiteral("ReplicaDesk"));
    QCoreApplication::setApplicationVersion(QStringLiteral(RD_VERSION));
    QGuiApplication::setDesktopFileName(QStringLiteral("org.replicadesk.ReplicaDesk"));
    QGuiApplication::setWindowIcon(rd::ui::applicationIcon());
    // Without a desktop session Qt falls back to its plain "Windows" style; Fusion looks native.
    if (QApplication::style()->name().compare(QStringLiteral("windows"), Qt::CaseInsensitive) == 0)
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));

    rd::ui::installTranslations(QLocale::system());
    const Options options = parseCommandLine(app);

    rd::engine::EngineOptions engineOptions;
    if (options.dataDirectory.isEmpty()) {
        engineOptions.dataDirectory =
            QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    } else {
        engineOptions.dataDirectory = QDir(options.dataDirectory).absolutePath();
        // A separate data directory is a separate console: its own window layout too.
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, engineOptions.dataDirectory);
    }
    engineOptions.defaultPoolDirectory =
        QDir(engineOptions.dataDirectory).filePath(QStringLiteral("pools/default"));

    // This user's Unix socket always; the network only when the administrator opens it.
    rd::engine::HostServing serving;
    const QSettings settings;
    serving.network = options.serveHosts ||
                      settings.value(QStringLiteral("hosts/serveNetwork"), false).toBool();
    serving.port = quint16(settings.value(QStringLiteral("hosts/port"), 10809).toUInt());
    rd::engine::EngineHost host;
    if (const auto started = host.start(engineOptions, serving); !started) {
        QMessageBox::critical(nullptr, QStringLiteral("ReplicaDesk"),
                              QCoreApplication::translate(
                                  "main", "The embedded replication engine could not be started."
                                          "\n\n%1\n\nData directory: %2")
                                  .arg(started.error().message,
                                       QDir::toNativeSeparators(engineOptions.dataDirectory)));
        return 1;
    }

    rd::ui::MainWindow window(&host);
    window.show();
    if (!options.screenshot.isEmpty())
        scheduleScreenshot(window, options.screenshot);
    return QApplication::exec(); // the window goes first, then the engine stops
}
