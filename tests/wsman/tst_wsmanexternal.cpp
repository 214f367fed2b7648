// The server against WS-Man clients it did not write, installed from Debian: python3-winrm
// (Protocol.send_message with raw envelopes in pywinrm's own prefixes) and the wsl shell client
// (curl underneath), both over HTTPS with Basic auth. Identify, Enumerate, Get and Invoke succeed;
// a fault reaches pywinrm as a WSManFaultError with WinRM's fields.

#include "../engine/testprovider.h"

#include "wsman/envelope.h"
#include "wsman/selfsignedcertificate.h"
#include "wsman/wsmanserver.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSslSocket>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace rd;
using namespace rd::wsman;
using namespace rd::test;

namespace {

// Debian's interpreter: python3-winrm lives in its dist-packages (a pyenv python3 would not see
// it).
const QString kPython = QStringLiteral("/usr/bin/python3");

// The pywinrm side lives in pywinrm_client.py next to this file.
const QString kScript = QStringLiteral(RD_PYWINRM_SCRIPT);

bool pywinrmInstalled()
{
    if (!QFileInfo::exists(kPython))
        return false;
    QProcess p;
    p.start(kPython, {QStringLiteral("-c"), QStringLiteral("import winrm")});
    return p.waitForFinished(30000) && p.exitCode() == 0;
}

// Runs a program while this thread's event loop keeps serving the in-process server.
bool run(QProcess &process, const QString &program, const QStringList &arguments,
         int timeoutMs = 120000)
{
    process.start(program, arguments);
    if (!process.waitForStarted(30000))
        return false;
    return QTest::qWaitFor([&] { return process.state() == QProcess::NotRunning; }, timeoutMs) &&
           process.exitStatus() == QProcess::NormalExit;
}

} // namespace

class TstWsmanExternal : public QObject
{
    Q_OBJECT

    std::unique_ptr<ProviderRegistry> m_registry;
    std::shared_ptr<WidgetProvider> m_widgets;
    std::unique_ptr<WsmanServer> m_server;
    QTemporaryDir m_dir;
    QString m_caFile; // the server's certificate, for clients to pin

private Q_SLOTS:
    void initTestCase()
    {
        if (!QSslSocket::supportsSsl())
            QSKIP("Qt has no TLS backend here");
        m_registry = std::make_unique<ProviderRegistry>();
        m_widgets = std::make_shared<WidgetProvider>();
        QVERIFY(m_registry->addProvider(m_widgets));
        UserStore users;
        users.addUser(QStringLiteral("admin"), UserStore::hashPassword(QStringLiteral("pw"), 1000));
        m_server = std::make_unique<WsmanServer>(m_registry.get(), users);
        auto id =
            makeSelfSignedCertificate(QStringLiteral("localhost"), {QStringLiteral("localhost")},
                                      {QHostAddress(QHostAddress::LocalHost)});
        QVERIFY(id.ok());
        QVERIFY(m_dir.isValid());
        m_caFile = m_dir.filePath(QStringLiteral("server.pem"));
        QFile ca(m_caFile);
        QVERIFY(ca.open(QIODevice::WriteOnly));
        ca.write(id->certificate.toPem());
        ca.close();
        WsmanServerOptions o;
        o.tls = id.value();
        QVERIFY(m_server->listen(o).ok());
    }

    void cleanupTestCase()
    {
        m_server.reset();
        m_registry.reset();
    }

    void pywinrm()
    {
        if (!pywinrmInstalled())
            QSKIP("python3-winrm is not installed (apt-get install python3-winrm)");
        QProcess py;
        QVERIFY(run(py, kPython,
                    {kScript, m_server->url().toString(), QStringLiteral("admin"),
                     QStringLiteral("pw"), m_caFile}));
        const QByteArray err = py.readAllStandardError();
        QVERIFY2(py.exitCode() == 0, err.constData());
        QHash<QByteArray, QByteArray> answers;
        for (const QByteArray &line : py.readAllStandardOutput().split('\n')) {
            const qsizetype space = line.indexOf(' ');
            if (space > 0)
                answers.insert(line.left(space), QByteArray::fromBase64(line.mid(space + 1)));
        }

        ReadResult r = readMessage(answers.value("IDENTIFY"), nullptr);
        QVERIFY2(r.ok() && r.message.operation == Operation::Identify,
                 answers.value("IDENTIFY-FAULT").constData());
        QCOMPARE(r.message.identify.productVendor, QStringLiteral("ReplicaDesk"));

        r = readMessage(answers.value("ENUMERATE"), nullptr);
        QVERIFY2(r.ok() && r.message.operation == Operation::Enumerate,
                 answers.value("ENUMERATE-FAULT").constData());
        QVERIFY(r.message.enumeration.endOfSequence);
        QCOMPARE(r.message.enumeration.items.size(), 2);
        QCOMPARE(*r.message.enumeration.items[1].path, WidgetProvider::widget(QStringLiteral("b")));

        r = readMessage(answers.value("GET"), nullptr);
        QVERIFY2(r.ok() && r.message.operation == Operation::Get,
                 answers.value("GET-FAULT").constData());
        QCOMPARE(r.message.instance.property(u"Id"), Value::string(QStringLiteral("b")));

        r = readMessage(answers.value("INVOKE"), nullptr);
        QVERIFY2(r.ok() && r.message.operation == Operation::Invoke,
                 answers.value("INVOKE-FAULT").constData());
        QCOMPARE(r.message.invoke.returnValue, 0u);
        QCOMPARE(r.message.invoke.parameters.value(u"Result"),
                 Value::string(QStringLiteral("frobbed 5")));
        QCOMPARE(m_widgets->lastCall.in.value(u"Names"),
                 Value::array(CimType::String, {Value::string(QStringLiteral("x")),
                                                Value::string(QStringLiteral("y"))}));

        // pywinrm reads our fault as WinRM's: subcode, f:WSManFault Code and the reason.
        const QByteArray fault = answers.value("MISSING-FAULT");
        QVERIFY2(fault.contains("'fault_subcode': 'wsa:DestinationUnreachable'"),
                 fault.constData());
        const QByteArray code =
            QByteArray::number(Fault::make(FaultKind::DestinationUnreachable, {}).code);
        QVERIFY(fault.contains(QByteArray("'wsmanfault_code': '" + code + "'")));
        QVERIFY(fault.contains("'http_status_code': 500"));
        QVERIFY(fault.contains("zz"));
    }

