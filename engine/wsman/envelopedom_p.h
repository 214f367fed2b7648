#pragma once
// The envelope reader's small bounded DOM (built by parseXml within ReadLimits) and its
// fault-or-value result; private to the envelope's .cpp files.

#include "envelope.h"

#include <QCoreApplication>

#include <memory>
#include <vector>

namespace rd::wsman::detail {

inline QString tr(const char *text)
{
    return QCoreApplication::translate("rd::wsman::Envelope", text);
}

// A small bounded DOM. Interpreting a tree is far simpler than interpreting a token stream, and
// the size limit bounds the tree.

struct Attr
{
    QString ns;
    QString name;
    QString value;
};

struct Node
{
    QString ns;
    QString name;
    QList<Attr> attrs;
    QList<std::pair<QString, QString>> decls; // prefix -> namespace declared on this element
    QString text;                             // character data directly inside
    Node *parent = nullptr;
    std::vector<std::unique_ptr<Node>> children;

    bool is(const QString &n, QStringView local) const { return ns == n && name == local; }

    const Node *child(const QString &n, QStringView local) const
    {
        for (const auto &c : children) {
            if (c->is(n, local))
                return c.get();
        }
        return nullptr;
    }

    const Node *firstChild() const { return children.empty() ? nullptr : children.front().get(); }

    bool hasAttr(const QString &n, QStringView local) const
    {
        for (const Attr &a : attrs) {
            if (a.ns == n && a.name == local)
                return true;
        }
        return false;
    }

    QString attr(const QString &n, QStringView local) const
    {
        for (const Attr &a : attrs) {
            if (a.ns == n && a.name == local)
                return a.value;
        }
        return {};
    }

    QString trimmed() const { return text.trimmed(); }

    // All character data below this node, in document order (WinRM's mixed-content messages).
    QString deepText() const
    {
        QString out = text;
        for (const auto &c : children)
            out += c->deepText();
        return out;
    }

    std::optional<QString> resolvePrefix(const QString &prefix) const
    {
        for (const Node *n = this; n; n = n->parent) {
            for (const auto &[p, uri] : n->decls) {
                if (p == prefix)
                    return uri;
            }
        }
        return std::nullopt;
    }

    // A QName in text content ("w:InvalidSelectors") as namespace and local name.
    std::pair<QString, QString> qnameText() const
    {
        const QString t = trimmed();
        const qsizetype colon = t.indexOf(u':');
        const QString prefix = colon < 0 ? QString() : t.left(colon);
        const QString local = colon < 0 ? t : t.mid(colon + 1);
        return {resolvePrefix(prefix).value_or(QString()), local};
    }
};

// Internal error-or-value for the reader: a fault is what the server will answer.
template<class T>
class Expected
{
public:
    Expected(T value)
        : m_value(std::move(value))
    {}
    Expected(Fault fault)
        : m_fault(std::move(fault))
    {}
    bool ok() const { return m_value.has_value(); }
    T &value() { return *m_value; }
    const Fault &fault() const { return m_fault; }

private:
    std::optional<T> m_value;
    Fault m_fault;
};

inline Fault schemaError(const QString &text)
{
    return Fault::make(FaultKind::SchemaValidationError, text);
}

Expected<std::unique_ptr<Node>> parseXml(const QByteArray &data, const ReadLimits &limits);

} // namespace rd::wsman::detail
