#include "instance.h"

#include <QHash>

namespace rd::cim {

Value Instance::property(QStringView name) const
{
    for (const auto &[n, v] : m_properties) {
        if (n.compare(name, Qt::CaseInsensitive) == 0)
            return v;
    }
    return Value();
}

bool Instance::hasProperty(QStringView name) const
{
    for (const auto &p : m_properties) {
        if (p.first.compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

void Instance::setProperty(const QString &name, const Value &value)
{
    for (auto &p : m_properties) {
        if (p.first.compare(name, Qt::CaseInsensitive) == 0) {
            p = {name, value};
            return;
        }
    }
    m_properties.append({name, value});
}

void Instance::setProperties(const QList<std::pair<QString, Value>> &properties)
{
    m_properties.clear();
    m_properties.reserve(properties.size());
    QHash<QString, qsizetype> index;
    index.reserve(properties.size());
    for (const auto &p : properties) {
        const QString folded = p.first.toCaseFolded();
        const auto it = index.constFind(folded);
        if (it != index.constEnd()) {
            m_properties[*it] = p;
        } else {
            index.insert(folded, m_properties.size());
            m_properties.append(p);
        }
    }
}

bool operator==(const Instance &a, const Instance &b)
{
    if (a.m_properties.size() != b.m_properties.size() ||
        a.m_className.toCaseFolded() != b.m_className.toCaseFolded() || !(a.m_path == b.m_path))
        return false;
    QHash<QString, const Value *> byName;
    byName.reserve(b.m_properties.size());
    for (const auto &[name, value] : b.m_properties)
        byName.insert(name.toCaseFolded(), &value);
    for (const auto &[name, value] : a.m_properties) {
        const auto it = byName.constFind(name.toCaseFolded());
        if (it == byName.constEnd() || !(**it == value))
            return false;
    }
    return true;
}

} // namespace rd::cim
