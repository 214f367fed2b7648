#include "wsmanpreview.h"

#include "wsman/envelope.h"
#include "wsman/wsmantransport.h"

#include <QSysInfo>

namespace rd::ui {

namespace {
// One element per line, indented by depth; text stays on its element's line. Only whitespace
// between tags is added, so prefixes, namespaces and values are exactly what is sent.
QString indented(const QByteArray &xml)
{
    const QString text = QString::fromUtf8(xml);
    QString out;
    int depth = 0;
    bool textAfterOpen = false; // the last token was text inside a just-opened element
    bool lastWasOpen = false;
    qsizetype pos = 0;
    auto newLine = [&](int level) {
        if (!out.isEmpty())
            out += u'\n';
        out += QString(2 * qMax(0, level), u' ');
    };
    while (pos < text.size()) {
        if (text.at(pos) != u'<') {
            const qsizetype next = text.indexOf(u'<', pos);
            const QStringView chunk =
                QStringView(text).mid(pos, (next < 0 ? text.size() : next) - pos);
            if (!chunk.trimmed().isEmpty()) {
                if (!lastWasOpen)
                    newLine(depth);
                out += chunk;
                textAfterOpen = lastWasOpen;
            }
            pos = next < 0 ? text.size() : next;
            lastWasOpen = false;
            continue;
        }
        const qsizetype close = text.indexOf(u'>', pos);
        if (close < 0) {
            out += QStringView(text).mid(pos);
            break;
        }
        const QStringView tag = QStringView(text).mid(pos, close - pos + 1);
        pos = close + 1;
        if (tag.startsWith(u"</")) {
            --depth;
            if (!textAfterOpen && !lastWasOpen)
                newLine(depth);
            out += tag;
            lastWasOpen = false;
        } else if (tag.startsWith(u"<?") || tag.startsWith(u"<!") || tag.endsWith(u"/>")) {
            newLine(depth);
            out += tag;
            lastWasOpen = false;
        } else {
            newLine(depth);
            out += tag;
            ++depth;
            lastWasOpen = true;
        }
        textAfterOpen = false;
    }
    return out;
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
