#pragma once
// A WS-Management fault as WinRM shapes it (s:Fault with Code/Subcode, Reason, wsman:FaultDetail
// and f:WSManFault), the kinds this engine raises or recognises, and their mapping to cim::Error.

#include "cim/result.h"

#include <QString>

namespace rd::wsman {

enum class FaultKind : quint8 {
    DestinationUnreachable,    // wsa: unknown resource URI, class, namespace or instance
    InvalidSelectors,          // wsman: selectors missing, unexpected, duplicated or mistyped
    ActionNotSupported,        // wsa: unknown action or method
    AccessDenied,              // wsman: the user may not do this
    InvalidEnumerationContext, // wsen: unknown, released or expired context
    EncodingLimit,             // wsman: MaxEnvelopeSize, body size, nesting depth
    TimedOut,                  // wsman: OperationTimeout elapsed
    SchemaValidationError,     // wsman: malformed XML, DTDs, values of the wrong type
    MustUnderstand,            // s:MustUnderstand (code, no subcode)
    VersionMismatch,           // s:VersionMismatch: not a SOAP 1.2 envelope
    MessageInformationHeaderRequired, // wsa: Action, MessageID, ... missing
    InvalidMessageInformationHeader,  // wsa: a header present but unusable
    UnsupportedFeature,               // wsman: e.g. a ReplyTo other than anonymous
    CannotProcessFilter,              // wsen: an unknown filter dialect or a bad association filter
    InvalidOptions,                   // wsman: an option marked MustComply that is not supported
    InvalidRepresentation,            // wsman: a Put body that does not describe the resource
    QuotaLimit,                       // wsman: too many open enumeration contexts
    InternalError,                    // wsman
    Unknown,                          // a subcode this code does not know (kept as text)
};

struct Fault
{
    FaultKind kind = FaultKind::InternalError;
    QString reason;   // s:Reason/s:Text and f:WSManFault/f:Message
    QString detail;   // wsman:FaultDetail URI, when the kind has one
    quint32 code = 0; // f:WSManFault Code: a Windows error code, as WinRM sends
    QString machine;  // f:WSManFault Machine
    // MustUnderstand: the header not understood (written as an s:NotUnderstood header block).
    QString notUnderstoodNamespace;
    QString notUnderstoodName;
    // The subcode as read from the wire ("{namespace}Local"), for Unknown faults and messages.
    QString subcode;

    // A fault of the given kind with its standard code.
    static Fault make(FaultKind kind, const QString &reason, const QString &detailName = {});

    bool isSenderFault() const;
    QString action() const; // the wsa:Action a fault of this kind is sent with
    // Subcode namespace and local name; empty for MustUnderstand and VersionMismatch.
    QString subcodeNamespace() const;
    QString subcodeName() const;
    // What the engine API reports: a CIM return code and the fault's text.
    cim::Error toError() const;
    // Subcode-local name for logs ("InvalidSelectors", "MustUnderstand").
    QString kindName() const;
};

FaultKind faultKindFromSubcode(const QString &nameSpace, const QString &localName);

} // namespace rd::wsman
