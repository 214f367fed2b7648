// WsmanTransport against the real server on loopback (every CimClient operation gives what the
// local engine gives; paging; both URI forms; TLS trust on first use), and against canned
// WinRM-shaped answers served by a tiny loopback responder (Identify, an enumeration of
// MSISCSITARGET_StorageVolume, an Invoke answered 4096 with a Job EPR, faults with f:WSManFault).

#include "testsupport.h"

#include "../engine/testprovider.h"
#include "wsmantestsupport.h"

#include "wsman/httpserver.h"
#include "wsman/selfsignedcertificate.h"
#include "wsman/wsmannames.h"
#include "wsman/wsmanserver.h"
#include "wsman/wsmantransport.h"

#include <QSignalSpy>
#include <QSslSocket>
#include <QTest>

using namespace rd;
using namespace rd::wsman;
using namespace rd::test;

namespace {

const QString kNs = QStringLiteral("root/cimv2/storage/iscsitarget");
const QString kMsPrefix =
    QStringLiteral("http://schemas.microsoft.com/wbem/wsman/1/wmi/root/cimv2/storage/iscsitarget/");

// ---- Canned WinRM answers, shaped after MS-WSMV's examples -----------------------------------

QByteArray winrmEnvelope(const QString &action, const QString &relatesTo, const QByteArray &body)
{
    return QStringLiteral(
               "<s:Envelope xml:lang=\"en-US\" xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\" "
               "xmlns:a=\"http://schemas.xmlsoap.org/ws/2004/08/addressing\" "
               "xmlns:n=\"http://schemas.xmlsoap.org/ws/2004/09/enumeration\" "
               "xmlns:w=\"http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd\" "
               "xmlns:p=\"http://schemas.microsoft.com/wbem/wsman/1/wsman.xsd\">"
               "<s:Header><a:To>http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous</"
               "a:To>"
               "<a:Action>%1</a:Action><a:MessageID>uuid:7A1C8E9B-0000-4000-8000-00000000AA01</"
               "a:MessageID>"
               "<a:RelatesTo>%2</a:RelatesTo></s:Header><s:Body>")
               .arg(action, relatesTo)
               .toUtf8() +
           body + "</s:Body></s:Envelope>";
}

QByteArray winrmVolume(const QString &id, const QString &size)
{
    const QString uri = kMsPrefix + QStringLiteral("MSISCSITARGET_StorageVolume");
    return QStringLiteral(
               "<w:Item><p:MSISCSITARGET_StorageVolume xmlns:p=\"%1\" "
               "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
               "xmlns:cim=\"http://schemas.dmtf.org/wbem/wscim/1/common\" "
               "xsi:type=\"p:MSISCSITARGET_StorageVolume_Type\" xml:lang=\"en-US\">"
               "<p:BlockSize>512</p:BlockSize><p:Caption xsi:nil=\"true\"/>"
               "<p:CreationClassName>MSISCSITARGET_StorageVolume</p:CreationClassName>"
               "<p:DeviceID>%2</p:DeviceID><p:ElementName>Volume %2</p:ElementName>"
               "<p:NumberOfBlocks>%3</p:NumberOfBlocks>"
               "<p:OperationalStatus>2</p:OperationalStatus>"
               "<p:SystemName>WIN-TARGET</p:SystemName></p:MSISCSITARGET_StorageVolume>"
               "<a:EndpointReference><a:Address>http://schemas.xmlsoap.org/ws/2004/08/addressing/"
               "role/anonymous"
               "</a:Address><a:ReferenceParameters><w:ResourceURI>%1</w:ResourceURI><w:SelectorSet>"
               "<w:Selector Name=\"CreationClassName\">MSISCSITARGET_StorageVolume</w:Selector>"
               "<w:Selector Name=\"DeviceID\">%2</w:Selector>"
               "<w:Selector "
               "Name=\"SystemCreationClassName\">MSISCSITARGET_ComputerSystem</w:Selector>"
               "<w:Selector "
               "Name=\"SystemName\">WIN-TARGET</w:Selector></w:SelectorSet></a:ReferenceParameters>"
               "</a:EndpointReference></w:Item>")
        .arg(uri, id, size)
        .toUtf8();
}

QByteArray winrmFault(const QString &relatesTo, const QByteArray &code, const QByteArray &subcode,
                      const QByteArray &detail, const QByteArray &message, quint32 wsmanCode)
{
    return winrmEnvelope(
        QStringLiteral("http://schemas.dmtf.org/wbem/wsman/1/wsman/fault"), relatesTo,
        "<s:Fault><s:Code><s:Value>" + code + "</s:Value><s:Subcode><s:Value>" + subcode +
            "</s:Value></s:Subcode></s:Code><s:Reason><s:Text xml:lang=\"en-US\">" + message +
            " </s:Text></s:Reason><s:Detail>" +
            (detail.isEmpty() ? QByteArray() : "<w:FaultDetail>" + detail + "</w:FaultDetail>") +
            "<f:WSManFault xmlns:f=\"http://schemas.microsoft.com/wbem/wsman/1/wsmanfault\" "
            "Code=\"" +
            QByteArray::number(wsmanCode) + "\" Machine=\"WIN-TARGET\"><f:Message>" + message +
            " </f:Message></f:WSManFault></s:Detail></s:Fault>");
}

// Plays a WinRM server: answers each request from what it asks for.
class WinRmResponder
{
public:
    WinRmResponder()
        : m_http([this](const HttpRequest &request, HttpResponder responder) {
            answer(request, responder);
        })
    {
        auto ok = m_http.listen(QHostAddress(QHostAddress::LocalHost), 0);
        Q_ASSERT(ok.ok());
    }

