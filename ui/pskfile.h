#pragma once
// A host's TLS-PSK key: 32 random bytes from the system's generator, and the file qemu's
// tls-creds-psk and libnbd's tls-psk-file read ("identity:hexkey\n"), written readable by its
// owner only.

#include <QByteArray>
#include <QString>

namespace rd::ui {

QByteArray generatePskKey(); // 32 bytes, QRandomGenerator::system()

// Where the console offers to write a host's PSK file: <data dir>/psk/<identity>/keys.psk (qemu
// looks for keys.psk in the folder it is given).
QString defaultPskFilePath(const QString &identity);

// Writes "identity:hexkey\n" to path, mode 0600 from the start, creating its folder; the error
// text is empty on success.
QString writePskFile(const QString &path, const QString &identity, const QByteArray &key);

} // namespace rd::ui
