// parseXml: reads untrusted XML into the envelope reader's bounded DOM, refusing DTDs and
// entities and enforcing the size, depth and element-count limits.
#include "envelopedom_p.h"

#include <QXmlStreamReader>

namespace rd::wsman::detail {

Expected<std::unique_ptr<Node>> parseXml(const QByteArray &data, const ReadLimits &limits)
{
    if (data.size() > limits.maxBytes) {
        return Fault::make(
            FaultKind::EncodingLimit,
            tr("The request is larger than the service accepts (%1 bytes).").arg(limits.maxBytes),
            QStringLiteral("ServiceEnvelopeLimit"));
    }
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
