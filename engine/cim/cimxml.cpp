// CIM-XML (DSP0201) reading and writing of values and embedded instances. Near 900 lines because
// the reader and the writer of one grammar are still kept side by side; splitting them into
// cimxmlreader.cpp / cimxmlwriter.cpp behind the unchanged cimxml.h is the planned next step.

#include "cimxml.h"

#include <QSet>
#include <QStringList>
#include <QXmlStreamReader>
#include <QXmlStreamWriter>

namespace rd::cim::cimxml {

namespace {

using Token = QXmlStreamReader::TokenType;

struct Location
{
    qint64 line = 0;
    qint64 column = 0;
};

QString elide(QStringView text)
{
    constexpr qsizetype kMax = 40;
    if (text.size() <= kMax)
        return text.toString();
    return text.first(kMax).toString() + u'\x2026';
}

bool isIntrinsic(CimType t)
{
    return t != CimType::Reference && t != CimType::Instance;
}

// Reads one document. Every method that returns false or nullopt has recorded why in m_error;
// the first error wins, and the reader is not touched again after it.
class Parser
{
public:
    Parser(const QString &xml, const Limits &limits, int level)
        : m_r(xml)
        , m_limits(limits)
        , m_level(level)
        , m_maxElementDepth(qMax(1, limits.maxDepth) * 4)
    {}

    Result<Instance> run()
    {
        std::optional<Instance> instance;
        const Token t = nextSignificant();
        if (t == Token::StartElement) {
            if (m_r.qualifiedName() != u"INSTANCE")
                fail(QStringLiteral("the root element is <%1>, expected <INSTANCE>")
                         .arg(m_r.qualifiedName()));
            else
                instance = instanceElement();
        } else if (t == Token::Characters) {
            fail(QStringLiteral("text before the root element"));
        } else if (t == Token::EndDocument) {
            fail(QStringLiteral("no root element"));
        }
        if (instance && nextSignificant() != Token::EndDocument)
            fail(QStringLiteral("content after the root element"));
        if (!instance || !m_error.isEmpty())
            return Error(ReturnCode::InvalidParameter,
                         m_error.isEmpty() ? QStringLiteral("invalid CIM-XML") : m_error);
        return *instance;
    }

private:
    Location here() const { return {m_r.lineNumber(), m_r.columnNumber()}; }

    bool failAt(Location at, const QString &what)
    {
        if (m_error.isEmpty())
            m_error =
                QStringLiteral("line %1, column %2: %3").arg(at.line).arg(at.column).arg(what);
        return false;
    }
    bool fail(const QString &what) { return failAt(here(), what); }

    // The next token that matters, after the checks every token gets.
    Token next()
    {
        if (!m_error.isEmpty())
            return Token::Invalid;
        for (;;) {
            const Token t = m_r.readNext();
            switch (t) {
            case Token::Invalid:
                fail(QStringLiteral("malformed XML: %1").arg(m_r.errorString()));
                return Token::Invalid;
            case Token::DTD:
                fail(QStringLiteral("document type declarations (DTD) are not allowed"));
                return Token::Invalid;
            case Token::EntityReference:
                fail(QStringLiteral("reference to the undeclared entity '&%1;'").arg(m_r.name()));
                return Token::Invalid;
            case Token::ProcessingInstruction:
                fail(QStringLiteral("processing instructions are not allowed"));
                return Token::Invalid;
            case Token::NoToken:
            case Token::StartDocument:
            case Token::Comment:
                continue;
            case Token::StartElement:
                if (++m_depth > m_maxElementDepth) {
                    fail(QStringLiteral("elements nested deeper than %1").arg(m_maxElementDepth));
                    return Token::Invalid;
                }
                return t;
            case Token::EndElement:
                --m_depth;
                return t;
            case Token::Characters:
            case Token::EndDocument:
                return t;
            }
        }
    }