    QUrl url() const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1/wsman").arg(m_http.serverPort()));
    }

    QList<Message> requests;
    QList<QByteArray> authorizations;

private:
    void answer(const HttpRequest &request, HttpResponder responder)
    {
        authorizations.append(request.header("authorization"));
        ReadResult r = readMessage(request.body, nullptr);
        HttpResponse out;
        out.headers.emplaceBack("Content-Type", "application/soap+xml;charset=UTF-8");
        if (!r.ok()) {
            out.status = 400;
            responder.respond(out);
            return;
        }
        requests.append(r.message);
        const Message &m = r.message;
        const QString id = m.header.messageId;
        const QString cls = m.header.resourceUri.section(u'/', -1);
        switch (m.operation) {
        case Operation::Identify:
            out.body =
                "<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\" "
                "xmlns:wsmid=\"http://schemas.dmtf.org/wbem/wsman/identity/1/wsmanidentity.xsd\">"
                "<s:Header/><s:Body><wsmid:IdentifyResponse>"
                "<wsmid:ProtocolVersion>http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd</"
                "wsmid:ProtocolVersion>"
                "<wsmid:ProductVendor>Microsoft Corporation</wsmid:ProductVendor>"
                "<wsmid:ProductVersion>OS: 10.0.20348 SP: 0.0 Stack: 3.0</wsmid:ProductVersion>"
                "</wsmid:IdentifyResponse></s:Body></s:Envelope>";
            break;
        case Operation::Enumerate:
            out.body = winrmEnvelope(
                action::enumerateResponse(), id,
                "<n:EnumerateResponse><n:EnumerationContext>uuid:CTX-1</n:EnumerationContext>"
                "<w:Items>" +
                    winrmVolume(QStringLiteral("{A1}"), QStringLiteral("2097152")) +
                    "</w:Items></n:EnumerateResponse>");
            break;
        case Operation::Pull:
            out.body =
                winrmEnvelope(action::pullResponse(), id,
                              "<n:PullResponse><n:Items>" +
                                  winrmVolume(QStringLiteral("{B2}"), QStringLiteral("4194304")) +
                                  "</n:Items><n:EndOfSequence/></n:PullResponse>");
            break;
        case Operation::Invoke:
            if (m.invoke.method == u"CreateListReplica") {
                const QString service =
                    kMsPrefix + QStringLiteral("MSISCSITARGET_ReplicationService");
                out.body = winrmEnvelope(
                    service + QStringLiteral("/CreateListReplicaResponse"), id,
                    QStringLiteral(
                        "<p:CreateListReplica_OUTPUT xmlns:p=\"%1\"><p:Job>"
                        "<a:Address>http://schemas.xmlsoap.org/ws/2004/08/addressing/role/"
                        "anonymous</a:Address>"
                        "<a:ReferenceParameters><w:ResourceURI>%2MSISCSITARGET_ConcreteJob</"
                        "w:ResourceURI>"
                        "<w:SelectorSet><w:Selector Name=\"InstanceID\">{5E0C-JOB}</w:Selector>"
                        "</w:SelectorSet></a:ReferenceParameters></p:Job>"
                        "<p:ReturnValue>4096</p:ReturnValue></p:CreateListReplica_OUTPUT>")
                        .arg(service, kMsPrefix)
                        .toUtf8());
            } else if (m.invoke.method == u"CreateOrModifyElementFromStoragePool") {
                // A refusal as Windows gives it: the code alone.
                const QString service =
                    kMsPrefix + QStringLiteral("MSISCSITARGET_StorageConfigurationService");
                out.body = winrmEnvelope(
                    service + QStringLiteral("/CreateOrModifyElementFromStoragePoolResponse"), id,
                    QStringLiteral("<p:CreateOrModifyElementFromStoragePool_OUTPUT xmlns:p=\"%1\">"
                                   "<p:ReturnValue>5</p:ReturnValue>"
                                   "</p:CreateOrModifyElementFromStoragePool_OUTPUT>")
                        .arg(service)
                        .toUtf8());
            } else {
                out.status = 500;
                out.body =
                    winrmFault(id, "s:Sender", "w:InvalidParameter", {},
                               "The WS-Management service cannot process the request because the "
                               "parameter is not valid",
                               2150858854u);
            }
            break;
        case Operation::Get:
            out.status = 500;
            out.body = winrmFault(
                id, "s:Sender", "w:InvalidSelectors",
                "http://schemas.dmtf.org/wbem/wsman/1/wsman/faultDetail/UnexpectedSelectors",
                "The WS-Management service cannot process the request because the request "
                "contained invalid selectors for the resource",
                2150858843u);
            break;
        case Operation::Delete:
            out.status = 500;
            out.body = winrmFault(id, "s:Sender", "a:ActionNotSupported", {},
                                  "The action is not supported by the service", 2150858754u);
            break;
        default:
            out.status = 500;
            out.body = winrmFault(id, "s:Receiver", "w:InternalError", {}, "Unexpected", 1359);
            break;
        }
        Q_UNUSED(cls)
        responder.respond(out);
    }

