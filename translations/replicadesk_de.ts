<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>CloneCopier</name>
    <message>
        <source>Snapshot volumes are read-only: they hold the source as it was when the snapshot was taken.</source>
        <translation>Snapshot-Volumes sind schreibgeschützt: Sie enthalten die Quelle so, wie sie beim Erstellen des Snapshots war.</translation>
    </message>
</context>
<context>
    <name>MethodSpec</name>
    <message>
        <source>%1 has no parameter named %2.</source>
        <translation>%1 hat keinen Parameter namens %2.</translation>
    </message>
    <message>
        <source>%1 is an output parameter of %2 and cannot be given.</source>
        <translation>%1 ist ein Ausgabeparameter von %2 und kann nicht übergeben werden.</translation>
    </message>
    <message>
        <source>Parameter %1 must be of type %2, not %3.</source>
        <translation>Der Parameter %1 muss vom Typ %2 sein, nicht %3.</translation>
    </message>
    <message>
        <source>Parameter %1 is required.</source>
        <translation>Der Parameter %1 ist erforderlich.</translation>
    </message>
</context>
<context>
    <name>cim</name>
    <message>
        <source>The class %1 is not served by this system.</source>
        <translation>Die Klasse %1 wird von diesem System nicht bereitgestellt.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>This system cannot convert images: qemu-img is not installed.</source>
        <translation>Dieses System kann keine Abbilder umwandeln: qemu-img ist nicht installiert.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Storage replication console with an embedded engine.</source>
        <translation>Konsole für Speicherreplikation mit eingebetteter Engine.</translation>
    </message>
    <message>
        <source>Keep the engine&apos;s state, its default pool and the console&apos;s settings in &lt;dir&gt; instead of the user&apos;s data location.</source>
        <translation>Zustand der Engine, ihren Standardpool und die Einstellungen der Konsole in &lt;Verzeichnis&gt; statt im Datenverzeichnis des Benutzers ablegen.</translation>
    </message>
    <message>
        <source>dir</source>
        <translation>Verzeichnis</translation>
    </message>
    <message>
        <source>Once the window has loaded, save it to &lt;file.png&gt; and quit.</source>
        <translation>Sobald das Fenster geladen ist, es in &lt;Datei.png&gt; speichern und beenden.</translation>
    </message>
    <message>
        <source>file.png</source>
        <translation>Datei.png</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>%1 kann nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>The embedded replication engine could not be started.

%1

Data directory: %2</source>
        <translation>Die eingebettete Replikations-Engine konnte nicht gestartet werden.

%1

Datenverzeichnis: %2</translation>
    </message>
    <message>
        <source>Serve the volumes to other computers over NBD with TLS (port 10809), as the setting in the Storage menu does.</source>
        <translation>Die Volumes anderen Computern über NBD mit TLS bereitstellen (Port 10809), wie es die Einstellung im Menü „Speicher“ tut.</translation>
    </message>
</context>
<context>
    <name>rd::cim::ValueMap</name>
    <message>
        <source>DMTF Reserved (%1)</source>
        <translation>DMTF-reserviert (%1)</translation>
    </message>
    <message>
        <source>Vendor Specific (%1)</source>
        <translation>Herstellerspezifisch (%1)</translation>
    </message>
    <message>
        <source>Method Reserved (%1)</source>
        <translation>Methodenreserviert (%1)</translation>
    </message>
    <message>
        <source>Unknown value (%1)</source>
        <translation>Unbekannter Wert (%1)</translation>
    </message>
    <message>
        <source>Mirror</source>
        <translation>Spiegel</translation>
    </message>
    <message>
        <source>Snapshot</source>
        <translation>Snapshot</translation>
    </message>
    <message>
        <source>Clone</source>
        <translation>Klon</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <source>Synchronous</source>
        <translation>Synchron</translation>
    </message>
    <message>
        <source>Asynchronous</source>
        <translation>Asynchron</translation>
    </message>
    <message>
        <source>Initialized</source>
        <translation>Initialisiert</translation>
    </message>
    <message>
        <source>Unsynchronized</source>
        <translation>Nicht synchronisiert</translation>
    </message>
    <message>
        <source>Synchronized</source>
        <translation>Synchronisiert</translation>
    </message>
    <message>
        <source>Broken</source>
        <translation>Unterbrochen</translation>
    </message>
    <message>
        <source>Fractured</source>
        <translation>Getrennt</translation>
    </message>
    <message>
        <source>Split</source>
        <translation>Aufgeteilt</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>Inaktiv</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>Angehalten</translation>
    </message>
    <message>
        <source>Failedover</source>
        <translation>Failover erfolgt</translation>
    </message>
    <message>
        <source>Prepared</source>
        <translation>Vorbereitet</translation>
    </message>
    <message>
        <source>Aborted</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Skewed</source>
        <translation>Versetzt</translation>
    </message>
    <message>
        <source>Mixed</source>
        <translation>Gemischt</translation>
    </message>
    <message>
        <source>Not Applicable</source>
        <translation>Nicht zutreffend</translation>
    </message>
    <message>
        <source>Partitioned</source>
        <translation>Partitioniert</translation>
    </message>
    <message>
        <source>Invalid</source>
        <translation>Ungültig</translation>
    </message>
    <message>
        <source>Restored</source>
        <translation>Wiederhergestellt</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>Dormant</source>
        <translation>Ruhend</translation>
    </message>
    <message>
        <source>Initializing</source>
        <translation>Wird initialisiert</translation>
    </message>
    <message>
        <source>Preparing</source>
        <translation>Wird vorbereitet</translation>
    </message>
    <message>
        <source>Synchronizing</source>
        <translation>Wird synchronisiert</translation>
    </message>
    <message>
        <source>Resyncing</source>
        <translation>Wird neu synchronisiert</translation>
    </message>
    <message>
        <source>Restoring</source>
        <translation>Wird wiederhergestellt</translation>
    </message>
    <message>
        <source>Fracturing</source>
        <translation>Wird getrennt</translation>
    </message>
    <message>
        <source>Splitting</source>
        <translation>Wird aufgeteilt</translation>
    </message>
    <message>
        <source>Failing over</source>
        <translation>Failover läuft</translation>
    </message>
    <message>
        <source>Failing back</source>
        <translation>Failback läuft</translation>
    </message>
    <message>
        <source>Aborting</source>
        <translation>Wird abgebrochen</translation>
    </message>
    <message>
        <source>Suspending</source>
        <translation>Wird angehalten</translation>
    </message>
    <message>
        <source>Requires fracture</source>
        <translation>Trennung erforderlich</translation>
    </message>
    <message>
        <source>Requires resync</source>
        <translation>Neusynchronisation erforderlich</translation>
    </message>
    <message>
        <source>Requires activate</source>
        <translation>Aktivierung erforderlich</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Ausstehend</translation>
    </message>
    <message>
        <source>Detaching</source>
        <translation>Wird gelöst</translation>
    </message>
    <message>
        <source>Requires detach</source>
        <translation>Lösen erforderlich</translation>
    </message>
    <message>
        <source>Prepare In Progress</source>
        <translation>Vorbereitung läuft</translation>
    </message>
    <message>
        <source>Resync In Progress</source>
        <translation>Neusynchronisation läuft</translation>
    </message>
    <message>
        <source>Fracture In Progress</source>
        <translation>Trennung läuft</translation>
    </message>
    <message>
        <source>Quiesce In Progress</source>
        <translation>Stilllegung läuft</translation>
    </message>
    <message>
        <source>Quiesced</source>
        <translation>Stillgelegt</translation>
    </message>
    <message>
        <source>Restore In Progress</source>
        <translation>Wiederherstellung läuft</translation>
    </message>
    <message>
        <source>Idle</source>
        <translation>Leerlauf</translation>
    </message>
    <message>
        <source>Frozen</source>
        <translation>Eingefroren</translation>
    </message>
    <message>
        <source>Copy In Progress</source>
        <translation>Kopieren läuft</translation>
    </message>
    <message>
        <source>Async</source>
        <translation>Asynchron</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Synchron</translation>
    </message>
    <message>
        <source>UnSyncAssoc</source>
        <translation>Nicht synchronisiert, verknüpft</translation>
    </message>
    <message>
        <source>UnSyncUnAssoc</source>
        <translation>Nicht synchronisiert, nicht verknüpft</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <source>Starting</source>
        <translation>Wird gestartet</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Shutting Down</source>
        <translation>Wird beendet</translation>
    </message>
    <message>
        <source>Terminated</source>
        <translation>Beendet</translation>
    </message>
    <message>
        <source>Killed</source>
        <translation>Abgewürgt</translation>
    </message>
    <message>
        <source>Exception</source>
        <translation>Ausnahme</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Wartung</translation>
    </message>
    <message>
        <source>Query Pending</source>
        <translation>Abfrage ausstehend</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Andere</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Degraded</source>
        <translation>Beeinträchtigt</translation>
    </message>
    <message>
        <source>Stressed</source>
        <translation>Überlastet</translation>
    </message>
    <message>
        <source>Predictive Failure</source>
        <translation>Ausfall absehbar</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Non-Recoverable Error</source>
        <translation>Nicht behebbarer Fehler</translation>
    </message>
    <message>
        <source>Stopping</source>
        <translation>Wird gestoppt</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Gestoppt</translation>
    </message>
    <message>
        <source>In Service</source>
        <translation>In Wartung</translation>
    </message>
    <message>
        <source>No Contact</source>
        <translation>Kein Kontakt</translation>
    </message>
    <message>
        <source>Lost Communication</source>
        <translation>Verbindung verloren</translation>
    </message>
    <message>
        <source>Supporting Entity in Error</source>
        <translation>Unterstützende Komponente fehlerhaft</translation>
    </message>
    <message>
        <source>Power Mode</source>
        <translation>Energiemodus</translation>
    </message>
    <message>
        <source>Relocating</source>
        <translation>Wird verlagert</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Starten</translation>
    </message>
    <message>
        <source>Suspend</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <source>Terminate</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>Kill</source>
        <translation>Abwürgen</translation>
    </message>
    <message>
        <source>Completed with No Error</source>
        <translation>Ohne Fehler abgeschlossen</translation>
    </message>
    <message>
        <source>Not Supported</source>
        <translation>Nicht unterstützt</translation>
    </message>
    <message>
        <source>Timeout</source>
        <translation>Zeitüberschreitung</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Invalid Parameter</source>
        <translation>Ungültiger Parameter</translation>
    </message>
    <message>
        <source>In Use</source>
        <translation>In Verwendung</translation>
    </message>
    <message>
        <source>Method Parameters Checked - Job Started</source>
        <translation>Methodenparameter geprüft – Auftrag gestartet</translation>
    </message>
    <message>
        <source>Invalid State Transition</source>
        <translation>Ungültiger Zustandsübergang</translation>
    </message>
    <message>
        <source>Abort</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Activate Consistency</source>
        <translation>Konsistenz aktivieren</translation>
    </message>
    <message>
        <source>Activate</source>
        <translation>Aktivieren</translation>
    </message>
    <message>
        <source>AddSyncPair</source>
        <translation>Synchronisationspaar hinzufügen</translation>
    </message>
    <message>
        <source>Deactivate Consistency</source>
        <translation>Konsistenz deaktivieren</translation>
    </message>
    <message>
        <source>Deactivate</source>
        <translation>Deaktivieren</translation>
    </message>
    <message>
        <source>Detach</source>
        <translation>Lösen</translation>
    </message>
    <message>
        <source>Dissolve</source>
        <translation>Auflösen</translation>
    </message>
    <message>
        <source>Failover</source>
        <translation>Failover</translation>
    </message>
    <message>
        <source>Failback</source>
        <translation>Failback</translation>
    </message>
    <message>
        <source>Fracture</source>
        <translation>Trennen</translation>
    </message>
    <message>
        <source>RemoveSyncPair</source>
        <translation>Synchronisationspaar entfernen</translation>
    </message>
    <message>
        <source>Resync Replica</source>
        <translation>Replikat neu synchronisieren</translation>
    </message>
    <message>
        <source>Restore from Replica</source>
        <translation>Aus Replikat wiederherstellen</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Reset To Sync</source>
        <translation>Auf synchron zurücksetzen</translation>
    </message>
    <message>
        <source>Reset To Async</source>
        <translation>Auf asynchron zurücksetzen</translation>
    </message>
    <message>
        <source>Return To ResourcePool</source>
        <translation>An Ressourcenpool zurückgeben</translation>
    </message>
    <message>
        <source>Reverse Roles</source>
        <translation>Rollen tauschen</translation>
    </message>
    <message>
        <source>Unprepare</source>
        <translation>Vorbereitung aufheben</translation>
    </message>
    <message>
        <source>Prepare</source>
        <translation>Vorbereiten</translation>
    </message>
    <message>
        <source>Swap</source>
        <translation>Tauschen</translation>
    </message>
    <message>
        <source>Reset To Adaptive</source>
        <translation>Auf adaptiv zurücksetzen</translation>
    </message>
    <message>
        <source>Not Specified</source>
        <translation>Nicht angegeben</translation>
    </message>
    <message>
        <source>Full Copy</source>
        <translation>Vollständige Kopie</translation>
    </message>
    <message>
        <source>Before Delta</source>
        <translation>Vorher-Delta</translation>
    </message>
    <message>
        <source>After Delta</source>
        <translation>Nachher-Delta</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>Implementation Decides</source>
        <translation>Implementierung entscheidet</translation>
    </message>
    <message>
        <source>Incremental Copy</source>
        <translation>Inkrementelle Kopie</translation>
    </message>
    <message>
        <source>Differential Copy</source>
        <translation>Differenzielle Kopie</translation>
    </message>
    <message>
        <source>Copy On Write</source>
        <translation>Copy-on-Write</translation>
    </message>
    <message>
        <source>Copy On Access</source>
        <translation>Copy-on-Access</translation>
    </message>
    <message>
        <source>Delta Update</source>
        <translation>Delta-Aktualisierung</translation>
    </message>
    <message>
        <source>Snap And Clone</source>
        <translation>Snapshot und Klon</translation>
    </message>
</context>
<context>
    <name>rd::engine</name>
    <message>
        <source>Cannot open the volume image %1: %2.</source>
        <translation>Das Volume-Abbild %1 kann nicht geöffnet werden: %2.</translation>
    </message>
    <message>
        <source>Cannot read the size of %1: %2.</source>
        <translation>Die Größe von %1 kann nicht gelesen werden: %2.</translation>
    </message>
    <message>
        <source>Cannot create the volume image %1: %2.</source>
        <translation>Das Volume-Abbild %1 kann nicht angelegt werden: %2.</translation>
    </message>
    <message>
        <source>Cannot size the volume image %1: %2.</source>
        <translation>Die Größe des Volume-Abbilds %1 kann nicht gesetzt werden: %2.</translation>
    </message>
    <message>
        <source>Cannot read from %1: %2.</source>
        <translation>Aus %1 kann nicht gelesen werden: %2.</translation>
    </message>
    <message>
        <source>Cannot write to %1: %2.</source>
        <translation>In %1 kann nicht geschrieben werden: %2.</translation>
    </message>
    <message>
        <source>Cannot flush %1: %2.</source>
        <translation>%1 kann nicht auf den Datenträger geschrieben werden: %2.</translation>
    </message>
    <message>
        <source>Cannot map the data of %1: %2.</source>
        <translation>Die Datenbereiche von %1 können nicht ermittelt werden: %2.</translation>
    </message>
    <message>
        <source>Cannot discard blocks of %1: %2.</source>
        <translation>Blöcke von %1 können nicht freigegeben werden: %2.</translation>
    </message>
    <message>
        <source>Cannot read the capacity of the pool directory %1: %2.</source>
        <translation>Die Kapazität des Pool-Verzeichnisses %1 kann nicht gelesen werden: %2.</translation>
    </message>
    <message>
        <source>There is no synchronization %1 in the catalog.</source>
        <translation>Im Katalog gibt es keine Synchronisation %1.</translation>
    </message>
    <message>
        <source>Only storage volumes (ElementType 2) can be created.</source>
        <translation>Nur Speichervolumes (ElementType 2) können angelegt werden.</translation>
    </message>
    <message>
        <source>ElementType %1 is not a valid element type.</source>
        <translation>ElementType %1 ist kein gültiger Elementtyp.</translation>
    </message>
    <message>
        <source>Size must give the volume&apos;s size in bytes.</source>
        <translation>Size muss die Größe des Volumes in Bytes angeben.</translation>
    </message>
    <message>
        <source>The pool %1 still holds volumes.</source>
        <translation>Der Pool %1 enthält noch Volumes.</translation>
    </message>
    <message>
        <source>Cannot create the catalog %1: %2.</source>
        <translation>Der Katalog %1 kann nicht angelegt werden: %2.</translation>
    </message>
    <message>
        <source>Cannot make the catalog %1 private to its owner.</source>
        <translation>Der Katalog %1 kann nicht auf seinen Besitzer beschränkt werden.</translation>
    </message>
    <message>
        <source>Size must give the volume&apos;s new size in bytes.</source>
        <translation>Size muss die neue Größe des Volumes in Bytes angeben.</translation>
    </message>
    <message>
        <source>Format %1 is not one of %2.</source>
        <translation>Das Format %1 ist keines von %2.</translation>
    </message>
    <message>
        <source>%1 must name a file.</source>
        <translation>%1 muss eine Datei nennen.</translation>
    </message>
    <message>
        <source>%1 contains a control character.</source>
        <translation>%1 enthält ein Steuerzeichen.</translation>
    </message>
    <message>
        <source>%1 must be an absolute path, not %2.</source>
        <translation>%1 muss ein absoluter Pfad sein, nicht %2.</translation>
    </message>
    <message>
        <source>%1 names a directory, not a file: %2.</source>
        <translation>%1 nennt ein Verzeichnis, keine Datei: %2.</translation>
    </message>
    <message>
        <source>Imported volume</source>
        <translation>Importiertes Volume</translation>
    </message>
    <message>
        <source>%1 was created while the export ran; it was left as it is.</source>
        <translation>%1 wurde während des Exports angelegt; die Datei blieb unverändert.</translation>
    </message>
    <message>
        <source>Cannot name the exported image %1: %2</source>
        <translation>Das exportierte Abbild kann nicht %1 genannt werden: %2</translation>
    </message>
</context>
<context>
    <name>rd::engine::CheckpointMap</name>
    <message>
        <source>Cannot create the checkpoint %1: %2</source>
        <translation>Der Prüfpunkt %1 kann nicht angelegt werden: %2</translation>
    </message>
    <message>
        <source>Cannot write the checkpoint %1: %2</source>
        <translation>Der Prüfpunkt %1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>the checkpoint %1 cannot be opened: %2</source>
        <translation>der Prüfpunkt %1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>the checkpoint %1 is damaged or belongs to another copy</source>
        <translation>der Prüfpunkt %1 ist beschädigt oder gehört zu einer anderen Kopie</translation>
    </message>
    <message>
        <source>The checkpoint is not open.</source>
        <translation>Der Prüfpunkt ist nicht geöffnet.</translation>
    </message>
    <message>
        <source>Cannot sync the checkpoint %1: %2</source>
        <translation>Der Prüfpunkt %1 kann nicht auf den Datenträger geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Cannot remove the checkpoint %1: %2</source>
        <translation>Der Prüfpunkt %1 kann nicht entfernt werden: %2</translation>
    </message>
    <message>
        <source>Chunk %1 lies beyond the checkpoint %2.</source>
        <translation>Der Abschnitt %1 liegt hinter dem Prüfpunkt %2.</translation>
    </message>
</context>
<context>
    <name>rd::engine::CloneCopier</name>
    <message>
        <source>Copying %1 bytes at offset %2 failed: %3</source>
        <translation>Das Kopieren von %1 Bytes ab Position %2 ist fehlgeschlagen: %3</translation>
    </message>
    <message>
        <source>The target (%1 bytes) is smaller than the source (%2 bytes).</source>
        <translation>Das Ziel (%1 Bytes) ist kleiner als die Quelle (%2 Bytes).</translation>
    </message>
    <message>
        <source>The copy has no checkpoint to resume from.</source>
        <translation>Die Kopie hat keinen Prüfpunkt, an dem sie fortgesetzt werden kann.</translation>
    </message>
    <message>
        <source>The copy was cancelled.</source>
        <translation>Die Kopie wurde abgebrochen.</translation>
    </message>
    <message>
        <source>The point-in-time copy is no longer attached to its source.</source>
        <translation>Die Zeitpunktkopie ist nicht mehr mit ihrer Quelle verbunden.</translation>
    </message>
    <message>
        <source>The range of %1 bytes at offset %2 lies beyond the end of the volume (%3 bytes).</source>
        <translation>Der Bereich von %1 Bytes ab Position %2 liegt hinter dem Ende des Volumes (%3 Bytes).</translation>
    </message>
</context>
<context>
    <name>rd::engine::Database</name>
    <message>
        <source>The catalog could not be updated or read: %1.</source>
        <translation>Der Katalog konnte nicht gelesen oder aktualisiert werden: %1.</translation>
    </message>
    <message>
        <source>The SQLite driver for Qt SQL (QSQLITE) is not installed.</source>
        <translation>Der SQLite-Treiber für Qt SQL (QSQLITE) ist nicht installiert.</translation>
    </message>
    <message>
        <source>Cannot open the catalog %1: %2.</source>
        <translation>Der Katalog %1 kann nicht geöffnet werden: %2.</translation>
    </message>
    <message>
        <source>Cannot switch the catalog %1 to write-ahead logging: %2.</source>
        <translation>Der Katalog %1 kann nicht auf Write-Ahead-Logging umgestellt werden: %2.</translation>
    </message>
    <message>
        <source>The catalog %1 was written by a newer ReplicaDesk (%2 %3; this version knows up to %4).</source>
        <translation>Der Katalog %1 wurde von einer neueren ReplicaDesk-Version geschrieben (%2 %3; diese Version kennt bis %4).</translation>
    </message>
    <message>
        <source>The catalog %1 was written by a newer ReplicaDesk (schema %2; this version knows up to %3).</source>
        <translation>Der Katalog %1 wurde von einer neueren ReplicaDesk-Version geschrieben (Schema %2; diese Version kennt Schemata bis %3).</translation>
    </message>
    <message>
        <source>The schema of %1 is not numbered 1, 2, 3, …</source>
        <translation>Das Schema von %1 ist nicht fortlaufend 1, 2, 3, … nummeriert.</translation>
    </message>
</context>
<context>
    <name>rd::engine::Engine</name>
    <message>
        <source>The engine needs a data directory and a default pool directory.</source>
        <translation>Die Engine benötigt ein Datenverzeichnis und ein Verzeichnis für den Standardpool.</translation>
    </message>
    <message>
        <source>Cannot create the directory %1.</source>
        <translation>Das Verzeichnis %1 kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>Provider classes overlap.</source>
        <translation>Die Klassen der Provider überschneiden sich.</translation>
    </message>
    <message>
        <source>Cannot make the directory %1 private to its owner.</source>
        <translation>Das Verzeichnis %1 kann nicht auf seinen Besitzer beschränkt werden.</translation>
    </message>
