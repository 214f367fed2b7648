#pragma once
// "Connect to Remote System": an address, a user and a password, checked with an authenticated
// WS-Man Identify. A certificate nothing vouches for is shown by its SHA-256 fingerprint and is
// trusted only when the user says so (trust on first use); then the connected transport is handed
// over. Nothing waits on the network in the GUI thread.

#include <QDialog>

#include <memory>

class QCheckBox;
class QDialogButtonBox;
class QGroupBox;
class QLabel;
class QLineEdit;

namespace rd::wsman {
class WsmanTransport;
}

namespace rd::ui {

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
    QLabel *fingerprintLabel() const { return m_fingerprint; }
    MessageBanner *banner() const { return m_banner; }

    // The endpoint the address means: https://host:5986/wsman unless a URL or plain HTTP is given.
    QUrl endpoint() const;
    // Fingerprints trusted before (from the settings), so a known system connects unasked.
    void setKnownFingerprints(const QStringList &fingerprints) { m_known = fingerprints; }

    void accept() override; // connects; closes once connected

Q_SIGNALS:
    // The transport is the receiver's; fingerprint is the certificate now trusted (may be empty).
    void connected(rd::wsman::WsmanTransport *transport, const QString &fingerprint);

private:
    void updateState();
    void onAnswer(bool ok, const QString &error);

    QLineEdit *m_address;
    QLineEdit *m_user;
    QLineEdit *m_password;
    QCheckBox *m_plainHttp;
    QGroupBox *m_certificate;
    QLabel *m_certificateText;
    QLabel *m_fingerprint;
    QCheckBox *m_trust;
    MessageBanner *m_banner;
    QDialogButtonBox *m_buttons;
    std::unique_ptr<wsman::WsmanTransport> m_transport;
    QString m_offeredFingerprint;  // shown to the user, not trusted yet
    QString m_rejectedFingerprint; // what the last attempt refused
    QString m_rejectedSubject;
    QStringList m_known;
    bool m_pending = false;
};

} // namespace rd::ui
