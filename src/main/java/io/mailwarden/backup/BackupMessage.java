package io.mailwarden.backup;

import io.mailwarden.message.RawMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Set;

/**
 * One message on its way out of the archive or into a mailbox: its bytes exactly as archived (in memory, or
 * for a big one in a file), where it lived, and its flags. Whoever a source gives it to owns it and
 * {@linkplain #close closes} it when done, which deletes a spool file.
 *
 * @param account the account it was archived from, or empty when it comes from a file (an export, an mbox)
 * @param folder its folder, levels separated by {@code /}; empty when the source has none
 * @param flags IMAP flags as written on the wire: system flags with their backslash ({@code \Seen},
 *        {@code \Answered}, {@code \Flagged}, {@code \Draft}, {@code \Deleted}), keywords as they are
 * @param internalDate the server's arrival time, or null when the source does not know it
 * @param origin where it came from, for messages about it (a catalog id, {@code file.mbox#12})
 */
public record BackupMessage(String account, String folder, RawMessage raw, Set<String> flags, Instant internalDate,
        String origin) implements AutoCloseable {

    public BackupMessage {
        account = account == null ? "" : account;
        folder = folder == null ? "" : folder;
        flags = Set.copyOf(flags);
    }

    /** A message held in memory. */
    public BackupMessage(String account, String folder, byte[] raw, Set<String> flags, Instant internalDate,
            String origin) {
        this(account, folder, RawMessage.of(raw), flags, internalDate, origin);
    }

    /** SHA-256 of the bytes, as the archive names them (a spooled message is read as a stream). */
    public String contentHash() {
        try {
            return raw.sha256();
        } catch (IOException e) {
            throw new UncheckedIOException(origin + ": cannot read the message: " + e.getMessage(), e);
        }
    }

    public long size() {
        return raw.size();
    }

    /** Whether {@code flag} (any case, with its backslash for a system flag) is set. */
    public boolean has(String flag) {
        return flags.stream().anyMatch(f -> f.equalsIgnoreCase(flag));
    }

    /** Frees the bytes: a spool file is deleted, a file read in place is left. */
    @Override
    public void close() {
        raw.close();
    }
}