    // Like next(), skipping whitespace between elements.
    Token nextSignificant()
    {
        for (;;) {
            const Token t = next();
            if (t != Token::Characters || !m_r.isWhitespace())
                return t;
        }
    }

    // Reads the next child of `parent`: true with `done` set at its end tag, true at a child's
    // start tag, false on anything else.
    bool nextChild(QStringView parent, bool &done)
    {
        const Token t = nextSignificant();
        done = t == Token::EndElement;
        if (t == Token::EndElement || t == Token::StartElement)
            return true;
        if (t == Token::Characters)
            fail(QStringLiteral("unexpected text in <%1>").arg(parent));
        return false;
    }

    bool unexpectedChild(QStringView parent)
    {
        return fail(
            QStringLiteral("unexpected element <%1> in <%2>").arg(m_r.qualifiedName(), parent));
    }

    bool expectEnd(QStringView element)
    {
        const Token t = nextSignificant();
        if (t == Token::EndElement)
            return true;
        if (t == Token::StartElement)
            return unexpectedChild(element);
        if (t == Token::Characters)
            return fail(QStringLiteral("unexpected text in <%1>").arg(element));
        return false;
    }

    // At a start tag: skips the element and everything in it.
    bool skipElement()
    {
        const int target = m_depth - 1;
        for (;;) {
            const Token t = next();
            if (t == Token::Invalid || t == Token::EndDocument)
                return false;
            if (t == Token::EndElement && m_depth == target)
                return true;
        }
    }

    // At a start tag: the element's text; child elements are an error.
    std::optional<QString> readText()
    {
        const QString element = m_r.qualifiedName().toString();
        QString out;
        for (;;) {
            const Token t = next();
            if (t == Token::Characters) {
                out += m_r.text();
            } else if (t == Token::EndElement) {
                return out;
            } else {
                if (t == Token::StartElement)
                    unexpectedChild(element);
                return std::nullopt;
            }
        }
    }

    std::optional<QString> requiredAttribute(QLatin1String name)
    {
        const QXmlStreamAttributes attrs = m_r.attributes();
        if (!attrs.hasAttribute(name) || attrs.value(name).isEmpty()) {
            fail(QStringLiteral("<%1> without %2").arg(m_r.qualifiedName(), name));
            return std::nullopt;
        }
        return attrs.value(name).toString();
    }

    std::optional<Instance> instanceElement()
    {
        const auto className = requiredAttribute(QLatin1String("CLASSNAME"));
        if (!className)
            return std::nullopt;
        QList<std::pair<QString, Value>> properties;
        QSet<QString> seen;
        for (;;) {
            bool done = false;
            if (!nextChild(u"INSTANCE", done))
                return std::nullopt;
            if (done)
                break;
            const QStringView element = m_r.qualifiedName();
            const Location at = here();
            std::optional<std::pair<QString, Value>> property;
            if (element == u"QUALIFIER") {
                if (!skipElement())
                    return std::nullopt;
                continue;
            }
            if (element == u"PROPERTY")
                property = scalarProperty();
            else if (element == u"PROPERTY.ARRAY")
                property = arrayProperty();
            else if (element == u"PROPERTY.REFERENCE")
                property = referenceProperty();
            else if (element == u"PROPERTY.REFARRAY")
                property = referenceArrayProperty();
            else
                unexpectedChild(u"INSTANCE");
            if (!property)
                return std::nullopt;
            if (properties.size() >= m_limits.maxProperties) {
                failAt(at, QStringLiteral("more than %1 properties").arg(m_limits.maxProperties));
                return std::nullopt;
            }
            QString folded = property->first.toCaseFolded();
            if (seen.contains(folded)) {
                failAt(at, QStringLiteral("duplicate property '%1'").arg(property->first));
                return std::nullopt;
            }
            seen.insert(std::move(folded));
            properties.append(std::move(*property));
        }
        Instance instance(*className);
        instance.setProperties(properties);
        return instance;
    }

