#include "hostaccessdialog.h"

#include "addhostdialog.h"
#include "asynccall.h"
#include "cimclasses.h"
#include "errortext.h"
#include "hostaccessmodel.h"
#include "hostgrants.h"
#include "pskfile.h"
#include "requests/hostaccessrequests.h"
#include "systeminventory.h"
#include "valueformat.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace rd::ui {

using requests::CreateHardwareIdRequest;
using requests::DeleteHardwareIdRequest;
using requests::ExposePathsRequest;

HostAccessDialog::HostAccessDialog(SystemInventory *system, const cim::Instance &target,
                                   QWidget *parent)
    : QDialog(parent)
    , m_system(system)
    , m_target(target)
    , m_model(new HostAccessModel(system, this))
    , m_view(new QTableView(this))
    , m_message(new QLabel(this))
    , m_add(new QPushButton(tr("&Add Host…"), this))
    , m_remove(new QPushButton(tr("&Remove Host…"), this))
    , m_admitReadWrite(new QPushButton(this))
    , m_admitReadOnly(new QPushButton(this))
    , m_withdraw(new QPushButton(tr("&Withdraw"), this))
{
    setObjectName(QStringLiteral("hostAccessDialog"));
    setWindowTitle(tr("Host Access"));
    m_model->setTarget(accessName(target).isEmpty() ? cim::Instance() : target);
    m_target = m_model->target();

    m_view->setObjectName(QStringLiteral("hostTable"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setShowGrid(false);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);

    m_message->setObjectName(QStringLiteral("hostAccessMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->hide();

    const bool volume = classes::sameClass(m_target.className(), classes::storageVolume());
    const QString name = m_target.isEmpty() ? QString() : instanceLabel(m_target);
    m_admitReadWrite->setText(volume ? tr("Admit to this volume, read and &write")
                                     : tr("Admit to this pool, read and &write"));
    m_admitReadOnly->setText(volume ? tr("Admit to this volume, read &only")
                                    : tr("Admit to this pool, read &only"));
    m_add->setObjectName(QStringLiteral("addHostButton"));
    m_remove->setObjectName(QStringLiteral("removeHostButton"));
    m_admitReadWrite->setObjectName(QStringLiteral("admitReadWriteButton"));
    m_admitReadOnly->setObjectName(QStringLiteral("admitReadOnlyButton"));
    m_withdraw->setObjectName(QStringLiteral("withdrawButton"));
    m_admitReadWrite->setToolTip(QStringLiteral("ExposePaths, DeviceAccesses 2 (ReadWrite)"));
    m_admitReadOnly->setToolTip(QStringLiteral("ExposePaths, DeviceAccesses 3 (ReadOnly)"));
    m_withdraw->setToolTip(QStringLiteral("HidePaths"));

    auto *intro = new QLabel(
        tr("Hosts that may open the volumes of %1 over NBD once they are admitted to a volume "
           "or to its pool.")
            .arg(m_system && m_system->client() ? m_system->client()->displayName()
                                                : tr("this system")),
        this);
    intro->setWordWrap(true);

    auto *hostButtons = new QHBoxLayout;
    hostButtons->addWidget(m_add);
    hostButtons->addWidget(m_remove);
    hostButtons->addStretch(1);

    auto *access =
        new QGroupBox(m_target.isEmpty() ? tr("Access")
                                         : (volume ? tr("Access to the volume “%1”").arg(name)
                                                   : tr("Access to the pool “%1”").arg(name)),
                      this);
    access->setObjectName(QStringLiteral("accessGroup"));
    auto *accessLayout = new QVBoxLayout(access);
    if (m_target.isEmpty()) {
        auto *hint = new QLabel(tr("Select a volume or a pool in the navigator to admit hosts "
                                   "to it."),
                                access);
        hint->setWordWrap(true);
        accessLayout->addWidget(hint);
    }
    auto *accessButtons = new QHBoxLayout;
    accessButtons->addWidget(m_admitReadWrite);
    accessButtons->addWidget(m_admitReadOnly);
    accessButtons->addWidget(m_withdraw);
    accessButtons->addStretch(1);
    accessLayout->addLayout(accessButtons);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_view, 1);
    layout->addLayout(hostButtons);
    layout->addWidget(access);
    layout->addWidget(m_message);
    layout->addWidget(buttons);

    connect(m_add, &QPushButton::clicked, this, &HostAccessDialog::openAddHostDialog);
    connect(m_remove, &QPushButton::clicked, this, &HostAccessDialog::removeSelectedHost);
    connect(m_admitReadWrite, &QPushButton::clicked, this, [this] { admitSelected(false); });
    connect(m_admitReadOnly, &QPushButton::clicked, this, [this] { admitSelected(true); });
    connect(m_withdraw, &QPushButton::clicked, this, &HostAccessDialog::withdrawSelected);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &HostAccessDialog::updateButtons);
    // A reload resets the model and with it the selection: keep the host that was selected.
    connect(m_model, &QAbstractItemModel::modelAboutToBeReset, this, [this] {
        setProperty("rdSelectedHost", selectedHost().property(u"ElementName").toString());
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        selectHost(property("rdSelectedHost").toString());
        updateButtons();
    });
    updateButtons();
    resize(sizeHint().expandedTo(QSize(720, 420)));
}

cim::ObjectPath HostAccessDialog::service(const QString &className) const
{
    if (!m_system)
        return {};
    const QList<cim::Instance> services = m_system->instances(className);
    return services.isEmpty() ? cim::ObjectPath() : services.constFirst().path();
}

cim::Instance HostAccessDialog::selectedHost() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    return rows.isEmpty() ? cim::Instance() : m_model->host(rows.constFirst().row());
}

