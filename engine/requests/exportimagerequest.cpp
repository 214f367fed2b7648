#include "exportimagerequest.h"

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

const auto TheElement = QStringLiteral("TheElement");
const auto DestinationPath = QStringLiteral("DestinationPath");
const auto Format = QStringLiteral("Format");
} // namespace

cim::Result<ExportImageRequest> ExportImageRequest::parse(const cim::Parameters &in)
{
    Value element, destination, format;
    auto read =
        readParameters(in, {
                               {&element, TheElement, CimType::Reference, false, true},
                               {&destination, DestinationPath, CimType::String, false, true},
                               {&format, Format, CimType::String, false, true},
                           });
    if (!read)
        return read.error();
    ExportImageRequest r;
    r.theElement = element.toReference();
    r.destinationPath = destination.toString();
    if (auto ok = checkImagePath(r.destinationPath, DestinationPath); !ok)
        return ok.error();
    r.format = format.toString();
    if (!isImageFormat(r.format)) {
        return invalidParameter(
            Text::tr("Format %1 is not one of %2.").arg(r.format, imageFormats().join(u", ")),
            Format);
    }
    return r;
}

cim::MethodCall ExportImageRequest::toCall(const cim::ObjectPath &target) const
{
    cim::MethodCall call;
    call.target = target;
    call.method = methodName();
    call.in.set(TheElement, Value::reference(theElement));
    call.in.set(DestinationPath, Value::string(destinationPath));
    call.in.set(Format, Value::string(format));
    return call;
}

} // namespace rd::requests