    HttpServer m_http;
};

} // namespace

class TstWsmanClient : public QObject
{
    Q_OBJECT

    std::unique_ptr<ProviderRegistry> m_registry;
    std::shared_ptr<WidgetProvider> m_widgets;
    std::shared_ptr<BulkProvider> m_items;
    std::unique_ptr<WsmanServer> m_server;
    std::unique_ptr<WsmanTransport> m_client;

    void startServer(const WsmanServerOptions &options = {})
    {
        UserStore users;
        users.addUser(QStringLiteral("admin"), UserStore::hashPassword(QStringLiteral("pw"), 1000));
        m_server = std::make_unique<WsmanServer>(m_registry.get(), users);
        auto ok = m_server->listen(options);
        QVERIFY2(ok.ok(), qPrintable(ok.error().message));
        m_client = std::make_unique<WsmanTransport>(m_server->url());
        m_client->setCredentials(QStringLiteral("admin"), QStringLiteral("pw"));
        m_client->setMaxElements(500);
    }

private Q_SLOTS:
    void init()
    {
        m_registry = std::make_unique<ProviderRegistry>();
        m_widgets = std::make_shared<WidgetProvider>();
        m_items = std::make_shared<BulkProvider>(10000);
        QVERIFY(m_registry->addProvider(m_widgets));
        QVERIFY(m_registry->addProvider(m_items));
        startServer();
    }

