#pragma once
// A size in bytes entered as a number and a binary unit (MiB, GiB, TiB). Changing the unit
// converts the number, so the size stays what the user typed; the unit is picked to fit when a
// size is set from outside.

#include <QWidget>

class QComboBox;
class QDoubleSpinBox;

namespace rd::ui {

class SizeEdit final : public QWidget
{
    Q_OBJECT
public:
    explicit SizeEdit(QWidget *parent = nullptr);

    quint64 bytes() const;
    // Shows bytes in the largest unit that keeps the number at 1 or more.
    void setBytes(quint64 bytes);

    QDoubleSpinBox *spin() const { return m_value; }
    QComboBox *unitCombo() const { return m_unit; }

Q_SIGNALS:
    void bytesChanged(quint64 bytes);

private:
    void unitChanged();
    void showBytes(); // m_bytes in the current unit

    QDoubleSpinBox *m_value;
    QComboBox *m_unit;
    quint64 m_unitBytes; // the unit the number is in now
    quint64 m_bytes;     // what the user entered, kept exact across unit changes
};

} // namespace rd::ui