</context>
<context>
    <name>rd::engine::EngineHost</name>
    <message>
        <source>The engine thread did not answer.</source>
        <translation>Der Thread der Engine hat nicht geantwortet.</translation>
    </message>
    <message>
        <source>The engine is not running.</source>
        <translation>Die Engine läuft nicht.</translation>
    </message>
</context>
<context>
    <name>rd::engine::EngineServer</name>
    <message>
        <source>NBD on TCP admits hosts by TLS, and this server has no TLS: serve this computer&apos;s users on the NBD socket, or give --nbd-insecure to admit every client.</source>
        <translation>NBD über TCP lässt Hosts anhand von TLS zu, und dieser Server hat kein TLS: Bedienen Sie die Benutzer dieses Computers über den NBD-Socket, oder geben Sie --nbd-insecure an, um jeden Client zuzulassen.</translation>
    </message>
    <message>
        <source>peer %1</source>
        <translation>Gegenstelle %1</translation>
    </message>
    <message>
        <source>This server admits no hosts.</source>
        <translation>Dieser Server lässt keine Hosts zu.</translation>
    </message>
    <message>
        <source>This certificate never signed in to WS-Management here, and no host in Host Access has it.</source>
        <translation>Mit diesem Zertifikat wurde hier nie eine Anmeldung bei WS-Management vorgenommen, und kein Host unter „Hostzugriff“ hat es.</translation>
    </message>
    <message>
        <source>host %1</source>
        <translation>Host %1</translation>
    </message>
</context>
<context>
    <name>rd::engine::FileVolume</name>
    <message>
        <source>%1 is not a volume image (a regular file whose size is a multiple of %2 bytes).</source>
        <translation>%1 ist kein Volume-Abbild (eine reguläre Datei, deren Größe ein Vielfaches von %2 Bytes ist).</translation>
    </message>
    <message>
        <source>A volume size must be a positive multiple of %1 bytes; %2 is not.</source>
        <translation>Die Größe eines Volumes muss ein positives Vielfaches von %1 Bytes sein; %2 ist es nicht.</translation>
    </message>
    <message>
        <source>The range of %1 bytes at offset %2 lies beyond the end of the volume (%3 bytes).</source>
        <translation>Der Bereich von %1 Bytes ab Position %2 liegt hinter dem Ende des Volumes (%3 Bytes).</translation>
    </message>
    <message>
        <source>A volume can only grow, in multiples of %1 bytes.</source>
        <translation>Ein Volume kann nur wachsen, in Vielfachen von %1 Bytes.</translation>
    </message>
</context>
<context>
    <name>rd::engine::HostAccess</name>
    <message>
        <source>A host needs a name.</source>
        <translation>Ein Host braucht einen Namen.</translation>
    </message>
    <message numerus="yes">
        <source>A host name may have at most %n characters.</source>
        <translation>
            <numerusform>Ein Hostname darf höchstens %n Zeichen haben.</numerusform>
            <numerusform>Ein Hostname darf höchstens %n Zeichen haben.</numerusform>
        </translation>
    </message>
    <message>
        <source>A PSK identity is 1 to 128 letters, digits, &apos;.&apos;, &apos;_&apos;, &apos;@&apos; or &apos;-&apos;; &quot;%1&quot; is not.</source>
        <translation>Eine PSK-Identität besteht aus 1 bis 128 Buchstaben, Ziffern, „.“, „_“, „@“ oder „-“; „%1“ nicht.</translation>
    </message>
    <message>
        <source>A certificate is named by its SHA-256 fingerprint, 64 hexadecimal digits (colons allowed).</source>
        <translation>Ein Zertifikat wird durch seinen SHA-256-Fingerabdruck benannt: 64 Hexadezimalziffern (Doppelpunkte erlaubt).</translation>
    </message>
    <message>
        <source>A host needs a PSK identity or a certificate to be known by.</source>
        <translation>Ein Host braucht eine PSK-Identität oder ein Zertifikat, an dem er erkannt wird.</translation>
    </message>
    <message>
        <source>A pre-shared key has %1 to %2 bytes; this one has %3.</source>
        <translation>Ein vorab geteilter Schlüssel hat %1 bis %2 Bytes; dieser hat %3.</translation>
    </message>
    <message>
        <source>A pre-shared key needs the identity it belongs to.</source>
        <translation>Ein vorab geteilter Schlüssel braucht die Identität, zu der er gehört.</translation>
    </message>
    <message>
        <source>There is a host named %1 already.</source>
        <translation>Es gibt bereits einen Host namens %1.</translation>
    </message>
    <message>
        <source>The host %1 has the PSK identity %2 already.</source>
        <translation>Der Host %1 hat bereits die PSK-Identität %2.</translation>
    </message>
    <message>
        <source>The host %1 has this certificate already.</source>
        <translation>Der Host %1 hat dieses Zertifikat bereits.</translation>
    </message>
    <message>
        <source>There is no host %1.</source>
        <translation>Es gibt keinen Host %1.</translation>
    </message>
    <message>
        <source>There is no volume %1.</source>
        <translation>Es gibt kein Volume %1.</translation>
    </message>
    <message>
        <source>There is no pool %1.</source>
        <translation>Es gibt keinen Pool %1.</translation>
    </message>
    <message>
        <source>This server admits hosts by a pre-shared key or a client certificate: connect with one that Host Access lists.</source>
        <translation>Dieser Server lässt Hosts anhand eines vorab geteilten Schlüssels oder eines Client-Zertifikats zu: Verbinden Sie sich mit einem, das unter „Hostzugriff“ eingetragen ist.</translation>
    </message>
    <message>
        <source>The host %1 is not admitted to the volume %2: add it under Host Access.</source>
        <translation>Der Host %1 ist für das Volume %2 nicht zugelassen: Fügen Sie ihn unter „Hostzugriff“ hinzu.</translation>
    </message>
    <message>
        <source>No host in Host Access has this certificate.</source>
        <translation>Kein Host unter „Hostzugriff“ hat dieses Zertifikat.</translation>
    </message>
    <message>
        <source>No host in Host Access has this PSK identity.</source>
        <translation>Kein Host unter „Hostzugriff“ hat diese PSK-Identität.</translation>
    </message>
</context>
<context>
    <name>rd::engine::HostAccessProvider</name>
    <message>
        <source>%1 (read-only)</source>
        <translation>%1 (nur lesen)</translation>
    </message>
    <message>
        <source>Host identities</source>
        <translation>Host-Identitäten</translation>
    </message>
    <message>
        <source>Host access</source>
        <translation>Hostzugriff</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>Lesen</translation>
    </message>
    <message>
        <source>Read and write</source>
        <translation>Lesen und schreiben</translation>
    </message>
    <message>
        <source>There is no service %1.</source>
        <translation>Es gibt keinen Dienst %1.</translation>
    </message>
    <message>
        <source>There is no host %1.</source>
        <translation>Es gibt keinen Host %1.</translation>
    </message>
    <message>
        <source>No host has the StorageID %1.</source>
        <translation>Kein Host hat die StorageID %1.</translation>
    </message>
    <message>
        <source>There is no volume or pool %1.</source>
        <translation>Es gibt kein Volume und keinen Pool %1.</translation>
    </message>
    <message>
        <source>%1 has an empty element.</source>
        <translation>%1 hat ein leeres Element.</translation>
    </message>
    <message>
        <source>%1 names %2 twice.</source>
        <translation>%1 nennt %2 zweimal.</translation>
    </message>
    <message>
        <source>This system keeps no settings for hosts.</source>
        <translation>Dieses System führt keine Einstellungen für Hosts.</translation>
    </message>
    <message>
        <source>NBD hosts are known by IDType 1 (Other): a TLS-PSK identity or a client certificate&apos;s fingerprint, named in OtherIDType.</source>
        <translation>NBD-Hosts werden über IDType 1 (Other) erkannt: eine TLS-PSK-Identität oder den Fingerabdruck eines Client-Zertifikats, benannt in OtherIDType.</translation>
    </message>
    <message>
        <source>OtherIDType is &quot;%1&quot; or &quot;%2&quot;.</source>
        <translation>OtherIDType ist „%1“ oder „%2“.</translation>
    </message>
    <message>
        <source>A TLS-PSK host needs its PreSharedKey in hexadecimal digits.</source>
        <translation>Ein TLS-PSK-Host braucht seinen PreSharedKey in Hexadezimalziffern.</translation>
    </message>
    <message>
        <source>A host known by its certificate has no PreSharedKey.</source>
        <translation>Ein Host, der an seinem Zertifikat erkannt wird, hat keinen PreSharedKey.</translation>
    </message>
    <message>
        <source>%1 is not supported: NBD exports have no ports, numbers or views to choose.</source>
        <translation>%1 wird nicht unterstützt: NBD-Exporte haben keine Ports, Nummern oder Sichten zur Auswahl.</translation>
    </message>
    <message>
        <source>HidePaths takes no DeviceAccesses.</source>
        <translation>HidePaths nimmt keine DeviceAccesses.</translation>
    </message>
    <message numerus="yes">
        <source>DeviceAccesses has one element per element of LUNames: %n expected.</source>
        <translation>
            <numerusform>DeviceAccesses hat ein Element je Element von LUNames: %n erwartet.</numerusform>
            <numerusform>DeviceAccesses hat ein Element je Element von LUNames: %n erwartet.</numerusform>
        </translation>
    </message>
    <message>
        <source>DeviceAccesses 4 (No Access) is what HidePaths does.</source>
        <translation>DeviceAccesses 4 (No Access) ist das, was HidePaths tut.</translation>
    </message>
    <message>
        <source>DeviceAccesses %1 is not 2 (Read Write) or 3 (Read-Only).</source>
        <translation>DeviceAccesses %1 ist weder 2 (Read Write) noch 3 (Read-Only).</translation>
    </message>
</context>
<context>
    <name>rd::engine::ImageTransferJob</name>
    <message>
        <source>qemu-img is not installed (Debian: qemu-utils).</source>
        <translation>qemu-img ist nicht installiert (Debian: qemu-utils).</translation>
    </message>
    <message>
        <source>qemu-img stopped unexpectedly.</source>
        <translation>qemu-img wurde unerwartet beendet.</translation>
    </message>
    <message>
        <source>qemu-img failed with exit code %1.</source>
        <translation>qemu-img ist mit dem Exit-Code %1 fehlgeschlagen.</translation>
    </message>
</context>
<context>
    <name>rd::engine::ImageTransfers</name>
    <message>
        <source>The engine stopped during the import; the partly written volume was deleted.</source>
        <translation>Die Engine wurde während des Imports beendet; das teilweise geschriebene Volume wurde gelöscht.</translation>
    </message>
    <message>
        <source>The engine stopped during the export; the partly written file was deleted.</source>
        <translation>Die Engine wurde während des Exports beendet; die teilweise geschriebene Datei wurde gelöscht.</translation>
    </message>
    <message>
        <source>The engine is stopping.</source>
        <translation>Die Engine wird beendet.</translation>
    </message>
    <message>
        <source>InPool %1 is not a storage pool of this system.</source>
        <translation>InPool %1 ist kein Speicherpool dieses Systems.</translation>
    </message>
    <message>
        <source>%1 cannot be read as an image: %2</source>
        <translation>%1 kann nicht als Abbild gelesen werden: %2</translation>
    </message>
    <message>
        <source>qemu-img stopped.</source>
        <translation>qemu-img wurde beendet.</translation>
    </message>
    <message>
        <source>%1 is a %2 image; this system imports %3.</source>
        <translation>%1 ist ein %2-Abbild; dieses System importiert %3.</translation>
    </message>
    <message>
        <source>%1 reads data from %2, which this system may not read.</source>
        <translation>%1 liest Daten aus %2, das dieses System nicht lesen darf.</translation>
    </message>
    <message>
        <source>%1 holds an image of no size.</source>
        <translation>%1 enthält ein Abbild ohne Größe.</translation>
    </message>
    <message>
        <source>Import of %1 (%2, %3)</source>
        <translation>Import von %1 (%2, %3)</translation>
    </message>
    <message>
        <source>the import of %1</source>
        <translation>der Import von %1</translation>
    </message>
    <message>
        <source>TheElement %1 is not a volume of this system.</source>
        <translation>TheElement %1 ist kein Volume dieses Systems.</translation>
    </message>
    <message>
        <source>Export of %1</source>
        <translation>Export von %1</translation>
    </message>
    <message>
        <source>the export to %1</source>
        <translation>der Export nach %1</translation>
    </message>
</context>
<context>
    <name>rd::engine::JobManager</name>
    <message>
        <source>No job %1 exists.</source>
        <translation>Es gibt keinen Auftrag %1.</translation>
    </message>
    <message>
        <source>Job %1 is still running; terminate it first.</source>
        <translation>Der Auftrag %1 läuft noch; beenden Sie ihn zuerst.</translation>
    </message>
    <message>
        <source>%1 is not a RequestedState value a job knows.</source>
        <translation>%1 ist kein RequestedState-Wert, den ein Auftrag kennt.</translation>
    </message>
    <message>
        <source>Jobs of this engine have no service state.</source>
        <translation>Aufträge dieser Engine haben keinen Wartungszustand.</translation>
    </message>
    <message>
        <source>Job %1 is %2; it cannot go to the requested state from there.</source>
        <translation>Der Auftrag %1 ist im Zustand %2; von dort kann er nicht in den angeforderten Zustand wechseln.</translation>
    </message>
    <message>
        <source>Job %1 cannot be suspended.</source>
        <translation>Der Auftrag %1 kann nicht angehalten werden.</translation>
    </message>
    <message>
        <source>Job %1 ended before it could be terminated.</source>
        <translation>Der Auftrag %1 war zu Ende, bevor er beendet werden konnte.</translation>
    </message>
    <message>
        <source>Job %1 is still stopping.</source>
        <translation>Der Auftrag %1 wird noch beendet.</translation>
    </message>
    <message>
        <source>this engine cannot resume jobs of kind &quot;%1&quot;</source>
        <translation>diese Engine kann Aufträge der Art „%1“ nicht fortsetzen</translation>
    </message>
    <message>
        <source>The engine stopped while this job was running and could not resume it: %1</source>
        <translation>Die Engine wurde beendet, während dieser Auftrag lief, und konnte ihn nicht fortsetzen: %1</translation>
    </message>
</context>
<context>
    <name>rd::engine::JobProvider</name>
    <message>
        <source>No job %1 exists.</source>
        <translation>Es gibt keinen Auftrag %1.</translation>
    </message>
    <message>
        <source>The job was stopped by request.</source>
        <translation>Der Auftrag wurde auf Anforderung beendet.</translation>
    </message>
    <message>
        <source>TimeoutPeriod must be an interval, not a point in time.</source>
        <translation>TimeoutPeriod muss eine Zeitspanne sein, kein Zeitpunkt.</translation>
    </message>
</context>
<context>
    <name>rd::engine::LocalTransport</name>
    <message>
        <source>The embedded engine is not running.</source>
        <translation>Die eingebettete Engine läuft nicht.</translation>
    </message>
    <message>
        <source>This computer</source>
        <translation>Dieser Computer</translation>
    </message>
</context>
<context>
    <name>rd::engine::MethodSpec</name>
    <message>
        <source>Parameter %1 must be of type %2, not %3.</source>
        <translation>Der Parameter %1 muss vom Typ %2 sein, nicht %3.</translation>
    </message>
    <message>
        <source>Parameter %1 is required.</source>
        <translation>Der Parameter %1 ist erforderlich.</translation>
    </message>
</context>
<context>
    <name>rd::engine::MirrorSession</name>
    <message>
        <source>The replica (%1 bytes) is smaller than the source (%2 bytes).</source>
        <translation>Das Replikat (%1 Bytes) ist kleiner als die Quelle (%2 Bytes).</translation>
    </message>
    <message>
        <source>The replica could not be brought up to date: %1</source>
        <translation>Das Replikat konnte nicht auf den neuesten Stand gebracht werden: %1</translation>
    </message>
    <message>
        <source>writes kept arriving</source>
        <translation>es kamen ständig neue Schreibvorgänge hinzu</translation>
    </message>
</context>
<context>
    <name>rd::engine::NbdBlockDevice</name>
    <message>
        <source>Cannot create an NBD client: %1</source>
        <translation>Ein NBD-Client kann nicht erstellt werden: %1</translation>
    </message>
    <message>
        <source>Cannot open the NBD export %1: %2</source>
        <translation>Der NBD-Export %1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>The NBD export %1 has no usable size (%2 bytes).</source>
        <translation>Der NBD-Export %1 hat keine verwendbare Größe (%2 Bytes).</translation>
    </message>
    <message>
        <source>The NBD export %1 is read-only.</source>
        <translation>Der NBD-Export %1 ist schreibgeschützt.</translation>
    </message>
    <message>
        <source>NBD %1 on %2 failed: %3</source>
        <translation>NBD-%1 auf %2 ist fehlgeschlagen: %3</translation>
    </message>
    <message>
        <source>The range of %1 bytes at offset %2 lies beyond the end of the NBD export (%3 bytes).</source>
        <translation>Der Bereich von %1 Bytes ab Position %2 liegt hinter dem Ende des NBD-Exports (%3 Bytes).</translation>
    </message>
    <message>
        <source>no answer within %1 s</source>
        <translation>keine Antwort innerhalb von %1 s</translation>
    </message>
    <message>
        <source>the server closed the connection</source>
        <translation>der Server hat die Verbindung geschlossen</translation>
    </message>
    <message>
        <source>NBD %1 on %2 failed: no answer within %3 s; the connection was cut.</source>
        <translation>NBD-%1 auf %2 ist fehlgeschlagen: keine Antwort innerhalb von %3 s; die Verbindung wurde getrennt.</translation>
    </message>
</context>
<context>
    <name>rd::engine::NbdServer</name>
    <message>
        <source>This server requires TLS.</source>
        <translation>Dieser Server erfordert TLS.</translation>
    </message>
    <message>
        <source>LIST takes no data.</source>
        <translation>LIST nimmt keine Daten an.</translation>
    </message>
    <message>
        <source>STRUCTURED_REPLY takes no data.</source>
        <translation>STRUCTURED_REPLY nimmt keine Daten an.</translation>
    </message>
    <message>
        <source>Option %1 is not supported.</source>
        <translation>Die Option %1 wird nicht unterstützt.</translation>
    </message>
    <message>
        <source>This server does not offer TLS.</source>
        <translation>Dieser Server bietet kein TLS an.</translation>
    </message>
    <message>
        <source>TLS is already on.</source>
        <translation>TLS ist bereits aktiv.</translation>
    </message>
    <message>
        <source>STARTTLS takes no data.</source>
        <translation>STARTTLS nimmt keine Daten an.</translation>
    </message>
    <message>
        <source>Malformed INFO/GO request.</source>
        <translation>Fehlerhafte INFO/GO-Anfrage.</translation>
    </message>
    <message>
        <source>No export %1.</source>
        <translation>Es gibt keinen Export %1.</translation>
    </message>
    <message>
        <source>Malformed meta context request.</source>
        <translation>Fehlerhafte Meta-Context-Anfrage.</translation>
    </message>
    <message>
        <source>Meta contexts need structured replies first.</source>
        <translation>Meta-Contexts setzen zuerst strukturierte Antworten (Structured Replies) voraus.</translation>
    </message>
    <message>
        <source>No volume %1.</source>
        <translation>Es gibt kein Volume %1.</translation>
    </message>
    <message>
        <source>The NBD server cannot listen on %1:%2: %3</source>
        <translation>Der NBD-Server kann nicht auf %1:%2 lauschen: %3</translation>
    </message>
    <message>
        <source>The TLS handshake has not finished.</source>
        <translation>Der TLS-Handshake ist noch nicht abgeschlossen.</translation>
    </message>
    <message>
        <source>NBD client %1</source>
        <translation>NBD-Client %1</translation>
    </message>
    <message>
        <source>The NBD server cannot listen on %1: %2</source>
        <translation>Der NBD-Server kann nicht auf %1 lauschen: %2</translation>
    </message>
    <message>
        <source>%1 from %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>This host may only read %1.</source>
        <translation>Dieser Host darf %1 nur lesen.</translation>
    </message>
    <message>
        <source>this computer (NBD socket)</source>
        <translation>dieser Computer (NBD-Socket)</translation>
    </message>
</context>
<context>
    <name>rd::engine::PeerDirectory</name>
    <message>
        <source>The peers file %1 cannot be used: %2</source>
        <translation>Die Gegenstellen-Datei %1 kann nicht verwendet werden: %2</translation>
    </message>
    <message>
        <source>it holds passwords, but others than its owner may read or change it (chmod 600 it).</source>
        <translation>Sie enthält Passwörter, aber auch andere als ihr Eigentümer dürfen sie lesen oder ändern (chmod 600).</translation>
    </message>
    <message>
        <source>it is larger than %1 bytes.</source>
        <translation>Sie ist größer als %1 Bytes.</translation>
    </message>
    <message>
        <source>it is not JSON (%1 at byte %2).</source>
        <translation>Sie ist kein JSON (%1 bei Byte %2).</translation>
    </message>
    <message>
        <source>it is not a JSON array of peers.</source>
        <translation>Sie ist kein JSON-Array von Gegenstellen.</translation>
    </message>
    <message>
        <source>peer %1 has no http or https &quot;endpoint&quot;.</source>
        <translation>Gegenstelle %1 hat keinen http- oder https-&quot;endpoint&quot;.</translation>
    </message>
    <message>
        <source>peer %1 has a fingerprint that is not a SHA-256 one (&quot;AB:CD:…&quot;).</source>
        <translation>Gegenstelle %1 hat einen Fingerabdruck, der kein SHA-256-Fingerabdruck ist (&quot;AB:CD:…&quot;).</translation>
    </message>
    <message>
        <source>peer %1 has no &quot;user&quot;.</source>
        <translation>Gegenstelle %1 hat keinen &quot;user&quot;.</translation>
    </message>
</context>
<context>
    <name>rd::engine::PeerVolumeDevice</name>
    <message>
        <source>The peer&apos;s volume behind %1 has shrunk to %2 bytes (it had %3).</source>
        <translation>Das Volume der Gegenstelle hinter %1 ist auf %2 Bytes geschrumpft (vorher %3).</translation>
    </message>
</context>
<context>
    <name>rd::engine::PeerVolumes</name>
    <message>
        <source>The catalog cannot record a peer&apos;s volume: %1</source>
        <translation>Der Katalog kann das Volume einer Gegenstelle nicht erfassen: %1</translation>
    </message>