    void wsl()
    {
        const QString wslenum = QStandardPaths::findExecutable(QStringLiteral("wslenum"));
        if (wslenum.isEmpty())
            QSKIP("wsl is not installed (apt-get install wsl uuid-runtime)");
        if (QStandardPaths::findExecutable(QStringLiteral("uuidgen")).isEmpty())
            QSKIP("wsl needs uuidgen, which Debian's wsl package does not pull in (apt-get install "
                  "uuid-runtime)");
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("WSENDPOINT"),
                   QStringLiteral("127.0.0.1:%1").arg(m_server->port()));
        env.insert(QStringLiteral("WSUSER"), QStringLiteral("admin"));
        env.insert(QStringLiteral("WSPASS"), QStringLiteral("pw"));
        env.insert(QStringLiteral("WSAUTOMATED"), QStringLiteral("1"));
        env.insert(QStringLiteral("WSDONTASK"), QStringLiteral("y"));
        env.insert(QStringLiteral("OUTPREFIX"), dir.path());
        env.insert(QStringLiteral("OUTLEVEL"), QStringLiteral("1"));
        // wsl keeps ~/.wsl-config; on the very first run it only writes that file, prints its
        // usage and exits 1. A home of its own keeps the user's untouched and makes every run
        // a first run, so prime it once before the calls that count.
        env.insert(QStringLiteral("HOME"), dir.path());
        const QString ns = ProviderRegistry::defaultNameSpace();
        auto wslRun = [&](const QString &tool, const QStringList &args) -> ReadResult {
            QProcess p;
            p.setProcessEnvironment(env);
            p.setWorkingDirectory(dir.path());
            QFile::remove(dir.filePath(QStringLiteral("response.xml"))); // no stale answer
            if (!run(p, QStandardPaths::findExecutable(tool), args))
                return {};
            QFile response(dir.filePath(QStringLiteral("response.xml")));
            if (!response.open(QIODevice::ReadOnly))
                return {};
            return readMessage(response.readAll(), nullptr);
        };

        (void)wslRun(QStringLiteral("wslid"), {QStringLiteral("check")});
        QVERIFY(QFile::exists(dir.filePath(QStringLiteral(".wsl-config"))));

        ReadResult r = wslRun(QStringLiteral("wslid"), {QStringLiteral("check")});
        QVERIFY(r.ok());
        QCOMPARE(r.message.operation, Operation::Identify);
        QCOMPARE(r.message.identify.productVendor, QStringLiteral("ReplicaDesk"));

        r = wslRun(QStringLiteral("wslenum"), {QStringLiteral("CIM_Widget"), QStringLiteral("-ns"),
                                               ns, QStringLiteral("-opti"), QStringLiteral("10")});
        QVERIFY(r.ok());
        QCOMPARE(r.message.operation, Operation::Enumerate);
        QCOMPARE(r.message.enumeration.items.size(), 2);
        QCOMPARE(r.message.enumeration.items[0].instance->property(u"Id"),
                 Value::string(QStringLiteral("a")));

        r = wslRun(QStringLiteral("wslget"), {QStringLiteral("CIM_Widget"), QStringLiteral("Id=b"),
                                              QStringLiteral("__cimnamespace=") + ns});
        QVERIFY(r.ok());
        QCOMPARE(r.message.operation, Operation::Get);
        QCOMPARE(r.message.instance.property(u"Id"), Value::string(QStringLiteral("b")));

        // wsl enumerates the class for its EPR, copies the selector set and invokes. (A class
        // not named CIM_* needs its whole URI: wsl would take it for one of Dell's.)
        r = wslRun(QStringLiteral("wslinvoke"),
                   {ResourceUri::make(UriStyle::Microsoft, ns, QStringLiteral("TEST_Service")),
                    QStringLiteral("Frobnicate"), QStringLiteral("Count=9"), QStringLiteral("-ns"),
                    ns});
        QVERIFY(r.ok());
        QVERIFY2(r.message.operation == Operation::Invoke, qPrintable(r.message.fault.reason));
        QCOMPARE(r.message.invoke.returnValue, 0u);
        QCOMPARE(r.message.invoke.parameters.value(u"Result"),
                 Value::string(QStringLiteral("frobbed 9")));
        QCOMPARE(m_widgets->lastCall.target, WidgetProvider::service());
    }
};

QTEST_GUILESS_MAIN(TstWsmanExternal)
#include "tst_wsmanexternal.moc"
