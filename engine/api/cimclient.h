#pragma once
// The one API the console uses to talk to a system, local or remote. Every call returns at once
// with a future; results arrive on the caller's thread through QFuture continuations or watchers.
// Two transports implement it: LocalTransport (in-process engine) and, later, WS-Management.

#include "cim/instance.h"
#include "cim/methodcall.h"
#include "cim/result.h"
#include "provider/providerregistry.h"

#include <QFuture>
#include <QObject>
#include <QString>

namespace rd::engine {

class CimClient : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    ~CimClient() override = default;

    // What the console shows for the system ("This computer", "storage-01.example:5986").
    virtual QString displayName() const = 0;
    virtual QString nameSpace() const = 0;
    virtual bool isLocal() const = 0;

    virtual QFuture<cim::Result<QList<cim::Instance>>>
    enumerateInstances(const QString &className) = 0;
    virtual QFuture<cim::Result<cim::Instance>> getInstance(const cim::ObjectPath &path) = 0;
    virtual QFuture<cim::Result<QList<cim::Instance>>>
    associators(const cim::ObjectPath &path, const AssociationFilter &filter) = 0;
    virtual QFuture<cim::Result<QList<cim::Instance>>>
    references(const cim::ObjectPath &path, const AssociationFilter &filter) = 0;
    virtual QFuture<cim::MethodResult> invokeMethod(const cim::MethodCall &call) = 0;
    virtual QFuture<cim::Result<void>> modifyInstance(const cim::Instance &instance,
                                                      const QStringList &propertyList) = 0;
    virtual QFuture<cim::Result<void>> deleteInstance(const cim::ObjectPath &path) = 0;

Q_SIGNALS:
    // Instances of this class may have changed; a transport that cannot tell stays silent and
    // views poll instead.
    void classChanged(const QString &className);
};

} // namespace rd::engine
