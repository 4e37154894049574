package io.mailwarden.backup;

import io.mailwarden.state.ContentHash;
import java.time.Instant;
import java.util.Set;

/**
 * One message on its way out of the archive or into a mailbox: its bytes exactly as archived, where it
 * lived, and its flags.
 *
 * @param account the account it was archived from, or empty when it comes from a file (an export, an mbox)
 * @param folder its folder, levels separated by {@code /}; empty when the source has none
 * @param flags IMAP flags as written on the wire: system flags with their backslash ({@code \Seen},
 *        {@code \Answered}, {@code \Flagged}, {@code \Draft}, {@code \Deleted}), keywords as they are
 * @param internalDate the server's arrival time, or null when the source does not know it
 * @param origin where it came from, for messages about it (a catalog id, {@code file.mbox#12})
 */
public record BackupMessage(String account, String folder, byte[] raw, Set<String> flags, Instant internalDate,
        String origin) {

    public BackupMessage {
        account = account == null ? "" : account;
        folder = folder == null ? "" : folder;
        flags = Set.copyOf(flags);
    }

    /** SHA-256 of the bytes, as the archive names them. */
    public String contentHash() {
        return ContentHash.of(raw);
    }

    /** Whether {@code flag} (any case, with its backslash for a system flag) is set. */
    public boolean has(String flag) {
        return flags.stream().anyMatch(f -> f.equalsIgnoreCase(flag));
    }
}
