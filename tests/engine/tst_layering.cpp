// The engine's layers include downwards only: every file under engine/ is read, and an include of
// a header in a folder above the file's own fails, naming file and line. The console (ui/)
// includes nothing of engine/remote; it reaches remote replication through api/ and EngineHost.

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

namespace {

// Bottom to top. A folder may include itself and any folder below it; the top-level files
// (engine.h, enginehost.h: "") may include everything.
const QStringList LayerOrder = {
    QStringLiteral("cim"),         QStringLiteral("db"),
    QStringLiteral("requests"),    QStringLiteral("provider"),
    QStringLiteral("api"),         QStringLiteral("storage"),
    QStringLiteral("access"),      QStringLiteral("jobs"),
    QStringLiteral("replication"), QStringLiteral("wsman"),
    QStringLiteral("remote"),      QStringLiteral("transfer"),
    QStringLiteral("serving"),     QString(),
};

QString layerName(const QString &folder)
{
    return folder.isEmpty() ? QStringLiteral("the top level") : folder + u'/';
}

// The folder of a path relative to engine/: its first component, or "" for a top-level file.
QString folderOf(const QString &relativePath)
{
    const qsizetype slash = relativePath.indexOf(u'/');
    return slash < 0 ? QString() : relativePath.left(slash);
}

struct Include
{
    int line = 0;
    QString target;
};

QList<Include> quotedIncludes(const QString &filePath)
{
    static const QRegularExpression re(QStringLiteral(R"re(^\s*#\s*include\s*"([^"]+)")re"));
    QList<Include> out;
    QFile file(filePath);
    if (!file.open(QIODevice::ReadOnly))
        return out;
    int line = 0;
    while (!file.atEnd()) {
        ++line;
        const QString text = QString::fromUtf8(file.readLine());
        if (const auto m = re.match(text); m.hasMatch())
            out.append({line, m.captured(1)});
    }
    return out;
}

// Where an include from a file in dir (relative to engine/) lands, as a folder of engine/; empty
// optional for a header outside engine/ (generated, another library).
std::optional<QString> targetFolder(const QDir &engine, const QString &dir, const QString &include)
{
    // As the compiler looks for "…": beside the including file first, then in engine/.
    for (const QString &base : {engine.filePath(dir), engine.path()}) {
        const QFileInfo candidate(QDir(base).filePath(include));
        if (candidate.exists()) {
            const QString relative = engine.relativeFilePath(candidate.absoluteFilePath());
            if (relative.startsWith(QStringLiteral("..")))
                return std::nullopt;
            return folderOf(QDir::cleanPath(relative));
        }
    }
    // A folder that is not there yet (another part of the work adds it) still has its place.
    const QString first = folderOf(include);
    if (!first.isEmpty() && LayerOrder.contains(first))
        return first;
    return std::nullopt;
}

// Every include under engineDir that points above its file's layer, as "file:line: why".
QStringList upwardIncludes(const QString &engineDir)
{
    const QDir engine(engineDir);
    QStringList violations;
    QDirIterator files(engineDir, QDir::Files, QDirIterator::Subdirectories);
    while (files.hasNext()) {
        const QString path = files.next();
        const QString relative = engine.relativeFilePath(path);
        const QString folder = folderOf(relative);
        const qsizetype own = LayerOrder.indexOf(folder);
        if (own < 0) {
            violations.append(QStringLiteral("engine/%1: the folder %2 has no place in the layer "
                                             "order (add it to tst_layering.cpp)")
                                  .arg(relative, layerName(folder)));
            continue;
        }
        const QString dir =
            QFileInfo(relative).path() == u"." ? QString() : QFileInfo(relative).path();
        for (const Include &inc : quotedIncludes(path)) {
            const std::optional<QString> target = targetFolder(engine, dir, inc.target);
            if (!target)
                continue;
            const qsizetype rank = LayerOrder.indexOf(*target);
            if (rank < 0 || rank > own) {
                violations.append(QStringLiteral("engine/%1:%2: includes \"%3\" from %4, above %5")
                                      .arg(relative)
                                      .arg(inc.line)
                                      .arg(inc.target, layerName(*target), layerName(folder)));
            }
        }
    }
    violations.sort();
    return violations;
}

// Every include of engine/remote under dir, as "file:line".
QStringList remoteIncludes(const QString &dir, const QString &label)
{
    QStringList found;
    QDirIterator files(dir, QDir::Files, QDirIterator::Subdirectories);
    while (files.hasNext()) {
        const QString path = files.next();
        for (const Include &inc : quotedIncludes(path)) {
            if (inc.target.startsWith(QStringLiteral("remote/")) ||
                inc.target.contains(QStringLiteral("engine/remote/")))
                found.append(QStringLiteral("%1/%2:%3: includes \"%4\"")
                                 .arg(label, QDir(dir).relativeFilePath(path))
                                 .arg(inc.line)
                                 .arg(inc.target));
        }
    }
    found.sort();
    return found;
}

bool write(const QString &path, const QByteArray &text)
{
    QDir().mkpath(QFileInfo(path).path());
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(text) == text.size();
}

} // namespace

class TestLayering : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void engineIncludesDownwardsOnly()
    {
        const QString engine = QStringLiteral(RD_SOURCE_DIR "/engine");
        QVERIFY(QFileInfo(engine + QStringLiteral("/engine.h")).exists());
        const QStringList violations = upwardIncludes(engine);
        QVERIFY2(violations.isEmpty(), qPrintable(violations.join(u'\n')));
    }

    void uiIncludesNothingOfEngineRemote()
    {
        const QString ui = QStringLiteral(RD_SOURCE_DIR "/ui");
        QVERIFY(QFileInfo(ui).isDir());
        const QStringList found = remoteIncludes(ui, QStringLiteral("ui"));
        QVERIFY2(found.isEmpty(), qPrintable(found.join(u'\n')));
    }

    // The check itself, on a tree made for it: it must find what is wrong, and only that.
    void findsAnUpwardIncludeWithItsLine()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString e = dir.filePath(QStringLiteral("engine"));
        QVERIFY(write(e + QStringLiteral("/engine.h"), "#pragma once\n#include \"remote/r.h\"\n"));
        QVERIFY(write(e + QStringLiteral("/cim/c.h"), "#pragma once\n"));
        QVERIFY(write(e + QStringLiteral("/remote/r.h"),
                      "#pragma once\n#include \"cim/c.h\"\n#include \"r2.h\"\n"));
        QVERIFY(write(e + QStringLiteral("/remote/r2.h"), "#pragma once\n"));
        QVERIFY(write(e + QStringLiteral("/wsman/w.cpp"), "#include \"cim/c.h\"\n"
                                                          "#include <QString>\n"
                                                          "// #include \"engine.h\" in a comment\n"
                                                          "#include \"rd/version.h\"\n"
                                                          "  #  include \"engine.h\"\n"
                                                          "#include \"remote/r.h\"\n"
                                                          "#include \"serving/s.h\"\n"));
        QVERIFY(write(e + QStringLiteral("/db/d.h"), "#include \"../storage/p.h\"\n"));
        QVERIFY(write(e + QStringLiteral("/storage/p.h"), "#pragma once\n"));
        QVERIFY(write(e + QStringLiteral("/gadgets/g.h"), "#pragma once\n"));
        QCOMPARE(upwardIncludes(e),
                 (QStringList{
                     QStringLiteral("engine/db/d.h:1: includes \"../storage/p.h\" from storage/, "
                                    "above db/"),
                     QStringLiteral("engine/gadgets/g.h: the folder gadgets/ has no place in the "
                                    "layer order (add it to tst_layering.cpp)"),
                     QStringLiteral("engine/wsman/w.cpp:5: includes \"engine.h\" from the top "
                                    "level, above wsman/"),
                     QStringLiteral("engine/wsman/w.cpp:6: includes \"remote/r.h\" from remote/, "
                                    "above wsman/"),
                     QStringLiteral("engine/wsman/w.cpp:7: includes \"serving/s.h\" from "
                                    "serving/, above wsman/"),
                 }));

        const QString u = dir.filePath(QStringLiteral("ui"));
        QVERIFY(write(u + QStringLiteral("/page.cpp"),
                      "#include \"api/remotenames.h\"\n#include \"remote/peerdirectory.h\"\n"));
        QCOMPARE(remoteIncludes(u, QStringLiteral("ui")),
                 QStringList{QStringLiteral("ui/page.cpp:2: includes \"remote/peerdirectory.h\"")});
    }
};

QTEST_GUILESS_MAIN(TestLayering)
#include "tst_layering.moc"
