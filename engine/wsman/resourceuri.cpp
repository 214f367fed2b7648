#include "resourceuri.h"

#include "wsmannames.h"

namespace rd::wsman {

namespace {

bool isWordChar(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') ||
           c == u'_';
}

} // namespace

bool isValidClassName(QStringView name)
{
    if (name.isEmpty() || name.size() > 256 || (name.front() >= u'0' && name.front() <= u'9'))
        return false;
    for (QChar c : name) {
        if (!isWordChar(c))
            return false;
    }
    return true;
}

bool isValidNameSpace(QStringView nameSpace)
{
    if (nameSpace.isEmpty() || nameSpace.size() > 512)
        return false;
    // Segments of word characters separated by single slashes (WMI's backslashes accepted).
    bool segmentEmpty = true;
    for (QChar c : nameSpace) {
        if (c == u'/' || c == u'\\') {
            if (segmentEmpty)
                return false;
            segmentEmpty = true;
        } else if (isWordChar(c)) {
            segmentEmpty = false;
        } else {
            return false;
        }
    }
    return !segmentEmpty;
}

std::optional<ResourceUri> ResourceUri::parse(QStringView text)
{
    ResourceUri r;
    const QString ms = uri::microsoftPrefix();
    const QString dmtf = uri::dmtfPrefix();
    if (text.compare(uri::dmtfAllClasses(), Qt::CaseInsensitive) == 0) {
        r.style = UriStyle::Dmtf;
        r.allClasses = true;
        return r;
    }
    if (text.startsWith(dmtf, Qt::CaseInsensitive)) {
        r.style = UriStyle::Dmtf;
        const QStringView rest = text.mid(dmtf.size());
        if (rest == u"*") {
            r.allClasses = true;
            return r;
        }
        if (!isValidClassName(rest))
            return std::nullopt;
        r.className = rest.toString();
        return r;
    }
    if (text.startsWith(ms, Qt::CaseInsensitive)) {
        r.style = UriStyle::Microsoft;
        const QStringView rest = text.mid(ms.size());
        const qsizetype slash = rest.lastIndexOf(u'/');
        if (slash <= 0)
            return std::nullopt;
        const QStringView nameSpace = rest.left(slash);
        const QStringView cls = rest.mid(slash + 1);
        if (!isValidNameSpace(nameSpace))
            return std::nullopt;
        r.nameSpace = nameSpace.toString();
        r.nameSpace.replace(u'\\', u'/');
        if (cls == u"*") {
            r.allClasses = true;
            return r;
        }
        if (!isValidClassName(cls))
            return std::nullopt;
        r.className = cls.toString();
        return r;
    }
    return std::nullopt;
}

QString ResourceUri::make(UriStyle style, const QString &nameSpace, const QString &className)
{
    const QString cls = className.isEmpty() ? QStringLiteral("*") : className;
    if (style == UriStyle::Dmtf) {
        if (cls == u"*")
            return uri::dmtfAllClasses();
        return uri::dmtfPrefix() + cls;
    }
    QString n = nameSpace;
    n.replace(u'\\', u'/');
    return uri::microsoftPrefix() + n + u'/' + cls;
}

} // namespace rd::wsman
