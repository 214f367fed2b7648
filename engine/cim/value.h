#pragma once
// A typed CIM value: every intrinsic type of DSP0004, references, embedded instances, arrays of
// each, and NULL (which keeps its type, as a NULL parameter still has one).

#include "datetime.h"

#include <QList>
#include <QString>

#include <memory>
#include <optional>

namespace rd::cim {

class ObjectPath;
class Instance;

enum class CimType : quint8 {
    Boolean,
    UInt8,
    SInt8,
    UInt16,
    SInt16,
    UInt32,
    SInt32,
    UInt64,
    SInt64,
    Real32,
    Real64,
    Char16,
    String,
    DateTime,
    Reference,
    Instance, // embedded instance (EmbeddedInstance / EmbeddedObject qualifier on a string)
};

// The DSP0004 name of a type ("uint16", "datetime", "ref", "instance"); and back, case-insensitive.
QString cimTypeName(CimType type);
std::optional<CimType> cimTypeFromName(QStringView name);
bool isInteger(CimType type);
bool isSigned(CimType type); // the signed integer types (sint8…sint64)

class Value
{
public:
    Value(); // untyped NULL (a parameter left out)
    static Value null(CimType type, bool array = false);

    static Value boolean(bool v);
    static Value uint8(quint8 v);
    static Value sint8(qint8 v);
    static Value uint16(quint16 v);
    static Value sint16(qint16 v);
    static Value uint32(quint32 v);
    static Value sint32(qint32 v);
    static Value uint64(quint64 v);
    static Value sint64(qint64 v);
    static Value real32(float v);
    static Value real64(double v);
    static Value char16(char16_t v);
    static Value string(const QString &v);
    static Value dateTime(const DateTime &v);
    static Value reference(const ObjectPath &v);
    static Value instance(const Instance &v);
    // Integer of the given type, or nullopt when v does not fit it.
    static std::optional<Value> integer(CimType type, qint64 v);
    static std::optional<Value> unsignedInteger(CimType type, quint64 v);
    // An array; every element must have elementType (NULL elements allowed).
    static Value array(CimType elementType, const QList<Value> &elements);

    bool isNull() const;  // NULL scalar or NULL array
    bool isTyped() const; // false only for the untyped NULL
    bool isArray() const;
    CimType type() const; // element type for arrays

    // Scalar access; the caller checks type() first. Wrong-type access returns a zero value.
    bool toBool() const;
    quint64 toUInt64() const; // any unsigned integer type (or a signed one that is not negative)
    qint64 toSInt64() const;  // any signed integer type (or an unsigned one that fits)
    double toReal() const;    // reals and integers
    char16_t toChar16() const;
    QString toString() const; // String and Char16
    DateTime toDateTime() const;
    ObjectPath toReference() const;
    Instance toInstance() const;
    // Array access.
    QList<Value> elements() const;

    // Scalar text as CIM-XML <VALUE> and WS-Man carry it: integers in decimal, booleans
    // "true"/"false", reals in shortest round-trip form, datetimes in CIM string form.
    // References and instances have no plain text form of their own: they use the canonical
    // ObjectPath text and CIM-XML <INSTANCE> text (the embedded-instance VALUE), both ways.
    // NULLs and arrays have no text (empty string).
    QString toText() const;
    // Parses text for a scalar of the given type; nullopt for bad syntax or out-of-range.
    // Whitespace around non-string values is ignored (XML Schema); booleans are true/false in
    // any case; reals also take INF, -INF and NaN; datetimes only the CIM string form.
    static std::optional<Value> fromText(CimType type, QStringView text);

    // Human-readable form for logs and the details pane (arrays as "{a, b}", NULL as "NULL").
    QString toDisplayString() const;

    friend bool operator==(const Value &a, const Value &b);

private:
    struct Data;
    static Value make(std::shared_ptr<const Data> data);
    std::shared_ptr<const Data> d;
};

// Consistent with operator== (reals: all NaNs are equal to each other, 0.0 and -0.0 are not).
size_t qHash(const Value &value, size_t seed = 0);

} // namespace rd::cim
