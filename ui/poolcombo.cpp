#include "poolcombo.h"

#include "cimclasses.h"
#include "storagefigures.h"
#include "systeminventory.h"
#include "valueformat.h"

#include <QComboBox>

namespace rd::ui {

QList<cim::Instance> fillPoolCombo(QComboBox *combo, const SystemInventory *system,
                                   const cim::ObjectPath &preferred)
{
    const QList<cim::Instance> pools =
        system ? system->instances(classes::storagePool()) : QList<cim::Instance>();
    const QString wanted = identityOf(preferred);
    int current = 0;
    for (qsizetype i = 0; i < pools.size(); ++i) {
        combo->addItem(instanceLabel(pools.at(i)));
        if (!wanted.isEmpty() && identityOf(pools.at(i).path()) == wanted)
            current = int(i);
    }
    combo->setCurrentIndex(pools.isEmpty() ? -1 : current);
    return pools;
}

} // namespace rd::ui