    void cleanup()
    {
        m_client.reset();
        m_server.reset();
        m_registry.reset();
    }

    void identify()
    {
        QVERIFY(!m_client->isLocal());
        QCOMPARE(m_client->displayName(), QStringLiteral("127.0.0.1:%1").arg(m_server->port()));
        auto r = await(m_client->identify());
        QVERIFY(r && r->ok());
        QCOMPARE((*r)->productVendor, QStringLiteral("ReplicaDesk"));
        QVERIFY(!(*r)->productVersion.isEmpty());
        r = await(m_client->identify(false));
        QVERIFY(r && r->ok());
        QVERIFY((*r)->productVersion.isEmpty());
    }

    void sameAnswersAsTheLocalEngine_data()
    {
        QTest::addColumn<int>("style");
        QTest::newRow("microsoft uris") << int(UriStyle::Microsoft);
        QTest::newRow("dmtf uris") << int(UriStyle::Dmtf);
    }

    void sameAnswersAsTheLocalEngine()
    {
        QFETCH(int, style);
        m_client->setUriStyle(UriStyle(style));

        auto widgets = await(m_client->enumerateInstances(QStringLiteral("CIM_Widget")));
        QVERIFY(widgets && widgets->ok());
        QCOMPARE(widgets->value(),
                 m_registry->enumerateInstances(QStringLiteral("CIM_Widget")).value());

        const cim::ObjectPath a(kNs, QStringLiteral("CIM_Widget"),
                                {{QStringLiteral("Id"), Value::string(QStringLiteral("a"))}});
        auto got = await(m_client->getInstance(a));
        QVERIFY(got && got->ok());
        QCOMPARE(got->value(), m_registry->getInstance(a).value());

        auto assoc = await(m_client->associators(WidgetProvider::widget(QStringLiteral("a")), {}));
        QVERIFY2(assoc && assoc->ok(), assoc ? qPrintable(assoc->error().message) : "");
        QCOMPARE(assoc->value(),
                 m_registry->associators(WidgetProvider::widget(QStringLiteral("a")), {}).value());
        QCOMPARE(assoc->value().size(), 1);

        AssociationFilter f;
        f.assocClass = QStringLiteral("TEST_WidgetLink");
        f.role = QStringLiteral("Dependent");
        auto refs = await(m_client->references(WidgetProvider::widget(QStringLiteral("b")), f));
        QVERIFY(refs && refs->ok());
        QCOMPARE(refs->value(),
                 m_registry->references(WidgetProvider::widget(QStringLiteral("b")), f).value());
        QCOMPARE(refs->value().size(), 1);

        // Methods: success, and each kind of bad call, with the local engine's codes and words.
        QList<cim::MethodCall> calls;
        cim::MethodCall call;
        call.target = WidgetProvider::service();
        call.method = QStringLiteral("Frobnicate");
        call.in.set(QStringLiteral("Count"), Value::uint16(4));
        call.in.set(QStringLiteral("Target"),
                    Value::reference(WidgetProvider::widget(QStringLiteral("b"))));
        calls << call;
        cim::MethodCall wrongType = call;
        wrongType.in.set(QStringLiteral("Count"), Value::string(QStringLiteral("four")));
        calls << wrongType;
        cim::MethodCall missing = call;
        missing.in = {};
        calls << missing;
        cim::MethodCall unknownParameter = call;
        unknownParameter.in.set(QStringLiteral("Colour"), Value::string(QStringLiteral("red")));
        calls << unknownParameter;
        for (const cim::MethodCall &c : std::as_const(calls)) {
            auto remote = await(m_client->invokeMethod(c));
            QVERIFY(remote);
            auto local = await(m_registry->invokeMethod(c));
            QVERIFY(local);
            QCOMPARE(remote->returnValue, local->returnValue);
            QCOMPARE(remote->out, local->out);
            QCOMPARE(remote->message, local->message);
        }
        QCOMPARE(m_widgets->lastCall.in.value(u"Target"),
                 Value::reference(WidgetProvider::widget(QStringLiteral("b"))));
    }

