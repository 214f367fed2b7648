#pragma once
// A small HTTP/1.1 server on QTcpServer / QSslServer that carries the WS-Man endpoint.
//
// Why not QHttpServer: the 6.4 QHttpServer buffers a whole request body before any handler runs
// and has no body-size limit, no per-connection deadline and no idle timeout, so a 100 MB body or
// a client that sends one byte a minute cannot be refused early; it also offers no hook to answer
// "413" from the headers alone. WS-Man needs very little of HTTP (POST to one path), so this
// layer does exactly that with the limits the service needs: header and body size checked before
// buffering (413 / 431), a deadline per request (408) and an idle timeout per kept-alive
// connection, Content-Length and chunked bodies, Expect: 100-continue, keep-alive and pipelined
// requests answered in order, a cap on concurrent connections in all and per client address, and
// deadlines for the TLS handshake and for the first request's headers. Everything is
// event-driven on one thread, so a slow client costs a socket and a timer, never another
// client's time.
//
// Why not QSslServer: in Qt 6.4 it counts a connection whose handshake has not finished against
// maxPendingConnections (30) and stops accepting when the count is reached; a connection that
// dies before its ClientHello leaves the count but nothing resumes accepting, so 30 connections
// dropped before TLS wedge the port until a restart. Here each accepted descriptor becomes our
// own QSslSocket at once (incomingConnection), nothing is queued inside Qt, and the connection
// limits and the handshake deadline are ours.

#include "httprequestparser.h"

#include "cim/result.h"

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSslCertificate>
#include <QSslConfiguration>

#include <functional>
#include <memory>
#include <optional>

class QTcpServer;
class QTcpSocket;

namespace rd::wsman {

class HttpConnection;

struct HttpResponse
{
    int status = 200;
    QList<std::pair<QByteArray, QByteArray>> headers; // Content-Length is added
    QByteArray body;
    bool close = false; // close the connection after this response
};

// Answers one request, now or later. Answering a request whose connection has gone does nothing.
class HttpResponder
{
public:
    HttpResponder() = default;
    void respond(HttpResponse response) const;
    bool isConnected() const;

private:
    friend class HttpConnection;
    HttpResponder(HttpConnection *connection, quint64 serial);
    QPointer<HttpConnection> m_connection;
    quint64 m_serial = 0;
};

struct HttpLimits
{
    qsizetype maxHeaderBytes = 32 * 1024;
    qsizetype maxBodyBytes = 512 * 1024;
    int handshakeTimeoutMs = 10000;    // TCP accepted to the TLS handshake done
    int firstRequestTimeoutMs = 15000; // connected (TLS done) to the first request's headers read
    int requestTimeoutMs = 30000;      // a request's first byte to its complete body
    int idleTimeoutMs = 120000;        // a kept-alive connection waiting for its next request
    int maxConnections = 128;          // open connections, TLS handshakes included
    int maxConnectionsPerAddress = 16; // of them from one client address
};

class HttpServer final : public QObject
{
    Q_OBJECT
public:
    using Handler = std::function<void(const HttpRequest &, HttpResponder)>;
    // Shapes the answers the layer gives itself (400, 408, 413, 431, ...); text says why.
    using ErrorFormatter = std::function<HttpResponse(int status, const QString &text)>;

    explicit HttpServer(Handler handler, QObject *parent = nullptr);
    ~HttpServer() override;
    Q_DISABLE_COPY_MOVE(HttpServer)

    void setLimits(const HttpLimits &limits) { m_limits = limits; }
    void setErrorFormatter(ErrorFormatter formatter) { m_errorFormatter = std::move(formatter); }
    const HttpLimits &limits() const { return m_limits; }
    // HTTPS when set before listen().
    void setTlsConfiguration(const QSslConfiguration &configuration) { m_tls = configuration; }
    bool isTls() const { return m_tls.has_value(); }

    cim::Result<void> listen(const QHostAddress &address, quint16 port);
    void close();
    bool isListening() const;
    QHostAddress serverAddress() const;
    quint16 serverPort() const;
    int connectionCount() const { return m_connections; }
    int connectionCount(const QHostAddress &peer) const;

    // A plain response with a short text body, for statuses the handler and the layer answer.
    static HttpResponse textResponse(int status, const QString &text);
    static QByteArray reasonPhrase(int status);

Q_SIGNALS:
    // TLS handshakes that fail (wrong protocol, aborted, timed out), for the log.
    void tlsError(const QHostAddress &peer, const QString &message);

private:
    friend class HttpConnection;
    class Listener;
    void accept(qintptr descriptor);
    static QHostAddress addressKey(const QHostAddress &peer);

    Handler m_handler;
    ErrorFormatter m_errorFormatter;
    HttpLimits m_limits;
    std::optional<QSslConfiguration> m_tls;
    std::unique_ptr<QTcpServer> m_server;
    int m_connections = 0;
    QHash<QHostAddress, int> m_perAddress; // open connections per client address
};

} // namespace rd::wsman
