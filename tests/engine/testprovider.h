#pragma once
// A small provider with a method, an alias and an association, for exercising the registry and
// transports without the storage engine.

#include "provider/provider.h"
#include "provider/providerregistry.h"

#include <QFuture>
#include <QThread>

namespace rd::test {

using namespace rd::engine;
using cim::CimType;
using cim::Value;

class WidgetProvider final : public Provider
{
public:
    QThread *lastThread = nullptr;
    int invocations = 0;
    cim::MethodCall lastCall;

    static cim::ObjectPath widget(const QString &id)
    {
        return cim::ObjectPath(ProviderRegistry::defaultNameSpace(), QStringLiteral("TEST_Widget"),
                               {{QStringLiteral("Id"), Value::string(id)}});
    }
    static cim::ObjectPath service()
    {
        return cim::ObjectPath(ProviderRegistry::defaultNameSpace(), QStringLiteral("TEST_Service"),
                               {{QStringLiteral("Name"), Value::string(QStringLiteral("svc"))}});
    }

    QList<ClassInfo> classes() const override
    {
        return {{QStringLiteral("TEST_Widget"), {QStringLiteral("CIM_Widget")}, false},
                {QStringLiteral("TEST_Service"), {}, false},
                {QStringLiteral("TEST_WidgetLink"), {}, true}};
    }

    cim::Result<QList<cim::Instance>> enumerateInstances(const QString &className) override
    {
        lastThread = QThread::currentThread();
        QList<cim::Instance> out;
        if (className == QStringLiteral("TEST_Widget")) {
            for (const QString &id : {QStringLiteral("a"), QStringLiteral("b")}) {
                cim::Instance w(className);
                w.setPath(widget(id));
                w.setProperty(QStringLiteral("Id"), Value::string(id));
                out << w;
            }
        } else if (className == QStringLiteral("TEST_Service")) {
            cim::Instance s(className);
            s.setPath(service());
            out << s;
        } else if (className == QStringLiteral("TEST_WidgetLink")) {
            // a -> b
            cim::Instance link(className);
            link.setProperty(QStringLiteral("Antecedent"),
                             Value::reference(widget(QStringLiteral("a"))));
            link.setProperty(QStringLiteral("Dependent"),
                             Value::reference(widget(QStringLiteral("b"))));
            out << link;
        }
        return out;
    }

    QList<MethodSpec> methods(const QString &className) const override
    {
        if (className != QStringLiteral("TEST_Service"))
            return {};
        return {
            {QStringLiteral("Frobnicate"),
             {{QStringLiteral("Count"), CimType::UInt16, false, ParameterSpec::In, true, {}},
              {QStringLiteral("Names"), CimType::String, true, ParameterSpec::In, false, {}},
              {QStringLiteral("Target"), CimType::Reference, false, ParameterSpec::In, false,
               QStringLiteral("TEST_Widget")},
              {QStringLiteral("Result"), CimType::String, false, ParameterSpec::Out, false, {}}}}};
    }

    QFuture<cim::MethodResult> invokeMethod(const cim::MethodCall &call) override
    {
        lastThread = QThread::currentThread();
        ++invocations;
        lastCall = call;
        cim::MethodResult r;
        r.out.set(
            QStringLiteral("Result"),
            Value::string(QStringLiteral("frobbed %1").arg(call.in.value(u"Count").toUInt64())));
        return QtFuture::makeReadyFuture(r);
    }
};

} // namespace rd::test
