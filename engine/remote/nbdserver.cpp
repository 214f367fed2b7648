#include "nbdserver.h"

#include "nbdprotocol.h"

#include "storage/blockdevice.h"
#include "storage/poolmanager.h"

#include <QCoreApplication>
#include <QLocalServer>
#include <QLocalSocket>
#include <QLoggingCategory>
#include <QSslCipher>
#include <QSslConfiguration>
#include <QSslPreSharedKeyAuthenticator>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QtEndian>

#include <cstring>

Q_LOGGING_CATEGORY(lcNbd, "rd.nbd.server")

namespace rd::engine {

namespace {

// Protocol constants (NBD protocol document, "newstyle" negotiation and transmission).
constexpr quint64 NbdMagic = 0x4e42444d41474943ull; // "NBDMAGIC"
constexpr quint64 OptMagic = 0x49484156454F5054ull; // "IHAVEOPT"
constexpr quint64 ReplyMagic = 0x3e889045565a9ull;  // option replies
constexpr quint32 SimpleReplyMagic = 0x67446698u;
constexpr quint32 StructuredReplyMagic = 0x668e33efu;

constexpr quint16 FlagFixedNewstyle = 1;
constexpr quint16 FlagNoZeroes = 2;

enum Option : quint32 {
    OptExportName = 1,
    OptAbort = 2,
    OptList = 3,
    OptStartTls = 5,
    OptInfo = 6,
    OptGo = 7,
    OptStructuredReply = 8,
    OptListMetaContext = 9,
    OptSetMetaContext = 10,
};

enum OptionReply : quint32 {
    RepAck = 1,
    RepServer = 2,
    RepInfo = 3,
    RepMetaContext = 4,
    RepErrUnsup = 0x80000001u,
    RepErrPolicy = 0x80000002u,
    RepErrInvalid = 0x80000003u,
    RepErrTlsRequired = 0x80000005u,
    RepErrUnknown = 0x80000006u,
};

enum Info : quint16 { InfoExport = 0, InfoBlockSize = 3 };

enum TransmissionFlag : quint16 {
    HasFlags = 1 << 0,
    ReadOnly = 1 << 1,
    SendFlush = 1 << 2,
    SendFua = 1 << 3,
    SendTrim = 1 << 5,
    SendWriteZeroes = 1 << 6,
    CanMultiConn = 1 << 8,
};

enum Command : quint16 {
    CmdRead = 0,
    CmdWrite = 1,
    CmdDisc = 2,
    CmdFlush = 3,
    CmdTrim = 4,
    CmdCache = 5,
    CmdWriteZeroes = 6,
    CmdBlockStatus = 7,
};

constexpr quint16 CmdFlagFua = 1 << 0;
constexpr quint16 CmdFlagNoHole = 1 << 1;
constexpr quint16 CmdFlagReqOne = 1 << 3;

constexpr quint16 ReplyFlagDone = 1;
enum ReplyType : quint16 {
    ReplyNone = 0,
    ReplyOffsetData = 1,
    ReplyBlockStatus = 5,
    ReplyError = 0x8001,
};

constexpr quint32 StateHole = 1;
constexpr quint32 StateZero = 2;

// errno values as the protocol defines them (not the host's).
constexpr quint32 ErrPerm = 1;
constexpr quint32 ErrIo = 5;
constexpr quint32 ErrInvalid = 22;
constexpr quint32 ErrNoSpace = 28;

constexpr quint32 AllocationContext = 1;
const QByteArray AllocationName = QByteArrayLiteral("base:allocation");

constexpr quint32 PreferredBlock = 4096;

void put16(QByteArray &b, quint16 v)
{
    char x[2];
    qToBigEndian(v, x);
    b.append(x, 2);
}
void put32(QByteArray &b, quint32 v)
{
    char x[4];
    qToBigEndian(v, x);
    b.append(x, 4);
}
void put64(QByteArray &b, quint64 v)
{
    char x[8];
    qToBigEndian(v, x);
    b.append(x, 8);
}
// Text a client chose, fit for one log line.
QString printable(const QString &text)
{
    QString out;
    for (const QChar c : text.left(128))
        out += c.isPrint() ? c : QChar(u'?');
    return out;
}

template<class T>
T get(const char *p)
{
    return qFromBigEndian<T>(p);
}

// Whether a TLS ClientHello offers a TLS 1.3 pre-shared key (its pre_shared_key extension),
// read from the first record: NeedMore until the record has arrived. Anything malformed counts
// as no PSK; the handshake then fails on its own terms.
enum class HelloScan { NeedMore, Psk, NoPsk };
HelloScan scanClientHello(const QByteArray &bytes)
{
    constexpr qsizetype RecordHeader = 5;
    if (bytes.size() < RecordHeader)
        return HelloScan::NeedMore;
    const auto *p = reinterpret_cast<const uchar *>(bytes.constData());
    if (p[0] != 0x16) // handshake record
        return HelloScan::NoPsk;
    const qsizetype recordLength = (qsizetype(p[3]) << 8) | p[4];
    if (bytes.size() < RecordHeader + recordLength)
        return HelloScan::NeedMore;
    const uchar *at = p + RecordHeader;
    const uchar *const end = at + recordLength;
    auto skip = [&](qsizetype n) {
        if (end - at < n)
            return false;
        at += n;
        return true;
    };
    auto length = [&](int octets, qsizetype &n) {
        if (end - at < octets)
            return false;
        n = 0;
        for (int i = 0; i < octets; ++i)
            n = (n << 8) | *at++;
        return true;
    };
    qsizetype n = 0;
    // Handshake type 1 (ClientHello) and its length; version and random; session id, cipher
    // suites, compression methods; then the extensions.
    if (end - at < 4 || at[0] != 1 || !skip(4) || !skip(2 + 32) || !length(1, n) || !skip(n) ||
        !length(2, n) || !skip(n) || !length(1, n) || !skip(n) || !length(2, n))
        return HelloScan::NoPsk;
    const uchar *const extensionsEnd = at + std::min<qsizetype>(n, end - at);
    while (extensionsEnd - at >= 4) {
        const int type = (at[0] << 8) | at[1];
        const qsizetype size = (qsizetype(at[2]) << 8) | at[3];
        at += 4;
        if (type == 41) // pre_shared_key
            return HelloScan::Psk;
        if (extensionsEnd - at < size)
            break;
        at += size;
    }
    return HelloScan::NoPsk;
}

// Every connection on a QSslSocket, so STARTTLS can turn it into TLS in place.
class SslTcpServer final : public QTcpServer
{
public:
    using QTcpServer::QTcpServer;

protected:
    void incomingConnection(qintptr descriptor) override
    {
        auto *socket = new QSslSocket(this);
        if (!socket->setSocketDescriptor(descriptor)) {
            delete socket;
            return;
        }
        addPendingConnection(socket);
    }
};

} // namespace

// One client: negotiation, then requests answered in order, synchronously on this thread.
class NbdServer::Connection final : public QObject
{
public:
    // socket is a QTcpSocket (a QSslSocket, for STARTTLS) or a QLocalSocket; on the Unix socket
    // the file's permissions already decided who may connect, so neither TLS nor the client
    // check applies there.
    Connection(NbdServer *server, QIODevice *socket, const QString &address)
        : QObject(socket)
        , m_server(server)
        , m_socket(socket)
        , m_tcp(qobject_cast<QAbstractSocket *>(socket))
        , m_local(qobject_cast<QLocalSocket *>(socket))
        , m_identity(m_tcp ? server->m_tls : std::nullopt)
        , m_tlsRequired(m_tcp && server->m_tlsRequired && server->m_tls)
        , m_address(address)
        , m_deadline(new QTimer(this))
    {
        ++m_server->m_connections;
        ++m_server->m_perAddress[m_address];
        // Qt stops reading from the kernel once this much is buffered and unread: while the
        // replies are over their bound, the client's requests wait in its own socket.
        if (m_tcp)
            m_tcp->setReadBufferSize(4 << 20);
        else
            m_local->setReadBufferSize(4 << 20);
        m_deadline->setSingleShot(true);
        connect(m_deadline, &QTimer::timeout, this, [this] {
            qCWarning(lcNbd).noquote()
                << "NBD client" << m_address << "closed: no export chosen within"
                << m_server->m_limits.negotiationDeadline.count() << "ms";
            m_state = State::Closed;
            m_buffer.clear();
            abort();
        });
        m_deadline->start(m_server->m_limits.negotiationDeadline);
        QByteArray hello;
        put64(hello, NbdMagic);
        put64(hello, OptMagic);
        put16(hello, FlagFixedNewstyle | FlagNoZeroes);
        m_socket->write(hello);
        connect(m_socket, &QIODevice::readyRead, this, [this] { pump(); });
        // Replies drained (plain, or as TLS records): read the requests held back.
        connect(m_socket, &QIODevice::bytesWritten, this, [this] {
            if (m_paused)
                pump();
        });
        if (auto *ssl = qobject_cast<QSslSocket *>(m_socket)) {
            connect(ssl, &QSslSocket::encryptedBytesWritten, this, [this] {
                if (m_paused)
                    pump();
            });
        }
        if (m_tcp)
            connect(m_tcp, &QAbstractSocket::disconnected, m_socket, &QObject::deleteLater);
        else
            connect(m_local, &QLocalSocket::disconnected, m_socket, &QObject::deleteLater);
    }
    ~Connection() override
    {
        if (m_server) {
            --m_server->m_connections;
            if (--m_server->m_perAddress[m_address] <= 0)
                m_server->m_perAddress.remove(m_address);
            if (!m_exportName.isEmpty()) {
                // One entry per connection: another client at the same address stays.
                QStringList &clients = m_server->m_openBy[m_exportName];
                clients.removeOne(m_client);
                if (clients.isEmpty())
                    m_server->m_openBy.remove(m_exportName);
            }
        }
    }
    Q_DISABLE_COPY_MOVE(Connection)

