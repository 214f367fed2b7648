#pragma once
// StorageConfigurationService.ImportImage (a ReplicaDesk extension): a new volume in a pool made
// from an image file or a block device the engine reads, as a job. parse() refuses what no engine
// state is needed for (a relative path, an unknown Format, a name that cannot label a volume);
// whether the file exists, may be read and holds an image, and whether the pool has room, is the
// engine's to check.

#include "cim/methodcall.h"

#include <QString>

#include <optional>

namespace rd::requests {

struct ImportImageRequest
{
    static QString methodName() { return QStringLiteral("ImportImage"); }

    QString sourcePath;                    // absolute, as the engine's host sees it
    std::optional<QString> format;         // one of imageFormats(); nullopt: detected
    std::optional<cim::ObjectPath> inPool; // nullopt: the default pool
    std::optional<QString> elementName;    // nullopt: the source file's name

    [[nodiscard]] static cim::Result<ImportImageRequest> parse(const cim::Parameters &in);
    cim::MethodCall toCall(const cim::ObjectPath &target) const;

    friend bool operator==(const ImportImageRequest &, const ImportImageRequest &) = default;
};

} // namespace rd::requests