    // NAME, TYPE and EmbeddedObject of PROPERTY and PROPERTY.ARRAY.
    bool propertyHeader(QString &name, CimType &type)
    {
        const auto n = requiredAttribute(QLatin1String("NAME"));
        if (!n)
            return false;
        name = *n;
        const QXmlStreamAttributes attrs = m_r.attributes();
        if (!attrs.hasAttribute(QLatin1String("TYPE")))
            return fail(QStringLiteral("property '%1' without TYPE").arg(name));
        const QStringView typeName = attrs.value(QLatin1String("TYPE"));
        const auto t = cimTypeFromName(typeName);
        if (!t || !isIntrinsic(*t))
            return fail(
                QStringLiteral("unknown TYPE '%1' of property '%2'").arg(elide(typeName), name));
        type = *t;
        QStringView embedded;
        if (attrs.hasAttribute(QLatin1String("EmbeddedObject")))
            embedded = attrs.value(QLatin1String("EmbeddedObject"));
        else if (attrs.hasAttribute(QLatin1String("EMBEDDEDOBJECT")))
            embedded = attrs.value(QLatin1String("EMBEDDEDOBJECT"));
        if (!embedded.isNull()) {
            if (embedded.compare(u"instance", Qt::CaseInsensitive) != 0 &&
                embedded.compare(u"object", Qt::CaseInsensitive) != 0)
                return fail(QStringLiteral("unknown EmbeddedObject '%1' of property '%2'")
                                .arg(elide(embedded), name));
            if (type != CimType::String)
                return fail(
                    QStringLiteral("embedded object property '%1' is not a string").arg(name));
            type = CimType::Instance;
        }
        return true;
    }

    std::optional<Value> scalarValue(CimType type, const QString &text, const QString &property,
                                     Location at)
    {
        if (type == CimType::Instance) {
            if (m_level + 1 > m_limits.maxDepth) {
                failAt(at, QStringLiteral("embedded instances nested deeper than %1")
                               .arg(m_limits.maxDepth));
                return std::nullopt;
            }
            Parser inner(text, m_limits, m_level + 1);
            const Result<Instance> r = inner.run();
            if (!r) {
                failAt(at, QStringLiteral("embedded instance in property '%1': %2")
                               .arg(property, r.error().message));
                return std::nullopt;
            }
            return Value::instance(r.value());
        }
        auto v = Value::fromText(type, text);
        if (!v)
            failAt(at, QStringLiteral("'%1' is not a valid %2 value for property '%3'")
                           .arg(elide(text), cimTypeName(type), property));
        return v;
    }

    std::optional<std::pair<QString, Value>> scalarProperty()
    {
        QString name;
        CimType type = CimType::String;
        if (!propertyHeader(name, type))
            return std::nullopt;
        std::optional<Value> value;
        for (;;) {
            bool done = false;
            if (!nextChild(u"PROPERTY", done))
                return std::nullopt;
            if (done)
                break;
            const QStringView element = m_r.qualifiedName();
            if (element == u"QUALIFIER") {
                if (!skipElement())
                    return std::nullopt;
            } else if (element == u"VALUE") {
                if (value) {
                    fail(QStringLiteral("more than one <VALUE> in property '%1'").arg(name));
                    return std::nullopt;
                }
                const Location at = here();
                const auto text = readText();
                if (!text || !(value = scalarValue(type, *text, name, at)))
                    return std::nullopt;
            } else {
                unexpectedChild(u"PROPERTY");
                return std::nullopt;
            }
        }
        return std::pair{name, value ? *value : Value::null(type)};
    }