    void detach() { m_server = nullptr; }

    // Asks the access check again for the export this client has open: a host whose grant was
    // withdrawn is disconnected, one made read-only may only read from now on.
    void review()
    {
        if (!m_server || m_state != State::Transmission || m_exportName.isEmpty())
            return;
        const NbdServer::Admission a = admission(m_exportName, false);
        if (!a.refusal.isEmpty()) {
            qCWarning(lcNbd).noquote() << "NBD client" << m_client << "disconnected from"
                                       << m_exportName << "-" << a.refusal;
            m_state = State::Closed;
            m_buffer.clear();
            abort();
            return;
        }
        m_readOnly = m_readOnly || a.readOnly;
    }

private:
    enum class State { ClientFlags, Options, ClientHello, Transmission, Closed };

    // Answers what has arrived, in order, until it needs more bytes or the replies queued for
    // the client reach their bound; then it waits for bytesWritten without reading further.
    void pump()
    {
        while (m_state != State::Closed) {
            m_paused = m_socket->bytesToWrite() >= m_server->m_limits.queuedReplyBytes;
            if (m_paused)
                return;
            if (m_state == State::ClientHello) {
                if (!clientHello())
                    return; // the rest of the ClientHello is on its way
                continue;
            }
            const qsizetype before = m_buffer.size();
            const State state = m_state;
            if (state == State::ClientFlags)
                clientFlags();
            else if (state == State::Options)
                option();
            else
                request();
            if (m_state == State::Transmission)
                m_deadline->stop();
            if (m_buffer.size() == before && m_state == state) {
                // Needs more bytes: take only what Qt holds (at most its read buffer).
                if (m_socket->bytesAvailable() <= 0)
                    return;
                m_buffer.append(m_socket->readAll());
            }
        }
    }

