package io.mailwarden.cli;

import io.mailwarden.backup.snapshot.Manifest;
import io.mailwarden.backup.snapshot.Snapshots;
import java.io.IOException;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code mailwarden backup now}: a snapshot at once, then pruning by retention. */
@Command(name = "now", mixinStandardHelpOptions = true,
        description = "Take a snapshot of the data directory now (works while the daemon runs), then prune old ones.",
        footer = {"", "The index is copied as last committed (the daemon commits every mailwarden.archive.commit-interval).",
            "", "Exit codes: 0 taken, 1 it failed (the message says why; nothing unfinished is left)."})
public class BackupNowCommand extends SnapshotCommand {

    @Override
    protected int work() throws IOException {
        Snapshots snapshots = service.snapshots();
        Manifest m = service.takeNow();
        Manifest.Counts c = m.counts();
        out().printf("snapshot %s: %d message(s) (%d new), index generation %d, state %s, %d file(s), %d MB%n", m.name(),
                c.messages(), c.messages() - c.linkedFromPrevious(), m.luceneGeneration(), m.state(), c.files(),
                c.bytes() >> 20);
        List<String> removed = snapshots.prune();
        if (!removed.isEmpty()) {
            out().println("removed by retention: " + String.join(", ", removed));
        }
        out().println("in " + snapshots.backupDir().resolve(m.name()));
        return 0;
    }
}
