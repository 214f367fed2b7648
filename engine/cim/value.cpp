#include "value.h"

#include "cimxml.h"
#include "instance.h"
#include "objectpath.h"

#include <QHashFunctions>
#include <QStringList>

#include <charconv>
#include <cmath>
#include <limits>
#include <variant>

namespace rd::cim {

struct Value::Data
{
    CimType type = CimType::String;
    bool array = false;
    bool null = false;
    // Unsigned integers hold quint64, signed ones qint64, both reals double (real32 exactly).
    std::variant<std::monostate, bool, quint64, qint64, double, char16_t, QString, DateTime,
                 ObjectPath, Instance, QList<Value>>
        v;
};

namespace {

constexpr CimType kAllTypes[] = {
    CimType::Boolean, CimType::UInt8,    CimType::SInt8,     CimType::UInt16,
    CimType::SInt16,  CimType::UInt32,   CimType::SInt32,    CimType::UInt64,
    CimType::SInt64,  CimType::Real32,   CimType::Real64,    CimType::Char16,
    CimType::String,  CimType::DateTime, CimType::Reference, CimType::Instance,
};

quint64 unsignedMax(CimType type)
{
    switch (type) {
    case CimType::UInt8:
        return std::numeric_limits<quint8>::max();
    case CimType::UInt16:
        return std::numeric_limits<quint16>::max();
    case CimType::UInt32:
        return std::numeric_limits<quint32>::max();
    default:
        return std::numeric_limits<quint64>::max();
    }
}

qint64 signedMin(CimType type)
{
    switch (type) {
    case CimType::SInt8:
        return std::numeric_limits<qint8>::min();
    case CimType::SInt16:
        return std::numeric_limits<qint16>::min();
    case CimType::SInt32:
        return std::numeric_limits<qint32>::min();
    default:
        return std::numeric_limits<qint64>::min();
    }
}

qint64 signedMax(CimType type)
{
    switch (type) {
    case CimType::SInt8:
        return std::numeric_limits<qint8>::max();
    case CimType::SInt16:
        return std::numeric_limits<qint16>::max();
    case CimType::SInt32:
        return std::numeric_limits<qint32>::max();
    default:
        return std::numeric_limits<qint64>::max();
    }
}

bool isUnsignedInteger(CimType type)
{
    return type == CimType::UInt8 || type == CimType::UInt16 || type == CimType::UInt32 ||
           type == CimType::UInt64;
}

bool isReal(CimType type)
{
    return type == CimType::Real32 || type == CimType::Real64;
}

// 1+ ASCII digits, no sign; nullopt when empty, not digits or above quint64.
std::optional<quint64> parseMagnitude(QStringView s)
{
    if (s.isEmpty())
        return std::nullopt;
    quint64 v = 0;
    for (const QChar c : s) {
        if (c < u'0' || c > u'9')
            return std::nullopt;
        const quint64 digit = c.unicode() - u'0';
        if (v > (std::numeric_limits<quint64>::max() - digit) / 10)
            return std::nullopt;
        v = v * 10 + digit;
    }
    return v;
}

std::optional<quint64> parseUnsigned(QStringView s, CimType type)
{
    if (!s.isEmpty() && s[0] == u'+')
        s = s.sliced(1);
    const auto m = parseMagnitude(s);
    if (!m || *m > unsignedMax(type))
        return std::nullopt;
    return m;
}

std::optional<qint64> parseSigned(QStringView s, CimType type)
{
    bool negative = false;
    if (!s.isEmpty() && (s[0] == u'+' || s[0] == u'-')) {
        negative = s[0] == u'-';
        s = s.sliced(1);
    }
    const auto m = parseMagnitude(s);
    if (!m)
        return std::nullopt;
    if (negative) {
        // |min| = max + 1 for every width.
        if (*m > quint64(signedMax(type)) + 1)
            return std::nullopt;
        if (*m == quint64(std::numeric_limits<qint64>::max()) + 1)
            return std::numeric_limits<qint64>::min();
        const qint64 v = -qint64(*m);
        if (v < signedMin(type))
            return std::nullopt;
        return v;
    }
    if (*m > quint64(signedMax(type)))
        return std::nullopt;
    return qint64(*m);
}

// XML Schema float/double: [+-]? (digits [. digits?] | . digits) ([eE] [+-]? digits)?, or
// INF, +INF, -INF, NaN. Overflow is rejected; underflow rounds to zero as the XSD value space does.
template<class T>
std::optional<T> parseReal(QStringView s)
{
    if (s == u"NaN")
        return std::numeric_limits<T>::quiet_NaN();
    if (s == u"INF" || s == u"+INF")
        return std::numeric_limits<T>::infinity();
    if (s == u"-INF")
        return -std::numeric_limits<T>::infinity();

    // Validate the lexical form and copy it as ASCII for from_chars.
    std::string ascii;
    ascii.reserve(size_t(s.size()));
    qsizetype i = 0;
    bool negative = false;
    if (i < s.size() && (s[i] == u'+' || s[i] == u'-')) {
        negative = s[i] == u'-';
        if (negative)
            ascii.push_back('-');
        ++i;
    }
    bool nonZeroMantissa = false;
    qsizetype intDigits = 0, fracDigits = 0;
    // Decimal order of the first non-zero digit, relative to the exponent.
    qint64 order = 0;
    bool seenNonZero = false;
    while (i < s.size() && s[i] >= u'0' && s[i] <= u'9') {
        if (s[i] != u'0' && !seenNonZero) {
            seenNonZero = true;
            order = 0;
        } else if (seenNonZero) {
            ++order;
        }
        ascii.push_back(char(s[i].unicode()));
        ++intDigits;
        ++i;
    }
    if (i < s.size() && s[i] == u'.') {
        ascii.push_back('.');
        ++i;
        qint64 position = 0;
        while (i < s.size() && s[i] >= u'0' && s[i] <= u'9') {
            --position;
            if (s[i] != u'0' && !seenNonZero) {
                seenNonZero = true;
                order = position;
            }
            ascii.push_back(char(s[i].unicode()));
            ++fracDigits;
            ++i;
        }
    }
    nonZeroMantissa = seenNonZero;
    if (intDigits + fracDigits == 0)
        return std::nullopt;
    qint64 exponent = 0;
    if (i < s.size() && (s[i] == u'e' || s[i] == u'E')) {
        ascii.push_back('e');
        ++i;
        bool negExp = false;
        if (i < s.size() && (s[i] == u'+' || s[i] == u'-')) {
            negExp = s[i] == u'-';
            ascii.push_back(char(s[i].unicode()));
            ++i;
        }
        const qsizetype start = i;
        while (i < s.size() && s[i] >= u'0' && s[i] <= u'9') {
            if (exponent < 1000000)
                exponent = exponent * 10 + (s[i].unicode() - u'0');
            ascii.push_back(char(s[i].unicode()));
            ++i;
        }
        if (i == start)
            return std::nullopt;
        if (negExp)
            exponent = -exponent;
    }
    if (i != s.size())
        return std::nullopt;

    T value{};
    const auto [ptr, ec] = std::from_chars(ascii.data(), ascii.data() + ascii.size(), value);
    if (ec == std::errc::result_out_of_range) {
        if (nonZeroMantissa && order + exponent >= 0)
            return std::nullopt; // overflow
        return negative ? -T(0) : T(0);
    }
    if (ec != std::errc() || ptr != ascii.data() + ascii.size())
        return std::nullopt;
    if (std::isinf(value))
        return std::nullopt;
    return value;
}

template<class T>
QString formatReal(T v)
{
    if (std::isnan(v))
        return QStringLiteral("NaN");
    if (std::isinf(v))
        return v < 0 ? QStringLiteral("-INF") : QStringLiteral("INF");
    char buf[64];
    const auto [ptr, ec] = std::to_chars(buf, buf + sizeof buf, v);
    if (ec != std::errc())
        return {};
    return QString::fromLatin1(buf, ptr - buf);
}

bool realEquals(double a, double b)
{
    if (std::isnan(a) || std::isnan(b))
        return std::isnan(a) && std::isnan(b);
    return a == b && std::signbit(a) == std::signbit(b);
}

} // namespace

QString cimTypeName(CimType type)
{
    switch (type) {
    case CimType::Boolean:
        return QStringLiteral("boolean");
    case CimType::UInt8:
        return QStringLiteral("uint8");
    case CimType::SInt8:
        return QStringLiteral("sint8");
    case CimType::UInt16:
        return QStringLiteral("uint16");
    case CimType::SInt16:
        return QStringLiteral("sint16");
    case CimType::UInt32:
        return QStringLiteral("uint32");
    case CimType::SInt32:
        return QStringLiteral("sint32");
    case CimType::UInt64:
        return QStringLiteral("uint64");
    case CimType::SInt64:
        return QStringLiteral("sint64");
    case CimType::Real32:
        return QStringLiteral("real32");
    case CimType::Real64:
        return QStringLiteral("real64");
    case CimType::Char16:
        return QStringLiteral("char16");
    case CimType::String:
        return QStringLiteral("string");
    case CimType::DateTime:
        return QStringLiteral("datetime");
    case CimType::Reference:
        return QStringLiteral("ref");
    case CimType::Instance:
        return QStringLiteral("instance");
    }
    return {};
}

std::optional<CimType> cimTypeFromName(QStringView name)
{
    for (const CimType t : kAllTypes) {
        if (name.compare(cimTypeName(t), Qt::CaseInsensitive) == 0)
            return t;
    }
    if (name.compare(u"reference", Qt::CaseInsensitive) == 0)
        return CimType::Reference;
    return std::nullopt;
}

bool isInteger(CimType type)
{
    return isUnsignedInteger(type) || isSigned(type);
}

bool isSigned(CimType type)
{
    return type == CimType::SInt8 || type == CimType::SInt16 || type == CimType::SInt32 ||
           type == CimType::SInt64;
}

Value::Value() = default;

Value Value::make(std::shared_ptr<const Data> data)
{
    Value v;
    v.d = std::move(data);
    return v;
}

Value Value::null(CimType type, bool array)
{
    Data data;
    data.type = type;
    data.array = array;
    data.null = true;
    return make(std::make_shared<const Data>(std::move(data)));
}

#define RD_CIM_SCALAR(TYPE, PAYLOAD)                                                               \
    Data data;                                                                                     \
    data.type = TYPE;                                                                              \
    data.v = PAYLOAD;                                                                              \
    return make(std::make_shared<const Data>(std::move(data)))

Value Value::boolean(bool v)
{
    RD_CIM_SCALAR(CimType::Boolean, v);
}
Value Value::uint8(quint8 v)
{
    RD_CIM_SCALAR(CimType::UInt8, quint64(v));
}
Value Value::sint8(qint8 v)
{
    RD_CIM_SCALAR(CimType::SInt8, qint64(v));
}
Value Value::uint16(quint16 v)
{
    RD_CIM_SCALAR(CimType::UInt16, quint64(v));
}
Value Value::sint16(qint16 v)
{
    RD_CIM_SCALAR(CimType::SInt16, qint64(v));
}
Value Value::uint32(quint32 v)
{
    RD_CIM_SCALAR(CimType::UInt32, quint64(v));
}
Value Value::sint32(qint32 v)
{
    RD_CIM_SCALAR(CimType::SInt32, qint64(v));
}
Value Value::uint64(quint64 v)
{
    RD_CIM_SCALAR(CimType::UInt64, quint64(v));
}
Value Value::sint64(qint64 v)
{
    RD_CIM_SCALAR(CimType::SInt64, qint64(v));
}
Value Value::real32(float v)
{
    RD_CIM_SCALAR(CimType::Real32, double(v));
}
Value Value::real64(double v)
{
    RD_CIM_SCALAR(CimType::Real64, v);
}
Value Value::char16(char16_t v)
{
    RD_CIM_SCALAR(CimType::Char16, v);
}
Value Value::string(const QString &v)
{
    RD_CIM_SCALAR(CimType::String, v);
}
Value Value::dateTime(const DateTime &v)
{
    RD_CIM_SCALAR(CimType::DateTime, v);
}
Value Value::reference(const ObjectPath &v)
{
    RD_CIM_SCALAR(CimType::Reference, v);
}
Value Value::instance(const Instance &v)
{
    RD_CIM_SCALAR(CimType::Instance, v);
}

#undef RD_CIM_SCALAR

std::optional<Value> Value::integer(CimType type, qint64 v)
{
    if (isSigned(type)) {
        if (v < signedMin(type) || v > signedMax(type))
            return std::nullopt;
        Data data;
        data.type = type;
        data.v = v;
        return make(std::make_shared<const Data>(std::move(data)));
    }
    if (isUnsignedInteger(type) && v >= 0)
        return unsignedInteger(type, quint64(v));
    return std::nullopt;
}

std::optional<Value> Value::unsignedInteger(CimType type, quint64 v)
{
    if (isUnsignedInteger(type)) {
        if (v > unsignedMax(type))
            return std::nullopt;
        Data data;
        data.type = type;
        data.v = v;
        return make(std::make_shared<const Data>(std::move(data)));
    }
    if (isSigned(type) && v <= quint64(signedMax(type)))
        return integer(type, qint64(v));
    return std::nullopt;
}

Value Value::array(CimType elementType, const QList<Value> &elements)
{
    QList<Value> list;
    list.reserve(elements.size());
    for (const Value &e : elements) {
        // Keep the array homogeneous: an element of another type (or an array, or the
        // untyped NULL) becomes a NULL of the element type rather than breaking the invariant.
        if (e.isTyped() && !e.isArray() && e.type() == elementType) {
            list.append(e);
            continue;
        }
        if (e.isTyped() && !e.isNull())
            qWarning("rd::cim::Value::array: an element of another type was made NULL");
        list.append(null(elementType));
    }
    Data data;
    data.type = elementType;
    data.array = true;
    data.v = std::move(list);
    return make(std::make_shared<const Data>(std::move(data)));
}

bool Value::isNull() const
{
    return !d || d->null;
}

bool Value::isTyped() const
{
    return d != nullptr;
}

bool Value::isArray() const
{
    return d && d->array;
}

CimType Value::type() const
{
    return d ? d->type : CimType::String;
}

bool Value::toBool() const
{
    if (const bool *b = d ? std::get_if<bool>(&d->v) : nullptr)
        return *b;
    return false;
}

quint64 Value::toUInt64() const
{
    if (!d)
        return 0;
    if (const quint64 *u = std::get_if<quint64>(&d->v))
        return *u;
    if (const qint64 *s = std::get_if<qint64>(&d->v))
        return *s >= 0 ? quint64(*s) : 0;
    return 0;
}

qint64 Value::toSInt64() const
{
    if (!d)
        return 0;
    if (const qint64 *s = std::get_if<qint64>(&d->v))
        return *s;
    if (const quint64 *u = std::get_if<quint64>(&d->v))
        return *u <= quint64(std::numeric_limits<qint64>::max()) ? qint64(*u) : 0;
    return 0;
}

double Value::toReal() const
{
    if (!d)
        return 0;
    if (const double *r = std::get_if<double>(&d->v))
        return *r;
    if (const quint64 *u = std::get_if<quint64>(&d->v))
        return double(*u);
    if (const qint64 *s = std::get_if<qint64>(&d->v))
        return double(*s);
    return 0;
}

char16_t Value::toChar16() const
{
    if (const char16_t *c = d ? std::get_if<char16_t>(&d->v) : nullptr)
        return *c;
    return 0;
}

QString Value::toString() const
{
    if (!d)
        return {};
    if (const QString *s = std::get_if<QString>(&d->v))
        return *s;
    if (const char16_t *c = std::get_if<char16_t>(&d->v))
        return QString(QChar(*c));
    return {};
}

DateTime Value::toDateTime() const
{
    if (const DateTime *t = d ? std::get_if<DateTime>(&d->v) : nullptr)
        return *t;
    return {};
}

ObjectPath Value::toReference() const
{
    if (const ObjectPath *p = d ? std::get_if<ObjectPath>(&d->v) : nullptr)
        return *p;
    return {};
}

Instance Value::toInstance() const
{
    if (const Instance *i = d ? std::get_if<Instance>(&d->v) : nullptr)
        return *i;
    return {};
}

QList<Value> Value::elements() const
{
    if (const QList<Value> *l = d ? std::get_if<QList<Value>>(&d->v) : nullptr)
        return *l;
    return {};
}

QString Value::toText() const
{
    if (isNull() || isArray())
        return {};
    switch (d->type) {
    case CimType::Boolean:
        return toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case CimType::UInt8:
    case CimType::UInt16:
    case CimType::UInt32:
    case CimType::UInt64:
        return QString::number(std::get<quint64>(d->v));
    case CimType::SInt8:
    case CimType::SInt16:
    case CimType::SInt32:
    case CimType::SInt64:
        return QString::number(std::get<qint64>(d->v));
    case CimType::Real32:
        return formatReal(float(std::get<double>(d->v)));
    case CimType::Real64:
        return formatReal(std::get<double>(d->v));
    case CimType::Char16:
    case CimType::String:
        return toString();
    case CimType::DateTime:
        return toDateTime().toCimString();
    case CimType::Reference:
        return toReference().toString();
    case CimType::Instance:
        return cimxml::writeInstance(toInstance());
    }
    return {};
}

std::optional<Value> Value::fromText(CimType type, QStringView text)
{
    // XML Schema collapses whitespace around everything but strings (and characters).
    const QStringView t = text.trimmed();
    switch (type) {
    case CimType::Boolean:
        if (t.compare(u"true", Qt::CaseInsensitive) == 0)
            return boolean(true);
        if (t.compare(u"false", Qt::CaseInsensitive) == 0)
            return boolean(false);
        return std::nullopt;
    case CimType::UInt8:
    case CimType::UInt16:
    case CimType::UInt32:
    case CimType::UInt64:
        if (const auto u = parseUnsigned(t, type))
            return unsignedInteger(type, *u);
        return std::nullopt;
    case CimType::SInt8:
    case CimType::SInt16:
    case CimType::SInt32:
    case CimType::SInt64:
        if (const auto s = parseSigned(t, type))
            return integer(type, *s);
        return std::nullopt;
    case CimType::Real32:
        if (const auto f = parseReal<float>(t))
            return real32(*f);
        return std::nullopt;
    case CimType::Real64:
        if (const auto r = parseReal<double>(t))
            return real64(*r);
        return std::nullopt;
    case CimType::Char16:
        if (text.size() != 1 || text[0].isSurrogate())
            return std::nullopt;
        return char16(text[0].unicode());
    case CimType::String:
        return string(text.toString());
    case CimType::DateTime:
        if (const auto dt = DateTime::fromCimString(t))
            return dateTime(*dt);
        return std::nullopt;
    case CimType::Reference:
        if (const auto p = ObjectPath::fromString(t))
            return reference(*p);
        return std::nullopt;
    case CimType::Instance:
        if (auto r = cimxml::parseInstance(text); r.ok())
            return instance(r.value());
        return std::nullopt;
    }
    return std::nullopt;
}

QString Value::toDisplayString() const
{
    if (isNull())
        return QStringLiteral("NULL");
    if (isArray()) {
        QStringList parts;
        for (const Value &e : std::get<QList<Value>>(d->v))
            parts.append(e.toDisplayString());
        return u'{' + parts.join(QStringLiteral(", ")) + u'}';
    }
    switch (d->type) {
    case CimType::DateTime:
        return toDateTime().toXsdString();
    case CimType::Instance: {
        const Instance inst = toInstance();
        QStringList parts;
        for (const auto &[name, value] : inst.properties())
            parts.append(name + u'=' + value.toDisplayString());
        return inst.className() + QStringLiteral(" {") + parts.join(QStringLiteral(", ")) + u'}';
    }
    default:
        return toText();
    }
}

bool operator==(const Value &a, const Value &b)
{
    if (a.d == b.d)
        return true;
    if (!a.d || !b.d)
        return false;
    const Value::Data &x = *a.d;
    const Value::Data &y = *b.d;
    if (x.type != y.type || x.array != y.array || x.null != y.null)
        return false;
    if (x.null)
        return true;
    if (!x.array && isReal(x.type))
        return realEquals(std::get<double>(x.v), std::get<double>(y.v));
    return x.v == y.v;
}

size_t qHash(const Value &value, size_t seed)
{
    using ::qHash;
    if (!value.isTyped())
        return qHash(0x7e57u, seed);
    seed = qHashMulti(seed, int(value.type()), value.isArray(), value.isNull());
    if (value.isNull())
        return seed;
    if (value.isArray()) {
        for (const Value &e : value.elements())
            seed = qHash(e, seed);
        return seed;
    }
    switch (value.type()) {
    case CimType::Boolean:
        return qHash(value.toBool(), seed);
    case CimType::UInt8:
    case CimType::UInt16:
    case CimType::UInt32:
    case CimType::UInt64:
        return qHash(value.toUInt64(), seed);
    case CimType::SInt8:
    case CimType::SInt16:
    case CimType::SInt32:
    case CimType::SInt64:
        return qHash(value.toSInt64(), seed);
    case CimType::Real32:
    case CimType::Real64: {
        const double r = value.toReal();
        return std::isnan(r) ? qHash(0x4e614eu, seed) : qHash(r, seed);
    }
    case CimType::Char16:
    case CimType::String:
        return qHash(value.toString(), seed);
    case CimType::DateTime:
        return qHash(value.toDateTime(), seed);
    case CimType::Reference:
        return qHash(value.toReference(), seed);
    case CimType::Instance: {
        const Instance inst = value.toInstance();
        return qHashMulti(seed, inst.className().toCaseFolded(), inst.properties().size());
    }
    }
    return seed;
}

} // namespace rd::cim
