#pragma once
// What WsmanServer's .cpp files share: its log category, its tr() context, the request being
// answered (Exchange) and the lookup of the class and instance a request addresses.

#include "wsmanserver.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QLoggingCategory>

namespace rd::wsman {

Q_DECLARE_LOGGING_CATEGORY(lcWsmanServer)

struct WsmanServer::Exchange
{
    HttpRequest request;
    HttpResponder responder;
    QElapsedTimer started;
    User user;
    Message message;
    UriStyle style = UriStyle::Microsoft;
    qint64 maxEnvelopeSize = 0;
    bool answered = false;
};

namespace serverdetail {

inline QString tr(const char *text)
{
    return QCoreApplication::translate("rd::wsman::WsmanServer", text);
}

// text with control characters, line and paragraph separators and BIDI controls written as
// \uXXXX (and a backslash as \\), so that nothing a client sends can start or disguise a log line.
QString logSafe(QStringView text);

struct Target
{
    cim::ObjectPath path; // canonical class, the registry's namespace
    QString className;    // canonical
};

// The class and instance the request's resource URI and selectors address.
std::optional<Fault> resolveTarget(engine::ProviderRegistry &registry, const Header &h,
                                   const QStringList &keyNames, bool keysRequired, Target &out);

// An engine error on an instance operation as the fault WinRM would give.
Fault instanceFault(const cim::Error &e, FaultKind forInvalidParameter);

} // namespace serverdetail

} // namespace rd::wsman