    void hangUp(const char *why)
    {
        qCDebug(lcNbd) << "closing:" << why;
        m_state = State::Closed;
        m_buffer.clear();
        if (m_tcp)
            m_tcp->disconnectFromHost();
        else
            m_local->disconnectFromServer();
    }

    void abort()
    {
        if (m_tcp)
            m_tcp->abort();
        else
            m_local->abort();
    }

    void clientFlags()
    {
        if (m_buffer.size() < 4)
            return;
        const quint32 flags = get<quint32>(m_buffer.constData());
        m_buffer.remove(0, 4);
        // Only fixed newstyle clients: the old style has no way to report an error.
        if (!(flags & FlagFixedNewstyle))
            return hangUp("client without fixed newstyle");
        m_noZeroes = flags & FlagNoZeroes;
        m_state = State::Options;
    }

    void reply(quint32 option, quint32 type, const QByteArray &data = {})
    {
        QByteArray b;
        put64(b, ReplyMagic);
        put32(b, option);
        put32(b, type);
        put32(b, quint32(data.size()));
        b.append(data);
        m_socket->write(b);
    }

    void replyError(quint32 option, quint32 type, const QString &message)
    {
        reply(option, type, message.toUtf8());
    }

    void option()
    {
        const nbd::OptionHeader header = nbd::decodeOptionHeader(m_buffer);
        if (header.status == nbd::Decoded::BadMagic)
            return hangUp("bad option magic");
        if (header.status == nbd::Decoded::TooLong)
            return hangUp("option too long");
        if (header.status == nbd::Decoded::NeedMore)
            return;
        const quint32 opt = header.option;
        const QByteArray data = m_buffer.mid(nbd::OptionHeader::Size, header.length);
        m_buffer.remove(0, header.total());

        if (m_tlsRequired && !m_encrypted && opt != OptStartTls && opt != OptAbort) {
            // EXPORT_NAME has no error reply; everything else hears why.
            if (opt == OptExportName)
                return hangUp("export name before TLS");
            return replyError(opt, RepErrTlsRequired, tr("This server requires TLS."));
        }
        if (m_encrypted && !m_handshakeDone && opt != OptAbort) {
            if (opt == OptExportName)
                return hangUp("TLS handshake unfinished");
            return replyError(opt, RepErrPolicy, tr("The TLS handshake has not finished."));
        }
        switch (opt) {
        case OptExportName: {
            // No way to refuse here but to hang up.
            const QString name = QString::fromUtf8(data);
            if (const NbdServer::Admission a = admission(name); !a.refusal.isEmpty())
                return hangUp("export refused");
            if (!open(name))
                return hangUp("unknown export");
            QByteArray b;
            put64(b, m_device->size());
            put16(b, transmissionFlags(m_readOnly));
            if (!m_noZeroes)
                b.append(QByteArray(124, '\0'));
            m_socket->write(b);
            m_state = State::Transmission;
            return;
        }
        case OptAbort:
            reply(opt, RepAck);
            return hangUp("abort");
        case OptList: {
            if (!data.isEmpty())
                return replyError(opt, RepErrInvalid, tr("LIST takes no data."));
            for (const QString &name : m_server->m_list()) {
                if (!admission(name, false).refusal.isEmpty())
                    continue; // a client learns only the exports it may open
                QByteArray b;
                const QByteArray utf8 = name.toUtf8();
                put32(b, quint32(utf8.size()));
                b.append(utf8);
                reply(opt, RepServer, b);
            }
            return reply(opt, RepAck);
        }
        case OptInfo:
        case OptGo:
            return infoOrGo(opt, data);
        case OptStructuredReply:
            if (!data.isEmpty())
                return replyError(opt, RepErrInvalid, tr("STRUCTURED_REPLY takes no data."));
            m_structured = true;
            return reply(opt, RepAck);
        case OptListMetaContext:
        case OptSetMetaContext:
            return metaContext(opt, data);
        case OptStartTls:
            return startTls(opt, data);
        default:
            return replyError(opt, RepErrUnsup, tr("Option %1 is not supported.").arg(opt));
        }
    }

