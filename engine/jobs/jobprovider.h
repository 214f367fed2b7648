#pragma once
// Serves MSISCSITARGET_ConcreteJob (CIM_ConcreteJob) with RequestStateChange and GetError, and
// MSISCSITARGET_AffectedJobElement (CIM_AffectedJobElement) linking each job to what it made.

#include "jobmanager.h"

#include "provider/provider.h"

#include <QPointer>

namespace rd::engine {

class JobProvider final : public Provider
{
public:
    explicit JobProvider(JobManager *manager);

    QList<ClassInfo> classes() const override;
    cim::Result<QList<cim::Instance>> enumerateInstances(const QString &className) override;
    cim::Result<cim::Instance> getInstance(const cim::ObjectPath &path) override;
    QList<MethodSpec> methods(const QString &className) const override;
    QFuture<cim::MethodResult> invokeMethod(const cim::MethodCall &call) override;
    cim::Result<void> deleteInstance(const cim::ObjectPath &path) override;

    // The embedded CIM_Error GetError returns for a job that did not end OK (no value if it did).
    static std::optional<cim::Instance> errorInstance(const ConcreteJob &job);

private:
    QPointer<JobManager> m_manager;
};

} // namespace rd::engine
