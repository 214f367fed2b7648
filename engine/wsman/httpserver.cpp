#include "httpserver.h"

#include <QCoreApplication>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <algorithm>

namespace rd::wsman {

namespace {

// Not trHttp(): inside HttpConnection that would be QObject::tr with the wrong context.
QString trHttp(const char *text)
{
    return QCoreApplication::translate("rd::wsman::HttpServer", text);
}

// How long a connection that is being refused keeps reading (and discarding) what the client is
// still sending, so that the client sees our answer instead of a reset.
constexpr int kLingerMs = 2000;

} // namespace

// One client connection: reads requests with the server's limits, hands each complete request
// to the handler and writes the answers in order.
class HttpConnection final : public QObject
{
public:
    // A plain socket is ready at once; a QSslSocket is handshaken first (start() begins it).
    HttpConnection(HttpServer *server, QTcpSocket *socket, const QHostAddress &peer)
        : QObject(server)
        , m_server(server)
        , m_socket(socket)
        , m_peer(peer)
    {
        ++m_server->m_connections;
        ++m_server->m_perAddress[m_peer];
        m_socket->setParent(this);
        // Unread bytes stay in the kernel, so a client cannot make us buffer more than this
        // while a request is being handled.
        m_socket->setReadBufferSize(64 * 1024);
        m_timer.setSingleShot(true);
        connect(&m_timer, &QTimer::timeout, this, &HttpConnection::onTimeout);
        m_firstRequestTimer.setSingleShot(true);
        connect(&m_firstRequestTimer, &QTimer::timeout, this,
                &HttpConnection::onFirstRequestTimeout);
        connect(m_socket, &QTcpSocket::readyRead, this, &HttpConnection::onReadyRead);
        connect(m_socket, &QTcpSocket::disconnected, this, &HttpConnection::deleteLater);
        connect(
            m_socket, &QTcpSocket::errorOccurred, this, [this](QAbstractSocket::SocketError error) {
                if (m_state == State::Handshake && error != QAbstractSocket::RemoteHostClosedError)
                    Q_EMIT m_server->tlsError(m_peer, m_socket->errorString());
                if (m_state == State::Handshake ||
                    m_socket->state() != QAbstractSocket::ConnectedState)
                    deleteLater();
            });
    }

    void start()
    {
        if (auto *ssl = qobject_cast<QSslSocket *>(m_socket)) {
            m_state = State::Handshake;
            m_timer.start(m_server->limits().handshakeTimeoutMs);
            connect(ssl, &QSslSocket::encrypted, this, &HttpConnection::ready);
            ssl->startServerEncryption();
            return;
        }
        ready();
    }

    ~HttpConnection() override
    {
        if (m_server) {
            --m_server->m_connections;
            if (auto it = m_server->m_perAddress.find(m_peer);
                it != m_server->m_perAddress.end() && --*it <= 0)
                m_server->m_perAddress.erase(it);
        }
    }

    void respond(quint64 serial, HttpResponse response)
    {
        if (m_state != State::Handling || serial != m_serial)
            return;
        writeResponse(response, m_keepAlive && !response.close);
        if (m_state == State::Closing)
            return;
        reset();
        // Pipelined requests and whatever arrived meanwhile, from the event loop: a handler
        // that answers at once must not recurse once per pipelined request.
        QMetaObject::invokeMethod(this, &HttpConnection::resume, Qt::QueuedConnection);
    }

    void resume()
    {
        if (m_state == State::Handling || m_state == State::Closing)
            return;
        processBuffer();
        if (m_state != State::Handling && m_state != State::Closing &&
            m_socket->bytesAvailable() > 0)
            onReadyRead();
    }

    bool isHandling(quint64 serial) const
    {
        return m_state == State::Handling && serial == m_serial;
    }

private:
    // Reading covers the request's head and body; the parser knows which part it is in.
    enum class State { Handshake, Reading, Handling, Closing };

    // Connected, TLS done: the first request's headers must come within their own deadline,
    // shorter than the keep-alive idle timeout, so a client that says nothing frees its slot.
    void ready()
    {
        m_state = State::Reading;
        startIdle();
        m_firstRequestTimer.start(m_server->limits().firstRequestTimeoutMs);
        if (m_socket->bytesAvailable() > 0)
            QMetaObject::invokeMethod(this, &HttpConnection::onReadyRead, Qt::QueuedConnection);
    }

    void onFirstRequestTimeout()
    {
        if (m_headRead || m_state == State::Closing || m_state == State::Handshake)
            return;
        if (m_requestStarted)
            fail(408, trHttp("The request headers were not received in time."));
        else
            closeQuietly();
    }

    void closeQuietly()
    {
        m_state = State::Closing;
        m_parser.clear();
        m_socket->disconnectFromHost();
        // A client that reads nothing keeps our close_notify unsent; do not wait for it.
        m_timer.start(kLingerMs);
    }

    void startIdle()
    {
        m_requestStarted = false;
        m_timer.start(m_server->limits().idleTimeoutMs);
    }

