#include "engineserver.h"

#include "remote/nbdserver.h"
#include "remote/remotecollections.h"
#include "storage/poolmanager.h"
#include "wsman/clientcertificates.h"

namespace rd::engine {

EngineServer::EngineServer(const Parts &parts, wsman::UserStore users, QObject *parent)
    : QObject(parent)
    , m_pools(parts.pools)
    , m_remoteCollections(parts.remoteCollections)
    , m_wsman(std::make_unique<wsman::WsmanServer>(parts.registry, std::move(users)))
{}

EngineServer::~EngineServer()
{
    stop();
}

void EngineServer::setUsers(wsman::UserStore users)
{
    m_wsman->setUsers(std::move(users));
}

QUrl EngineServer::wsmanUrl() const
{
    return m_wsman->isListening() ? m_wsman->url() : QUrl();
}

QUrl EngineServer::nbdUrl() const
{
    return m_nbd ? m_nbd->url() : QUrl();
}

cim::Result<void> EngineServer::start(const EngineServerOptions &options)
{
    stop();
    const wsman::WsmanServerOptions &listen = options.wsman;
    // NBD follows the WS-Man listener's rules: same address, TLS required with the same identity
    // unless plain HTTP was chosen. With TLS a client is admitted by the certificate it showed
    // when it signed in over WS-Man (or by being on this host); without TLS nobody can be told
    // apart, so that is for loopback only, unless the operator says otherwise.
    if (options.nbdPort && !listen.address.isLoopback() && !listen.tls && !options.nbdInsecure)
        return cim::Error(cim::ReturnCode::Failed,
                          tr("NBD without TLS cannot tell its clients apart: it serves on a "
                             "loopback address only, unless --nbd-insecure is given."));
    // Certificates peers showed when they signed in over HTTPS: they admit those peers to NBD.
    std::shared_ptr<wsman::ClientCertificates> clients;
    if (!options.clientCertificatesFile.isEmpty()) {
        auto opened = wsman::ClientCertificates::open(options.clientCertificatesFile);
        if (!opened)
            return opened.error();
        clients = opened.value();
    }
    m_wsman->setClientCertificates(clients);
    if (auto ok = m_wsman->listen(listen); !ok)
        return ok;

    if (options.nbdPort) {
        m_nbd = std::make_unique<NbdServer>(m_pools.data());
        m_nbd->setTls(listen.tls, listen.tls.has_value());
        if (!options.nbdInsecure) {
            m_nbd->setClientCheck(
                [clients](const QSslCertificate &shown, const QHostAddress &from) {
                    if (from.isLoopback() || (clients && !clients->userOf(shown).isEmpty()))
                        return QString();
                    return shown.isNull()
                               ? tr("Show a client certificate: this server admits a peer by the "
                                    "certificate it signed in to WS-Management with.")
                               : tr("This client certificate never signed in to WS-Management "
                                    "here: sign in over HTTPS with it first.");
                });
        }
        if (auto ok = m_nbd->listen(listen.address, *options.nbdPort); !ok) {
            stop();
            return ok;
        }
        // A volume a peer writes a replica into is not deleted under it.
        if (m_pools) {
            m_pools->openedBy = [server = QPointer(m_nbd.get())](const QString &id) {
                return server ? server->openedBy(id) : QString();
            };
        }
    }
    // The access points a RemoteReplicationCollection may name on this side.
    if (m_remoteCollections) {
        QList<QUrl> endpoints{m_wsman->url()};
        if (m_nbd)
            endpoints.append(m_nbd->url());
        m_remoteCollections->setLocalEndpoints(endpoints);
    }
    return {};
}

void EngineServer::stop()
{
    const bool served = m_wsman->isListening() || m_nbd;
    m_wsman->close();
    if (m_nbd) {
        if (m_pools)
            m_pools->openedBy = nullptr;
        m_nbd.reset();
    }
    if (served && m_remoteCollections && !m_remoteCollections->localEndpoints().isEmpty())
        m_remoteCollections->setLocalEndpoints({});
}

} // namespace rd::engine
