#include "translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QPointer>
#include <QTranslator>

namespace rd::ui {

namespace {

// Replaces the translator installed under this slot; nullptr when the locale has no file.
bool install(QPointer<QTranslator> &slot, const QLocale &locale, const QString &name,
             const QString &directory)
{
    if (slot) {
        QCoreApplication::removeTranslator(slot);
        delete slot;
    }
    auto *translator = new QTranslator(QCoreApplication::instance());
    if (!translator->load(locale, name, QStringLiteral("_"), directory)) {
        delete translator;
        return false;
    }
    QCoreApplication::installTranslator(translator);
    slot = translator;
    return true;
}

} // namespace

TranslationsLoaded installTranslations(const QLocale &locale)
{
    static QPointer<QTranslator> qtTranslator;
    static QPointer<QTranslator> appTranslator;
    TranslationsLoaded loaded;
    loaded.qt = install(qtTranslator, locale, QStringLiteral("qtbase"),
                        QLibraryInfo::path(QLibraryInfo::TranslationsPath));
    loaded.application =
        install(appTranslator, locale, QStringLiteral("replicadesk"), QStringLiteral(":/i18n"));
    return loaded;
}

} // namespace rd::ui
