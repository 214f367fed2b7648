#pragma once
// The properties of one CIM instance as a two-column table (property, value); value-mapped
// numbers show their labels ("Clone (8)"), references the name of what they point to, and the
// raw value is the tooltip.

#include "cim/instance.h"

#include <QAbstractTableModel>

#include <functional>

namespace rd::ui {

class PropertyTableModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { NameColumn, ValueColumn, ColumnCount };

    using QAbstractTableModel::QAbstractTableModel;

    // Names the object a reference points to ("Database"), or an empty string when unknown.
    using ReferenceNamer = std::function<QString(const cim::ObjectPath &)>;
    void setReferenceNamer(ReferenceNamer namer) { m_namer = std::move(namer); }

    // Replaces the shown instance; the same instance again changes nothing.
    void setInstance(const cim::Instance &instance);
    const cim::Instance &instance() const { return m_instance; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QString displayValue(const QString &name, const cim::Value &value) const;

    cim::Instance m_instance;
    ReferenceNamer m_namer;
};

} // namespace rd::ui
