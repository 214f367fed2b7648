#include "credentialstore.h"

#include <qt6keychain/keychain.h>

#include <QPromise>

#include <memory>

namespace rd::ui {

namespace {

CredentialResult::Status statusOf(QKeychain::Error error)
{
    switch (error) {
    case QKeychain::NoError:
        return CredentialResult::Status::Ok;
    case QKeychain::EntryNotFound:
        return CredentialResult::Status::NotFound;
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        return CredentialResult::Status::Denied;
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        return CredentialResult::Status::Unavailable;
    case QKeychain::CouldNotDeleteEntry:
    case QKeychain::OtherError:
        break;
    }
    return CredentialResult::Status::Failed;
}

// Starts the job and finishes the future when the keychain answers (in this thread's event loop).
// The job has no parent and deletes itself once it has finished: QtKeychain's Secret Service
// backend calls back into a job destroyed before the answer came (frankosterfeld/qtkeychain#261),
// so a store that goes first (with its window) must not take its jobs with it.
QFuture<CredentialResult> run(QKeychain::Job *job)
{
    job->setAutoDelete(true);
    // Never the plain-text fallback: no keychain means no stored password.
    job->setInsecureFallback(false);
    auto promise = std::make_shared<QPromise<CredentialResult>>();
    QFuture<CredentialResult> future = promise->future();
    promise->start();
    QObject::connect(job, &QKeychain::Job::finished, job, [promise](QKeychain::Job *done) {
        CredentialResult result;
        result.status = statusOf(done->error());
        if (result.ok()) {
            if (auto *read = qobject_cast<QKeychain::ReadPasswordJob *>(done))
                result.password = read->textData();
        } else {
            result.error = done->errorString();
        }
        promise->addResult(result);
        promise->finish();
    });
    job->start();
    return future;
}

} // namespace

CredentialStore::CredentialStore(QObject *parent)
    : QObject(parent)
{}

CredentialStore::~CredentialStore() = default;

QString CredentialStore::service()
{
    return QStringLiteral("ReplicaDesk");
}

QString CredentialStore::key(const QString &user, const QString &host, int port)
{
    return QStringLiteral("%1@%2:%3").arg(user, host).arg(port);
}

QFuture<CredentialResult> CredentialStore::readPassword(const QString &key)
{
    auto *job = new QKeychain::ReadPasswordJob(service());
    job->setKey(key);
    return run(job);
}

QFuture<CredentialResult> CredentialStore::writePassword(const QString &key,
                                                         const QString &password)
{
    auto *job = new QKeychain::WritePasswordJob(service());
    job->setKey(key);
    job->setTextData(password);
    return run(job);
}

QFuture<CredentialResult> CredentialStore::deletePassword(const QString &key)
{
    auto *job = new QKeychain::DeletePasswordJob(service());
    job->setKey(key);
    return run(job);
}

} // namespace rd::ui
