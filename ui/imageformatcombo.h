#pragma once
// The image formats the engine reads and writes, as the console names them ("QCOW2 (QEMU)"), in
// a combo box whose item data is the format's qemu-img name, and the file suffix each is saved
// with. Shared by Add Existing Disk and Export to Image File.

#include <QString>

class QComboBox;

namespace rd::ui {

// detect: a first item "Detect from the file" with empty data.
void fillImageFormats(QComboBox *combo, bool detect);
QString imageFormatSuffix(const QString &format); // "qcow2", "vhd" for vpc, "img" for raw

} // namespace rd::ui
