#pragma once
// The command lines a host pastes to open a volume the engine serves over NBD, from the URLs its
// NBDExport gives: qemu's -blockdev (with tls-creds-psk for TLS-PSK), nbd-client (Unix socket, or
// TCP with a client certificate: nbd-client has no TLS-PSK) and nbdfuse.

#include <QList>
#include <QString>
#include <QUrl>

namespace rd::ui {

struct NbdCommandLine
{
    QString tool;    // "qemu", "nbd-client", "nbdfuse"
    QString purpose; // in the console's words: "over the network, with a pre-shared key"
    QString text;
};

struct NbdHostCredentials
{
    QString pskIdentity; // empty: IDENTITY
    QString pskDir;      // where the host keeps keys.psk
    QString pskFile() const { return pskDir + QStringLiteral("/keys.psk"); }
};

// The default folder a host keeps its PSK file in, as the command lines name it.
QString defaultHostPskDir(const QString &identity);

// networkUrl: nbds://host:port/<export>; localUrl: nbd+unix:///<export>?socket=<path>. Either
// may be empty (then its lines are left out).
QList<NbdCommandLine> nbdCommandLines(const QUrl &networkUrl, const QUrl &localUrl,
                                      const NbdHostCredentials &credentials);

} // namespace rd::ui
