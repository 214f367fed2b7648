#pragma once
// What the engine knows of an image file as it last left it: size, modification time (ns), inode
// and device. A file whose stamp differs from the one the engine recorded after its own last
// write was changed by someone else (a user writing the pool folder directly).

#include <QString>
#include <QtGlobal>

struct stat;

namespace rd::engine {

struct ImageStamp
{
    quint64 size = 0;
    qint64 mtimeNs = 0;
    quint64 inode = 0;
    quint64 device = 0;
    bool valid = false; // false: never taken, or the file could not be read

    static ImageStamp of(const struct stat &st);
    // fstat of an open descriptor / stat of a path; invalid when the call fails.
    static ImageStamp ofDescriptor(int fd);
    static ImageStamp ofPath(const QString &path);

    friend bool operator==(const ImageStamp &, const ImageStamp &) = default;
};

} // namespace rd::engine
