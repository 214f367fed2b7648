#pragma once
// Shared pieces of the WS-Man tests: a provider with many instances (paging, Put, Delete, a method
// that never finishes), a raw HTTP client on QTcpSocket for byte-exact requests, and request
// builders.

#include "provider/provider.h"
#include "provider/providerregistry.h"
#include "wsman/envelope.h"
#include "wsman/userstore.h"

#include <QPromise>
#include <QTcpSocket>
#include <QTest>

#include <memory>

namespace rd::test {

using namespace rd::engine;
using cim::CimType;
using cim::Value;

// TEST_Item (alias CIM_Item): count instances keyed by a uint32 Id, modifiable and deletable.
class BulkProvider final : public Provider
{
public:
    explicit BulkProvider(int count)
    {
        for (int i = 0; i < count; ++i)
            m_items.append(make(quint32(i), QStringLiteral("item-%1").arg(i)));
    }

    static cim::ObjectPath item(quint32 id)
    {
        return cim::ObjectPath(ProviderRegistry::defaultNameSpace(), QStringLiteral("TEST_Item"),
                               {{QStringLiteral("Id"), Value::uint32(id)}});
    }

    QList<ClassInfo> classes() const override
    {
        return {{QStringLiteral("TEST_Item"), {QStringLiteral("CIM_Item")}, false}};
    }

    cim::Result<QList<cim::Instance>> enumerateInstances(const QString &) override
    {
        return m_items;
    }

    cim::Result<cim::Instance> getInstance(const cim::ObjectPath &path) override
    {
        const quint64 id = path.key(u"Id").toUInt64();
        for (const cim::Instance &i : std::as_const(m_items)) {
            if (i.path() == path)
                return i;
        }
        return cim::Error(cim::ReturnCode::InvalidParameter, QStringLiteral("No item %1.").arg(id));
    }

    QList<MethodSpec> methods(const QString &) const override
    {
        return {
            {QStringLiteral("Hang"), {}},
            {QStringLiteral("Resize"),
             {{QStringLiteral("NewSize"), CimType::UInt64, false, ParameterSpec::In, true, {}},
              {QStringLiteral("When"), CimType::DateTime, false, ParameterSpec::In, false, {}},
              {QStringLiteral("Job"), CimType::Reference, false, ParameterSpec::Out, false, {}}}}};
    }

    QFuture<cim::MethodResult> invokeMethod(const cim::MethodCall &call) override
    {
        lastCall = call;
        if (call.method == u"Hang") {
            // Never finished while the provider lives: the server must time out.
            m_hanging.append(std::make_shared<QPromise<cim::MethodResult>>());
            m_hanging.last()->start();
            return m_hanging.last()->future();
        }
        cim::MethodResult r;
        const quint64 size = call.in.value(u"NewSize").toUInt64();
        if (size == 0)
            return QtFuture::makeReadyFuture(
                cim::MethodResult::failure(4, QStringLiteral("A size of 0 is not allowed.")));
        r.returnValue = 4096;
        r.out.set(QStringLiteral("Job"), Value::reference(item(7)));
        return QtFuture::makeReadyFuture(r);
    }

    cim::Result<void> modifyInstance(const cim::Instance &instance,
                                     const QStringList &propertyList) override
    {
        for (cim::Instance &i : m_items) {
            if (i.path() == instance.path()) {
                for (const QString &name : propertyList) {
                    if (name.compare(u"Name", Qt::CaseInsensitive) != 0)
                        return cim::Error(cim::ReturnCode::InvalidParameter,
                                          QStringLiteral("Only Name can change."));
                    i.setProperty(QStringLiteral("Name"), instance.property(name));
                }
                return {};
            }
        }
        return cim::Error(cim::ReturnCode::InvalidParameter, QStringLiteral("No such item."));
    }

    cim::Result<void> deleteInstance(const cim::ObjectPath &path) override
    {
        for (qsizetype i = 0; i < m_items.size(); ++i) {
            if (m_items[i].path() == path) {
                m_items.removeAt(i);
                return {};
            }
        }
        return cim::Error(cim::ReturnCode::InvalidParameter, QStringLiteral("No such item."));
    }

