#include "messagebanner.h"

namespace rd::ui {

MessageBanner::MessageBanner(QWidget *parent)
    : QLabel(parent)
{
    setWordWrap(true);
    setTextFormat(Qt::PlainText);
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    setMargin(6);
    hide();
}

void MessageBanner::showMessage(const QString &text, Kind kind)
{
    if (text.isEmpty()) {
        clearMessage();
        return;
    }
    m_kind = kind;
    // Fixed colours that read on light and dark palettes alike.
    switch (kind) {
    case Kind::Error:
        setStyleSheet(QStringLiteral("QLabel { color: #ffffff; background: #b3261e; "
                                     "border-radius: 3px; }"));
        break;
    case Kind::Warning:
        setStyleSheet(QStringLiteral("QLabel { color: #000000; background: #f2c94c; "
                                     "border-radius: 3px; }"));
        break;
    case Kind::Information:
        setStyleSheet(QStringLiteral("QLabel { color: #000000; background: #cfe3f7; "
                                     "border-radius: 3px; }"));
        break;
    }
    setText(text);
    show();
}

void MessageBanner::clearMessage()
{
    clear();
    hide();
}

} // namespace rd::ui
