package io.mailwarden.backup;

import io.mailwarden.archive.store.RawStore;
import io.mailwarden.message.RawMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where export, import and restore put a message too big to hold in memory: the archive's spool directory
 * ({@link RawStore#spool()}, whose stale files the daemon removes at its start), also for messages read from
 * files outside the archive. A message of up to {@code inMemoryMax} bytes stays in memory, as before: the common path.
 *
 * @param dir the spool directory, created when first needed
 * @param inMemoryMax the biggest message held in memory
 */
public record Spool(Path dir, long inMemoryMax) {

    public Spool {
        if (inMemoryMax < 0 || inMemoryMax > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("a message held in memory is one array, which " + inMemoryMax
                    + " bytes cannot be");
        }
    }

    /** The spool of the data directory {@code dataDir}, with the archive's threshold. */
    public static Spool of(Path dataDir) {
        return of(new RawStore(dataDir));
    }

    /** The spool of {@code store}'s data directory, with the archive's threshold. */
    public static Spool of(RawStore store) {
        return new Spool(store.spool(), RawStore.IN_MEMORY_MAX);
    }

    /**
     * A message that is the whole of {@code file} (a Maildir or .eml file): read into memory when small, else
     * read where it is, without a copy (closing it leaves the file).
     */
    public RawMessage file(Path file) throws IOException {
        return Files.size(file) <= inMemoryMax ? RawMessage.of(Files.readAllBytes(file)) : RawMessage.inPlace(file);
    }

    /** Collects one message's bytes: in memory, past {@code inMemoryMax} in a new spool file named {@code what-…}. */
    public SpoolOutput output(String what) {
        return new SpoolOutput(this, what);
    }
}
