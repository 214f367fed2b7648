#pragma once
// How to reach the selected volume from a host, under its properties: its NBD addresses (network
// and local socket) with Copy buttons, command lines ready to paste (qemu, nbd-client, nbdfuse),
// who has it open now, which hosts may open it, and why hosts may not write to it now. Read from
// the system's NBDExport and host access classes; hidden for anything but a volume.

#include "cim/instance.h"

#include <QPointer>
#include <QWidget>

class QGridLayout;
class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace rd::ui {

class SystemInventory;

class VolumeAccessPanel final : public QWidget
{
    Q_OBJECT
public:
    explicit VolumeAccessPanel(QWidget *parent = nullptr);

    // Follows volume on system; anything else (or nothing) hides the panel.
    void showVolume(SystemInventory *system, const cim::Instance &volume);

    // The text fields and their Copy buttons, by what they hold: "networkUrl", "localUrl",
    // "qemu-0", "nbd-client-1", … (tool and index among that tool's lines).
    QPlainTextEdit *field(const QString &name) const;
    QPushButton *copyButton(const QString &name) const;
    QLabel *openedByLabel() const { return m_openedBy; }
    QLabel *admittedLabel() const { return m_admitted; }
    QLabel *writesLabel() const { return m_writes; }

private:
    void rebuild();
    void addField(int row, const QString &name, const QString &label, const QString &text,
                  const QString &cimTerm);

    QPointer<SystemInventory> m_system;
    cim::Instance m_volume;
    QLabel *m_heading;
    QLabel *m_notServed;
    QLabel *m_openedBy;
    QLabel *m_admitted;
    QLabel *m_writes;
    QWidget *m_fields;
    QGridLayout *m_grid;
};

} // namespace rd::ui
