#pragma once
// Paints a native progress bar (QStyleOptionProgressBar) in a view cell from the model's percent
// role; cells without a percent are painted as usual.

#include <QStyledItemDelegate>

namespace rd::ui {

class ProgressBarDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit ProgressBarDelegate(int percentRole, QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    int m_percentRole;
};

} // namespace rd::ui
