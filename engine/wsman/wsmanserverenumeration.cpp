// WsmanServer's enumerations: Enumerate, Pull and Release, the batches that fit MaxElements and
// MaxEnvelopeSize, and the expiry of unused enumeration contexts.
#include "wsmanserver_p.h"
#include "wsmanservertypes_p.h"

#include "wsmannames.h"

#include <QUuid>

#include <algorithm>

namespace rd::wsman {

using namespace serverdetail;

void WsmanServer::doEnumerate(const std::shared_ptr<Exchange> &x)
{
    const Message &m = x->message;
    const EnumerateBody &b = m.enumerate;
    const auto uriParts = ResourceUri::parse(m.header.resourceUri);
    if (!uriParts) {
        replyFault(x,
                   Fault::make(FaultKind::DestinationUnreachable,
                               tr("The resource URI %1 does not name a class this service serves.")
                                   .arg(m.header.resourceUri),
                               QStringLiteral("InvalidResourceURI")));
        return;
    }
    cim::Result<QList<cim::Instance>> found = QList<cim::Instance>();
    if (b.association) {
        const AssociationQuery &q = *b.association;
        if (m_registry->canonicalClassName(q.object.className()).isEmpty()) {
            replyFault(
                x, Fault::make(
                       FaultKind::DestinationUnreachable,
                       tr("The class %1 is not served by this system.").arg(q.object.className()),
                       QStringLiteral("InvalidResourceURI")));
            return;
        }
        found = q.kind == AssociationQuery::AssociatedInstances
                    ? m_registry->associators(q.object, q.filter)
                    : m_registry->references(q.object, q.filter);
        if (!found) {
            replyFault(x, Fault::make(FaultKind::CannotProcessFilter, found.error().message));
            return;
        }
    } else {
        Target t;
        if (auto f = resolveTarget(*m_registry, m.header, {}, false, t)) {
            replyFault(x, *f);
            return;
        }
        found = m_registry->enumerateInstances(t.className);
        if (!found) {
            replyFault(x, instanceFault(found.error(), FaultKind::DestinationUnreachable));
            return;
        }
    }
    expireEnumerations();
    if (m_enumerations.size() >= m_options.maxEnumerationContexts) {
        replyFault(x, Fault::make(FaultKind::QuotaLimit,
                                  tr("Too many enumerations are open; release some.")));
        return;
    }
    // Each user's share, so that one user's open contexts cannot lock the others out.
    const auto mine = std::count_if(m_enumerations.cbegin(), m_enumerations.cend(),
                                    [&x](const Enumeration &e) { return e.user == x->user.name; });
    if (mine >= m_options.maxEnumerationContextsPerUser) {
        replyFault(x, Fault::make(FaultKind::QuotaLimit,
                                  tr("The user %1 has %2 enumerations open; release some.")
                                      .arg(x->user.name)
                                      .arg(mine)));
        return;
    }
    Enumeration e;
    e.user = x->user.name;
    e.resourceUri = m.header.resourceUri;
    e.style = x->style;
    e.expires = QDeadlineTimer(m_options.enumerationExpiryMs);
    e.items.reserve(found->size());
    if (!found->isEmpty())
        m_types->learn(found->front());
    for (const cim::Instance &inst : found.value()) {
        EnumerationItem item;
        if (b.mode != EnumerationMode::References)
            item.instance = inst;
        // Instances without a path (association instances often have none) go without an EPR.
        if (b.mode != EnumerationMode::Objects && !inst.path().isEmpty())
            item.path = inst.path();
        e.items.append(std::move(item));
    }
    const QString id =
        QStringLiteral("uuid:") + QUuid::createUuid().toString(QUuid::WithoutBraces).toUpper();
    m_enumerations.insert(id, std::move(e));
    if (!b.optimize) {
        Message r;
        r.operation = Operation::Enumerate;
        r.enumeration.context = id;
        reply(x, r);
        return;
    }
    replyBatch(x, id, b.maxElements > 0 ? b.maxElements : 1, false);
}

void WsmanServer::replyBatch(const std::shared_ptr<Exchange> &x, const QString &id, int maxElements,
                             bool pull)
{
    Enumeration &e = m_enumerations[id];
    maxElements = qBound(1, maxElements, m_options.maxPullElements);
    qsizetype n = qMin<qsizetype>(maxElements, e.items.size() - e.position);
    WriteOptions w;
    w.style = e.style;
    // Fit the batch into MaxEnvelopeSize, halving it until it does; the rest waits for a Pull.
    while (true) {
        Message r;
        r.operation = pull ? Operation::Pull : Operation::Enumerate;
        r.response = true;
        r.header.relatesTo = x->message.header.messageId;
        r.header.messageId = newMessageId();
        r.enumeration.items = e.items.mid(e.position, n);
        r.enumeration.endOfSequence = e.position + n >= e.items.size();
        if (!r.enumeration.endOfSequence)
            r.enumeration.context = id;
        QByteArray body = writeMessage(r, w);
        if (body.size() <= x->maxEnvelopeSize || n <= 1) {
            if (body.size() > x->maxEnvelopeSize) {
                replyFault(x, Fault::make(FaultKind::EncodingLimit,
                                          tr("One item is larger than MaxEnvelopeSize (%1 bytes).")
                                              .arg(x->maxEnvelopeSize),
                                          QStringLiteral("MaxEnvelopeSize")));
                return;
            }
            e.position += n;
            e.expires = QDeadlineTimer(m_options.enumerationExpiryMs);
            if (r.enumeration.endOfSequence)
                m_enumerations.remove(id);
            HttpResponse http;
            http.headers.emplaceBack("Content-Type", "application/soap+xml;charset=UTF-8");
            http.body = std::move(body);
            replyHttp(x, std::move(http));
            return;
        }
        n = qMax<qsizetype>(1, n / 2);
    }
}

void WsmanServer::doPull(const std::shared_ptr<Exchange> &x)
{
    expireEnumerations();
    const PullBody &p = x->message.pull;
    const auto it = m_enumerations.constFind(p.context);
    if (it == m_enumerations.cend() || it->user != x->user.name ||
        it->resourceUri.compare(x->message.header.resourceUri, Qt::CaseInsensitive) != 0) {
        replyFault(x, Fault::make(FaultKind::InvalidEnumerationContext,
                                  tr("The enumeration context %1 is not valid: it is unknown, "
                                     "finished, released, expired or made for another "
                                     "resource URI.")
                                      .arg(p.context.left(64))));
        return;
    }
    replyBatch(x, p.context, p.maxElements > 0 ? p.maxElements : 1, true);
}

void WsmanServer::doRelease(const std::shared_ptr<Exchange> &x)
{
    expireEnumerations();
    const PullBody &p = x->message.pull;
    const auto it = m_enumerations.constFind(p.context);
    if (it == m_enumerations.cend() || it->user != x->user.name ||
        it->resourceUri.compare(x->message.header.resourceUri, Qt::CaseInsensitive) != 0) {
        replyFault(x, Fault::make(FaultKind::InvalidEnumerationContext,
                                  tr("The enumeration context %1 is not valid: it is unknown, "
                                     "finished, released, expired or made for another "
                                     "resource URI.")
                                      .arg(p.context.left(64))));
        return;
    }
    m_enumerations.remove(p.context);
    Message r;
    r.operation = Operation::Release;
    reply(x, r);
}

void WsmanServer::expireEnumerations()
{
    for (auto it = m_enumerations.begin(); it != m_enumerations.end();) {
        if (it->expires.hasExpired())
            it = m_enumerations.erase(it);
        else
            ++it;
    }
}

} // namespace rd::wsman
