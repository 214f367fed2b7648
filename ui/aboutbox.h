#pragma once
// The About ReplicaDesk box: what the product is, and the versions of ReplicaDesk, Qt and
// ThreadWeaver it runs with.

#include <QMessageBox>

namespace rd::ui {

class AboutBox final : public QMessageBox
{
    Q_OBJECT
public:
    explicit AboutBox(QWidget *parent = nullptr);

    // The box's text (rich text), for whoever wants the versions without the box.
    static QString aboutText();
};

} // namespace rd::ui
