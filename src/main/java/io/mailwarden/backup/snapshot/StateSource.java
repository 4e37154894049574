package io.mailwarden.backup.snapshot;

import java.nio.file.Path;

/** Where a snapshot gets its copy of the state database. */
@FunctionalInterface
public interface StateSource {

    /** A snapshot without the state database. */
    StateSource NONE = zip -> false;

    /**
     * Writes a transactionally consistent copy of the state database to {@code zip} while it is in use
     * (H2's {@code BACKUP TO}).
     *
     * @return false when the state store is not an embedded H2 database (nothing written)
     */
    boolean backupTo(Path zip);
}