</context>
<context>
    <name>rd::engine::PoolManager</name>
    <message>
        <source>Cannot create the pool directory %1.</source>
        <translation>Das Pool-Verzeichnis %1 kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>Default pool</source>
        <translation>Standardpool</translation>
    </message>
    <message>
        <source>A pool needs a directory.</source>
        <translation>Ein Pool benötigt ein Verzeichnis.</translation>
    </message>
    <message>
        <source>A pool name must be printable text of at most %1 characters.</source>
        <translation>Ein Poolname muss aus druckbarem Text von höchstens %1 Zeichen bestehen.</translation>
    </message>
    <message>
        <source>The directory %1 is already the pool %2.</source>
        <translation>Das Verzeichnis %1 ist bereits der Pool %2.</translation>
    </message>
    <message>
        <source>There is no volume %1.</source>
        <translation>Es gibt kein Volume %1.</translation>
    </message>
    <message>
        <source>Cannot read the volume image %1: %2.</source>
        <translation>Das Volume-Abbild %1 kann nicht gelesen werden: %2.</translation>
    </message>
    <message>
        <source>There is no storage pool %1.</source>
        <translation>Es gibt keinen Speicherpool %1.</translation>
    </message>
    <message>
        <source>A volume needs a name.</source>
        <translation>Ein Volume benötigt einen Namen.</translation>
    </message>
    <message>
        <source>A volume name may have at most %1 characters; this one has %2.</source>
        <translation>Ein Volumename darf höchstens %1 Zeichen haben; dieser hat %2.</translation>
    </message>
    <message>
        <source>A volume name may not contain control characters.</source>
        <translation>Ein Volumename darf keine Steuerzeichen enthalten.</translation>
    </message>
    <message>
        <source>A volume size must be between 1 byte and 8 EiB; %1 is not.</source>
        <translation>Die Größe eines Volumes muss zwischen 1 Byte und 8 EiB liegen; %1 tut das nicht.</translation>
    </message>
    <message>
        <source>Cannot remove the volume image %1.</source>
        <translation>Das Volume-Abbild %1 kann nicht entfernt werden.</translation>
    </message>
    <message>
        <source>The volume %1 is open by %2; it cannot be deleted while they use it.</source>
        <translation>Das Volume %1 ist von %2 geöffnet; es kann nicht gelöscht werden, solange es dort benutzt wird.</translation>
    </message>
    <message>
        <source>The pool %1 has %2 free; a volume of %3 does not fit.</source>
        <translation>Im Pool %1 sind %2 frei; ein Volume mit %3 passt nicht hinein.</translation>
    </message>
    <message>
        <source>The volume %1 is part of a synchronization (%2); remove that first.</source>
        <translation>Das Volume %1 gehört zu einer Synchronisation (%2); entfernen Sie diese zuerst.</translation>
    </message>
    <message>
        <source>The catalog has no record of the volume %1.</source>
        <translation>Der Katalog enthält keinen Eintrag für das Volume %1.</translation>
    </message>
    <message>
        <source>The volume %1 has %2; volumes can grow but not shrink to %3.</source>
        <translation>Das Volume %1 hat %2; Volumes können wachsen, aber nicht auf %3 schrumpfen.</translation>
    </message>
    <message>
        <source>The volume %1 is part of a synchronization (%2), which cannot follow a change of size; remove that first.</source>
        <translation>Das Volume %1 gehört zu einer Synchronisation (%2), die einer Größenänderung nicht folgen kann; entfernen Sie diese zuerst.</translation>
    </message>
    <message>
        <source>The pool of the volume %1 is gone.</source>
        <translation>Der Pool des Volumes %1 existiert nicht mehr.</translation>
    </message>
    <message>
        <source>The pool %1 has %2 free; growing %3 by %4 does not fit.</source>
        <translation>Im Pool %1 sind %2 frei; %3 um %4 zu vergrößern passt nicht.</translation>
    </message>
    <message>
        <source>The volume %1 is being copied (%2); stop that job first.</source>
        <translation>Das Volume %1 wird gerade kopiert (%2); beenden Sie zuerst diesen Auftrag.</translation>
    </message>
    <message>
        <source>The volume %1 is being copied (%2); it cannot change size until that job ends.</source>
        <translation>Das Volume %1 wird gerade kopiert (%2); seine Größe kann sich erst nach dem Ende dieses Auftrags ändern.</translation>
    </message>
</context>
<context>
    <name>rd::engine::Provider</name>
    <message>
        <source>No instance %1 exists.</source>
        <translation>Es gibt keine Instanz %1.</translation>
    </message>
    <message>
        <source>%1 is not supported by %2.</source>
        <translation>%1 wird von %2 nicht unterstützt.</translation>
    </message>
    <message>
        <source>Instances of %1 cannot be modified.</source>
        <translation>Instanzen von %1 können nicht geändert werden.</translation>
    </message>
    <message>
        <source>Instances of %1 cannot be deleted.</source>
        <translation>Instanzen von %1 können nicht gelöscht werden.</translation>
    </message>
</context>
<context>
    <name>rd::engine::ProviderRegistry</name>
    <message>
        <source>The namespace %1 is not served by this system; it serves %2.</source>
        <translation>Der Namensraum %1 wird von diesem System nicht bereitgestellt; es stellt %2 bereit.</translation>
    </message>
    <message>
        <source>The class %1 has no method %2.</source>
        <translation>Die Klasse %1 hat keine Methode %2.</translation>
    </message>
</context>
<context>
    <name>rd::engine::RemoteCloneWriter</name>
    <message>
        <source>The remote copy has already started.</source>
        <translation>Die entfernte Kopie hat bereits begonnen.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
</context>
<context>
    <name>rd::engine::RemoteCollectionProvider</name>
    <message>
        <source>The remote collections are shut down.</source>
        <translation>Die entfernten Sammlungen sind heruntergefahren.</translation>
    </message>
</context>
<context>
    <name>rd::engine::RemoteCollections</name>
    <message>
        <source>Method %1 is not supported.</source>
        <translation>Die Methode %1 wird nicht unterstützt.</translation>
    </message>
    <message>
        <source>ConnectivityCollection names no RemoteReplicationCollection of this system.</source>
        <translation>ConnectivityCollection nennt keine RemoteReplicationCollection dieses Systems.</translation>
    </message>
    <message>
        <source>ElementName is longer than %1 characters.</source>
        <translation>ElementName ist länger als %1 Zeichen.</translation>
    </message>
    <message>
        <source>The local access point %1 does not exist.</source>
        <translation>Der lokale Zugangspunkt %1 existiert nicht.</translation>
    </message>
    <message>
        <source>The local access point %1 is named twice.</source>
        <translation>Der lokale Zugangspunkt %1 ist zweimal angegeben.</translation>
    </message>
    <message>
        <source>The remote access point %1 does not name a WS-Management (http, https) or NBD (nbd, nbds) URL in its Name.</source>
        <translation>Der entfernte Zugangspunkt %1 nennt in seinem Name keine WS-Management-URL (http, https) oder NBD-URL (nbd, nbds).</translation>
    </message>
    <message>
        <source>The remote access point %1 is this system&apos;s own endpoint.</source>
        <translation>Der entfernte Zugangspunkt %1 ist der eigene Endpunkt dieses Systems.</translation>
    </message>
    <message>
        <source>The remote access point %1 is named twice.</source>
        <translation>Der entfernte Zugangspunkt %1 ist zweimal angegeben.</translation>
    </message>
    <message>
        <source>A remote collection reaches its peer through one WS-Management endpoint; %1 were given.</source>
        <translation>Eine entfernte Sammlung erreicht ihre Gegenstelle über einen einzigen WS-Management-Endpunkt; angegeben wurden %1.</translation>
    </message>
    <message>
        <source>RemoteComputerSystem is not a ComputerSystem with a Name.</source>
        <translation>RemoteComputerSystem ist kein ComputerSystem mit einem Name.</translation>
    </message>
    <message>
        <source>RemoteComputerSystem names this system.</source>
        <translation>RemoteComputerSystem nennt dieses System.</translation>
    </message>
    <message>
        <source>The collection already reaches another system (%1).</source>
        <translation>Die Sammlung erreicht bereits ein anderes System (%1).</translation>
    </message>
    <message>
        <source>The remote collection %1 already reaches %2.</source>
        <translation>Die entfernte Sammlung %1 erreicht bereits %2.</translation>
    </message>
    <message>
        <source>No connection to %1 can be made.</source>
        <translation>Zu %1 kann keine Verbindung hergestellt werden.</translation>
    </message>
    <message>
        <source>%1 answers WS-Management but is not a ReplicaDesk engine (it says &quot;%2&quot;).</source>
        <translation>%1 antwortet auf WS-Management, ist aber keine ReplicaDesk-Engine (meldet „%2“).</translation>
    </message>
    <message>
        <source>The peer %1 does not show the system %2: %3</source>
        <translation>Die Gegenstelle %1 zeigt das System %2 nicht an: %3</translation>
    </message>
    <message>
        <source>Replication to %1</source>
        <translation>Replikation nach %1</translation>
    </message>
    <message>
        <source>Remote replication collection</source>
        <translation>Entfernte Replikationssammlung</translation>
    </message>
    <message>
        <source>The engine has no job manager.</source>
        <translation>Die Engine hat keine Auftragsverwaltung.</translation>
    </message>
    <message>
        <source>Create remote collection %1</source>
        <translation>Entfernte Sammlung %1 anlegen</translation>
    </message>
    <message>
        <source>Add to remote collection %1</source>
        <translation>Zur entfernten Sammlung %1 hinzufügen</translation>
    </message>
    <message>
        <source>The remote collection was deleted meanwhile.</source>
        <translation>Die entfernte Sammlung wurde inzwischen gelöscht.</translation>
    </message>
    <message>
        <source>The class %1 is not served here.</source>
        <translation>Die Klasse %1 wird hier nicht bereitgestellt.</translation>
    </message>
    <message>
        <source>No remote collection %1.</source>
        <translation>Es gibt keine entfernte Sammlung %1.</translation>
    </message>
    <message>
        <source>Only Active and DeleteOnUnassociated of a remote collection can be changed, not %1.</source>
        <translation>Von einer entfernten Sammlung können nur Active und DeleteOnUnassociated geändert werden, nicht %1.</translation>
    </message>
    <message>
        <source>No remote access point %1.</source>
        <translation>Es gibt keinen entfernten Zugangspunkt %1.</translation>
    </message>
    <message>
        <source>Instances of %1 cannot be deleted.</source>
        <translation>Instanzen von %1 können nicht gelöscht werden.</translation>
    </message>
    <message>
        <source>%1 did not identify itself as a ReplicaDesk engine: %2</source>
        <translation>%1 hat sich nicht als ReplicaDesk-Engine ausgewiesen: %2</translation>
    </message>
    <message>
        <source>The catalog could not store the remote collection: %1</source>
        <translation>Der Katalog konnte die entfernte Sammlung nicht speichern: %1</translation>
    </message>
</context>
<context>
    <name>rd::engine::RemoteReplicas</name>
    <message>
        <source>A snapshot stays on the system of its source: leave TargetAccessPoint NULL to make it here.</source>
        <translation>Ein Snapshot bleibt auf dem System seiner Quelle: Lassen Sie TargetAccessPoint NULL, um ihn hier zu erstellen.</translation>
    </message>
    <message>
        <source>SyncType must be Mirror (6), Snapshot (7) or Clone (8).</source>
        <translation>SyncType muss Spiegel (6), Snapshot (7) oder Klon (8) sein.</translation>
    </message>
    <message>
        <source>Mode must be Synchronous (2), Asynchronous (3) or NULL.</source>
        <translation>Mode muss Synchron (2), Asynchron (3) oder NULL sein.</translation>
    </message>
    <message>
        <source>ReplicationSettingData is not an embedded ReplicationSettingData instance.</source>
        <translation>ReplicationSettingData ist keine eingebettete ReplicationSettingData-Instanz.</translation>
    </message>
    <message>
        <source>Replicas on another system are always new volumes made there: TargetElementSupplier must be Create New (3) or Instrumentation Decides (5).</source>
        <translation>Replikate auf einem anderen System sind immer neue, dort angelegte Volumes: TargetElementSupplier muss Neu anlegen (3) oder Implementierung entscheidet (5) sein.</translation>
    </message>
    <message>
        <source>TargetAccessPoint %1 is no endpoint of a remote replication collection of this system; record the peer with CreateRemoteReplicationCollection first.</source>
        <translation>TargetAccessPoint %1 ist kein Endpunkt einer entfernten Replikationssammlung dieses Systems; erfassen Sie die Gegenstelle zuerst mit CreateRemoteReplicationCollection.</translation>
    </message>
    <message>
        <source>The remote collection %1 is not active.</source>
        <translation>Die entfernte Sammlung %1 ist nicht aktiv.</translation>
    </message>
    <message>
        <source>The remote collection %1 needs a management (WS-Management) and a data (NBD) endpoint of the peer; add the missing one with AddToRemoteReplicationCollection.</source>
        <translation>Die entfernte Sammlung %1 braucht einen Verwaltungs- (WS-Management) und einen Daten-Endpunkt (NBD) der Gegenstelle; fügen Sie den fehlenden mit AddToRemoteReplicationCollection hinzu.</translation>
    </message>
    <message>
        <source>The peer&apos;s NBD export requires TLS, whose certificate is checked against the one it shows over HTTPS; reach its WS-Management endpoint over HTTPS.</source>
        <translation>Der NBD-Export der Gegenstelle verlangt TLS, dessen Zertifikat mit dem über HTTPS gezeigten abgeglichen wird; erreichen Sie ihren WS-Management-Endpunkt über HTTPS.</translation>
    </message>
    <message>
        <source>SourceElements: %1 is not a volume of this system.</source>
        <translation>SourceElements: %1 ist kein Volume dieses Systems.</translation>
    </message>
    <message>
        <source>SourceElements names %1 twice.</source>
        <translation>SourceElements nennt %1 zweimal.</translation>
    </message>
    <message>
        <source>ElementNames has %1 names for %2 sources.</source>
        <translation>ElementNames enthält %1 Namen für %2 Quellen.</translation>
    </message>
    <message>
        <source>%1 (clone)</source>
        <translation>%1 (Klon)</translation>
    </message>
    <message>
        <source>TargetPool is not a StoragePool.</source>
        <translation>TargetPool ist kein StoragePool.</translation>
    </message>
    <message>
        <source>The engine cannot reach peers.</source>
        <translation>Die Engine kann keine Gegenstellen erreichen.</translation>
    </message>
    <message numerus="yes">
        <source>Clone %n volume(s) to %1</source>
        <translation>
            <numerusform>%n Volume nach %1 klonen</numerusform>
            <numerusform>%n Volumes nach %1 klonen</numerusform>
        </translation>
    </message>
    <message>
        <source>The peer offers no storage configuration service.</source>
        <translation>Die Gegenstelle bietet keinen Speicherkonfigurationsdienst an.</translation>
    </message>
    <message>
        <source>The peer cannot be asked for volumes: %1</source>
        <translation>Die Gegenstelle kann nicht nach Volumes gefragt werden: %1</translation>
    </message>
    <message>
        <source>The peer did not make the volume %1: %2</source>
        <translation>Die Gegenstelle hat das Volume %1 nicht angelegt: %2</translation>
    </message>
    <message>
        <source>The peer&apos;s certificate cannot be kept for its NBD export in %1.</source>
        <translation>Das Zertifikat der Gegenstelle kann für ihren NBD-Export nicht in %1 abgelegt werden.</translation>
    </message>
    <message>
        <source>The source %1 went away.</source>
        <translation>Die Quelle %1 ist nicht mehr vorhanden.</translation>
    </message>
    <message>
        <source>Copying to the peer failed: %1</source>
        <translation>Das Kopieren zur Gegenstelle ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>The peer&apos;s certificate must name the address it is reached at (%1).</source>
        <translation>Das Zertifikat der Gegenstelle muss die Adresse nennen, unter der sie erreicht wird (%1).</translation>
    </message>
    <message>
        <source>%1 is not supported for replicas on another system; leave it NULL (the peer makes the targets, in a job).</source>
        <translation>%1 wird für Replikate auf einem anderen System nicht unterstützt; lassen Sie es NULL (die Gegenstelle legt die Ziele in einem Auftrag an).</translation>
    </message>
    <message>
        <source>One point in time for several clones is not offered across systems: each is copied from its own. Clear ConsistentPointInTime, make one request per volume, or mirror them and fracture the list.</source>
        <translation>Ein gemeinsamer Zeitpunkt für mehrere Klone wird systemübergreifend nicht angeboten: Jeder wird von seinem eigenen kopiert. Entfernen Sie ConsistentPointInTime, stellen Sie eine Anfrage je Volume, oder spiegeln Sie die Volumes und trennen Sie dann die ganze Liste.</translation>
    </message>
    <message>
        <source>%1 (mirror)</source>
        <translation>%1 (Spiegel)</translation>
    </message>
    <message numerus="yes">
        <source>Mirror %n volume(s) to %1</source>
        <translation>
            <numerusform>%n Volume nach %1 spiegeln</numerusform>
            <numerusform>%n Volumes nach %1 spiegeln</numerusform>
        </translation>
    </message>
    <message>
        <source>The peer&apos;s volumes cannot be reached over NBD: %1</source>
        <translation>Die Volumes der Gegenstelle sind über NBD nicht erreichbar: %1</translation>
    </message>
    <message>
        <source>The mirror to the peer cannot start: %1</source>
        <translation>Der Spiegel zur Gegenstelle kann nicht starten: %1</translation>
    </message>
    <message>
        <source>TargetAccessPoint names no peer.</source>
        <translation>TargetAccessPoint nennt keine Gegenstelle.</translation>
    </message>
    <message>
        <source>The peer&apos;s volume %1 is not known here.</source>
        <translation>Das Volume %1 der Gegenstelle ist hier nicht bekannt.</translation>
    </message>
