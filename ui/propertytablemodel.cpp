#include "propertytablemodel.h"

#include "valueformat.h"

namespace rd::ui {

void PropertyTableModel::setInstance(const cim::Instance &instance)
{
    if (instance == m_instance)
        return;
    const bool sameShape = instance.properties().size() == m_instance.properties().size() &&
                           instance.className() == m_instance.className();
    if (sameShape) {
        // A refresh of the same object: keep the rows (and the user's selection), update values.
        bool namesEqual = true;
        for (qsizetype i = 0; i < instance.properties().size() && namesEqual; ++i)
            namesEqual = instance.properties()[i].first == m_instance.properties()[i].first;
        if (namesEqual) {
            m_instance = instance;
            if (rowCount() > 0)
                Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
            return;
        }
    }
    beginResetModel();
    m_instance = instance;
    endResetModel();
}

int PropertyTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_instance.properties().size());
}

int PropertyTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PropertyTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto &[name, value] = m_instance.properties().at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return index.column() == NameColumn ? name : displayValue(name, value);
    case Qt::ToolTipRole:
        if (index.column() == ValueColumn && value.isTyped()) {
            return tr("%1 (%2%3): %4")
                .arg(name, cim::cimTypeName(value.type()),
                     value.isArray() ? QStringLiteral("[]") : QString(), value.toDisplayString());
        }
        return {};
    default:
        return {};
    }
}

QString PropertyTableModel::displayValue(const QString &name, const cim::Value &value) const
{
    if (m_namer && value.isTyped() && !value.isNull() && !value.isArray() &&
        value.type() == cim::CimType::Reference) {
        const cim::ObjectPath path = value.toReference();
        if (const QString target = m_namer(path); !target.isEmpty())
            return tr("%1 (%2)").arg(target, path.className());
    }
    return formatValue(name, value);
}

QVariant PropertyTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("Property");
    case ValueColumn:
        return tr("Value");
    default:
        return {};
    }
}

} // namespace rd::ui
