#pragma once
// Resource URIs in the two forms the engine answers to: WinRM's, which carries the namespace
//   http://schemas.microsoft.com/wbem/wsman/1/wmi/root/cimv2/storage/iscsitarget/<Class>
// and DMTF's, whose namespace travels in the __cimnamespace selector
//   http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/<Class>
// plus the "all classes" forms association enumerations use.

#include <QString>

#include <optional>

namespace rd::wsman {

enum class UriStyle : quint8 { Microsoft, Dmtf };

struct ResourceUri
{
    UriStyle style = UriStyle::Microsoft;
    QString nameSpace; // '/'-separated; always empty in the DMTF form
    QString className; // empty when allClasses
    bool allClasses = false;

    // nullopt for anything that is neither form or has a malformed class or namespace.
    static std::optional<ResourceUri> parse(QStringView uri);
    // className "*" (or empty) gives the all-classes form.
    static QString make(UriStyle style, const QString &nameSpace, const QString &className);
    QString toString() const { return make(style, nameSpace, allClasses ? QString() : className); }
};

bool isValidClassName(QStringView name);
bool isValidNameSpace(QStringView nameSpace);

} // namespace rd::wsman
