// PairRegistry on a real SQLite database: every CopyState / ProgressStatus step each SyncType
// allows is taken and read back after reopening the database; steps the table does not allow are
// refused and change nothing, in memory or on disk; operations start only from their states.

#include "db/database.h"
#include "replication/pairregistry.h"
#include "replication/sqlsyncstore.h"

#include <QTemporaryDir>
#include <QTest>

#include <set>
#include <tuple>

using namespace rd;
using namespace rd::engine;
using cim::CopyState;
using cim::ProgressStatus;
using cim::SyncOperation;
using cim::SyncType;

Q_DECLARE_METATYPE(cim::SyncType)
Q_DECLARE_METATYPE(cim::CopyState)
Q_DECLARE_METATYPE(cim::ProgressStatus)

namespace {

using Edge = std::tuple<SyncType, CopyState, CopyState>;

// What the engine does to pairs, written out independently of the registry's table.
const std::set<Edge> &expectedEdges()
{
    static const std::set<Edge> edges = {
        {SyncType::Clone, CopyState::Initialized, CopyState::Unsynchronized},
        {SyncType::Clone, CopyState::Initialized, CopyState::Broken},
        {SyncType::Clone, CopyState::Initialized, CopyState::Aborted},
        {SyncType::Clone, CopyState::Unsynchronized, CopyState::Unsynchronized},
        {SyncType::Clone, CopyState::Unsynchronized, CopyState::Synchronized},
        {SyncType::Clone, CopyState::Unsynchronized, CopyState::Broken},
        {SyncType::Clone, CopyState::Unsynchronized, CopyState::Aborted},

        {SyncType::Snapshot, CopyState::Initialized, CopyState::Synchronized},
        {SyncType::Snapshot, CopyState::Synchronized, CopyState::Synchronized},
        {SyncType::Snapshot, CopyState::Synchronized, CopyState::Broken},
        {SyncType::Snapshot, CopyState::Broken, CopyState::Synchronized},
        {SyncType::Snapshot, CopyState::Broken, CopyState::Broken},
        // An image changed outside the engine; Resync Replica takes a new point in time.
        {SyncType::Snapshot, CopyState::Synchronized, CopyState::Skewed},
        {SyncType::Snapshot, CopyState::Skewed, CopyState::Synchronized},
        {SyncType::Snapshot, CopyState::Skewed, CopyState::Broken},

        {SyncType::Mirror, CopyState::Initialized, CopyState::Unsynchronized},
        {SyncType::Mirror, CopyState::Initialized, CopyState::Broken},
        {SyncType::Mirror, CopyState::Unsynchronized, CopyState::Unsynchronized},
        {SyncType::Mirror, CopyState::Unsynchronized, CopyState::Synchronized},
        {SyncType::Mirror, CopyState::Unsynchronized, CopyState::Aborted},
        {SyncType::Mirror, CopyState::Unsynchronized, CopyState::Broken},
        {SyncType::Mirror, CopyState::Synchronized, CopyState::Unsynchronized},
        {SyncType::Mirror, CopyState::Synchronized, CopyState::Fractured},
        {SyncType::Mirror, CopyState::Synchronized, CopyState::Split},
        {SyncType::Mirror, CopyState::Synchronized, CopyState::Suspended},
        {SyncType::Mirror, CopyState::Synchronized, CopyState::Broken},
        {SyncType::Mirror, CopyState::Fractured, CopyState::Unsynchronized},
        {SyncType::Mirror, CopyState::Fractured, CopyState::Synchronized},
        {SyncType::Mirror, CopyState::Fractured, CopyState::Broken},
        {SyncType::Mirror, CopyState::Split, CopyState::Unsynchronized},
        {SyncType::Mirror, CopyState::Split, CopyState::Synchronized},
        {SyncType::Mirror, CopyState::Split, CopyState::Broken},
        {SyncType::Mirror, CopyState::Suspended, CopyState::Unsynchronized},
        {SyncType::Mirror, CopyState::Suspended, CopyState::Synchronized},
        {SyncType::Mirror, CopyState::Suspended, CopyState::Broken},
        {SyncType::Mirror, CopyState::Broken, CopyState::Unsynchronized},
        {SyncType::Mirror, CopyState::Broken, CopyState::Synchronized},
        {SyncType::Mirror, CopyState::Aborted, CopyState::Unsynchronized},
        {SyncType::Mirror, CopyState::Aborted, CopyState::Synchronized},
        {SyncType::Mirror, CopyState::Aborted, CopyState::Broken},
        // An image changed outside the engine: only a full resync (through Unsynchronized) mends
        // it, never a step straight to Synchronized.
        {SyncType::Mirror, CopyState::Synchronized, CopyState::Skewed},
        {SyncType::Mirror, CopyState::Skewed, CopyState::Unsynchronized},
        {SyncType::Mirror, CopyState::Skewed, CopyState::Broken},
    };
    return edges;
}

// The ProgressStatus a pair shows on arriving in a state (the first one for each).
ProgressStatus progressFor(SyncType type, CopyState state)
{
    switch (state) {
    case CopyState::Initialized:
        return ProgressStatus::Initializing;
    case CopyState::Unsynchronized:
        return type == SyncType::Mirror ? ProgressStatus::Resyncing : ProgressStatus::Synchronizing;
    case CopyState::Suspended:
        return ProgressStatus::Dormant;
    case CopyState::Broken:
    case CopyState::Aborted:
        return ProgressStatus::NotApplicable;
    case CopyState::Skewed:
        return ProgressStatus::RequiresResync;
    default:
        return ProgressStatus::Completed;
    }
}

// A way from Initialized to each state the type reaches.
QList<CopyState> pathTo(SyncType type, CopyState state)
{
    using C = CopyState;
    switch (type) {
    case SyncType::Clone:
        return state == C::Unsynchronized ? QList<C>{C::Unsynchronized} : QList<C>{};
    case SyncType::Snapshot:
        if (state == C::Synchronized)
            return {C::Synchronized};
        if (state == C::Broken)
            return {C::Synchronized, C::Broken};
        if (state == C::Skewed)
            return {C::Synchronized, C::Skewed};
        return {};
    case SyncType::Mirror:
        switch (state) {
        case C::Unsynchronized:
            return {C::Unsynchronized};
        case C::Synchronized:
            return {C::Unsynchronized, C::Synchronized};
        case C::Fractured:
        case C::Split:
        case C::Suspended:
        case C::Skewed:
            return {C::Unsynchronized, C::Synchronized, state};
        case C::Broken:
            return {C::Broken};
        case C::Aborted:
            return {C::Unsynchronized, C::Aborted};
        default:
            return {};
        }
    }
    return {};
}

SyncRecord newPair(const QString &id, SyncType type, const QString &source = QStringLiteral("src"),
                   const QString &target = QStringLiteral("tgt"))
{
    SyncRecord r;
    r.id = id;
    r.sourceDeviceId = source;
    r.targetDeviceId = target;
    r.sourcePath = QStringLiteral("root/x:Vol.DeviceID=\"%1\"").arg(source);
    r.targetPath = QStringLiteral("root/x:Vol.DeviceID=\"%1\"").arg(target);
    r.syncType = quint16(type);
    r.mode = quint16(cim::Mode::Asynchronous);
    r.copyState = quint16(CopyState::Synchronized); // add() starts every pair Initialized
    r.progressStatus = quint16(ProgressStatus::Completed);
    r.whenEstablished = QDateTime(QDate(2026, 12, 1), QTime(12, 0), Qt::UTC);
    return r;
}

const QList<CopyState> allStates = {
    CopyState::Initialized, CopyState::Unsynchronized, CopyState::Synchronized, CopyState::Broken,
    CopyState::Fractured,   CopyState::Split,          CopyState::Suspended,    CopyState::Aborted,
    CopyState::Inactive,    CopyState::Restored,       CopyState::Skewed,
};

QString name(SyncType type)
{
    return type == SyncType::Clone    ? QStringLiteral("clone")
           : type == SyncType::Mirror ? QStringLiteral("mirror")
                                      : QStringLiteral("snapshot");
}

// The engine's database file with its synchronizations table, as an Engine opens it.
struct Store
{
    std::unique_ptr<Database> database;
    std::unique_ptr<SqlSyncStore> syncs;

