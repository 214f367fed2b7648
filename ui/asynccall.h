#pragma once
// Runs a continuation on the GUI thread when a CimClient future finishes, without blocking: the
// callback gets the result, or nothing when the system never answered (future cancelled), and is
// dropped when the context object is gone.

#include <QFutureWatcher>
#include <QObject>

#include <optional>
#include <utility>

namespace rd::ui {

template<class T, class F>
void whenReady(QFuture<T> future, QObject *context, F &&callback)
{
    auto *watcher = new QFutureWatcher<T>(context);
    QObject::connect(watcher, &QFutureWatcherBase::finished, context,
                     [watcher, callback = std::forward<F>(callback)]() mutable {
                         watcher->deleteLater();
                         const bool answered =
                             !watcher->isCanceled() && watcher->future().resultCount() > 0;
                         callback(answered ? std::optional<T>(watcher->result()) : std::nullopt);
                     });
    watcher->setFuture(std::move(future));
}

} // namespace rd::ui
