#pragma once
// What StorageConfigurationProvider hands ImportImage and ExportImage to: the engine's image
// transfers (engine/transfer/) run qemu-img against the volumes' NBD export, which sits above
// storage, so the provider knows them only through this interface. Engine thread.

#include "cim/methodcall.h"

#include <QFuture>

namespace rd::requests {
struct ImportImageRequest;
struct ExportImageRequest;
} // namespace rd::requests

namespace rd::engine {

class ImageTransferService
{
public:
    virtual ~ImageTransferService() = default;
    // The method's answer: 4096 with Job (and TheElement, the new volume, for an import) once the
    // job runs, or the refusal (naming its parameter) with nothing changed.
    virtual QFuture<cim::MethodResult> importImage(const requests::ImportImageRequest &request) = 0;
    virtual QFuture<cim::MethodResult> exportImage(const requests::ExportImageRequest &request) = 0;
};

} // namespace rd::engine
