#pragma once
// A word-wrapped, selectable line that shows what went wrong (or a warning) where the user can
// fix it: in a dialog or on a wizard page; hidden while it has nothing to say.

#include <QLabel>

namespace rd::ui {

class MessageBanner final : public QLabel
{
    Q_OBJECT
public:
    enum class Kind { Error, Warning, Information };
    explicit MessageBanner(QWidget *parent = nullptr);

    void showMessage(const QString &text, Kind kind = Kind::Error);
    void clearMessage();
    Kind kind() const { return m_kind; }

private:
    Kind m_kind = Kind::Error;
};

} // namespace rd::ui
