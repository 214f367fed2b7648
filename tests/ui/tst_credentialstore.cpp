// Passwords in a real keychain: the freedesktop Secret Service (gnome-keyring on a private session
// bus, see with_keyring.sh). Written, read back, overwritten, deleted, missing as an error with
// QtKeychain's text; the connect dialog fills the password in from the keychain for a known user
// on a known system, and never over what the user typed.

#include "asynccall.h"
#include "connectsystemdialog.h"
#include "credentialstore.h"

#include <QCheckBox>
#include <QLineEdit>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace rd::ui;

namespace {

// Waits (in the event loop, as the GUI would) for the keychain's answer.
CredentialResult wait(const QFuture<CredentialResult> &future)
{
    std::optional<CredentialResult> answer;
    bool done = false;
    QObject context;
    whenReady(future, &context, [&](const std::optional<CredentialResult> &result) {
        answer = result;
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, 20000))
        return {CredentialResult::Status::Failed, QString(), QStringLiteral("timed out")};
    return answer.value_or(
        CredentialResult{CredentialResult::Status::Failed, QString(), QStringLiteral("cancelled")});
}

} // namespace

class TestCredentialStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QCoreApplication::setOrganizationName(QStringLiteral("ReplicaDeskTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_credentialstore"));
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope,
                           m_dir.filePath(QStringLiteral("settings")));
        if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
            QFAIL("no D-Bus session bus: run the test through tests/ui/with_keyring.sh");
    }

    void key()
    {
        QCOMPARE(CredentialStore::key(QStringLiteral("admin"), QStringLiteral("storage-01"), 5986),
                 QStringLiteral("admin@storage-01:5986"));
        QCOMPARE(CredentialStore::service(), QStringLiteral("ReplicaDesk"));
    }

    void writeReadOverwriteDelete()
    {
        CredentialStore store;
        const QString key =
            CredentialStore::key(QStringLiteral("admin"), QStringLiteral("storage-01"), 5986);

        CredentialResult written = wait(store.writePassword(key, QStringLiteral("first sécret")));
        QVERIFY2(written.ok(), qPrintable(written.error));

        CredentialResult read = wait(store.readPassword(key));
        QVERIFY2(read.ok(), qPrintable(read.error));
        QCOMPARE(read.password, QStringLiteral("first sécret"));

        written = wait(store.writePassword(key, QStringLiteral("second")));
        QVERIFY2(written.ok(), qPrintable(written.error));
        read = wait(store.readPassword(key));
        QVERIFY2(read.ok(), qPrintable(read.error));
        QCOMPARE(read.password, QStringLiteral("second"));

        // Another user on the same system is another entry.
        read = wait(store.readPassword(
            CredentialStore::key(QStringLiteral("other"), QStringLiteral("storage-01"), 5986)));
        QCOMPARE(read.status, CredentialResult::Status::NotFound);

        const CredentialResult deleted = wait(store.deletePassword(key));
        QVERIFY2(deleted.ok(), qPrintable(deleted.error));

        read = wait(store.readPassword(key));
        QVERIFY(!read.ok());
        QCOMPARE(read.status, CredentialResult::Status::NotFound);
        QVERIFY(!read.error.isEmpty()); // QtKeychain's own words
        QVERIFY(read.password.isEmpty());
    }

    void dialogFillsInStoredPassword()
    {
        CredentialStore store;
        const QString key =
            CredentialStore::key(QStringLiteral("operator"), QStringLiteral("storage-02"), 5986);
        const CredentialResult written = wait(store.writePassword(key, QStringLiteral("kept")));
        QVERIFY2(written.ok(), qPrintable(written.error));

        ConnectSystemDialog dialog;
        QVERIFY(dialog.rememberCheck()->isChecked()); // on unless the user says otherwise
        dialog.setCredentialStore(&store);
        dialog.addressEdit()->setText(QStringLiteral("storage-02"));
        dialog.userEdit()->setText(QStringLiteral("operator"));
        QCOMPARE(dialog.credentialKey(), key);
        QTRY_COMPARE_WITH_TIMEOUT(dialog.passwordEdit()->text(), QStringLiteral("kept"), 10000);
        QVERIFY(dialog.passwordFromKeychain());

        // Another user: the password filled in goes, none is kept for them.
        dialog.userEdit()->setText(QStringLiteral("nobody"));
        QTRY_VERIFY_WITH_TIMEOUT(dialog.passwordEdit()->text().isEmpty(), 10000);
        QTest::qWait(500);
        QVERIFY(dialog.passwordEdit()->text().isEmpty());
        QVERIFY(!dialog.passwordFromKeychain());

        // What the user typed is never replaced.
        dialog.passwordEdit()->setText(QStringLiteral("typed"));
        dialog.userEdit()->setText(QStringLiteral("operator"));
        QTest::qWait(1000);
        QCOMPARE(dialog.passwordEdit()->text(), QStringLiteral("typed"));
        QVERIFY(!dialog.passwordFromKeychain());

        // Nothing of the password in the settings.
        QSettings settings;
        for (const QString &name : settings.allKeys())
            QVERIFY(!settings.value(name).toString().contains(QStringLiteral("kept")));

        QVERIFY(wait(store.deletePassword(key)).ok());
    }

private:
    QTemporaryDir m_dir;
};

QTEST_MAIN(TestCredentialStore)
#include "tst_credentialstore.moc"
