#pragma once
// The rule every image path of a request follows before the engine looks at the file: absolute,
// with no control character, and not a directory name. Shared by ImportImage and ExportImage.

#include "cim/result.h"

#include <QString>

namespace rd::requests {

[[nodiscard]] cim::Result<void> checkImagePath(const QString &path, const QString &parameter);

} // namespace rd::requests
