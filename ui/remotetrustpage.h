#pragma once
// Remote Collection wizard, page 2: who the console signs in to the peer as, the certificate it
// showed and why it is trusted, and an authenticated Identify that proves the peer is a
// ReplicaDesk engine before anything is asked of it. Next stays disabled until that is proven.

#include "cim/objectpath.h"
#include "replicawizardpage.h"

class QLabel;
class QPushButton;

namespace rd::ui {

class RemoteTrustPage final : public ReplicaWizardPage
{
    Q_OBJECT
public:
    explicit RemoteTrustPage(SystemInventory *local, QWidget *parent = nullptr);

    QLabel *addressLabel() const { return m_address; }
    QLabel *userLabel() const { return m_user; }
    QLabel *certificateLabel() const { return m_certificate; }
    QLabel *identityLabel() const { return m_identity; }
    QLabel *handOverLabel() const { return m_handOver; }
    QPushButton *checkButton() const { return m_check; }
    bool isVerified() const { return m_verified; }
    // The peer's ComputerSystem, as the peer names it; empty until it has been read.
    cim::ObjectPath peerSystem() const { return m_peerSystem; }
    QString peerSystemName() const;

    void initializePage() override;
    bool isComplete() const override;

private:
    void check();
    void showCertificate();

    QLabel *m_address;
    QLabel *m_user;
    QLabel *m_certificate;
    QLabel *m_identity;
    QLabel *m_handOver;
    QPushButton *m_check;
    cim::ObjectPath m_peerSystem;
    int m_attempt = 0; // answers to an earlier check are dropped
    bool m_checking = false;
    bool m_verified = false;
};

} // namespace rd::ui