    cim::MethodCall lastCall;

private:
    static cim::Instance make(quint32 id, const QString &name)
    {
        cim::Instance i(QStringLiteral("TEST_Item"));
        i.setPath(item(id));
        i.setProperties({{QStringLiteral("Id"), Value::uint32(id)},
                         {QStringLiteral("Name"), Value::string(name)},
                         {QStringLiteral("Size"), Value::uint64(quint64(id) * 4096)},
                         {QStringLiteral("Tags"),
                          Value::array(CimType::String, {Value::string(QStringLiteral("t"))})}});
        return i;
    }

    QList<cim::Instance> m_items;
    QList<std::shared_ptr<QPromise<cim::MethodResult>>> m_hanging;
};

// A byte-exact HTTP client: writes what it is given, collects one response at a time.
class HttpProbe
{
public:
    struct Response
    {
        int status = 0;
        QList<std::pair<QByteArray, QByteArray>> headers;
        QByteArray body;
        QByteArray header(QByteArrayView name) const
        {
            for (const auto &[n, v] : headers) {
                if (n.compare(name, Qt::CaseInsensitive) == 0)
                    return v;
            }
            return {};
        }
    };

    explicit HttpProbe(quint16 port)
    {
        m_socket.connectToHost(QHostAddress(QHostAddress::LocalHost), port);
        QObject::connect(&m_socket, &QTcpSocket::readyRead,
                         [this] { m_buffer += m_socket.readAll(); });
    }

    QTcpSocket &socket() { return m_socket; }
    void send(const QByteArray &bytes) { m_socket.write(bytes); }

    // The first complete response in what arrived, removed from the buffer; nullopt until then.
    std::optional<Response> take()
    {
        while (true) {
            const qsizetype end = m_buffer.indexOf("\r\n\r\n");
            if (end < 0)
                return std::nullopt;
            Response r;
            const QList<QByteArray> lines = m_buffer.left(end).split('\n');
            const QList<QByteArray> statusLine = lines.front().trimmed().split(' ');
            r.status = statusLine.value(1).toInt();
            qsizetype length = 0;
            for (qsizetype i = 1; i < lines.size(); ++i) {
                const qsizetype colon = lines[i].indexOf(':');
                if (colon < 0)
                    continue;
                r.headers.append(
                    {lines[i].left(colon).trimmed(), lines[i].mid(colon + 1).trimmed()});
                if (lines[i].left(colon).trimmed().toLower() == "content-length")
                    length = lines[i].mid(colon + 1).trimmed().toLongLong();
            }
            if (m_buffer.size() < end + 4 + length)
                return std::nullopt;
            r.body = m_buffer.mid(end + 4, length);
            m_buffer.remove(0, end + 4 + length);
            if (r.status == 100)
                continue; // interim
            return r;
        }
    }

    // Runs the event loop until a response is complete (a condition, not a fixed time).
    std::optional<Response> waitForResponse(int timeoutMs = 15000)
    {
        std::optional<Response> r;
        (void)QTest::qWaitFor([&] { return (r = take()).has_value(); }, timeoutMs);
        return r;
    }

    static QByteArray basic(const QByteArray &user, const QByteArray &password)
    {
        return "Basic " + QByteArray(user + ':' + password).toBase64();
    }

    static QByteArray post(const QByteArray &body, const QByteArray &authorization,
                           const QByteArray &extraHeaders = {})
    {
        QByteArray r = "POST /wsman HTTP/1.1\r\nHost: localhost\r\n"
                       "Content-Type: application/soap+xml;charset=UTF-8\r\n";
        if (!authorization.isEmpty())
            r += "Authorization: " + authorization + "\r\n";
        r += extraHeaders;
        r += "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
        return r;
    }

private:
    QTcpSocket m_socket;
    QByteArray m_buffer;
};

inline wsman::Message requestFor(wsman::Operation op, const cim::ObjectPath &target,
                                 wsman::UriStyle style = wsman::UriStyle::Microsoft)
{
    wsman::Message m;
    m.operation = op;
    m.header.to = QStringLiteral("http://localhost/wsman");
    m.header.messageId = wsman::newMessageId();
    if (!target.isEmpty())
        m.header.setTarget(target, style);
    return m;
}

} // namespace rd::test
