#include "objectpath.h"

#include "cimxml.h"
#include "instance.h"

#include <QHashFunctions>
#include <QSet>

#include <algorithm>

namespace rd::cim {

namespace {

// Nested references double their backslashes per level, so real paths are shallow; the bound
// only keeps hostile input from recursing far.
constexpr int kMaxNesting = 32;

QString fold(QStringView s)
{
    return s.toString().toCaseFolded();
}

bool isIdentifierStart(QChar c)
{
    return c == u'_' || (c.unicode() < 0x80 ? ((c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z'))
                                            : c.isLetter());
}

bool isIdentifierChar(QChar c)
{
    return isIdentifierStart(c) || (c >= u'0' && c <= u'9') ||
           (c.unicode() >= 0x80 && c.isNumber());
}

bool isNameSpace(QStringView s)
{
    if (s.isEmpty())
        return false;
    return std::all_of(s.begin(), s.end(), [](QChar c) {
        return isIdentifierChar(c) || c == u'/' || c == u'\\' || c == u'-';
    });
}

QString quote(QStringView s)
{
    QString out;
    out.reserve(s.size() + 2);
    out += u'"';
    for (const QChar c : s) {
        if (c == u'"' || c == u'\\')
            out += u'\\';
        out += c;
    }
    out += u'"';
    return out;
}

bool isReferenceValue(const Value &v)
{
    return v.isTyped() && !v.isNull() && !v.isArray() && v.type() == CimType::Reference;
}

bool keyValueEquals(const Value &a, const Value &b)
{
    const bool aRef = isReferenceValue(a);
    if (aRef != isReferenceValue(b))
        return false;
    if (aRef)
        return a.toReference() == b.toReference();
    return ObjectPath::keyValueText(a) == ObjectPath::keyValueText(b);
}

size_t keyValueHash(const Value &v, size_t seed)
{
    using ::qHash;
    using rd::cim::qHash;
    if (isReferenceValue(v))
        return qHash(v.toReference(), qHash(0x5265u, seed));
    return qHash(ObjectPath::keyValueText(v), seed);
}

// Sorts keys by case-folded name; of names equal case-insensitively the last one wins.
void normaliseKeys(QList<std::pair<QString, Value>> &keys)
{
    struct Item
    {
        QString folded;
        qsizetype index;
    };
    std::vector<Item> items;
    items.reserve(size_t(keys.size()));
    for (qsizetype i = 0; i < keys.size(); ++i)
        items.push_back({fold(keys[i].first), i});
    std::stable_sort(items.begin(), items.end(),
                     [](const Item &a, const Item &b) { return a.folded < b.folded; });
    QList<std::pair<QString, Value>> sorted;
    sorted.reserve(keys.size());
    for (size_t i = 0; i < items.size(); ++i) {
        if (i + 1 < items.size() && items[i + 1].folded == items[i].folded)
            continue; // a later duplicate follows (stable sort keeps input order)
        sorted.append(keys[items[i].index]);
    }
    keys = std::move(sorted);
}

class PathParser
{
public:
    explicit PathParser(QStringView text)
        : m_s(text)
    {}

    std::optional<ObjectPath> parse(int depth)
    {
        if (depth > kMaxNesting || m_s.isEmpty())
            return std::nullopt;
        // A namespace ends at the first ':' that comes before any '.', '"' or '='.
        qsizetype colon = -1;
        for (qsizetype i = 0; i < m_s.size(); ++i) {
            const QChar c = m_s[i];
            if (c == u':') {
                colon = i;
                break;
            }
            if (c == u'.' || c == u'"' || c == u'=')
                break;
        }
        QString nameSpace;
        if (colon >= 0) {
            if (!isNameSpace(m_s.first(colon)))
                return std::nullopt;
            nameSpace = m_s.first(colon).toString();
            m_pos = colon + 1;
        }
        const QStringView className = identifier();
        if (className.isEmpty())
            return std::nullopt;
        ObjectPath path(nameSpace, className.toString());
        if (m_pos == m_s.size())
            return path;
        if (m_s[m_pos] != u'.')
            return std::nullopt;
        ++m_pos;
        QList<std::pair<QString, Value>> keys;
        QSet<QString> seen;
        for (;;) {
            const QStringView name = identifier();
            if (name.isEmpty() || m_pos >= m_s.size() || m_s[m_pos] != u'=')
                return std::nullopt;
            ++m_pos;
            auto value = keyValue(depth);
            if (!value)
                return std::nullopt;
            QString folded = fold(name);
            if (seen.contains(folded))
                return std::nullopt;
            seen.insert(std::move(folded));
            keys.append({name.toString(), *value});
            if (m_pos == m_s.size())
                break;
            if (m_s[m_pos] != u',')
                return std::nullopt;
            ++m_pos;
        }
        return ObjectPath(nameSpace, className.toString(), std::move(keys));
    }

private:
    QStringView identifier()
    {
        const qsizetype start = m_pos;
        if (m_pos < m_s.size() && isIdentifierStart(m_s[m_pos])) {
            ++m_pos;
            while (m_pos < m_s.size() && isIdentifierChar(m_s[m_pos]))
                ++m_pos;
        }
        return m_s.sliced(start, m_pos - start);
    }

    std::optional<Value> keyValue(int depth)
    {
        if (m_pos >= m_s.size())
            return std::nullopt;
        if (m_s[m_pos] == u'"')
            return quotedValue(depth);
        const qsizetype start = m_pos;
        while (m_pos < m_s.size() && m_s[m_pos] != u',')
            ++m_pos;
        const QStringView token = m_s.sliced(start, m_pos - start);
        if (token.compare(u"TRUE", Qt::CaseInsensitive) == 0)
            return Value::boolean(true);
        if (token.compare(u"FALSE", Qt::CaseInsensitive) == 0)
            return Value::boolean(false);
        if (token == u"NULL")
            return Value();
        const bool integral =
            !token.isEmpty() && std::all_of(token.begin() + (token[0] == u'-' ? 1 : 0), token.end(),
                                            [](QChar c) { return c >= u'0' && c <= u'9'; });
        if (integral)
            return Value::fromText(token[0] == u'-' ? CimType::SInt64 : CimType::UInt64, token);
        if (token.isEmpty() || token[0] == u'+' || token.trimmed().size() != token.size())
            return std::nullopt;
        return Value::fromText(CimType::Real64, token);
    }

    std::optional<Value> quotedValue(int depth)
    {
        ++m_pos; // opening quote
        QString content;
        for (;;) {
            if (m_pos >= m_s.size())
                return std::nullopt; // unterminated
            const QChar c = m_s[m_pos++];
            if (c == u'"')
                break;
            if (c == u'\\') {
                if (m_pos >= m_s.size() || (m_s[m_pos] != u'"' && m_s[m_pos] != u'\\'))
                    return std::nullopt;
                content += m_s[m_pos++];
                continue;
            }
            content += c;
        }
        if (content.size() == 25) {
            if (const auto dt = DateTime::fromCimString(content))
                return Value::dateTime(*dt);
        }
        // A nested reference is a canonical path with a namespace or keys; other text stays a
        // string (see objectpath.h).
        if (content.contains(u':') || content.contains(u'.')) {
            PathParser nested(content);
            if (auto p = nested.parse(depth + 1);
                p && (!p->nameSpace().isEmpty() || !p->keys().isEmpty()) &&
                p->toString() == content)
                return Value::reference(*p);
        }
        return Value::string(content);
    }

    QStringView m_s;
    qsizetype m_pos = 0;
};

} // namespace

ObjectPath::ObjectPath(QString nameSpace, QString className, QList<std::pair<QString, Value>> keys)
    : m_className(std::move(className))
    , m_keys(std::move(keys))
{
    setNameSpace(nameSpace);
    normaliseKeys(m_keys);
}

Value ObjectPath::key(QStringView name) const
{
    const QString folded = fold(name);
    for (const auto &[k, v] : m_keys) {
        if (fold(k) == folded)
            return v;
    }
    return Value();
}

void ObjectPath::setKey(const QString &name, const Value &value)
{
    const QString folded = fold(name);
    const auto it = std::lower_bound(
        m_keys.begin(), m_keys.end(), folded,
        [](const std::pair<QString, Value> &k, const QString &f) { return fold(k.first) < f; });
    if (it != m_keys.end() && fold(it->first) == folded)
        *it = {name, value};
    else
        m_keys.insert(it, {name, value});
}

void ObjectPath::setNameSpace(const QString &ns)
{
    m_nameSpace = ns;
    m_nameSpace.replace(u'\\', u'/');
}

QString ObjectPath::keyValueText(const Value &value)
{
    if (value.isNull())
        return QStringLiteral("NULL");
    if (value.isArray())
        return quote(value.toDisplayString());
    switch (value.type()) {
    case CimType::Boolean:
        return value.toBool() ? QStringLiteral("TRUE") : QStringLiteral("FALSE");
    case CimType::UInt8:
    case CimType::SInt8:
    case CimType::UInt16:
    case CimType::SInt16:
    case CimType::UInt32:
    case CimType::SInt32:
    case CimType::UInt64:
    case CimType::SInt64:
    case CimType::Real32:
    case CimType::Real64:
        return value.toText();
    case CimType::Char16:
    case CimType::String:
    case CimType::DateTime:
    case CimType::Reference:
    case CimType::Instance:
        return quote(value.toText());
    }
    return {};
}

QString ObjectPath::toString() const
{
    QString out;
    if (!m_nameSpace.isEmpty())
        out += m_nameSpace + u':';
    out += m_className;
    for (qsizetype i = 0; i < m_keys.size(); ++i) {
        out += (i == 0 ? u'.' : u',');
        out += m_keys[i].first + u'=' + keyValueText(m_keys[i].second);
    }
    return out;
}

std::optional<ObjectPath> ObjectPath::fromString(QStringView text)
{
    PathParser parser(text);
    return parser.parse(0);
}

bool operator==(const ObjectPath &a, const ObjectPath &b)
{
    if (a.m_keys.size() != b.m_keys.size() || fold(a.m_className) != fold(b.m_className) ||
        fold(a.m_nameSpace) != fold(b.m_nameSpace))
        return false;
    for (qsizetype i = 0; i < a.m_keys.size(); ++i) {
        if (fold(a.m_keys[i].first) != fold(b.m_keys[i].first) ||
            !keyValueEquals(a.m_keys[i].second, b.m_keys[i].second))
            return false;
    }
    return true;
}

size_t qHash(const ObjectPath &path, size_t seed)
{
    using ::qHash;
    seed = qHashMulti(seed, path.nameSpace().toCaseFolded(), path.className().toCaseFolded());
    for (const auto &[name, value] : path.keys())
        seed = keyValueHash(value, qHash(name.toCaseFolded(), seed));
    return seed;
}

} // namespace rd::cim