    void refusalsNameTheirParameter()
    {
        // The parameter a refusal is about comes across beside the message, as the local engine
        // names it.
        cim::MethodCall call;
        call.target = WidgetProvider::service();
        call.method = QStringLiteral("Frobnicate");
        call.in.set(QStringLiteral("Count"), Value::uint16(4));
        const QList<std::pair<QString, Value>> bad = {
            {QStringLiteral("Count"), Value::string(QStringLiteral("four"))},
            {QStringLiteral("Count"), Value::null(CimType::UInt16)},
            {QStringLiteral("Colour"), Value::string(QStringLiteral("red"))},
        };
        for (const auto &[name, value] : bad) {
            cim::MethodCall c = call;
            c.in.set(name, value);
            auto remote = await(m_client->invokeMethod(c));
            QVERIFY(remote);
            QCOMPARE(remote->returnValue, quint32(cim::ReturnCode::InvalidParameter));
            QCOMPARE(remote->parameter, name);
            QCOMPARE(remote->parameter, await(m_registry->invokeMethod(c))->parameter);
        }
        auto accepted = await(m_client->invokeMethod(call));
        QVERIFY(accepted);
        QCOMPARE(accepted->returnValue, 0u);
        QVERIFY(accepted->parameter.isEmpty());
    }

    void winrmRefusalWithoutParameter()
    {
        // A Windows answer carries no parameter: it parses, with the code and a message.
        WinRmResponder winrm;
        WsmanTransport client(winrm.url());
        cim::MethodCall call;
        call.target = cim::ObjectPath(
            kNs, QStringLiteral("MSISCSITARGET_StorageConfigurationService"),
            {{QStringLiteral("Name"), Value::string(QStringLiteral("StorageConfiguration"))}});
        call.method = QStringLiteral("CreateOrModifyElementFromStoragePool");
        call.in.set(QStringLiteral("ElementType"), Value::uint16(2));
        auto r = await(client.invokeMethod(call));
        QVERIFY(r);
        QCOMPARE(r->returnValue, quint32(cim::ReturnCode::InvalidParameter));
        QVERIFY(!r->message.isEmpty());
        QVERIFY(r->parameter.isEmpty());
    }

    void enumerationPagesTo10000()
    {
        QElapsedTimer t;
        t.start();
        auto all = await(m_client->enumerateInstances(QStringLiteral("TEST_Item")), 120000);
        QVERIFY(all && all->ok());
        qInfo("enumerated 10000 instances in %lld ms", t.elapsed());
        QCOMPARE(all->value().size(), 10000);
        QCOMPARE(all->value(), m_registry->enumerateInstances(QStringLiteral("TEST_Item")).value());
        QCOMPARE(m_server->openEnumerationContexts(), 0);
    }

