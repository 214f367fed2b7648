#pragma once
// The WS-Management envelope a MethodCall becomes on the wire: the engine's own envelope writer
// (wsman::writeMessage, Invoke with the method's <p:Method_INPUT> body), one element a line.

#include "cim/methodcall.h"

#include <QString>

namespace rd::engine {
class CimClient;
}

namespace rd::ui {

// The envelope sent to client's endpoint (a WsmanTransport's URL; for the embedded engine, the
// WS-Man address this host would serve it on).
QString invokeEnvelopeText(const cim::MethodCall &call, const engine::CimClient *client);

} // namespace rd::ui
