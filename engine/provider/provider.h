#pragma once
// A provider serves one or more CIM classes: it enumerates and gets their instances and carries out
// their methods. Providers live on the engine thread; only invokeMethod may take time, so it
// answers with a future.

#include "methodspec.h"

#include "cim/instance.h"
#include "cim/methodcall.h"
#include "cim/result.h"

#include <QFuture>
#include <QList>
#include <QString>
#include <QStringList>

namespace rd::engine {

struct ClassInfo
{
    QString name;             // the name instances carry, e.g. MSISCSITARGET_StorageVolume
    QStringList aliases;      // other names that reach it, e.g. CIM_StorageVolume
    bool association = false; // instances link others through REF properties
};

class Provider
{
public:
    virtual ~Provider() = default;

    virtual QList<ClassInfo> classes() const = 0;
    virtual cim::Result<QList<cim::Instance>> enumerateInstances(const QString &className) = 0;
    // Default: enumerate and pick the one whose path equals path; NotFound as InvalidParameter.
    virtual cim::Result<cim::Instance> getInstance(const cim::ObjectPath &path);

    virtual QList<MethodSpec> methods(const QString &className) const;
    // Called only with calls that passed the method's signature check.
    virtual QFuture<cim::MethodResult> invokeMethod(const cim::MethodCall &call);

    virtual cim::Result<void> modifyInstance(const cim::Instance &instance,
                                             const QStringList &propertyList);
    virtual cim::Result<void> deleteInstance(const cim::ObjectPath &path);
};

} // namespace rd::engine
