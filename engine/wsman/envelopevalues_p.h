#pragma once
// Reading CIM values, instances and endpoint references out of the envelope's DOM, with the
// types a TypeResolver or ReplicaDesk's rd:t annotations give; private to the envelope's files.

#include "envelopedom_p.h"

namespace rd::wsman::detail {

struct ReadContext
{
    const TypeResolver *resolver = nullptr;
    const ReadLimits *limits = nullptr;
};

bool isTrue(const QString &v);
Expected<cim::ObjectPath> readEpr(const Node &n, const ReadContext &ctx);
Expected<cim::Instance> readInstance(const Node &n, const ReadContext &ctx);
Expected<cim::Value> readProperty(const QList<const Node *> &elements, std::optional<TypeSpec> spec,
                                  const QString &what, const ReadContext &ctx);
QList<std::pair<QString, QList<const Node *>>> groupChildren(const Node &n);
Expected<cim::ObjectPath> pathFrom(const QString &resourceUri, const Node *selectorSet,
                                   const ReadContext &ctx,
                                   QList<std::pair<QString, cim::Value>> *rawSelectors = nullptr);

} // namespace rd::wsman::detail
