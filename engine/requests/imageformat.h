#pragma once
// The image file formats the engine imports and exports, by the names qemu-img gives them: the
// one list the requests, the transfer jobs and the console's format choices share.

#include <QString>
#include <QStringList>

namespace rd::requests {

// raw, QCOW2, VMware VMDK, Hyper-V VHDX and Virtual PC VHD ("vpc").
inline QStringList imageFormats()
{
    return {QStringLiteral("raw"), QStringLiteral("qcow2"), QStringLiteral("vmdk"),
            QStringLiteral("vhdx"), QStringLiteral("vpc")};
}

inline bool isImageFormat(const QString &format)
{
    return imageFormats().contains(format);
}

} // namespace rd::requests