    std::optional<Value> valueArray(CimType type, const QString &property)
    {
        QList<Value> elements;
        for (;;) {
            bool done = false;
            if (!nextChild(u"VALUE.ARRAY", done))
                return std::nullopt;
            if (done)
                break;
            if (elements.size() >= m_limits.maxArrayElements) {
                fail(QStringLiteral("more than %1 elements in array property '%2'")
                         .arg(m_limits.maxArrayElements)
                         .arg(property));
                return std::nullopt;
            }
            const QStringView element = m_r.qualifiedName();
            if (element == u"VALUE") {
                const Location at = here();
                const auto text = readText();
                if (!text)
                    return std::nullopt;
                auto v = scalarValue(type, *text, property, at);
                if (!v)
                    return std::nullopt;
                elements.append(*v);
            } else if (element == u"VALUE.NULL") {
                if (!expectEnd(u"VALUE.NULL"))
                    return std::nullopt;
                elements.append(Value::null(type));
            } else {
                unexpectedChild(u"VALUE.ARRAY");
                return std::nullopt;
            }
        }
        return Value::array(type, elements);
    }

    std::optional<std::pair<QString, Value>> arrayProperty()
    {
        QString name;
        CimType type = CimType::String;
        if (!propertyHeader(name, type))
            return std::nullopt;
        std::optional<Value> value;
        for (;;) {
            bool done = false;
            if (!nextChild(u"PROPERTY.ARRAY", done))
                return std::nullopt;
            if (done)
                break;
            const QStringView element = m_r.qualifiedName();
            if (element == u"QUALIFIER") {
                if (!skipElement())
                    return std::nullopt;
            } else if (element == u"VALUE.ARRAY") {
                if (value) {
                    fail(QStringLiteral("more than one <VALUE.ARRAY> in property '%1'").arg(name));
                    return std::nullopt;
                }
                if (!(value = valueArray(type, name)))
                    return std::nullopt;
            } else {
                unexpectedChild(u"PROPERTY.ARRAY");
                return std::nullopt;
            }
        }
        return std::pair{name, value ? *value : Value::null(type, true)};
    }

    std::optional<std::pair<QString, Value>> referenceProperty()
    {
        const auto name = requiredAttribute(QLatin1String("NAME"));
        if (!name)
            return std::nullopt;
        std::optional<Value> value;
        for (;;) {
            bool done = false;
            if (!nextChild(u"PROPERTY.REFERENCE", done))
                return std::nullopt;
            if (done)
                break;
            const QStringView element = m_r.qualifiedName();
            if (element == u"QUALIFIER") {
                if (!skipElement())
                    return std::nullopt;
            } else if (element == u"VALUE.REFERENCE") {
                if (value) {
                    fail(QStringLiteral("more than one <VALUE.REFERENCE> in property '%1'")
                             .arg(*name));
                    return std::nullopt;
                }
                const auto path = valueReference();
                if (!path)
                    return std::nullopt;
                value = Value::reference(*path);
            } else {
                unexpectedChild(u"PROPERTY.REFERENCE");
                return std::nullopt;
            }
        }
        return std::pair{*name, value ? *value : Value::null(CimType::Reference)};
    }

    std::optional<std::pair<QString, Value>> referenceArrayProperty()
    {
        const auto name = requiredAttribute(QLatin1String("NAME"));
        if (!name)
            return std::nullopt;
        std::optional<Value> value;
        for (;;) {
            bool done = false;
            if (!nextChild(u"PROPERTY.REFARRAY", done))
                return std::nullopt;
            if (done)
                break;
            const QStringView element = m_r.qualifiedName();
            if (element == u"QUALIFIER") {
                if (!skipElement())
                    return std::nullopt;
                continue;
            }
            if (element != u"VALUE.REFARRAY" || value) {
                unexpectedChild(u"PROPERTY.REFARRAY");
                return std::nullopt;
            }
            QList<Value> elements;
            for (;;) {
                bool end = false;
                if (!nextChild(u"VALUE.REFARRAY", end))
                    return std::nullopt;
                if (end)
                    break;
                if (elements.size() >= m_limits.maxArrayElements) {
                    fail(QStringLiteral("more than %1 elements in array property '%2'")
                             .arg(m_limits.maxArrayElements)
                             .arg(*name));
                    return std::nullopt;
                }
                const QStringView child = m_r.qualifiedName();
                if (child == u"VALUE.REFERENCE") {
                    const auto path = valueReference();
                    if (!path)
                        return std::nullopt;
                    elements.append(Value::reference(*path));
                } else if (child == u"VALUE.NULL") {
                    if (!expectEnd(u"VALUE.NULL"))
                        return std::nullopt;
                    elements.append(Value::null(CimType::Reference));
                } else {
                    unexpectedChild(u"VALUE.REFARRAY");
                    return std::nullopt;
                }
            }
            value = Value::array(CimType::Reference, elements);
        }
        return std::pair{*name, value ? *value : Value::null(CimType::Reference, true)};
    }

