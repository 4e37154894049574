package io.mailwarden.cli;

import io.mailwarden.archive.ArchiveService;
import io.mailwarden.backup.snapshot.SnapshotCheck;
import io.mailwarden.backup.snapshot.Snapshots;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mailwarden restore-snapshot PATH}: the data directory back from a snapshot (daemon stopped). */
@Command(name = "restore-snapshot", mixinStandardHelpOptions = true,
        description = "Put the data directory back from a snapshot (verified first; the daemon must be stopped), then bring"
                + " the index in line with the restored catalog.",
        footer = {"", "A data directory that holds an archive is only replaced with --force, and is then moved aside",
            "(<data-dir>.before-restore-<time>), never deleted.",
            "", "Exit codes: 0 restored, 1 refused or failed (nothing changed), 3 no snapshot at PATH."})
public class RestoreSnapshotCommand extends SnapshotCommand {

    @Parameters(paramLabel = "PATH", description = "The snapshot directory (e.g. backups/20261129T023000Z)")
    Path snapshot;

    @Inject
    ArchiveService archives;

    @Option(names = "--force", description = "Replace a data directory that holds an archive (it is moved aside)")
    boolean force;

    @Override
    protected int work() throws IOException {
        Snapshots snapshots = service.snapshots();
        SnapshotCheck.Report report = snapshots.verify(snapshot);
        if (!print(report)) {
            err().println("not restored: the snapshot does not match its manifest; restore an older one");
            return 1;
        }
        Snapshots.Restored r = snapshots.restore(report, force);
        out().printf("restored %s into %s: %d message(s), index generation %d, state %s%n", report.manifest().name(),
                r.dataDir(), report.manifest().counts().messages(), report.manifest().luceneGeneration(),
                report.manifest().state());
        if (r.previous() != null) {
            out().println("the data directory that was there is kept at " + r.previous());
        }
        // places catalogued while the snapshot's index commit was made are indexed now, as the daemon's start would
        try (ArchiveService.Opened opened = archives.open()) {
            int changed = archives.repair(opened);
            out().printf("index: %d document(s) brought in line with the restored catalog%n", changed);
        }
        out().println("next: run 'mailwarden verify', then start the daemon");
        return 0;
    }
}
