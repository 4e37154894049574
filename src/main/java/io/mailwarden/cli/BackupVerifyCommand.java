package io.mailwarden.cli;

import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code mailwarden backup verify PATH}: a snapshot against its manifest. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Check a snapshot against its manifest: every file there, with its size and SHA-256 (raw messages"
                + " decompressed), and no file it does not list.",
        footer = {"", "Exit codes: 0 the snapshot matches its manifest, 1 discrepancies (each named: MISSING, WRONG SIZE,",
            "WRONG HASH, EXTRA, BAD MANIFEST), 3 no snapshot at PATH."})
public class BackupVerifyCommand extends SnapshotCommand {

    @Parameters(paramLabel = "PATH", description = "The snapshot directory (e.g. backups/20261129T023000Z)")
    Path snapshot;

    @Override
    protected int work() throws IOException {
        return print(service.snapshots().verify(snapshot)) ? 0 : 1;
    }
}
