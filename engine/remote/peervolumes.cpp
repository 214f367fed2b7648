#include "peervolumes.h"

#include "storage/catalog.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace rd::engine {

namespace {

const QString Prefix = QStringLiteral("peer:");

cim::Error sqlError(const QSqlQuery &q)
{
    return cim::Error(cim::ReturnCode::Failed,
                      QCoreApplication::translate("rd::engine::PeerVolumes",
                                                  "The catalog cannot record a peer's volume: %1")
                          .arg(q.lastError().text()));
}

bool sameVolume(const cim::ObjectPath &a, const cim::ObjectPath &b)
{
    auto text = [](const cim::ObjectPath &p, const char16_t *key) {
        const cim::Value v = p.key(QStringView(key));
        return v.isTyped() && !v.isNull() ? v.toString() : QString();
    };
    return !text(a, u"DeviceID").isEmpty() && text(a, u"DeviceID") == text(b, u"DeviceID") &&
           text(a, u"SystemName") == text(b, u"SystemName");
}

} // namespace

PeerVolumes::PeerVolumes(Catalog *catalog)
    : m_catalog(catalog)
{}

PeerVolumes::~PeerVolumes() = default;

bool PeerVolumes::isPeerDeviceId(const QString &deviceId)
{
    return deviceId.startsWith(Prefix);
}

cim::Result<void> PeerVolumes::load()
{
    QSqlQuery q(QSqlDatabase::database(m_catalog->connectionName(), false));
    if (!q.exec(QStringLiteral("SELECT device_id, path, element_name, size, export_url, "
                               "certificates FROM peer_volumes ORDER BY rowid")))
        return sqlError(q);
    m_records.clear();
    while (q.next()) {
        PeerVolumeRecord r;
        r.deviceId = q.value(0).toString();
        r.path = cim::ObjectPath::fromString(q.value(1).toString()).value_or(cim::ObjectPath());
        r.elementName = q.value(2).toString();
        r.size = q.value(3).toULongLong();
        r.exportUrl = QUrl(q.value(4).toString());
        r.certificates = q.value(5).toString();
        m_records.append(r);
    }
    return {};
}

cim::Result<PeerVolumeRecord> PeerVolumes::add(PeerVolumeRecord r)
{
    r.deviceId = Prefix + QUuid::createUuid().toString(QUuid::WithoutBraces);
    QSqlQuery q(QSqlDatabase::database(m_catalog->connectionName(), false));
    q.prepare(QStringLiteral("INSERT INTO peer_volumes (device_id, path, element_name, size, "
                             "export_url, certificates) VALUES (?, ?, ?, ?, ?, ?)"));
    q.addBindValue(r.deviceId);
    q.addBindValue(r.path.toString());
    q.addBindValue(r.elementName);
    q.addBindValue(qint64(r.size));
    q.addBindValue(r.exportUrl.toString());
    q.addBindValue(r.certificates);
    if (!q.exec())
        return sqlError(q);
    m_records.append(r);
    return r;
}

cim::Result<void> PeerVolumes::remove(const QString &deviceId)
{
    QSqlQuery q(QSqlDatabase::database(m_catalog->connectionName(), false));
    q.prepare(QStringLiteral("DELETE FROM peer_volumes WHERE device_id = ?"));
    q.addBindValue(deviceId);
    if (!q.exec())
        return sqlError(q);
    m_records.removeIf([&](const PeerVolumeRecord &r) { return r.deviceId == deviceId; });
    if (auto d = m_devices.take(deviceId))
        d->disconnect();
    return {};
}

std::optional<PeerVolumeRecord> PeerVolumes::byId(const QString &deviceId) const
{
    for (const PeerVolumeRecord &r : m_records) {
        if (r.deviceId == deviceId)
            return r;
    }
    return std::nullopt;
}

std::optional<PeerVolumeRecord> PeerVolumes::byPath(const cim::ObjectPath &path) const
{
    for (const PeerVolumeRecord &r : m_records) {
        if (sameVolume(r.path, path))
            return r;
    }
    return std::nullopt;
}

std::shared_ptr<PeerVolumeDevice> PeerVolumes::device(const QString &deviceId)
{
    if (auto d = m_devices.value(deviceId))
        return d;
    const std::optional<PeerVolumeRecord> r = byId(deviceId);
    if (!r)
        return nullptr;
    NbdBlockDevice::Options options;
    options.tlsCertificates = r->certificates;
    options.connectTimeoutMs = std::min(m_timeoutMs, 15000);
    options.ioTimeoutMs = m_timeoutMs;
    auto d = std::make_shared<PeerVolumeDevice>(r->exportUrl, options, r->size);
    m_devices.insert(deviceId, d);
    return d;
}

} // namespace rd::engine