    void startTls(quint32 opt, const QByteArray &data)
    {
        auto *ssl = qobject_cast<QSslSocket *>(m_socket);
        if (!m_identity || !ssl)
            return replyError(opt, RepErrPolicy, tr("This server does not offer TLS."));
        if (m_encrypted)
            return replyError(opt, RepErrInvalid, tr("TLS is already on."));
        if (!data.isEmpty())
            return replyError(opt, RepErrInvalid, tr("STARTTLS takes no data."));
        // The client sends nothing more in clear text: it waits for this answer, then starts
        // the handshake.
        if (!m_buffer.isEmpty())
            return hangUp("data after STARTTLS");
        reply(opt, RepAck);
        // The handshake starts once the ClientHello shows whether it brings a PSK.
        m_state = State::ClientHello;
    }

    // Looks at the ClientHello without taking it from the socket (QSslSocket peeks at the plain
    // socket before encryption), then starts TLS. False while more of it is to come.
    bool clientHello()
    {
        auto *ssl = qobject_cast<QSslSocket *>(m_socket);
        const HelloScan scan = scanClientHello(ssl->peek(5 + 0x4000));
        if (scan == HelloScan::NeedMore)
            return false;
        m_state = State::Options;
        startServerTls(ssl, scan == HelloScan::Psk);
        return true;
    }

    void startServerTls(QSslSocket *ssl, bool psk)
    {
        QSslConfiguration config = QSslConfiguration::defaultConfiguration();
        config.setLocalCertificate(m_identity->certificate);
        config.setPrivateKey(m_identity->privateKey);
        config.setProtocol(QSsl::TlsV1_2OrLater);
        // The client's certificate is asked for, not verified by TLS: the check decides. Not
        // from a PSK client: OpenSSL counts its key as a resumed session, which it refuses to
        // resume on a server that asks for certificates without a session ID context, and Qt
        // sets none.
        config.setPeerVerifyMode(psk ? QSslSocket::VerifyNone : QSslSocket::QueryPeer);
        if (m_server->m_pskLookup) {
            // OpenSSL takes a TLS 1.3 PSK (from the callback below) only with a SHA-256 suite
            // and otherwise falls back to the certificate, which a PSK client cannot verify: the
            // SHA-384 suite goes, for PSK and certificate clients alike.
            QList<QSslCipher> ciphers = config.ciphers();
            ciphers.removeIf([](const QSslCipher &c) {
                return c.protocol() == QSsl::TlsV1_3 && c.name().endsWith(u"SHA384");
            });
            config.setCiphers(ciphers);
        }
        ssl->setSslConfiguration(config);
        m_encrypted = true;
        if (m_server->m_pskLookup) {
            // Emitted inside the handshake: the key must be set before the signal returns.
            connect(
                ssl, &QSslSocket::preSharedKeyAuthenticationRequired, this,
                [this](QSslPreSharedKeyAuthenticator *authenticator) {
                    const QString identity = QString::fromUtf8(authenticator->identity());
                    const QByteArray key = m_server->m_pskLookup(identity);
                    if (key.isEmpty() || key.size() > authenticator->maximumPreSharedKeyLength()) {
                        qCWarning(lcNbd).noquote()
                            << "NBD client" << m_address << "refused: unknown PSK identity"
                            << printable(identity);
                        return; // no key: the handshake fails
                    }
                    authenticator->setPreSharedKey(key);
                    m_pskIdentity = identity;
                },
                Qt::DirectConnection);
        }
        connect(ssl, &QSslSocket::encrypted, this, [this] { m_handshakeDone = true; });
        // A handshake that fails is a client turned away: the operator sees why.
        connect(ssl, &QAbstractSocket::errorOccurred, this, [this, ssl] {
            if (!m_handshakeDone)
                qCWarning(lcNbd).noquote()
                    << "NBD client" << m_address << "TLS handshake failed:" << ssl->errorString();
        });
        ssl->startServerEncryption();
    }

