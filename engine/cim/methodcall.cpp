#include "methodcall.h"

namespace rd::cim {

Value Parameters::value(QStringView name) const
{
    for (const auto &[n, v] : m_items) {
        if (n.compare(name, Qt::CaseInsensitive) == 0)
            return v;
    }
    return Value();
}

bool Parameters::contains(QStringView name) const
{
    for (const auto &item : m_items) {
        if (item.first.compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

void Parameters::set(const QString &name, const Value &value)
{
    for (auto &item : m_items) {
        if (item.first.compare(name, Qt::CaseInsensitive) == 0) {
            item = {name, value};
            return;
        }
    }
    m_items.append({name, value});
}

} // namespace rd::cim
