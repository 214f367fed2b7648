#include "engine.h"

#include "provider/computersystemprovider.h"

#include <QCoreApplication>
#include <QDir>
#include <QSysInfo>

namespace rd::engine {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("rd::engine::Engine", text);
}
} // namespace

cim::Result<std::unique_ptr<Engine>> Engine::open(const EngineOptions &options)
{
    if (options.dataDirectory.isEmpty() || options.defaultPoolDirectory.isEmpty()) {
        return cim::Error(cim::ReturnCode::InvalidParameter,
                          tr("The engine needs a data directory and a default pool directory."));
    }
    for (const QString &dir : {options.dataDirectory, options.defaultPoolDirectory}) {
        if (!QDir().mkpath(dir)) {
            return cim::Error(cim::ReturnCode::Failed,
                              tr("Cannot create the directory %1.").arg(QDir::toNativeSeparators(dir)));
        }
    }
    std::unique_ptr<Engine> engine(new Engine(options));
    if (auto started = engine->start(); !started)
        return started.error();
    return engine;
}

Engine::Engine(const EngineOptions &options)
    : m_options(options)
    , m_systemName(options.systemName.isEmpty() ? QSysInfo::machineHostName() : options.systemName)
    , m_registry(std::make_unique<ProviderRegistry>())
{
}

Engine::~Engine() = default;

cim::Result<void> Engine::start()
{
    if (!m_registry->addProvider(std::make_shared<ComputerSystemProvider>(m_systemName)))
        return cim::Error(cim::ReturnCode::Failed, tr("Provider classes overlap."));
    return {};
}

QString Engine::version()
{
    return QStringLiteral(RD_VERSION);
}

QString Engine::threadWeaverVersion()
{
    return QStringLiteral(RD_THREADWEAVER_VERSION);
}

} // namespace rd::engine
