#pragma once
// WS-Management messages as values, and the one SOAP 1.2 envelope writer and reader that both the
// client and the server use (QXmlStreamWriter / QXmlStreamReader). The reader is for untrusted
// input: no DTDs or entities, bounded size, depth and element count; every problem becomes the
// fault the server answers with.

#include "resourceuri.h"
#include "wsmanfault.h"

#include "cim/instance.h"
#include "cim/methodcall.h"
#include "cim/objectpath.h"
#include "provider/providerregistry.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <memory>
#include <optional>

namespace rd::wsman {

enum class Operation : quint8 {
    Unknown,
    Identify,
    Get,
    Put,
    Delete,
    Enumerate,
    Pull,
    Release,
    Invoke,
    Fault
};

enum class EnumerationMode : quint8 { Objects, References, ObjectsAndReferences };

struct TypeSpec
{
    cim::CimType type = cim::CimType::String;
    bool array = false;
};

// Supplies the CIM types that WS-Man's text does not carry. The server answers from the provider
// registry (method signatures, instances it has seen); a client without a schema leaves them
// unknown, and values come back as ReplicaDesk's type annotations say, or as strings.
class TypeResolver
{
public:
    virtual ~TypeResolver() = default;
    virtual std::optional<TypeSpec> propertyType(const QString &className,
                                                 const QString &name) const;
    virtual std::optional<TypeSpec> parameterType(const QString &className, const QString &method,
                                                  const QString &name, bool output) const;
    virtual std::optional<cim::CimType> keyType(const QString &className, const QString &key) const;
};

struct Header
{
    QString to;
    QString action;
    QString messageId;
    QString relatesTo;
    QString replyTo; // the ReplyTo address; the engine accepts only the anonymous one
    QString resourceUri;
    // Selectors as typed values; __cimnamespace is kept as an ordinary string selector.
    QList<std::pair<QString, cim::Value>> selectors;
    std::optional<qint64> operationTimeoutMs;
    std::optional<qint64> maxEnvelopeSize;
    QString locale; // wsman:Locale xml:lang

    // Sets the resource URI and selectors that address path, in the given style.
    void setTarget(const cim::ObjectPath &path, UriStyle style);
    // The object the resource URI and selectors address; nullopt when the URI is not a CIM
    // class URI. Selectors keep the types they were read with.
    std::optional<cim::ObjectPath> target() const;
};

struct AssociationQuery
{
    enum Kind : quint8 { AssociatedInstances, AssociationInstances };
    Kind kind = AssociatedInstances;
    cim::ObjectPath object;
    // AssociatedInstances: all four; AssociationInstances: assocClass (wsmb:ResultClassName) and
    // role.
    engine::AssociationFilter filter;
};

struct EnumerateBody
{
    bool optimize = false;
    int maxElements = 0; // 0: not given
    EnumerationMode mode = EnumerationMode::Objects;
    std::optional<AssociationQuery> association;
};

struct EnumerationItem
{
    std::optional<cim::Instance> instance;
    std::optional<cim::ObjectPath> path;
};

// EnumerateResponse and PullResponse.
struct EnumerationBody
{
    QString context; // empty once the sequence has ended
    QList<EnumerationItem> items;
    bool endOfSequence = false;
};

// Pull and Release.
struct PullBody
{
    QString context;
    int maxElements = 0; // 0: not given
};

struct InvokeBody
{
    QString method;
    cim::Parameters parameters; // in for requests, out for responses
    quint32 returnValue = 0;
    QString message; // ReplicaDesk's explanation of a non-zero ReturnValue (rd:ReturnMessage)
    // The input parameter that refusal is about, as the method declares it (rd:ReturnParameter);
    // empty when none is, or when the answer is not ReplicaDesk's (WinRM sends none).
    QString parameter;
};

struct IdentifyBody
{
    QString protocolVersion;
    QString productVendor;
    QString productVersion;
};

struct Message
{
    Header header;
    Operation operation = Operation::Unknown;
    bool response = false;
    cim::Instance instance; // Get response, Put request and response
    EnumerateBody enumerate;
    EnumerationBody enumeration;
    PullBody pull;
    InvokeBody invoke;
    IdentifyBody identify;
    Fault fault;

    // The action URI this message is sent with (empty for Identify).
    QString defaultAction() const;
};

struct WriteOptions
{
    UriStyle style = UriStyle::Microsoft;
    // Address of endpoint references written into bodies.
    QString eprAddress;
    // Write rd:t type annotations so a ReplicaDesk peer gets exact types back.
    bool annotateTypes = true;
};

struct ReadLimits
{
    qsizetype maxBytes = 512 * 1024;
    int maxDepth = 64;
    int maxElements = 250000;
    // Embedded instances given as CIM-XML text.
    int maxEmbeddedDepth = 8;
    // Checked before the XML parser sees the document: Qt 6.4's QXmlStreamReader compares each
    // attribute of an element with every earlier one (quadratic), and looks a prefix up through
    // every namespace declaration in scope.
    int maxAttributes = 128;            // per element, namespace declarations included
    int maxNamespaceDeclarations = 512; // in scope at any element
    int maxParameters = 1024;           // of one method call or response
};

struct ReadResult
{
    Message message;            // as much as was read; header fields are valid even on faults
    std::optional<Fault> fault; // set when the message could not be read or is not acceptable
    bool ok() const { return !fault.has_value(); }
};

QString newMessageId();

// Builds the whole envelope. Identify requests carry no addressing headers, as DSP0226 says.
QByteArray writeMessage(const Message &message, const WriteOptions &options = {});
// A fault reply to request (RelatesTo its MessageID).
QByteArray writeFault(const Fault &fault, const QString &relatesTo,
                      const WriteOptions &options = {});

namespace detail {
struct Node;
}

// An envelope's XML parsed within ReadLimits but not yet interpreted: the costly half of
// readMessage, which needs no TypeResolver and so may run on any thread. Cheap to copy.
class ParsedEnvelope
{
public:
    bool ok() const { return !m_fault.has_value(); }

private:
    friend ParsedEnvelope parseEnvelope(const QByteArray &data, const ReadLimits &limits);
    friend ReadResult readMessage(const ParsedEnvelope &parsed, const TypeResolver *resolver,
                                  const ReadLimits &limits);
    std::shared_ptr<const detail::Node> m_root;
    std::optional<Fault> m_fault;
};

// Parses an envelope (UTF-8 or UTF-16, with or without BOM). Thread-safe.
ParsedEnvelope parseEnvelope(const QByteArray &data, const ReadLimits &limits = {});
// Interprets a parsed envelope; resolver (may be null) is called on this thread.
ReadResult readMessage(const ParsedEnvelope &parsed, const TypeResolver *resolver,
                       const ReadLimits &limits = {});
// Both at once.
ReadResult readMessage(const QByteArray &data, const TypeResolver *resolver,
                       const ReadLimits &limits = {});

// The resource URI that addresses path's class in the given style (defaultNameSpace when the path
// has none).
QString resourceUriFor(const cim::ObjectPath &path, UriStyle style,
                       const QString &defaultNameSpace);

} // namespace rd::wsman