    void reset()
    {
        m_state = State::Reading;
        m_request = HttpRequest();
        startIdle();
    }

    void onTimeout()
    {
        if (m_state == State::Handshake) {
            Q_EMIT m_server->tlsError(m_peer, trHttp("The TLS handshake did not finish in time."));
            m_socket->abort();
            deleteLater();
            return;
        }
        if (m_state == State::Closing) {
            m_socket->abort();
            deleteLater();
            return;
        }
        if (m_requestStarted && m_state != State::Handling) {
            fail(408, trHttp("The request was not received in time."));
            return;
        }
        if (m_state == State::Reading) {
            // Idle keep-alive connection: close quietly.
            closeQuietly();
        }
    }

    void onReadyRead()
    {
        if (m_state == State::Closing) {
            m_socket->readAll(); // lingering: discard
            return;
        }
        if (m_state == State::Handling || m_state == State::Handshake)
            return; // read on once the answer is out
        const QByteArray data = m_socket->readAll();
        if (data.isEmpty())
            return;
        if (!m_requestStarted) {
            m_requestStarted = true;
            m_timer.start(m_server->limits().requestTimeoutMs);
        }
        m_parser.append(data);
        processBuffer();
    }

    void processBuffer()
    {
        const HttpLimits &limits = m_server->limits();
        m_parser.setLimits(limits.maxHeaderBytes, limits.maxBodyBytes);
        while (m_state == State::Reading) {
            if (!m_requestStarted && m_parser.hasBufferedData()) {
                m_requestStarted = true;
                m_timer.start(limits.requestTimeoutMs);
            }
            switch (m_parser.next()) {
            case HttpRequestParser::Step::NeedMore:
                return;
            case HttpRequestParser::Step::Head:
                headRead();
                break;
            case HttpRequestParser::Step::Request:
                m_request = m_parser.takeRequest();
                m_request.peer = m_peerAddress;
                m_request.encrypted = m_encrypted;
                m_request.clientCertificate = m_clientCertificate;
                dispatch();
                break;
            case HttpRequestParser::Step::Error:
                fail(m_parser.errorStatus(), m_parser.errorText());
                return;
            }
        }
    }

    // The connection facts a request carries, and "100 Continue" for a client that waits for it.
    void headRead()
    {
        m_headRead = true;
        m_firstRequestTimer.stop();
        m_peerAddress = m_socket->peerAddress();
        auto *ssl = qobject_cast<QSslSocket *>(m_socket);
        m_encrypted = ssl != nullptr;
        m_clientCertificate = ssl ? ssl->peerCertificate() : QSslCertificate();
        m_keepAlive = m_parser.keepAlive();
        if (m_parser.expectsContinue())
            m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
    }

    void dispatch()
    {
        m_state = State::Handling;
        m_timer.stop();
        ++m_serial;
        m_server->m_handler(m_request, HttpResponder(this, m_serial));
    }

    void writeResponse(const HttpResponse &response, bool keepAlive, bool linger = false)
    {
        QByteArray out = "HTTP/1.1 " + QByteArray::number(response.status) + ' ' +
                         HttpServer::reasonPhrase(response.status) + "\r\n";
        for (const auto &[name, value] : response.headers)
            out += name + ": " + value + "\r\n";
        out += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
        out += keepAlive ? QByteArray("Connection: keep-alive\r\n")
                         : QByteArray("Connection: close\r\n");
        out += "\r\n";
        out += response.body;
        m_socket->write(out);
        if (!keepAlive)
            closeAfterWrite(linger);
    }

    void closeAfterWrite(bool linger)
    {
        m_state = State::Closing;
        m_parser.clear();
        if (!linger) {
            m_socket->disconnectFromHost(); // after the pending bytes are written
            return;
        }
        // Linger: keep reading and discarding for a moment, so that a client still sending the
        // body we refused reads our answer instead of a connection reset. The client closes
        // once it has the answer; the timer closes for clients that do not.
        m_socket->readAll();
        m_timer.start(kLingerMs);
    }

    void fail(int status, const QString &text)
    {
        HttpResponse r = m_server->m_errorFormatter ? m_server->m_errorFormatter(status, text)
                                                    : HttpServer::textResponse(status, text);
        r.close = true;
        m_state = State::Handling;
        writeResponse(r, false, true);
    }

