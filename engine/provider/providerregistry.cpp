#include "providerregistry.h"

#include "cim/objectpath.h"

#include <QCoreApplication>
#include <QFuture>
#include <QSet>

namespace rd::engine {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("rd::engine::ProviderRegistry", text);
}

cim::Error notServed(const QString &className)
{
    return cim::Error(cim::ReturnCode::InvalidParameter,
                      tr("The class %1 is not served by this system.").arg(className));
}

} // namespace

QString ProviderRegistry::defaultNameSpace()
{
    return QStringLiteral("root/cimv2/storage/iscsitarget");
}

ProviderRegistry::ProviderRegistry(QObject *parent)
    : QObject(parent)
    , m_nameSpace(defaultNameSpace())
{}

ProviderRegistry::~ProviderRegistry() = default;

bool ProviderRegistry::addProvider(std::shared_ptr<Provider> provider)
{
    const QList<ClassInfo> infos = provider->classes();
    QStringList names;
    for (const ClassInfo &info : infos) {
        names << info.name.toLower();
        for (const QString &alias : info.aliases)
            names << alias.toLower();
    }
    for (const QString &name : std::as_const(names)) {
        if (m_byClass.contains(name) || names.count(name) > 1)
            return false;
    }
    for (const ClassInfo &info : infos) {
        m_byClass.insert(info.name.toLower(), provider.get());
        m_canonical.insert(info.name.toLower(), info.name);
        for (const QString &alias : info.aliases) {
            m_byClass.insert(alias.toLower(), provider.get());
            m_canonical.insert(alias.toLower(), info.name);
        }
    }
    m_providers.append(std::move(provider));
    return true;
}

QList<ClassInfo> ProviderRegistry::classes() const
{
    QList<ClassInfo> all;
    for (const auto &p : m_providers)
        all += p->classes();
    return all;
}

QString ProviderRegistry::canonicalClassName(QStringView nameOrAlias) const
{
    return m_canonical.value(nameOrAlias.toString().toLower());
}

Provider *ProviderRegistry::providerFor(QStringView className) const
{
    return m_byClass.value(className.toString().toLower());
}

cim::Result<void> ProviderRegistry::checkNameSpace(const QString &nameSpace) const
{
    QString ns = nameSpace;
    ns.replace(QLatin1Char('\\'), QLatin1Char('/'));
    if (ns.isEmpty() || ns.compare(m_nameSpace, Qt::CaseInsensitive) == 0)
        return {};
    return cim::Error(cim::ReturnCode::InvalidParameter,
                      tr("The namespace %1 is not served by this system; it serves %2.")
                          .arg(nameSpace, m_nameSpace));
}

cim::Result<QList<cim::Instance>> ProviderRegistry::enumerateInstances(const QString &className)
{
    Provider *p = providerFor(className);
    if (!p)
        return notServed(className);
    return p->enumerateInstances(canonicalClassName(className));
}

cim::Result<cim::Instance> ProviderRegistry::getInstance(const cim::ObjectPath &path)
{
    if (auto ns = checkNameSpace(path.nameSpace()); !ns)
        return ns.error();
    Provider *p = providerFor(path.className());
    if (!p)
        return notServed(path.className());
    const cim::ObjectPath canonical(m_nameSpace, canonicalClassName(path.className()), path.keys());
    return p->getInstance(canonical);
}

cim::Result<QList<cim::Instance>> ProviderRegistry::references(const cim::ObjectPath &path,
                                                               const AssociationFilter &filter)
{
    if (auto ns = checkNameSpace(path.nameSpace()); !ns)
        return ns.error();
    QString wanted;
    if (!filter.assocClass.isEmpty()) {
        wanted = canonicalClassName(filter.assocClass);
        if (wanted.isEmpty())
            return notServed(filter.assocClass);
    }
    const cim::ObjectPath target(m_nameSpace, canonicalClassName(path.className()), path.keys());
    QList<cim::Instance> found;
    for (const ClassInfo &info : classes()) {
        if (!info.association || (!wanted.isEmpty() && info.name != wanted))
            continue;
        auto instances = providerFor(info.name)->enumerateInstances(info.name);
        if (!instances)
            return instances.error();
        for (const cim::Instance &assoc : instances.value()) {
            for (const auto &[name, value] : assoc.properties()) {
                if (value.isNull() || value.isArray() || value.type() != cim::CimType::Reference)
                    continue;
                if (!filter.role.isEmpty() && name.compare(filter.role, Qt::CaseInsensitive) != 0)
                    continue;
                if (value.toReference() == target) {
                    found.append(assoc);
                    break;
                }
            }
        }
    }
    return found;
}

