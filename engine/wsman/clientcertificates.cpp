#include "clientcertificates.h"

#include "selfsignedcertificate.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace rd::wsman {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("rd::wsman::ClientCertificates", text);
}

} // namespace

ClientCertificates::ClientCertificates(QString filePath)
    : m_filePath(std::move(filePath))
{}

cim::Result<std::shared_ptr<ClientCertificates>> ClientCertificates::open(const QString &filePath)
{
    std::shared_ptr<ClientCertificates> store(new ClientCertificates(filePath));
    QFile file(filePath);
    if (!file.exists())
        return store;
    if (!file.open(QIODevice::ReadOnly))
        return cim::Error(cim::ReturnCode::Failed,
                          tr("Cannot read %1: %2").arg(filePath, file.errorString()));
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isArray())
        return cim::Error(cim::ReturnCode::Failed,
                          tr("%1 is not a list of client certificates.").arg(filePath));
    for (const QJsonValue &v : doc.array()) {
        const QString fingerprint = v[QLatin1String("fingerprint")].toString();
        const QString user = v[QLatin1String("user")].toString();
        if (fingerprint.isEmpty() || user.isEmpty())
            return cim::Error(cim::ReturnCode::Failed,
                              tr("%1 has an entry without fingerprint or user.").arg(filePath));
        store->m_users.insert(fingerprint.toUpper(), user);
    }
    return store;
}

cim::Result<void> ClientCertificates::authorize(const QSslCertificate &certificate,
                                                const QString &user)
{
    if (certificate.isNull() || user.isEmpty())
        return {};
    const QString fingerprint = certificateFingerprint(certificate).toUpper();
    QMutexLocker l(&m_lock);
    if (m_users.value(fingerprint) == user)
        return {};
    m_users.insert(fingerprint, user);
    return save();
}

QString ClientCertificates::userOf(const QSslCertificate &certificate) const
{
    if (certificate.isNull())
        return {};
    QMutexLocker l(&m_lock);
    return m_users.value(certificateFingerprint(certificate).toUpper());
}

qsizetype ClientCertificates::count() const
{
    QMutexLocker l(&m_lock);
    return m_users.size();
}

cim::Result<void> ClientCertificates::save() const
{
    QJsonArray entries;
    for (auto it = m_users.cbegin(); it != m_users.cend(); ++it)
        entries.append(QJsonObject{{QStringLiteral("fingerprint"), it.key()},
                                   {QStringLiteral("user"), it.value()}});
    QSaveFile file(m_filePath);
    if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(entries).toJson()) < 0 ||
        !file.commit() ||
        !QFile::setPermissions(m_filePath, QFileDevice::ReadOwner | QFileDevice::WriteOwner))
        return cim::Error(cim::ReturnCode::Failed,
                          tr("Cannot write %1: %2").arg(m_filePath, file.errorString()));
    return {};
}

} // namespace rd::wsman
