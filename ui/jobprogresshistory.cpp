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
    }
    const bool resumed = track.paused;
    track.paused = false;
    track.samples.append({msecs, bytes});
    if (track.samples.size() > maxSamples)
        track.samples.remove(1); // keep the first: the series' origin
    if (resumed)
        return; // the time it was paused is not a rate
    // The chart's point: the rate since the newest sample at least a second older, so that two
    // reports close together (1 % in a few milliseconds) do not read as a burst.
    const qsizetype n = track.samples.size();
    qsizetype from = n - 2;
    while (from > 0 && msecs - track.samples.at(from).msecs < rateSpanMsecs)
        --from;
    if (from < 0)
        return;
    const Sample &reference = track.samples.at(from);
    const qint64 span = msecs - reference.msecs;
    if (span < rateSpanMsecs / 2 || bytes < reference.bytes)
        return;
    const double origin = track.samples.constFirst().msecs / 1000.0;
    track.rates.append(
        QPointF(msecs / 1000.0 - origin, (bytes - reference.bytes) * 1000.0 / double(span)));
    if (track.rates.size() > maxSamples)
        track.rates.removeFirst();
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
