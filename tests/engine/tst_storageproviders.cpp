// The storage classes through the ProviderRegistry, as a client sees them: pools and volumes
// enumerated, volumes created and returned through StorageConfigurationService with every
// parameter rule, nothing created on error, and the associations that place them.

#include "db/database.h"
#include "engine.h"
#include "provider/computersystemprovider.h"
#include "provider/providerregistry.h"
#include "storage/poolmanager.h"
#include "storage/poolstore.h"
#include "storage/storageconfigurationprovider.h"
#include "storage/storagepoolprovider.h"
#include "storage/storagevolumeprovider.h"

#include <QDir>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace rd;
using namespace rd::engine;
using cim::CimType;
using cim::Value;

namespace {

const QString System = QStringLiteral("testhost");
using ParamList = QList<std::pair<QString, cim::Value>>;

QString ns()
{
    return ProviderRegistry::defaultNameSpace();
}

cim::MethodCall createCall(const QList<std::pair<QString, Value>> &params)
{
    cim::MethodCall call;
    call.target = cim::ObjectPath(ns(), QStringLiteral("CIM_StorageConfigurationService"),
                                  StorageConfigurationProvider::servicePath(System).keys());
    call.method = QStringLiteral("CreateOrModifyElementFromStoragePool");
    for (const auto &[name, value] : params)
        call.in.set(name, value);
    return call;
}

cim::MethodCall returnCall(const Value &element)
{
    cim::MethodCall call;
    call.target = StorageConfigurationProvider::servicePath(System);
    call.method = QStringLiteral("ReturnToStoragePool");
    if (element.isTyped())
        call.in.set(QStringLiteral("TheElement"), element);
    return call;
}

} // namespace

