#include "wsmanpreview.h"

#include "wsman/envelope.h"
#include "wsman/wsmantransport.h"

#include <QSysInfo>
#include <QXmlStreamReader>
#include <QXmlStreamWriter>

namespace rd::ui {

namespace {
// The same document with one element per line; what is sent differs only in whitespace.
QString indented(const QByteArray &xml)
{
    QString out;
    QXmlStreamReader reader(xml);
    QXmlStreamWriter writer(&out);
    writer.setAutoFormatting(true);
    writer.setAutoFormattingIndent(2);
    while (!reader.atEnd()) {
        reader.readNext();
        if (reader.isWhitespace())
            continue;
        writer.writeCurrentToken(reader);
    }
    return reader.hasError() ? QString::fromUtf8(xml) : out.trimmed();
}
} // namespace

QString invokeEnvelopeText(const cim::MethodCall &call, const engine::CimClient *client)
{
    wsman::Message m;
    m.operation = wsman::Operation::Invoke;
    wsman::UriStyle style = wsman::UriStyle::Microsoft;
    if (const auto *remote = qobject_cast<const wsman::WsmanTransport *>(client)) {
        m.header.to = remote->endpoint().toString();
    } else {
        m.header.to = QStringLiteral("https://%1:5986/wsman").arg(QSysInfo::machineHostName());
    }
    m.header.messageId = wsman::newMessageId();
    m.header.maxEnvelopeSize = 512000;
    m.header.operationTimeoutMs = 60000;
    m.header.locale = QStringLiteral("en-US");
    m.header.setTarget(call.target, style);
    m.invoke.method = call.method;
    for (const auto &[name, value] : call.in.items()) {
        if (value.isTyped()) // an untyped NULL is a parameter left out
            m.invoke.parameters.set(name, value);
    }
    wsman::WriteOptions options;
    options.style = style;
    return indented(wsman::writeMessage(m, options));
}

} // namespace rd::ui
