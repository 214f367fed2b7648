#include "httprequestparser.h"

#include <QCoreApplication>

#include <algorithm>

namespace rd::wsman {

namespace {

// The server's context: these texts were HttpServer's before the parser was its own class.
QString trHttp(const char *text)
{
    return QCoreApplication::translate("rd::wsman::HttpServer", text);
}

constexpr qsizetype kMaxChunkLine = 1024;

} // namespace

QByteArray HttpRequest::header(QByteArrayView lowerCaseName) const
{
    for (const auto &[name, value] : headers) {
        if (name == lowerCaseName)
            return value;
    }
    return {};
}

QByteArray HttpRequest::path() const
{
    const qsizetype q = target.indexOf('?');
    return q < 0 ? target : target.left(q);
}

void HttpRequestParser::clear()
{
    m_buffer.clear();
    m_pos = 0;
    m_searched = 0;
}

qsizetype HttpRequestParser::findPending(QByteArrayView terminator)
{
    const qsizetype from = qMax<qsizetype>(0, m_searched - (terminator.size() - 1));
    const qsizetype found = pending().sliced(from).indexOf(terminator);
    if (found < 0) {
        m_searched = available();
        return -1;
    }
    return from + found;
}

void HttpRequestParser::consume(qsizetype n)
{
    m_pos += n;
    m_searched = 0;
    // Consumed bytes are dropped in one go, not per chunk: a body of many small chunks must not
    // shift the buffer once per chunk.
    if (m_pos == m_buffer.size()) {
        m_buffer.clear();
        m_pos = 0;
    } else if (m_pos >= 64 * 1024 && m_pos * 2 >= m_buffer.size()) {
        m_buffer.remove(0, m_pos);
        m_pos = 0;
    }
}

HttpRequestParser::Step HttpRequestParser::fail(int status, const QString &text)
{
    m_state = State::Failed;
    m_errorStatus = status;
    m_errorText = text;
    return Step::Error;
}

HttpRequest HttpRequestParser::takeRequest()
{
    HttpRequest request = std::move(m_request);
    m_request = HttpRequest();
    m_remaining = 0;
    m_state = State::Head;
    return request;
}

HttpRequestParser::Step HttpRequestParser::next()
{
    for (;;) {
        switch (m_state) {
        case State::Complete:
            return Step::Request;
        case State::Failed:
            return Step::Error;
        case State::Head: {
            if (!hasBufferedData())
                return Step::NeedMore;
            const qsizetype end = findPending("\r\n\r\n");
            if (end < 0) {
                if (available() > m_maxHeaderBytes)
                    return fail(431, trHttp("The request headers are too large."));
                return Step::NeedMore;
            }
            if (end > m_maxHeaderBytes)
                return fail(431, trHttp("The request headers are too large."));
            const QByteArray head = m_buffer.sliced(m_pos, end);
            consume(end + 4);
            if (!parseHead(head))
                return Step::Error;
            return Step::Head;
        }
        case State::Body: {
            if (m_remaining == 0) {
                m_state = State::Complete;
                return Step::Request;
            }
            if (!hasBufferedData())
                return Step::NeedMore;
            const qsizetype n = qMin<qsizetype>(m_remaining, available());
            m_request.body += pending().first(n);
            consume(n);
            m_remaining -= n;
            break;
        }
        case State::ChunkSize: {
            if (!hasBufferedData())
                return Step::NeedMore;
            const qsizetype eol = findPending("\r\n");
            if (eol < 0) {
                if (available() > kMaxChunkLine)
                    return fail(400, trHttp("A chunk size line is too long."));
                return Step::NeedMore;
            }
            QByteArray line = m_buffer.sliced(m_pos, eol);
            consume(eol + 2);
            if (const qsizetype semi = line.indexOf(';'); semi >= 0)
                line.truncate(semi); // chunk extensions mean nothing here
            bool ok = false;
            const qint64 size = line.trimmed().toLongLong(&ok, 16);
            if (!ok || size < 0 || line.trimmed().isEmpty())
                return fail(400, trHttp("A chunk size is not valid."));
            if (size > m_maxBodyBytes - m_request.body.size())
                return fail(
                    413, trHttp("The request body is larger than %1 bytes.").arg(m_maxBodyBytes));
            m_remaining = size;
            m_state = size == 0 ? State::Trailer : State::ChunkData;
            break;
        }
        case State::ChunkData: {
            if (!hasBufferedData())
                return Step::NeedMore;
            const qsizetype n = qMin<qsizetype>(m_remaining, available());
            m_request.body += pending().first(n);
            consume(n);
            m_remaining -= n;
            if (m_remaining == 0)
                m_state = State::ChunkEnd;
            break;
        }
        case State::ChunkEnd:
            if (available() < 2)
                return Step::NeedMore;
            if (!pending().startsWith("\r\n"))
                return fail(400, trHttp("A chunk does not end with CRLF."));
            consume(2);
            m_state = State::ChunkSize;
            break;
        case State::Trailer: {
            // Trailer fields are read and dropped, up to the empty line.
            if (!hasBufferedData())
                return Step::NeedMore;
            const qsizetype eol = findPending("\r\n");
            if (eol < 0) {
                if (available() > m_maxHeaderBytes)
                    return fail(431, trHttp("The request trailer is too large."));
                return Step::NeedMore;
            }
            consume(eol + 2);
            if (eol == 0)
                m_state = State::Complete;
            break;
        }
        }
    }
}

bool HttpRequestParser::parseHead(const QByteArray &head)
{
    // A NUL or a CR that does not end a line lets two parsers disagree on where a header
    // ends (smuggling, forged values); neither has a meaning here.
    if (head.contains('\0')) {
        fail(400, trHttp("The request headers contain a NUL character."));
        return false;
    }
    const QList<QByteArray> lines = head.split('\n');
    if (lines.front().chopped(lines.front().endsWith('\r') ? 1 : 0).contains('\r')) {
        fail(400, trHttp("The request line contains a bare CR."));
        return false;
    }
    const QList<QByteArray> requestLine = lines.front().trimmed().split(' ');
    if (requestLine.size() != 3 || requestLine[0].isEmpty() || requestLine[1].isEmpty()) {
        fail(400, trHttp("The request line is malformed."));
        return false;
    }
    m_request.method = requestLine[0];
    m_request.target = requestLine[1];
    m_request.version = requestLine[2];
    if (m_request.version != "HTTP/1.1" && m_request.version != "HTTP/1.0") {
        fail(505, trHttp("Only HTTP/1.0 and HTTP/1.1 are supported."));
        return false;
    }
    for (qsizetype i = 1; i < lines.size(); ++i) {
        QByteArray line = lines[i];
        if (line.endsWith('\r'))
            line.chop(1);
        if (line.contains('\r')) {
            fail(400, trHttp("A header line contains a bare CR."));
            return false;
        }
        if (line.isEmpty())
            continue;
        if (line.front() == ' ' || line.front() == '\t') {
            fail(400, trHttp("Folded header lines are not accepted."));
            return false;
        }
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0) {
            fail(400, trHttp("A header line is malformed."));
            return false;
        }
        const QByteArray name = line.left(colon).trimmed().toLower();
        // Fields that are not lists: two of them leave it open which one counts.
        const bool single = name == "authorization" || name == "host" || name == "content-type";
        if (single && std::any_of(m_request.headers.cbegin(), m_request.headers.cend(),
                                  [&name](const auto &h) { return h.first == name; })) {
            fail(400,
                 trHttp("The request has more than one %1 header.").arg(QString::fromLatin1(name)));
            return false;
        }
        m_request.headers.emplaceBack(name, line.mid(colon + 1).trimmed());
    }

