#pragma once
// CIM_ReplicationSettingData.CopyPriority as copy settings, in one table for every copy the
// engine runs: Low yields to host I/O (one chunk in flight, low queue priority, capped rate);
// High and Urgent go first with more chunks in flight; Same and Not Managed in between.

#include "clonecopier.h"
#include "mirrorsession.h"

namespace rd::engine {

class CopyPacing final
{
public:
    int workers = 4;            // chunks in flight
    int priority = 10;          // ThreadWeaver job priority; higher runs first
    quint64 bytesPerSecond = 0; // 0 = unthrottled

    // A clone (local or to a peer) copies a whole volume; a mirror's drain runs beside the
    // hosts' writes, so it keeps fewer chunks in flight at each priority.
    static CopyPacing forClone(quint16 copyPriority);
    static CopyPacing forMirror(quint16 copyPriority);
    static void apply(CloneOptions &options, quint16 copyPriority);
    static void apply(MirrorOptions &options, quint16 copyPriority);
};

} // namespace rd::engine
