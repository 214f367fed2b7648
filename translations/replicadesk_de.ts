<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
    <context>
        <name>MethodSpec</name>
        <message>
            <source>%1 has no parameter named %2.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 is an output parameter of %2 and cannot be given.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Parameter %1 must be of type %2, not %3.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Parameter %1 is required.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>cim</name>
        <message>
            <source>The class %1 is not served by this system.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The catalog could not be updated or read: %1.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>main</name>
        <message>
            <source>Storage replication console with an embedded engine.</source>
            <translation>Konsole für Speicherreplikation mit eingebetteter Engine.</translation>
        </message>
        <message>
            <source>Keep the engine's state, its default pool and the console's settings in &lt;dir&gt; instead of the user's data location.</source>
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
    </context>
    <context>
        <name>rd::engine</name>
        <message>
            <source>Cannot open the volume image %1: %2.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cannot read the size of %1: %2.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cannot create the volume image %1: %2.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cannot size the volume image %1: %2.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cannot read from %1: %2.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cannot write to %1: %2.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cannot flush %1: %2.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cannot map the data of %1: %2.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cannot discard blocks of %1: %2.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cannot read the capacity of the pool directory %1: %2.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>rd::engine::Catalog</name>
        <message>
            <source>The SQLite driver for Qt SQL (QSQLITE) is not installed.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cannot open the catalog %1: %2.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cannot switch the catalog %1 to write-ahead logging: %2.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The catalog %1 was written by a newer ReplicaDesk (schema %2; this version knows up to %3).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The pool %1 still holds volumes.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>There is no synchronization %1 in the catalog.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>rd::engine::CheckpointMap</name>
        <message>
            <source>Cannot create the checkpoint %1: %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cannot write the checkpoint %1: %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the checkpoint %1 cannot be opened: %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the checkpoint %1 is damaged or belongs to another copy</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The checkpoint is not open.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cannot sync the checkpoint %1: %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cannot remove the checkpoint %1: %2</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>rd::engine::CloneCopier</name>
        <message>
            <source>Copying %1 bytes at offset %2 failed: %3</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The target (%1 bytes) is smaller than the source (%2 bytes).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The copy has no checkpoint to resume from.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The copy was cancelled.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>rd::engine::Engine</name>
        <message>
            <source>The engine needs a data directory and a default pool directory.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cannot create the directory %1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Provider classes overlap.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>rd::engine::EngineHost</name>
        <message>
            <source>The engine thread did not answer.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>rd::engine::FileVolume</name>
        <message>
            <source>%1 is not a volume image (a regular file whose size is a multiple of %2 bytes).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A volume size must be a positive multiple of %1 bytes; %2 is not.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The range of %1 bytes at offset %2 lies beyond the end of the volume (%3 bytes).</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>rd::engine::JobManager</name>
        <message>
            <source>No job %1 exists.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Job %1 is still running; terminate it first.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 is not a RequestedState value a job knows.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Jobs of this engine have no service state.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Job %1 is %2; it cannot go to the requested state from there.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Job %1 cannot be suspended.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Job %1 ended before it could be terminated.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Job %1 is still stopping.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>this engine cannot resume jobs of kind "%1"</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The engine stopped while this job was running and could not resume it: %1</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>rd::engine::JobProvider</name>
        <message>
            <source>No job %1 exists.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The job was stopped by request.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>TimeoutPeriod must be an interval, not a point in time.</source>
            <translation type="unfinished" />
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
        <name>rd::engine::Provider</name>
        <message>
            <source>No instance %1 exists.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 is not supported by %2.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Instances of %1 cannot be modified.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Instances of %1 cannot be deleted.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>rd::engine::ProviderRegistry</name>
        <message>
            <source>The namespace %1 is not served by this system; it serves %2.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The class %1 has no method %2.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>rd::engine::ReplicationService</name>
        <message>
            <source>Replication service</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Replication service capabilities</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 replicas are not supported yet; ReplicationServiceCapabilities lists what is (Clone).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>SyncType %1 is not Mirror (6), Snapshot (7) or Clone (8).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Mode %1 is not Synchronous (2) or Asynchronous (3).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A clone never reaches CopyState %1; WaitForCopyState may be Initialized (2), Unsynchronized (3) or Synchronized (4).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Replication through access points (to or from another system) is not supported yet; leave %1 NULL.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>ReplicationSettingData is not a valid embedded instance: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>ReplicationSettingData holds a %1, not a ReplicationSettingData.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>ReplicationSettingData.%1 must be a uint16.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>ReplicationSettingData.ConsistentPointInTime must be a boolean.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>CopyPriority %1 is not Not Managed (0), Low (1), Same (2) or Urgent (3).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>TargetElementSupplier %1 is not a known value.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>SourceElements[%1] is NULL.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>SourceElements must all be of one class; %1 is a %2, not a %3.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>SourceElements[%1] (%2) does not exist.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 is still being copied to; it cannot be a source yet.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 ElementNames for %2 SourceElements.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>TargetPool and TargetSettingGoal must be NULL when TargetElements are given.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>TargetSettingGoal %1 does not exist.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>TargetPool %1 does not exist.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>TargetElementSupplier asks for existing targets: give one TargetElement per SourceElement.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>TargetElementSupplier is Create new: TargetElements must be NULL.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 TargetElements for %2 SourceElements.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>TargetElements[%1] is NULL.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>TargetElements[%1] (%2) does not exist.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 appears twice among the sources and targets.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Target %1 (%2 bytes) is smaller than its source %3 (%4 bytes).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Target %1 is already part of a synchronization.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Clone of %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The volumes of %1 cannot be opened.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The clone was terminated before it completed.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>its parameters are missing</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the synchronization %1 is gone</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>volume %1 no longer exists</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the copy to %1 cannot continue: %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Some copies did not complete.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>rd::ui::AboutBox</name>
        <message>
            <source>About ReplicaDesk</source>
            <translation>Über ReplicaDesk</translation>
        </message>
        <message>
            <source>A console for storage replication: pools and volumes, mirrors, snapshots and clones, and the jobs that copy them — on this computer's embedded engine or on remote systems.</source>
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
        <name>rd::ui::DetailsPane</name>
        <message>
            <source>Select a system, pool, volume, synchronization or job in the navigator to see its properties.</source>
            <translation>Wählen Sie im Navigator ein System, einen Pool, ein Volume, eine Synchronisation oder einen Auftrag, um die Eigenschaften zu sehen.</translation>
        </message>
        <message>
            <source>Details</source>
            <translation>Details</translation>
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
    </context>
    <context>
        <name>rd::ui::ValueFormat</name>
        <message>
            <source>%1 d %2</source>
            <extracomment>An interval of days and a clock time, as in "3 d 04:05:06".</extracomment>
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
    </context>
    <context>
        <name>rd::wsman</name>
        <message>
            <source>The request is larger than the service accepts (%1 bytes).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Document type declarations are not accepted.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Entity references are not accepted.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The XML nests deeper than %1 elements.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The XML has more than %1 elements.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The request is not well-formed XML: %1 (line %2, column %3).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 is not a valid date and time.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The value of %1 is not a valid %2.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1: %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 is given more than once but is not an array.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A selector has no Name.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The selector %1 is given twice.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The selector %1 is not a valid %2.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>An endpoint reference has no ReferenceParameters.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>An endpoint reference has no ResourceURI.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Only the anonymous FaultTo address is supported.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>OperationTimeout is not a valid duration.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>MaxEnvelopeSize is not a positive number.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The option %1 is not supported.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The header %1 must be understood but is not supported.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>MaxElements must be a positive number.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The body of an Enumerate request has no wsen:Enumerate.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The enumeration mode %1 is not supported.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Only the CIM association filter dialect is supported.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The association filter names neither AssociatedInstances nor AssociationInstances.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The association filter has no Object.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The response has no &lt;Method&gt;_OUTPUT element.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The request has no &lt;Method&gt;_INPUT element.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The body is for %1, the action for %2.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>ReturnValue is not a number.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The request has no wsa:Action header.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The body holds no instance.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The enumeration response has no body.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The request names no enumeration context.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The action %1 is not supported.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The document is not a SOAP envelope.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Only SOAP 1.2 envelopes are accepted.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The envelope has no Body.</source>
            <translation type="unfinished" />
        </message>
    </context>
</TS>
