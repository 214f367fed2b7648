#pragma once
// Which files the engine may read an image from or write one to. The engine process opens them
// with its own rights: in the console that is the user's, so any path goes; the daemon serves
// WS-Man clients, so only files under the directories it was given (--transfer-dir) go, judged by
// canonical paths so that neither a symbolic link nor ".." leads out of them.

#include "cim/result.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace rd::engine {

class TransferPolicy
{
public:
    // nullopt: any path; a list (possibly empty): only files under these directories.
    explicit TransferPolicy(std::optional<QStringList> directories = std::nullopt);

    bool allowsAnyPath() const { return !m_directories.has_value(); }
    // NotSupported when the list is empty: nothing may be read or written.
    cim::Result<void> checkEnabled() const;

    // The canonical path of an existing regular file or block device to read: InvalidParameter
    // naming parameter when there is none, or it lies outside the allowed directories.
    cim::Result<QString> readablePath(const QString &path, const QString &parameter) const;
    // The path (its directory canonical) of a file to create: InvalidParameter naming parameter
    // when something is there already (a dangling link too), its directory does not exist, or it
    // lies outside the allowed directories.
    cim::Result<QString> writablePath(const QString &path, const QString &parameter) const;

private:
    bool isAllowed(const QString &canonicalPath) const;

    std::optional<QStringList> m_directories; // canonical, each ending in '/'
};

} // namespace rd::engine