void HostAccessDialog::selectHost(const QString &name)
{
    const int row = m_model->rowOfHost(name);
    if (row < 0)
        m_view->clearSelection();
    else
        m_view->selectRow(row);
}

void HostAccessDialog::updateButtons()
{
    const bool client = m_system && m_system->client() && !m_busy;
    const bool hostServed = client && !service(classes::hardwareIdManagementService()).isEmpty();
    const bool accessServed =
        client && !service(classes::controllerConfigurationService()).isEmpty();
    const cim::Instance host = selectedHost();
    m_add->setEnabled(hostServed);
    m_remove->setEnabled(hostServed && !host.isEmpty());
    const bool canAdmit = accessServed && !host.isEmpty() && !m_target.isEmpty();
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    const auto admission =
        rows.isEmpty() ? std::nullopt : m_model->admission(rows.constFirst().row());
    m_admitReadWrite->setEnabled(canAdmit);
    m_admitReadOnly->setEnabled(canAdmit);
    // Only a grant on the target itself can be withdrawn here; one on the pool is the pool's.
    m_withdraw->setEnabled(canAdmit && admission && !admission->throughPool);
}

void HostAccessDialog::showRefusal(const QString &text, const QString &reason)
{
    Q_EMIT refused(reason);
    auto *box = new QMessageBox(QMessageBox::Warning, windowTitle(), text, QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("hostAccessRefused"));
    box->setInformativeText(reason);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void HostAccessDialog::openAddHostDialog()
{
    auto *dialog = new AddHostDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        addHost(dialog->hostName(), dialog->usesPsk(), dialog->storageId(), dialog->pskFilePath());
    });
    dialog->open();
}

void HostAccessDialog::addHost(const QString &name, bool psk, const QString &storageId,
                               const QString &pskFile)
{
    const cim::ObjectPath target = service(classes::hardwareIdManagementService());
    if (target.isEmpty() || m_busy)
        return;
    CreateHardwareIdRequest request;
    request.elementName = name;
    request.storageId = storageId;
    request.kind = psk ? CreateHardwareIdRequest::Kind::PskIdentity
                       : CreateHardwareIdRequest::Kind::Certificate;
    if (psk)
        request.preSharedKey = generatePskKey();
    m_busy = true;
    updateButtons();
    QPointer<SystemInventory> system = m_system;
    whenReady(
        m_system->client()->invokeMethod(request.toCall(target)), this,
        [this, system, request, pskFile](const std::optional<cim::MethodResult> &result) {
            m_busy = false;
            updateButtons();
            const QString name = request.elementName;
            if (!result || result->returnValue != 0) {
                showRefusal(tr("The host “%1” was not added.").arg(name), methodErrorText(result));
                return;
            }
            if (system)
                system->refresh();
            if (request.kind == CreateHardwareIdRequest::Kind::Certificate) {
                m_message->setText(tr("Host %1 added. It proves who it is with the certificate "
                                      "whose fingerprint you gave.")
                                       .arg(name));
                m_message->show();
                Q_EMIT hostAdded(name, QString());
                return;
            }
            const QString error = writePskFile(pskFile, request.storageId, request.preSharedKey);
            if (!error.isEmpty()) {
                // A key nobody has is no use: the host goes again.
                const cim::ObjectPath added = result->out.value(u"HardwareID").toReference();
                if (!added.isEmpty())
                    removeHost(added, name);
                showRefusal(tr("The host “%1” was not added: its key file could not be "
                               "written.")
                                .arg(name),
                            error);
                return;
            }
            m_message->setText(
                tr("Host %1 added. Its pre-shared key is in %2, readable by you only: the host "
                   "needs that file (qemu's tls-creds-psk reads keys.psk in the folder given as "
                   "dir=, nbdfuse and nbdinfo take it as tls-psk-file=).")
                    .arg(name, QDir::toNativeSeparators(pskFile)));
            m_message->show();
            Q_EMIT hostAdded(name, pskFile);
        });
}

