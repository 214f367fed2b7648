// Attach on This Computer with a real embedded engine and real nbdfuse: the volume appears as a
// file of its size, what is written to the file reaches the volume through the engine's export,
// Detach unmounts it, and whatever is still attached is detached when the console's attachments
// go (the console quits). Skipped, with the reason the action gives, where FUSE is missing.

#include "enginehost.h"
#include "requests/createvolumerequest.h"
#include "uitestsupport.h"
#include "volumeattachments.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QWidget>

using namespace rd;
using namespace rd::ui;

class TestAttach : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    engine::EngineHost m_host;

    QString createVolume(const QString &name, quint64 size)
    {
        auto services =
            m_host.client()->enumerateInstances(QStringLiteral("CIM_StorageConfigurationService"));
        if (!QTest::qWaitFor([&] { return services.isFinished(); }, 30000) || !services.result() ||
            services.result()->isEmpty())
            return {};
        requests::CreateVolumeRequest request;
        request.elementName = name;
        request.size = size;
        auto made =
            m_host.client()->invokeMethod(request.toCall(services.result()->front().path()));
        if (!QTest::qWaitFor([&] { return made.isFinished(); }, 30000) ||
            made.result().returnValue != 0)
            return {};
        return made.result().out.value(u"TheElement").toReference().key(u"DeviceID").toString();
    }
    QString imageOf(const QString &id) const
    {
        const QDir pool(m_dir.filePath(QStringLiteral("data/pools/default")));
        for (const QString &f : pool.entryList(QDir::Files)) {
            if (f.contains(id))
                return pool.filePath(f);
        }
        return {};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        test::isolateConsole(m_dir, QStringLiteral("tst_attach"));
        qputenv("XDG_RUNTIME_DIR", QFile::encodeName(m_dir.filePath(QStringLiteral("run"))));
        QDir().mkpath(m_dir.filePath(QStringLiteral("run")));
        QFile::setPermissions(m_dir.filePath(QStringLiteral("run")),
                              QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        engine::EngineOptions options;
        options.dataDirectory = m_dir.filePath(QStringLiteral("data"));
        options.defaultPoolDirectory = m_dir.filePath(QStringLiteral("data/pools/default"));
        options.systemName = QStringLiteral("attach-host");
        QVERIFY(m_host.start(options).ok());
    }

    void attachWriteDetach()
    {
        if (const QString why = VolumeAttachments::missing(); !why.isEmpty())
            QSKIP(qPrintable(why));
        const QString id = createVolume(QStringLiteral("scratch disk"), 16 << 20);
        QVERIFY(!id.isEmpty());
        // Whether this machine lets FUSE mount at all (a container may not), asked of nbdfuse
        // itself before the code under test is.
        {
            const QString probe = m_dir.filePath(QStringLiteral("probe"));
            QVERIFY(QDir().mkpath(probe));
            QUrl url = m_host.localNbdUrl();
            url.setPath(u'/' + id);
            QProcess fuse;
            fuse.setProcessChannelMode(QProcess::MergedChannels);
            fuse.start(QStringLiteral("nbdfuse"),
                       {QStringLiteral("-P"), probe + QStringLiteral(".pid"),
                        probe + QStringLiteral("/disk"), url.toString()});
            const bool mounted = QTest::qWaitFor(
                [&] {
                    return QFile::exists(probe + QStringLiteral(".pid")) ||
                           fuse.state() == QProcess::NotRunning;
                },
                20000);
            if (!mounted || fuse.state() == QProcess::NotRunning) {
                fuse.kill();
                fuse.waitForFinished();
                QSKIP(qPrintable(QStringLiteral("FUSE cannot mount on this machine: ") +
                                 QString::fromLocal8Bit(fuse.readAll()).trimmed()));
            }
            QProcess::execute(QStringLiteral("fusermount3"), {QStringLiteral("-u"), probe});
            QVERIFY(fuse.waitForFinished(15000));
        }
        QWidget window;
        auto attachments =
            std::make_unique<VolumeAttachments>(&window, [this] { return m_host.localNbdUrl(); });
        attachments->setSelection(id, QStringLiteral("scratch disk"));
        QVERIFY(attachments->attachAction()->isEnabled());
        QVERIFY(!attachments->detachAction()->isEnabled());
        QSignalSpy attached(attachments.get(), &VolumeAttachments::attached);
        QSignalSpy failed(attachments.get(), &VolumeAttachments::failed);
        attachments->attachAction()->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(attached.count() == 1 || failed.count() > 0, 30000);
        QVERIFY2(failed.isEmpty(),
                 failed.isEmpty() ? "" : qPrintable(failed.first().at(0).toString()));
        const QString path = attached.first().at(1).toString();
        QVERIFY2(QFileInfo(path).size() == (16 << 20), qPrintable(path));
        QVERIFY(path.endsWith(QStringLiteral("scratch_disk.raw")));
        QVERIFY(attachments->detachAction()->isEnabled());
        QVERIFY(!attachments->attachAction()->isEnabled());
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::ReadWrite));
            QVERIFY(f.seek(1 << 20));
            QCOMPARE(f.write(QByteArray(65536, '\x3c')), qint64(65536));
            QVERIFY(f.flush());
        }
        QSignalSpy detached(attachments.get(), &VolumeAttachments::detached);
        attachments->detachAction()->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(detached.count(), 1, 30000);
        QVERIFY(!QFileInfo::exists(path));
        QVERIFY(!QFileInfo::exists(QFileInfo(path).path())); // the mount point goes too
        QVERIFY(attachments->attachments().isEmpty());
        // The bytes went through the engine into the volume's image.
        QFile image(imageOf(id));
        QVERIFY2(image.open(QIODevice::ReadOnly), qPrintable(image.fileName()));
        QVERIFY(image.seek(1 << 20));
        QCOMPARE(image.read(65536), QByteArray(65536, '\x3c'));

        // Still attached when the attachments go: they detach on the way out.
        attachments->attach(id, QStringLiteral("scratch disk"));
        QTRY_COMPARE_WITH_TIMEOUT(attached.count(), 2, 30000);
        const QString again = attached.last().at(1).toString();
        QVERIFY(QFileInfo::exists(again));
        attachments.reset();
        QVERIFY(!QFileInfo::exists(again));
        QVERIFY(!QFileInfo::exists(QFileInfo(again).path()));
    }

    void sayWhatIsMissingForARemoteOrUnservedVolume()
    {
        QWidget window;
        VolumeAttachments attachments(&window, [] { return QUrl(); });
        QSignalSpy failed(&attachments, &VolumeAttachments::failed);
        // The warning box would block; its text is what the signal carries.
        attachments.disconnect(&attachments);
        attachments.attach(QStringLiteral("some-volume"), QStringLiteral("db"));
        QCOMPARE(failed.count(), 1);
        QVERIFY(!failed.first().at(0).toString().isEmpty());
        attachments.setSelection({}, {});
        QVERIFY(!attachments.attachAction()->isEnabled());
    }
};

QTEST_MAIN(TestAttach)
#include "tst_attach.moc"
