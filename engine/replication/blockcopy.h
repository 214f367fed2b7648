#pragma once
// Copies a byte range from one BlockDevice to another at the same offset: with copy_file_range
// between the image files where the kernel allows it (it may reflink), else read + write through a
// caller-owned buffer. Shared by the clone copier and the mirror's drain.

#include "storage/blockdevice.h"

#include <atomic>
#include <memory>

namespace rd::engine {

struct BlockCopy
{
    BlockDevice *source = nullptr;
    BlockDevice *target = nullptr; // written unobserved: the engine's own replica I/O
    int sourceFd = -1;             // image descriptors for copy_file_range; -1 = read + write
    int targetFd = -1;
    quint64 bufferSize = 1 << 20;
    // Cleared on the first copy the kernel refuses (another filesystem…), so later copies go
    // straight to read + write; shared by every thread of one copy.
    std::atomic<bool> *fastCopy = nullptr;
    std::atomic<quint64> *progress = nullptr; // bytes copied are added here as they go
};

// buffer is allocated (bufferSize bytes) on first need and kept for the caller's next call.
cim::Result<void> copyBlocks(const BlockCopy &copy, quint64 offset, quint64 length,
                             std::unique_ptr<char[]> &buffer);

} // namespace rd::engine
