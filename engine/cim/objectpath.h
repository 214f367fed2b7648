#pragma once
// The name of a CIM instance: namespace, class and key properties, with one canonical text form
//   root/cimv2/storage/iscsitarget:MSISCSITARGET_StorageVolume.DeviceID="vol-1",SystemName="host"
// (keys sorted case-insensitively, strings quoted and escaped, references nested and quoted).

#include "value.h"

#include <QList>
#include <QString>

#include <optional>
#include <utility>

namespace rd::cim {

class ObjectPath
{
public:
    ObjectPath() = default;
    ObjectPath(QString nameSpace, QString className, QList<std::pair<QString, Value>> keys = {});

    // Namespaces are kept with '/' separators; WMI's "root\\cimv2" is accepted and normalised.
    QString nameSpace() const { return m_nameSpace; }
    QString className() const { return m_className; }
    const QList<std::pair<QString, Value>> &keys() const & { return m_keys; }
    // From a temporary (`for (k : i.path().keys())`), a copy that outlives it.
    QList<std::pair<QString, Value>> keys() && { return std::move(m_keys); }
    Value key(QStringView name) const; // case-insensitive; untyped NULL when absent
    void setKey(const QString &name, const Value &value);
    void setNameSpace(const QString &ns);

    bool isEmpty() const { return m_className.isEmpty(); }

    QString toString() const;
    // Parses the canonical form; nullopt for anything else (no whitespace, only \" and \\ as
    // escapes, no duplicate keys). Text carries no types, so a quoted value comes back as a
    // string, except a CIM datetime string (datetime) and a quoted canonical path with a
    // namespace or keys (reference); a bare integer comes back as uint64 (sint64 if negative).
    // Key values compare by their canonical text (references: as paths), so a path still equals
    // its parsed text whatever integer width its keys had.
    static std::optional<ObjectPath> fromString(QStringView text);
    // One key value in canonical form: "quoted \"text\"", 42, TRUE, "nested:Path.K=1".
    static QString keyValueText(const Value &value);

    // Class names, namespaces and key names compare case-insensitively (DSP0004); values exactly.
    friend bool operator==(const ObjectPath &a, const ObjectPath &b);

private:
    QString m_nameSpace;
    QString m_className;
    QList<std::pair<QString, Value>> m_keys; // sorted by lower-cased name
};

size_t qHash(const ObjectPath &path, size_t seed = 0);

} // namespace rd::cim