    HttpServer *m_server;
    QTcpSocket *m_socket;
    const QHostAddress m_peer; // as counted in the server's per-address limit
    QTimer m_timer;
    QTimer m_firstRequestTimer;
    bool m_headRead = false; // the first request's headers are in
    State m_state = State::Reading;
    HttpRequestParser m_parser;
    HttpRequest m_request; // the one being handled
    QHostAddress m_peerAddress;
    bool m_encrypted = false;
    QSslCertificate m_clientCertificate;
    quint64 m_serial = 0;
    bool m_keepAlive = true;
    bool m_requestStarted = false;
};

HttpResponder::HttpResponder(HttpConnection *connection, quint64 serial)
    : m_connection(connection)
    , m_serial(serial)
{}

void HttpResponder::respond(HttpResponse response) const
{
    if (m_connection)
        m_connection->respond(m_serial, std::move(response));
}

bool HttpResponder::isConnected() const
{
    return m_connection && m_connection->isHandling(m_serial);
}

HttpServer::HttpServer(Handler handler, QObject *parent)
    : QObject(parent)
    , m_handler(std::move(handler))
{}

HttpServer::~HttpServer()
{
    // Connections are children; they must not touch m_connections of a half-destroyed server.
    const auto connections = findChildren<HttpConnection *>(Qt::FindDirectChildrenOnly);
    for (HttpConnection *c : connections)
        delete c;
}

// Takes each accepted descriptor at once: nothing waits in QTcpServer's pending queue, so its
// maxPendingConnections never stops the listener (see the header for why not QSslServer).
class HttpServer::Listener final : public QTcpServer
{
public:
    explicit Listener(HttpServer *owner)
        : m_owner(owner)
    {}

protected:
    void incomingConnection(qintptr descriptor) override { m_owner->accept(descriptor); }

private:
    HttpServer *m_owner;
};

cim::Result<void> HttpServer::listen(const QHostAddress &address, quint16 port)
{
    m_server = std::make_unique<Listener>(this);
    if (!m_server->listen(address, port)) {
        const QString why = m_server->errorString();
        m_server.reset();
        return cim::Error(
            cim::ReturnCode::Failed,
            trHttp("Cannot listen on %1 port %2: %3").arg(address.toString()).arg(port).arg(why));
    }
    return {};
}

void HttpServer::close()
{
    if (m_server)
        m_server->close();
}

bool HttpServer::isListening() const
{
    return m_server && m_server->isListening();
}

QHostAddress HttpServer::serverAddress() const
{
    return m_server ? m_server->serverAddress() : QHostAddress();
}

quint16 HttpServer::serverPort() const
{
    return m_server ? m_server->serverPort() : 0;
}

QHostAddress HttpServer::addressKey(const QHostAddress &peer)
{
    // An IPv4 client on a dual-stack listener is one address, however it is written.
    bool isV4 = false;
    const quint32 v4 = peer.toIPv4Address(&isV4);
    return isV4 ? QHostAddress(v4) : QHostAddress(peer.toIPv6Address());
}

int HttpServer::connectionCount(const QHostAddress &peer) const
{
    return m_perAddress.value(addressKey(peer));
}

void HttpServer::accept(qintptr descriptor)
{
    QTcpSocket *socket = m_tls ? new QSslSocket(this) : new QTcpSocket(this);
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        return;
    }
    const QHostAddress peer = addressKey(socket->peerAddress());
    const bool full = m_connections >= m_limits.maxConnections ||
                      m_perAddress.value(peer) >= m_limits.maxConnectionsPerAddress;
    if (full) {
        if (m_tls) {
            // No handshake for a connection that cannot be served: it would hold a slot first.
            socket->abort();
            socket->deleteLater();
            return;
        }
        // Refused politely; the client may retry later.
        HttpResponse r = textResponse(503, trHttp("Too many connections."));
        socket->write("HTTP/1.1 503 " + reasonPhrase(503) +
                      "\r\nContent-Length: " + QByteArray::number(r.body.size()) +
                      "\r\nRetry-After: 1\r\nConnection: close\r\n\r\n" + r.body);
        socket->disconnectFromHost();
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        QTimer::singleShot(kLingerMs, socket, [socket] {
            socket->abort();
            socket->deleteLater();
        });
        return;
    }
    if (m_tls) {
        // Clients may show a certificate (a peer engine does, to be known on NBD later); none
        // is required and none is checked here: the user still signs in.
        QSslConfiguration config = *m_tls;
        config.setPeerVerifyMode(QSslSocket::QueryPeer);
        static_cast<QSslSocket *>(socket)->setSslConfiguration(config);
    }
    auto *connection = new HttpConnection(this, socket, peer);
    connection->start();
}

HttpResponse HttpServer::textResponse(int status, const QString &text)
{
    HttpResponse r;
    r.status = status;
    r.headers.emplaceBack("Content-Type", "text/plain; charset=utf-8");
    r.body = text.toUtf8() + '\n';
    return r;
}

QByteArray HttpServer::reasonPhrase(int status)
{
    switch (status) {
    case 100:
        return "Continue";
    case 200:
        return "OK";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 408:
        return "Request Timeout";
    case 413:
        return "Payload Too Large";
    case 415:
        return "Unsupported Media Type";
    case 431:
        return "Request Header Fields Too Large";
    case 500:
        return "Internal Server Error";
    case 501:
        return "Not Implemented";
    case 503:
        return "Service Unavailable";
    case 505:
        return "HTTP Version Not Supported";
    default:
        return "Status";
    }
}

} // namespace rd::wsman
