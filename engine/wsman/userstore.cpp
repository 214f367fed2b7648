#include "userstore.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFile>
#include <QPasswordDigestor>
#include <QRandomGenerator>

namespace rd::wsman {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("rd::wsman::UserStore", text);
}

constexpr int kSaltBytes = 16;
constexpr int kHashBytes = 32;
// Bounds on what a users file may ask for, so a typo cannot make every login take minutes.
constexpr int kMinIterations = 1000;
constexpr int kMaxIterations = 10000000;

struct Parsed
{
    int iterations = 0;
    QByteArray salt;
    QByteArray hash;
};

std::optional<Parsed> parseHash(const QString &encoded)
{
    const QStringList parts = encoded.split(u'$');
    if (parts.size() != 4 || parts[0] != u"pbkdf2-sha256")
        return std::nullopt;
    Parsed p;
    bool ok = false;
    p.iterations = parts[1].toInt(&ok);
    if (!ok || p.iterations < kMinIterations || p.iterations > kMaxIterations)
        return std::nullopt;
    const auto salt = QByteArray::fromBase64Encoding(parts[2].toLatin1(),
                                                     QByteArray::AbortOnBase64DecodingErrors);
    const auto hash = QByteArray::fromBase64Encoding(parts[3].toLatin1(),
                                                     QByteArray::AbortOnBase64DecodingErrors);
    if (!salt || !hash || salt.decoded.size() < 8 || hash.decoded.size() != kHashBytes)
        return std::nullopt;
    p.salt = salt.decoded;
    p.hash = hash.decoded;
    return p;
}

bool constantTimeEqual(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a[i] ^ b[i]);
    return diff == 0;
}

QByteArray derive(const QString &password, const QByteArray &salt, int iterations)
{
    return QPasswordDigestor::deriveKeyPbkdf2(QCryptographicHash::Sha256, password.toUtf8(), salt,
                                              iterations, kHashBytes);
}

bool isValidName(const QString &name)
{
    if (name.isEmpty() || name.size() > 128)
        return false;
    for (QChar c : name) {
        if (c == u':' || c.isSpace() || c.category() == QChar::Other_Control)
            return false;
    }
    return true;
}

} // namespace

QString UserStore::hashPassword(const QString &password, int iterations)
{
    iterations = qBound(kMinIterations, iterations, kMaxIterations);
    QByteArray salt(kSaltBytes, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(salt.data()), kSaltBytes / 4);
    return QStringLiteral("pbkdf2-sha256$%1$%2$%3")
        .arg(iterations)
        .arg(QString::fromLatin1(salt.toBase64()),
             QString::fromLatin1(derive(password, salt, iterations).toBase64()));
}

bool UserStore::verifyPassword(const QString &encodedHash, const QString &password)
{
    const auto p = parseHash(encodedHash);
    if (!p)
        return false;
    return constantTimeEqual(derive(password, p->salt, p->iterations), p->hash);
}

cim::Result<UserStore> UserStore::parse(const QString &text)
{
    UserStore store;
    const QStringList lines = text.split(u'\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString line = lines[i].trimmed();
        if (line.isEmpty() || line.startsWith(u'#'))
            continue;
        const QStringList fields = line.split(u':');
        const bool readOnly = fields.size() == 3 && fields[2] == u"readonly";
        if ((fields.size() != 2 && !readOnly) || !isValidName(fields[0]) || !parseHash(fields[1])) {
            return cim::Error(
                cim::ReturnCode::InvalidParameter,
                tr("Line %1 of the users file is not \"name:pbkdf2-sha256$...[:readonly]\".")
                    .arg(i + 1));
        }
        store.addUser(fields[0], fields[1], readOnly);
    }
    return store;
}

cim::Result<UserStore> UserStore::load(const QString &fileName)
{
    QFile file(fileName);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        return cim::Error(
            cim::ReturnCode::Failed,
            tr("Cannot read the users file %1: %2").arg(fileName, file.errorString()));
    }
    if (file.size() > 4 * 1024 * 1024)
        return cim::Error(cim::ReturnCode::Failed,
                          tr("The users file %1 is too large.").arg(fileName));
    return parse(QString::fromUtf8(file.readAll()));
}

void UserStore::addUser(const QString &name, const QString &encodedHash, bool readOnly)
{
    m_users.insert(name, Entry{encodedHash, readOnly});
    if (const auto p = parseHash(encodedHash))
        m_typicalIterations = p->iterations;
}

std::optional<User> UserStore::authenticate(const QString &name, const QString &password) const
{
    const auto it = m_users.constFind(name);
    if (it == m_users.cend()) {
        // Spend the same time as for a real user, so timing does not tell which names exist.
        derive(password, QByteArray(kSaltBytes, 'x'), m_typicalIterations);
        return std::nullopt;
    }
    if (!verifyPassword(it->hash, password))
        return std::nullopt;
    return User{name, it->readOnly};
}

} // namespace rd::wsman