</context>
<context>
    <name>rd::engine::ReplicationService</name>
    <message>
        <source>Replication service</source>
        <translation>Replikationsdienst</translation>
    </message>
    <message>
        <source>Replication service capabilities</source>
        <translation>Fähigkeiten des Replikationsdienstes</translation>
    </message>
    <message>
        <source>SyncType %1 is not Mirror (6), Snapshot (7) or Clone (8).</source>
        <translation>SyncType %1 ist weder Spiegel (6) noch Snapshot (7) noch Klon (8).</translation>
    </message>
    <message>
        <source>Mode %1 is not Synchronous (2) or Asynchronous (3).</source>
        <translation>Mode %1 ist weder synchron (2) noch asynchron (3).</translation>
    </message>
    <message>
        <source>Replication through access points (to or from another system) is not supported yet; leave %1 NULL.</source>
        <translation>Replikation über Zugangspunkte (zu oder von einem anderen System) wird noch nicht unterstützt; lassen Sie %1 NULL.</translation>
    </message>
    <message>
        <source>ReplicationSettingData is not a valid embedded instance: %1</source>
        <translation>ReplicationSettingData ist keine gültige eingebettete Instanz: %1</translation>
    </message>
    <message>
        <source>ReplicationSettingData holds a %1, not a ReplicationSettingData.</source>
        <translation>ReplicationSettingData enthält ein %1, kein ReplicationSettingData.</translation>
    </message>
    <message>
        <source>ReplicationSettingData.%1 must be a uint16.</source>
        <translation>ReplicationSettingData.%1 muss ein uint16 sein.</translation>
    </message>
    <message>
        <source>ReplicationSettingData.ConsistentPointInTime must be a boolean.</source>
        <translation>ReplicationSettingData.ConsistentPointInTime muss ein boolescher Wert sein.</translation>
    </message>
    <message>
        <source>TargetElementSupplier %1 is not a known value.</source>
        <translation>TargetElementSupplier %1 ist kein bekannter Wert.</translation>
    </message>
    <message>
        <source>SourceElements[%1] is NULL.</source>
        <translation>SourceElements[%1] ist NULL.</translation>
    </message>
    <message>
        <source>SourceElements must all be of one class; %1 is a %2, not a %3.</source>
        <translation>Alle SourceElements müssen derselben Klasse angehören; %1 ist ein %2, kein %3.</translation>
    </message>
    <message>
        <source>SourceElements[%1] (%2) does not exist.</source>
        <translation>SourceElements[%1] (%2) existiert nicht.</translation>
    </message>
    <message>
        <source>%1 is still being copied to; it cannot be a source yet.</source>
        <translation>Auf %1 wird noch kopiert; es kann noch keine Quelle sein.</translation>
    </message>
    <message>
        <source>%1 ElementNames for %2 SourceElements.</source>
        <translation>%1 ElementNames für %2 SourceElements.</translation>
    </message>
    <message>
        <source>TargetPool and TargetSettingGoal must be NULL when TargetElements are given.</source>
        <translation>TargetPool und TargetSettingGoal müssen NULL sein, wenn TargetElements angegeben sind.</translation>
    </message>
    <message>
        <source>TargetSettingGoal %1 does not exist.</source>
        <translation>TargetSettingGoal %1 existiert nicht.</translation>
    </message>
    <message>
        <source>TargetPool %1 does not exist.</source>
        <translation>TargetPool %1 existiert nicht.</translation>
    </message>
    <message>
        <source>TargetElementSupplier asks for existing targets: give one TargetElement per SourceElement.</source>
        <translation>TargetElementSupplier verlangt vorhandene Ziele: Geben Sie ein TargetElement je SourceElement an.</translation>
    </message>
    <message>
        <source>TargetElementSupplier is Create new: TargetElements must be NULL.</source>
        <translation>TargetElementSupplier ist „Neu anlegen“: TargetElements muss NULL sein.</translation>
    </message>
    <message>
        <source>%1 TargetElements for %2 SourceElements.</source>
        <translation>%1 TargetElements für %2 SourceElements.</translation>
    </message>
    <message>
        <source>TargetElements[%1] is NULL.</source>
        <translation>TargetElements[%1] ist NULL.</translation>
    </message>
    <message>
        <source>TargetElements[%1] (%2) does not exist.</source>
        <translation>TargetElements[%1] (%2) existiert nicht.</translation>
    </message>
    <message>
        <source>%1 appears twice among the sources and targets.</source>
        <translation>%1 kommt unter den Quellen und Zielen zweimal vor.</translation>
    </message>
    <message>
        <source>Target %1 (%2 bytes) is smaller than its source %3 (%4 bytes).</source>
        <translation>Das Ziel %1 (%2 Bytes) ist kleiner als seine Quelle %3 (%4 Bytes).</translation>
    </message>
    <message>
        <source>Target %1 is already part of a synchronization.</source>
        <translation>Das Ziel %1 gehört bereits zu einer Synchronisation.</translation>
    </message>
    <message>
        <source>Clone of %1</source>
        <translation>Klon von %1</translation>
    </message>
    <message>
        <source>The volumes of %1 cannot be opened.</source>
        <translation>Die Volumes von %1 können nicht geöffnet werden.</translation>
    </message>
    <message>
        <source>The clone was terminated before it completed.</source>
        <translation>Der Klon wurde beendet, bevor er fertig war.</translation>
    </message>
    <message>
        <source>its parameters are missing</source>
        <translation>seine Parameter fehlen</translation>
    </message>
    <message>
        <source>the synchronization %1 is gone</source>
        <translation>die Synchronisation %1 existiert nicht mehr</translation>
    </message>
    <message>
        <source>volume %1 no longer exists</source>
        <translation>das Volume %1 existiert nicht mehr</translation>
    </message>
    <message>
        <source>the copy to %1 cannot continue: %2</source>
        <translation>die Kopie nach %1 kann nicht fortgesetzt werden: %2</translation>
    </message>
    <message>
        <source>Some copies did not complete.</source>
        <translation>Einige Kopien wurden nicht abgeschlossen.</translation>
    </message>
    <message>
        <source>ReplicationType %1 is not supported; SupportedReplicationTypes lists what is.</source>
        <translation>ReplicationType %1 wird nicht unterstützt; SupportedReplicationTypes führt die unterstützten Typen auf.</translation>
    </message>
    <message>
        <source>The job was terminated before it completed.</source>
        <translation>Der Auftrag wurde beendet, bevor er fertig war.</translation>
    </message>
    <message>
        <source>Snapshot of %1</source>
        <translation>Snapshot von %1</translation>
    </message>
    <message>
        <source>Mirror of %1</source>
        <translation>Spiegel von %1</translation>
    </message>
    <message>
        <source>the mirror %1 is gone</source>
        <translation>der Spiegel %1 existiert nicht mehr</translation>
    </message>
    <message>
        <source>a volume is gone</source>
        <translation>ein Volume existiert nicht mehr</translation>
    </message>
    <message>
        <source>Operation %1 is not a ModifyListSynchronization operation; it exists only in ModifyReplicaSynchronization.</source>
        <translation>Operation %1 ist keine Operation von ModifyListSynchronization; sie gibt es nur in ModifyReplicaSynchronization.</translation>
    </message>
    <message>
        <source>Operation %1 is not a known operation.</source>
        <translation>Operation %1 ist keine bekannte Operation.</translation>
    </message>
    <message>
        <source>Synchronization names no synchronization.</source>
        <translation>Synchronization nennt keine Synchronisation.</translation>
    </message>
    <message>
        <source>Synchronization[%1] is NULL.</source>
        <translation>Synchronization[%1] ist NULL.</translation>
    </message>
    <message>
        <source>There is no synchronization %1.</source>
        <translation>Es gibt keine Synchronisation %1.</translation>
    </message>
    <message>
        <source>Synchronization %1 appears twice.</source>
        <translation>Die Synchronisation %1 kommt zweimal vor.</translation>
    </message>
    <message>
        <source>The synchronizations mix SyncTypes (%1 and %2); one request modifies one kind.</source>
        <translation>Die Synchronisationen mischen SyncTypes (%1 und %2); eine Anfrage ändert nur eine Art.</translation>
    </message>
    <message>
        <source>The synchronizations mix Modes (%1 and %2); one request modifies one kind.</source>
        <translation>Die Synchronisationen mischen Modes (%1 und %2); eine Anfrage ändert nur eine Art.</translation>
    </message>
    <message>
        <source>%1 does not apply to %2 synchronizations here; GetSupportedOperations lists what does.</source>
        <translation>%1 gilt hier nicht für %2-Synchronisationen; GetSupportedOperations führt auf, was gilt.</translation>
    </message>
    <message>
        <source>%1 needs a synchronization that is %2; %3 is %4.</source>
        <translation>%1 erfordert eine Synchronisation im Zustand %2; %3 ist im Zustand %4.</translation>
    </message>
    <message>
        <source> or </source>
        <translation> oder </translation>
    </message>
    <message>
        <source>A clone is still being copied from the snapshot %1.</source>
        <translation>Aus dem Snapshot %1 wird noch ein Klon kopiert.</translation>
    </message>
    <message>
        <source>%1 never leaves a synchronization in CopyState %2, so WaitForCopyState cannot be %3.</source>
        <translation>%1 hinterlässt eine Synchronisation nie im CopyState %2, daher kann WaitForCopyState nicht %3 sein.</translation>
    </message>
    <message>
        <source>Not supported.</source>
        <translation>Nicht unterstützt.</translation>
    </message>
    <message>
        <source>The replica could not be brought up to date before the fracture: %1</source>
        <translation>Das Replikat konnte vor dem Trennen nicht auf den neuesten Stand gebracht werden: %1</translation>
    </message>
    <message>
        <source>Restore from %1</source>
        <translation>Wiederherstellung aus %1</translation>
    </message>
    <message>
        <source>Resync of %1</source>
        <translation>Neusynchronisation von %1</translation>
    </message>
    <message>
        <source>Resume of %1</source>
        <translation>Fortsetzen von %1</translation>
    </message>
    <message>
        <source>Asynchronous snapshots are not supported; leave Mode NULL or make it Synchronous (2).</source>
        <translation>Asynchrone Snapshots werden nicht unterstützt; lassen Sie Mode NULL oder setzen Sie ihn auf synchron (2).</translation>
    </message>
    <message>
        <source>A new replica never reaches CopyState %1; WaitForCopyState may be Initialized (2), Unsynchronized (3) or Synchronized (4).</source>
        <translation>Ein neues Replikat erreicht nie den CopyState %1; WaitForCopyState darf Initialisiert (2), Nicht synchronisiert (3) oder Synchronisiert (4) sein.</translation>
    </message>
    <message>
        <source>%1 is the replica of a mirror; detach the mirror before replicating it.</source>
        <translation>%1 ist das Replikat eines Spiegels; lösen Sie den Spiegel, bevor Sie es replizieren.</translation>
    </message>
    <message>
        <source>%1 is a snapshot, which is read-only: it can be cloned, not mirrored or snapshotted.</source>
        <translation>%1 ist ein Snapshot und damit schreibgeschützt: Er kann geklont, aber nicht gespiegelt oder per Snapshot gesichert werden.</translation>
    </message>
    <message>
        <source>CopyPriority %1 is not Not Managed (0), Low (1), Same (2), High (3) or Urgent (4).</source>
        <translation>CopyPriority %1 ist weder Nicht verwaltet (0) noch Niedrig (1), Gleich (2), Hoch (3) oder Dringend (4).</translation>
    </message>
    <message>
        <source>the engine stopped while it made the replicas on %1; no mirror was set up (the volumes it made there are listed with the job)</source>
        <translation>die Engine wurde beendet, während sie die Replikate auf %1 anlegte; es wurde kein Spiegel eingerichtet (die dort angelegten Volumes sind beim Auftrag aufgeführt)</translation>
    </message>
    <message>
        <source>%1 is on another system; a snapshot stays on the system of its source.</source>
        <translation>%1 liegt auf einem anderen System; ein Snapshot bleibt auf dem System seiner Quelle.</translation>
    </message>
    <message>
        <source>Only a mirror can be made in a job made beforehand.</source>
        <translation>Nur ein Spiegel kann in einem zuvor angelegten Auftrag erstellt werden.</translation>
    </message>
    <message>
        <source>A %1 synchronization cannot go from %2 to %3 (%4).</source>
        <translation>Eine %1-Synchronisation kann nicht von %2 nach %3 wechseln (%4).</translation>
    </message>
    <message>
        <source>the mirror of %1 to %2</source>
        <translation>der Spiegel von %1 nach %2</translation>
    </message>
    <message>
        <source>the snapshot %2 of %1</source>
        <translation>der Snapshot %2 von %1</translation>
    </message>
    <message>
        <source>the clone of %1 to %2</source>
        <translation>der Klon von %1 nach %2</translation>
    </message>
    <message>
        <source>%1 is a snapshot of %2: snapshots are read-only.</source>
        <translation>%1 ist ein Snapshot von %2: Snapshots sind schreibgeschützt.</translation>
    </message>
    <message>
        <source>%1 is the mirror of %2: hosts write to %2, and ReplicaDesk copies every write here.</source>
        <translation>%1 ist der Spiegel von %2: Hosts schreiben auf %2, und ReplicaDesk kopiert jeden Schreibvorgang hierher.</translation>
    </message>
    <message>
        <source>%1 is receiving a clone of %2: it can be written once the copy has finished.</source>
        <translation>%1 empfängt einen Klon von %2: Es kann beschrieben werden, sobald die Kopie fertig ist.</translation>
    </message>
</context>
<context>
    <name>rd::engine::StorageConfigurationProvider</name>
    <message>
        <source>Storage configuration service</source>
        <translation>Speicherkonfigurationsdienst</translation>
    </message>
    <message>
        <source>There is no service %1.</source>
        <translation>Es gibt keinen Dienst %1.</translation>
    </message>
    <message>
        <source>The Goal %1 is not a storage setting of this system.</source>
        <translation>Das Goal %1 ist keine Speichereinstellung dieses Systems.</translation>
    </message>
    <message>
        <source>InPool %1 is not a storage pool of this system.</source>
        <translation>InPool %1 ist kein Speicherpool dieses Systems.</translation>
    </message>
    <message>
        <source>New volume</source>
        <translation>Neues Volume</translation>
    </message>
    <message>
        <source>TheElement %1 is not a volume of this system.</source>
        <translation>TheElement %1 ist kein Volume dieses Systems.</translation>
    </message>
    <message>
        <source>InPool %1 is not the pool of %2; a volume cannot move to another pool.</source>
        <translation>InPool %1 ist nicht der Pool von %2; ein Volume kann nicht in einen anderen Pool wechseln.</translation>
    </message>
    <message>
        <source>This system does not import image files.</source>
        <translation>Dieses System importiert keine Abbilddateien.</translation>
    </message>
    <message>
        <source>This system does not export image files.</source>
        <translation>Dieses System exportiert keine Abbilddateien.</translation>
    </message>
</context>
<context>
    <name>rd::engine::StoragePoolProvider</name>
    <message>
        <source>There is no storage pool %1.</source>
        <translation>Es gibt keinen Speicherpool %1.</translation>
    </message>
    <message>
        <source>Volume images in %1</source>
        <translation>Volume-Abbilder in %1</translation>
    </message>
</context>
<context>
    <name>rd::engine::StorageVolumeProvider</name>
    <message>
        <source>There is no volume %1.</source>
        <translation>Es gibt kein Volume %1.</translation>
    </message>
    <message>
        <source>ElementName must be the volume&apos;s new name.</source>
        <translation>ElementName muss der neue Name des Volumes sein.</translation>
    </message>
    <message>
        <source>Only the ElementName of a volume can be changed this way, not %1; a volume grows through CreateOrModifyElementFromStoragePool.</source>
        <translation>Auf diesem Weg lässt sich nur der ElementName eines Volumes ändern, nicht %1; ein Volume wächst über CreateOrModifyElementFromStoragePool.</translation>
    </message>
</context>
<context>
    <name>rd::engine::TransferPolicy</name>
    <message>
        <source>This system reads and writes image files in no directory; its administrator names them with --transfer-dir.</source>
        <translation>Dieses System liest und schreibt Abbilddateien in keinem Verzeichnis; sein Administrator nennt sie mit --transfer-dir.</translation>
    </message>
    <message>
        <source>%1: there is no file %2.</source>
        <translation>%1: Es gibt keine Datei %2.</translation>
    </message>
    <message>
        <source>%1: %2 is outside the directories this system reads images from.</source>
        <translation>%1: %2 liegt außerhalb der Verzeichnisse, aus denen dieses System Abbilder liest.</translation>
    </message>
    <message>
        <source>%1: %2 is neither a file nor a block device.</source>
        <translation>%1: %2 ist weder eine Datei noch ein Blockgerät.</translation>
    </message>
    <message>
        <source>%1: there is no directory %2.</source>
        <translation>%1: Es gibt kein Verzeichnis %2.</translation>
    </message>
    <message>
        <source>%1: %2 is outside the directories this system writes images to.</source>
        <translation>%1: %2 liegt außerhalb der Verzeichnisse, in die dieses System Abbilder schreibt.</translation>
    </message>
    <message>
        <source>%1: %2 exists already; an export never overwrites a file.</source>
        <translation>%1: %2 existiert bereits; ein Export überschreibt nie eine Datei.</translation>
    </message>
</context>
<context>
    <name>rd::engine::qemuimg</name>
    <message>
        <source>qemu-img info gave no format and size.</source>
        <translation>qemu-img info hat weder Format noch Größe geliefert.</translation>
    </message>
</context>
<context>
    <name>rd::requests</name>
    <message>
        <source>%1 contains the invisible direction control U+%2.</source>
        <translation>%1 enthält das unsichtbare Richtungssteuerzeichen U+%2.</translation>
    </message>
    <message>
        <source>%1 contains a control character.</source>
        <translation>%1 enthält ein Steuerzeichen.</translation>
    </message>
</context>
<context>
    <name>rd::ui</name>
    <message>
        <source>this system</source>
        <translation>dieses System</translation>
    </message>
    <message>
        <source>the peer</source>
        <translation>die Gegenstelle</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt; records a remote replication collection named &lt;b&gt;%2&lt;/b&gt; that reaches &lt;b&gt;%3&lt;/b&gt;.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt; erfasst eine entfernte Replikationssammlung namens &lt;b&gt;%2&lt;/b&gt;, die &lt;b&gt;%3&lt;/b&gt; erreicht.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>(a name the system chooses)</source>
        <translation>(ein Name, den das System wählt)</translation>
    </message>
    <message>
        <source>&lt;p&gt;The peer is reached at:&lt;/p&gt;</source>
        <translation>&lt;p&gt;Die Gegenstelle wird erreicht unter:&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;The peer may reach this side at:&lt;/p&gt;</source>
        <translation>&lt;p&gt;Die Gegenstelle kann diese Seite erreichen unter:&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;This side offers the peer no endpoint of its own: replicas go from here to the peer only.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Diese Seite bietet der Gegenstelle keinen eigenen Endpunkt: Replikate gehen nur von hier zur Gegenstelle.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Before the collection is recorded, the system signs in to the peer and checks that it is the system &lt;b&gt;%1&lt;/b&gt;; a peer that does not answer, or is another system, leaves nothing behind.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Bevor die Sammlung erfasst wird, meldet sich das System bei der Gegenstelle an und prüft, dass sie das System &lt;b&gt;%1&lt;/b&gt; ist; eine Gegenstelle, die nicht antwortet oder ein anderes System ist, hinterlässt nichts.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;The collection is &lt;b&gt;active&lt;/b&gt;: replicas can be made through it at once.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Die Sammlung ist &lt;b&gt;aktiv&lt;/b&gt;: Über sie können sofort Replikate erstellt werden.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;The collection is &lt;b&gt;inactive&lt;/b&gt;: it is kept, but no replica is made through it until it is activated.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Die Sammlung ist &lt;b&gt;inaktiv&lt;/b&gt;: Sie bleibt erhalten, aber über sie wird kein Replikat erstellt, bis sie aktiviert wird.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;It is deleted when its last access point is removed.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Sie wird gelöscht, wenn ihr letzter Zugangspunkt entfernt wird.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;The call returns at once; a job signs in to the peer and ends when the collection is recorded.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Der Aufruf kehrt sofort zurück; ein Auftrag meldet sich bei der Gegenstelle an und endet, wenn die Sammlung erfasst ist.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>The system is not connected.</source>
        <translation>Das System ist nicht verbunden.</translation>
    </message>
    <message>
        <source>This system offers no replication service.</source>
        <translation>Dieses System bietet keinen Replikationsdienst an.</translation>
    </message>
    <message>
        <source>The system refused the request. %1</source>
        <translation>Das System hat die Anfrage abgelehnt. %1</translation>
    </message>
    <message>
        <source>TLS-PSK identity %1</source>
        <translation>TLS-PSK-Identität %1</translation>
    </message>
    <message>
        <source>certificate %1</source>
        <translation>Zertifikat %1</translation>
    </message>
    <message>
        <source>Raw disk image</source>
        <translation>Rohes Festplattenabbild</translation>
    </message>
    <message>
        <source>QCOW2 (QEMU, KVM)</source>
        <translation>QCOW2 (QEMU, KVM)</translation>
    </message>
    <message>
        <source>VMDK (VMware)</source>
        <translation>VMDK (VMware)</translation>
    </message>
    <message>
        <source>VHDX (Hyper-V)</source>
        <translation>VHDX (Hyper-V)</translation>
    </message>
    <message>
        <source>VHD (Virtual PC, Azure)</source>
        <translation>VHD (Virtual PC, Azure)</translation>
    </message>
    <message>
        <source>Detect from the file</source>
        <translation>Aus der Datei erkennen</translation>
    </message>
    <message>
        <source>over the network, with a pre-shared key</source>
        <translation>über das Netzwerk, mit einem vorab geteilten Schlüssel</translation>
    </message>
    <message>
        <source>over the network, with a client certificate (nbd-client has no pre-shared keys)</source>
        <translation>über das Netzwerk, mit einem Client-Zertifikat (nbd-client kennt keine vorab geteilten Schlüssel)</translation>
    </message>
    <message>
        <source>on this computer, through the Unix socket</source>
        <translation>auf diesem Computer, über den Unix-Socket</translation>
    </message>
    <message>
        <source>The folder %1 could not be created.</source>
        <translation>Der Ordner %1 konnte nicht angelegt werden.</translation>
    </message>
    <message>
        <source>%1 could not be written: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>rd::ui::AboutBox</name>
    <message>
        <source>About ReplicaDesk</source>
        <translation>Über ReplicaDesk</translation>
    </message>
    <message>
        <source>A console for storage replication: pools and volumes, mirrors, snapshots and clones, and the jobs that copy them — on this computer&apos;s embedded engine or on remote systems.</source>
        <translation>Eine Konsole für Speicherreplikation: Pools und Volumes, Spiegel, Snapshots und Klone sowie die Aufträge, die sie kopieren – mit der eingebetteten Engine dieses Computers oder auf entfernten Systemen.</translation>
    </message>
    <message>
        <source>Qt %1</source>
        <translation>Qt %1</translation>
    </message>
    <message>
        <source>KDE ThreadWeaver %1</source>
        <translation>KDE ThreadWeaver %1</translation>
    </message>
</context>
<context>
    <name>rd::ui::AddDiskDialog</name>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen …</translation>
    </message>
    <message>
        <source>Add Existing Disk</source>
        <translation>Vorhandenen Datenträger hinzufügen</translation>
    </message>
    <message>
        <source>an image file or a block device</source>
        <translation>eine Abbilddatei oder ein Blockgerät</translation>
    </message>
    <message>
        <source>for example /srv/images/disk.qcow2</source>
        <translation>zum Beispiel /srv/images/disk.qcow2</translation>
    </message>
    <message>
        <source>Add Disk</source>
        <translation>Datenträger hinzufügen</translation>
    </message>
    <message>
        <source>The file is copied into a new thin volume; holes in the image take no space. The copy runs as a job.</source>
        <translation>Die Datei wird in ein neues schlankes Volume kopiert; Lücken im Abbild belegen keinen Platz. Die Kopie läuft als Auftrag.</translation>
    </message>
    <message>
        <source>A path on %1. The system reads only files under the directories its administrator allows for image transfers. The copy runs as a job.</source>
        <translation>Ein Pfad auf %1. Das System liest nur Dateien unter den Verzeichnissen, die sein Administrator für Abbildübertragungen erlaubt. Die Kopie läuft als Auftrag.</translation>
    </message>
    <message>
        <source>&amp;Image file:</source>
        <translation>&amp;Abbilddatei:</translation>
    </message>
    <message>
        <source>&amp;Path on the system:</source>
        <translation>&amp;Pfad auf dem System:</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>&amp;Format:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Pool:</source>
        <translation>&amp;Pool:</translation>
    </message>
    <message>
        <source>Choose a Disk Image</source>
        <translation>Festplattenabbild auswählen</translation>
    </message>
    <message>
        <source>Disk images (*.img *.raw *.qcow2 *.vmdk *.vhd *.vhdx)</source>
        <translation>Festplattenabbilder (*.img *.raw *.qcow2 *.vmdk *.vhd *.vhdx)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
    <message>
        <source>The disk was not added. %1</source>
        <translation>Der Datenträger wurde nicht hinzugefügt. %1</translation>
    </message>
    <message>
        <source>This system offers no storage configuration service, so it cannot add disks.</source>
        <translation>Dieses System bietet keinen Speicherkonfigurationsdienst und kann daher keine Datenträger hinzufügen.</translation>
    </message>
</context>
<context>
    <name>rd::ui::AddHostDialog</name>
    <message>
        <source>By a &amp;pre-shared key (TLS-PSK)</source>
        <translation>Über einen &amp;vorab geteilten Schlüssel (TLS-PSK)</translation>
    </message>
    <message>
        <source>By its &amp;client certificate</source>
        <translation>Über sein &amp;Client-Zertifikat</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>&amp;Wählen …</translation>
    </message>
    <message>
        <source>Add Host</source>
        <translation>Host hinzufügen</translation>
    </message>
    <message>
        <source>e.g. web01</source>
        <translation>z. B. web01</translation>
    </message>
    <message>
        <source>SHA-256 fingerprint, e.g. 3F:A0:…</source>
        <translation>SHA-256-Fingerabdruck, z. B. 3F:A0:…</translation>
    </message>
    <message>
        <source>A host is a computer that may open this system&apos;s volumes over NBD once it is admitted to them. It proves who it is with a pre-shared key the console makes now, or with its client certificate.</source>
        <translation>Ein Host ist ein Computer, der die Volumes dieses Systems über NBD öffnen darf, sobald er für sie zugelassen ist. Er weist sich mit einem vorab geteilten Schlüssel aus, den die Konsole jetzt erzeugt, oder mit seinem Client-Zertifikat.</translation>
    </message>
    <message>
        <source>&amp;Identity:</source>
        <translation>&amp;Identität:</translation>
    </message>
    <message>
        <source>Key &amp;file:</source>
        <translation>Schlüssel&amp;datei:</translation>
    </message>
    <message>
        <source>&amp;Fingerprint:</source>
        <translation>&amp;Fingerabdruck:</translation>
    </message>
    <message>
        <source>The console makes a random 32-byte key, gives it to the engine and writes it to the key file, readable by you only. Copy that file to the host.</source>
        <translation>Die Konsole erzeugt einen zufälligen 32-Byte-Schlüssel, übergibt ihn der Engine und schreibt ihn in die Schlüsseldatei, die nur Sie lesen können. Kopieren Sie diese Datei auf den Host.</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>Key File for the Host</source>
        <translation>Schlüsseldatei für den Host</translation>
    </message>
</context>
<context>
    <name>rd::ui::ConnectSystemDialog</name>
    <message>
        <source>Plain &amp;HTTP (only on this computer or a network you trust)</source>
        <translation>Unverschlüsseltes &amp;HTTP (nur auf diesem Computer oder in einem vertrauenswürdigen Netz)</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>Zertifikat</translation>
    </message>
    <message>
        <source>I compared the fingerprint with the system&apos;s: &amp;trust this certificate</source>
        <translation>Ich habe den Fingerabdruck mit dem des Systems verglichen: diesem Zertifikat &amp;vertrauen</translation>
    </message>
    <message>
        <source>Connect to Remote System</source>
        <translation>Mit entferntem System verbinden</translation>
    </message>
    <message>
        <source>storage-01.example or https://storage-01.example:5986/wsman</source>
        <translation>storage-01.example oder https://storage-01.example:5986/wsman</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>&amp;Verbinden</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Adresse:</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Benutzer:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Verbindung mit %1 wird hergestellt …</translation>
    </message>
    <message>
        <source>The system did not answer.</source>
        <translation>Das System hat nicht geantwortet.</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keiner)</translation>
    </message>
    <message>
        <source>The certificate is not trusted yet.</source>
        <translation>Dem Zertifikat wird noch nicht vertraut.</translation>
    </message>
    <message>
        <source>Not connected. %1</source>
        <translation>Nicht verbunden. %1</translation>
    </message>
    <message>
        <source>%1 showed a certificate that no authority this computer trusts has signed (subject: %2). Compare its SHA-256 fingerprint with the one the system&apos;s administrator gives you (replicadesk-engined logs it when it starts):</source>
        <translation>%1 hat ein Zertifikat vorgelegt, das keine Stelle signiert hat, der dieser Computer vertraut (Inhaber: %2). Vergleichen Sie seinen SHA-256-Fingerabdruck mit dem, den Ihnen die Administration des Systems nennt (replicadesk-engined protokolliert ihn beim Start):</translation>
    </message>
    <message>
        <source>&amp;Remember password in the keychain</source>
        <translation>Passwort im Schlüsselbund &amp;merken</translation>
    </message>
    <message>
        <source>Kept in the desktop&apos;s keychain (Secret Service), never in a file. Untick to remove a password kept before.</source>
        <translation>Wird im Schlüsselbund der Arbeitsumgebung (Secret Service) aufbewahrt, nie in einer Datei. Abwählen, um ein zuvor gemerktes Passwort zu entfernen.</translation>
    </message>
    <message>
        <source>ReplicaDesk engines (replicadesk-engined) and Windows iSCSI targets answer over WS-Management on port 5986 (HTTPS). A remembered password is kept in the keychain, never in a file.</source>
        <translation>ReplicaDesk-Engines (replicadesk-engined) und Windows-iSCSI-Ziele antworten über WS-Management auf Port 5986 (HTTPS). Ein gemerktes Passwort wird im Schlüsselbund aufbewahrt, nie in einer Datei.</translation>
    </message>
    <message>
        <source>The password was filled in from the keychain.</source>
        <translation>Das Passwort wurde aus dem Schlüsselbund eingetragen.</translation>
    </message>
    <message>
        <source>Not connected. %1 The password was the one kept in the keychain for %2; it is still kept there. Type the right one to replace it.</source>
        <translation>Nicht verbunden. %1 Verwendet wurde das im Schlüsselbund für %2 gemerkte Passwort; es bleibt dort gespeichert. Geben Sie das richtige ein, um es zu ersetzen.</translation>
    </message>
