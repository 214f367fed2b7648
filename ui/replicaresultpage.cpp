#include "replicaresultpage.h"

#include "cim/result.h"
#include "systeminventory.h"
#include "valueformat.h"

#include <QLabel>
#include <QStringList>
#include <QVBoxLayout>

namespace rd::ui {

namespace {
QString nameOf(const cim::ObjectPath &path, const SystemInventory *system)
{
    const auto instance = system ? system->find(path) : std::nullopt;
    return (instance ? instanceLabel(*instance) : pathLabel(path)).toHtmlEscaped();
}
} // namespace

ReplicaResultPage::ReplicaResultPage(SystemInventory *system, QWidget *parent)
    : ReplicaWizardPage(system, parent)
    , m_text(new QLabel(this))
{
    setObjectName(QStringLiteral("resultPage"));
    setTitle(tr("Request Accepted"));
    setFinalPage(true);
    m_text->setObjectName(QStringLiteral("resultText"));
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::RichText);
    m_text->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    contentLayout()->addWidget(m_text);
    contentLayout()->addStretch(1);
    // The job and the replicas are new: name them once the system has listed them.
    if (system) {
        connect(system, &SystemInventory::instancesChanged, this, [this] {
            if (!m_text->text().isEmpty())
                render();
        });
    }
}

void ReplicaResultPage::setResult(const cim::MethodResult &result)
{
    m_result = result;
    render();
}

void ReplicaResultPage::render()
{
    const cim::MethodResult &result = m_result;
    QStringList parts;
    const cim::Value job = result.out.value(u"Job");
    if (result.returnValue == quint32(cim::ReturnCode::JobStarted) && !job.isNull()) {
        setSubTitle(tr("The system checked the request and started a job for the copy."));
        parts.append(tr("<p>The job “%1” is running. The job monitor at the bottom of the main "
                        "window is showing it now: its progress, throughput and time left.</p>")
                         .arg(nameOf(job.toReference(), system())));
    } else {
        setSubTitle(tr("The system made the replicas within the call."));
        parts.append(tr("<p>The replicas are ready.</p>"));
    }
    QStringList replicas;
    for (const cim::Value &target : result.out.value(u"TargetElements").elements())
        replicas.append(QStringLiteral("<li>%1</li>").arg(nameOf(target.toReference(), system())));
    if (!replicas.isEmpty()) {
        parts.append(tr("<p>Replicas:</p>") + QStringLiteral("<ul>") + replicas.join(QString()) +
                     QStringLiteral("</ul>"));
    }
    const qsizetype pairs = result.out.value(u"Synchronizations").elements().size();
    if (pairs > 0) {
        parts.append(
            tr("<p>%1 synchronization pair(s) now appear under Synchronizations.</p>").arg(pairs));
    }
    m_text->setText(parts.join(QString()));
}

} // namespace rd::ui
