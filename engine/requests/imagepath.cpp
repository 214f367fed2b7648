#include "imagepath.h"

#include "parameterreader.h"

#include <QCoreApplication>
#include <QDir>

namespace rd::requests {

namespace {
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(rd::engine)
};
} // namespace

cim::Result<void> checkImagePath(const QString &path, const QString &parameter)
{
    if (path.isEmpty())
        return invalidParameter(Text::tr("%1 must name a file.").arg(parameter), parameter);
    for (const QChar c : path) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            return invalidParameter(Text::tr("%1 contains a control character.").arg(parameter),
                                    parameter);
    }
    // The engine may run anywhere: a relative path would be resolved against its working
    // directory, which the caller cannot know.
    if (!QDir::isAbsolutePath(path) || !path.startsWith(u'/'))
        return invalidParameter(
            Text::tr("%1 must be an absolute path, not %2.").arg(parameter, path), parameter);
    if (path.endsWith(u'/') || path.endsWith(u"/.") || path.endsWith(u"/.."))
        return invalidParameter(
            Text::tr("%1 names a directory, not a file: %2.").arg(parameter, path), parameter);
    return {};
}

} // namespace rd::requests
