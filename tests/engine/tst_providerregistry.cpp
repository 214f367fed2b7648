#include "testprovider.h"

#include <QTest>

using namespace rd;
using namespace rd::engine;
using cim::CimType;
using cim::Value;
using rd::test::WidgetProvider;

class TestProviderRegistry : public QObject
{
    Q_OBJECT

private:
    ProviderRegistry registry;
    std::shared_ptr<WidgetProvider> provider = std::make_shared<WidgetProvider>();

    cim::MethodResult call(const cim::Parameters &in,
                           const QString &method = QStringLiteral("Frobnicate"),
                           cim::ObjectPath target = WidgetProvider::service())
    {
        auto f = registry.invokeMethod({target, method, in});
        f.waitForFinished();
        return f.result();
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(registry.addProvider(provider)); }

    void overlappingClassesAreRefused()
    {
        QVERIFY(!registry.addProvider(std::make_shared<WidgetProvider>()));
        QCOMPARE(registry.classes().size(), 3);
    }

    void aliasesReachTheCanonicalClass()
    {
        QCOMPARE(registry.canonicalClassName(u"cim_widget"), QStringLiteral("TEST_Widget"));
        auto all = registry.enumerateInstances(QStringLiteral("CIM_Widget"));
        QVERIFY(all.ok());
        QCOMPARE(all->size(), 2);
        QCOMPARE(all->first().className(), QStringLiteral("TEST_Widget"));

        cim::ObjectPath viaAlias(QStringLiteral("root\\cimv2\\storage\\iscsitarget"),
                                 QStringLiteral("CIM_Widget"),
                                 {{QStringLiteral("Id"), Value::string(QStringLiteral("b"))}});
        auto one = registry.getInstance(viaAlias);
        QVERIFY2(one.ok(), qPrintable(one.error().message));
        QCOMPARE(one->property(u"Id").toString(), QStringLiteral("b"));
    }

    void unknownClassAndNamespaceAreErrors()
    {
        auto none = registry.enumerateInstances(QStringLiteral("CIM_Nothing"));
        QVERIFY(!none.ok());
        QCOMPARE(none.error().code, quint32(cim::ReturnCode::InvalidParameter));
        QVERIFY(none.error().message.contains(QStringLiteral("CIM_Nothing")));

        cim::ObjectPath elsewhere(QStringLiteral("root/other"), QStringLiteral("TEST_Widget"),
                                  {{QStringLiteral("Id"), Value::string(QStringLiteral("a"))}});
        QVERIFY(!registry.getInstance(elsewhere).ok());
        auto missing = registry.getInstance(WidgetProvider::widget(QStringLiteral("zzz")));
        QVERIFY(!missing.ok());
    }

    void associationsAreTraversedBothWays()
    {
        auto fromA = registry.associators(WidgetProvider::widget(QStringLiteral("a")), {});
        QVERIFY(fromA.ok());
        QCOMPARE(fromA->size(), 1);
        QCOMPARE(fromA->first().property(u"Id").toString(), QStringLiteral("b"));

        auto fromB = registry.associators(WidgetProvider::widget(QStringLiteral("b")), {});
        QCOMPARE(fromB->size(), 1);
        QCOMPARE(fromB->first().property(u"Id").toString(), QStringLiteral("a"));

        AssociationFilter asDependent;
        asDependent.role = QStringLiteral("Dependent");
        QCOMPARE(
            registry.associators(WidgetProvider::widget(QStringLiteral("a")), asDependent)->size(),
            0);
        QCOMPARE(
            registry.references(WidgetProvider::widget(QStringLiteral("b")), asDependent)->size(),
            1);

        AssociationFilter wrongResult;
        wrongResult.resultClass = QStringLiteral("TEST_Service");
        QCOMPARE(
            registry.associators(WidgetProvider::widget(QStringLiteral("a")), wrongResult)->size(),
            0);
        AssociationFilter unknownAssoc;
        unknownAssoc.assocClass = QStringLiteral("TEST_Nope");
        QVERIFY(
            !registry.references(WidgetProvider::widget(QStringLiteral("a")), unknownAssoc).ok());
    }

