#include "sizeedit.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QHBoxLayout>

#include <cmath>

namespace rd::ui {

namespace {
constexpr quint64 kMiB = 1024ull * 1024;
constexpr quint64 kGiB = 1024ull * kMiB;
constexpr quint64 kTiB = 1024ull * kGiB;
// The largest size the spin box can hold in any unit: 1 024 TiB (1 PiB).
constexpr double kMaxBytes = 1024.0 * double(kTiB);
} // namespace

SizeEdit::SizeEdit(QWidget *parent)
    : QWidget(parent)
    , m_value(new QDoubleSpinBox(this))
    , m_unit(new QComboBox(this))
    , m_unitBytes(kGiB)
    , m_bytes(kGiB)
{
    m_unit->addItem(tr("MiB"), QVariant::fromValue(kMiB));
    m_unit->addItem(tr("GiB"), QVariant::fromValue(kGiB));
    m_unit->addItem(tr("TiB"), QVariant::fromValue(kTiB));
    m_unit->setCurrentIndex(1);
    showBytes();
    auto *row = new QHBoxLayout(this);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_value, 1);
    row->addWidget(m_unit);
    setFocusProxy(m_value);
    connect(m_unit, &QComboBox::currentIndexChanged, this, &SizeEdit::unitChanged);
    connect(m_value, &QDoubleSpinBox::valueChanged, this, [this](double value) {
        m_bytes = quint64(std::llround(value * double(m_unitBytes)));
        Q_EMIT bytesChanged(m_bytes);
    });
}

quint64 SizeEdit::bytes() const
{
    return m_bytes;
}

void SizeEdit::showBytes()
{
    // Enough decimals for a MiB in every unit, so a unit change never rounds the size away.
    const int index = m_unit->currentIndex();
    const QSignalBlocker block(m_value);
    m_value->setDecimals(index <= 0 ? 2 : index == 1 ? 3 : 6);
    m_value->setRange(0.0, kMaxBytes / double(m_unitBytes));
    m_value->setValue(double(m_bytes) / double(m_unitBytes));
}

void SizeEdit::setBytes(quint64 bytes)
{
    int index = 0;
    for (int i = m_unit->count() - 1; i > 0; --i) {
        if (bytes >= m_unit->itemData(i).toULongLong()) {
            index = i;
            break;
        }
    }
    m_bytes = bytes;
    {
        const QSignalBlocker block(m_unit);
        m_unit->setCurrentIndex(index);
    }
    m_unitBytes = m_unit->currentData().toULongLong();
    showBytes();
    Q_EMIT bytesChanged(m_bytes);
}

void SizeEdit::unitChanged()
{
    // The same bytes in the new unit: switching GiB to MiB turns 2 into 2048, not 2 MiB, and
    // switching back and forth never drifts.
    m_unitBytes = m_unit->currentData().toULongLong();
    showBytes();
}

} // namespace rd::ui
