#include "remotetrustpage.h"

#include "asynccall.h"
#include "cimclasses.h"
#include "errortext.h"
#include "messagebanner.h"
#include "remotecollectionwizard.h"
#include "systeminventory.h"
#include "wsman/wsmantransport.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSslCertificate>

namespace rd::ui {

namespace {
QLabel *valueLabel(QWidget *parent, const char *name)
{
    auto *label = new QLabel(parent);
    label->setObjectName(QLatin1String(name));
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}
} // namespace

RemoteTrustPage::RemoteTrustPage(SystemInventory *local, QWidget *parent)
    : ReplicaWizardPage(local, parent)
    , m_address(valueLabel(this, "peerAddress"))
    , m_user(valueLabel(this, "peerUser"))
    , m_certificate(valueLabel(this, "peerCertificate"))
    , m_identity(valueLabel(this, "peerIdentity"))
    , m_handOver(valueLabel(this, "credentialHandOver"))
    , m_check(new QPushButton(tr("Check &Again"), this))
{
    setObjectName(QStringLiteral("trustPage"));
    setTitle(tr("Credentials and Certificate"));
    setSubTitle(tr("The peer is asked who it is, with the user you connected as. Replicas are "
                   "only sent to a ReplicaDesk engine whose certificate is trusted."));
    m_check->setObjectName(QStringLiteral("checkPeer"));
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("Address:"), m_address);
    form->addRow(tr("User:"), m_user);
    form->addRow(tr("Certificate:"), m_certificate);
    form->addRow(tr("Peer:"), m_identity);
    contentLayout()->addLayout(form);
    contentLayout()->addSpacing(12);
    contentLayout()->addWidget(m_handOver);
    contentLayout()->addStretch(1);
    auto *row = new QHBoxLayout;
    row->addStretch(1);
    row->addWidget(m_check);
    contentLayout()->addLayout(row);
    connect(m_check, &QPushButton::clicked, this, &RemoteTrustPage::check);
}

QString RemoteTrustPage::peerSystemName() const
{
    return m_peerSystem.key(u"Name").toString();
}

void RemoteTrustPage::initializePage()
{
    auto *w = qobject_cast<RemoteCollectionWizard *>(wizard());
    const wsman::WsmanTransport *transport = w ? w->peerTransport() : nullptr;
    m_address->setText(transport ? transport->endpoint().toString() : QString());
    m_user->setText(transport && !transport->user().isEmpty() ? transport->user() : tr("(none)"));
    showCertificate();
    const QString here =
        system() && system()->client() ? system()->client()->displayName() : QString();
    m_handOver->setText(
        w && w->handsOverCredentials()
            ? tr("The engine on this computer signs in to the peer with this user and trusts only "
                 "this certificate. It keeps the password in memory, never in a file.")
            : tr("%1 signs in to the peer with the credentials in its own peers file "
                 "(replicadesk-engined --peers); this console does not hand its own over to "
                 "another system.")
                  .arg(here));
    check();
}

void RemoteTrustPage::showCertificate()
{
    auto *w = qobject_cast<RemoteCollectionWizard *>(wizard());
    const wsman::WsmanTransport *transport = w ? w->peerTransport() : nullptr;
    if (!transport || transport->endpoint().scheme() != u"https") {
        m_certificate->setText(tr("None: plain HTTP. The password and every request travel "
                                  "unencrypted; use this only on a network you trust."));
        return;
    }
    const QSslCertificate shown = transport->peerCertificate();
    if (shown.isNull()) {
        m_certificate->setText(tr("Shown when the peer answers."));
        return;
    }
    const QString fingerprint = transport->peerFingerprint();
    const QString subject = shown.subjectInfo(QSslCertificate::CommonName).join(u", ");
    const bool pinned = transport->trustedFingerprints().contains(fingerprint, Qt::CaseInsensitive);
    m_certificate->setText(
        pinned ? tr("%1\nSHA-256 %2\nTrusted because you accepted this fingerprint when you "
                    "connected (trust on first use).")
                     .arg(subject, fingerprint)
               : tr("%1\nSHA-256 %2\nVouched for by a certificate authority this computer "
                    "trusts.")
                     .arg(subject, fingerprint));
}

void RemoteTrustPage::check()
{
    auto *w = qobject_cast<RemoteCollectionWizard *>(wizard());
    wsman::WsmanTransport *transport = w ? w->peerTransport() : nullptr;
    SystemInventory *peer = w ? w->peer() : nullptr;
    m_verified = false;
    m_peerSystem = cim::ObjectPath();
    banner()->clearMessage();
    if (!transport || !peer) {
        m_identity->setText(tr("No peer is chosen."));
        Q_EMIT completeChanged();
        return;
    }
    m_checking = true;
    m_check->setEnabled(false);
    m_identity->setText(tr("Asking the peer who it is…"));
    Q_EMIT completeChanged();
    const int attempt = ++m_attempt;
    whenReady(
        transport->identify(true), this,
        [this, attempt, transport = QPointer(transport),
         peer = QPointer(peer)](const std::optional<cim::Result<wsman::IdentifyResult>> &id) {
            if (attempt != m_attempt)
                return;
            auto done = [this](const QString &identity, const QString &error) {
                m_checking = false;
                m_check->setEnabled(true);
                showCertificate();
                m_identity->setText(identity);
                if (!error.isEmpty())
                    banner()->showMessage(error, MessageBanner::Kind::Error);
                Q_EMIT completeChanged();
            };
            if (!id || !*id) {
                done(tr("Not verified."),
                     tr("The peer did not confirm who it is: %1")
                         .arg(id ? errorText(id->error()) : tr("The system did not answer.")));
                return;
            }
            if ((*id)->productVendor != u"ReplicaDesk") {
                done(tr("%1 %2").arg((*id)->productVendor, (*id)->productVersion),
                     tr("This system is not a ReplicaDesk engine. A remote collection needs "
                        "a ReplicaDesk engine on the peer (replicadesk-engined)."));
                return;
            }
            // ReplicaDesk says "ReplicaDesk engine <version>" as its ProductVersion.
            const QString identity = (*id)->productVersion;
            // Its ComputerSystem: the collection names it, and the engine checks it again.
            if (!transport || !peer) {
                done(identity, tr("The peer was disconnected."));
                return;
            }
            whenReady(transport->enumerateInstances(classes::computerSystem()), this,
                      [this, attempt, identity,
                       done](const std::optional<cim::Result<QList<cim::Instance>>> &systems) {
                          if (attempt != m_attempt)
                              return;
                          if (!systems || !*systems || (*systems)->isEmpty()) {
                              done(identity,
                                   tr("The peer does not show its system: %1")
                                       .arg(systems && !*systems ? errorText(systems->error())
                                                                 : tr("no ComputerSystem.")));
                              return;
                          }
                          m_peerSystem = (*systems)->constFirst().path();
                          m_verified = true;
                          done(tr("%1, system %2").arg(identity, peerSystemName()), QString());
                      });
        });
}

bool RemoteTrustPage::isComplete() const
{
    return m_verified && !m_checking;
}

} // namespace rd::ui