    void wellFormedCallsReachTheProvider()
    {
        const int before = provider->invocations;
        cim::Parameters in;
        in.set(QStringLiteral("count"), Value::uint16(7)); // names are case-insensitive
        in.set(QStringLiteral("Names"),
               Value::array(CimType::String, {Value::string(QStringLiteral("x"))}));
        in.set(QStringLiteral("Target"),
               Value::reference(WidgetProvider::widget(QStringLiteral("a"))));
        const cim::MethodResult r = call(in, QStringLiteral("FROBNICATE"));
        QCOMPARE(r.returnValue, 0u);
        QCOMPARE(r.out.value(u"Result").toString(), QStringLiteral("frobbed 7"));
        QCOMPARE(provider->invocations, before + 1);
        QCOMPARE(provider->lastCall.method, QStringLiteral("Frobnicate"));
    }

    void callsThatDoNotFitTheSignatureGetInvalidParameter_data()
    {
        QTest::addColumn<cim::Parameters>("in");
        QTest::addColumn<QString>("named");

        cim::Parameters missing;
        QTest::newRow("required missing") << missing << QStringLiteral("Count");

        cim::Parameters nullRequired;
        nullRequired.set(QStringLiteral("Count"), Value::null(CimType::UInt16));
        QTest::newRow("required NULL") << nullRequired << QStringLiteral("Count");

        cim::Parameters wrongType;
        wrongType.set(QStringLiteral("Count"), Value::uint32(7));
        QTest::newRow("wrong width") << wrongType << QStringLiteral("Count");

        cim::Parameters stringForInt;
        stringForInt.set(QStringLiteral("Count"), Value::string(QStringLiteral("7")));
        QTest::newRow("string for integer") << stringForInt << QStringLiteral("Count");

        cim::Parameters scalarForArray;
        scalarForArray.set(QStringLiteral("Count"), Value::uint16(1));
        scalarForArray.set(QStringLiteral("Names"), Value::string(QStringLiteral("x")));
        QTest::newRow("scalar for array") << scalarForArray << QStringLiteral("Names");

        cim::Parameters arrayForScalar;
        arrayForScalar.set(QStringLiteral("Count"),
                           Value::array(CimType::UInt16, {Value::uint16(1)}));
        QTest::newRow("array for scalar") << arrayForScalar << QStringLiteral("Count");

        cim::Parameters unknown;
        unknown.set(QStringLiteral("Count"), Value::uint16(1));
        unknown.set(QStringLiteral("Colour"), Value::string(QStringLiteral("red")));
        QTest::newRow("undeclared") << unknown << QStringLiteral("Colour");

        cim::Parameters outGiven;
        outGiven.set(QStringLiteral("Count"), Value::uint16(1));
        outGiven.set(QStringLiteral("Result"), Value::string(QStringLiteral("x")));
        QTest::newRow("output given") << outGiven << QStringLiteral("Result");
    }

    void callsThatDoNotFitTheSignatureGetInvalidParameter()
    {
        QFETCH(cim::Parameters, in);
        QFETCH(QString, named);
        const int before = provider->invocations;
        const cim::MethodResult r = call(in);
        QCOMPARE(r.returnValue, quint32(cim::ReturnCode::InvalidParameter));
        QVERIFY2(r.message.contains(named), qPrintable(r.message));
        QCOMPARE(provider->invocations, before); // the provider never saw it
    }

    void unknownMethodIsNotSupported()
    {
        cim::Parameters in;
        const cim::MethodResult r = call(in, QStringLiteral("Explode"));
        QCOMPARE(r.returnValue, quint32(cim::ReturnCode::NotSupported));
        QVERIFY(r.message.contains(QStringLiteral("Explode")));
    }
};

QTEST_GUILESS_MAIN(TestProviderRegistry)
#include "tst_providerregistry.moc"
