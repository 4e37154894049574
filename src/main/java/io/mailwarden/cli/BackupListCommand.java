package io.mailwarden.cli;

import io.mailwarden.backup.snapshot.Manifest;
import io.mailwarden.backup.snapshot.SnapshotInfo;
import io.mailwarden.backup.snapshot.Snapshots;
import java.io.IOException;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code mailwarden backup list}: the snapshots in the backup directory. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List the snapshots in the backup directory, oldest first.",
        footer = {"", "Exit codes: 0 listed, 1 the backup directory cannot be read."})
public class BackupListCommand extends SnapshotCommand {

    @Override
    protected int work() throws IOException {
        Snapshots snapshots = service.snapshots();
        List<SnapshotInfo> all = snapshots.list();
        if (all.isEmpty()) {
            out().println("no snapshot in " + snapshots.backupDir());
            return 0;
        }
        for (SnapshotInfo s : all) {
            Manifest m = s.manifest();
            if (m == null) {
                out().printf("%s  %s%n", s.name(), s.problem());
            } else {
                out().printf("%s  %d message(s) (%d new)  index generation %d  state %s  %d MB%n", s.name(),
                        m.counts().messages(), m.counts().messages() - m.counts().linkedFromPrevious(), m.luceneGeneration(),
                        m.state(), m.counts().bytes() >> 20);
            }
        }
        out().println(all.size() + " snapshot(s) in " + snapshots.backupDir());
        return 0;
    }
}
