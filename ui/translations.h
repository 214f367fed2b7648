#pragma once
// Loads the console's translations for a locale: Qt's own (qtbase_<lang> from Qt's translation
// directory) and ReplicaDesk's (:/i18n/replicadesk_<lang>.qm, compiled in by qt_add_translations).

#include <QLocale>

namespace rd::ui {

struct TranslationsLoaded
{
    bool qt = false;          // Qt's own strings (standard buttons, About Qt, …)
    bool application = false; // ReplicaDesk's strings
};

// Installs the translators on QCoreApplication (replacing any this function installed before);
// English needs none and loads none.
TranslationsLoaded installTranslations(const QLocale &locale);

} // namespace rd::ui
