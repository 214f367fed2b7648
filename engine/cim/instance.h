#pragma once
// A CIM instance: class name, optional path, and named typed properties in declaration order.

#include "objectpath.h"
#include "value.h"

#include <QList>
#include <QString>

#include <utility>

namespace rd::cim {

class Instance
{
public:
    Instance() = default;
    explicit Instance(QString className)
        : m_className(std::move(className))
    {}

    QString className() const { return m_className; }
    void setClassName(const QString &name) { m_className = name; }

    ObjectPath path() const { return m_path; }
    void setPath(const ObjectPath &path) { m_path = path; }

    // Case-insensitive lookup; untyped NULL when absent.
    Value property(QStringView name) const;
    bool hasProperty(QStringView name) const;
    // Replaces a property of the same name (case-insensitively) or appends one.
    void setProperty(const QString &name, const Value &value);
    const QList<std::pair<QString, Value>> &properties() const & { return m_properties; }
    // From a temporary (`for (p : f().properties())`), a copy that outlives it.
    QList<std::pair<QString, Value>> properties() && { return std::move(m_properties); }
    // Replaces all properties at once in O(n); a later duplicate name (case-insensitively)
    // replaces the earlier one in its position.
    void setProperties(const QList<std::pair<QString, Value>> &properties);

    bool isEmpty() const { return m_className.isEmpty(); }

    // Class names compare case-insensitively, paths as ObjectPath does, properties by name
    // (case-insensitively, in any order) and value (exactly).
    friend bool operator==(const Instance &a, const Instance &b);

private:
    QString m_className;
    ObjectPath m_path;
    QList<std::pair<QString, Value>> m_properties;
};

} // namespace rd::cim
