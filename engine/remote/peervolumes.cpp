#include "peervolumes.h"

#include <QUuid>

namespace rd::engine {

namespace {

const QString Prefix = QStringLiteral("peer:");

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

PeerVolumes::PeerVolumes(PeerVolumeStore *store)
    : m_store(store)
{}

PeerVolumes::~PeerVolumes() = default;

bool PeerVolumes::isPeerDeviceId(const QString &deviceId)
{
    return deviceId.startsWith(Prefix);
}

cim::Result<void> PeerVolumes::load()
{
    auto records = m_store->load();
    if (!records)
        return records.error();
    m_records = std::move(records).value();
    return {};
}

cim::Result<PeerVolumeRecord> PeerVolumes::add(PeerVolumeRecord r)
{
    r.deviceId = Prefix + QUuid::createUuid().toString(QUuid::WithoutBraces);
    if (auto inserted = m_store->insert(r); !inserted)
        return inserted.error();
    m_records.append(r);
    return r;
}

cim::Result<void> PeerVolumes::remove(const QString &deviceId)
{
    if (auto removed = m_store->remove(deviceId); !removed)
        return removed;
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
