#include "replicawizardpage.h"

#include "messagebanner.h"
#include "systeminventory.h"

#include <QVBoxLayout>

namespace rd::ui {

ReplicaWizardPage::ReplicaWizardPage(SystemInventory *system, QWidget *parent)
    : QWizardPage(parent)
    , m_system(system)
    , m_content(new QVBoxLayout)
    , m_banner(new MessageBanner(this))
{
    m_banner->setObjectName(QStringLiteral("engineMessage"));
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(m_content, 1);
    layout->addWidget(m_banner);
}

SystemInventory *ReplicaWizardPage::system() const
{
    return m_system;
}

void ReplicaWizardPage::showEngineError(const QString &text)
{
    m_banner->showMessage(text, MessageBanner::Kind::Error);
}

} // namespace rd::ui
