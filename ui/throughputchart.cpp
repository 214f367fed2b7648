#include "throughputchart.h"

#include "storagefigures.h"

#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace rd::ui {

namespace {
// 1, 2 or 5 times a power of ten, at least value: axis tops that read well.
double niceCeiling(double value)
{
    if (value <= 0)
        return 1;
    const double magnitude = std::pow(10.0, std::floor(std::log10(value)));
    for (double step : {1.0, 2.0, 5.0, 10.0}) {
        if (step * magnitude >= value)
            return step * magnitude;
    }
    return 10 * magnitude;
}
} // namespace

ThroughputChart::ThroughputChart(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("throughputChart"));
    setAttribute(Qt::WA_OpaquePaintEvent);
    setToolTip(tr("Throughput of the selected job"));
}

void ThroughputChart::setSeries(const QList<QPointF> &points, const QString &title)
{
    if (points == m_points && title == m_title)
        return;
    m_points = points;
    m_title = title;
    update();
}

void ThroughputChart::clear()
{
    setSeries({}, QString());
}

QSize ThroughputChart::sizeHint() const
{
    return {340, 170};
}

QSize ThroughputChart::minimumSizeHint() const
{
    return {220, 120};
}

void ThroughputChart::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.fillRect(rect(), palette().base());
    const QFontMetrics fm = fontMetrics();
    const QColor text = palette().color(QPalette::Text);
    const QColor faint = palette().color(QPalette::PlaceholderText);

    const QString title = m_title.isEmpty() ? tr("Throughput") : tr("Throughput — %1").arg(m_title);
    p.setPen(text);
    p.drawText(QRect(8, 4, width() - 16, fm.height()), Qt::AlignLeft | Qt::AlignVCenter,
               fm.elidedText(title, Qt::ElideRight, width() - 16));

    if (m_points.isEmpty()) {
        p.setPen(faint);
        p.drawText(rect().adjusted(8, fm.height() + 8, -8, -8), Qt::AlignCenter | Qt::TextWordWrap,
                   tr("Select a running job to see how fast it copies."));
        return;
    }

    double top = 0;
    for (const QPointF &pt : m_points)
        top = std::max(top, pt.y());
    // A round top in the unit the label uses (KiB, MiB, GiB per second).
    double unit = 1;
    while (top * 1.05 / unit >= 1024 && unit < 1024.0 * 1024 * 1024 * 1024)
        unit *= 1024;
    top = niceCeiling(top * 1.05 / unit) * unit;
    const double span = std::max(1.0, m_points.constLast().x());

    const QString topLabel = tr("%1/s").arg(byteText(quint64(top)));
    const int left = 10 + fm.horizontalAdvance(topLabel);
    const QRect plot(left, fm.height() + 12, width() - left - 12, height() - 2 * fm.height() - 22);
    if (plot.width() < 20 || plot.height() < 20)
        return;

    // Grid and labels: four bands, time at both ends.
    p.setPen(QPen(faint, 1, Qt::DotLine));
    for (int i = 0; i <= 4; ++i) {
        const int y = plot.bottom() - plot.height() * i / 4;
        p.drawLine(plot.left(), y, plot.right(), y);
    }
    p.setPen(text);
    p.drawText(QRect(0, plot.top() - fm.height() / 2, left - 4, fm.height()),
               Qt::AlignRight | Qt::AlignVCenter, topLabel);
    p.drawText(QRect(0, plot.bottom() - fm.height() / 2, left - 4, fm.height()),
               Qt::AlignRight | Qt::AlignVCenter, tr("0"));
    p.drawText(QRect(plot.left(), plot.bottom() + 4, plot.width(), fm.height()),
               Qt::AlignLeft | Qt::AlignTop, tr("0 s"));
    p.drawText(QRect(plot.left(), plot.bottom() + 4, plot.width(), fm.height()),
               Qt::AlignRight | Qt::AlignTop, tr("%1 s").arg(qRound(span)));

    auto map = [&](const QPointF &pt) {
        return QPointF(plot.left() + plot.width() * pt.x() / span,
                       plot.bottom() - plot.height() * std::min(pt.y(), top) / top);
    };
    QPainterPath line;
    line.moveTo(map(QPointF(0, m_points.constFirst().y())));
    for (const QPointF &pt : m_points)
        line.lineTo(map(pt));
    QPainterPath area = line;
    area.lineTo(map(QPointF(m_points.constLast().x(), 0)));
    area.lineTo(map(QPointF(0, 0)));
    area.closeSubpath();
    QColor fill = palette().color(QPalette::Highlight);
    fill.setAlpha(60);
    p.fillPath(area, fill);
    p.setPen(QPen(palette().color(QPalette::Highlight), 2));
    p.drawPath(line);
    p.setPen(QPen(faint, 1));
    p.drawRect(plot);
}

} // namespace rd::ui