    const QByteArray connection = m_request.header("connection").toLower();
    m_keepAlive = m_request.version == "HTTP/1.1" ? !connection.contains("close")
                                                  : connection.contains("keep-alive");

    QList<QByteArray> lengths;
    QByteArray transferEncoding;
    for (const auto &[name, value] : std::as_const(m_request.headers)) {
        if (name == "content-length")
            lengths << value;
        else if (name == "transfer-encoding")
            transferEncoding = transferEncoding.isEmpty() ? value : transferEncoding + ", " + value;
    }
    if (!transferEncoding.isEmpty()) {
        // Both framings at once is the request-smuggling shape: refuse it.
        if (!lengths.isEmpty()) {
            fail(400, trHttp("A request cannot have both Content-Length and Transfer-Encoding."));
            return false;
        }
        if (transferEncoding.trimmed().toLower() != "chunked") {
            fail(501, trHttp("Only the chunked transfer coding is supported."));
            return false;
        }
        m_state = State::ChunkSize;
    } else if (!lengths.isEmpty()) {
        bool ok = false;
        const qint64 length = lengths.front().toLongLong(&ok);
        for (const QByteArray &l : std::as_const(lengths)) {
            if (l != lengths.front())
                ok = false;
        }
        if (!ok || length < 0) {
            fail(400, trHttp("Content-Length is not valid."));
            return false;
        }
        if (length > m_maxBodyBytes) {
            fail(413, trHttp("The request body is larger than %1 bytes.").arg(m_maxBodyBytes));
            return false;
        }
        m_remaining = length;
        m_state = State::Body;
    } else {
        m_remaining = 0;
        m_state = State::Body;
    }
    const bool bodyFollows = m_state != State::Body || m_remaining > 0;
    m_expectsContinue = bodyFollows && m_request.header("expect").toLower() == "100-continue";
    if (bodyFollows)
        m_request.body.reserve(m_state == State::Body ? m_remaining : 0);
    return true;
}

} // namespace rd::wsman
