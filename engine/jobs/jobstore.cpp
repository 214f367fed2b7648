#include "jobstore.h"

namespace rd::engine {

cim::Result<void> MemoryJobStore::saveJob(const JobRecord &record)
{
    for (JobRecord &r : m_records) {
        if (r.instanceId == record.instanceId) {
            r = record;
            return {};
        }
    }
    m_records.append(record);
    return {};
}

cim::Result<void> MemoryJobStore::removeJob(const QString &instanceId)
{
    m_records.removeIf([&](const JobRecord &r) { return r.instanceId == instanceId; });
    return {};
}

} // namespace rd::engine
