// replicadesk-engined: the replication engine without a window, serving WS-Management so that a
// console drives this storage host as it would a Windows iSCSI Target.
//
//   replicadesk-engined --data-dir /var/lib/replicadesk --pool /srv/pool0 --users
//   /etc/replicadesk/users replicadesk-engined --hash-password --user alice < password.txt   >>
//   users
//
// HTTPS on port 5986 with the given certificate, or one made on first start under the data
// directory. Plain HTTP (--http) only on a loopback address unless --insecure-http says otherwise.
// The listener's limits (connections, per-address share, deadlines, enumerations) are options;
// --help lists them with their defaults.
// Logs go to stderr. SIGTERM and SIGINT stop it cleanly (listener closed, then the engine shut
// down, which checkpoints running copies); SIGHUP re-reads the users file.

#include "engine.h"
#include "remote/peerdirectory.h"
#include "serving/engineserver.h"
#include "storage/poolmanager.h"
#include "wsman/selfsignedcertificate.h"
#include "wsman/userstore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSocketNotifier>
#include <QStandardPaths>
#include <QSysInfo>
#include <QTextStream>

#include <csignal>
#include <cstdio>
#include <limits>
#include <sys/socket.h>
#include <termios.h>
#include <unistd.h>

using namespace rd;

namespace {

Q_LOGGING_CATEGORY(lcDaemon, "rd.daemon", QtInfoMsg)

QString tr(const char *text)
{
    return QCoreApplication::translate("replicadesk-engined", text);
}

// Self-pipe: the signal handler only writes the signal number; the event loop does the rest.
int g_signalPipe[2] = {-1, -1};

void onSignal(int signal)
{
    const unsigned char byte = static_cast<unsigned char>(signal);
    // Nothing else is async-signal-safe enough; a full pipe just drops the duplicate.
    [[maybe_unused]] const ssize_t n = ::write(g_signalPipe[0], &byte, 1);
}

bool installSignalHandlers()
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalPipe) != 0)
        return false;
    struct sigaction action = {};
    action.sa_handler = onSignal;
    ::sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    for (int s : {SIGTERM, SIGINT, SIGHUP}) {
        if (::sigaction(s, &action, nullptr) != 0)
            return false;
    }
    ::signal(SIGPIPE, SIG_IGN);
    return true;
}

QString readPassword()
{
    // Not echoed when typed at a terminal; read as a line when piped in.
    const bool tty = ::isatty(STDIN_FILENO);
    termios saved = {};
    if (tty) {
        std::fputs(qPrintable(tr("Password: ")), stderr);
        ::tcgetattr(STDIN_FILENO, &saved);
        termios quiet = saved;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        ::tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    }
    QTextStream in(stdin);
    const QString password = in.readLine();
    if (tty) {
        ::tcsetattr(STDIN_FILENO, TCSANOW, &saved);
        std::fputs("\n", stderr);
    }
    return password;
}

int fail(const QString &message)
{
    qCCritical(lcDaemon).noquote() << message;
    return 1;
}

} // namespace

