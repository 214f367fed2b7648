#pragma once
// The central pane: the selected object's name and class above a table of its properties, or a
// hint when nothing with properties is selected; under a volume's properties, how hosts reach it.

#include "cim/instance.h"

#include <QWidget>

class QLabel;
class QScrollArea;
class QStackedWidget;
class QTableView;

namespace rd::ui {

class PropertyTableModel;
class SystemInventory;
class VolumeAccessPanel;

class DetailsPane final : public QWidget
{
    Q_OBJECT
public:
    explicit DetailsPane(QWidget *parent = nullptr);

    // Shows an instance; an empty one shows the hint. title overrides the instance's own name.
    // system: where the instance lives (a volume's access details come from it).
    void showInstance(const cim::Instance &instance, const QString &title = {},
                      SystemInventory *system = nullptr);

    PropertyTableModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    VolumeAccessPanel *accessPanel() const { return m_access; }

private:
    QLabel *m_title;
    QLabel *m_subtitle;
    QStackedWidget *m_stack;
    QTableView *m_view;
    PropertyTableModel *m_model;
    VolumeAccessPanel *m_access;
    QScrollArea *m_accessScroll;
};

} // namespace rd::ui
