#pragma once
// A CimClient whose answers the test sets per class; classes without an answer are "not served".
// Answers are delivered asynchronously (on the next event-loop turn) like a real transport's.

#include "api/cimclient.h"

#include <QHash>
#include <QPromise>
#include <QTimer>

namespace rd::test {

class FakeCimClient final : public engine::CimClient
{
    Q_OBJECT
public:
    using CimClient::CimClient;

    QHash<QString, QList<cim::Instance>> served;
    QHash<QString, int> enumerations; // how often each class was asked for
    QList<cim::MethodCall> calls;
    cim::MethodResult methodAnswer;

    void setInstances(const QString &className, const QList<cim::Instance> &instances)
    {
        served.insert(className, instances);
    }
    void announce(const QString &className) { Q_EMIT classChanged(className); }

    QString displayName() const override { return QStringLiteral("fake.example"); }
    QString nameSpace() const override { return QStringLiteral("root/test"); }
    bool isLocal() const override { return false; }

    QFuture<cim::Result<QList<cim::Instance>>> enumerateInstances(const QString &className) override
    {
        ++enumerations[className];
        using R = cim::Result<QList<cim::Instance>>;
        const R answer =
            served.contains(className)
                ? R(served.value(className))
                : R(cim::Error(cim::ReturnCode::InvalidParameter,
                               QStringLiteral("The class %1 is not served.").arg(className)));
        return later(answer);
    }
    QFuture<cim::Result<cim::Instance>> getInstance(const cim::ObjectPath &) override
    {
        return later(cim::Result<cim::Instance>(cim::Error(cim::ReturnCode::NotSupported, {})));
    }
    QFuture<cim::Result<QList<cim::Instance>>>
    associators(const cim::ObjectPath &, const engine::AssociationFilter &) override
    {
        return later(cim::Result<QList<cim::Instance>>(QList<cim::Instance>()));
    }
    QFuture<cim::Result<QList<cim::Instance>>>
    references(const cim::ObjectPath &, const engine::AssociationFilter &) override
    {
        return later(cim::Result<QList<cim::Instance>>(QList<cim::Instance>()));
    }
    QFuture<cim::MethodResult> invokeMethod(const cim::MethodCall &call) override
    {
        calls.append(call);
        return later(methodAnswer);
    }
    QFuture<cim::Result<void>> modifyInstance(const cim::Instance &, const QStringList &) override
    {
        return later(cim::Result<void>());
    }
    QFuture<cim::Result<void>> deleteInstance(const cim::ObjectPath &) override
    {
        return later(cim::Result<void>());
    }

private:
    template<class T>
    QFuture<T> later(T value)
    {
        auto promise = std::make_shared<QPromise<T>>();
        promise->start();
        QTimer::singleShot(0, this, [promise, value] {
            promise->addResult(value);
            promise->finish();
        });
        return promise->future();
    }
};

} // namespace rd::test