int main(int argc, char *argv[])
{
    qSetMessagePattern(QStringLiteral(
        "%{time yyyy-MM-ddThh:mm:ss.zzz} %{if-category}%{category}: %{endif}%{message}"));
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("replicadesk-engined"));
    QCoreApplication::setOrganizationName(QStringLiteral("ReplicaDesk"));
    QCoreApplication::setApplicationVersion(engine::Engine::version());

    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("ReplicaDesk replication engine with a WS-Management server."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption listen(QStringLiteral("listen"),
                                    tr("Address to listen on (default: all)."), tr("address"));
    const QCommandLineOption port(QStringLiteral("port"),
                                  tr("Port (default: 5986 for HTTPS, 5985 for HTTP; 0: any)."),
                                  tr("port"));
    const QCommandLineOption tlsCert(QStringLiteral("tls-cert"),
                                     tr("PEM certificate (default: made on first start)."),
                                     tr("file"));
    const QCommandLineOption tlsKey(QStringLiteral("tls-key"),
                                    tr("PEM private key of the certificate."), tr("file"));
    const QCommandLineOption users(QStringLiteral("users"),
                                   tr("Users file: lines name:pbkdf2-sha256$...[:readonly]."),
                                   tr("file"));
    const QCommandLineOption hashPassword(
        QStringLiteral("hash-password"),
        tr("Read a password from standard input, print its hash and exit."));
    const QCommandLineOption user(
        QStringLiteral("user"),
        tr("With --hash-password: print a whole users-file line for this name."), tr("name"));
    const QCommandLineOption pool(
        QStringLiteral("pool"),
        tr("A storage pool directory; repeatable, the first is the default pool."), tr("dir"));
    const QCommandLineOption dataDir(QStringLiteral("data-dir"),
                                     tr("Directory for the catalog and state."), tr("dir"));
    const QCommandLineOption systemName(QStringLiteral("system-name"),
                                        tr("Name of this system (default: the host name)."),
                                        tr("name"));
    const QCommandLineOption http(
        QStringLiteral("http"), tr("Serve plain HTTP instead of HTTPS (loopback addresses only)."));
    const QCommandLineOption insecureHttp(
        QStringLiteral("insecure-http"),
        tr("Serve plain HTTP on any address. Passwords travel in clear text."));
    const QCommandLineOption nbdPort(
        QStringLiteral("nbd-port"),
        tr("Also serve the volumes over NBD with TLS on this TCP port (0: any free port). A host "
           "is admitted by the PSK or certificate Host Access lists for the volume, a peer by "
           "the certificate it signed in to WS-Management with; loopback is no exception."),
        tr("port"));
    const QCommandLineOption nbdSocket(
        QStringLiteral("nbd-socket"),
        tr("Serve the volumes over NBD to this computer's users on a Unix socket at <file>, "
           "mode 600 (default: nbd.sock in the data directory)."),
        tr("file"));
    const QCommandLineOption nbdInsecure(
        QStringLiteral("nbd-insecure"),
        tr("Admit every NBD client on TCP, with or without TLS: anyone who reaches the port "
           "can read and write the volumes."));
    const QCommandLineOption peers(
        QStringLiteral("peers"),
        tr("Peers file (JSON, mode 600): how this engine signs in to the peers its remote "
           "collections reach (default: peers.json in the data directory, when it exists)."),
        tr("file"));
    const QCommandLineOption transferDir(
        QStringLiteral("transfer-dir"),
        tr("A directory ImportImage may read image files from and ExportImage write them to; "
           "repeatable. Without it both are refused: the daemon opens the files with its own "
           "rights, for any client that signs in."),
        tr("dir"));
    parser.addOptions({listen, port, tlsCert, tlsKey, users, hashPassword, user, pool, dataDir,
                       systemName, http, insecureHttp, nbdPort, nbdSocket, nbdInsecure, peers,
                       transferDir});

    // The WS-Man listener's limits (README, Security): each a whole number of at least 1.
    engine::EngineServerOptions serving;
    wsman::WsmanServerOptions &serverOptions = serving.wsman;
    struct Limit
    {
        QCommandLineOption option;
        int *value;
        int unit; // 1000: given in seconds, kept in milliseconds
    };
    wsman::HttpLimits &http_ = serverOptions.http;
    // NBD's limits, in the units the options take.
    int nbdNegotiationMs = int(serving.nbdLimits.negotiationDeadline.count());
    int nbdPerAddress = serving.nbdLimits.connectionsPerAddress;
    int nbdQueuedMiB = int(serving.nbdLimits.queuedReplyBytes >> 20);
    auto count = [](const char *name, const QString &what, int *value) {
        return Limit{QCommandLineOption(QString::fromLatin1(name),
                                        what + u' ' + tr("(default: %1).").arg(*value), tr("n")),
                     value, 1};
    };
    auto seconds = [](const char *name, const QString &what, int *value) {
        return Limit{QCommandLineOption(QString::fromLatin1(name),
                                        what + u' ' + tr("(default: %1).").arg(*value / 1000),
                                        tr("seconds")),
                     value, 1000};
    };
    const Limit limits[] = {
        count("max-connections", tr("WS-Man connections open at once, TLS handshakes included"),
              &http_.maxConnections),
        count("max-connections-per-address", tr("Of them, from one client address"),
              &http_.maxConnectionsPerAddress),
        seconds("handshake-timeout", tr("Time a new connection has to finish its TLS handshake"),
                &http_.handshakeTimeoutMs),
        seconds("first-request-timeout",
                tr("Time a connection has to send its first request's headers"),
                &http_.firstRequestTimeoutMs),
        seconds("request-timeout", tr("Time a request has from its first byte to its last"),
                &http_.requestTimeoutMs),
        seconds("idle-timeout", tr("Time a kept-alive connection may wait for its next request"),
                &http_.idleTimeoutMs),
        count("max-enumerations", tr("Enumeration contexts open at once, all users together"),
              &serverOptions.maxEnumerationContexts),
        count("max-enumerations-per-user", tr("Of them, one user's"),
              &serverOptions.maxEnumerationContextsPerUser),
        seconds("nbd-negotiation-timeout",
                tr("Time an NBD connection has to choose an export, TLS included"),
                &nbdNegotiationMs),
        count("nbd-max-connections-per-address",
              tr("NBD connections open at once from one client address"), &nbdPerAddress),
        count("nbd-max-queued-replies",
              tr("MiB of replies queued for one NBD client before its requests wait"),
              &nbdQueuedMiB),
    };
    for (const Limit &l : limits)
        parser.addOption(l.option);
    parser.process(app);
    for (const Limit &l : limits) {
        if (!parser.isSet(l.option))
            continue;
        bool ok = false;
        const int v = parser.value(l.option).toInt(&ok);
        if (!ok || v < 1 || v > std::numeric_limits<int>::max() / l.unit)
            return fail(tr("--%1 needs a whole number of at least 1, not %2.")
                            .arg(l.option.names().front(), parser.value(l.option)));
        *l.value = v * l.unit;
    }
    serving.nbdLimits.negotiationDeadline = std::chrono::milliseconds(nbdNegotiationMs);
    serving.nbdLimits.connectionsPerAddress = nbdPerAddress;
    serving.nbdLimits.queuedReplyBytes = qint64(nbdQueuedMiB) << 20;

    if (parser.isSet(hashPassword)) {
        const QString password = readPassword();
        if (password.isEmpty())
            return fail(tr("No password was given."));
        const QString hash = wsman::UserStore::hashPassword(password);
        QTextStream out(stdout);
        out << (parser.isSet(user) ? parser.value(user) + u':' + hash : hash) << Qt::endl;
        return 0;
    }

    const QString data =
        parser.isSet(dataDir)
            ? parser.value(dataDir)
            : QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation);
    const QStringList pools = parser.values(pool);
    engine::EngineOptions options;
    options.dataDirectory = QDir(data).absoluteFilePath(QStringLiteral("engine"));
    options.defaultPoolDirectory = pools.isEmpty()
                                       ? QDir(data).absoluteFilePath(QStringLiteral("pool"))
                                       : QFileInfo(pools.front()).absoluteFilePath();
    options.systemName = parser.value(systemName);
    // Clients name image files by path; they may reach only these directories (canonical paths,
    // so neither links nor ".." lead out), none without the option.
    options.transferDirectories.emplace();
    for (const QString &dir : parser.values(transferDir)) {
        const QFileInfo info(dir);
        if (!info.isDir())
            return fail(tr("--transfer-dir %1 is not a directory.").arg(dir));
        options.transferDirectories->append(info.canonicalFilePath());
    }
    // The state (users, TLS key, catalog, client certificates) is this user's alone.
    if (!QDir().mkpath(data) ||
        !QFile::setPermissions(data, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                         QFileDevice::ExeOwner))
        return fail(tr("Cannot make the data directory %1 private to its owner.").arg(data));

    // Users before anything else: a daemon nobody can log in to is a configuration error.
    const QString usersFile = parser.isSet(users)
                                  ? parser.value(users)
                                  : QDir(data).absoluteFilePath(QStringLiteral("users"));
    auto store = wsman::UserStore::load(usersFile);
    if (!store)
        return fail(store.error().message + u' ' +
                    tr("Make one with --hash-password --user NAME."));
    if (store->isEmpty())
        return fail(tr("The users file %1 has no users.").arg(usersFile));
    // Peers' credentials: a daemon has no desktop keychain, so they live in a file only its
    // owner can read, as ssh keys do.
    const QString peersFile = parser.isSet(peers)
                                  ? parser.value(peers)
                                  : QDir(data).absoluteFilePath(QStringLiteral("peers.json"));
    QList<engine::PeerEntry> peerEntries;
    if (parser.isSet(peers) || QFileInfo::exists(peersFile)) {
        auto read = engine::PeerDirectory::readFile(peersFile);
        if (!read)
            return fail(read.error().message);
        peerEntries = std::move(read).value();
    }

    const bool plain = parser.isSet(http) || parser.isSet(insecureHttp);
    serverOptions.allowInsecureHttp = parser.isSet(insecureHttp);
    serverOptions.address =
        parser.isSet(listen) ? QHostAddress(parser.value(listen)) : QHostAddress(QHostAddress::Any);
    if (serverOptions.address.isNull())
        return fail(tr("%1 is not an IP address.").arg(parser.value(listen)));
    bool portOk = true;
    const uint portValue =
        parser.isSet(port) ? parser.value(port).toUInt(&portOk) : (plain ? 5985 : 5986);
    if (!portOk || portValue > 65535)
        return fail(tr("%1 is not a port number.").arg(parser.value(port)));
    serverOptions.port = quint16(portValue);
    if (!plain) {
        if (parser.isSet(tlsCert) != parser.isSet(tlsKey))
            return fail(tr("--tls-cert and --tls-key go together."));
        const QString name =
            options.systemName.isEmpty() ? QSysInfo::machineHostName() : options.systemName;
        auto identity =
            parser.isSet(tlsCert)
                ? wsman::loadTlsIdentity(parser.value(tlsCert), parser.value(tlsKey))
                : wsman::loadOrCreateTlsIdentity(
                      QDir(data).absoluteFilePath(QStringLiteral("tls/engine-cert.pem")),
                      QDir(data).absoluteFilePath(QStringLiteral("tls/engine-key.pem")), name);
        if (!identity)
            return fail(identity.error().message);
        qCInfo(lcDaemon).noquote()
            << tr("TLS certificate SHA-256 fingerprint: %1")
                   .arg(wsman::certificateFingerprint(identity->certificate));
        serverOptions.tls = identity.value();
    }

    if (parser.isSet(nbdPort)) {
        bool nbdPortOk = true;
        const uint nbdPortValue = parser.value(nbdPort).toUInt(&nbdPortOk);
        if (!nbdPortOk || nbdPortValue > 65535)
            return fail(tr("%1 is not a port number.").arg(parser.value(nbdPort)));
        serving.nbdPort = quint16(nbdPortValue);
    }
    serving.nbdInsecure = parser.isSet(nbdInsecure);
    serving.nbdLocalPath = parser.isSet(nbdSocket)
                               ? QFileInfo(parser.value(nbdSocket)).absoluteFilePath()
                               : QDir(data).absoluteFilePath(QStringLiteral("nbd.sock"));
    serving.clientCertificatesFile =
        QDir(data).absoluteFilePath(QStringLiteral("nbd-clients.json"));

    if (!installSignalHandlers())
        return fail(tr("Cannot install the signal handlers."));

    auto opened = engine::Engine::open(options);
    if (!opened)
        return fail(tr("Cannot open the engine: %1").arg(opened.error().message));
    std::unique_ptr<engine::Engine> engine = std::move(opened).value();
    engine->peers()->replaceAll(peerEntries);
    if (!peerEntries.isEmpty())
        qCInfo(lcDaemon).noquote()
            << tr("Read %1 peers from %2.").arg(peerEntries.size()).arg(peersFile);
    for (qsizetype i = 1; i < pools.size(); ++i) {
        const QString dir = QFileInfo(pools[i]).absoluteFilePath();
        bool known = false;
        for (const engine::StoragePool &p : engine->poolManager()->pools()) {
            if (QFileInfo(p.directory()).canonicalFilePath() == QFileInfo(dir).canonicalFilePath())
                known = true;
        }
        if (known)
            continue;
        if (auto added = engine->poolManager()->addPool(dir, QFileInfo(dir).fileName()); !added)
            return fail(tr("Cannot add the pool %1: %2").arg(dir, added.error().message));
        qCInfo(lcDaemon).noquote() << tr("Added the pool %1.").arg(dir);
    }

    // WS-Man, NBD (the data channel peers write replicas through) and the endpoints the remote
    // collections may name on this side.
    auto server = std::make_unique<engine::EngineServer>(
        engine::EngineServer::Parts{engine->registry(), engine->poolManager(),
                                    engine->remoteCollections(), engine->hostAccess(),
                                    engine->replication()},
        std::move(store).value());
    if (auto ok = server->start(serving); !ok)
        return fail(ok.error().message);
    qCInfo(lcDaemon).noquote() << tr("Engine %1 for %2 serving WS-Management on %3")
                                      .arg(engine::Engine::version(), engine->systemName(),
                                           server->wsmanUrl().toString());
    if (const QUrl local = server->nbdLocalUrl(); !local.isEmpty())
        qCInfo(lcDaemon).noquote() << tr("serving NBD to local users on %1").arg(local.toString());
    if (const QUrl tcp = server->nbdUrl(); !tcp.isEmpty())
        qCInfo(lcDaemon).noquote() << tr("serving NBD on %1").arg(tcp.toString());
    if (!options.transferDirectories->isEmpty())
        qCInfo(lcDaemon).noquote()
            << tr("Image files in and out under %1").arg(options.transferDirectories->join(u", "));

    QSocketNotifier signals(g_signalPipe[1], QSocketNotifier::Read);
    QObject::connect(&signals, &QSocketNotifier::activated, &app, [&] {
        unsigned char signal = 0;
        if (::read(g_signalPipe[1], &signal, 1) != 1)
            return;
        if (signal == SIGHUP) {
            auto reloaded = wsman::UserStore::load(usersFile);
            if (reloaded && !reloaded->isEmpty()) {
                qCInfo(lcDaemon).noquote()
                    << tr("Re-read %1 users from %2.").arg(reloaded->size()).arg(usersFile);
                server->setUsers(std::move(reloaded).value());
            } else {
                qCWarning(lcDaemon).noquote()
                    << tr("Kept the old users: %1")
                           .arg(reloaded ? tr("the file has no users.") : reloaded.error().message);
            }
            if (QFileInfo::exists(peersFile)) {
                if (auto read = engine::PeerDirectory::readFile(peersFile)) {
                    qCInfo(lcDaemon).noquote()
                        << tr("Re-read %1 peers from %2.").arg(read->size()).arg(peersFile);
                    engine->peers()->replaceAll(*read);
                } else {
                    qCWarning(lcDaemon).noquote()
                        << tr("Kept the old peers: %1").arg(read.error().message);
                }
            }
            return;
        }
        qCInfo(lcDaemon).noquote() << tr("Stopping (signal %1).").arg(signal);
        QCoreApplication::quit();
    });

    const int rc = app.exec();
    // Stop taking requests first, then shut the engine down: it stops its copies at a checkpoint.
    server->stop();
    server.reset();
    engine.reset();
    qCInfo(lcDaemon).noquote() << tr("Stopped.");
    return rc;
}