class TestStorageProviders : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_database = Database::open(m_dir->filePath(QStringLiteral("catalog.sqlite"))).value();
        m_catalog = PoolStore::open(m_database.get()).value();
        auto pools = PoolManager::open(m_catalog.get(), poolDir());
        QVERIFY(pools.ok());
        m_pools = std::move(pools).value();
        m_registry = std::make_unique<ProviderRegistry>();
        QVERIFY(m_registry->addProvider(std::make_shared<ComputerSystemProvider>(System)));
        QVERIFY(
            m_registry->addProvider(std::make_shared<StoragePoolProvider>(m_pools.get(), System)));
        QVERIFY(m_registry->addProvider(
            std::make_shared<StorageVolumeProvider>(m_pools.get(), System)));
        QVERIFY(m_registry->addProvider(
            std::make_shared<StorageConfigurationProvider>(m_pools.get(), System)));
    }
    void cleanup()
    {
        m_registry.reset();
        m_pools.reset();
        m_catalog.reset();
        m_database.reset();
    }

    void enumeratesPools()
    {
        auto pools = m_registry->enumerateInstances(QStringLiteral("CIM_StoragePool"));
        QVERIFY(pools.ok());
        QCOMPARE(pools->size(), 1);
        const cim::Instance pool = pools->first();
        QCOMPARE(pool.className(), QStringLiteral("MSISCSITARGET_StoragePool"));
        QCOMPARE(pool.property(u"InstanceID").toString(), m_pools->defaultPoolId());
        QCOMPARE(pool.property(u"PoolID").toString(), m_pools->defaultPoolId());
        QCOMPARE(pool.property(u"Primordial"), Value::boolean(false));
        const quint64 total = pool.property(u"TotalManagedSpace").toUInt64();
        const quint64 remaining = pool.property(u"RemainingManagedSpace").toUInt64();
        QVERIFY(total > 0);
        QVERIFY(remaining > 0 && remaining <= total);
        QCOMPARE(pool.property(u"OperationalStatus"),
                 Value::array(CimType::UInt16, {Value::uint16(2)}));
        QCOMPARE(pool.path(), StoragePoolProvider::poolPath(m_pools->defaultPoolId()));
        auto got = m_registry->getInstance(pool.path());
        QVERIFY(got.ok());
        QCOMPARE(got->property(u"ElementName"), pool.property(u"ElementName"));

        // The system hosts the pool.
        AssociationFilter hosted;
        hosted.assocClass = QStringLiteral("CIM_HostedStoragePool");
        auto fromSystem = m_registry->associators(ComputerSystemProvider::pathFor(System), hosted);
        QVERIFY(fromSystem.ok());
        QCOMPARE(fromSystem->size(), 1);
        QCOMPARE(fromSystem->first().path(), pool.path());
    }

    void createsAVolume()
    {
        QSignalSpy changed(m_pools.get(), &PoolManager::volumesChanged);
        const cim::ObjectPath pool = StoragePoolProvider::poolPath(m_pools->defaultPoolId());
        auto result =
            m_registry
                ->invokeMethod(createCall({
                    {QStringLiteral("ElementName"), Value::string(QStringLiteral("Logs"))},
                    {QStringLiteral("ElementType"), Value::uint16(2)},
                    {QStringLiteral("Size"), Value::uint64(1000000)},
                    {QStringLiteral("InPool"), Value::reference(pool)},
                }))
                .result();
        QVERIFY2(result.returnValue == 0, qPrintable(result.message));
        QCOMPARE(changed.size(), 1);
        // Size out: what was made, whole 512-byte blocks.
        QCOMPARE(result.out.value(u"Size"), Value::uint64(1000448));
        QVERIFY(result.out.value(u"Job").isNull());
        const cim::ObjectPath element = result.out.value(u"TheElement").toReference();
        QCOMPARE(element.className(), QStringLiteral("MSISCSITARGET_StorageVolume"));
        QCOMPARE(element.nameSpace(), ns());
        QCOMPARE(element.key(u"SystemName").toString(), System);
        QCOMPARE(element.key(u"CreationClassName").toString(),
                 QStringLiteral("MSISCSITARGET_StorageVolume"));
        QCOMPARE(element.key(u"SystemCreationClassName").toString(),
                 QStringLiteral("MSISCSITARGET_ComputerSystem"));
        const QString deviceId = element.key(u"DeviceID").toString();
        QCOMPARE(QDir(poolDir()).entryList(QDir::Files),
                 QStringList{deviceId + QStringLiteral(".img")});

        auto volume = m_registry->getInstance(element);
        QVERIFY2(volume.ok(), qPrintable(volume.error().message));
        QCOMPARE(volume->property(u"DeviceID").toString(), deviceId);
        QCOMPARE(volume->property(u"ElementName").toString(), QStringLiteral("Logs"));
        QCOMPARE(volume->property(u"BlockSize"), Value::uint64(512));
        QCOMPARE(volume->property(u"NumberOfBlocks"), Value::uint64(1954));
        QCOMPARE(volume->property(u"ConsumableBlocks"), Value::uint64(1954));
        QCOMPARE(volume->property(u"ProvisionedConsumableBlocks"), Value::uint64(0));
        QCOMPARE(volume->property(u"Primordial"), Value::boolean(false));
        QCOMPARE(volume->property(u"OperationalStatus"),
                 Value::array(CimType::UInt16, {Value::uint16(2)}));

        // Writes show in the allocation figures.
        const QByteArray data(8192, 'w');
        QVERIFY(m_pools->device(deviceId)
                    .value()
                    ->write(0, std::span<const char>(data.constData(), 8192))
                    .ok());
        QCOMPARE(m_registry->getInstance(element)->property(u"ProvisionedConsumableBlocks"),
                 Value::uint64(16));

        // Enumerated under its alias, and placed in its pool by AllocatedFromStoragePool.
        auto all = m_registry->enumerateInstances(QStringLiteral("CIM_StorageVolume"));
        QVERIFY(all.ok());
        QCOMPARE(all->size(), 1);
        QCOMPARE(all->first().path(), element);
        AssociationFilter allocated;
        allocated.assocClass = QStringLiteral("CIM_AllocatedFromStoragePool");
        auto inPool = m_registry->associators(pool, allocated);
        QVERIFY(inPool.ok());
        QCOMPARE(inPool->size(), 1);
        QCOMPARE(inPool->first().path(), element);
        auto refs = m_registry->references(element, allocated);
        QVERIFY(refs.ok());
        QCOMPARE(refs->size(), 1);
        QCOMPARE(refs->first().property(u"Antecedent").toReference(), pool);
        QCOMPARE(refs->first().property(u"SpaceConsumed"), Value::uint64(8192));
    }

    void defaultsApplyWhenLeftOut()
    {
        // No InPool: the default pool; no ElementName: a name the system supplies.
        auto result = m_registry
                          ->invokeMethod(createCall({
                              {QStringLiteral("ElementType"), Value::uint16(2)},
                              {QStringLiteral("Size"), Value::uint64(4096)},
                              {QStringLiteral("InPool"), Value::null(CimType::Reference)},
                          }))
                          .result();
        QCOMPARE(result.returnValue, 0u);
        const QString id =
            result.out.value(u"TheElement").toReference().key(u"DeviceID").toString();
        QCOMPARE(m_pools->volume(id)->poolId, m_pools->defaultPoolId());
        QVERIFY(!m_pools->volume(id)->elementName.isEmpty());
    }

    void hostileNamesStayLabels()
    {
        const QString name = QStringLiteral("../../etc/passwd");
        auto result = m_registry
                          ->invokeMethod(createCall({
                              {QStringLiteral("ElementName"), Value::string(name)},
                              {QStringLiteral("ElementType"), Value::uint16(2)},
                              {QStringLiteral("Size"), Value::uint64(4096)},
                          }))
                          .result();
        QCOMPARE(result.returnValue, 0u);
        const cim::ObjectPath element = result.out.value(u"TheElement").toReference();
        QCOMPARE(m_registry->getInstance(element)->property(u"ElementName").toString(), name);
        QCOMPARE(QDir(poolDir()).entryList(QDir::Files),
                 QStringList{element.key(u"DeviceID").toString() + QStringLiteral(".img")});
        QCOMPARE(
            QDir(m_dir->path()).entryList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot),
            (QStringList{QStringLiteral("catalog.sqlite"), QStringLiteral("catalog.sqlite-shm"),
                         QStringLiteral("catalog.sqlite-wal"), QStringLiteral("pool")}));
    }

    void badParametersCreateNothing_data()
    {
        QTest::addColumn<ParamList>("params");
        QTest::addColumn<quint32>("expected");
        const Value type2 = Value::uint16(2);
        const Value size = Value::uint64(4096);
        const auto name = [](const QString &n) { return Value::string(n); };
        const auto E = QStringLiteral("ElementName");
        const auto T = QStringLiteral("ElementType");
        const auto S = QStringLiteral("Size");
        const auto P = QStringLiteral("InPool");
        const auto G = QStringLiteral("Goal");
        const auto TE = QStringLiteral("TheElement");
        const cim::ObjectPath bogusPool(
            ns(), QStringLiteral("MSISCSITARGET_StoragePool"),
            {{QStringLiteral("InstanceID"), Value::string(QStringLiteral("nope"))}});
        const cim::ObjectPath notAPool = ComputerSystemProvider::pathFor(System);
        const cim::ObjectPath goal(
            ns(), QStringLiteral("CIM_StorageSetting"),
            {{QStringLiteral("InstanceID"), Value::string(QStringLiteral("g"))}});
        const cim::ObjectPath existing =
            StorageVolumeProvider::volumePath(System, QStringLiteral("v"));
        using L = ParamList;
        QTest::newRow("ElementType missing") << L{{S, size}} << 5u;
        QTest::newRow("ElementType 0") << L{{T, Value::uint16(0)}, {S, size}} << 5u;
        QTest::newRow("ElementType 99") << L{{T, Value::uint16(99)}, {S, size}} << 5u;
        QTest::newRow("ElementType extent") << L{{T, Value::uint16(3)}, {S, size}} << 1u;
        QTest::newRow("ElementType wrong type")
            << L{{T, name(QStringLiteral("2"))}, {S, size}} << 5u;
        QTest::newRow("Size missing") << L{{T, type2}} << 5u;
        QTest::newRow("Size 0") << L{{T, type2}, {S, Value::uint64(0)}} << 5u;
        QTest::newRow("Size too big") << L{{T, type2}, {S, Value::uint64(quint64(1) << 62)}} << 5u;
        QTest::newRow("Size max") << L{{T, type2}, {S, Value::uint64(~quint64(0))}} << 5u;
        QTest::newRow("Size as string") << L{{T, type2}, {S, name(QStringLiteral("4096"))}} << 5u;
        QTest::newRow("unknown pool")
            << L{{T, type2}, {S, size}, {P, Value::reference(bogusPool)}} << 5u;
        QTest::newRow("not a pool")
            << L{{T, type2}, {S, size}, {P, Value::reference(notAPool)}} << 5u;
        QTest::newRow("Goal") << L{{T, type2}, {S, size}, {G, Value::reference(goal)}} << 5u;
        QTest::newRow("empty name") << L{{E, name(QString())}, {T, type2}, {S, size}} << 5u;
        QTest::newRow("10 KB name")
            << L{{E, name(QString(10240, u'a'))}, {T, type2}, {S, size}} << 5u;
        QTest::newRow("NUL in name")
            << L{{E, name(QStringLiteral("a") + QChar(0))}, {T, type2}, {S, size}} << 5u;
        QTest::newRow("modify unknown volume")
            << L{{T, type2}, {S, size}, {TE, Value::reference(existing)}} << 5u;
        QTest::newRow("unknown parameter")
            << L{{T, type2}, {S, size}, {QStringLiteral("Bogus"), Value::uint16(1)}} << 5u;
        QTest::newRow("Job as input")
            << L{{T, type2}, {S, size}, {QStringLiteral("Job"), Value::reference(existing)}} << 5u;
    }
    void badParametersCreateNothing()
    {
        QFETCH(ParamList, params);
        QFETCH(quint32, expected);
        auto result = m_registry->invokeMethod(createCall(params)).result();
        QCOMPARE(result.returnValue, expected);
        QVERIFY(!result.message.isEmpty());
        QVERIFY(QDir(poolDir()).entryList(QDir::Files).isEmpty());
        QVERIFY(m_pools->volumes().isEmpty());
        QVERIFY(m_catalog->volumes().value().isEmpty());
        QVERIFY(m_registry->enumerateInstances(QStringLiteral("CIM_StorageVolume"))->isEmpty());
    }

    void returnsVolumesToThePool()
    {
        const VolumeInfo v =
            m_pools->createVolume(m_pools->defaultPoolId(), QStringLiteral("x"), 4096).value();
        const cim::ObjectPath element = StorageVolumeProvider::volumePath(System, v.deviceId);

        // In use by a synchronization: 6, and the volume stays.
        m_pools->usedBy = [&](const QString &id) {
            return id == v.deviceId ? QStringLiteral("the snapshot s of x") : QString();
        };
        auto busy = m_registry->invokeMethod(returnCall(Value::reference(element))).result();
        QCOMPARE(busy.returnValue, 6u);
        QVERIFY(m_pools->volume(v.deviceId));
        QVERIFY(QFile::exists(m_pools->imagePath(v.deviceId)));
        m_pools->usedBy = nullptr;

        auto done = m_registry->invokeMethod(returnCall(Value::reference(element))).result();
        QVERIFY2(done.returnValue == 0, qPrintable(done.message));
        QVERIFY(!m_pools->volume(v.deviceId));
        QVERIFY(QDir(poolDir()).entryList(QDir::Files).isEmpty());
        QVERIFY(!m_registry->getInstance(element).ok());

        auto again = m_registry->invokeMethod(returnCall(Value::reference(element))).result();
        QCOMPARE(again.returnValue, 5u);
        auto missing = m_registry->invokeMethod(returnCall(Value())).result();
        QCOMPARE(missing.returnValue, 5u);
        auto notAVolume = m_registry
                              ->invokeMethod(returnCall(Value::reference(
                                  StoragePoolProvider::poolPath(m_pools->defaultPoolId()))))
                              .result();
        QCOMPARE(notAVolume.returnValue, 5u);
        QCOMPARE(m_pools->pools().size(), 1);
    }

    void growsAVolumeInPlace()
    {
        const VolumeInfo v =
            m_pools->createVolume(m_pools->defaultPoolId(), QStringLiteral("x"), 1 << 20).value();
        {
            auto dev = m_pools->device(v.deviceId).value();
            const QByteArray data(4096, 'q');
            QVERIFY(dev->write(8192, std::span<const char>(data.constData(), data.size())).ok());
        }
        const cim::ObjectPath element = StorageVolumeProvider::volumePath(System, v.deviceId);
        const auto T = QStringLiteral("ElementType");
        const auto S = QStringLiteral("Size");
        const auto TE = QStringLiteral("TheElement");
        const auto grow = [&](quint64 bytes) {
            return m_registry
                ->invokeMethod(createCall({{T, Value::uint16(2)},
                                           {S, Value::uint64(bytes)},
                                           {TE, Value::reference(element)}}))
                .result();
        };

        // Larger: the image, the catalog and the instance all follow; the data stays.
        auto grown = grow((4 << 20) + 100);
        QVERIFY2(grown.returnValue == 0, qPrintable(grown.message));
        QCOMPARE(grown.out.value(u"Size").toUInt64(), quint64((4 << 20) + 512));
        QCOMPARE(QFileInfo(m_pools->imagePath(v.deviceId)).size(), qint64((4 << 20) + 512));
        QCOMPARE(m_catalog->volume(v.deviceId).value()->size, quint64((4 << 20) + 512));
        QCOMPARE(m_registry->getInstance(element)->property(u"NumberOfBlocks").toUInt64(),
                 quint64(((4 << 20) + 512) / 512));
        auto dev = m_pools->device(v.deviceId).value();
        QCOMPARE(dev->size(), quint64((4 << 20) + 512));
        QByteArray back(4096, 0);
        QVERIFY(dev->read(8192, std::span<char>(back.data(), back.size())).ok());
        QCOMPARE(back, QByteArray(4096, 'q'));
        QByteArray tail(512, 'x');
        QVERIFY(dev->read(4 << 20, std::span<char>(tail.data(), tail.size())).ok());
        QCOMPARE(tail, QByteArray(512, 0));

        // Smaller: NotSupported, naming Size, nothing changes.
        auto shrink = grow(1 << 20);
        QCOMPARE(shrink.returnValue, 1u);
        QCOMPARE(shrink.parameter, S);
        QCOMPARE(m_pools->volume(v.deviceId)->size, quint64((4 << 20) + 512));

        // More than the pool holds: InvalidParameter, said in units rather than bytes.
        auto huge = grow(quint64(1) << 61);
        QCOMPARE(huge.returnValue, 5u);
        QVERIFY2(huge.message.contains(QStringLiteral("iB")), qPrintable(huge.message));
        QCOMPARE(QFileInfo(m_pools->imagePath(v.deviceId)).size(), qint64((4 << 20) + 512));

        // In a synchronization: InUse, naming it, and the size stays.
        m_pools->usedBy = [&](const QString &id) {
            return id == v.deviceId ? QStringLiteral("the mirror of x to y") : QString();
        };
        auto busy = grow(8 << 20);
        QCOMPARE(busy.returnValue, 6u);
        QVERIFY2(busy.message.contains(QStringLiteral("the mirror of x to y")),
                 qPrintable(busy.message));
        QCOMPARE(m_pools->volume(v.deviceId)->size, quint64((4 << 20) + 512));
        m_pools->usedBy = nullptr;

        // Another pool named as InPool: a volume does not move.
        auto other =
            m_registry
                ->invokeMethod(createCall(
                    {{T, Value::uint16(2)},
                     {S, Value::uint64(8 << 20)},
                     {TE, Value::reference(element)},
                     {QStringLiteral("InPool"),
                      Value::reference(StoragePoolProvider::poolPath(QStringLiteral("p")))}}))
                .result();
        QCOMPARE(other.returnValue, 5u);
        QCOMPARE(other.parameter, QStringLiteral("InPool"));
    }

    void renamesAVolumeByModifyInstance()
    {
        const VolumeInfo v =
            m_pools->createVolume(m_pools->defaultPoolId(), QStringLiteral("x"), 4096).value();
        const cim::ObjectPath element = StorageVolumeProvider::volumePath(System, v.deviceId);
        cim::Instance got = m_registry->getInstance(element).value();

        // The whole instance back with a new name, as a WS-Man Put sends it.
        got.setProperty(QStringLiteral("ElementName"), Value::string(QStringLiteral("Database")));
        auto renamed = m_registry->modifyInstance(got, {});
        QVERIFY2(renamed.ok(), qPrintable(renamed.error().message));
        QCOMPARE(m_registry->getInstance(element)->property(u"ElementName").toString(),
                 QStringLiteral("Database"));
        QCOMPARE(m_catalog->volume(v.deviceId).value()->elementName, QStringLiteral("Database"));

        // A name no client could show, or a property that is the system's: refused, unchanged.
        cim::Instance bad = got;
        bad.setProperty(QStringLiteral("ElementName"),
                        Value::string(QStringLiteral("a") + QChar(1) + QStringLiteral("b")));
        auto refused = m_registry->modifyInstance(bad, {});
        QCOMPARE(refused.error().code, 5u);
        QCOMPARE(refused.error().parameter, QStringLiteral("ElementName"));
        cim::Instance resized = got;
        resized.setProperty(QStringLiteral("ElementName"), Value::string(QStringLiteral("Other")));
        resized.setProperty(QStringLiteral("NumberOfBlocks"), Value::uint64(99));
        auto readOnly = m_registry->modifyInstance(resized, {});
        QCOMPARE(readOnly.error().code, 5u);
        QCOMPARE(readOnly.error().parameter, QStringLiteral("NumberOfBlocks"));
        QCOMPARE(m_pools->volume(v.deviceId)->elementName, QStringLiteral("Database"));
        QCOMPARE(m_pools->volume(v.deviceId)->size, quint64(4096));
    }

    void deleteInstanceReturnsTheVolume()
    {
        const VolumeInfo v =
            m_pools->createVolume(m_pools->defaultPoolId(), QStringLiteral("x"), 4096).value();
        auto r = m_registry->deleteInstance(StorageVolumeProvider::volumePath(System, v.deviceId));
        QVERIFY(r.ok());
        QVERIFY(QDir(poolDir()).entryList(QDir::Files).isEmpty());
    }

    void methodSignaturesAreDeclared()
    {
        auto spec = m_registry->methodSpec(QStringLiteral("CIM_StorageConfigurationService"),
                                           u"CreateOrModifyElementFromStoragePool");
        QVERIFY(spec.ok());
        QCOMPARE(spec->parameters.size(), 7);
        QCOMPARE(spec->parameter(u"Size")->direction, ParameterSpec::InOut);
        QCOMPARE(spec->parameter(u"TheElement")->direction, ParameterSpec::InOut);
        QCOMPARE(spec->parameter(u"Job")->direction, ParameterSpec::Out);
        QVERIFY(spec->parameter(u"ElementType")->required);
        auto ret = m_registry->methodSpec(
            QStringLiteral("MSISCSITARGET_StorageConfigurationService"), u"ReturnToStoragePool");
        QVERIFY(ret.ok());
        QVERIFY(ret->parameter(u"TheElement")->required);
        auto services =
            m_registry->enumerateInstances(QStringLiteral("CIM_StorageConfigurationService"));
        QVERIFY(services.ok());
        QCOMPARE(services->size(), 1);
        QCOMPARE(services->first().path(), StorageConfigurationProvider::servicePath(System));
    }

    void theEngineServesStorage()
    {
        // The wiring: the Engine registers these providers over its own catalog and pools.
        QTemporaryDir dir;
        EngineOptions options;
        options.dataDirectory = dir.filePath(QStringLiteral("data"));
        options.defaultPoolDirectory = dir.filePath(QStringLiteral("pool"));
        options.systemName = System;
        auto engine = Engine::open(options);
        QVERIFY2(engine.ok(), qPrintable(engine.error().message));
        ProviderRegistry *registry = engine.value()->registry();
        QVERIFY(QFile::exists(dir.filePath(QStringLiteral("data/catalog.sqlite"))));
        QSignalSpy changed(registry, &ProviderRegistry::classChanged);
        cim::MethodCall call = createCall({{QStringLiteral("ElementType"), Value::uint16(2)},
                                           {QStringLiteral("Size"), Value::uint64(4096)}});
        auto result = registry->invokeMethod(call).result();
        QCOMPARE(result.returnValue, 0u);
        QVERIFY(changed.contains({QStringLiteral("MSISCSITARGET_StorageVolume")}));
        QCOMPARE(registry->enumerateInstances(QStringLiteral("CIM_StorageVolume"))->size(), 1);
        QCOMPARE(registry->enumerateInstances(QStringLiteral("CIM_StoragePool"))->size(), 1);
        engine.value().reset();

        // Reopened, the engine still has the volume.
        auto again = Engine::open(options);
        QVERIFY(again.ok());
        QCOMPARE(again.value()
                     ->registry()
                     ->enumerateInstances(QStringLiteral("CIM_StorageVolume"))
                     ->size(),
                 1);
    }

private:
    QString poolDir() const { return m_dir->filePath(QStringLiteral("pool")); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<PoolStore> m_catalog; // storage's tables
    std::unique_ptr<PoolManager> m_pools;
    std::unique_ptr<ProviderRegistry> m_registry;
};

QTEST_GUILESS_MAIN(TestStorageProviders)
#include "tst_storageproviders.moc"
