#pragma once
// The users the WS-Man server accepts: names with salted PBKDF2-SHA256 hashes (never passwords),
// read from a file of lines "name:pbkdf2-sha256$<iterations>$<salt>$<hash>[:readonly]".

#include "cim/result.h"

#include <QHash>
#include <QString>

#include <optional>

namespace rd::wsman {

struct User
{
    QString name;
    bool readOnly = false; // may Identify, Get and Enumerate, but not Put, Delete or Invoke
};

class UserStore
{
public:
    static constexpr int defaultIterations = 120000;

    // Lines as above; blank lines and lines starting with '#' are skipped. A malformed line is an
    // error naming its number.
    static cim::Result<UserStore> parse(const QString &text);
    static cim::Result<UserStore> load(const QString &fileName);

    // "pbkdf2-sha256$<iterations>$<base64 salt>$<base64 hash>" with a fresh random salt.
    static QString hashPassword(const QString &password, int iterations = defaultIterations);
    // Constant-time comparison; false for anything that is not a well-formed hash.
    static bool verifyPassword(const QString &encodedHash, const QString &password);

    // Replaces a user of the same name.
    void addUser(const QString &name, const QString &encodedHash, bool readOnly = false);
    // Takes as long as the user's PBKDF2; unknown users take as long as known ones.
    std::optional<User> authenticate(const QString &name, const QString &password) const;
    bool isEmpty() const { return m_users.isEmpty(); }
    qsizetype size() const { return m_users.size(); }

private:
    struct Entry
    {
        QString hash;
        bool readOnly = false;
    };
    QHash<QString, Entry> m_users;
    int m_typicalIterations = defaultIterations; // what a failed lookup spends
};

} // namespace rd::wsman
