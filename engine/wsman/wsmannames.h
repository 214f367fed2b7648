#pragma once
// The XML namespaces, action URIs and fixed URIs of WS-Management (DSP0226), its CIM binding
// (DSP0227, DSP0230) and WinRM's dialect (MS-WSMV), in one place so client and server agree.

#include <QString>

namespace rd::wsman::ns {

inline QString soap()
{
    return QStringLiteral("http://www.w3.org/2003/05/soap-envelope");
}
// SOAP 1.1: only recognised to answer VersionMismatch.
inline QString soap11()
{
    return QStringLiteral("http://schemas.xmlsoap.org/soap/envelope/");
}
inline QString addressing()
{
    return QStringLiteral("http://schemas.xmlsoap.org/ws/2004/08/addressing");
}
inline QString wsman()
{
    return QStringLiteral("http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd");
}
// WinRM's own header namespace (DataLocale, SessionId, OperationID, SequenceId).
inline QString wsmv()
{
    return QStringLiteral("http://schemas.microsoft.com/wbem/wsman/1/wsman.xsd");
}
inline QString enumeration()
{
    return QStringLiteral("http://schemas.xmlsoap.org/ws/2004/09/enumeration");
}
inline QString transfer()
{
    return QStringLiteral("http://schemas.xmlsoap.org/ws/2004/09/transfer");
}
inline QString identity()
{
    return QStringLiteral("http://schemas.dmtf.org/wbem/wsman/identity/1/wsmanidentity.xsd");
}
inline QString cimBinding()
{
    return QStringLiteral("http://schemas.dmtf.org/wbem/wsman/1/cimbinding.xsd");
}
inline QString cimCommon()
{
    return QStringLiteral("http://schemas.dmtf.org/wbem/wscim/1/common");
}
inline QString xsi()
{
    return QStringLiteral("http://www.w3.org/2001/XMLSchema-instance");
}
inline QString xml()
{
    return QStringLiteral("http://www.w3.org/XML/1998/namespace");
}
inline QString wsmanFault()
{
    return QStringLiteral("http://schemas.microsoft.com/wbem/wsman/1/wsmanfault");
}
// ReplicaDesk's annotations (CIM types of values, method messages and refused parameters). Peers
// that do not know them ignore them; without them values arrive as text, as WS-Man carries no
// types.
inline QString replicaDesk()
{
    return QStringLiteral("urn:replicadesk:wsman:1");
}

} // namespace rd::wsman::ns

namespace rd::wsman::uri {

inline QString anonymous()
{
    return QStringLiteral("http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous");
}
inline QString associationFilterDialect()
{
    return QStringLiteral("http://schemas.dmtf.org/wbem/wsman/1/cimbinding/associationFilter");
}
inline QString faultDetail(const QString &name)
{
    return QStringLiteral("http://schemas.dmtf.org/wbem/wsman/1/wsman/faultDetail/") + name;
}
// WinRM's resource URIs: prefix + namespace + "/" + class.
inline QString microsoftPrefix()
{
    return QStringLiteral("http://schemas.microsoft.com/wbem/wsman/1/wmi/");
}
// DMTF's: prefix + class, with the namespace in the __cimnamespace selector.
inline QString dmtfPrefix()
{
    return QStringLiteral("http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/");
}
// "Every class" (association enumerations, DSP0227 §8).
inline QString dmtfAllClasses()
{
    return QStringLiteral("http://schemas.dmtf.org/wbem/wscim/1/*");
}
inline QString cimNamespaceSelector()
{
    return QStringLiteral("__cimnamespace");
}

} // namespace rd::wsman::uri

namespace rd::wsman::action {

inline QString get()
{
    return QStringLiteral("http://schemas.xmlsoap.org/ws/2004/09/transfer/Get");
}
inline QString getResponse()
{
    return QStringLiteral("http://schemas.xmlsoap.org/ws/2004/09/transfer/GetResponse");
}
inline QString put()
{
    return QStringLiteral("http://schemas.xmlsoap.org/ws/2004/09/transfer/Put");
}
inline QString putResponse()
{
    return QStringLiteral("http://schemas.xmlsoap.org/ws/2004/09/transfer/PutResponse");
}
inline QString del()
{
    return QStringLiteral("http://schemas.xmlsoap.org/ws/2004/09/transfer/Delete");
}
inline QString delResponse()
{
    return QStringLiteral("http://schemas.xmlsoap.org/ws/2004/09/transfer/DeleteResponse");
}
inline QString enumerate()
{
    return QStringLiteral("http://schemas.xmlsoap.org/ws/2004/09/enumeration/Enumerate");
}
inline QString enumerateResponse()
{
    return QStringLiteral("http://schemas.xmlsoap.org/ws/2004/09/enumeration/EnumerateResponse");
}
inline QString pull()
{
    return QStringLiteral("http://schemas.xmlsoap.org/ws/2004/09/enumeration/Pull");
}
inline QString pullResponse()
{
    return QStringLiteral("http://schemas.xmlsoap.org/ws/2004/09/enumeration/PullResponse");
}
inline QString release()
{
    return QStringLiteral("http://schemas.xmlsoap.org/ws/2004/09/enumeration/Release");
}
inline QString releaseResponse()
{
    return QStringLiteral("http://schemas.xmlsoap.org/ws/2004/09/enumeration/ReleaseResponse");
}
inline QString wsmanFault()
{
    return QStringLiteral("http://schemas.dmtf.org/wbem/wsman/1/wsman/fault");
}
inline QString addressingFault()
{
    return QStringLiteral("http://schemas.xmlsoap.org/ws/2004/08/addressing/fault");
}
inline QString enumerationFault()
{
    return QStringLiteral("http://schemas.xmlsoap.org/ws/2004/09/enumeration/fault");
}

} // namespace rd::wsman::action
