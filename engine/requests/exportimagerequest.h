#pragma once
// StorageConfigurationService.ExportImage (a ReplicaDesk extension): a volume, or a snapshot
// (what its volume shows of its point in time), written to a new image file in a format, as a
// job. parse() refuses a relative path and an unknown Format; whether the volume exists and the
// destination may be written (and does not exist yet) is the engine's to check.

#include "cim/methodcall.h"

#include <QString>

namespace rd::requests {

struct ExportImageRequest
{
    static QString methodName() { return QStringLiteral("ExportImage"); }

    cim::ObjectPath theElement; // the volume (a snapshot is a volume)
    QString destinationPath;    // absolute; must not exist
    QString format;             // one of imageFormats()

    [[nodiscard]] static cim::Result<ExportImageRequest> parse(const cim::Parameters &in);
    cim::MethodCall toCall(const cim::ObjectPath &target) const;

    friend bool operator==(const ExportImageRequest &, const ExportImageRequest &) = default;
};

} // namespace rd::requests
