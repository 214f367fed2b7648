#pragma once
// Passwords of remote systems in the desktop's keychain (QtKeychain: the freedesktop Secret
// Service on Linux), never in a file. Every call returns at once with a future the keychain
// finishes later, so nothing waits in the GUI thread; failures are results carrying QtKeychain's
// own error text.

#include <QFuture>
#include <QObject>
#include <QString>

namespace rd::ui {

struct CredentialResult
{
    enum class Status { Ok, NotFound, Denied, Unavailable, Failed };
    Status status = Status::Failed;
    QString password; // what was read (read only)
    QString error;    // QtKeychain's text when status is not Ok

    bool ok() const { return status == Status::Ok; }
};

class CredentialStore final : public QObject
{
    Q_OBJECT
public:
    explicit CredentialStore(QObject *parent = nullptr);
    ~CredentialStore() override;

    // The keychain's service name for every entry.
    static QString service();
    // The entry of a user on a system: "user@host:port".
    static QString key(const QString &user, const QString &host, int port);

    QFuture<CredentialResult> readPassword(const QString &key);
    QFuture<CredentialResult> writePassword(const QString &key, const QString &password);
    QFuture<CredentialResult> deletePassword(const QString &key);
};

} // namespace rd::ui