    // At <VALUE.REFERENCE>: one INSTANCEPATH, LOCALINSTANCEPATH or INSTANCENAME.
    std::optional<ObjectPath> valueReference()
    {
        bool done = false;
        if (!nextChild(u"VALUE.REFERENCE", done))
            return std::nullopt;
        if (done) {
            fail(QStringLiteral("empty <VALUE.REFERENCE>"));
            return std::nullopt;
        }
        const QStringView element = m_r.qualifiedName();
        std::optional<ObjectPath> path;
        if (element == u"INSTANCEPATH") {
            path = instancePath(true);
        } else if (element == u"LOCALINSTANCEPATH") {
            path = instancePath(false);
        } else if (element == u"INSTANCENAME") {
            path = instanceName(QString());
        } else if (element == u"CLASSPATH" || element == u"LOCALCLASSPATH" ||
                   element == u"CLASSNAME") {
            fail(QStringLiteral("class references are not supported"));
        } else {
            unexpectedChild(u"VALUE.REFERENCE");
        }
        if (!path || !expectEnd(u"VALUE.REFERENCE"))
            return std::nullopt;
        return path;
    }

    // At <INSTANCEPATH> (NAMESPACEPATH, INSTANCENAME; the host is dropped) or
    // <LOCALINSTANCEPATH> (LOCALNAMESPACEPATH, INSTANCENAME).
    std::optional<ObjectPath> instancePath(bool withHost)
    {
        const QString element = m_r.qualifiedName().toString();
        bool done = false;
        if (!nextChild(element, done))
            return std::nullopt;
        std::optional<QString> nameSpace;
        if (!done && withHost && m_r.qualifiedName() == u"NAMESPACEPATH")
            nameSpace = nameSpacePath();
        else if (!done && !withHost && m_r.qualifiedName() == u"LOCALNAMESPACEPATH")
            nameSpace = localNameSpacePath();
        else if (done)
            fail(QStringLiteral("empty <%1>").arg(element));
        else
            unexpectedChild(element);
        if (!nameSpace || !nextChild(element, done))
            return std::nullopt;
        if (done || m_r.qualifiedName() != u"INSTANCENAME") {
            if (done)
                fail(QStringLiteral("<%1> without <INSTANCENAME>").arg(element));
            else
                unexpectedChild(element);
            return std::nullopt;
        }
        auto path = instanceName(*nameSpace);
        if (!path || !expectEnd(element))
            return std::nullopt;
        return path;
    }

    // At <NAMESPACEPATH>: HOST, LOCALNAMESPACEPATH.
    std::optional<QString> nameSpacePath()
    {
        bool done = false;
        if (!nextChild(u"NAMESPACEPATH", done))
            return std::nullopt;
        if (done || m_r.qualifiedName() != u"HOST") {
            if (done)
                fail(QStringLiteral("empty <NAMESPACEPATH>"));
            else
                unexpectedChild(u"NAMESPACEPATH");
            return std::nullopt;
        }
        if (!readText() || !nextChild(u"NAMESPACEPATH", done))
            return std::nullopt;
        if (done || m_r.qualifiedName() != u"LOCALNAMESPACEPATH") {
            if (done)
                fail(QStringLiteral("<NAMESPACEPATH> without <LOCALNAMESPACEPATH>"));
            else
                unexpectedChild(u"NAMESPACEPATH");
            return std::nullopt;
        }
        auto ns = localNameSpacePath();
        if (!ns || !expectEnd(u"NAMESPACEPATH"))
            return std::nullopt;
        return ns;
    }