cim::Result<QList<cim::Instance>> ProviderRegistry::associators(const cim::ObjectPath &path,
                                                                const AssociationFilter &filter)
{
    auto refs = references(path, filter);
    if (!refs)
        return refs.error();
    const cim::ObjectPath source(m_nameSpace, canonicalClassName(path.className()), path.keys());
    const QString resultClass =
        filter.resultClass.isEmpty() ? QString() : canonicalClassName(filter.resultClass);
    if (!filter.resultClass.isEmpty() && resultClass.isEmpty())
        return notServed(filter.resultClass);

    QList<cim::Instance> result;
    QSet<QString> seen;
    for (const cim::Instance &assoc : refs.value()) {
        for (const auto &[name, value] : assoc.properties()) {
            if (value.isNull() || value.isArray() || value.type() != cim::CimType::Reference)
                continue;
            if (!filter.resultRole.isEmpty() &&
                name.compare(filter.resultRole, Qt::CaseInsensitive) != 0)
                continue;
            const cim::ObjectPath other = value.toReference();
            if (other == source)
                continue;
            if (!resultClass.isEmpty() && canonicalClassName(other.className()) != resultClass)
                continue;
            const QString key = other.toString().toLower();
            if (seen.contains(key))
                continue;
            auto instance = getInstance(other);
            // An association may point at something removed a moment ago; skip it rather than
            // failing the whole traversal.
            if (!instance)
                continue;
            seen.insert(key);
            result.append(instance.value());
        }
    }
    return result;
}

cim::Result<MethodSpec> ProviderRegistry::methodSpec(const QString &className,
                                                     QStringView method) const
{
    Provider *p = providerFor(className);
    if (!p)
        return notServed(className);
    const QString canonical = canonicalClassName(className);
    for (const MethodSpec &spec : p->methods(canonical)) {
        if (method.compare(spec.name, Qt::CaseInsensitive) == 0)
            return spec;
    }
    return cim::Error(cim::ReturnCode::NotSupported,
                      tr("The class %1 has no method %2.").arg(canonical, method.toString()));
}

QFuture<cim::MethodResult> ProviderRegistry::invokeMethod(const cim::MethodCall &call)
{
    auto fail = [](const cim::Error &e) {
        return QtFuture::makeReadyFuture(cim::MethodResult::failure(e));
    };
    if (auto ns = checkNameSpace(call.target.nameSpace()); !ns)
        return fail(ns.error());
    auto spec = methodSpec(call.target.className(), call.method);
    if (!spec)
        return fail(spec.error());
    if (auto ok = spec->checkInput(call.in); !ok)
        return fail(ok.error());

    cim::MethodCall canonical = call;
    canonical.target = cim::ObjectPath(m_nameSpace, canonicalClassName(call.target.className()),
                                       call.target.keys());
    canonical.method = spec->name;
    return providerFor(call.target.className())->invokeMethod(canonical);
}

cim::Result<void> ProviderRegistry::modifyInstance(const cim::Instance &instance,
                                                   const QStringList &propertyList)
{
    Provider *p = providerFor(instance.className());
    if (!p)
        return notServed(instance.className());
    if (auto ns = checkNameSpace(instance.path().nameSpace()); !ns)
        return ns.error();
    cim::Instance canonical = instance;
    canonical.setClassName(canonicalClassName(instance.className()));
    canonical.setPath(cim::ObjectPath(m_nameSpace, canonical.className(), instance.path().keys()));
    return p->modifyInstance(canonical, propertyList);
}

cim::Result<void> ProviderRegistry::deleteInstance(const cim::ObjectPath &path)
{
    if (auto ns = checkNameSpace(path.nameSpace()); !ns)
        return ns.error();
    Provider *p = providerFor(path.className());
    if (!p)
        return notServed(path.className());
    return p->deleteInstance(
        cim::ObjectPath(m_nameSpace, canonicalClassName(path.className()), path.keys()));
}

} // namespace rd::engine
