#pragma once
// Display names for CIM value maps. Every code a map defines has a translatable name; a code
// outside it is named by the range it falls in ("DMTF Reserved", "Vendor Specific", …) or as an
// unknown value, so no value a peer sends can make a lookup fail.

#include <QList>
#include <QString>

namespace rd::cim {

class ValueMap
{
public:
    enum class RangeKind { DmtfReserved, VendorSpecific, MethodReserved };
    struct Entry
    {
        quint32 code;
        const char *name; // marked with QT_TRANSLATE_NOOP("rd::cim::ValueMap", ...)
    };
    struct Range
    {
        quint64 from;
        quint64 to;
        RangeKind kind;
    };

    ValueMap(const char *property, QList<Entry> entries, QList<Range> ranges);

    QString property() const;
    // Translated name; "DMTF Reserved (9)", "Vendor Specific (32768)" or "Unknown value (n)".
    QString label(quint64 code) const;
    bool isDefined(quint64 code) const; // has a name of its own
    QList<quint32> codes() const;       // the defined codes, ascending

    static const ValueMap &syncType();
    static const ValueMap &mode();
    static const ValueMap &copyState();
    static const ValueMap &progressStatus();
    static const ValueMap &syncState();
    static const ValueMap &copyType();
    static const ValueMap &replicaType();
    static const ValueMap &copyMethodology();
    static const ValueMap &jobState();
    static const ValueMap &operationalStatus();
    static const ValueMap &jobRequestedState();
    static const ValueMap &returnCode();
    static const ValueMap &syncOperation();
    // The map for a property or parameter name ("CopyState", "WaitForCopyState", "SyncType", …),
    // or nullptr; the details pane uses it to label raw numbers.
    static const ValueMap *forProperty(QStringView name);

private:
    const char *m_property;
    QList<Entry> m_entries;
    QList<Range> m_ranges;
};

} // namespace rd::cim