    // At <LOCALNAMESPACEPATH>: NAMESPACE+, joined with '/'.
    std::optional<QString> localNameSpacePath()
    {
        QStringList parts;
        for (;;) {
            bool done = false;
            if (!nextChild(u"LOCALNAMESPACEPATH", done))
                return std::nullopt;
            if (done)
                break;
            if (m_r.qualifiedName() != u"NAMESPACE") {
                unexpectedChild(u"LOCALNAMESPACEPATH");
                return std::nullopt;
            }
            if (parts.size() >= m_limits.maxProperties) {
                fail(QStringLiteral("more than %1 namespace parts").arg(m_limits.maxProperties));
                return std::nullopt;
            }
            const auto name = requiredAttribute(QLatin1String("NAME"));
            if (!name || !expectEnd(u"NAMESPACE"))
                return std::nullopt;
            parts.append(*name);
        }
        if (parts.isEmpty()) {
            fail(QStringLiteral("empty <LOCALNAMESPACEPATH>"));
            return std::nullopt;
        }
        return parts.join(u'/');
    }

    // At <INSTANCENAME CLASSNAME>: KEYBINDING*.
    std::optional<ObjectPath> instanceName(const QString &nameSpace)
    {
        const auto className = requiredAttribute(QLatin1String("CLASSNAME"));
        if (!className)
            return std::nullopt;
        QList<std::pair<QString, Value>> keys;
        QSet<QString> seen;
        for (;;) {
            bool done = false;
            if (!nextChild(u"INSTANCENAME", done))
                return std::nullopt;
            if (done)
                break;
            if (m_r.qualifiedName() != u"KEYBINDING") {
                if (m_r.qualifiedName() == u"KEYVALUE" || m_r.qualifiedName() == u"VALUE.REFERENCE")
                    fail(QStringLiteral("<INSTANCENAME> without KEYBINDING is not supported"));
                else
                    unexpectedChild(u"INSTANCENAME");
                return std::nullopt;
            }
            const Location at = here();
            if (keys.size() >= m_limits.maxProperties) {
                fail(QStringLiteral("more than %1 keys").arg(m_limits.maxProperties));
                return std::nullopt;
            }
            const auto name = requiredAttribute(QLatin1String("NAME"));
            if (!name)
                return std::nullopt;
            const auto value = keyBindingValue(*name);
            if (!value)
                return std::nullopt;
            QString folded = name->toCaseFolded();
            if (seen.contains(folded)) {
                failAt(at, QStringLiteral("duplicate key '%1'").arg(*name));
                return std::nullopt;
            }
            seen.insert(std::move(folded));
            keys.append({*name, *value});
        }
        return ObjectPath(nameSpace, *className, std::move(keys));
    }

    // At <KEYBINDING>: KEYVALUE or VALUE.REFERENCE.
    std::optional<Value> keyBindingValue(const QString &key)
    {
        bool done = false;
        if (!nextChild(u"KEYBINDING", done))
            return std::nullopt;
        std::optional<Value> value;
        if (done) {
            fail(QStringLiteral("empty <KEYBINDING> '%1'").arg(key));
        } else if (m_r.qualifiedName() == u"KEYVALUE") {
            value = keyValue(key);
        } else if (m_r.qualifiedName() == u"VALUE.REFERENCE") {
            if (const auto path = valueReference())
                value = Value::reference(*path);
        } else {
            unexpectedChild(u"KEYBINDING");
        }
        if (!value || !expectEnd(u"KEYBINDING"))
            return std::nullopt;
        return value;
    }

