#include "engineserver.h"

#include "access/hostaccess.h"
#include "remote/remotecollections.h"
#include "replication/replicationservice.h"
#include "storage/poolmanager.h"
#include "wsman/clientcertificates.h"
#include "wsman/selfsignedcertificate.h"

#include <QSysInfo>

namespace rd::engine {

EngineServer::EngineServer(const Parts &parts, wsman::UserStore users, QObject *parent)
    : QObject(parent)
    , m_pools(parts.pools)
    , m_remoteCollections(parts.remoteCollections)
    , m_hosts(parts.hosts)
    , m_replication(parts.replication)
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
    return m_nbd && m_nbd->port() != 0 ? m_nbd->url() : QUrl();
}

QUrl EngineServer::nbdLocalUrl() const
{
    return m_nbd ? m_nbd->localUrl() : QUrl();
}

cim::Result<void> EngineServer::start(const EngineServerOptions &options)
{
    stop();
    const wsman::WsmanServerOptions &listen = options.wsman;
    // On TCP a client is told apart by what TLS shows (a PSK identity, a certificate); without
    // TLS nobody can be, so that is for an operator who says so. Local users come through the
    // Unix socket, whose permissions decide.
    if (options.nbdPort && !listen.tls && !options.nbdInsecure)
        return cim::Error(cim::ReturnCode::Failed,
                          tr("NBD on TCP admits hosts by TLS, and this server has no TLS: serve "
                             "this computer's users on the NBD socket, or give --nbd-insecure "
                             "to admit every client."));
    // Certificates peers showed when they signed in over HTTPS: they admit those peers to NBD.
    std::shared_ptr<wsman::ClientCertificates> clients;
    if (!options.clientCertificatesFile.isEmpty()) {
        auto opened = wsman::ClientCertificates::open(options.clientCertificatesFile);
        if (!opened)
            return opened.error();
        clients = opened.value();
    }
    m_wsman->setClientCertificates(clients);
    if (options.serveWsman) {
        if (auto ok = m_wsman->listen(listen); !ok)
            return ok;
    }

    // Why hosts may not write a volume now (the NBD export asks at every write; the console shows
    // it): the replication service's answer.
    NbdServer::WriteGuard writeRefusal;
    if (m_replication) {
        writeRefusal = [replication = m_replication](const QString &id) {
            return replication ? replication->hostWriteRefusal(id) : QString();
        };
    }
    if (options.nbdPort || !options.nbdLocalPath.isEmpty()) {
        m_nbd = std::make_unique<NbdServer>(m_pools.data());
        m_nbd->setLimits(options.nbdLimits);
        m_nbd->setTls(listen.tls, listen.tls.has_value());
        m_nbd->setWriteGuard(writeRefusal);
        if (!options.nbdInsecure) {
            m_nbd->setPskLookup([hosts = m_hosts](const QString &identity) {
                return hosts ? hosts->pskKey(identity) : QByteArray();
            });
            m_nbd->setAccessCheck([clients, hosts = m_hosts](const NbdServer::Client &client,
                                                             const QString &exportName) {
                NbdServer::Admission admitted;
                const bool shown = !client.certificate.isNull();
                if (shown && clients) {
                    if (const QString user = clients->userOf(client.certificate); !user.isEmpty()) {
                        admitted.who = tr("peer %1").arg(user);
                        return admitted;
                    }
                }
                HostAccess::Client host;
                host.pskIdentity = client.pskIdentity;
                if (shown)
                    host.certificateSha256 = wsman::certificateFingerprint(client.certificate);
                if (!hosts) {
                    admitted.refusal = tr("This server admits no hosts.");
                    return admitted;
                }
                const HostAccess::Admission a = hosts->admit(host, exportName);
                admitted.refusal =
                    shown && a.hostName.isEmpty()
                        ? tr("This certificate never signed in to WS-Management here, and no "
                             "host in Host Access has it.")
                        : a.refusal;
                admitted.readOnly = a.readOnly;
                if (!a.hostName.isEmpty())
                    admitted.who = tr("host %1").arg(a.hostName);
                return admitted;
            });
        }
        if (options.nbdPort) {
            if (auto ok = m_nbd->listen(listen.address, *options.nbdPort); !ok) {
                stop();
                return ok;
            }
        }
        if (!options.nbdLocalPath.isEmpty()) {
            if (auto ok = m_nbd->listenLocal(options.nbdLocalPath); !ok) {
                stop();
                return ok;
            }
        }
        // A withdrawn grant or a removed host takes effect on open connections too.
        if (m_hosts && !options.nbdInsecure) {
            connect(m_hosts, &HostAccess::hostsChanged, m_nbd.get(),
                    [server = m_nbd.get()] { server->reviewAdmissions(); });
        }
        // A volume a host or peer has open is not deleted under it.
        if (m_pools) {
            m_pools->openedBy = [server = QPointer(m_nbd.get())](const QString &id) {
                return server ? server->openedBy(id) : QString();
            };
        }
    }
    // What the console shows of each volume's export.
    if (m_hosts && m_nbd) {
        HostAccess::Serving serving;
        if (options.nbdPort) {
            serving.networkUrl = m_nbd->url();
            // A wildcard address is no address to connect to: the host's name is.
            const QHostAddress a(serving.networkUrl.host());
            if (a == QHostAddress::Any || a == QHostAddress::AnyIPv4 || a == QHostAddress::AnyIPv6)
                serving.networkUrl.setHost(QSysInfo::machineHostName());
        }
        serving.localUrl = m_nbd->localUrl();
        serving.openedBy = [server = QPointer(m_nbd.get())](const QString &id) {
            return server ? server->clientsOf(id) : QStringList();
        };
        serving.writeRefusal = writeRefusal;
        m_hosts->setServing(std::move(serving));
    }
    // The access points a RemoteReplicationCollection may name on this side.
    if (m_remoteCollections && options.serveWsman) {
        QList<QUrl> endpoints{m_wsman->url()};
        if (m_nbd && options.nbdPort)
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
        if (m_hosts)
            m_hosts->setServing({});
        m_nbd.reset();
    }
    if (served && m_remoteCollections && !m_remoteCollections->localEndpoints().isEmpty())
        m_remoteCollections->setLocalEndpoints({});
}

} // namespace rd::engine