    void modifyAndDelete()
    {
        cim::Instance changed(QStringLiteral("TEST_Item"));
        changed.setPath(BulkProvider::item(9));
        changed.setProperty(QStringLiteral("Name"), Value::string(QStringLiteral("nine")));
        changed.setProperty(QStringLiteral("Size"), Value::uint64(1)); // not in the list: not sent
        auto ok = await(m_client->modifyInstance(changed, {QStringLiteral("Name")}));
        QVERIFY(ok);
        QVERIFY2(ok->ok(), qPrintable(ok->error().message));
        QCOMPARE(m_items->getInstance(BulkProvider::item(9))->property(u"Name"),
                 Value::string(QStringLiteral("nine")));
        QCOMPARE(m_items->getInstance(BulkProvider::item(9))->property(u"Size"),
                 Value::uint64(9 * 4096));

        // Errors keep the local engine's codes and text.
        auto refused = await(m_client->modifyInstance(changed, {}));
        QVERIFY(refused && !refused->ok());
        const auto localRefused =
            m_registry->modifyInstance(changed, {QStringLiteral("Name"), QStringLiteral("Size")});
        QCOMPARE(refused->error().code, localRefused.error().code);
        QCOMPARE(refused->error().message, localRefused.error().message);

        cim::Instance widget(QStringLiteral("TEST_Widget"));
        widget.setPath(WidgetProvider::widget(QStringLiteral("a")));
        auto unsupported = await(m_client->modifyInstance(widget, {}));
        QVERIFY(unsupported && !unsupported->ok());
        QCOMPARE(unsupported->error().code, quint32(cim::ReturnCode::NotSupported));
        QCOMPARE(unsupported->error().message,
                 m_registry->modifyInstance(widget, {}).error().message);

        auto deleted = await(m_client->deleteInstance(BulkProvider::item(9)));
        QVERIFY(deleted && deleted->ok());
        auto again = await(m_client->deleteInstance(BulkProvider::item(9)));
        QVERIFY(again && !again->ok());
        QCOMPARE(again->error().code, quint32(cim::ReturnCode::InvalidParameter));
        auto gone = await(m_client->getInstance(BulkProvider::item(9)));
        QVERIFY(gone && !gone->ok());
        QCOMPARE(gone->error().message,
                 m_registry->getInstance(BulkProvider::item(9)).error().message);
    }

    void faultsBecomeErrors()
    {
        auto r = await(m_client->enumerateInstances(QStringLiteral("TEST_Nothing")));
        QVERIFY(r && !r->ok());
        QCOMPARE(r->error().code, quint32(cim::ReturnCode::InvalidParameter));
        QVERIFY(r->error().message.contains(QStringLiteral("TEST_Nothing")));

        cim::MethodCall call;
        call.target = WidgetProvider::service();
        call.method = QStringLiteral("Explode");
        auto m = await(m_client->invokeMethod(call));
        QVERIFY(m);
        QCOMPARE(m->returnValue, quint32(cim::ReturnCode::NotSupported));
        QCOMPARE(
            m->message,
            m_registry->methodSpec(QStringLiteral("TEST_Service"), u"Explode").error().message);

        WsmanTransport wrong(m_server->url());
        wrong.setCredentials(QStringLiteral("admin"), QStringLiteral("nope"));
        auto denied = await(wrong.enumerateInstances(QStringLiteral("TEST_Widget")));
        QVERIFY(denied && !denied->ok());
        QVERIFY(denied->error().message.contains(QStringLiteral("user name or password")));

        WsmanTransport nobody(QUrl(QStringLiteral("http://127.0.0.1:1/wsman")));
        auto unreachable = await(nobody.identify());
        QVERIFY(unreachable && !unreachable->ok());
        QVERIFY(unreachable->error().message.startsWith(QStringLiteral("Cannot reach")));
    }