void HostAccessDialog::removeSelectedHost()
{
    const cim::Instance host = selectedHost();
    if (host.isEmpty() || !m_remove->isEnabled())
        return;
    const QString name = instanceLabel(host);
    auto *box = new QMessageBox(QMessageBox::Question, tr("Remove Host"),
                                tr("Remove the host “%1”?").arg(name), QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("confirmRemoveHost"));
    box->setInformativeText(tr("It can no longer open any volume of this system, and every "
                               "grant it has goes with it."));
    QPushButton *yes = box->addButton(tr("Remove"), QMessageBox::DestructiveRole);
    box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::buttonClicked, this, [this, yes, host](auto *button) {
        if (button == yes)
            removeWithoutAsking(host);
    });
    box->open();
}

void HostAccessDialog::removeWithoutAsking(const cim::Instance &host)
{
    if (!host.isEmpty())
        removeHost(host.path(), instanceLabel(host));
}

void HostAccessDialog::removeHost(const cim::ObjectPath &host, const QString &name)
{
    const cim::ObjectPath target = service(classes::hardwareIdManagementService());
    if (target.isEmpty() || host.isEmpty())
        return;
    DeleteHardwareIdRequest request;
    request.hardwareId = host;
    QPointer<SystemInventory> system = m_system;
    whenReady(m_system->client()->invokeMethod(request.toCall(target)), this,
              [this, system, name](const std::optional<cim::MethodResult> &result) {
                  if (!result || result->returnValue != 0) {
                      showRefusal(tr("The host “%1” was not removed.").arg(name),
                                  methodErrorText(result));
                      return;
                  }
                  if (system)
                      system->refresh();
                  m_message->setText(tr("Host %1 removed.").arg(name));
                  m_message->show();
                  Q_EMIT hostRemoved(name);
              });
}

void HostAccessDialog::admitSelected(bool readOnly)
{
    exposeOrHide(true, readOnly);
}

void HostAccessDialog::withdrawSelected()
{
    exposeOrHide(false, false);
}

void HostAccessDialog::exposeOrHide(bool expose, bool readOnly)
{
    const cim::ObjectPath target = service(classes::controllerConfigurationService());
    const cim::Instance host = selectedHost();
    const QString lu = accessName(m_target);
    if (target.isEmpty() || host.isEmpty() || lu.isEmpty() || m_busy)
        return;
    ExposePathsRequest request;
    request.expose = expose;
    request.luNames = {lu};
    request.initiatorPortIds = {host.property(u"StorageID").toString()};
    if (expose)
        request.deviceAccesses = {readOnly ? ExposePathsRequest::Access::ReadOnly
                                           : ExposePathsRequest::Access::ReadWrite};
    const QString hostName = instanceLabel(host);
    const QString targetName = instanceLabel(m_target);
    m_busy = true;
    updateButtons();
    QPointer<SystemInventory> system = m_system;
    whenReady(m_system->client()->invokeMethod(request.toCall(target)), this,
              [this, system, expose, readOnly, hostName,
               targetName](const std::optional<cim::MethodResult> &result) {
                  m_busy = false;
                  updateButtons();
                  if (!result || result->returnValue != 0) {
                      showRefusal(expose
                                      ? tr("%1 was not admitted to %2.").arg(hostName, targetName)
                                      : tr("%1 still has access to %2.").arg(hostName, targetName),
                                  methodErrorText(result));
                      return;
                  }
                  if (system)
                      system->refresh();
                  m_message->setText(
                      !expose    ? tr("%1 may no longer open %2.").arg(hostName, targetName)
                      : readOnly ? tr("%1 may now read %2.").arg(hostName, targetName)
                                 : tr("%1 may now read and write %2.").arg(hostName, targetName));
                  m_message->show();
                  Q_EMIT accessChanged(hostName);
              });
}

} // namespace rd::ui