    void infoOrGo(quint32 opt, const QByteArray &data)
    {
        const nbd::InfoRequest decoded = nbd::decodeInfoRequest(data);
        if (!decoded.valid)
            return replyError(opt, RepErrInvalid, tr("Malformed INFO/GO request."));
        const QString &name = decoded.exportName;
        const bool blockSize = decoded.blockSize;

        const NbdServer::Admission admitted = admission(name);
        if (!admitted.refusal.isEmpty())
            return replyError(opt, RepErrPolicy, admitted.refusal);
        auto device = m_server->m_resolve(name);
        if (!device || !device.value())
            return replyError(opt, RepErrUnknown,
                              device ? tr("No export %1.").arg(name) : device.error().message);
        const bool readOnly = admitted.readOnly || !writeRefusal(name).isEmpty();
        QByteArray info;
        put16(info, InfoExport);
        put64(info, device.value()->size());
        put16(info, transmissionFlags(readOnly));
        reply(opt, RepInfo, info);
        // Sent whenever asked; a client that did not ask may use any size anyway.
        if (blockSize) {
            QByteArray sizes;
            put16(sizes, InfoBlockSize);
            put32(sizes, 1);
            put32(sizes, PreferredBlock);
            put32(sizes, MaxPayload);
            reply(opt, RepInfo, sizes);
        }
        reply(opt, RepAck);
        if (opt == OptGo) {
            m_device = device.value();
            m_readOnly = admitted.readOnly;
            setExport(name, admitted.who);
            m_state = State::Transmission;
        }
    }

    void metaContext(quint32 opt, const QByteArray &data)
    {
        const nbd::MetaContextRequest decoded = nbd::decodeMetaContextRequest(data);
        if (decoded.status == nbd::MetaContextRequest::MalformedHead)
            return replyError(opt, RepErrInvalid, tr("Malformed meta context request."));
        if (opt == OptSetMetaContext && !m_structured)
            return replyError(opt, RepErrInvalid,
                              tr("Meta contexts need structured replies first."));
        if (decoded.status == nbd::MetaContextRequest::MalformedQueries)
            return replyError(opt, RepErrInvalid, tr("Malformed meta context request."));
        bool allocation = opt == OptListMetaContext && decoded.queries.isEmpty(); // everything
        for (const QByteArray &query : decoded.queries) {
            if (query == AllocationName || (opt == OptListMetaContext && query == "base:"))
                allocation = true;
        }
        if (allocation) {
            QByteArray b;
            put32(b, AllocationContext);
            b.append(AllocationName);
            reply(opt, RepMetaContext, b);
        }
        if (opt == OptSetMetaContext)
            m_allocationContext = allocation;
        reply(opt, RepAck);
    }

    // Whether this client may open the export; a refusal is logged unless quiet.
    NbdServer::Admission admission(const QString &name, bool log = true) const
    {
        if (m_local || !m_server->m_accessCheck)
            return {};
        NbdServer::Client client;
        client.address = m_tcp->peerAddress();
        if (auto *ssl = qobject_cast<QSslSocket *>(m_socket); ssl && m_handshakeDone)
            client.certificate = ssl->peerCertificate();
        client.pskIdentity = m_pskIdentity;
        NbdServer::Admission a = m_server->m_accessCheck(client, name);
        if (log && !a.refusal.isEmpty()) {
            const QString who = m_pskIdentity.isEmpty()
                                    ? m_address
                                    : QStringLiteral("%1 (PSK identity %2)")
                                          .arg(m_address, printable(m_pskIdentity));
            qCWarning(lcNbd).noquote()
                << "NBD client" << who << "refused export" << printable(name) << "-" << a.refusal;
        }
        return a;
    }

