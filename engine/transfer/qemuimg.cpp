#include "qemuimg.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>

namespace rd::engine::qemuimg {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("rd::engine::qemuimg", text);
}
} // namespace

QString program()
{
    return QStandardPaths::findExecutable(QStringLiteral("qemu-img"));
}

cim::Result<ImageInfo> parseInfo(const QByteArray &json)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    const QJsonObject o = doc.object();
    if (error.error != QJsonParseError::NoError || !o.contains(u"format") ||
        !o.value(u"virtual-size").isDouble()) {
        return cim::Error(cim::ReturnCode::Failed, tr("qemu-img info gave no format and size."));
    }
    ImageInfo info;
    info.format = o.value(u"format").toString();
    info.virtualSize = quint64(o.value(u"virtual-size").toDouble());
    for (const char16_t *key : {u"full-backing-filename", u"backing-filename"}) {
        const QString backing = o.value(key).toString();
        if (!backing.isEmpty()) {
            info.referencedFiles.append(backing);
            break;
        }
    }
    const QJsonObject data = o.value(u"format-specific").toObject().value(u"data").toObject();
    if (const QString dataFile = data.value(u"data-file").toString(); !dataFile.isEmpty())
        info.referencedFiles.append(dataFile);
    for (const QJsonValue &extent : data.value(u"extents").toArray()) {
        if (const QString f = extent.toObject().value(u"filename").toString(); !f.isEmpty())
            info.referencedFiles.append(f);
    }
    return info;
}

QString errorText(const QByteArray &stderrOutput)
{
    const QList<QByteArray> lines = stderrOutput.trimmed().split('\n');
    QString last = QString::fromLocal8Bit(lines.isEmpty() ? QByteArray() : lines.last()).trimmed();
    // "qemu-img: Could not open 'x': ..." — the program's name says nothing to the user.
    if (last.startsWith(u"qemu-img: "))
        last = last.mid(10);
    return last;
}

std::optional<double> ProgressParser::feed(const QByteArray &chunk)
{
    m_pending += chunk;
    std::optional<double> newest;
    qsizetype close;
    while ((close = m_pending.indexOf("/100%)")) >= 0) {
        const qsizetype open = m_pending.lastIndexOf('(', close);
        if (open >= 0) {
            bool ok = false;
            const double percent = m_pending.mid(open + 1, close - open - 1).toDouble(&ok);
            if (ok && percent >= 0 && percent <= 100)
                newest = percent;
        }
        m_pending.remove(0, close + 6);
    }
    // Whatever is left is the start of the next figure; a stream of anything else stays short.
    if (m_pending.size() > 256)
        m_pending = m_pending.right(64);
    return newest;
}

} // namespace rd::engine::qemuimg
