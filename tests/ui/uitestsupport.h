#pragma once
// What the console's tests share: waiting on an engine's answer the GUI's way, settings and
// translations kept out of the user's own, and a second engine behind a real HTTPS WS-Man server
// on loopback for the tests that connect to "another host".

#include "engine.h"
#include "translations.h"
#include "wsman/selfsignedcertificate.h"
#include "wsman/userstore.h"
#include "wsman/wsmanserver.h"

#include <QCoreApplication>
#include <QFuture>
#include <QHostAddress>
#include <QLocale>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace rd::ui::test {

// The event loop runs while the engine answers, as in the console.
template<class T>
T await(QFuture<T> future)
{
    if (!QTest::qWaitFor([&] { return future.isFinished(); }, 10000))
        qFatal("The engine did not answer in time.");
    return future.result();
}

// QSettings in dir (never the user's own), English texts.
inline void isolateConsole(const QTemporaryDir &dir, const QString &testName)
{
    QCoreApplication::setOrganizationName(QStringLiteral("ReplicaDeskTest"));
    QCoreApplication::setApplicationName(testName);
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope,
                       dir.filePath(QStringLiteral("settings")));
    installTranslations(QLocale(QLocale::English, QLocale::UnitedStates));
}

// An engine with its own data under dir/name, served over HTTPS with a self-signed certificate to
// the user "admin".
struct PeerEngine
{
    std::unique_ptr<engine::Engine> engine;
    std::unique_ptr<wsman::WsmanServer> server;
    std::optional<wsman::TlsIdentity> identity;
    QString fingerprint;

    static wsman::UserStore users(const QString &password)
    {
        wsman::UserStore store;
        store.addUser(QStringLiteral("admin"), wsman::UserStore::hashPassword(password, 1000));
        return store;
    }

    cim::Result<void> start(const QTemporaryDir &dir, const QString &name, const QString &password)
    {
        engine::EngineOptions options;
        options.dataDirectory = dir.filePath(name);
        options.defaultPoolDirectory = dir.filePath(name + QStringLiteral("/pools/default"));
        options.systemName = name;
        auto opened = engine::Engine::open(options);
        if (!opened)
            return opened.error();
        engine = std::move(opened).value();
        // Named as the tests reach it: NBD's TLS checks the name, as it would on a network.
        auto made =
            wsman::makeSelfSignedCertificate(name, {name}, {QHostAddress(QHostAddress::LocalHost)});
        if (!made)
            return made.error();
        identity = made.value();
        fingerprint = wsman::certificateFingerprint(identity->certificate);
        server = std::make_unique<wsman::WsmanServer>(engine->registry(), users(password));
        wsman::WsmanServerOptions serverOptions;
        serverOptions.tls = identity;
        return server->listen(serverOptions);
    }

    void stop()
    {
        server.reset();
        engine.reset();
    }
};

} // namespace rd::ui::test
