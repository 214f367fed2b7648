#include "imageformatcombo.h"

#include "requests/imageformat.h"

#include <QComboBox>
#include <QCoreApplication>

namespace rd::ui {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("rd::ui::ImageFormats", text);
}

QString label(const QString &format)
{
    if (format == u"raw")
        return tr("Raw disk image");
    if (format == u"qcow2")
        return tr("QCOW2 (QEMU, KVM)");
    if (format == u"vmdk")
        return tr("VMDK (VMware)");
    if (format == u"vhdx")
        return tr("VHDX (Hyper-V)");
    if (format == u"vpc")
        return tr("VHD (Virtual PC, Azure)");
    return format;
}

} // namespace

void fillImageFormats(QComboBox *combo, bool detect)
{
    combo->clear();
    if (detect)
        combo->addItem(tr("Detect from the file"), QString());
    for (const QString &format : requests::imageFormats())
        combo->addItem(label(format), format);
}

QString imageFormatSuffix(const QString &format)
{
    if (format == u"raw")
        return QStringLiteral("img");
    if (format == u"vpc")
        return QStringLiteral("vhd");
    return format;
}

} // namespace rd::ui
