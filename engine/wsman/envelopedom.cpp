// parseXml: reads untrusted XML into the envelope reader's bounded DOM, refusing DTDs and
// entities and enforcing the size, depth and element-count limits.
#include "envelopedom_p.h"

#include <QStringDecoder>
#include <QXmlStreamReader>

namespace rd::wsman::detail {

namespace {

// Counts the attributes of each start tag and the namespace declarations in scope in one pass
// over the markup, so that what would make QXmlStreamReader slow (see ReadLimits) is refused
// before it runs. Exact for well-formed XML; for anything else the parser has the last word.
// View is QByteArrayView (UTF-8: ASCII bytes are never part of a multi-byte character) or
// QStringView (UTF-16, decoded first).
template<class View>
std::optional<Fault> checkMarkup(View text, const ReadLimits &limits)
{
    const qsizetype n = text.size();
    auto at = [&text](qsizetype i) {
        if constexpr (std::is_same_v<View, QStringView>)
            return text[i].unicode();
        else
            return char16_t(uchar(text[i]));
    };
    auto startsWith = [&](qsizetype i, const char *what) {
        for (qsizetype k = 0; what[k]; ++k) {
            if (i + k >= n || at(i + k) != char16_t(uchar(what[k])))
                return false;
        }
        return true;
    };
    auto skipPast = [&](qsizetype i, const char *end) {
        while (i < n && !startsWith(i, end))
            ++i;
        return i < n ? i + qsizetype(qstrlen(end)) : n;
    };
    auto isSpace = [](char16_t c) { return c == u' ' || c == u'\t' || c == u'\n' || c == u'\r'; };
    int inScope = 0;       // namespace declarations of the open elements
    QList<int> declaredAt; // per open element, how many it declared
    qsizetype i = 0;
    while (i < n) {
        if (at(i) != u'<') {
            ++i;
            continue;
        }
        if (startsWith(i, "<!--")) {
            i = skipPast(i + 4, "-->");
            continue;
        }
        if (startsWith(i, "<![CDATA[")) {
            i = skipPast(i + 9, "]]>");
            continue;
        }
        if (startsWith(i, "<?")) {
            i = skipPast(i + 2, "?>");
            continue;
        }
        if (startsWith(i, "</")) {
            if (!declaredAt.isEmpty())
                inScope -= declaredAt.takeLast();
            i = skipPast(i + 2, ">");
            continue;
        }
        if (startsWith(i, "<!")) {
            i = skipPast(i + 2, ">");
            continue;
        }
        // A start tag: every '=' outside a quoted value is one attribute.
        int attributes = 0;
        int declarations = 0;
        bool empty = false; // <a/>: closes itself, its declarations go out of scope at once
        char16_t quote = 0;
        for (++i; i < n; ++i) {
            const char16_t c = at(i);
            if (quote) {
                if (c == quote)
                    quote = 0;
                continue;
            }
            if (c == u'"' || c == u'\'') {
                quote = c;
            } else if (c == u'>') {
                empty = at(i - 1) == u'/';
                ++i;
                break;
            } else if (c == u'=') {
                if (++attributes > limits.maxAttributes) {
                    return Fault::make(
                        FaultKind::EncodingLimit,
                        tr("An element has more than %1 attributes.").arg(limits.maxAttributes));
                }
                qsizetype end = i;
                while (end > 0 && isSpace(at(end - 1)))
                    --end;
                qsizetype begin = end;
                while (begin > 0 && !isSpace(at(begin - 1)) && at(begin - 1) != u'<' &&
                       at(begin - 1) != u'"' && at(begin - 1) != u'\'')
                    --begin;
                if (startsWith(begin, "xmlns") &&
                    (end - begin == 5 || (end - begin > 5 && at(begin + 5) == u':')) &&
                    ++declarations + inScope > limits.maxNamespaceDeclarations) {
                    return Fault::make(FaultKind::EncodingLimit,
                                       tr("More than %1 namespace declarations are in scope.")
                                           .arg(limits.maxNamespaceDeclarations));
                }
            }
        }
        if (!empty) {
            inScope += declarations;
            declaredAt.append(declarations);
        }
    }
    return std::nullopt;
}

std::optional<Fault> checkMarkup(const QByteArray &data, const ReadLimits &limits)
{
    // UTF-16 (with a byte order mark, or the "<" of the first element next to a zero byte).
    const bool le = data.startsWith("\xFF\xFE") || data.startsWith(QByteArrayView("<\0", 2));
    const bool be = data.startsWith("\xFE\xFF") || data.startsWith(QByteArrayView("\0<", 2));
    if (!le && !be)
        return checkMarkup(QByteArrayView(data), limits);
    QStringDecoder decoder(le ? QStringDecoder::Utf16LE : QStringDecoder::Utf16BE);
    const QString text = decoder(data);
    return checkMarkup(QStringView(text), limits);
}

} // namespace

Expected<std::unique_ptr<Node>> parseXml(const QByteArray &data, const ReadLimits &limits)
{
    if (data.size() > limits.maxBytes) {
        return Fault::make(
            FaultKind::EncodingLimit,
            tr("The request is larger than the service accepts (%1 bytes).").arg(limits.maxBytes),
            QStringLiteral("ServiceEnvelopeLimit"));
    }
    if (auto f = checkMarkup(data, limits))
        return *f;
    QXmlStreamReader r(data);
    // Entities can only be declared in a DTD, which is refused below; this is a second fence.
    r.setEntityExpansionLimit(0);
    std::unique_ptr<Node> root;
    Node *current = nullptr;
    int depth = 0;
    int count = 0;
    while (!r.atEnd()) {
        switch (r.readNext()) {
        case QXmlStreamReader::DTD:
            return schemaError(tr("Document type declarations are not accepted."));
        case QXmlStreamReader::EntityReference:
            return schemaError(tr("Entity references are not accepted."));
        case QXmlStreamReader::StartElement: {
            if (++depth > limits.maxDepth) {
                return Fault::make(
                    FaultKind::EncodingLimit,
                    tr("The XML nests deeper than %1 elements.").arg(limits.maxDepth));
            }
            if (++count > limits.maxElements) {
                return Fault::make(
                    FaultKind::EncodingLimit,
                    tr("The XML has more than %1 elements.").arg(limits.maxElements));
            }
            auto node = std::make_unique<Node>();
            node->ns = r.namespaceUri().toString();
            node->name = r.name().toString();
            const auto attributes = r.attributes();
            node->attrs.reserve(attributes.size());
            for (const QXmlStreamAttribute &a : attributes)
                node->attrs.append(
                    {a.namespaceUri().toString(), a.name().toString(), a.value().toString()});
            for (const QXmlStreamNamespaceDeclaration &d : r.namespaceDeclarations())
                node->decls.append({d.prefix().toString(), d.namespaceUri().toString()});
            node->parent = current;
            Node *raw = node.get();
            if (current)
                current->children.push_back(std::move(node));
            else
                root = std::move(node);
            current = raw;
            break;
        }
        case QXmlStreamReader::EndElement:
            current = current ? current->parent : nullptr;
            --depth;
            break;
        case QXmlStreamReader::Characters:
            if (current)
                current->text += r.text();
            break;
        default:
            break; // declarations, comments and processing instructions carry nothing for us
        }
    }
    if (r.hasError() || !root) {
        return schemaError(tr("The request is not well-formed XML: %1 (line %2, column %3).")
                               .arg(r.errorString())
                               .arg(r.lineNumber())
                               .arg(r.columnNumber()));
    }
    return root;
}

} // namespace rd::wsman::detail