    // At <KEYVALUE VALUETYPE TYPE>.
    std::optional<Value> keyValue(const QString &key)
    {
        const QXmlStreamAttributes attrs = m_r.attributes();
        const QString valueType = attrs.hasAttribute(QLatin1String("VALUETYPE"))
                                      ? attrs.value(QLatin1String("VALUETYPE")).toString()
                                      : QStringLiteral("string");
        const QString typeName = attrs.value(QLatin1String("TYPE")).toString();
        const Location at = here();
        const auto text = readText();
        if (!text)
            return std::nullopt;
        std::optional<CimType> type;
        if (!typeName.isEmpty()) {
            type = cimTypeFromName(typeName);
            if (!type || !isIntrinsic(*type)) {
                failAt(at,
                       QStringLiteral("unknown TYPE '%1' of key '%2'").arg(elide(typeName), key));
                return std::nullopt;
            }
        }
        bool consistent = true;
        if (valueType == u"string") {
            if (!type)
                type = CimType::String;
            consistent =
                *type == CimType::String || *type == CimType::Char16 || *type == CimType::DateTime;
        } else if (valueType == u"boolean") {
            if (!type)
                type = CimType::Boolean;
            consistent = *type == CimType::Boolean;
        } else if (valueType == u"numeric") {
            if (!type) {
                const QStringView t = QStringView(*text).trimmed();
                if (t.contains(u'.') || t.contains(u'e') || t.contains(u'E') || t.contains(u'N'))
                    type = CimType::Real64;
                else
                    type = t.startsWith(u'-') ? CimType::SInt64 : CimType::UInt64;
            }
            consistent = isInteger(*type) || *type == CimType::Real32 || *type == CimType::Real64;
        } else {
            failAt(at,
                   QStringLiteral("unknown VALUETYPE '%1' of key '%2'").arg(elide(valueType), key));
            return std::nullopt;
        }
        if (!consistent) {
            failAt(at, QStringLiteral("TYPE '%1' does not match VALUETYPE '%2' of key '%3'")
                           .arg(typeName, valueType, key));
            return std::nullopt;
        }
        auto v = Value::fromText(*type, *text);
        if (!v)
            failAt(at, QStringLiteral("'%1' is not a valid %2 value for key '%3'")
                           .arg(elide(*text), cimTypeName(*type), key));
        return v;
    }

