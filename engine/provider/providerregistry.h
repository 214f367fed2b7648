#pragma once
// Routes CIM operations to the provider that serves the class, by its name or an alias, checks
// method calls against their signatures, and answers association traversals generically from the
// REF properties of association instances.

#include "provider.h"

#include <QHash>
#include <QObject>

#include <memory>

namespace rd::engine {

struct AssociationFilter
{
    QString assocClass;  // empty: any association
    QString resultClass; // empty: any class
    QString role;        // the REF property that names the source object; empty: any
    QString resultRole;  // the REF property that names the result; empty: any
};

class ProviderRegistry final : public QObject
{
    Q_OBJECT
public:
    // The namespace the engine serves; the seed system's.
    static QString defaultNameSpace();

    explicit ProviderRegistry(QObject *parent = nullptr);
    ~ProviderRegistry() override;
    Q_DISABLE_COPY_MOVE(ProviderRegistry)

    // Returns false (and registers nothing) when a class name or alias is already taken.
    [[nodiscard]] bool addProvider(std::shared_ptr<Provider> provider);

    QString nameSpace() const { return m_nameSpace; }
    QList<ClassInfo> classes() const;
    // The canonical class name for a name or alias, or an empty string.
    QString canonicalClassName(QStringView nameOrAlias) const;

    cim::Result<QList<cim::Instance>> enumerateInstances(const QString &className);
    cim::Result<cim::Instance> getInstance(const cim::ObjectPath &path);
    cim::Result<QList<cim::Instance>> associators(const cim::ObjectPath &path,
                                                  const AssociationFilter &filter);
    cim::Result<QList<cim::Instance>> references(const cim::ObjectPath &path,
                                                 const AssociationFilter &filter);
    cim::Result<MethodSpec> methodSpec(const QString &className, QStringView method) const;
    QFuture<cim::MethodResult> invokeMethod(const cim::MethodCall &call);
    cim::Result<void> modifyInstance(const cim::Instance &instance,
                                     const QStringList &propertyList);
    cim::Result<void> deleteInstance(const cim::ObjectPath &path);

Q_SIGNALS:
    // Something of this class changed (created, modified, deleted, progressed). Coalesced by
    // whoever emits it; views refresh on it instead of polling the local engine.
    void classChanged(const QString &className);

private:
    Provider *providerFor(QStringView className) const;
    cim::Result<void> checkNameSpace(const QString &nameSpace) const;

    QString m_nameSpace;
    QList<std::shared_ptr<Provider>> m_providers;
    QHash<QString, Provider *> m_byClass; // lower-cased name or alias
    QHash<QString, QString> m_canonical;  // lower-cased name or alias -> canonical name
};

} // namespace rd::engine
