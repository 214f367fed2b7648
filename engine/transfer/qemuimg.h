#pragma once
// What the image transfers need of qemu-img (Debian qemu-utils): where it is, what `qemu-img info
// --output=json` says of an image, and the percentages `qemu-img convert -p` prints.

#include "cim/result.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>

namespace rd::engine::qemuimg {

// The program's path, or empty when it is not installed.
QString program();

struct ImageInfo
{
    QString format;
    quint64 virtualSize = 0;
    // Every other file the image reads its data from: a backing file, a QCOW2 external data
    // file, a VMDK's extents (which may name the descriptor itself).
    QStringList referencedFiles;
};

// From `qemu-img info --output=json` (one image, not a backing chain).
[[nodiscard]] cim::Result<ImageInfo> parseInfo(const QByteArray &json);

// The last thing qemu-img wrote to stderr, as one line for a job's error.
QString errorText(const QByteArray &stderrOutput);

// Reads `-p` output as it comes ("    (12.34/100%)\r"): feed() answers the newest whole
// percentage, or nullopt when the chunk completed none.
class ProgressParser
{
public:
    std::optional<double> feed(const QByteArray &chunk);

private:
    QByteArray m_pending;
};

} // namespace rd::engine::qemuimg