    QXmlStreamReader m_r;
    const Limits &m_limits;
    int m_level;
    int m_maxElementDepth;
    int m_depth = 0;
    QString m_error;
};

// ---- writing ----

void writeValueReference(QXmlStreamWriter &w, const ObjectPath &path);

void writeInstanceName(QXmlStreamWriter &w, const ObjectPath &path)
{
    w.writeStartElement(QStringLiteral("INSTANCENAME"));
    w.writeAttribute(QStringLiteral("CLASSNAME"), path.className());
    for (const auto &[name, value] : path.keys()) {
        w.writeStartElement(QStringLiteral("KEYBINDING"));
        w.writeAttribute(QStringLiteral("NAME"), name);
        if (!value.isNull() && !value.isArray() && value.type() == CimType::Reference) {
            writeValueReference(w, value.toReference());
        } else {
            w.writeStartElement(QStringLiteral("KEYVALUE"));
            const CimType t = value.type();
            QString valueType = QStringLiteral("string");
            if (t == CimType::Boolean)
                valueType = QStringLiteral("boolean");
            else if (isInteger(t) || t == CimType::Real32 || t == CimType::Real64)
                valueType = QStringLiteral("numeric");
            w.writeAttribute(QStringLiteral("VALUETYPE"), valueType);
            if (value.isTyped() && isIntrinsic(t))
                w.writeAttribute(QStringLiteral("TYPE"), cimTypeName(t));
            w.writeCharacters(value.isArray() ? value.toDisplayString() : value.toText());
            w.writeEndElement();
        }
        w.writeEndElement();
    }
    w.writeEndElement();
}

void writeValueReference(QXmlStreamWriter &w, const ObjectPath &path)
{
    w.writeStartElement(QStringLiteral("VALUE.REFERENCE"));
    const QStringList parts = path.nameSpace().split(u'/', Qt::SkipEmptyParts);
    if (!parts.isEmpty()) {
        w.writeStartElement(QStringLiteral("LOCALINSTANCEPATH"));
        w.writeStartElement(QStringLiteral("LOCALNAMESPACEPATH"));
        for (const QString &part : parts) {
            w.writeEmptyElement(QStringLiteral("NAMESPACE"));
            w.writeAttribute(QStringLiteral("NAME"), part);
        }
        w.writeEndElement();
        writeInstanceName(w, path);
        w.writeEndElement();
    } else {
        writeInstanceName(w, path);
    }
    w.writeEndElement();
}

void writeProperty(QXmlStreamWriter &w, const QString &name, const Value &value)
{
    const CimType type = value.type(); // String for the untyped NULL
    if (type == CimType::Reference) {
        if (value.isArray()) {
            w.writeStartElement(QStringLiteral("PROPERTY.REFARRAY"));
            w.writeAttribute(QStringLiteral("NAME"), name);
            if (!value.isNull()) {
                w.writeStartElement(QStringLiteral("VALUE.REFARRAY"));
                for (const Value &e : value.elements()) {
                    if (e.isNull())
                        w.writeEmptyElement(QStringLiteral("VALUE.NULL"));
                    else
                        writeValueReference(w, e.toReference());
                }
                w.writeEndElement();
            }
        } else {
            w.writeStartElement(QStringLiteral("PROPERTY.REFERENCE"));
            w.writeAttribute(QStringLiteral("NAME"), name);
            if (!value.isNull()) {
                const ObjectPath path = value.toReference();
                w.writeAttribute(QStringLiteral("REFERENCECLASS"), path.className());
                writeValueReference(w, path);
            }
        }
        w.writeEndElement();
        return;
    }

    w.writeStartElement(value.isArray() ? QStringLiteral("PROPERTY.ARRAY")
                                        : QStringLiteral("PROPERTY"));
    w.writeAttribute(QStringLiteral("NAME"), name);
    w.writeAttribute(QStringLiteral("TYPE"),
                     type == CimType::Instance ? QStringLiteral("string") : cimTypeName(type));
    if (type == CimType::Instance)
        w.writeAttribute(QStringLiteral("EmbeddedObject"), QStringLiteral("instance"));
    if (!value.isNull()) {
        if (value.isArray()) {
            w.writeStartElement(QStringLiteral("VALUE.ARRAY"));
            for (const Value &e : value.elements()) {
                if (e.isNull())
                    w.writeEmptyElement(QStringLiteral("VALUE.NULL"));
                else
                    w.writeTextElement(QStringLiteral("VALUE"), e.toText());
            }
            w.writeEndElement();
        } else {
            w.writeTextElement(QStringLiteral("VALUE"), value.toText());
        }
    }
    w.writeEndElement();
}

} // namespace

Result<Instance> parseInstance(QStringView xml, const Limits &limits)
{
    if (xml.size() > limits.maxChars)
        return Error(ReturnCode::InvalidParameter,
                     QStringLiteral("CIM-XML of %1 characters exceeds the limit of %2")
                         .arg(xml.size())
                         .arg(limits.maxChars));
    Parser parser(xml.toString(), limits, 1);
    return parser.run();
}

QString writeInstance(const Instance &instance)
{
    QString out;
    QXmlStreamWriter w(&out);
    w.setAutoFormatting(false);
    w.writeStartElement(QStringLiteral("INSTANCE"));
    w.writeAttribute(QStringLiteral("CLASSNAME"), instance.className());
    for (const auto &[name, value] : instance.properties())
        writeProperty(w, name, value);
    w.writeEndElement();
    return out;
}

} // namespace rd::cim::cimxml