</context>
<context>
    <name>rd::ui::CreateReplicaWizard</name>
    <message>
        <source>Create Replica</source>
        <translation>Replikat erstellen</translation>
    </message>
</context>
<context>
    <name>rd::ui::DetailsPane</name>
    <message>
        <source>Select a system, pool, volume, synchronization or job in the navigator to see its properties.</source>
        <translation>Wählen Sie im Navigator ein System, einen Pool, ein Volume, eine Synchronisation oder einen Auftrag, um die Eigenschaften zu sehen.</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
</context>
<context>
    <name>rd::ui::ErrorText</name>
    <message>
        <source>%1: %2</source>
        <extracomment>A return code&apos;s meaning, then the system&apos;s explanation.</extracomment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>The system did not answer.</source>
        <translation>Das System hat nicht geantwortet.</translation>
    </message>
</context>
<context>
    <name>rd::ui::ExportImageDialog</name>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen …</translation>
    </message>
    <message>
        <source>Export to Image File</source>
        <translation>In Abbilddatei exportieren</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>for example /srv/images/%1</source>
        <translation>zum Beispiel /srv/images/%1</translation>
    </message>
    <message>
        <source>Volume:</source>
        <translation>Volume:</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>&amp;Format:</translation>
    </message>
    <message>
        <source>&amp;Save as:</source>
        <translation>&amp;Speichern unter:</translation>
    </message>
    <message>
        <source>&amp;Path on the system:</source>
        <translation>&amp;Pfad auf dem System:</translation>
    </message>
    <message>
        <source>An existing file is never overwritten. The copy runs as a job.</source>
        <translation>Eine vorhandene Datei wird nie überschrieben. Die Kopie läuft als Auftrag.</translation>
    </message>
    <message>
        <source>A path on %1, under a directory its administrator allows for image transfers. An existing file is never overwritten. The copy runs as a job.</source>
        <translation>Ein Pfad auf %1, unter einem Verzeichnis, das sein Administrator für Abbildübertragungen erlaubt. Eine vorhandene Datei wird nie überschrieben. Die Kopie läuft als Auftrag.</translation>
    </message>
    <message>
        <source>This system offers no storage configuration service, so it cannot export volumes.</source>
        <translation>Dieses System bietet keinen Speicherkonfigurationsdienst und kann daher keine Volumes exportieren.</translation>
    </message>
    <message>
        <source>The volume was not exported. %1</source>
        <translation>Das Volume wurde nicht exportiert. %1</translation>
    </message>
</context>
<context>
    <name>rd::ui::GrowVolumeDialog</name>
    <message>
        <source>Grow Volume</source>
        <translation>Volume vergrößern</translation>
    </message>
    <message>
        <source>Grow</source>
        <translation>Vergrößern</translation>
    </message>
    <message>
        <source>Volume:</source>
        <translation>Volume:</translation>
    </message>
    <message>
        <source>Now:</source>
        <translation>Jetzt:</translation>
    </message>
    <message>
        <source>&amp;New size:</source>
        <translation>&amp;Neue Größe:</translation>
    </message>
    <message>
        <source>Enter a size larger than %1; volumes can grow but not shrink.</source>
        <translation>Geben Sie eine Größe über %1 an; Volumes können wachsen, aber nicht schrumpfen.</translation>
    </message>
    <message>
        <source>The volume grows by %1; the new space reads as zeros until written. Hosts see it once they reconnect.</source>
        <translation>Das Volume wächst um %1; der neue Bereich liest sich als Nullen, bis er beschrieben wird. Hosts sehen ihn, sobald sie sich neu verbinden.</translation>
    </message>
    <message>
        <source>This system offers no storage configuration service, so it cannot change volumes.</source>
        <translation>Dieses System bietet keinen Speicherkonfigurationsdienst und kann daher keine Volumes ändern.</translation>
    </message>
    <message>
        <source>The volume was not grown. %1</source>
        <translation>Das Volume wurde nicht vergrößert. %1</translation>
    </message>
</context>
<context>
    <name>rd::ui::HostAccessDialog</name>
    <message>
        <source>&amp;Add Host…</source>
        <translation>Host &amp;hinzufügen …</translation>
    </message>
    <message>
        <source>&amp;Remove Host…</source>
        <translation>Host &amp;entfernen …</translation>
    </message>
    <message>
        <source>&amp;Withdraw</source>
        <translation>&amp;Entziehen</translation>
    </message>
    <message>
        <source>Host Access</source>
        <translation>Hostzugriff</translation>
    </message>
    <message>
        <source>Admit to this volume, read and &amp;write</source>
        <translation>Für dieses Volume zulassen, lesen und &amp;schreiben</translation>
    </message>
    <message>
        <source>Admit to this pool, read and &amp;write</source>
        <translation>Für diesen Pool zulassen, lesen und s&amp;chreiben</translation>
    </message>
    <message>
        <source>Admit to this volume, read &amp;only</source>
        <translation>Für dieses Volume zulassen, &amp;nur lesen</translation>
    </message>
    <message>
        <source>Admit to this pool, read &amp;only</source>
        <translation>Für diesen Pool zulassen, nur &amp;lesen</translation>
    </message>
    <message>
        <source>Hosts that may open the volumes of %1 over NBD once they are admitted to a volume or to its pool.</source>
        <translation>Hosts, die die Volumes von %1 über NBD öffnen dürfen, sobald sie für ein Volume oder seinen Pool zugelassen sind.</translation>
    </message>
    <message>
        <source>this system</source>
        <translation>diesem System</translation>
    </message>
    <message>
        <source>Access</source>
        <translation>Zugriff</translation>
    </message>
    <message>
        <source>Access to the volume “%1”</source>
        <translation>Zugriff auf das Volume „%1“</translation>
    </message>
    <message>
        <source>Access to the pool “%1”</source>
        <translation>Zugriff auf den Pool „%1“</translation>
    </message>
    <message>
        <source>Select a volume or a pool in the navigator to admit hosts to it.</source>
        <translation>Wählen Sie im Navigator ein Volume oder einen Pool aus, um Hosts dafür zuzulassen.</translation>
    </message>
    <message>
        <source>The host “%1” was not added.</source>
        <translation>Der Host „%1“ wurde nicht hinzugefügt.</translation>
    </message>
    <message>
        <source>Host %1 added. It proves who it is with the certificate whose fingerprint you gave.</source>
        <translation>Host %1 hinzugefügt. Er weist sich mit dem Zertifikat aus, dessen Fingerabdruck Sie angegeben haben.</translation>
    </message>
    <message>
        <source>The host “%1” was not added: its key file could not be written.</source>
        <translation>Der Host „%1“ wurde nicht hinzugefügt: Seine Schlüsseldatei konnte nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>Host %1 added. Its pre-shared key is in %2, readable by you only: the host needs that file (qemu&apos;s tls-creds-psk reads keys.psk in the folder given as dir=, nbdfuse and nbdinfo take it as tls-psk-file=).</source>
        <translation>Host %1 hinzugefügt. Sein vorab geteilter Schlüssel liegt in %2 und ist nur für Sie lesbar: Der Host braucht diese Datei (qemus tls-creds-psk liest keys.psk in dem mit dir= angegebenen Ordner, nbdfuse und nbdinfo nehmen sie als tls-psk-file=).</translation>
    </message>
    <message>
        <source>Remove Host</source>
        <translation>Host entfernen</translation>
    </message>
    <message>
        <source>Remove the host “%1”?</source>
        <translation>Den Host „%1“ entfernen?</translation>
    </message>
    <message>
        <source>It can no longer open any volume of this system, and every grant it has goes with it.</source>
        <translation>Er kann dann kein Volume dieses Systems mehr öffnen, und alle seine Freigaben entfallen.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>The host “%1” was not removed.</source>
        <translation>Der Host „%1“ wurde nicht entfernt.</translation>
    </message>
    <message>
        <source>Host %1 removed.</source>
        <translation>Host %1 entfernt.</translation>
    </message>
    <message>
        <source>%1 was not admitted to %2.</source>
        <translation>%1 wurde für %2 nicht zugelassen.</translation>
    </message>
    <message>
        <source>%1 still has access to %2.</source>
        <translation>%1 hat weiterhin Zugriff auf %2.</translation>
    </message>
    <message>
        <source>%1 may no longer open %2.</source>
        <translation>%1 darf %2 nicht mehr öffnen.</translation>
    </message>
    <message>
        <source>%1 may now read %2.</source>
        <translation>%1 darf %2 jetzt lesen.</translation>
    </message>
    <message>
        <source>%1 may now read and write %2.</source>
        <translation>%1 darf %2 jetzt lesen und schreiben.</translation>
    </message>
</context>
<context>
    <name>rd::ui::HostAccessModel</name>
    <message>
        <source>No access</source>
        <translation>Kein Zugriff</translation>
    </message>
    <message>
        <source>Read only</source>
        <translation>Nur lesen</translation>
    </message>
    <message>
        <source>Read and write</source>
        <translation>Lesen und schreiben</translation>
    </message>
    <message>
        <source>%1, through the pool %2</source>
        <translation>%1, über den Pool %2</translation>
    </message>
    <message>
        <source>StorageID %1 (%2)</source>
        <translation>StorageID %1 (%2)</translation>
    </message>
    <message>
        <source>From the host&apos;s AuthorizedPrivilege on the volume or pool (Activities 5 Read, 6 Write)</source>
        <translation>Aus dem AuthorizedPrivilege des Hosts für das Volume oder den Pool (Activities 5 Read, 6 Write)</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>Known by</source>
        <translation>Erkannt an</translation>
    </message>
    <message>
        <source>Access</source>
        <translation>Zugriff</translation>
    </message>
    <message>
        <source>Access to %1</source>
        <translation>Zugriff auf %1</translation>
    </message>
</context>
<context>
    <name>rd::ui::JobActions</name>
    <message>
        <source>&amp;Suspend Job</source>
        <translation>Auftrag &amp;anhalten</translation>
    </message>
    <message>
        <source>&amp;Resume Job</source>
        <translation>Auftrag &amp;fortsetzen</translation>
    </message>
    <message>
        <source>&amp;Cancel Job</source>
        <translation>Auftrag a&amp;bbrechen</translation>
    </message>
    <message>
        <source>Pause the selected job; it can be resumed later</source>
        <translation>Den ausgewählten Auftrag anhalten; er kann später fortgesetzt werden</translation>
    </message>
    <message>
        <source>Continue the selected suspended job</source>
        <translation>Den ausgewählten angehaltenen Auftrag fortsetzen</translation>
    </message>
    <message>
        <source>Stop the selected job</source>
        <translation>Den ausgewählten Auftrag abbrechen</translation>
    </message>
    <message>
        <source>Suspend</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>%1 “%2”: the system did not answer.</source>
        <translation>%1 „%2“: Das System hat nicht geantwortet.</translation>
    </message>
    <message>
        <source>%1 “%2”: accepted.</source>
        <translation>%1 „%2“: angenommen.</translation>
    </message>
    <message>
        <source>%1 “%2” failed: %3.</source>
        <translation>%1 „%2“ fehlgeschlagen: %3.</translation>
    </message>
    <message>
        <source>%1 “%2” failed: %3 — %4</source>
        <translation>%1 „%2“ fehlgeschlagen: %3 – %4</translation>
    </message>
</context>
<context>
    <name>rd::ui::JobDetailsDialog</name>
    <message>
        <source>Asking the system…</source>
        <translation>Das System wird gefragt …</translation>
    </message>
    <message>
        <source>Job Details — %1</source>
        <translation>Auftragsdetails — %1</translation>
    </message>
    <message>
        <source>Job:</source>
        <translation>Auftrag:</translation>
    </message>
    <message>
        <source>System:</source>
        <translation>System:</translation>
    </message>
    <message>
        <source>State:</source>
        <translation>Zustand:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Complete:</source>
        <translation>Erledigt:</translation>
    </message>
    <message>
        <source>Submitted:</source>
        <translation>Eingereicht:</translation>
    </message>
    <message>
        <source>Started:</source>
        <translation>Gestartet:</translation>
    </message>
    <message>
        <source>Running for:</source>
        <translation>Laufzeit:</translation>
    </message>
    <message>
        <source>Kept after it ends:</source>
        <translation>Aufbewahrt nach dem Ende:</translation>
    </message>
    <message>
        <source>Error (GetError)</source>
        <translation>Fehler (GetError)</translation>
    </message>
    <message>
        <source>What the job did (AffectedJobElement)</source>
        <translation>Was der Auftrag bewirkt hat (AffectedJobElement)</translation>
    </message>
    <message>
        <source>Element</source>
        <translation>Element</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Klasse</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>The system is not connected.</source>
        <translation>Das System ist nicht verbunden.</translation>
    </message>
    <message>
        <source>The system could not say: %1</source>
        <translation>Das System konnte es nicht sagen: %1</translation>
    </message>
    <message>
        <source>No error: the job has not failed.</source>
        <translation>Kein Fehler: Der Auftrag ist nicht gescheitert.</translation>
    </message>
    <message>
        <source>Message ID: %1</source>
        <translation>Meldungs-ID: %1</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>Status: %1</translation>
    </message>
    <message>
        <source>The system did not answer.</source>
        <translation>Das System hat nicht geantwortet.</translation>
    </message>
    <message>
        <source>Nothing yet.</source>
        <translation>Noch nichts.</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
</context>
<context>
    <name>rd::ui::JobTableModel</name>
    <message>
        <source>Succeeded</source>
        <translation>Erfolgreich</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Cancelled: %1</source>
        <translation>Abgebrochen: %1</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Auftrag</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>Listed until %1, then the system removes it.</source>
        <translation>Wird bis %1 aufgeführt, dann entfernt ihn das System.</translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <source>Throughput</source>
        <translation>Durchsatz</translation>
    </message>
    <message>
        <source>Time Left</source>
        <translation>Restzeit</translation>
    </message>
    <message>
        <source>Data copied per second over the last few seconds: the job&apos;s progress applied to the data its sources hold</source>
        <translation>Pro Sekunde kopierte Daten, gemittelt über die letzten Sekunden: der Fortschritt des Auftrags, bezogen auf die Daten seiner Quellen</translation>
    </message>
</context>
<context>
    <name>rd::ui::JobsDock</name>
    <message>
        <source>Jobs</source>
        <translation>Aufträge</translation>
    </message>
</context>
<context>
    <name>rd::ui::MainWindow</name>
    <message>
        <source>Navigator</source>
        <translation>Navigator</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>Reload systems, pools, volumes, synchronizations and jobs</source>
        <translation>Systeme, Pools, Volumes, Synchronisationen und Aufträge neu laden</translation>
    </message>
    <message>
        <source>&amp;About ReplicaDesk</source>
        <translation>Ü&amp;ber ReplicaDesk</translation>
    </message>
    <message>
        <source>About</source>
        <translation>Über</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>Show &amp;Navigator</source>
        <translation>&amp;Navigator anzeigen</translation>
    </message>
    <message>
        <source>Show &amp;Jobs</source>
        <translation>Au&amp;fträge anzeigen</translation>
    </message>
    <message>
        <source>&amp;Jobs</source>
        <translation>Auf&amp;träge</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Main Toolbar</source>
        <translation>Hauptwerkzeugleiste</translation>
    </message>
    <message>
        <source>Show &amp;Toolbar</source>
        <translation>&amp;Werkzeugleiste anzeigen</translation>
    </message>
    <message>
        <source>Default pool: %1</source>
        <translation>Standardpool: %1</translation>
    </message>
    <message>
        <source>The embedded engine keeps the volumes of its default storage pool in %1</source>
        <translation>Die eingebettete Engine legt die Volumes ihres Standard-Speicherpools in %1 ab</translation>
    </message>
    <message>
        <source>Embedded engine: stopped</source>
        <translation>Eingebettete Engine: angehalten</translation>
    </message>
    <message>
        <source>Embedded engine: running — loading…</source>
        <translation>Eingebettete Engine: läuft – wird geladen …</translation>
    </message>
    <message>
        <source>pools: %1, volumes: %2</source>
        <translation>Pools: %1, Volumes: %2</translation>
    </message>
    <message>
        <source>Embedded engine: running — %1</source>
        <translation>Eingebettete Engine: läuft – %1</translation>
    </message>
    <message>
        <source>Embedded engine: running as %1 — %2</source>
        <translation>Eingebettete Engine: läuft als %1 – %2</translation>
    </message>
    <message>
        <source>&amp;Storage</source>
        <translation>&amp;Speicher</translation>
    </message>
    <message>
        <source>&amp;Create Replica…</source>
        <translation>Replikat &amp;erstellen …</translation>
    </message>
    <message>
        <source>Create Replica</source>
        <translation>Replikat erstellen</translation>
    </message>
    <message>
        <source>Ctrl+Shift+R</source>
        <translation>Ctrl+Shift+R</translation>
    </message>
    <message>
        <source>Make mirrors, snapshots or clones of volumes</source>
        <translation>Spiegel, Snapshots oder Klone von Volumes erstellen</translation>
    </message>
    <message>
        <source>&amp;Replication</source>
        <translation>&amp;Replikation</translation>
    </message>
    <message>
        <source>Replica request accepted.</source>
        <translation>Replikat-Anfrage angenommen.</translation>
    </message>
    <message>
        <source>Show &amp;Synchronizations</source>
        <translation>&amp;Synchronisationen anzeigen</translation>
    </message>
    <message>
        <source>&amp;Connect to Remote System…</source>
        <translation>Mit entferntem System &amp;verbinden …</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Verbinden</translation>
    </message>
    <message>
        <source>Follow another ReplicaDesk engine or a Windows iSCSI target over WS-Management</source>
        <translation>Eine andere ReplicaDesk-Engine oder ein Windows-iSCSI-Ziel über WS-Management verfolgen</translation>
    </message>
    <message>
        <source>Connected to %1.</source>
        <translation>Verbunden mit %1.</translation>
    </message>
    <message>
        <source>The password could not be kept in the keychain: %1</source>
        <translation>Das Passwort konnte nicht im Schlüsselbund gespeichert werden: %1</translation>
    </message>
    <message>
        <source>The password could not be removed from the keychain: %1</source>
        <translation>Das Passwort konnte nicht aus dem Schlüsselbund entfernt werden: %1</translation>
    </message>
    <message>
        <source>New Remote &amp;Collection…</source>
        <translation>Neue entfernte &amp;Sammlung …</translation>
    </message>
    <message>
        <source>Ctrl+Shift+L</source>
        <translation>Ctrl+Shift+L</translation>
    </message>
    <message>
        <source>Record a peer system that replicas can be made on, and how it is reached</source>
        <translation>Ein Gegenstellen-System erfassen, auf dem Replikate erstellt werden können, und wie es erreicht wird</translation>
    </message>
    <message>
        <source>Remote collection request accepted.</source>
        <translation>Anfrage für die entfernte Sammlung angenommen.</translation>
    </message>
    <message>
        <source>Serve Volumes to &amp;Other Computers</source>
        <translation>Volumes für &amp;andere Computer bereitstellen</translation>
    </message>
    <message>
        <source>Let hosts listed under Host Access use the volumes over the network (NBD with TLS, port 10809)</source>
        <translation>Hosts, die unter „Hostzugriff“ eingetragen sind, die Volumes über das Netzwerk nutzen lassen (NBD mit TLS, Port 10809)</translation>
    </message>
    <message>
        <source>Serve Volumes to Other Computers</source>
        <translation>Volumes für andere Computer bereitstellen</translation>
    </message>
    <message>
        <source>The volumes cannot be served to other computers.

%1</source>
        <translation>Die Volumes können anderen Computern nicht bereitgestellt werden.

%1</translation>
    </message>
    <message>
        <source>The engine did not answer.</source>
        <translation>Die Engine hat nicht geantwortet.</translation>
    </message>
    <message>
        <source>Serving the volumes on %1</source>
        <translation>Die Volumes werden auf %1 bereitgestellt</translation>
    </message>
    <message>
        <source>%1 is attached.</source>
        <translation>%1 ist eingebunden.</translation>
    </message>
    <message>
        <source>Attach on This Computer</source>
        <translation>Auf diesem Computer einbinden</translation>
    </message>
    <message>
        <source>“%1” is attached on this computer as

%2

What is written there goes through ReplicaDesk, so its replicas follow. Detach it from the Storage menu when you are done; ReplicaDesk detaches it when it quits.</source>
        <translation>„%1“ ist auf diesem Computer eingebunden als

%2

Was dort geschrieben wird, läuft durch ReplicaDesk, daher folgen seine Replikate. Lösen Sie es im Menü „Speicher“, wenn Sie fertig sind; ReplicaDesk löst es beim Beenden.</translation>
    </message>
    <message>
        <source>The volume is detached.</source>
        <translation>Das Volume ist gelöst.</translation>
    </message>
    <message>
        <source>&amp;Host Access…</source>
        <translation>&amp;Hostzugriff …</translation>
    </message>
    <message>
        <source>Name the hosts that may open volumes over NBD and admit them to the selected volume or pool</source>
        <translation>Die Hosts benennen, die Volumes über NBD öffnen dürfen, und sie für das ausgewählte Volume oder den Pool zulassen</translation>
    </message>
</context>
<context>
    <name>rd::ui::NavigatorModel</name>
    <message>
        <source>Systems</source>
        <translation>Systeme</translation>
    </message>
    <message>
        <source>Synchronizations</source>
        <translation>Synchronisationen</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>Aufträge</translation>
    </message>
    <message>
        <source>%1 (embedded engine)</source>
        <translation>%1 (eingebettete Engine)</translation>
    </message>
    <message>
        <source>%1 — namespace %2</source>
        <translation>%1 – Namensraum %2</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
