#include "copypacing.h"

#include "replicaplan.h"

namespace rd::engine {

namespace {
struct Row
{
    CopyPriority copyPriority;
    CopyPacing clone;
    CopyPacing mirror;
};

constexpr quint64 LowRate = 64ull << 20;

// Not Managed, and any value outside the map, pace as Same.
const Row rows[] = {
    {CopyPriority::Low, {1, 0, LowRate}, {1, 0, LowRate}},
    {CopyPriority::Same, {4, 10, 0}, {2, 10, 0}},
    {CopyPriority::High, {6, 15, 0}, {4, 15, 0}},
    {CopyPriority::Urgent, {8, 20, 0}, {4, 20, 0}},
};

const Row &rowFor(quint16 copyPriority)
{
    for (const Row &r : rows) {
        if (quint16(r.copyPriority) == copyPriority)
            return r;
    }
    return rows[1];
}
} // namespace

CopyPacing CopyPacing::forClone(quint16 copyPriority)
{
    return rowFor(copyPriority).clone;
}

CopyPacing CopyPacing::forMirror(quint16 copyPriority)
{
    return rowFor(copyPriority).mirror;
}

void CopyPacing::apply(CloneOptions &options, quint16 copyPriority)
{
    const CopyPacing p = forClone(copyPriority);
    options.workers = p.workers;
    options.priority = p.priority;
    options.bytesPerSecond = p.bytesPerSecond;
}

void CopyPacing::apply(MirrorOptions &options, quint16 copyPriority)
{
    const CopyPacing p = forMirror(copyPriority);
    options.workers = p.workers;
    options.priority = p.priority;
    options.bytesPerSecond = p.bytesPerSecond;
}

} // namespace rd::engine
