#include "connectsystemdialog.h"

#include "asynccall.h"
#include "credentialstore.h"
#include "errortext.h"
#include "messagebanner.h"
#include "wsman/wsmantransport.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSslCertificate>
#include <QTimer>
#include <QUrl>
#include <QVBoxLayout>

namespace rd::ui {

ConnectSystemDialog::ConnectSystemDialog(QWidget *parent)
    : QDialog(parent)
    , m_address(new QLineEdit(this))
    , m_user(new QLineEdit(this))
    , m_password(new QLineEdit(this))
    , m_plainHttp(
          new QCheckBox(tr("Plain &HTTP (only on this computer or a network you trust)"), this))
    , m_certificate(new QGroupBox(tr("Certificate"), this))
    , m_certificateText(new QLabel(this))
    , m_fingerprint(new QLabel(this))
    , m_trust(new QCheckBox(tr("I compared the fingerprint with the system's: &trust this "
                               "certificate"),
                            this))
    , m_remember(new QCheckBox(tr("&Remember password in the keychain"), this))
    , m_banner(new MessageBanner(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
    , m_lookUp(new QTimer(this))
{
    setObjectName(QStringLiteral("connectSystemDialog"));
    setWindowTitle(tr("Connect to Remote System"));
    m_address->setObjectName(QStringLiteral("address"));
    m_address->setPlaceholderText(
        tr("storage-01.example or https://storage-01.example:5986/wsman"));
    m_user->setObjectName(QStringLiteral("user"));
    m_password->setObjectName(QStringLiteral("password"));
    m_password->setEchoMode(QLineEdit::Password);
    m_plainHttp->setObjectName(QStringLiteral("plainHttp"));
    m_remember->setObjectName(QStringLiteral("rememberPassword"));
    m_remember->setChecked(true);
    m_remember->setToolTip(tr("Kept in the desktop's keychain (Secret Service), never in a file. "
                              "Untick to remove a password kept before."));
    m_lookUp->setSingleShot(true);
    m_lookUp->setInterval(300);
    m_certificateText->setWordWrap(true);
    m_fingerprint->setObjectName(QStringLiteral("fingerprint"));
    m_fingerprint->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_fingerprint->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_trust->setObjectName(QStringLiteral("trustCertificate"));
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Connect"));

    auto *form = new QFormLayout;
    form->addRow(tr("&Address:"), m_address);
    form->addRow(tr("&User:"), m_user);
    form->addRow(tr("&Password:"), m_password);
    form->addRow(QString(), m_remember);
    form->addRow(QString(), m_plainHttp);
    auto *note = new QLabel(tr("ReplicaDesk engines (replicadesk-engined) and Windows iSCSI "
                               "targets answer over WS-Management on port 5986 (HTTPS). A "
                               "remembered password is kept in the keychain, never in a file."),
                            this);
    note->setWordWrap(true);
    note->setForegroundRole(QPalette::PlaceholderText);
    auto *certificateLayout = new QVBoxLayout(m_certificate);
    certificateLayout->addWidget(m_certificateText);
    certificateLayout->addWidget(m_fingerprint);
    certificateLayout->addWidget(m_trust);
    m_certificate->hide();

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addWidget(m_certificate);
    layout->addWidget(m_banner);
    layout->addStretch(1);
    layout->addWidget(m_buttons);
    setMinimumWidth(520);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &ConnectSystemDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ConnectSystemDialog::reject);
    for (QLineEdit *edit : {m_address, m_user, m_password})
        connect(edit, &QLineEdit::textChanged, this, &ConnectSystemDialog::updateState);
    connect(m_trust, &QCheckBox::toggled, this, &ConnectSystemDialog::updateState);
    connect(m_password, &QLineEdit::textChanged, this, [this] {
        if (!m_filling)
            m_passwordFromKeychain = false; // the user's own now
    });
    for (QLineEdit *edit : {m_address, m_user})
        connect(edit, &QLineEdit::textChanged, this, [this] {
            if (m_store)
                m_lookUp->start();
        });
    connect(m_plainHttp, &QCheckBox::toggled, this, [this] {
        if (m_store)
            m_lookUp->start();
    });
    connect(m_lookUp, &QTimer::timeout, this, &ConnectSystemDialog::lookUpPassword);
    connect(m_address, &QLineEdit::textChanged, this, [this] {
        // Another system: another certificate.
        m_offeredFingerprint.clear();
        m_certificate->hide();
        m_trust->setChecked(false);
    });
    updateState();
}

ConnectSystemDialog::~ConnectSystemDialog() = default;

void ConnectSystemDialog::setCredentialStore(CredentialStore *store)
{
    m_store = store;
    if (m_store)
        lookUpPassword();
}

QString ConnectSystemDialog::credentialKey() const
{
    const QUrl url = endpoint();
    return CredentialStore::key(m_user->text(), url.host(), url.port());
}

void ConnectSystemDialog::lookUpPassword()
{
    m_lookUp->stop();
    const QUrl url = endpoint();
    const QString key = credentialKey();
    if (m_passwordFromKeychain && key != m_filledKey) {
        // Another user or system: the password filled in was not theirs.
        m_filling = true;
        m_password->clear();
        m_filling = false;
        m_passwordFromKeychain = false;
    }
    if (!m_store || m_pending || m_user->text().isEmpty() || !url.isValid() || url.host().isEmpty())
        return;
    if (!m_password->text().isEmpty())
        return; // never over what the user typed
    whenReady(m_store->readPassword(key), this,
              [this, key](const std::optional<CredentialResult> &result) {
                  // Only for the entry still shown, into a field still empty.
                  if (!result || !result->ok() || m_pending || key != credentialKey() ||
                      !m_password->text().isEmpty())
                      return;
                  m_filling = true;
                  m_password->setText(result->password);
                  m_filling = false;
                  m_passwordFromKeychain = true;
                  m_filledKey = key;
                  m_banner->showMessage(tr("The password was filled in from the keychain."),
                                        MessageBanner::Kind::Information);
              });
}

QUrl ConnectSystemDialog::endpoint() const
{
    const QString text = m_address->text().trimmed();
    if (text.contains(QStringLiteral("://")))
        return QUrl(text);
    const bool http = m_plainHttp->isChecked();
    QUrl url;
    url.setScheme(http ? QStringLiteral("http") : QStringLiteral("https"));
    const qsizetype colon = text.lastIndexOf(u':');
    bool numeric = false;
    const int port = colon > 0 ? text.mid(colon + 1).toInt(&numeric) : 0;
    url.setHost(numeric ? text.left(colon) : text);
    url.setPort(numeric ? port : (http ? 5985 : 5986));
    url.setPath(QStringLiteral("/wsman"));
    return url;
}

void ConnectSystemDialog::updateState()
{
    const bool ready = !m_pending && endpoint().isValid() && !endpoint().host().isEmpty() &&
                       !m_user->text().isEmpty() &&
                       (m_offeredFingerprint.isEmpty() || m_trust->isChecked());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(ready);
    for (QWidget *w : std::initializer_list<QWidget *>{m_address, m_user, m_password, m_plainHttp,
                                                       m_trust, m_remember})
        w->setEnabled(!m_pending);
}

void ConnectSystemDialog::accept()
{
    if (m_pending)
        return;
    m_transport = std::make_unique<wsman::WsmanTransport>(endpoint());
    m_transport->setCredentials(m_user->text(), m_password->text());
    QStringList trusted = m_known;
    if (!m_offeredFingerprint.isEmpty() && m_trust->isChecked())
        trusted.append(m_offeredFingerprint);
    m_transport->setTrustedFingerprints(trusted);
    m_rejectedFingerprint.clear();
    connect(m_transport.get(), &wsman::WsmanTransport::certificateRejected, this,
            [this](const QString &fingerprint, const QSslCertificate &certificate) {
                m_rejectedFingerprint = fingerprint;
                m_rejectedSubject =
                    certificate.subjectInfo(QSslCertificate::CommonName).join(QStringLiteral(", "));
            });
    m_pending = true;
    m_banner->showMessage(tr("Connecting to %1…").arg(m_transport->displayName()),
                          MessageBanner::Kind::Information);
    updateState();
    whenReady(m_transport->identify(true), this,
              [this](const std::optional<cim::Result<wsman::IdentifyResult>> &answer) {
                  if (!answer)
                      onAnswer(false, tr("The system did not answer."));
                  else if (!answer->ok())
                      onAnswer(false, errorText(answer->error()));
                  else
                      onAnswer(true, QString());
              });
}

void ConnectSystemDialog::onAnswer(bool ok, const QString &error)
{
    m_pending = false;
    if (ok) {
        m_banner->clearMessage();
        // The fingerprint to remember: one the user trusted here or before (a certificate an
        // authority vouches for needs none).
        const QString fingerprint = m_transport->peerFingerprint();
        const bool pinned = !fingerprint.isEmpty() &&
                            (fingerprint == m_offeredFingerprint || m_known.contains(fingerprint));
        m_transport->disconnect(this);
        Q_EMIT connected(m_transport.release(), pinned ? fingerprint : QString());
        QDialog::accept();
        return;
    }
    const QString name = m_transport->displayName();
    m_transport.reset();
    if (!m_rejectedFingerprint.isEmpty()) {
        // Trust on first use: show what was offered and let the user decide.
        m_offeredFingerprint = m_rejectedFingerprint;
        m_trust->setChecked(false);
        m_certificateText->setText(
            tr("%1 showed a certificate that no authority this computer trusts has signed "
               "(subject: %2). Compare its SHA-256 fingerprint with the one the system's "
               "administrator gives you (replicadesk-engined logs it when it starts):")
                .arg(name, m_rejectedSubject.isEmpty() ? tr("(none)") : m_rejectedSubject));
        // 32 bytes as "AB:CD:…": two lines of 16, so it fits and reads in pairs.
        const qsizetype half = m_rejectedFingerprint.size() / 2 + 1;
        m_fingerprint->setText(m_rejectedFingerprint.left(half) + u'\n' +
                               m_rejectedFingerprint.mid(half));
        m_certificate->show();
        m_banner->showMessage(tr("The certificate is not trusted yet."),
                              MessageBanner::Kind::Warning);
        adjustSize();
    } else if (m_passwordFromKeychain) {
        // The stored password stays stored: the user decides (type another one, or untick
        // "Remember password" and connect).
        m_banner->showMessage(
            tr("Not connected. %1 The password was the one kept in the keychain for %2; it is "
               "still kept there. Type the right one to replace it.")
                .arg(error, credentialKey()));
        adjustSize();
    } else {
        m_banner->showMessage(tr("Not connected. %1").arg(error));
        adjustSize();
    }
    updateState();
}

} // namespace rd::ui
