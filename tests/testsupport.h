#pragma once
// What every engine-level test needs: waiting for an asynchronous answer with the event loop
// running (as the console and the daemon do), and a list of references as a CIM array.

#include "cim/objectpath.h"
#include "cim/value.h"

#include <QFuture>
#include <QList>
#include <QTest>

#include <optional>

namespace rd::test {

// The future's result once it has one, or nullopt when it has none within timeoutMs.
template<class T>
std::optional<T> await(QFuture<T> future, int timeoutMs = 30000)
{
    if (!QTest::qWaitFor([&] { return future.isFinished(); }, timeoutMs) ||
        future.resultCount() == 0)
        return std::nullopt;
    return future.result();
}

inline cim::Value refs(const QList<cim::ObjectPath> &paths)
{
    QList<cim::Value> v;
    for (const auto &p : paths)
        v.append(cim::Value::reference(p));
    return cim::Value::array(cim::CimType::Reference, v);
}

} // namespace rd::test