    QString writeRefusal(const QString &name) const
    {
        return m_server->m_writeGuard ? m_server->m_writeGuard(name) : QString();
    }

    bool open(const QString &name)
    {
        auto device = m_server->m_resolve(name);
        if (!device || !device.value())
            return false;
        const NbdServer::Admission a = admission(name, false);
        m_device = device.value();
        m_readOnly = a.readOnly || !writeRefusal(name).isEmpty();
        setExport(name, a.who);
        return true;
    }

    void setExport(const QString &name, const QString &who)
    {
        m_exportName = name;
        m_client = who.isEmpty() ? m_address : tr("%1 from %2").arg(who, m_address);
        if (m_local)
            m_client = tr("this computer (NBD socket)");
        m_server->m_openBy[name].append(m_client);
    }

    static quint16 transmissionFlags(bool readOnly)
    {
        // Every connection writes through the volume's one shared device, so a FLUSH on one
        // covers the writes of all: multi-conn is safe.
        return HasFlags | SendFlush | SendFua | SendTrim | SendWriteZeroes | CanMultiConn |
               (readOnly ? ReadOnly : 0);
    }

    // Why a write, trim or write-zeroes is refused now; empty when it may go ahead.
    QString refuseWrite()
    {
        QString why = m_readOnly ? tr("This host may only read %1.").arg(m_exportName)
                                 : writeRefusal(m_exportName);
        if (!why.isEmpty() && !m_writeRefusalLogged) {
            m_writeRefusalLogged = true; // once per connection: a client may retry in a loop
            qCWarning(lcNbd).noquote()
                << "NBD client" << m_client << "may not write to" << m_exportName << "-" << why;
        }
        return why;
    }

    void simpleReply(quint64 handle, quint32 error, const QByteArray &data = {})
    {
        QByteArray b;
        b.reserve(16 + data.size());
        put32(b, SimpleReplyMagic);
        put32(b, error);
        put64(b, handle);
        b.append(data);
        m_socket->write(b);
    }

    void chunk(quint64 handle, quint16 type, const QByteArray &payload, bool done = true)
    {
        QByteArray b;
        b.reserve(20 + payload.size());
        put32(b, StructuredReplyMagic);
        put16(b, done ? ReplyFlagDone : 0);
        put16(b, type);
        put64(b, handle);
        put32(b, quint32(payload.size()));
        b.append(payload);
        m_socket->write(b);
    }

    void fail(quint64 handle, quint32 error, bool structuredAnswer, const QString &why = {})
    {
        if (!structuredAnswer)
            return simpleReply(handle, error);
        // The message reaches the client's error output (libnbd, qemu print it).
        const QByteArray message = why.toUtf8().left(4096);
        QByteArray e;
        put32(e, error);
        put16(e, quint16(message.size()));
        e.append(message);
        chunk(handle, ReplyError, e);
    }

    void request()
    {
        const nbd::RequestHeader header = nbd::decodeRequestHeader(m_buffer, MaxPayload);
        if (header.status == nbd::Decoded::BadMagic)
            return hangUp("bad request magic");
        if (header.status == nbd::Decoded::TooLong)
            return hangUp("write too large");
        if (header.status == nbd::Decoded::NeedMore)
            return;
        const quint16 flags = header.flags;
        const quint16 type = header.type;
        const quint64 handle = header.handle;
        const quint64 offset = header.offset;
        const quint32 length = header.length;
        const QByteArray payload =
            type == CmdWrite ? m_buffer.mid(nbd::RequestHeader::Size, length) : QByteArray();
        m_buffer.remove(0, header.total());

        const quint64 size = m_device->size();
        const bool inBounds = offset <= size && length <= size - offset;
        if (type == CmdWrite || type == CmdTrim || type == CmdWriteZeroes) {
            if (const QString why = refuseWrite(); !why.isEmpty())
                return fail(handle, ErrPerm, m_structured, why);
        }
        switch (type) {
        case CmdRead: {
            if (!inBounds || length > MaxPayload)
                return fail(handle, ErrInvalid, m_structured);
            // One buffer per READ, handed to the socket as it is (its write queue shares it);
            // the reply bound keeps how many of them exist at once small.
            QByteArray data(length, Qt::Uninitialized);
            if (!m_device->read(offset, std::span<char>(data.data(), data.size())))
                return fail(handle, ErrIo, m_structured);
            QByteArray header;
            if (!m_structured) {
                put32(header, SimpleReplyMagic);
                put32(header, 0);
                put64(header, handle);
            } else {
                if (length == 0)
                    return chunk(handle, ReplyNone, {});
                put32(header, StructuredReplyMagic);
                put16(header, ReplyFlagDone);
                put16(header, ReplyOffsetData);
                put64(header, handle);
                put32(header, quint32(8 + data.size()));
                put64(header, offset);
            }
            m_socket->write(header);
            m_socket->write(data);
            return;
        }
        case CmdWrite: {
            if (!inBounds)
                return simpleReply(handle, ErrNoSpace);
            if (!m_device->write(offset,
                                 std::span<const char>(payload.constData(), payload.size())))
                return simpleReply(handle, ErrIo);
            if ((flags & CmdFlagFua) && !m_device->flush())
                return simpleReply(handle, ErrIo);
            return simpleReply(handle, 0);
        }
        case CmdDisc:
            // Everything before it has been answered (requests run in order); flush so a
            // client that disconnects finds its writes durable.
            (void)m_device->flush();
            return hangUp("disconnect");
        case CmdFlush:
            return simpleReply(handle, m_device->flush() ? 0 : ErrIo);
        case CmdTrim:
            if (!inBounds)
                return simpleReply(handle, ErrNoSpace);
            if (length > 0 && !m_device->discard(offset, length))
                return simpleReply(handle, ErrIo);
            return simpleReply(handle, 0);
        case CmdWriteZeroes:
            if (!inBounds)
                return simpleReply(handle, ErrNoSpace);
            return simpleReply(handle, writeZeroes(offset, length, flags) ? 0 : ErrIo);
        case CmdCache:
            return simpleReply(handle, inBounds ? 0 : ErrInvalid);
        case CmdBlockStatus:
            if (!m_allocationContext || !inBounds || length == 0)
                return fail(handle, ErrInvalid, m_structured);
            return blockStatus(handle, offset, length, flags & CmdFlagReqOne);
        default:
            return simpleReply(handle, ErrInvalid);
        }
    }

