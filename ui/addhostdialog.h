#pragma once
// Asks for a new host: its name and how it is known, a TLS-PSK identity (the console then makes
// the key and writes the host's PSK file where the user chooses) or a pasted certificate
// fingerprint. Only collects; HostAccessDialog sends the request.

#include <QDialog>

class QDialogButtonBox;
class QLineEdit;
class QRadioButton;
class QPushButton;

namespace rd::ui {

class AddHostDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit AddHostDialog(QWidget *parent = nullptr);

    QString hostName() const;
    bool usesPsk() const;
    QString storageId() const; // the identity or the fingerprint
    QString pskFilePath() const;

    QLineEdit *nameEdit() const { return m_name; }
    QRadioButton *pskRadio() const { return m_psk; }
    QRadioButton *certificateRadio() const { return m_certificate; }
    QLineEdit *identityEdit() const { return m_identity; }
    QLineEdit *fingerprintEdit() const { return m_fingerprint; }
    QLineEdit *pskFileEdit() const { return m_pskFile; }
    QPushButton *okButton() const;

private:
    void updateState();
    void chooseFile();

    QLineEdit *m_name;
    QRadioButton *m_psk;
    QRadioButton *m_certificate;
    QLineEdit *m_identity;
    QLineEdit *m_fingerprint;
    QLineEdit *m_pskFile;
    QPushButton *m_browse;
    QDialogButtonBox *m_buttons;
    bool m_identityEdited = false;
    bool m_fileEdited = false;
};

} // namespace rd::ui
