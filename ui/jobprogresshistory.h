#pragma once
// What the job monitor remembers of each job's progress: timed samples of bytes done (percent of
// the job's size), from which it derives throughput, time left and the chart's series. Jobs report
// a percentage only, so bytes are that share of the data the job copies (see
// JobTableModel::jobBytes).

#include <QHash>
#include <QList>
#include <QPointF>
#include <QString>

#include <optional>

namespace rd::ui {

class JobProgressHistory
{
public:
    struct Sample
    {
        qint64 msecs; // when it was taken
        double bytes; // bytes done by then
    };

    // A sample of a running job; percent 0…100 of totalBytes.
    void record(const QString &job, qint64 msecs, int percent, quint64 totalBytes);
    // The job is not running now (suspended, ended): its rate is no longer current.
    void pause(const QString &job);
    void forget(const QString &job);
    // Keeps only these jobs.
    void retain(const QList<QString> &jobs);

    // Bytes per second over the last window; nullopt without two samples in it or while paused.
    std::optional<double> throughput(const QString &job) const;
    // Seconds left at the current rate.
    std::optional<qint64> secondsLeft(const QString &job, int percent, quint64 totalBytes) const;
    // (seconds since the job's first sample, bytes per second) for each interval sampled.
    QList<QPointF> rateSeries(const QString &job) const;

    static constexpr qint64 windowMsecs = 5000;   // throughput and time left
    static constexpr qint64 rateSpanMsecs = 1000; // each point of the chart
    static constexpr int maxSamples = 2000;

private:
    struct Track
    {
        QList<Sample> samples;
        QList<QPointF> rates;
        bool paused = false;
    };
    QHash<QString, Track> m_tracks;
};

} // namespace rd::ui