    bool writeZeroes(quint64 offset, quint32 length, quint16 flags)
    {
        if (!(flags & CmdFlagNoHole))
            return m_device->discard(offset, length).ok() &&
                   (!(flags & CmdFlagFua) || m_device->flush().ok());
        const QByteArray zeros(qMin<quint32>(length, 1u << 20), '\0');
        for (quint64 done = 0; done < length;) {
            const quint64 n = qMin<quint64>(length - done, quint64(zeros.size()));
            if (!m_device->write(offset + done, std::span<const char>(zeros.constData(), n)))
                return false;
            done += n;
        }
        return !(flags & CmdFlagFua) || m_device->flush().ok();
    }

    void blockStatus(quint64 handle, quint64 offset, quint32 length, bool one)
    {
        auto extents = m_device->allocatedExtents(offset, length);
        if (!extents)
            return fail(handle, ErrIo, true);
        QByteArray b;
        put32(b, AllocationContext);
        quint64 at = offset;
        const quint64 end = offset + length;
        auto add = [&](quint64 n, quint32 state) {
            if (n == 0 || (one && b.size() > 4))
                return;
            put32(b, quint32(n));
            put32(b, state);
        };
        for (const Extent &e : extents.value()) {
            if (e.offset > at)
                add(e.offset - at, StateHole | StateZero);
            const quint64 from = qMax(e.offset, at);
            const quint64 to = qMin(e.offset + e.length, end);
            if (to > from)
                add(to - from, 0);
            at = qMax(at, to);
        }
        if (at < end)
            add(end - at, StateHole | StateZero);
        chunk(handle, ReplyBlockStatus, b);
    }

    static QString tr(const char *text)
    {
        return QCoreApplication::translate("rd::engine::NbdServer", text);
    }

    NbdServer *m_server;
    QIODevice *m_socket;
    QAbstractSocket *m_tcp; // one of these two is set
    QLocalSocket *m_local;
    std::optional<wsman::TlsIdentity> m_identity;
    bool m_tlsRequired = false;
    bool m_encrypted = false;
    bool m_handshakeDone = false;
    QString m_pskIdentity; // the identity its pre-shared key was found under
    bool m_readOnly = false;
    bool m_writeRefusalLogged = false;
    QString m_client;  // who it is, as openedBy() names it
    QString m_address; // the same, counted against Limits::connectionsPerAddress
    QTimer *m_deadline;
    bool m_paused = false; // replies over their bound: requests are not read
    QByteArray m_buffer;
    State m_state = State::ClientFlags;
    bool m_noZeroes = false;
    bool m_structured = false;
    bool m_allocationContext = false;
    std::shared_ptr<BlockDevice> m_device;
    QString m_exportName;
};

NbdServer::NbdServer(Resolver resolve, Lister list, QObject *parent)
    : QObject(parent)
    , m_resolve(std::move(resolve))
    , m_list(std::move(list))
    , m_server(new SslTcpServer(this))
{
    connect(m_server, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket *socket = m_server->nextPendingConnection()) {
            // Requests are small and answered in order; Nagle would hold the replies back.
            socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
            const QString address = socket->peerAddress().toString();
            if (m_perAddress.value(address) >= m_limits.connectionsPerAddress) {
                qCWarning(lcNbd).noquote()
                    << "NBD client" << address << "refused: already"
                    << m_limits.connectionsPerAddress << "connections from that address";
                socket->abort();
                socket->deleteLater();
                continue;
            }
            new Connection(this, socket, address);
        }
    });
}

