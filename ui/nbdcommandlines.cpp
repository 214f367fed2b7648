#include "nbdcommandlines.h"

#include <QCoreApplication>
#include <QUrlQuery>

namespace rd::ui {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("rd::ui::NbdCommandLines", text);
}

QString exportOf(const QUrl &url)
{
    QString path = url.path(QUrl::FullyDecoded);
    if (path.startsWith(u'/'))
        path.remove(0, 1);
    return path;
}

// Single quotes for the shell, so a path or URL with spaces or '&' pastes as one word.
QString shellQuoted(const QString &word)
{
    static const QString plain =
        QStringLiteral("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_./:=,@+");
    bool needs = word.isEmpty();
    for (QChar c : word)
        needs = needs || !plain.contains(c);
    if (!needs)
        return word;
    QString quoted = word;
    quoted.replace(u'\'', QStringLiteral("'\\''"));
    return u'\'' + quoted + u'\'';
}

} // namespace

QString defaultHostPskDir(const QString &)
{
    // As the README's examples have it: one PSK file per host, in the folder qemu is given.
    return QStringLiteral("/etc/replicadesk");
}

QList<NbdCommandLine> nbdCommandLines(const QUrl &networkUrl, const QUrl &localUrl,
                                      const NbdHostCredentials &credentials)
{
    QList<NbdCommandLine> lines;
    const QString identity =
        credentials.pskIdentity.isEmpty() ? QStringLiteral("IDENTITY") : credentials.pskIdentity;
    const QString dir = credentials.pskDir.isEmpty() ? defaultHostPskDir(credentials.pskIdentity)
                                                     : credentials.pskDir;
    const QString file = dir + QStringLiteral("/keys.psk");
    if (networkUrl.isValid() && !networkUrl.isEmpty()) {
        const QString host = networkUrl.host();
        const QString port = QString::number(networkUrl.port(10809));
        const QString id = exportOf(networkUrl);
        lines.append({QStringLiteral("qemu"), tr("over the network, with a pre-shared key"),
                      QStringLiteral("-object tls-creds-psk,id=tls0,endpoint=client,dir=%1,"
                                     "username=%2 -blockdev driver=nbd,server.type=inet,"
                                     "server.host=%3,server.port=%4,export=%5,tls-creds=tls0")
                          .arg(shellQuoted(dir), identity, host, port, id)});
        QUrl psk = networkUrl;
        psk.setUserName(identity);
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("tls-psk-file"), file);
        psk.setQuery(query);
        lines.append({QStringLiteral("nbdfuse"), tr("over the network, with a pre-shared key"),
                      QStringLiteral("nbdfuse DIR/ %1").arg(shellQuoted(psk.toString()))});
        lines.append({QStringLiteral("nbd-client"),
                      tr("over the network, with a client certificate (nbd-client has no "
                         "pre-shared keys)"),
                      QStringLiteral("nbd-client %1 %2 /dev/nbd0 -N %3 -certfile CERT.pem "
                                     "-keyfile KEY.pem -cacertfile ENGINE-CA.pem -tlshostname %1")
                          .arg(host, port, shellQuoted(id))});
    }
    if (localUrl.isValid() && !localUrl.isEmpty()) {
        const QString socket =
            QUrlQuery(localUrl).queryItemValue(QStringLiteral("socket"), QUrl::FullyDecoded);
        const QString id = exportOf(localUrl);
        lines.append({QStringLiteral("qemu"), tr("on this computer, through the Unix socket"),
                      QStringLiteral("-blockdev driver=nbd,server.type=unix,server.path=%1,"
                                     "export=%2")
                          .arg(shellQuoted(socket), id)});
        lines.append({QStringLiteral("nbdfuse"), tr("on this computer, through the Unix socket"),
                      QStringLiteral("nbdfuse DIR/ %1").arg(shellQuoted(localUrl.toString()))});
        lines.append({QStringLiteral("nbd-client"), tr("on this computer, through the Unix socket"),
                      QStringLiteral("nbd-client -unix %1 -N %2 /dev/nbd0")
                          .arg(shellQuoted(socket), shellQuoted(id))});
    }
    return lines;
}

} // namespace rd::ui