    void trustOnFirstUse()
    {
        if (!QSslSocket::supportsSsl())
            QSKIP("Qt has no TLS backend here");
        auto id = makeSelfSignedCertificate(QStringLiteral("replica-test"),
                                            {QStringLiteral("replica-test")}, {});
        QVERIFY(id.ok());
        const QString fingerprint = certificateFingerprint(id->certificate);
        WsmanServerOptions o;
        o.tls = id.value();
        startServer(o);
        QCOMPARE(m_client->endpoint().scheme(), QStringLiteral("https"));

        // Nothing vouches for it: refused, with the fingerprint to show.
        QSignalSpy rejected(m_client.get(), &WsmanTransport::certificateRejected);
        auto r = await(m_client->identify());
        QVERIFY(r && !r->ok());
        QVERIFY2(r->error().message.contains(fingerprint), qPrintable(r->error().message));
        QCOMPARE(rejected.size(), 1);
        QCOMPARE(rejected.front().front().toString(), fingerprint);
        QCOMPARE(m_client->peerFingerprint(), fingerprint);

        // The user accepts it: pinned and used.
        QString asked;
        m_client->setCertificateCheck([&](const QSslCertificate &, const QString &fp) {
            asked = fp;
            return true;
        });
        QSignalSpy trusted(m_client.get(), &WsmanTransport::certificateTrusted);
        r = await(m_client->identify());
        QVERIFY(r && r->ok());
        QCOMPARE(asked, fingerprint);
        QCOMPARE(trusted.size(), 1);
        QVERIFY(m_client->trustedFingerprints().contains(fingerprint));
        auto widgets = await(m_client->enumerateInstances(QStringLiteral("TEST_Widget")));
        QVERIFY(widgets && widgets->ok());

        // A later session with the stored fingerprint needs no question; another one fails.
        WsmanTransport pinned(m_server->url());
        pinned.setCredentials(QStringLiteral("admin"), QStringLiteral("pw"));
        pinned.setTrustedFingerprints({fingerprint});
        r = await(pinned.identify());
        QVERIFY(r && r->ok());
        WsmanTransport other(m_server->url());
        other.setTrustedFingerprints({QString(fingerprint).replace(0, 2, QStringLiteral("00"))});
        other.setCertificateCheck([](const QSslCertificate &, const QString &) { return false; });
        r = await(other.identify());
        QVERIFY(r && !r->ok());
    }

    // ---- WinRM's dialect ------------------------------------------------------------------

    void winrmIdentify()
    {
        WinRmResponder winrm;
        WsmanTransport client(winrm.url());
        client.setCredentials(QStringLiteral("Administrator"), QStringLiteral("P@ss"));
        auto r = await(client.identify());
        QVERIFY(r && r->ok());
        QCOMPARE((*r)->productVendor, QStringLiteral("Microsoft Corporation"));
        QCOMPARE((*r)->productVersion, QStringLiteral("OS: 10.0.20348 SP: 0.0 Stack: 3.0"));
        QCOMPARE(winrm.authorizations.front(),
                 "Basic " + QByteArray("Administrator:P@ss").toBase64());
    }

    void winrmEnumeration()
    {
        WinRmResponder winrm;
        WsmanTransport client(winrm.url());
        client.setCredentials(QStringLiteral("Administrator"), QStringLiteral("P@ss"));
        auto r = await(client.enumerateInstances(QStringLiteral("MSISCSITARGET_StorageVolume")));
        QVERIFY2(r && r->ok(), r ? qPrintable(r->error().message) : "");
        const QList<cim::Instance> volumes = r->value();
        QCOMPARE(volumes.size(), 2);
        QCOMPARE(volumes[0].className(), QStringLiteral("MSISCSITARGET_StorageVolume"));
        // WinRM carries text; values arrive as strings, NULLs as NULLs.
        QCOMPARE(volumes[0].property(u"DeviceID"), Value::string(QStringLiteral("{A1}")));
        QCOMPARE(volumes[1].property(u"NumberOfBlocks"), Value::string(QStringLiteral("4194304")));
        QVERIFY(volumes[0].property(u"Caption").isNull());
        const cim::ObjectPath path = volumes[1].path();
        QCOMPARE(path.nameSpace(), kNs);
        QCOMPARE(path.className(), QStringLiteral("MSISCSITARGET_StorageVolume"));
        QCOMPARE(path.key(u"DeviceID"), Value::string(QStringLiteral("{B2}")));
        QCOMPARE(path.keys().size(), 4);

        // What the client asked: an optimized Enumerate with EPRs, then a Pull of the context.
        QCOMPARE(winrm.requests.size(), 2);
        const Message &e = winrm.requests[0];
        QCOMPARE(e.header.action, action::enumerate());
        QCOMPARE(e.header.resourceUri, kMsPrefix + QStringLiteral("MSISCSITARGET_StorageVolume"));
        QCOMPARE(e.header.replyTo, uri::anonymous());
        QVERIFY(e.header.maxEnvelopeSize.has_value());
        QVERIFY(e.header.operationTimeoutMs.has_value());
        QVERIFY(e.enumerate.optimize);
        QCOMPARE(e.enumerate.mode, EnumerationMode::ObjectsAndReferences);
        QCOMPARE(winrm.requests[1].operation, Operation::Pull);
        QCOMPARE(winrm.requests[1].pull.context, QStringLiteral("uuid:CTX-1"));
    }