</context>
<context>
    <name>rd::ui::PropertyTableModel</name>
    <message>
        <source>%1 (%2%3): %4</source>
        <translation>%1 (%2%3): %4</translation>
    </message>
    <message>
        <source>Property</source>
        <translation>Eigenschaft</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>rd::ui::RemoteAccessPointsPage</name>
    <message>
        <source>Endpoint</source>
        <translation>Endpunkt</translation>
    </message>
    <message>
        <source>Used for</source>
        <translation>Verwendet für</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>Gefunden</translation>
    </message>
    <message>
        <source>Access Points</source>
        <translation>Zugangspunkte</translation>
    </message>
    <message>
        <source>Choose how the two systems reach each other: one management address of the peer, and the data addresses its replicas are written through.</source>
        <translation>Wählen Sie, wie die beiden Systeme einander erreichen: eine Verwaltungsadresse der Gegenstelle und die Datenadressen, über die ihre Replikate geschrieben werden.</translation>
    </message>
    <message>
        <source>Management (WS-Management)</source>
        <translation>Verwaltung (WS-Management)</translation>
    </message>
    <message>
        <source>Data (NBD)</source>
        <translation>Daten (NBD)</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Andere</translation>
    </message>
    <message>
        <source>&lt;b&gt;Peer&lt;/b&gt; (%1)</source>
        <translation>&lt;b&gt;Gegenstelle&lt;/b&gt; (%1)</translation>
    </message>
    <message>
        <source>&lt;b&gt;This side&lt;/b&gt; (%1)</source>
        <translation>&lt;b&gt;Diese Seite&lt;/b&gt; (%1)</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Verbunden</translation>
    </message>
    <message>
        <source>Advertised</source>
        <translation>Angeboten</translation>
    </message>
    <message>
        <source>The peer did not list its endpoints: %1</source>
        <translation>Die Gegenstelle hat ihre Endpunkte nicht aufgelistet: %1</translation>
    </message>
    <message>
        <source>Looking for endpoints on both sides…</source>
        <translation>Endpunkte auf beiden Seiten werden gesucht …</translation>
    </message>
    <message>
        <source>Choose the peer&apos;s management address: the engine signs in to the peer there.</source>
        <translation>Wählen Sie die Verwaltungsadresse der Gegenstelle: Dort meldet sich die Engine bei der Gegenstelle an.</translation>
    </message>
    <message>
        <source>Choose only one management address of the peer: a collection reaches its peer through one.</source>
        <translation>Wählen Sie nur eine Verwaltungsadresse der Gegenstelle: Eine Sammlung erreicht ihre Gegenstelle über eine einzige.</translation>
    </message>
    <message>
        <source>No data address of the peer is chosen: the collection can be recorded, but no blocks can be copied to the peer through it until one is added.</source>
        <translation>Keine Datenadresse der Gegenstelle gewählt: Die Sammlung kann erfasst werden, aber über sie können keine Blöcke zur Gegenstelle kopiert werden, bis eine hinzugefügt ist.</translation>
    </message>
    <message>
        <source>This side offers no endpoint of its own (the embedded engine serves none): replicas go from here to the peer.</source>
        <translation>Diese Seite bietet keinen eigenen Endpunkt (die eingebettete Engine stellt keinen bereit): Replikate gehen von hier zur Gegenstelle.</translation>
    </message>
</context>
<context>
    <name>rd::ui::RemoteCollectionResultPage</name>
    <message>
        <source>up: the peer answers</source>
        <translation>aktiv: Die Gegenstelle antwortet</translation>
    </message>
    <message>
        <source>down: the peer does not answer</source>
        <translation>unterbrochen: Die Gegenstelle antwortet nicht</translation>
    </message>
    <message>
        <source>partitioned</source>
        <translation>partitioniert</translation>
    </message>
    <message>
        <source>not known yet</source>
        <translation>noch nicht bekannt</translation>
    </message>
    <message>
        <source>Creating the Collection</source>
        <translation>Sammlung wird angelegt</translation>
    </message>
    <message>
        <source>The system recorded the collection.</source>
        <translation>Das System hat die Sammlung erfasst.</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>Fertig.</translation>
    </message>
    <message>
        <source>The system is signing in to the peer. You can close the wizard; the job monitor follows the job too.</source>
        <translation>Das System meldet sich bei der Gegenstelle an. Sie können den Assistenten schließen; die Auftragsübersicht verfolgt den Auftrag ebenfalls.</translation>
    </message>
    <message>
        <source>Contacting the peer…</source>
        <translation>Gegenstelle wird kontaktiert …</translation>
    </message>
    <message>
        <source>%1…</source>
        <translation>%1…</translation>
    </message>
    <message>
        <source>The collection was not created; nothing was recorded.</source>
        <translation>Die Sammlung wurde nicht angelegt; nichts wurde erfasst.</translation>
    </message>
    <message>
        <source>The job ended without saying why.</source>
        <translation>Der Auftrag endete, ohne einen Grund zu nennen.</translation>
    </message>
    <message>
        <source>The job failed: %1</source>
        <translation>Der Auftrag ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>The peer answered and the collection is recorded.</source>
        <translation>Die Gegenstelle hat geantwortet und die Sammlung ist erfasst.</translation>
    </message>
    <message>
        <source>Completed.</source>
        <translation>Abgeschlossen.</translation>
    </message>
    <message>
        <source>&lt;p&gt;The collection could not be read back: %1&lt;/p&gt;</source>
        <translation>&lt;p&gt;Die Sammlung konnte nicht zurückgelesen werden: %1&lt;/p&gt;</translation>
    </message>
    <message>
        <source>The system did not answer.</source>
        <translation>Das System hat nicht geantwortet.</translation>
    </message>
    <message>
        <source>&lt;p&gt;The collection &lt;b&gt;%1&lt;/b&gt; is recorded.&lt;/p&gt;&lt;p&gt;Connection to the peer: %2.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Die Sammlung &lt;b&gt;%1&lt;/b&gt; ist erfasst.&lt;/p&gt;&lt;p&gt;Verbindung zur Gegenstelle: %2.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>rd::ui::RemoteCollectionWizard</name>
    <message>
        <source>New Remote Collection</source>
        <translation>Neue entfernte Sammlung</translation>
    </message>
</context>
<context>
    <name>rd::ui::RemoteOptionsPage</name>
    <message>
        <source>&amp;Active</source>
        <translation>&amp;Aktiv</translation>
    </message>
    <message>
        <source>&amp;Delete when no access point is left</source>
        <translation>&amp;Löschen, wenn kein Zugangspunkt mehr übrig ist</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>Optionen</translation>
    </message>
    <message>
        <source>Name the collection and say how it behaves.</source>
        <translation>Benennen Sie die Sammlung und legen Sie fest, wie sie sich verhält.</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>Replicas can be made through an active collection at once. An inactive one is kept with its access points but not used until it is activated.</source>
        <translation>Über eine aktive Sammlung können sofort Replikate erstellt werden. Eine inaktive bleibt mit ihren Zugangspunkten erhalten, wird aber erst nach dem Aktivieren verwendet.</translation>
    </message>
    <message>
        <source>When the last access point is removed from the collection, the collection is deleted too. Otherwise it stays, empty, until you delete it.</source>
        <translation>Wenn der letzte Zugangspunkt aus der Sammlung entfernt wird, wird auch die Sammlung gelöscht. Andernfalls bleibt sie leer bestehen, bis Sie sie löschen.</translation>
    </message>
    <message>
        <source>The engine then signs in to the peer and checks that it is this very system before the collection is recorded, so a different machine at the same address is refused.</source>
        <translation>Die Engine meldet sich dann bei der Gegenstelle an und prüft vor dem Erfassen der Sammlung, dass es genau dieses System ist; ein anderer Rechner unter derselben Adresse wird abgelehnt.</translation>
    </message>
    <message>
        <source>&amp;Check that the peer is the system %1</source>
        <translation>&amp;Prüfen, dass die Gegenstelle das System %1 ist</translation>
    </message>
    <message>
        <source>Replication to %1</source>
        <translation>Replikation nach %1</translation>
    </message>
</context>
<context>
    <name>rd::ui::RemotePeerPage</name>
    <message>
        <source>&amp;Connect to Another System…</source>
        <translation>Mit anderem System &amp;verbinden …</translation>
    </message>
    <message>
        <source>Peer System</source>
        <translation>Gegenstelle</translation>
    </message>
    <message>
        <source>Choose the system that will hold the replicas. It must run a ReplicaDesk engine; connect to it first if it is not listed.</source>
        <translation>Wählen Sie das System, das die Replikate aufnehmen soll. Darauf muss eine ReplicaDesk-Engine laufen; verbinden Sie sich zuerst damit, wenn es nicht aufgeführt ist.</translation>
    </message>
    <message>
        <source>No remote system is connected. Use “Connect to Another System…” with the address of a computer running replicadesk-engined, and a user it knows.</source>
        <translation>Kein entferntes System ist verbunden. Verwenden Sie „Mit anderem System verbinden …“ mit der Adresse eines Rechners, auf dem replicadesk-engined läuft, und einem Benutzer, den er kennt.</translation>
    </message>
</context>
<context>
    <name>rd::ui::RemoteTrustPage</name>
    <message>
        <source>Check &amp;Again</source>
        <translation>&amp;Erneut prüfen</translation>
    </message>
    <message>
        <source>Credentials and Certificate</source>
        <translation>Anmeldedaten und Zertifikat</translation>
    </message>
    <message>
        <source>The peer is asked who it is, with the user you connected as. Replicas are only sent to a ReplicaDesk engine whose certificate is trusted.</source>
        <translation>Die Gegenstelle wird mit dem Benutzer, mit dem Sie verbunden sind, nach ihrer Identität gefragt. Replikate gehen nur an eine ReplicaDesk-Engine, deren Zertifikat vertraut wird.</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Adresse:</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>Benutzer:</translation>
    </message>
    <message>
        <source>Certificate:</source>
        <translation>Zertifikat:</translation>
    </message>
    <message>
        <source>Peer:</source>
        <translation>Gegenstelle:</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keiner)</translation>
    </message>
    <message>
        <source>The engine on this computer signs in to the peer with this user and trusts only this certificate. It keeps the password in memory, never in a file.</source>
        <translation>Die Engine auf diesem Rechner meldet sich mit diesem Benutzer bei der Gegenstelle an und vertraut nur diesem Zertifikat. Das Passwort hält sie im Speicher, nie in einer Datei.</translation>
    </message>
    <message>
        <source>None: plain HTTP. The password and every request travel unencrypted; use this only on a network you trust.</source>
        <translation>Keines: unverschlüsseltes HTTP. Das Passwort und jede Anfrage werden unverschlüsselt übertragen; verwenden Sie dies nur in einem Netz, dem Sie vertrauen.</translation>
    </message>
    <message>
        <source>Shown when the peer answers.</source>
        <translation>Wird angezeigt, wenn die Gegenstelle antwortet.</translation>
    </message>
    <message>
        <source>%1
SHA-256 %2
Trusted because you accepted this fingerprint when you connected (trust on first use).</source>
        <translation>%1
SHA-256 %2
Vertraut, weil Sie diesen Fingerabdruck beim Verbinden akzeptiert haben (Vertrauen bei erster Verwendung).</translation>
    </message>
    <message>
        <source>%1
SHA-256 %2
Vouched for by a certificate authority this computer trusts.</source>
        <translation>%1
SHA-256 %2
Von einer Zertifizierungsstelle beglaubigt, der dieser Rechner vertraut.</translation>
    </message>
    <message>
        <source>No peer is chosen.</source>
        <translation>Keine Gegenstelle gewählt.</translation>
    </message>
    <message>
        <source>Asking the peer who it is…</source>
        <translation>Die Gegenstelle wird nach ihrer Identität gefragt …</translation>
    </message>
    <message>
        <source>Not verified.</source>
        <translation>Nicht bestätigt.</translation>
    </message>
    <message>
        <source>The peer did not confirm who it is: %1</source>
        <translation>Die Gegenstelle hat ihre Identität nicht bestätigt: %1</translation>
    </message>
    <message>
        <source>The system did not answer.</source>
        <translation>Das System hat nicht geantwortet.</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>This system is not a ReplicaDesk engine. A remote collection needs a ReplicaDesk engine on the peer (replicadesk-engined).</source>
        <translation>Dieses System ist keine ReplicaDesk-Engine. Eine entfernte Sammlung braucht eine ReplicaDesk-Engine auf der Gegenstelle (replicadesk-engined).</translation>
    </message>
    <message>
        <source>The peer was disconnected.</source>
        <translation>Die Verbindung zur Gegenstelle wurde getrennt.</translation>
    </message>
    <message>
        <source>The peer does not show its system: %1</source>
        <translation>Die Gegenstelle zeigt ihr System nicht an: %1</translation>
    </message>
    <message>
        <source>no ComputerSystem.</source>
        <translation>kein ComputerSystem.</translation>
    </message>
    <message>
        <source>%1, system %2</source>
        <translation>%1, System %2</translation>
    </message>
    <message>
        <source>%1 signs in to the peer with the credentials in its own peers file (replicadesk-engined --peers); this console does not hand its own over to another system.</source>
        <translation>%1 meldet sich mit den Anmeldedaten aus seiner eigenen Gegenstellen-Datei bei der Gegenstelle an (replicadesk-engined --peers); diese Konsole gibt ihre eigenen nicht an ein anderes System weiter.</translation>
    </message>
</context>
<context>
    <name>rd::ui::ReplicaCallText</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>onto the existing volume %1</source>
        <translation>auf das vorhandene Volume %1</translation>
    </message>
    <message>
        <source>into a new volume named “%1”</source>
        <translation>in ein neues Volume namens „%1“</translation>
    </message>
    <message>
        <source>into a new volume the system names</source>
        <translation>in ein neues Volume, das das System benennt</translation>
    </message>
    <message>
        <source>%1 of %2, %3</source>
        <translation>%1 von %2, %3</translation>
    </message>
    <message>
        <source>Ask the replication service of %1 to make these replicas:</source>
        <translation>Den Replikationsdienst von %1 bitten, diese Replikate zu erstellen:</translation>
    </message>
    <message>
        <source>the system</source>
        <translation>dem System</translation>
    </message>
    <message>
        <source>New volumes go to the system&apos;s default pool.</source>
        <translation>Neue Volumes kommen in den Standardpool des Systems.</translation>
    </message>
    <message>
        <source>New volumes are allocated from the pool %1.</source>
        <translation>Neue Volumes werden im Pool %1 angelegt.</translation>
    </message>
    <message>
        <source>Mode: left to the system (NULL).</source>
        <translation>Modus: dem System überlassen (NULL).</translation>
    </message>
    <message>
        <source>Mode: %1.</source>
        <translation>Modus: %1.</translation>
    </message>
    <message>
        <source>Settings (ReplicationSettingData): %1.</source>
        <translation>Einstellungen (ReplicationSettingData): %1.</translation>
    </message>
    <message>
        <source>The call returns at once; the copy continues as a job the job monitor follows.</source>
        <translation>Der Aufruf kehrt sofort zurück; die Kopie läuft als Auftrag weiter, den die Auftragsübersicht verfolgt.</translation>
    </message>
    <message>
        <source>The call returns when every replica is %1 (WaitForCopyState); work that remains continues as a job.</source>
        <translation>Der Aufruf kehrt zurück, sobald jedes Replikat %1 ist (WaitForCopyState); was dann noch zu tun ist, läuft als Auftrag weiter.</translation>
    </message>
    <message>
        <source>Not Managed</source>
        <translation>Nicht verwaltet</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Niedrig</translation>
    </message>
    <message>
        <source>Same</source>
        <translation>Gleich</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Hoch</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>Dringend</translation>
    </message>
    <message>
        <source>Use existing</source>
        <translation>Vorhandene verwenden</translation>
    </message>
    <message>
        <source>Create new</source>
        <translation>Neu anlegen</translation>
    </message>
    <message>
        <source>Use and create</source>
        <translation>Verwenden und anlegen</translation>
    </message>
    <message>
        <source>Instrumentation decides</source>
        <translation>Implementierung entscheidet</translation>
    </message>
    <message>
        <source>Client must supply</source>
        <translation>Client muss angeben</translation>
    </message>
    <message>
        <source>New volumes are made on another system, reached at %1 (TargetAccessPoint); the blocks are sent there over NBD.</source>
        <translation>Neue Volumes werden auf einem anderen System angelegt, erreichbar unter %1 (TargetAccessPoint); die Blöcke werden per NBD dorthin gesendet.</translation>
    </message>
    <message>
        <source>into a new volume named “%1” on the other system</source>
        <translation>in ein neues Volume namens „%1“ auf dem anderen System</translation>
    </message>
    <message>
        <source>into a new volume the other system names</source>
        <translation>in ein neues Volume, das das andere System benennt</translation>
    </message>
    <message>
        <source>New volumes are made on another system, reached at %1 (TargetAccessPoint), and kept in step with their sources there: after a first full copy over NBD, every write to a source is sent to the other system too.</source>
        <translation>Neue Volumes werden auf einem anderen System angelegt, erreichbar unter %1 (TargetAccessPoint), und halten dort mit ihren Quellen Schritt: Nach einer ersten vollständigen Kopie per NBD wird jeder Schreibvorgang auf eine Quelle auch an das andere System gesendet.</translation>
    </message>
    <message>
        <source>Mode: %1 — a write to a source completes only once the other system has it too.</source>
        <translation>Modus: %1 — ein Schreibvorgang auf eine Quelle ist erst abgeschlossen, wenn er auch auf dem anderen System angekommen ist.</translation>
    </message>
    <message>
        <source>Mode: %1 — writes to a source complete here and reach the other system shortly after.</source>
        <translation>Modus: %1 — Schreibvorgänge auf eine Quelle werden hier abgeschlossen und erreichen das andere System kurz danach.</translation>
    </message>
    <message>
        <source>The call returns at once; a job makes the volumes on the other system and copies the data, and ends when the mirrors are Synchronized. The job monitor follows it.</source>
        <translation>Der Aufruf kehrt sofort zurück; ein Auftrag legt die Volumes auf dem anderen System an, kopiert die Daten und endet, sobald die Spiegel synchronisiert sind. Die Auftragsübersicht verfolgt ihn.</translation>
    </message>
    <message>
        <source>Ask this computer&apos;s replication service to make these replicas:</source>
        <translation>Den Replikationsdienst dieses Computers bitten, diese Replikate zu erstellen:</translation>
    </message>
    <message>
        <source>The system will refuse this request: %1</source>
        <translation>Das System wird diese Anfrage ablehnen: %1</translation>
    </message>
</context>
<context>
    <name>rd::ui::ReplicaResultPage</name>
    <message>
        <source>Request Accepted</source>
        <translation>Anfrage angenommen</translation>
    </message>
    <message>
        <source>The system checked the request and started a job for the copy.</source>
        <translation>Das System hat die Anfrage geprüft und einen Auftrag für die Kopie gestartet.</translation>
    </message>
    <message>
        <source>The system made the replicas within the call.</source>
        <translation>Das System hat die Replikate innerhalb des Aufrufs erstellt.</translation>
    </message>
    <message>
        <source>&lt;p&gt;The replicas are ready.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Die Replikate sind fertig.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Replicas:&lt;/p&gt;</source>
        <translation>&lt;p&gt;Replikate:&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;%1 synchronization pair(s) now appear under Synchronizations.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Unter „Synchronisationen“ erscheinen jetzt %1 Synchronisationspaar(e).&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;The job “%1” is running. The job monitor at the bottom of the main window is showing it now: its progress, throughput and time left.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Der Auftrag „%1“ läuft. Die Auftragsübersicht unten im Hauptfenster zeigt ihn jetzt an: Fortschritt, Durchsatz und Restzeit.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>rd::ui::ReplicaSettingsPage</name>
    <message>
        <source>Take all replicas at the &amp;same point in time</source>
        <translation>Alle Replikate zum &amp;selben Zeitpunkt erstellen</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>These travel with the request as its ReplicationSettingData; WaitForCopyState says when the call returns.</source>
        <translation>Diese Werte gehen als ReplicationSettingData mit der Anfrage; WaitForCopyState bestimmt, wann der Aufruf zurückkehrt.</translation>
    </message>
    <message>
        <source>Left to the system</source>
        <translation>Dem System überlassen</translation>
    </message>
    <message>
        <source>Not managed (0)</source>
        <translation>Nicht verwaltet (0)</translation>
    </message>
    <message>
        <source>Low (1) — yields to host I/O</source>
        <translation>Niedrig (1) — lässt der Host-E/A den Vortritt</translation>
    </message>
    <message>
        <source>Same (2) — shares evenly with host I/O</source>
        <translation>Gleich (2) — teilt sich die Platten gleichmäßig mit der Host-E/A</translation>
    </message>
    <message>
        <source>Return at once; the job monitor follows the copy</source>
        <translation>Sofort zurückkehren; die Auftragsübersicht verfolgt die Kopie</translation>
    </message>
    <message>
        <source>Wait until the replicas are %1</source>
        <translation>Warten, bis die Replikate %1 sind</translation>
    </message>
    <message>
        <source>Replication settings</source>
        <translation>Replikationseinstellungen</translation>
    </message>
    <message>
        <source>Copy &amp;priority:</source>
        <translation>Kopier&amp;priorität:</translation>
    </message>
    <message>
        <source>Target supplier:</source>
        <translation>Ziele:</translation>
    </message>
    <message>
        <source>When the call returns</source>
        <translation>Wann der Aufruf zurückkehrt</translation>
    </message>
    <message>
        <source>&amp;Wait for:</source>
        <translation>&amp;Warten auf:</translation>
    </message>
    <message>
        <source>Initialized: the pairs exist. Unsynchronized: the copy has started. Synchronized: the replicas are complete. Whatever remains after the call runs as a job.</source>
        <translation>Initialisiert: Die Paare existieren. Nicht synchronisiert: Die Kopie hat begonnen. Synchronisiert: Die Replikate sind vollständig. Was nach dem Aufruf noch übrig ist, läuft als Auftrag.</translation>
    </message>
    <message>
        <source>How the copy shares the disks with the hosts&apos; own I/O.</source>
        <translation>Wie sich die Kopie die Platten mit der eigenen E/A der Hosts teilt.</translation>
    </message>
    <message>
        <source>A snapshot copies nothing up front, so there is no copy to prioritise.</source>
        <translation>Ein Snapshot kopiert vorab nichts, es gibt also keine Kopie zu priorisieren.</translation>
    </message>
    <message>
        <source>Applies when several sources are replicated.</source>
        <translation>Gilt, wenn mehrere Quellen repliziert werden.</translation>
    </message>
    <message>
        <source>Use existing (2): the volumes chosen on the previous page.</source>
        <translation>Vorhandene verwenden (2): die auf der vorigen Seite gewählten Volumes.</translation>
    </message>
    <message>
        <source>Create new (3): the system creates the replica volumes.</source>
        <translation>Neu anlegen (3): Das System legt die Replikat-Volumes an.</translation>
    </message>
    <message>
        <source>High (3) — ahead of host I/O</source>
        <translation>Hoch (3) — vor der Host-E/A</translation>
    </message>
    <message>
        <source>Urgent (4) — copies first</source>
        <translation>Dringend (4) — kopiert zuerst</translation>
    </message>
    <message>
        <source>Not for clones on another system: each is copied from its own point in time. To have one for all, mirror them and fracture the list.</source>
        <translation>Nicht für Klone auf einem anderen System: Jeder wird von seinem eigenen Zeitpunkt aus kopiert. Für einen gemeinsamen Zeitpunkt spiegeln Sie die Volumes und trennen dann die ganze Liste.</translation>
    </message>
    <message>
        <source>Create new (3): the other system creates the replica volumes.</source>
        <translation>Neu anlegen (3): Das andere System legt die Replikat-Volumes an.</translation>
    </message>
    <message>
        <source>Not for replicas on another system: the call returns at once and a job makes the mirrors there. The job ends when they are Synchronized; the job monitor follows it.</source>
        <translation>Nicht für Replikate auf einem anderen System: Der Aufruf kehrt sofort zurück, und ein Auftrag erstellt dort die Spiegel. Er endet, sobald sie synchronisiert sind; die Auftragsübersicht verfolgt ihn.</translation>
    </message>
    <message>
        <source>Not for replicas on another system: the call returns at once and a job makes the clones there. The job ends when the copy is complete; the job monitor follows it.</source>
        <translation>Nicht für Replikate auf einem anderen System: Der Aufruf kehrt sofort zurück, und ein Auftrag erstellt dort die Klone. Er endet, sobald die Kopie vollständig ist; die Auftragsübersicht verfolgt ihn.</translation>
    </message>
