#pragma once
// The jobs table in the engine's database: the JobStore an Engine's JobManager persists through.

#include "db/database.h"
#include "jobstore.h"

#include <memory>

namespace rd::engine {

class SqlJobStore final : public JobStore
{
public:
    static Schema schema();
    // Adds the jobs table to database (not owned; must outlive the store).
    static cim::Result<std::unique_ptr<SqlJobStore>> open(Database *database);
    Q_DISABLE_COPY_MOVE(SqlJobStore)

    cim::Result<void> saveJob(const JobRecord &record) override;
    cim::Result<void> removeJob(const QString &instanceId) override;
    cim::Result<QList<JobRecord>> loadJobs() override;

private:
    explicit SqlJobStore(Database *database)
        : m_database(database)
    {}

    Database *m_database;
};

} // namespace rd::engine