NbdServer::NbdServer(PoolManager *pools, QObject *parent)
    : NbdServer(
          [pools](const QString &name) -> cim::Result<std::shared_ptr<BlockDevice>> {
              if (!pools->volume(name))
                  return cim::Error(
                      cim::ReturnCode::InvalidParameter,
                      QCoreApplication::translate("rd::engine::NbdServer", "No volume %1.")
                          .arg(name));
              return pools->blockDevice(name);
          },
          [pools] {
              QStringList names;
              for (const auto &v : pools->volumes())
                  names.append(v.deviceId);
              return names;
          },
          parent)
{}

NbdServer::~NbdServer()
{
    // Connections live under their sockets, which may outlive the server by a deleteLater.
    // Connection has no Q_OBJECT of its own, so findChildren<Connection *> would match every
    // QObject; pick them out with dynamic_cast instead.
    for (QObject *o : findChildren<QObject *>()) {
        if (auto *c = dynamic_cast<Connection *>(o))
            c->detach();
    }
    close();
}

void NbdServer::setTls(std::optional<wsman::TlsIdentity> identity, bool required)
{
    m_tls = std::move(identity);
    m_tlsRequired = required && m_tls.has_value();
}

cim::Result<void> NbdServer::listen(const QHostAddress &address, quint16 port)
{
    // Room for a burst of clients: connections the kernel drops from a full queue are never
    // seen, so neither the limits nor the deadline could close them.
    m_server->setListenBacklogSize(1024);
    if (!m_server->listen(address, port))
        return cim::Error(cim::ReturnCode::Failed, tr("The NBD server cannot listen on %1:%2: %3")
                                                       .arg(address.toString())
                                                       .arg(port)
                                                       .arg(m_server->errorString()));
    return {};
}

cim::Result<void> NbdServer::listenLocal(const QString &path)
{
    if (!m_localServer) {
        m_localServer = new QLocalServer(this);
        connect(m_localServer, &QLocalServer::newConnection, this, [this] {
            while (QLocalSocket *socket = m_localServer->nextPendingConnection())
                new Connection(this, socket, QStringLiteral("local"));
        });
    }
    m_localServer->close();
    m_localServer->setSocketOptions(QLocalServer::UserAccessOption);
    QLocalServer::removeServer(path);
    if (!m_localServer->listen(path))
        return cim::Error(
            cim::ReturnCode::Failed,
            tr("The NBD server cannot listen on %1: %2").arg(path, m_localServer->errorString()));
    return {};
}

void NbdServer::close()
{
    m_server->close();
    if (m_localServer)
        m_localServer->close();
}

QString NbdServer::localPath() const
{
    return m_localServer && m_localServer->isListening() ? m_localServer->fullServerName()
                                                         : QString();
}

QUrl NbdServer::localUrl(const QString &exportName) const
{
    const QString path = localPath();
    if (path.isEmpty())
        return {};
    QUrl u;
    u.setScheme(QStringLiteral("nbd+unix"));
    u.setHost(QStringLiteral("")); // "nbd+unix:///name", as libnbd and qemu write it
    u.setPath(QLatin1Char('/') + exportName);
    u.setQuery(QStringLiteral("socket=") + path);
    return u;
}

quint16 NbdServer::port() const
{
    return m_server->serverPort();
}

QUrl NbdServer::url(const QString &exportName) const
{
    QUrl u;
    u.setScheme(m_tlsRequired ? QStringLiteral("nbds") : QStringLiteral("nbd"));
    u.setHost(m_server->serverAddress().toString());
    u.setPort(m_server->serverPort());
    u.setPath(QLatin1Char('/') + exportName);
    return u;
}

QString NbdServer::openedBy(const QString &exportName) const
{
    QStringList clients;
    for (const QString &c : m_openBy.value(exportName))
        clients.append(tr("NBD client %1").arg(c));
    return clients.join(QStringLiteral(", "));
}

void NbdServer::reviewAdmissions()
{
    for (QObject *o : findChildren<QObject *>()) {
        if (auto *c = dynamic_cast<Connection *>(o))
            c->review();
    }
}

int NbdServer::connectionCount() const
{
    return m_connections;
}

} // namespace rd::engine