</context>
<context>
    <name>rd::ui::ReplicaSourcesPage</name>
    <message>
        <source>Sources</source>
        <translation>Quellen</translation>
    </message>
    <message>
        <source>Check the volumes to replicate. One request copies several volumes at the same time; they must all be of one kind.</source>
        <translation>Haken Sie die zu replizierenden Volumes an. Eine Anfrage kopiert mehrere Volumes gleichzeitig; sie müssen alle von einer Art sein.</translation>
    </message>
</context>
<context>
    <name>rd::ui::ReplicaSummaryPage</name>
    <message>
        <source>&amp;Copy XML</source>
        <translation>XML &amp;kopieren</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <source>This is the request that will be sent. Run sends it; the system checks it before anything is created.</source>
        <translation>Diese Anfrage wird gesendet. „Ausführen“ sendet sie; das System prüft sie, bevor etwas angelegt wird.</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>&amp;Ausführen</translation>
    </message>
    <message>
        <source>The embedded engine is called in-process; a remote system gets this envelope.</source>
        <translation>Die eingebettete Engine wird im Prozess aufgerufen; ein entferntes System erhält diesen Umschlag.</translation>
    </message>
    <message>
        <source>Sent over HTTPS to the system&apos;s WS-Management endpoint.</source>
        <translation>Wird per HTTPS an den WS-Management-Endpunkt des Systems gesendet.</translation>
    </message>
    <message>
        <source>Sending the request…</source>
        <translation>Anfrage wird gesendet …</translation>
    </message>
    <message>
        <source>As WS-Management XML (the Invoke of %1):</source>
        <translation>Als WS-Management-XML (der Invoke von %1):</translation>
    </message>
</context>
<context>
    <name>rd::ui::ReplicaTargetsPage</name>
    <message>
        <source>Create &amp;new volumes for the replicas</source>
        <translation>&amp;Neue Volumes für die Replikate anlegen</translation>
    </message>
    <message>
        <source>Use &amp;existing volumes</source>
        <translation>&amp;Vorhandene Volumes verwenden</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Name of the new replica</source>
        <translation>Name des neuen Replikats</translation>
    </message>
    <message>
        <source>Target volume</source>
        <translation>Ziel-Volume</translation>
    </message>
    <message>
        <source>Targets</source>
        <translation>Ziele</translation>
    </message>
    <message>
        <source>Choose where the replicas go. Names are applied to the new volumes in the order of the sources; an empty name lets the system choose one.</source>
        <translation>Wählen Sie, wohin die Replikate kommen. Die Namen gehen in der Reihenfolge der Quellen an die neuen Volumes; bei leerem Namen wählt das System einen.</translation>
    </message>
    <message>
        <source>Only volumes at least as big as their source that are not part of a synchronization are offered. Their data is overwritten.</source>
        <translation>Angeboten werden nur Volumes, die mindestens so groß wie ihre Quelle sind und zu keiner Synchronisation gehören. Ihre Daten werden überschrieben.</translation>
    </message>
    <message>
        <source>&amp;Pool:</source>
        <translation>&amp;Pool:</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <extracomment>The default name of a new replica: the source&apos;s name and the replica type.</extracomment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>(no volume is big enough and free)</source>
        <translation>(kein Volume ist groß genug und frei)</translation>
    </message>
    <message>
        <source>(choose a volume)</source>
        <translation>(Volume wählen)</translation>
    </message>
    <message>
        <source>The replicas need about %1.</source>
        <translation>Die Replikate brauchen etwa %1.</translation>
    </message>
    <message>
        <source>The replicas need about %1; the pool has %2 free.</source>
        <translation>Die Replikate brauchen etwa %1; im Pool sind %2 frei.</translation>
    </message>
    <message>
        <source>The pool %1 has %2 free, but the replicas need about %3. Choose another pool or free some space.</source>
        <translation>Im Pool %1 sind %2 frei, die Replikate brauchen aber etwa %3. Wählen Sie einen anderen Pool oder geben Sie Platz frei.</translation>
    </message>
    <message>
        <source>Create new volumes on &amp;another system</source>
        <translation>Neue Volumes auf einem &amp;anderen System anlegen</translation>
    </message>
    <message>
        <source>&amp;System:</source>
        <translation>&amp;System:</translation>
    </message>
    <message>
        <source>This system does not make replicas on other systems.</source>
        <translation>Dieses System erstellt keine Replikate auf anderen Systemen.</translation>
    </message>
    <message>
        <source>Looking for remote collections…</source>
        <translation>Entfernte Sammlungen werden gesucht …</translation>
    </message>
    <message>
        <source>No active remote collection with a data endpoint: record the other system first with Replication → New Remote Collection.</source>
        <translation>Keine aktive entfernte Sammlung mit Daten-Endpunkt: Erfassen Sie das andere System zuerst mit Replikation → Neue entfernte Sammlung.</translation>
    </message>
    <message>
        <source>The replicas need about %1 on the other system, which checks its free space when it makes them.</source>
        <translation>Die Replikate brauchen etwa %1 auf dem anderen System, das seinen freien Platz beim Anlegen prüft.</translation>
    </message>
    <message>
        <source>A snapshot stays with its source: it cannot be made on another system.</source>
        <translation>Ein Snapshot bleibt bei seiner Quelle: Er kann nicht auf einem anderen System erstellt werden.</translation>
    </message>
    <message>
        <source>This system makes %1 replicas on other systems, but not %2 ones.</source>
        <extracomment>A replica type and a mode, as in &quot;This system makes Mirror replicas on other systems, but not Asynchronous ones.&quot;</extracomment>
        <translation>Dieses System erstellt Replikate vom Typ %1 auf anderen Systemen, aber nicht im Modus %2.</translation>
    </message>
</context>
<context>
    <name>rd::ui::ReplicaTypePage</name>
    <message>
        <source>Replica Type and Mode</source>
        <translation>Replikattyp und Modus</translation>
    </message>
    <message>
        <source>Choose what kind of replica to make and how it follows its source.</source>
        <translation>Wählen Sie, welche Art Replikat entsteht und wie es seiner Quelle folgt.</translation>
    </message>
    <message>
        <source>Replica type</source>
        <translation>Replikattyp</translation>
    </message>
    <message>
        <source>&amp;Mirror</source>
        <translation>&amp;Spiegel</translation>
    </message>
    <message>
        <source>A copy kept in step with its source: after a first full copy every write to the source reaches the replica too. It can later be fractured, resynchronised, restored from or detached.</source>
        <translation>Eine Kopie, die mit ihrer Quelle Schritt hält: Nach einer ersten vollständigen Kopie erreicht jeder Schreibvorgang auf die Quelle auch das Replikat. Sie lässt sich später trennen, neu synchronisieren, zur Wiederherstellung nutzen oder lösen.</translation>
    </message>
    <message>
        <source>&amp;Snapshot</source>
        <translation>S&amp;napshot</translation>
    </message>
    <message>
        <source>An instant, read-only picture of the source as it is now. It takes almost no space at first: only blocks the source overwrites later are saved.</source>
        <translation>Ein sofortiges, schreibgeschütztes Abbild der Quelle, wie sie jetzt ist. Es braucht anfangs fast keinen Platz: Gesichert werden nur Blöcke, die die Quelle später überschreibt.</translation>
    </message>
    <message>
        <source>&amp;Clone</source>
        <translation>&amp;Klon</translation>
    </message>
    <message>
        <source>A full, independent copy of the source as it was when the request was accepted. It needs as much space as the source&apos;s data and is a volume of its own.</source>
        <translation>Eine vollständige, unabhängige Kopie der Quelle zum Zeitpunkt, an dem die Anfrage angenommen wurde. Sie braucht so viel Platz wie die Daten der Quelle und ist ein eigenes Volume.</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Modus</translation>
    </message>
    <message>
        <source>S&amp;ynchronous</source>
        <translation>S&amp;ynchron</translation>
    </message>
    <message>
        <source>Mirrors: a write completes only once it is on the replica too. Clones and snapshots: the request returns when the replica is made.</source>
        <translation>Spiegel: Ein Schreibvorgang ist erst abgeschlossen, wenn er auch auf dem Replikat ist. Klone und Snapshots: Die Anfrage kehrt zurück, wenn das Replikat erstellt ist.</translation>
    </message>
    <message>
        <source>&amp;Asynchronous</source>
        <translation>&amp;Asynchron</translation>
    </message>
    <message>
        <source>Mirrors: writes reach the replica shortly after, and the lag is tracked. Clones: the copy runs as a job you follow in the job monitor.</source>
        <translation>Spiegel: Schreibvorgänge erreichen das Replikat kurz danach, der Rückstand wird verfolgt. Klone: Die Kopie läuft als Auftrag, den Sie in der Auftragsübersicht verfolgen.</translation>
    </message>
    <message>
        <source>&amp;Let the system decide</source>
        <translation>Das System &amp;entscheiden lassen</translation>
    </message>
    <message>
        <source>Mode is left out of the request (NULL); the system picks what suits the type.</source>
        <translation>Der Modus bleibt in der Anfrage leer (NULL); das System wählt, was zum Typ passt.</translation>
    </message>
</context>
<context>
    <name>rd::ui::ReplicationCapabilities</name>
    <message>
        <source>%1, %2</source>
        <extracomment>A replica type and a mode, as in &quot;Clone, Asynchronous&quot;.</extracomment>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>nichts</translation>
    </message>
    <message>
        <source>This system does not say what it supports (it serves no ReplicationServiceCapabilities).</source>
        <translation>Dieses System sagt nicht, was es unterstützt (es bietet keine ReplicationServiceCapabilities an).</translation>
    </message>
    <message>
        <source>This system does not make %1 replicas; its ReplicationServiceCapabilities offer: %2.</source>
        <translation>Dieses System erstellt keine Replikate vom Typ %1; seine ReplicationServiceCapabilities bieten: %2.</translation>
    </message>
    <message>
        <source>This system makes %1 replicas, but not %2 ones; its ReplicationServiceCapabilities offer: %3.</source>
        <translation>Dieses System erstellt Replikate vom Typ %1, aber nicht im Modus %2; seine ReplicationServiceCapabilities bieten: %3.</translation>
    </message>
</context>
<context>
    <name>rd::ui::SizeEdit</name>
    <message>
        <source>MiB</source>
        <translation>MiB</translation>
    </message>
    <message>
        <source>GiB</source>
        <translation>GiB</translation>
    </message>
    <message>
        <source>TiB</source>
        <translation>TiB</translation>
    </message>
</context>
<context>
    <name>rd::ui::SourceVolumeModel</name>
    <message>
        <source>%1 is a %2; the checked sources are %3, and one request copies one class of element.</source>
        <translation>%1 ist ein %2; die angehakten Quellen sind %3, und eine Anfrage kopiert nur eine Klasse von Elementen.</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>Volume</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Allocated</source>
        <translation>Belegt</translation>
    </message>
    <message>
        <source>Pool</source>
        <translation>Pool</translation>
    </message>
</context>
<context>
    <name>rd::ui::StorageFigures</name>
    <message>
        <source>%1, %2 allocated (%3 %)</source>
        <extracomment>A volume&apos;s size, then how much of it its thin image takes: &quot;4 MiB, 1 MiB allocated (25 %)&quot;.</extracomment>
        <translation>%1, davon %2 belegt (%3 %)</translation>
    </message>
    <message>
        <source>%1 free of %2</source>
        <translation>%1 von %2 frei</translation>
    </message>
</context>
<context>
    <name>rd::ui::SynchronizationActions</name>
    <message>
        <source>&amp;Fracture</source>
        <translation>&amp;Trennen</translation>
    </message>
    <message>
        <source>Re&amp;sync</source>
        <translation>&amp;Neu synchronisieren</translation>
    </message>
    <message>
        <source>&amp;Restore from Replica</source>
        <translation>Aus Replikat &amp;wiederherstellen</translation>
    </message>
    <message>
        <source>&amp;Detach</source>
        <translation>Lö&amp;sen</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Wiederherstellen</translation>
    </message>
    <message>
        <source>Split the replica off at this point in time; its source goes on</source>
        <translation>Das Replikat zu diesem Zeitpunkt abtrennen; seine Quelle läuft weiter</translation>
    </message>
    <message>
        <source>Bring the replica up to date with its source again</source>
        <translation>Das Replikat wieder auf den Stand seiner Quelle bringen</translation>
    </message>
    <message>
        <source>Copy the replica back onto its source</source>
        <translation>Das Replikat auf seine Quelle zurückkopieren</translation>
    </message>
    <message>
        <source>End the synchronization; the two volumes no longer follow each other</source>
        <translation>Die Synchronisation beenden; die beiden Volumes folgen einander nicht mehr</translation>
    </message>
    <message>
        <source>Restore the source from its replica?</source>
        <translation>Die Quelle aus ihrem Replikat wiederherstellen?</translation>
    </message>
    <message>
        <source>What the source holds now is overwritten with the replica&apos;s data.</source>
        <translation>Was die Quelle jetzt enthält, wird mit den Daten des Replikats überschrieben.</translation>
    </message>
    <message>
        <source>Detach this synchronization?</source>
        <translation>Diese Synchronisation lösen?</translation>
    </message>
    <message>
        <source>The replica stops following its source; the system may release what only the pair needed (a snapshot&apos;s saved blocks).</source>
        <translation>Das Replikat folgt seiner Quelle nicht mehr; das System kann freigeben, was nur das Paar brauchte (die gesicherten Blöcke eines Snapshots).</translation>
    </message>
    <message>
        <source>This system does not offer ModifyReplicaSynchronization (its ReplicationServiceCapabilities do not list it).</source>
        <translation>Dieses System bietet ModifyReplicaSynchronization nicht an (seine ReplicationServiceCapabilities führen es nicht auf).</translation>
    </message>
    <message>
        <source>The system did not say which operations apply: %1</source>
        <translation>Das System hat nicht gesagt, welche Operationen möglich sind: %1</translation>
    </message>
    <message>
        <source>Asking the system which operations apply…</source>
        <translation>Das System wird gefragt, welche Operationen möglich sind …</translation>
    </message>
    <message>
        <source>%1 does not apply to %2 synchronizations on this system (GetSupportedOperations).</source>
        <translation>%1 ist für Synchronisationen vom Typ %2 auf diesem System nicht möglich (GetSupportedOperations).</translation>
    </message>
    <message>
        <source>Not offered for %2 synchronizations on this system (GetSupportedOperations): %1.</source>
        <translation>Für Synchronisationen vom Typ %2 auf diesem System nicht angeboten (GetSupportedOperations): %1.</translation>
    </message>
    <message>
        <source>%1: accepted.</source>
        <translation>%1: angenommen.</translation>
    </message>
    <message>
        <source>%1 refused: %2</source>
        <translation>%1 abgelehnt: %2</translation>
    </message>
    <message>
        <source>The system refused the operation %1.</source>
        <translation>Das System hat die Operation %1 abgelehnt.</translation>
    </message>
</context>
<context>
    <name>rd::ui::SynchronizationModel</name>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Replica</source>
        <translation>Replikat</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Modus</translation>
    </message>
    <message>
        <source>Copy State</source>
        <translation>Kopierzustand</translation>
    </message>
    <message>
        <source>Progress Status</source>
        <translation>Fortschrittsstatus</translation>
    </message>
    <message>
        <source>Synced</source>
        <translation>Synchronisiert</translation>
    </message>
    <message>
        <source>The image file of the source or of the replica was changed outside ReplicaDesk, so the replica may no longer match the source. A full resync is needed: Resync Replica copies the whole volume again.</source>
        <translation>Die Abbilddatei der Quelle oder des Replikats wurde außerhalb von ReplicaDesk geändert, daher stimmt das Replikat womöglich nicht mehr mit der Quelle überein. Eine vollständige Neusynchronisation ist nötig: „Replikat neu synchronisieren“ kopiert das ganze Volume noch einmal.</translation>
    </message>
</context>
<context>
    <name>rd::ui::SynchronizationsDock</name>
    <message>
        <source>Synchronizations</source>
        <translation>Synchronisationen</translation>
    </message>
    <message>
        <source>Select a synchronization to fracture, resync, restore or detach it.</source>
        <translation>Wählen Sie eine Synchronisation, um sie zu trennen, neu zu synchronisieren, wiederherzustellen oder zu lösen.</translation>
    </message>
</context>
<context>
    <name>rd::ui::ThroughputChart</name>
    <message>
        <source>Throughput of the selected job</source>
        <translation>Durchsatz des ausgewählten Auftrags</translation>
    </message>
    <message>
        <source>Throughput</source>
        <translation>Durchsatz</translation>
    </message>
    <message>
        <source>Throughput — %1</source>
        <translation>Durchsatz — %1</translation>
    </message>
    <message>
        <source>Select a running job to see how fast it copies.</source>
        <translation>Wählen Sie einen laufenden Auftrag, um zu sehen, wie schnell er kopiert.</translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
    <message>
        <source>0</source>
        <translation>0</translation>
    </message>
    <message>
        <source>0 s</source>
        <translation>0 s</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
</context>
<context>
    <name>rd::ui::ValueFormat</name>
    <message>
        <source>%1 d %2</source>
        <extracomment>An interval of days and a clock time, as in &quot;3 d 04:05:06&quot;.</extracomment>
        <translation>%1 T %2</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keiner)</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nein</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <extracomment>An element of another system the console does not list, as in &quot;6f1c… on storage-02&quot;.</extracomment>
        <translation>%1 auf %2</translation>
    </message>
</context>
<context>
    <name>rd::ui::VolumeAccessPanel</name>
    <message>
        <source>Using this volume from a host</source>
        <translation>Dieses Volume von einem Host aus nutzen</translation>
    </message>
    <message>
        <source>From MSISCSITARGET_AuthorizedPrivilege, AuthorizedSubject and AuthorizedTarget</source>
        <translation>Aus MSISCSITARGET_AuthorizedPrivilege, AuthorizedSubject und AuthorizedTarget</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Put this on the clipboard</source>
        <translation>In die Zwischenablage legen</translation>
    </message>
    <message>
        <source>read only</source>
        <translation>nur lesen</translation>
    </message>
    <message>
        <source>read and write</source>
        <translation>lesen und schreiben</translation>
    </message>
    <message>
        <source>%1 (%2, through the pool %3)</source>
        <translation>%1 (%2, über den Pool %3)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>No host may open it yet: admit hosts under Storage ▸ Host Access.</source>
        <translation>Noch darf kein Host es öffnen: Lassen Sie Hosts unter Speicher ▸ Hostzugriff zu.</translation>
    </message>
    <message numerus="yes">
        <source>May be opened by %n host(s): %1</source>
        <translation>
            <numerusform>Darf von %n Host geöffnet werden: %1</numerusform>
            <numerusform>Darf von %n Hosts geöffnet werden: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>This volume is not served over NBD.</source>
        <translation>Dieses Volume wird nicht über NBD bereitgestellt.</translation>
    </message>
    <message>
        <source>This system does not say how its volumes are reached over NBD.</source>
        <translation>Dieses System gibt nicht an, wie seine Volumes über NBD erreicht werden.</translation>
    </message>
    <message>
        <source>Nobody has it open now.</source>
        <translation>Niemand hat es gerade geöffnet.</translation>
    </message>
    <message>
        <source>Open now by %1.</source>
        <translation>Gerade geöffnet von %1.</translation>
    </message>
    <message>
        <source>Admitted hosts may write to it.</source>
        <translation>Zugelassene Hosts dürfen darauf schreiben.</translation>
    </message>
    <message>
        <source>Hosts may not write to it now: %1</source>
        <translation>Hosts dürfen gerade nicht darauf schreiben: %1</translation>
    </message>
    <message>
        <source>Network address:</source>
        <translation>Netzwerkadresse:</translation>
    </message>
    <message>
        <source>Local socket:</source>
        <translation>Lokaler Socket:</translation>
    </message>
    <message>
        <source>%1, %2:</source>
        <translation>%1, %2:</translation>
    </message>
    <message>
        <source>The network commands expect the host&apos;s pre-shared key file as %1; replace DIR with a mount folder, CERT, KEY and ENGINE-CA with the host&apos;s certificate files.</source>
        <translation>Die Netzwerkbefehle erwarten die Schlüsseldatei des Hosts als %1; ersetzen Sie DIR durch einen Einhängeordner und CERT, KEY und ENGINE-CA durch die Zertifikatsdateien des Hosts.</translation>
    </message>
    <message>
        <source>This engine serves its volumes only on this computer: Storage ▸ Serve Volumes to Other Computers opens them to the hosts you admit.</source>
        <translation>Diese Engine stellt ihre Volumes nur auf diesem Computer bereit: Speicher ▸ Volumes für andere Computer bereitstellen öffnet sie für die Hosts, die Sie zulassen.</translation>
    </message>
