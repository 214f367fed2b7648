#include "jobprogresshistory.h"

#include <QSet>

#include <cmath>

namespace rd::ui {

void JobProgressHistory::record(const QString &job, qint64 msecs, int percent, quint64 totalBytes)
{
    Track &track = m_tracks[job];
    const double bytes = double(totalBytes) * qBound(0, percent, 100) / 100.0;
    if (!track.samples.isEmpty()) {
        const Sample &last = track.samples.constLast();
        if (msecs <= last.msecs ||
            (bytes == last.bytes && !track.paused && msecs - last.msecs < 1000))
            return; // nothing new yet
        if (!track.paused && bytes >= last.bytes) {
            const double seconds = (msecs - last.msecs) / 1000.0;
            const double origin = track.samples.constFirst().msecs / 1000.0;
            track.rates.append(QPointF(msecs / 1000.0 - origin, (bytes - last.bytes) / seconds));
        }
    }
    track.paused = false;
    track.samples.append({msecs, bytes});
    if (track.samples.size() > maxSamples) {
        track.samples.remove(1); // keep the first: the series' origin
        track.rates.removeFirst();
    }
}

void JobProgressHistory::pause(const QString &job)
{
    const auto it = m_tracks.find(job);
    if (it != m_tracks.end())
        it->paused = true;
}

void JobProgressHistory::forget(const QString &job)
{
    m_tracks.remove(job);
}

void JobProgressHistory::retain(const QList<QString> &jobs)
{
    const QSet<QString> keep(jobs.cbegin(), jobs.cend());
    for (auto it = m_tracks.begin(); it != m_tracks.end();) {
        if (keep.contains(it.key()))
            ++it;
        else
            it = m_tracks.erase(it);
    }
}

std::optional<double> JobProgressHistory::throughput(const QString &job) const
{
    const auto it = m_tracks.constFind(job);
    if (it == m_tracks.cend() || it->paused || it->samples.size() < 2)
        return std::nullopt;
    const Sample &last = it->samples.constLast();
    // The oldest sample inside the window, or the one just before it.
    qsizetype first = it->samples.size() - 2;
    while (first > 0 && last.msecs - it->samples.at(first - 1).msecs <= windowMsecs)
        --first;
    const Sample &from = it->samples.at(first);
    if (last.msecs <= from.msecs || last.bytes < from.bytes)
        return std::nullopt;
    return (last.bytes - from.bytes) * 1000.0 / double(last.msecs - from.msecs);
}

std::optional<qint64> JobProgressHistory::secondsLeft(const QString &job, int percent,
                                                      quint64 totalBytes) const
{
    const auto rate = throughput(job);
    if (!rate || *rate <= 0.0)
        return std::nullopt;
    const double remaining = double(totalBytes) * (100 - qBound(0, percent, 100)) / 100.0;
    return qint64(std::ceil(remaining / *rate));
}

QList<QPointF> JobProgressHistory::rateSeries(const QString &job) const
{
    return m_tracks.value(job).rates;
}

} // namespace rd::ui
