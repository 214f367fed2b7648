#pragma once
// A small line chart of one job's throughput over time, painted with QPainter (no Qt Charts):
// bytes per second against seconds since the job was first seen.

#include <QList>
#include <QPointF>
#include <QWidget>

namespace rd::ui {

class ThroughputChart final : public QWidget
{
    Q_OBJECT
public:
    explicit ThroughputChart(QWidget *parent = nullptr);

    // points: (seconds, bytes per second); title names the job.
    void setSeries(const QList<QPointF> &points, const QString &title);
    void clear();
    const QList<QPointF> &series() const { return m_points; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QList<QPointF> m_points;
    QString m_title;
};

} // namespace rd::ui