    void winrmInvokeStartsAJob()
    {
        WinRmResponder winrm;
        WsmanTransport client(winrm.url());
        cim::MethodCall call;
        call.target = cim::ObjectPath(
            kNs, QStringLiteral("MSISCSITARGET_ReplicationService"),
            {{QStringLiteral("Name"), Value::string(QStringLiteral("ReplicationService"))}});
        call.method = QStringLiteral("CreateListReplica");
        call.in.set(QStringLiteral("SyncType"), Value::uint16(8));
        call.in.set(
            QStringLiteral("SourceElements"),
            Value::array(
                CimType::Reference,
                {Value::reference(cim::ObjectPath(
                    kNs, QStringLiteral("MSISCSITARGET_StorageVolume"),
                    {{QStringLiteral("DeviceID"), Value::string(QStringLiteral("{A1}"))}}))}));
        auto r = await(client.invokeMethod(call));
        QVERIFY(r);
        QCOMPARE(r->returnValue, quint32(cim::ReturnCode::JobStarted));
        QVERIFY(r->message.isEmpty());
        const Value job = r->out.value(u"Job");
        QCOMPARE(job.type(), CimType::Reference);
        QCOMPARE(job.toReference().className(), QStringLiteral("MSISCSITARGET_ConcreteJob"));
        QCOMPARE(job.toReference().nameSpace(), kNs);
        QCOMPARE(job.toReference().key(u"InstanceID"), Value::string(QStringLiteral("{5E0C-JOB}")));

        const Message &sent = winrm.requests.front();
        QCOMPARE(sent.header.action,
                 kMsPrefix + QStringLiteral("MSISCSITARGET_ReplicationService/CreateListReplica"));
        QCOMPARE(sent.invoke.method, QStringLiteral("CreateListReplica"));
        QCOMPARE(sent.invoke.parameters.value(u"SourceElements").elements().size(), 1);
        QCOMPARE(sent.header.target()->key(u"Name"),
                 Value::string(QStringLiteral("ReplicationService")));
    }

    void winrmFaults()
    {
        WinRmResponder winrm;
        WsmanTransport client(winrm.url());
        auto got = await(client.getInstance(
            cim::ObjectPath(kNs, QStringLiteral("MSISCSITARGET_ConcreteJob"),
                            {{QStringLiteral("Bogus"), Value::string(QStringLiteral("x"))}})));
        QVERIFY(got && !got->ok());
        QCOMPARE(got->error().code, quint32(cim::ReturnCode::InvalidParameter));
        QVERIFY(got->error().message.startsWith(
            QStringLiteral("The WS-Management service cannot process the request")));
        QVERIFY(got->error().message.contains(QStringLiteral("invalid selectors")));

        auto deleted = await(client.deleteInstance(cim::ObjectPath(
            kNs, QStringLiteral("MSISCSITARGET_StorageVolume"),
            {{QStringLiteral("DeviceID"), Value::string(QStringLiteral("{A1}"))}})));
        QVERIFY(deleted && !deleted->ok());
        QCOMPARE(deleted->error().code, quint32(cim::ReturnCode::NotSupported));

        cim::MethodCall call;
        call.target = cim::ObjectPath(kNs, QStringLiteral("MSISCSITARGET_ReplicationService"));
        call.method = QStringLiteral("ModifyReplicaSynchronization");
        auto m = await(client.invokeMethod(call));
        QVERIFY(m);
        QVERIFY(m->returnValue != 0);
        QVERIFY(m->message.contains(QStringLiteral("parameter is not valid")));
    }
};

QTEST_GUILESS_MAIN(TstWsmanClient)
#include "tst_wsmanclient.moc"
