#pragma once
// The central pane: the selected object's name and class above a table of its properties, or a
// hint when nothing with properties is selected.

#include "cim/instance.h"

#include <QWidget>

class QLabel;
class QStackedWidget;
class QTableView;

namespace rd::ui {

class PropertyTableModel;

class DetailsPane final : public QWidget
{
    Q_OBJECT
public:
    explicit DetailsPane(QWidget *parent = nullptr);

    // Shows an instance; an empty one shows the hint. title overrides the instance's own name.
    void showInstance(const cim::Instance &instance, const QString &title = {});

    PropertyTableModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }

private:
    QLabel *m_title;
    QLabel *m_subtitle;
    QStackedWidget *m_stack;
    QTableView *m_view;
    PropertyTableModel *m_model;
};

} // namespace rd::ui
