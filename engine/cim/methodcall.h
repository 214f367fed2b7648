#pragma once
// A request as a value: the target object, the method name and typed parameters; and its answer.

#include "objectpath.h"
#include "result.h"
#include "value.h"

#include <QList>
#include <QString>

#include <utility>

namespace rd::cim {

// Named parameters in order; names compare case-insensitively.
class Parameters
{
public:
    Value value(QStringView name) const; // untyped NULL when absent
    bool contains(QStringView name) const;
    void set(const QString &name, const Value &value);
    const QList<std::pair<QString, Value>> &items() const & { return m_items; }
    QList<std::pair<QString, Value>> items() && { return std::move(m_items); }
    bool isEmpty() const { return m_items.isEmpty(); }

    friend bool operator==(const Parameters &a, const Parameters &b)
    {
        return a.m_items == b.m_items;
    }

private:
    QList<std::pair<QString, Value>> m_items;
};

struct MethodCall
{
    ObjectPath target; // the service (or other object) the method is invoked on
    QString method;
    Parameters in;
};

struct MethodResult
{
    quint32 returnValue = 0;
    Parameters out;
    QString message; // the engine's explanation when returnValue is an error; empty otherwise
    // The input parameter the refusal is about (cim::Error::parameter); empty when none is.
    QString parameter;

    static MethodResult failure(quint32 code, const QString &message, const QString &parameter = {})
    {
        MethodResult r;
        r.returnValue = code;
        r.message = message;
        r.parameter = parameter;
        return r;
    }
    static MethodResult failure(const Error &e) { return failure(e.code, e.message, e.parameter); }
};

} // namespace rd::cim
