#pragma once
// "Connect to Remote System": an address, a user and a password, checked with an authenticated
// WS-Man Identify. A certificate nothing vouches for is shown by its SHA-256 fingerprint and is
// trusted only when the user says so (trust on first use); then the connected transport is handed
// over. With "Remember password" the password is kept in the keychain (CredentialStore), never in
// a file, and filled in from it for a known user on a known system. Nothing waits on the network
// or the keychain in the GUI thread.

#include <QDialog>

#include <memory>

class QCheckBox;
class QDialogButtonBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QTimer;

namespace rd::wsman {
class WsmanTransport;
}

namespace rd::ui {

class CredentialStore;
class MessageBanner;

class ConnectSystemDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit ConnectSystemDialog(QWidget *parent = nullptr);
    ~ConnectSystemDialog() override;

    QLineEdit *addressEdit() const { return m_address; }
    QLineEdit *userEdit() const { return m_user; }
    QLineEdit *passwordEdit() const { return m_password; }
    QCheckBox *plainHttpCheck() const { return m_plainHttp; }
    QCheckBox *trustCheck() const { return m_trust; }
    QCheckBox *rememberCheck() const { return m_remember; }
    QLabel *fingerprintLabel() const { return m_fingerprint; }
    MessageBanner *banner() const { return m_banner; }

    // The endpoint the address means: https://host:5986/wsman unless a URL or plain HTTP is given.
    QUrl endpoint() const;
    // Fingerprints trusted before (from the settings), so a known system connects unasked.
    void setKnownFingerprints(const QStringList &fingerprints) { m_known = fingerprints; }
    // The keychain the password is filled in from (for the address and user shown, as they change).
    void setCredentialStore(CredentialStore *store);
    // The keychain entry of the user on the system: "user@host:port".
    QString credentialKey() const;
    // Whether the password shown came from the keychain (and was not edited since).
    bool passwordFromKeychain() const { return m_passwordFromKeychain; }

    void accept() override; // connects; closes once connected

Q_SIGNALS:
    // The transport is the receiver's; fingerprint is the certificate now trusted (may be empty).
    void connected(rd::wsman::WsmanTransport *transport, const QString &fingerprint);

private:
    void updateState();
    void onAnswer(bool ok, const QString &error);
    void lookUpPassword();

    QLineEdit *m_address;
    QLineEdit *m_user;
    QLineEdit *m_password;
    QCheckBox *m_plainHttp;
    QGroupBox *m_certificate;
    QLabel *m_certificateText;
    QLabel *m_fingerprint;
    QCheckBox *m_trust;
    QCheckBox *m_remember;
    MessageBanner *m_banner;
    QDialogButtonBox *m_buttons;
    std::unique_ptr<wsman::WsmanTransport> m_transport;
    QString m_offeredFingerprint;  // shown to the user, not trusted yet
    QString m_rejectedFingerprint; // what the last attempt refused
    QString m_rejectedSubject;
    QStringList m_known;
    CredentialStore *m_store = nullptr;
    QTimer *m_lookUp;    // a pause in typing before the keychain is asked
    QString m_filledKey; // the entry the password was filled in from
    bool m_passwordFromKeychain = false;
    bool m_filling = false; // the password is being set from the keychain
    bool m_pending = false;
};

} // namespace rd::ui
