// libFuzzer target: parse() of each typed request in engine/requests/ on the parameters of a
// WS-Man Invoke the envelope reader makes of arbitrary bytes (rd:t annotations give them types).
// The first byte picks the request; the rest is the envelope. A request that parses is written
// back with toCall() and must parse again to the same request.
#include "requests/createlistreplicarequest.h"
#include "requests/createremotereplicationcollectionrequest.h"
#include "requests/createvolumerequest.h"
#include "requests/exportimagerequest.h"
#include "requests/hostaccessrequests.h"
#include "requests/importimagerequest.h"
#include "requests/modifysynchronizationrequest.h"
#include "wsman/envelope.h"

#include <QByteArray>

#include <cstdint>
#include <cstdlib>

// The one symbol of provider/ the reader uses (see fuzz_envelope.cpp).
QString rd::engine::ProviderRegistry::defaultNameSpace()
{
    return QStringLiteral("root/cimv2/storage/iscsitarget");
}

namespace {

using namespace rd::requests;

template<typename Request, typename... Args>
void roundTrip(const rd::cim::Parameters &in, Args... args)
{
    const auto parsed = Request::parse(in, args...);
    if (!parsed) {
        if (parsed.error().message.isEmpty())
            std::abort();
        return;
    }
    const rd::cim::MethodCall call = parsed->toCall(rd::cim::ObjectPath());
    const auto again = Request::parse(call.in, args...);
    if (!again || !(*again == *parsed))
        std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const QByteArray bytes =
        QByteArray::fromRawData(reinterpret_cast<const char *>(data) + 1, qsizetype(size - 1));
    const auto read = rd::wsman::readMessage(bytes, nullptr);
    if (!read.ok())
        return 0;
    const rd::cim::Parameters &in = read.message.invoke.parameters;
    switch (data[0] % 11) {
    case 0:
        roundTrip<CreateListReplicaRequest>(in);
        break;
    case 1:
        roundTrip<CreateRemoteReplicationCollectionRequest>(in);
        break;
    case 2:
        roundTrip<CreateVolumeRequest>(in);
        break;
    case 3:
        roundTrip<ModifySynchronizationRequest>(in, ModifySynchronizationRequest::Method::List);
        break;
    case 4:
        roundTrip<ModifySynchronizationRequest>(in, ModifySynchronizationRequest::Method::Replica);
        break;
    case 5:
        roundTrip<ImportImageRequest>(in);
        break;
    case 6:
        roundTrip<ExportImageRequest>(in);
        break;
    case 7:
        roundTrip<CreateHardwareIdRequest>(in);
        break;
    case 8:
        roundTrip<DeleteHardwareIdRequest>(in);
        break;
    case 9:
        roundTrip<ExposePathsRequest>(in, true);
        break;
    case 10:
        roundTrip<ExposePathsRequest>(in, false);
        break;
    }
    return 0;
}
