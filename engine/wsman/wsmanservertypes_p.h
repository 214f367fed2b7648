#pragma once
// WsmanServer::Types: the CIM types the wire does not carry, learnt from the provider registry.

#include "wsmanserver.h"

namespace rd::wsman {

// Types the wire does not carry, from the registry: method signatures, and the property and key
// types of each class as its instances show them (learnt once per class).

class WsmanServer::Types final : public TypeResolver
{
public:
    struct Schema
    {
        bool learned = false;
        QHash<QString, TypeSpec> properties; // lower-cased name
        QHash<QString, cim::CimType> keys;   // lower-cased name
        QStringList keyNames;
    };

    explicit Types(engine::ProviderRegistry *registry)
        : m_registry(registry)
    {}

    std::optional<TypeSpec> propertyType(const QString &className,
                                         const QString &name) const override
    {
        const Schema &s = schema(className);
        const auto it = s.properties.constFind(name.toLower());
        if (it == s.properties.cend())
            return std::nullopt;
        return *it;
    }

    std::optional<TypeSpec> parameterType(const QString &className, const QString &method,
                                          const QString &name, bool output) const override
    {
        if (!m_registry)
            return std::nullopt;
        const auto spec = m_registry->methodSpec(className, method);
        if (!spec)
            return std::nullopt;
        const engine::ParameterSpec *p = spec->parameter(name);
        if (!p || (output && !(p->direction & engine::ParameterSpec::Out)))
            return std::nullopt;
        return TypeSpec{p->type, p->array};
    }

    std::optional<cim::CimType> keyType(const QString &className, const QString &key) const override
    {
        const Schema &s = schema(className);
        const auto it = s.keys.constFind(key.toLower());
        if (it == s.keys.cend())
            return std::nullopt;
        return *it;
    }

    const Schema &schema(const QString &className) const
    {
        static const Schema none;
        if (!m_registry)
            return none;
        const QString canonical = m_registry->canonicalClassName(className);
        if (canonical.isEmpty())
            return none;
        Schema &s = m_schemas[canonical.toLower()];
        if (!s.learned) {
            // Learn from a few instances; a class with none yet is asked again next time.
            const auto all = m_registry->enumerateInstances(canonical);
            if (all.ok()) {
                for (qsizetype i = 0; i < qMin<qsizetype>(all->size(), 8); ++i)
                    learn(s, all->at(i));
            }
        }
        return s;
    }

    void learn(const cim::Instance &instance) const
    {
        if (!m_registry)
            return;
        const QString canonical = m_registry->canonicalClassName(instance.className());
        if (!canonical.isEmpty())
            learn(m_schemas[canonical.toLower()], instance);
    }

private:
    static void learn(Schema &s, const cim::Instance &instance)
    {
        s.learned = true;
        for (const auto &[name, value] : instance.properties()) {
            if (value.isTyped())
                s.properties.insert(name.toLower(), TypeSpec{value.type(), value.isArray()});
        }
        if (s.keyNames.isEmpty()) {
            for (const auto &[name, value] : instance.path().keys()) {
                s.keyNames.append(name);
                if (value.isTyped())
                    s.keys.insert(name.toLower(), value.type());
            }
        }
    }

    QPointer<engine::ProviderRegistry> m_registry;
    mutable QHash<QString, Schema> m_schemas;
};

} // namespace rd::wsman
