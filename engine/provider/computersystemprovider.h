#pragma once
// Serves the engine's own system as a ComputerSystem, the root the console's navigator and the
// associations (hosted pools and services) hang from.

#include "provider.h"

namespace rd::engine {

class ComputerSystemProvider final : public Provider
{
public:
    static QString className() { return QStringLiteral("MSISCSITARGET_ComputerSystem"); }
    // The path every hosted element's SystemName / SystemCreationClassName refers to.
    static cim::ObjectPath pathFor(const QString &systemName);

    explicit ComputerSystemProvider(QString systemName);

    QList<ClassInfo> classes() const override;
    cim::Result<QList<cim::Instance>> enumerateInstances(const QString &className) override;

private:
    QString m_systemName;
};

} // namespace rd::engine
