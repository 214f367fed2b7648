#include "cimclasses.h"

namespace rd::ui::classes {

namespace {
QStringView withoutSchema(QStringView name)
{
    const qsizetype underscore = name.indexOf(u'_');
    return underscore < 0 ? name : name.mid(underscore + 1);
}
} // namespace

bool sameClass(QStringView a, QStringView b)
{
    return withoutSchema(a).compare(withoutSchema(b), Qt::CaseInsensitive) == 0;
}

QStringList changingWith(QStringView className)
{
    if (sameClass(className, concreteJob()))
        return {affectedJobElement()};
    if (sameClass(className, storageSynchronized()))
        return {storageVolume(), allocatedFromStoragePool(), storagePool()};
    return {};
}

} // namespace rd::ui::classes
