#include "errortext.h"

#include "cim/valuemap.h"
#include "valueformat.h"

#include <QCoreApplication>

namespace rd::ui {

namespace {
QString codeAndMessage(quint32 code, const QString &message)
{
    const QString meaning = valueMapLabel(cim::ValueMap::returnCode(), code);
    if (message.isEmpty())
        return meaning;
    //: A return code's meaning, then the system's explanation.
    return QCoreApplication::translate("rd::ui::ErrorText", "%1: %2").arg(meaning, message);
}
} // namespace

QString methodErrorText(const cim::MethodResult &result)
{
    return codeAndMessage(result.returnValue, result.message);
}

QString errorText(const cim::Error &error)
{
    return codeAndMessage(error.code, error.message);
}

QString methodErrorText(const std::optional<cim::MethodResult> &result)
{
    if (!result)
        return QCoreApplication::translate("rd::ui::ErrorText", "The system did not answer.");
    return methodErrorText(*result);
}

} // namespace rd::ui
