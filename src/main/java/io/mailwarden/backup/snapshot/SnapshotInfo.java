package io.mailwarden.backup.snapshot;

import java.nio.file.Path;
import java.time.Instant;

/**
 * A snapshot in the backup directory.
 *
 * @param takenAt when it was taken (from its name)
 * @param manifest its manifest's header, or null when it is unfinished or its manifest cannot be read
 * @param problem why there is no manifest, or null
 */
public record SnapshotInfo(String name, Path path, Instant takenAt, Manifest manifest, String problem) {

    public boolean complete() {
        return manifest != null;
    }
}
