#include "importimagerequest.h"

#include "imageformat.h"
#include "imagepath.h"
#include "parameterreader.h"

#include <QCoreApplication>

namespace rd::requests {

using cim::CimType;
using cim::Value;

namespace {
// The texts come from StorageConfigurationProvider and keep its context.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(rd::engine)
};

const auto SourcePath = QStringLiteral("SourcePath");
const auto Format = QStringLiteral("Format");
const auto InPool = QStringLiteral("InPool");
const auto ElementName = QStringLiteral("ElementName");
} // namespace

cim::Result<ImportImageRequest> ImportImageRequest::parse(const cim::Parameters &in)
{
    Value source, format, pool, name;
    auto read = readParameters(in, {
                                       {&source, SourcePath, CimType::String, false, true},
                                       {&format, Format, CimType::String},
                                       {&pool, InPool, CimType::Reference},
                                       {&name, ElementName, CimType::String},
                                   });
    if (!read)
        return read.error();
    ImportImageRequest r;
    r.sourcePath = source.toString();
    if (auto ok = checkImagePath(r.sourcePath, SourcePath); !ok)
        return ok.error();
    if (!isNull(format)) {
        if (!isImageFormat(format.toString())) {
            return invalidParameter(Text::tr("Format %1 is not one of %2.")
                                        .arg(format.toString(), imageFormats().join(u", ")),
                                    Format);
        }
        r.format = format.toString();
    }
    if (!isNull(pool))
        r.inPool = pool.toReference();
    if (!isNull(name)) {
        if (auto ok = checkName(name.toString(), ElementName); !ok)
            return ok.error();
        r.elementName = name.toString();
    }
    return r;
}

cim::MethodCall ImportImageRequest::toCall(const cim::ObjectPath &target) const
{
    cim::MethodCall call;
    call.target = target;
    call.method = methodName();
    call.in.set(SourcePath, Value::string(sourcePath));
    if (format)
        call.in.set(Format, Value::string(*format));
    if (inPool)
        call.in.set(InPool, Value::reference(*inPool));
    if (elementName)
        call.in.set(ElementName, Value::string(*elementName));
    return call;
}

} // namespace rd::requests
