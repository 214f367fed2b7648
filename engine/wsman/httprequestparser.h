#pragma once
// The HTTP/1.1 request reader of the WS-Man server, without a socket: bytes in, a request (or the
// status that refuses it) out. It holds the rules that decide what a request is: the request
// line, header lines (names lower-cased, values trimmed; NUL, bare CR and folded lines refused;
// one Authorization, Host and Content-Type at most), Content-Length or chunked framing and the
// header and body size limits. HttpServer owns the socket, the timers and the answers; keeping
// the parsing here lets it be tested and fuzzed on bytes alone.

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QSslCertificate>
#include <QString>

#include <utility>

namespace rd::wsman {

struct HttpRequest
{
    QByteArray method;
    QByteArray target;                                // as sent: path and query
    QByteArray version;                               // "HTTP/1.1"
    QList<std::pair<QByteArray, QByteArray>> headers; // names lower-cased, values trimmed
    QByteArray body;
    QHostAddress peer;
    bool encrypted = false;
    QSslCertificate clientCertificate; // the one the client showed in the TLS handshake, if any

    QByteArray header(QByteArrayView lowerCaseName) const;
    QByteArray path() const; // target without the query
};

class HttpRequestParser final
{
public:
    enum class Step {
        NeedMore, // everything buffered is consumed; append more
        Head,     // the headers are read: request() has them, the body follows
        Request,  // a whole request is read: takeRequest()
        Error     // the request is refused: errorStatus() and errorText(); stop reading
    };

    void setLimits(qsizetype maxHeaderBytes, qsizetype maxBodyBytes)
    {
        m_maxHeaderBytes = maxHeaderBytes;
        m_maxBodyBytes = maxBodyBytes;
    }

    void append(QByteArrayView data) { m_buffer.append(data.data(), data.size()); }
    bool hasBufferedData() const { return m_pos < m_buffer.size(); }
    void clear();

    // Reads on from the buffer until one of the steps; call again after Head and after
    // takeRequest() (pipelined requests stay in the buffer).
    Step next();

    const HttpRequest &request() const { return m_request; }
    // The request just read, and ready for the next one.
    HttpRequest takeRequest();
    // Valid from Head on: whether the connection stays open after the answer.
    bool keepAlive() const { return m_keepAlive; }
    // Valid from Head on: the client waits for "100 Continue" before it sends the body.
    bool expectsContinue() const { return m_expectsContinue; }

    int errorStatus() const { return m_errorStatus; }
    const QString &errorText() const { return m_errorText; }

private:
    enum class State { Head, Body, ChunkSize, ChunkData, ChunkEnd, Trailer, Complete, Failed };

    Step fail(int status, const QString &text);
    bool parseHead(const QByteArray &head);
    qsizetype available() const { return m_buffer.size() - m_pos; }
    QByteArrayView pending() const { return QByteArrayView(m_buffer).sliced(m_pos); }
    void consume(qsizetype n);
    // The first terminator in what is pending, -1 if none yet (relative to m_pos). Bytes already
    // searched are not searched again, so headers that arrive a byte at a time cost linear time.
    qsizetype findPending(QByteArrayView terminator);

    qsizetype m_maxHeaderBytes = 32 * 1024;
    qsizetype m_maxBodyBytes = 512 * 1024;
    State m_state = State::Head;
    QByteArray m_buffer;
    qsizetype m_pos = 0;      // read position in m_buffer; what is before it is consumed
    qsizetype m_searched = 0; // pending bytes known not to hold the terminator searched for
    HttpRequest m_request;
    qint64 m_remaining = 0;
    bool m_keepAlive = true;
    bool m_expectsContinue = false;
    int m_errorStatus = 0;
    QString m_errorText;
};

} // namespace rd::wsman