</context>
<context>
    <name>rd::ui::VolumeActions</name>
    <message>
        <source>&amp;New Volume…</source>
        <translation>&amp;Neues Volume …</translation>
    </message>
    <message>
        <source>&amp;Delete Volume…</source>
        <translation>Volume &amp;löschen …</translation>
    </message>
    <message>
        <source>New Volume</source>
        <translation>Neues Volume</translation>
    </message>
    <message>
        <source>Create a volume in a storage pool</source>
        <translation>Ein Volume in einem Speicherpool anlegen</translation>
    </message>
    <message>
        <source>Delete the selected volume and free its space in the pool</source>
        <translation>Das ausgewählte Volume löschen und seinen Platz im Pool freigeben</translation>
    </message>
    <message>
        <source>Volume %1 created.</source>
        <translation>Volume %1 wurde angelegt.</translation>
    </message>
    <message>
        <source>Delete Volume</source>
        <translation>Volume löschen</translation>
    </message>
    <message>
        <source>Delete the volume “%1”?</source>
        <translation>Das Volume „%1“ löschen?</translation>
    </message>
    <message>
        <source>Its data is lost and its space returns to the pool. This cannot be undone.</source>
        <translation>Seine Daten gehen verloren, und sein Platz geht an den Pool zurück. Das lässt sich nicht rückgängig machen.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Volume %1 deleted.</source>
        <translation>Volume %1 wurde gelöscht.</translation>
    </message>
    <message>
        <source>Volume %1 was not deleted: %2</source>
        <translation>Volume %1 wurde nicht gelöscht: %2</translation>
    </message>
    <message>
        <source>The volume “%1” was not deleted.</source>
        <translation>Das Volume „%1“ wurde nicht gelöscht.</translation>
    </message>
    <message>
        <source>&amp;Rename Volume…</source>
        <translation>Volume &amp;umbenennen …</translation>
    </message>
    <message>
        <source>&amp;Grow Volume…</source>
        <translation>Volume &amp;vergrößern …</translation>
    </message>
    <message>
        <source>Give the selected volume another name</source>
        <translation>Dem ausgewählten Volume einen anderen Namen geben</translation>
    </message>
    <message>
        <source>Make the selected volume larger</source>
        <translation>Das ausgewählte Volume vergrößern</translation>
    </message>
    <message>
        <source>Rename Volume</source>
        <translation>Volume umbenennen</translation>
    </message>
    <message>
        <source>New name for “%1”:</source>
        <translation>Neuer Name für „%1“:</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Umbenennen</translation>
    </message>
    <message>
        <source>Volume %1 renamed to %2.</source>
        <translation>Volume %1 in %2 umbenannt.</translation>
    </message>
    <message>
        <source>The system did not answer.</source>
        <translation>Das System hat nicht geantwortet.</translation>
    </message>
    <message>
        <source>Volume %1 was not renamed: %2</source>
        <translation>Volume %1 wurde nicht umbenannt: %2</translation>
    </message>
    <message>
        <source>The volume “%1” was not renamed.</source>
        <translation>Das Volume „%1“ wurde nicht umbenannt.</translation>
    </message>
    <message>
        <source>Volume %1 now has %2.</source>
        <translation>Volume %1 hat jetzt %2.</translation>
    </message>
    <message>
        <source>&amp;Add Existing Disk…</source>
        <translation>Vorhandenen &amp;Datenträger hinzufügen …</translation>
    </message>
    <message>
        <source>E&amp;xport to Image File…</source>
        <translation>In Abbilddatei e&amp;xportieren …</translation>
    </message>
    <message>
        <source>Make a volume from a disk image file or a block device</source>
        <translation>Ein Volume aus einer Abbilddatei oder einem Blockgerät machen</translation>
    </message>
    <message>
        <source>Write the selected volume or snapshot to a disk image file</source>
        <translation>Das ausgewählte Volume oder den Snapshot in eine Abbilddatei schreiben</translation>
    </message>
    <message>
        <source>Importing the disk image.</source>
        <translation>Das Festplattenabbild wird importiert.</translation>
    </message>
    <message>
        <source>Importing the disk image as %1.</source>
        <translation>Das Festplattenabbild wird als %1 importiert.</translation>
    </message>
    <message>
        <source>Exporting %1 to an image file.</source>
        <translation>%1 wird in eine Abbilddatei exportiert.</translation>
    </message>
</context>
<context>
    <name>rd::ui::VolumeAttachments</name>
    <message>
        <source>&amp;Attach on This Computer</source>
        <translation>Auf diesem Computer &amp;einbinden</translation>
    </message>
    <message>
        <source>&amp;Detach</source>
        <translation>Lö&amp;sen</translation>
    </message>
    <message>
        <source>Make the volume a disk file (or block device) on this computer</source>
        <translation>Das Volume auf diesem Computer zu einer Abbilddatei (oder einem Blockgerät) machen</translation>
    </message>
    <message>
        <source>Attach on This Computer</source>
        <translation>Auf diesem Computer einbinden</translation>
    </message>
    <message>
        <source>nbdfuse is not installed (Debian package libnbd-bin), and block devices need nbd-client, the nbd kernel module and root.</source>
        <translation>nbdfuse ist nicht installiert (Debian-Paket libnbd-bin), und Blockgeräte brauchen nbd-client, das Kernelmodul nbd und root.</translation>
    </message>
    <message>
        <source>This computer has no /dev/fuse (the fuse kernel module is not loaded), and block devices need nbd-client, the nbd kernel module and root.</source>
        <translation>Dieser Computer hat kein /dev/fuse (das Kernelmodul fuse ist nicht geladen), und Blockgeräte brauchen nbd-client, das Kernelmodul nbd und root.</translation>
    </message>
    <message>
        <source>fusermount3 is not installed (Debian package fuse3): without it an attached volume could not be detached.</source>
        <translation>fusermount3 ist nicht installiert (Debian-Paket fuse3): Ohne es ließe sich ein eingebundenes Volume nicht wieder lösen.</translation>
    </message>
    <message>
        <source>The engine does not serve its volumes on this computer.</source>
        <translation>Die Engine stellt ihre Volumes auf diesem Computer nicht bereit.</translation>
    </message>
    <message>
        <source>%1 cannot be attached on this computer: %2</source>
        <translation>%1 kann auf diesem Computer nicht eingebunden werden: %2</translation>
    </message>
    <message>
        <source>Cannot make the folder %1.</source>
        <translation>Der Ordner %1 kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>%1 is no longer attached: %2</source>
        <translation>%1 ist nicht mehr eingebunden: %2</translation>
    </message>
    <message>
        <source>nbdfuse ended.</source>
        <translation>nbdfuse wurde beendet.</translation>
    </message>
    <message>
        <source>%1 could not be detached: %2</source>
        <translation>%1 konnte nicht gelöst werden: %2</translation>
    </message>
    <message>
        <source>%1 could not be detached (is the file still open?): %2</source>
        <translation>%1 konnte nicht gelöst werden (ist die Datei noch geöffnet?): %2</translation>
    </message>
</context>
<context>
    <name>rd::ui::VolumeDialog</name>
    <message>
        <source>New Volume</source>
        <translation>Neues Volume</translation>
    </message>
    <message>
        <source>for example Database</source>
        <translation>zum Beispiel Datenbank</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Anlegen</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Size:</source>
        <translation>&amp;Größe:</translation>
    </message>
    <message>
        <source>&amp;Pool:</source>
        <translation>&amp;Pool:</translation>
    </message>
    <message>
        <source>Volumes are thin: the image takes space in its pool only as data is written to it.</source>
        <translation>Volumes sind schlank (thin): Das Abbild belegt erst dann Platz im Pool, wenn Daten hineingeschrieben werden.</translation>
    </message>
    <message>
        <source>This system offers no storage configuration service, so it cannot create volumes.</source>
        <translation>Dieses System bietet keinen Speicherkonfigurationsdienst an und kann daher keine Volumes anlegen.</translation>
    </message>
    <message>
        <source>The volume was not created. %1</source>
        <translation>Das Volume wurde nicht angelegt. %1</translation>
    </message>
</context>
<context>
    <name>rd::wsman</name>
    <message>
        <source>Only the anonymous FaultTo address is supported.</source>
        <translation>Nur die anonyme FaultTo-Adresse wird unterstützt.</translation>
    </message>
    <message>
        <source>OperationTimeout is not a valid duration.</source>
        <translation>OperationTimeout ist keine gültige Zeitspanne.</translation>
    </message>
    <message>
        <source>MaxEnvelopeSize is not a positive number.</source>
        <translation>MaxEnvelopeSize ist keine positive Zahl.</translation>
    </message>
    <message>
        <source>The option %1 is not supported.</source>
        <translation>Die Option %1 wird nicht unterstützt.</translation>
    </message>
    <message>
        <source>The header %1 must be understood but is not supported.</source>
        <translation>Der Header %1 muss verstanden werden, wird aber nicht unterstützt.</translation>
    </message>
    <message>
        <source>MaxElements must be a positive number.</source>
        <translation>MaxElements muss eine positive Zahl sein.</translation>
    </message>
    <message>
        <source>The body of an Enumerate request has no wsen:Enumerate.</source>
        <translation>Der Rumpf einer Enumerate-Anfrage enthält kein wsen:Enumerate.</translation>
    </message>
    <message>
        <source>The enumeration mode %1 is not supported.</source>
        <translation>Der Aufzählungsmodus %1 wird nicht unterstützt.</translation>
    </message>
    <message>
        <source>Only the CIM association filter dialect is supported.</source>
        <translation>Nur der CIM-Assoziationsfilter-Dialekt wird unterstützt.</translation>
    </message>
    <message>
        <source>The association filter names neither AssociatedInstances nor AssociationInstances.</source>
        <translation>Der Assoziationsfilter nennt weder AssociatedInstances noch AssociationInstances.</translation>
    </message>
    <message>
        <source>The association filter has no Object.</source>
        <translation>Der Assoziationsfilter hat kein Object.</translation>
    </message>
    <message>
        <source>The response has no &lt;Method&gt;_OUTPUT element.</source>
        <translation>Die Antwort hat kein &lt;Methode&gt;_OUTPUT-Element.</translation>
    </message>
    <message>
        <source>The request has no &lt;Method&gt;_INPUT element.</source>
        <translation>Die Anfrage hat kein &lt;Methode&gt;_INPUT-Element.</translation>
    </message>
    <message>
        <source>The body is for %1, the action for %2.</source>
        <translation>Der Rumpf gilt %1, die Aktion %2.</translation>
    </message>
    <message>
        <source>ReturnValue is not a number.</source>
        <translation>ReturnValue ist keine Zahl.</translation>
    </message>
    <message>
        <source>The request has no wsa:Action header.</source>
        <translation>Die Anfrage hat keinen wsa:Action-Header.</translation>
    </message>
    <message>
        <source>The body holds no instance.</source>
        <translation>Der Rumpf enthält keine Instanz.</translation>
    </message>
    <message>
        <source>The enumeration response has no body.</source>
        <translation>Die Aufzählungsantwort hat keinen Rumpf.</translation>
    </message>
    <message>
        <source>The request names no enumeration context.</source>
        <translation>Die Anfrage nennt keinen Aufzählungskontext.</translation>
    </message>
    <message>
        <source>The action %1 is not supported.</source>
        <translation>Die Aktion %1 wird nicht unterstützt.</translation>
    </message>
    <message>
        <source>The document is not a SOAP envelope.</source>
        <translation>Das Dokument ist kein SOAP-Umschlag.</translation>
    </message>
    <message>
        <source>Only SOAP 1.2 envelopes are accepted.</source>
        <translation>Nur SOAP-1.2-Umschläge werden angenommen.</translation>
    </message>
    <message>
        <source>The envelope has no Body.</source>
        <translation>Der Umschlag hat keinen Rumpf (Body).</translation>
    </message>
    <message>
        <source>Cannot make a key</source>
        <translation>Es kann kein Schlüssel erzeugt werden</translation>
    </message>
    <message>
        <source>Cannot make a certificate</source>
        <translation>Es kann kein Zertifikat erzeugt werden</translation>
    </message>
    <message>
        <source>Cannot make a serial number</source>
        <translation>Es kann keine Seriennummer erzeugt werden</translation>
    </message>
    <message>
        <source>Cannot add certificate extensions</source>
        <translation>Zertifikatserweiterungen können nicht hinzugefügt werden</translation>
    </message>
    <message>
        <source>Cannot sign the certificate</source>
        <translation>Das Zertifikat kann nicht signiert werden</translation>
    </message>
    <message>
        <source>Cannot encode the certificate</source>
        <translation>Das Zertifikat kann nicht kodiert werden</translation>
    </message>
    <message>
        <source>Qt cannot read the certificate it was given.</source>
        <translation>Qt kann das übergebene Zertifikat nicht lesen.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 holds no PEM certificate.</source>
        <translation>%1 enthält kein PEM-Zertifikat.</translation>
    </message>
    <message>
        <source>%1 holds no unencrypted PEM private key.</source>
        <translation>%1 enthält keinen unverschlüsselten privaten PEM-Schlüssel.</translation>
    </message>
    <message>
        <source>Only one of %1 and %2 exists; remove it or supply the other.</source>
        <translation>Nur eine der Dateien %1 und %2 existiert; entfernen Sie sie oder stellen Sie die andere bereit.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>The method call has more than %1 parameters.</source>
        <translation>Der Methodenaufruf hat mehr als %1 Parameter.</translation>
    </message>
    <message>
        <source>No envelope was read.</source>
        <translation>Es wurde kein Umschlag gelesen.</translation>
    </message>
    <message>
        <source>The envelope has more than one Body.</source>
        <translation>Der Umschlag hat mehr als einen Body.</translation>
    </message>
    <message>
        <source>The envelope has more than one Header.</source>
        <translation>Der Umschlag hat mehr als einen Header.</translation>
    </message>
</context>
<context>
    <name>rd::wsman::ClientCertificates</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 is not a list of client certificates.</source>
        <translation>%1 ist keine Liste von Client-Zertifikaten.</translation>
    </message>
    <message>
        <source>%1 has an entry without fingerprint or user.</source>
        <translation>%1 enthält einen Eintrag ohne Fingerabdruck oder Benutzer.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>rd::wsman::UserStore</name>
    <message>
        <source>Line %1 of the users file is not &quot;name:pbkdf2-sha256$...[:readonly]&quot;.</source>
        <translation>Zeile %1 der Benutzerdatei hat nicht die Form „Name:pbkdf2-sha256$...[:readonly]“.</translation>
    </message>
    <message>
        <source>Cannot read the users file %1: %2</source>
        <translation>Die Benutzerdatei %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>The users file %1 is too large.</source>
        <translation>Die Benutzerdatei %1 ist zu groß.</translation>
    </message>
</context>
<context>
    <name>rd::wsman::WsmanServer</name>
    <message>
        <source>Plain HTTP is only served on a loopback address; give a certificate or allow insecure HTTP explicitly.</source>
        <translation>Unverschlüsseltes HTTP wird nur auf einer Loopback-Adresse angeboten; geben Sie ein Zertifikat an oder erlauben Sie unsicheres HTTP ausdrücklich.</translation>
    </message>
    <message>
        <source>The response (%1 bytes) is larger than MaxEnvelopeSize (%2 bytes).</source>
        <translation>Die Antwort (%1 Bytes) ist größer als MaxEnvelopeSize (%2 Bytes).</translation>
    </message>
    <message>
        <source>The WS-Management endpoint is /wsman.</source>
        <translation>Der WS-Management-Endpunkt ist /wsman.</translation>
    </message>
    <message>
        <source>Only POST is accepted.</source>
        <translation>Nur POST wird angenommen.</translation>
    </message>
    <message>
        <source>The content type must be application/soap+xml.</source>
        <translation>Der Inhaltstyp muss application/soap+xml sein.</translation>
    </message>
    <message>
        <source>Credentials are required.</source>
        <translation>Anmeldedaten sind erforderlich.</translation>
    </message>
    <message>
        <source>The user name or password is not accepted.</source>
        <translation>Der Benutzername oder das Passwort wird nicht angenommen.</translation>
    </message>
    <message>
        <source>The engine is not running.</source>
        <translation>Die Engine läuft nicht.</translation>
    </message>
    <message>
        <source>The action %1 is not a request.</source>
        <translation>Die Aktion %1 ist keine Anfrage.</translation>
    </message>
    <message>
        <source>The request has no wsa:MessageID header.</source>
        <translation>Die Anfrage hat keinen wsa:MessageID-Header.</translation>
    </message>
    <message>
        <source>Only the anonymous ReplyTo address is supported.</source>
        <translation>Nur die anonyme ReplyTo-Adresse wird unterstützt.</translation>
    </message>
    <message>
        <source>MaxEnvelopeSize is below 8192 bytes.</source>
        <translation>MaxEnvelopeSize ist kleiner als 8192 Bytes.</translation>
    </message>
    <message>
        <source>The user %1 may only read.</source>
        <translation>Der Benutzer %1 darf nur lesen.</translation>
    </message>
    <message>
        <source>The action %1 is not supported.</source>
        <translation>Die Aktion %1 wird nicht unterstützt.</translation>
    </message>
    <message>
        <source>The body describes %1, not %2.</source>
        <translation>Der Rumpf beschreibt %1, nicht %2.</translation>
    </message>
    <message>
        <source>The resource URI %1 does not name a class this service serves.</source>
        <translation>Die Ressourcen-URI %1 nennt keine Klasse, die dieser Dienst bereitstellt.</translation>
    </message>
    <message>
        <source>The class %1 is not served by this system.</source>
        <translation>Die Klasse %1 wird von diesem System nicht bereitgestellt.</translation>
    </message>
    <message>
        <source>Too many enumerations are open; release some.</source>
        <translation>Zu viele Aufzählungen sind offen; geben Sie einige frei.</translation>
    </message>
    <message>
        <source>One item is larger than MaxEnvelopeSize (%1 bytes).</source>
        <translation>Ein Element ist größer als MaxEnvelopeSize (%1 Bytes).</translation>
    </message>
    <message>
        <source>The method did not finish within OperationTimeout (%1 ms).</source>
        <translation>Die Methode wurde nicht innerhalb von OperationTimeout (%1 ms) beendet.</translation>
    </message>
    <message>
        <source>The method was abandoned by the engine.</source>
        <translation>Die Methode wurde von der Engine aufgegeben.</translation>
    </message>
    <message>
        <source>Too many logins at once; try again.</source>
        <translation>Zu viele gleichzeitige Anmeldungen; versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The user %1 has %2 enumerations open; release some.</source>
        <translation>Der Benutzer %1 hat %2 Aufzählungen offen; geben Sie einige frei.</translation>
    </message>
    <message>
        <source>The enumeration context %1 is not valid: it is unknown, finished, released, expired or made for another resource URI.</source>
        <translation>Der Aufzählungskontext %1 ist nicht gültig: Er ist unbekannt, beendet, freigegeben, abgelaufen oder für eine andere Ressourcen-URI angelegt.</translation>
    </message>
</context>
<context>
    <name>rd::wsman::WsmanTransport</name>
    <message>
        <source>The certificate of %1 is not trusted (SHA-256 fingerprint %2).</source>
        <translation>Dem Zertifikat von %1 wird nicht vertraut (SHA-256-Fingerabdruck %2).</translation>
    </message>
    <message>
        <source>%1 did not answer in time.</source>
        <translation>%1 hat nicht rechtzeitig geantwortet.</translation>
    </message>
    <message>
        <source>Cannot reach %1: %2</source>
        <translation>%1 ist nicht erreichbar: %2</translation>
    </message>
    <message>
        <source>%1 did not accept the user name or password.</source>
        <translation>%1 hat den Benutzernamen oder das Passwort nicht angenommen.</translation>
    </message>
    <message>
        <source>%1 answered HTTP %2: %3</source>
        <translation>%1 hat mit HTTP %2 geantwortet: %3</translation>
    </message>
    <message>
        <source>The answer from %1 cannot be read: %2</source>
        <translation>Die Antwort von %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 answered another request.</source>
        <translation>%1 hat auf eine andere Anfrage geantwortet.</translation>
    </message>
    <message>
        <source>%1 answered HTTP %2.</source>
        <translation>%1 hat mit HTTP %2 geantwortet.</translation>
    </message>
    <message>
        <source>The answer is not an IdentifyResponse.</source>
        <translation>Die Antwort ist keine IdentifyResponse.</translation>
    </message>
    <message>
        <source>The enumeration from %1 does not end.</source>
        <translation>Die Aufzählung von %1 endet nicht.</translation>
    </message>
    <message>
        <source>%1 returned %2.</source>
        <translation>%1 hat %2 zurückgegeben.</translation>
    </message>
</context>
<context>
    <name>rd::wsman::detail</name>
    <message>
        <source>The request is larger than the service accepts (%1 bytes).</source>
        <translation>Die Anfrage ist größer, als der Dienst annimmt (%1 Bytes).</translation>
    </message>
    <message>
        <source>Document type declarations are not accepted.</source>
        <translation>Dokumenttyp-Deklarationen werden nicht angenommen.</translation>
    </message>
    <message>
        <source>Entity references are not accepted.</source>
        <translation>Entitätsreferenzen werden nicht angenommen.</translation>
    </message>
    <message>
        <source>The XML nests deeper than %1 elements.</source>
        <translation>Das XML ist tiefer als %1 Elemente verschachtelt.</translation>
    </message>
    <message>
        <source>The XML has more than %1 elements.</source>
        <translation>Das XML hat mehr als %1 Elemente.</translation>
    </message>
    <message>
        <source>The request is not well-formed XML: %1 (line %2, column %3).</source>
        <translation>Die Anfrage ist kein wohlgeformtes XML: %1 (Zeile %2, Spalte %3).</translation>
    </message>
    <message>
        <source>%1 is not a valid date and time.</source>
        <translation>%1 ist keine gültige Datums- und Zeitangabe.</translation>
    </message>
    <message>
        <source>The value of %1 is not a valid %2.</source>
        <translation>Der Wert von %1 ist kein gültiger Wert vom Typ %2.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 is given more than once but is not an array.</source>
        <translation>%1 ist mehrfach angegeben, aber kein Array.</translation>
    </message>
    <message>
        <source>A selector has no Name.</source>
        <translation>Ein Selektor hat keinen Namen (Name).</translation>
    </message>
    <message>
        <source>The selector %1 is given twice.</source>
        <translation>Der Selektor %1 ist doppelt angegeben.</translation>
    </message>
    <message>
        <source>The selector %1 is not a valid %2.</source>
        <translation>Der Selektor %1 ist kein gültiger Wert vom Typ %2.</translation>
    </message>
    <message>
        <source>An endpoint reference has no ReferenceParameters.</source>
        <translation>Eine Endpunktreferenz hat keine ReferenceParameters.</translation>
    </message>
    <message>
        <source>An endpoint reference has no ResourceURI.</source>
        <translation>Eine Endpunktreferenz hat keine ResourceURI.</translation>
    </message>
</context>
<context>
    <name>rd::wsman::detail::View</name>
    <message>
        <source>An element has more than %1 attributes.</source>
        <translation>Ein Element hat mehr als %1 Attribute.</translation>
    </message>
    <message>
        <source>More than %1 namespace declarations are in scope.</source>
        <translation>Mehr als %1 Namensraumdeklarationen sind gültig.</translation>
    </message>
</context>
<context>
    <name>rd::wsman::serverdetail</name>
    <message>
        <source>The resource URI %1 does not name a class this service serves.</source>
        <translation>Die Ressourcen-URI %1 nennt keine Klasse, die dieser Dienst bereitstellt.</translation>
    </message>
    <message>
        <source>The class %1 is not served by this system.</source>
        <translation>Die Klasse %1 wird von diesem System nicht bereitgestellt.</translation>
    </message>
    <message>
        <source>The namespace %1 is not served by this system; it serves %2.</source>
        <translation>Der Namensraum %1 wird von diesem System nicht bereitgestellt; es stellt %2 bereit.</translation>
    </message>
    <message>
        <source>%1 is not a key of %2.</source>
        <translation>%1 ist kein Schlüssel von %2.</translation>
    </message>
    <message>
        <source>The selector %1 of %2 is missing.</source>
        <translation>Der Selektor %1 von %2 fehlt.</translation>
    </message>
</context>
</TS>