    static std::optional<Store> open(const QString &path)
    {
        auto database = Database::open(path);
        if (!database)
            return std::nullopt;
        Store store;
        store.database = std::move(database).value();
        auto syncs = SqlSyncStore::open(store.database.get());
        if (!syncs)
            return std::nullopt;
        store.syncs = std::move(syncs).value();
        return store;
    }
};

} // namespace

class TestPairRegistry final : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_serial = 0;

    QString catalogPath() const { return m_dir.filePath(QStringLiteral("catalog.sqlite")); }

    // The pair as a registry on a freshly opened catalog reads it back.
    static std::optional<SyncRecord> reread(const QString &path, const QString &id)
    {
        auto store = Store::open(path);
        if (!store)
            return std::nullopt;
        PairRegistry registry(store->syncs.get());
        if (!registry.load())
            return std::nullopt;
        const SyncRecord *s = registry.find(id);
        return s ? std::optional<SyncRecord>(*s) : std::nullopt;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    // The table says yes exactly to the steps above, for every pair of states.
    void tableIsExactlyTheEngineSteps()
    {
        for (SyncType type : {SyncType::Clone, SyncType::Snapshot, SyncType::Mirror}) {
            for (CopyState from : allStates) {
                for (CopyState to : allStates) {
                    const bool expected = expectedEdges().count({type, from, to}) == 1;
                    QVERIFY2(PairRegistry::allows(type, from, to) == expected,
                             qPrintable(QStringLiteral("%1 %2 → %3")
                                            .arg(name(type))
                                            .arg(int(from))
                                            .arg(int(to))));
                }
            }
        }
    }

    void allowedStepIsPersisted_data()
    {
        QTest::addColumn<SyncType>("type");
        QTest::addColumn<CopyState>("from");
        QTest::addColumn<CopyState>("to");
        for (const auto &[type, from, to] : expectedEdges()) {
            QTest::addRow("%s %d→%d", qPrintable(name(type)), int(from), int(to))
                << type << from << to;
        }
    }
    void allowedStepIsPersisted()
    {
        QFETCH(SyncType, type);
        QFETCH(CopyState, from);
        QFETCH(CopyState, to);
        const QString id = QStringLiteral("sync-%1").arg(++m_serial);
        {
            auto store = Store::open(catalogPath());
            QVERIFY(store);
            PairRegistry registry(store->syncs.get());
            QVERIFY(registry.load());
            QVERIFY(registry.add(newPair(id, type)));
            QCOMPARE(registry.find(id)->copyState, quint16(CopyState::Initialized));
            QCOMPARE(registry.find(id)->progressStatus, quint16(ProgressStatus::Initializing));
            for (CopyState step : pathTo(type, from))
                QVERIFY(registry.transition(id, step, progressFor(type, step)));
            QCOMPARE(registry.find(id)->copyState, quint16(from));
            const ProgressStatus progress = progressFor(type, to);
            QVERIFY(registry.transition(id, to, progress));
            QCOMPARE(registry.find(id)->copyState, quint16(to));
            QCOMPARE(registry.find(id)->progressStatus, quint16(progress));
        }
        const std::optional<SyncRecord> back = reread(catalogPath(), id);
        QVERIFY(back);
        QCOMPARE(back->copyState, quint16(to));
        QCOMPARE(back->progressStatus, quint16(progressFor(type, to)));
    }

    void refusedStepChangesNothing_data()
    {
        QTest::addColumn<SyncType>("type");
        QTest::addColumn<CopyState>("from");
        QTest::addColumn<CopyState>("to");
        QTest::addColumn<ProgressStatus>("progress");
        auto row = [](const char *tag, SyncType type, CopyState from, CopyState to,
                      ProgressStatus progress) {
            QTest::newRow(tag) << type << from << to << progress;
        };
        using C = CopyState;
        using P = ProgressStatus;
        row("clone: no copy, no result", SyncType::Clone, C::Initialized, C::Synchronized,
            P::Completed);
        row("clone: ended stays ended", SyncType::Clone, C::Unsynchronized, C::Initialized,
            P::Initializing);
        row("clone: not fractured", SyncType::Clone, C::Unsynchronized, C::Fractured, P::Completed);
        row("clone: no resync", SyncType::Clone, C::Unsynchronized, C::Unsynchronized,
            P::Resyncing);
        row("snapshot: not copying", SyncType::Snapshot, C::Initialized, C::Unsynchronized,
            P::Synchronizing);
        row("snapshot: no fracture", SyncType::Snapshot, C::Synchronized, C::Fractured,
            P::Completed);
        row("snapshot: no suspend", SyncType::Snapshot, C::Synchronized, C::Suspended, P::Dormant);
        row("snapshot: broken not aborted", SyncType::Snapshot, C::Broken, C::Aborted,
            P::NotApplicable);
        row("snapshot: Synchronized is Completed", SyncType::Snapshot, C::Synchronized,
            C::Synchronized, P::Dormant);
        row("mirror: no skipping the copy", SyncType::Mirror, C::Initialized, C::Synchronized,
            P::Completed);
        row("mirror: fractured not split", SyncType::Mirror, C::Fractured, C::Split, P::Completed);
        row("mirror: suspended not fractured", SyncType::Mirror, C::Suspended, C::Fractured,
            P::Completed);
        row("mirror: split not suspended", SyncType::Mirror, C::Split, C::Suspended, P::Dormant);
        row("mirror: copying not fractured", SyncType::Mirror, C::Unsynchronized, C::Fractured,
            P::Completed);
        row("mirror: broken once", SyncType::Mirror, C::Broken, C::Broken, P::NotApplicable);
        row("mirror: aborted only while copying", SyncType::Mirror, C::Synchronized, C::Aborted,
            P::NotApplicable);
        row("mirror: copying is not Completed", SyncType::Mirror, C::Initialized, C::Unsynchronized,
            P::Completed);
        row("mirror: Suspended is Dormant", SyncType::Mirror, C::Synchronized, C::Suspended,
            P::Completed);
    }
    void refusedStepChangesNothing()
    {
        QFETCH(SyncType, type);
        QFETCH(CopyState, from);
        QFETCH(CopyState, to);
        QFETCH(ProgressStatus, progress);
        const QString id = QStringLiteral("sync-%1").arg(++m_serial);
        {
            auto store = Store::open(catalogPath());
            QVERIFY(store);
            PairRegistry registry(store->syncs.get());
            QVERIFY(registry.load());
            QVERIFY(registry.add(newPair(id, type)));
            for (CopyState step : pathTo(type, from))
                QVERIFY(registry.transition(id, step, progressFor(type, step)));
            QCOMPARE(registry.find(id)->copyState, quint16(from));
            const quint16 progressBefore = registry.find(id)->progressStatus;
            const cim::Result<void> r = registry.transition(id, to, progress);
            QVERIFY(!r);
            QCOMPARE(r.error().code, quint32(cim::ReturnCode::Failed));
            QVERIFY(!r.error().message.isEmpty());
            QCOMPARE(registry.find(id)->copyState, quint16(from));
            QCOMPARE(registry.find(id)->progressStatus, progressBefore);
        }
        const std::optional<SyncRecord> back = reread(catalogPath(), id);
        QVERIFY(back);
        QCOMPARE(back->copyState, quint16(from));
    }

    // A step shown but not persisted is saved with the next one; amend keeps the state.
    void unpersistedStepAndAmend()
    {
        const QString id = QStringLiteral("sync-%1").arg(++m_serial);
        {
            auto store = Store::open(catalogPath());
            QVERIFY(store);
            PairRegistry registry(store->syncs.get());
            QVERIFY(registry.add(newPair(id, SyncType::Mirror)));
            QVERIFY(registry.transition(id, CopyState::Unsynchronized,
                                        ProgressStatus::Synchronizing, false));
            QCOMPARE(reread(catalogPath(), id)->copyState, quint16(CopyState::Initialized));
            registry.amend(id, [](SyncRecord &s) { s.percentSynced = 37; });
            const std::optional<SyncRecord> mid = reread(catalogPath(), id);
            QCOMPARE(mid->copyState, quint16(CopyState::Unsynchronized));
            QCOMPARE(mid->percentSynced, quint16(37));
        }
    }

    void supportedOperations()
    {
        using O = SyncOperation;
        auto codes = [](std::initializer_list<O> ops) {
            QList<quint16> v;
            for (O o : ops)
                v.append(quint16(o));
            return v;
        };
        QCOMPARE(PairRegistry::supportedOperations(SyncType::Mirror),
                 codes({O::Detach, O::Fracture, O::ResyncReplica, O::RestoreFromReplica, O::Resume,
                        O::Split, O::Suspend}));
        QCOMPARE(PairRegistry::supportedOperations(SyncType::Snapshot),
                 codes({O::Detach, O::ResyncReplica}));
        QCOMPARE(PairRegistry::supportedOperations(SyncType::Clone), codes({O::Detach}));
        QCOMPARE(PairRegistry::waitableStates(SyncType::Mirror, O::Fracture),
                 QList<CopyState>{CopyState::Fractured});
        QVERIFY(PairRegistry::waitableStates(SyncType::Mirror, O::Detach).isEmpty());
        QCOMPARE(PairRegistry::waitableStates(SyncType::Snapshot, O::ResyncReplica),
                 QList<CopyState>{CopyState::Synchronized});
    }

    // An operation outside its states is refused naming the Synchronization; one that does not
    // apply to the type names the Operation.
    void checkOperation()
    {
        PairRegistry registry(nullptr);
        QVERIFY(registry.add(newPair(QStringLiteral("m"), SyncType::Mirror)));
        QVERIFY(registry.transition(QStringLiteral("m"), CopyState::Unsynchronized,
                                    ProgressStatus::Synchronizing));
        QVERIFY(registry.transition(QStringLiteral("m"), CopyState::Synchronized,
                                    ProgressStatus::Completed));
        QVERIFY(registry.checkOperation(QStringLiteral("m"), SyncOperation::Fracture));
        QVERIFY(registry.checkOperation(QStringLiteral("m"), SyncOperation::Detach));
        auto resume = registry.checkOperation(QStringLiteral("m"), SyncOperation::Resume);
        QVERIFY(!resume);
        QCOMPARE(resume.error().code, quint32(cim::ReturnCode::InvalidParameter));
        QCOMPARE(resume.error().parameter, QStringLiteral("Synchronization"));

        QVERIFY(registry.add(newPair(QStringLiteral("c"), SyncType::Clone)));
        auto fracture = registry.checkOperation(QStringLiteral("c"), SyncOperation::Fracture);
        QVERIFY(!fracture);
        QCOMPARE(fracture.error().code, quint32(cim::ReturnCode::NotSupported));
        QCOMPARE(fracture.error().parameter, QStringLiteral("Operation"));
        auto early = registry.checkOperation(QStringLiteral("c"), SyncOperation::Detach);
        QCOMPARE(early.error().code, quint32(cim::ReturnCode::InvalidParameter));
    }

    // A replica is always in use; a source while a clone copies, or for as long as a snapshot
    // or mirror lives off it.
    void inUse()
    {
        PairRegistry registry(nullptr);
        QVERIFY(registry.add(newPair(QStringLiteral("c"), SyncType::Clone, QStringLiteral("a"),
                                     QStringLiteral("b"))));
        QVERIFY(registry.add(newPair(QStringLiteral("s"), SyncType::Snapshot, QStringLiteral("d"),
                                     QStringLiteral("e"))));
        QVERIFY(registry.isInUse(QStringLiteral("a")));
        QVERIFY(registry.isInUse(QStringLiteral("b")));
        QVERIFY(registry.transition(QStringLiteral("c"), CopyState::Unsynchronized,
                                    ProgressStatus::Synchronizing));
        QVERIFY(registry.transition(QStringLiteral("c"), CopyState::Synchronized,
                                    ProgressStatus::Completed));
        QVERIFY(!registry.isInUse(QStringLiteral("a")));
        QVERIFY(registry.isInUse(QStringLiteral("b")));
        QVERIFY(registry.transition(QStringLiteral("s"), CopyState::Synchronized,
                                    ProgressStatus::Completed));
        QVERIFY(registry.isInUse(QStringLiteral("d")));
        QVERIFY(registry.snapshotWithTarget(QStringLiteral("e")));
        QVERIFY(!registry.snapshotWithTarget(QStringLiteral("b")));
        QVERIFY(registry.remove(QStringLiteral("s")));
        QVERIFY(!registry.isInUse(QStringLiteral("d")));
        QVERIFY(!registry.isInUse(QStringLiteral("zzz")));
    }
};

QTEST_GUILESS_MAIN(TestPairRegistry)
#include "tst_pairregistry.moc"
