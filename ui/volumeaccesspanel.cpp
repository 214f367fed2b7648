#include "volumeaccesspanel.h"

#include "cimclasses.h"
#include "hostgrants.h"
#include "nbdcommandlines.h"
#include "systeminventory.h"
#include "valueformat.h"

#include <QApplication>
#include <QClipboard>
#include <QFontDatabase>
#include <QGridLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTextDocument>
#include <QTextLayout>
#include <QVBoxLayout>

namespace rd::ui {

namespace {

// A read-only, selectable, monospace field that wraps anywhere and is as tall as its wrapped
// lines at its width, so a long command line is never clipped.
class CommandField final : public QPlainTextEdit
{
public:
    CommandField(const QString &text, QWidget *parent)
        : QPlainTextEdit(text, parent)
    {
        setReadOnly(true);
        setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
        setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
        setLineWrapMode(QPlainTextEdit::WidgetWidth);
        setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
        setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
        setMinimumWidth(fontMetrics().horizontalAdvance(QLatin1Char('x')) * 30);
        fit(width());
    }

protected:
    void resizeEvent(QResizeEvent *event) override
    {
        QPlainTextEdit::resizeEvent(event);
        fit(width());
    }

private:
    void fit(int outerWidth)
    {
        const int margin = int(document()->documentMargin());
        const int frame = 2 * frameWidth();
        const int textWidth = qMax(1, outerWidth - frame - 2 * margin - 2);
        QTextLayout layout(toPlainText(), font());
        QTextOption option;
        option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
        layout.setTextOption(option);
        int lines = 0;
        layout.beginLayout();
        for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
            line.setLineWidth(textWidth);
            ++lines;
        }
        layout.endLayout();
        setFixedHeight(qMax(1, lines) * fontMetrics().lineSpacing() + frame + 2 * margin + 2);
    }
};

QPlainTextEdit *commandField(const QString &text, QWidget *parent)
{
    return new CommandField(text, parent);
}

QLabel *wrappingLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

VolumeAccessPanel::VolumeAccessPanel(QWidget *parent)
    : QWidget(parent)
    , m_heading(new QLabel(tr("Using this volume from a host"), this))
    , m_notServed(wrappingLabel(this))
    , m_openedBy(wrappingLabel(this))
    , m_admitted(wrappingLabel(this))
    , m_writes(wrappingLabel(this))
    , m_fields(new QWidget(this))
    , m_grid(new QGridLayout(m_fields))
{
    setObjectName(QStringLiteral("volumeAccessPanel"));
    QFont bold = m_heading->font();
    bold.setBold(true);
    m_heading->setFont(bold);
    m_openedBy->setObjectName(QStringLiteral("openedByLabel"));
    m_admitted->setObjectName(QStringLiteral("admittedLabel"));
    m_writes->setObjectName(QStringLiteral("writesLabel"));
    m_openedBy->setToolTip(QStringLiteral("MSISCSITARGET_NBDExport.OpenedBy"));
    m_admitted->setToolTip(tr("From MSISCSITARGET_AuthorizedPrivilege, AuthorizedSubject and "
                              "AuthorizedTarget"));
    m_writes->setToolTip(QStringLiteral("MSISCSITARGET_NBDExport.WriteRefusal"));
    m_grid->setContentsMargins(0, 0, 0, 0);
    m_grid->setColumnStretch(1, 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 8, 0, 8);
    layout->addWidget(m_heading);
    layout->addWidget(m_notServed);
    layout->addWidget(m_writes);
    layout->addWidget(m_openedBy);
    layout->addWidget(m_admitted);
    layout->addWidget(m_fields);
    layout->addStretch(1);
    hide();
}

void VolumeAccessPanel::showVolume(SystemInventory *system, const cim::Instance &volume)
{
    if (m_system != system) {
        if (m_system)
            m_system->disconnect(this);
        m_system = system;
        if (m_system) {
            connect(m_system, &SystemInventory::instancesChanged, this,
                    [this](const QString &className) {
                        if (className == classes::nbdExport() ||
                            className == classes::storageVolume() ||
                            className == classes::storageHardwareId() ||
                            className == classes::authorizedTarget() ||
                            className == classes::authorizedSubject() ||
                            className == classes::authorizedPrivilege())
                            rebuild();
                    });
        }
    }
    const bool isVolume =
        system && classes::sameClass(volume.className(), classes::storageVolume());
    m_volume = isVolume ? volume : cim::Instance();
    setVisible(isVolume);
    if (isVolume)
        rebuild();
}

QPlainTextEdit *VolumeAccessPanel::field(const QString &name) const
{
    return m_fields->findChild<QPlainTextEdit *>(name);
}

QPushButton *VolumeAccessPanel::copyButton(const QString &name) const
{
    return m_fields->findChild<QPushButton *>(name + QStringLiteral("Copy"));
}

void VolumeAccessPanel::addField(int row, const QString &name, const QString &label,
                                 const QString &text, const QString &cimTerm)
{
    auto *caption = new QLabel(label, m_fields);
    caption->setWordWrap(true);
    caption->setToolTip(cimTerm);
    QPlainTextEdit *edit = commandField(text, m_fields);
    edit->setObjectName(name);
    edit->setToolTip(cimTerm);
    auto *copy = new QPushButton(tr("Copy"), m_fields);
    copy->setObjectName(name + QStringLiteral("Copy"));
    copy->setToolTip(tr("Put this on the clipboard"));
    connect(copy, &QPushButton::clicked, edit,
            [edit] { QApplication::clipboard()->setText(edit->toPlainText()); });
    m_grid->addWidget(caption, row, 0, Qt::AlignTop);
    m_grid->addWidget(edit, row, 1);
    m_grid->addWidget(copy, row, 2, Qt::AlignTop);
}

void VolumeAccessPanel::rebuild()
{
    while (QLayoutItem *item = m_grid->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    if (!m_system || m_volume.isEmpty())
        return;
    // The volume as the system has it now (a rename, a grant) rather than as it was selected.
    if (const auto now = m_system->find(m_volume.path()))
        m_volume = *now;
    const QString deviceId = m_volume.property(u"DeviceID").toString();
    std::optional<cim::Instance> nbd;
    for (const cim::Instance &e : m_system->instances(classes::nbdExport())) {
        if (e.property(u"DeviceID").toString() == deviceId)
            nbd = e;
    }

    // Who may open it: from the grants, served or not.
    const QList<HostAdmission> admitted = hostsAdmittedTo(*m_system, m_volume);
    QStringList hosts;
    QString pskIdentity;
    for (const HostAdmission &a : admitted) {
        const QString name = instanceLabel(a.host);
        const QString how = a.readOnly ? tr("read only") : tr("read and write");
        hosts.append(a.throughPool ? tr("%1 (%2, through the pool %3)").arg(name, how, a.poolName)
                                   : tr("%1 (%2)").arg(name, how));
        if (pskIdentity.isEmpty() && isPskHost(a.host))
            pskIdentity = a.host.property(u"StorageID").toString();
    }
    m_admitted->setText(
        hosts.isEmpty() ? tr("No host may open it yet: admit hosts under Storage ▸ Host Access.")
                        : tr("May be opened by %n host(s): %1", nullptr, int(hosts.size()))
                              .arg(hosts.join(tr(", "))));

    m_notServed->setVisible(!nbd);
    m_openedBy->setVisible(bool(nbd));
    m_writes->setVisible(bool(nbd));
    m_fields->setVisible(bool(nbd));
    if (!nbd) {
        m_notServed->setText(
            m_system->isServed(classes::nbdExport())
                ? tr("This volume is not served over NBD.")
                : tr("This system does not say how its volumes are reached over NBD."));
        return;
    }

    QStringList openedBy;
    for (const cim::Value &v : nbd->property(u"OpenedBy").elements())
        openedBy.append(v.toString());
    m_openedBy->setText(openedBy.isEmpty() ? tr("Nobody has it open now.")
                                           : tr("Open now by %1.").arg(openedBy.join(tr(", "))));
    const QString refusal = nbd->property(u"WriteRefusal").toString();
    m_writes->setText(refusal.isEmpty() ? tr("Admitted hosts may write to it.")
                                        : tr("Hosts may not write to it now: %1").arg(refusal));

    const QUrl network(nbd->property(u"NetworkURL").toString());
    const QUrl local(nbd->property(u"LocalURL").toString());
    int row = 0;
    if (!network.isEmpty()) {
        addField(row++, QStringLiteral("networkUrl"), tr("Network address:"), network.toString(),
                 QStringLiteral("MSISCSITARGET_NBDExport.NetworkURL"));
    }
    if (!local.isEmpty()) {
        addField(row++, QStringLiteral("localUrl"), tr("Local socket:"), local.toString(),
                 QStringLiteral("MSISCSITARGET_NBDExport.LocalURL"));
    }
    if (network.isEmpty()) {
        auto *onlyLocal =
            new QLabel(tr("This engine serves its volumes only on this computer: Storage ▸ Serve "
                          "Volumes to Other Computers opens them to the hosts you admit."),
                       m_fields);
        onlyLocal->setWordWrap(true);
        m_grid->addWidget(onlyLocal, row++, 0, 1, 3);
    }
    NbdHostCredentials credentials;
    credentials.pskIdentity = pskIdentity;
    QHash<QString, int> perTool;
    for (const NbdCommandLine &line : nbdCommandLines(network, local, credentials)) {
        const int index = perTool[line.tool]++;
        addField(row++, line.tool + u'-' + QString::number(index),
                 tr("%1, %2:").arg(line.tool, line.purpose), line.text, QString());
    }
    if (!network.isEmpty()) {
        auto *note = new QLabel(
            tr("The network commands expect the host's pre-shared key file as %1; replace "
               "DIR with a mount folder, CERT, KEY and ENGINE-CA with the host's certificate "
               "files.")
                .arg(defaultHostPskDir(pskIdentity) + QStringLiteral("/keys.psk")),
            m_fields);
        note->setWordWrap(true);
        note->setTextInteractionFlags(Qt::TextSelectableByMouse);
        note->setForegroundRole(QPalette::PlaceholderText);
        m_grid->addWidget(note, row++, 0, 1, 3);
    }
}

} // namespace rd::ui
