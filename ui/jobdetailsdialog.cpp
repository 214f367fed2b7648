#include "jobdetailsdialog.h"

#include "asynccall.h"
#include "cim/cimxml.h"
#include "cimclasses.h"
#include "errortext.h"
#include "storagefigures.h"
#include "systeminventory.h"
#include "valueformat.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace rd::ui {

namespace {
QLabel *valueLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setWordWrap(true);
    return label;
}
} // namespace

JobDetailsDialog::JobDetailsDialog(SystemInventory *system, const cim::Instance &job,
                                   QWidget *parent)
    : QDialog(parent)
    , m_system(system)
    , m_job(job)
    , m_error(valueLabel(tr("Asking the system…"), this))
    , m_affected(new QTreeWidget(this))
{
    setObjectName(QStringLiteral("jobDetailsDialog"));
    setWindowTitle(tr("Job Details — %1").arg(instanceLabel(job)));

    auto *facts = new QFormLayout;
    auto add = [&](const QString &label, QStringView property) {
        const cim::Value v = job.property(property);
        facts->addRow(label, valueLabel(v.isTyped() ? formatValue(property, v) : QString(), this));
    };
    facts->addRow(tr("Job:"), valueLabel(instanceLabel(job), this));
    if (system && system->client())
        facts->addRow(tr("System:"), valueLabel(system->client()->displayName(), this));
    add(tr("State:"), u"JobState");
    add(tr("Status:"), u"OperationalStatus");
    if (const cim::Value percent = job.property(u"PercentComplete");
        percent.isTyped() && !percent.isNull() && cim::isInteger(percent.type()))
        facts->addRow(tr("Complete:"),
                      valueLabel(tr("%1 %").arg(QLocale().toString(percent.toUInt64())), this));
    add(tr("Submitted:"), u"TimeSubmitted");
    add(tr("Started:"), u"StartTime");
    add(tr("Running for:"), u"ElapsedTime");
    add(tr("Kept after it ends:"), u"TimeBeforeRemoval");

    auto *errorBox = new QGroupBox(tr("Error (GetError)"), this);
    auto *errorLayout = new QVBoxLayout(errorBox);
    m_error->setObjectName(QStringLiteral("jobError"));
    errorLayout->addWidget(m_error);

    auto *affectedBox = new QGroupBox(tr("What the job did (AffectedJobElement)"), this);
    auto *affectedLayout = new QVBoxLayout(affectedBox);
    m_affected->setObjectName(QStringLiteral("affectedElements"));
    m_affected->setHeaderLabels({tr("Element"), tr("Class"), tr("Size")});
    m_affected->setRootIsDecorated(false);
    m_affected->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_affected->header()->setStretchLastSection(false);
    m_affected->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_affected->header()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    affectedLayout->addWidget(m_affected);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(facts);
    layout->addWidget(errorBox);
    layout->addWidget(affectedBox, 1);
    layout->addWidget(buttons);
    resize(560, 520);

    askForError();
    askForAffectedElements();
}

void JobDetailsDialog::answered()
{
    if (--m_pending == 0)
        Q_EMIT loaded();
}

void JobDetailsDialog::askForError()
{
    if (!m_system || !m_system->client()) {
        m_error->setText(tr("The system is not connected."));
        return;
    }
    cim::MethodCall call;
    call.target = m_job.path();
    call.method = QStringLiteral("GetError");
    ++m_pending;
    whenReady(
        m_system->client()->invokeMethod(call), this,
        [this](const std::optional<cim::MethodResult> &result) {
            if (!result || result->returnValue != 0) {
                m_error->setText(tr("The system could not say: %1").arg(methodErrorText(result)));
            } else if (const cim::Value error = result->out.value(u"Error");
                       error.isNull() || error.toString().isEmpty()) {
                m_error->setText(tr("No error: the job has not failed."));
            } else if (const auto parsed = cim::cimxml::parseInstance(error.toString())) {
                QStringList lines;
                lines.append(parsed->property(u"Message").toString());
                const QString id = parsed->property(u"MessageID").toString();
                const QString status = parsed->property(u"CIMStatusCodeDescription").toString();
                if (!id.isEmpty())
                    lines.append(tr("Message ID: %1").arg(id));
                if (!status.isEmpty())
                    lines.append(tr("Status: %1").arg(status));
                m_error->setText(lines.join(u'\n'));
            } else {
                m_error->setText(error.toString());
            }
            answered();
        });
}

void JobDetailsDialog::askForAffectedElements()
{
    if (!m_system || !m_system->client())
        return;
    engine::AssociationFilter filter;
    filter.assocClass = classes::affectedJobElement();
    ++m_pending;
    whenReady(m_system->client()->associators(m_job.path(), filter), this,
              [this](const std::optional<cim::Result<QList<cim::Instance>>> &result) {
                  if (!result || !result->ok()) {
                      auto *item = new QTreeWidgetItem(m_affected);
                      item->setText(0, result ? errorText(result->error())
                                              : tr("The system did not answer."));
                  } else if (result->value().isEmpty()) {
                      auto *item = new QTreeWidgetItem(m_affected);
                      item->setText(0, tr("Nothing yet."));
                  } else {
                      for (const cim::Instance &element : result->value()) {
                          auto *item = new QTreeWidgetItem(m_affected);
                          item->setText(0, instanceLabel(element));
                          item->setText(1, element.className());
                          const auto bytes = volumeBytes(element);
                          item->setText(2, bytes ? byteText(*bytes) : QString());
                          item->setToolTip(0, element.path().toString());
                      }
                  }
                  answered();
              });
}

} // namespace rd::ui
