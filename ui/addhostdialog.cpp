#include "addhostdialog.h"

#include "pskfile.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace rd::ui {

AddHostDialog::AddHostDialog(QWidget *parent)
    : QDialog(parent)
    , m_name(new QLineEdit(this))
    , m_psk(new QRadioButton(tr("By a &pre-shared key (TLS-PSK)"), this))
    , m_certificate(new QRadioButton(tr("By its &client certificate"), this))
    , m_identity(new QLineEdit(this))
    , m_fingerprint(new QLineEdit(this))
    , m_pskFile(new QLineEdit(this))
    , m_browse(new QPushButton(tr("C&hoose…"), this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("addHostDialog"));
    setWindowTitle(tr("Add Host"));
    m_name->setObjectName(QStringLiteral("hostNameEdit"));
    m_identity->setObjectName(QStringLiteral("pskIdentityEdit"));
    m_fingerprint->setObjectName(QStringLiteral("fingerprintEdit"));
    m_pskFile->setObjectName(QStringLiteral("pskFileEdit"));
    m_name->setPlaceholderText(tr("e.g. web01"));
    m_identity->setToolTip(QStringLiteral("CIM_StorageHardwareID.StorageID"));
    m_fingerprint->setPlaceholderText(tr("SHA-256 fingerprint, e.g. 3F:A0:…"));
    m_fingerprint->setToolTip(QStringLiteral("CIM_StorageHardwareID.StorageID"));
    m_psk->setChecked(true);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Add Host"));

    auto *intro = new QLabel(tr("A host is a computer that may open this system's volumes over "
                                "NBD once it is admitted to them. It proves who it is with a "
                                "pre-shared key the console makes now, or with its client "
                                "certificate."),
                             this);
    intro->setWordWrap(true);

    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(m_pskFile, 1);
    fileRow->addWidget(m_browse);
    auto *pskForm = new QFormLayout;
    pskForm->addRow(tr("&Identity:"), m_identity);
    auto *fileLabel = new QLabel(tr("Key &file:"), this);
    fileLabel->setBuddy(m_pskFile);
    pskForm->addRow(fileLabel, fileRow);
    auto *certForm = new QFormLayout;
    certForm->addRow(tr("&Fingerprint:"), m_fingerprint);
    auto *keyNote = new QLabel(tr("The console makes a random 32-byte key, gives it to the "
                                  "engine and writes it to the key file, readable by you only. "
                                  "Copy that file to the host."),
                               this);
    keyNote->setWordWrap(true);
    keyNote->setForegroundRole(QPalette::PlaceholderText);

    auto *form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_psk);
    layout->addLayout(pskForm);
    layout->addWidget(keyNote);
    layout->addWidget(m_certificate);
    layout->addLayout(certForm);
    layout->addStretch(1);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_name, &QLineEdit::textEdited, this, [this](const QString &name) {
        // The identity and the file follow the name until the user sets them.
        if (!m_identityEdited)
            m_identity->setText(name.trimmed());
        if (!m_fileEdited)
            m_pskFile->setText(QDir::toNativeSeparators(defaultPskFilePath(m_identity->text())));
        updateState();
    });
    connect(m_identity, &QLineEdit::textEdited, this, [this] {
        m_identityEdited = true;
        if (!m_fileEdited)
            m_pskFile->setText(QDir::toNativeSeparators(defaultPskFilePath(m_identity->text())));
        updateState();
    });
    connect(m_pskFile, &QLineEdit::textEdited, this, [this] {
        m_fileEdited = true;
        updateState();
    });
    connect(m_fingerprint, &QLineEdit::textChanged, this, &AddHostDialog::updateState);
    connect(m_psk, &QRadioButton::toggled, this, &AddHostDialog::updateState);
    connect(m_browse, &QPushButton::clicked, this, &AddHostDialog::chooseFile);
    updateState();
    resize(sizeHint().expandedTo(QSize(520, 0)));
}

QString AddHostDialog::hostName() const
{
    return m_name->text().trimmed();
}

bool AddHostDialog::usesPsk() const
{
    return m_psk->isChecked();
}

QString AddHostDialog::storageId() const
{
    return (usesPsk() ? m_identity->text() : m_fingerprint->text()).trimmed();
}

QString AddHostDialog::pskFilePath() const
{
    return QDir::fromNativeSeparators(m_pskFile->text().trimmed());
}

QPushButton *AddHostDialog::okButton() const
{
    return m_buttons->button(QDialogButtonBox::Ok);
}

void AddHostDialog::updateState()
{
    const bool psk = usesPsk();
    m_identity->setEnabled(psk);
    m_pskFile->setEnabled(psk);
    m_browse->setEnabled(psk);
    m_fingerprint->setEnabled(!psk);
    okButton()->setEnabled(!hostName().isEmpty() && !storageId().isEmpty() &&
                           (!psk || !pskFilePath().isEmpty()));
}

void AddHostDialog::chooseFile()
{
    auto *dialog = new QFileDialog(this, tr("Key File for the Host"), pskFilePath());
    dialog->setObjectName(QStringLiteral("pskFileDialog"));
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setFileMode(QFileDialog::AnyFile);
    dialog->selectFile(pskFilePath());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &file) {
        m_fileEdited = true;
        m_pskFile->setText(QDir::toNativeSeparators(file));
        updateState();
    });
    dialog->open();
}

} // namespace rd::ui
