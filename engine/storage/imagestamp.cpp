#include "imagestamp.h"

#include <QFile>

#include <sys/stat.h>

namespace rd::engine {

ImageStamp ImageStamp::of(const struct stat &st)
{
    ImageStamp s;
    s.size = quint64(st.st_size);
    s.mtimeNs = qint64(st.st_mtim.tv_sec) * 1000000000 + qint64(st.st_mtim.tv_nsec);
    s.inode = quint64(st.st_ino);
    s.device = quint64(st.st_dev);
    s.valid = true;
    return s;
}

ImageStamp ImageStamp::ofDescriptor(int fd)
{
    struct stat st
    {};
    return ::fstat(fd, &st) == 0 ? of(st) : ImageStamp();
}

ImageStamp ImageStamp::ofPath(const QString &path)
{
    struct stat st
    {};
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? of(st) : ImageStamp();
}

} // namespace rd::engine
