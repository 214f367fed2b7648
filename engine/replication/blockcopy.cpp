#include "blockcopy.h"

#include <QCoreApplication>

#include <cerrno>
#include <cstring>
#include <unistd.h>

namespace rd::engine {

cim::Result<void> copyBlocks(const BlockCopy &copy, quint64 offset, quint64 length,
                             std::unique_ptr<char[]> &buffer)
{
    const bool fast =
        copy.sourceFd >= 0 && copy.targetFd >= 0 && copy.target && copy.fastCopy && *copy.fastCopy;
    if (fast) {
        // copy_file_range writes the target's image behind its BlockDevice: announced, so it is
        // not taken for a write made outside the engine.
        struct DirectWrite
        {
            BlockDevice *target;
            ~DirectWrite() { target->endDirectWrite(); }
        } direct{copy.target};
        copy.target->beginDirectWrite();
        loff_t in = loff_t(offset);
        loff_t out = loff_t(offset);
        quint64 left = length;
        while (left > 0) {
            const ssize_t n = ::copy_file_range(copy.sourceFd, &in, copy.targetFd, &out, left, 0);
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0) {
                // Not possible between these files (other filesystem, kernel, file type):
                // fall back to read + write for this copy, from where the kernel stopped.
                if (n < 0 && errno != EXDEV && errno != EINVAL && errno != ENOSYS &&
                    errno != EOPNOTSUPP && errno != EBADF) {
                    return cim::Error(cim::ReturnCode::Failed,
                                      QCoreApplication::translate("rd::engine::CloneCopier",
                                                                  "Copying %1 bytes at offset %2 "
                                                                  "failed: %3")
                                          .arg(left)
                                          .arg(quint64(in))
                                          .arg(QString::fromLocal8Bit(std::strerror(errno))));
                }
                *copy.fastCopy = false;
                break;
            }
            left -= quint64(n);
            if (copy.progress)
                copy.progress->fetch_add(quint64(n), std::memory_order_relaxed);
        }
        if (left == 0)
            return {};
        offset = quint64(in);
        length = left;
    }
    if (!buffer)
        buffer.reset(new char[copy.bufferSize]);
    while (length > 0) {
        const quint64 n = std::min(length, copy.bufferSize);
        std::span<char> span(buffer.get(), n);
        if (auto r = copy.source->read(offset, span); !r)
            return r;
        if (auto r = copy.target->writeUnobserved(offset, span); !r)
            return r;
        if (copy.progress)
            copy.progress->fetch_add(n, std::memory_order_relaxed);
        offset += n;
        length -= n;
    }
    return {};
}

} // namespace rd::engine
