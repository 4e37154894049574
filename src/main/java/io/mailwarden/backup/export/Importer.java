package io.mailwarden.backup.export;

import io.mailwarden.archive.Archive;
import io.mailwarden.archive.BackfillProgress;
import io.mailwarden.backup.BackupMessage;
import io.mailwarden.backup.MessageSource;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Archives messages from files (an export, any mbox, Maildir or .eml tree) without a server: raw store,
 * catalog and index, as the daemon archives them, a big message streamed from its spool file or its own file. Idempotent: what is archived in the folder already is
 * counted, not added again.
 */
public final class Importer {

    private Importer() {
    }

    /**
     * @param imported messages newly archived
     * @param known messages the archive held in that folder already
     * @param bytes the size of the imported ones
     */
    public record Result(long imported, long known, long bytes) {
    }

    /**
     * Where imported messages go.
     *
     * @param account the account to file them under, or null for the one the source names
     * @param folder the folder, or null for the one the source names ({@code INBOX} when it names none)
     */
    public record Target(String account, String folder) {

        String accountOf(BackupMessage m) {
            String a = account != null ? account : m.account();
            if (a.isEmpty()) {
                throw new IllegalArgumentException(m.origin() + " names no account (only a mailwarden export does):"
                        + " give --account NAME");
            }
            return a;
        }

        String folderOf(BackupMessage m) {
            return folder != null ? folder : m.folder().isEmpty() ? "INBOX" : m.folder();
        }
    }

    public static Result run(MessageSource source, Archive archive, Target target, BackfillProgress progress)
            throws IOException {
        long[] counts = new long[3];
        try {
            source.forEach(m -> {
                try (m) {
                    if (archive.imported(target.accountOf(m), target.folderOf(m), m.raw(), catalogFlags(m.flags()),
                            m.internalDate())) {
                        counts[0]++;
                        counts[2] += m.size();
                    } else {
                        counts[1]++;
                    }
                    progress.message(m.size());
                }
            });
        } finally {
            progress.done();
        }
        return new Result(counts[0], counts[1], counts[2]);
    }

    /** Wire flags ({@code \Seen}) in the catalog's form ({@code seen}); keywords as they are. */
    static Set<String> catalogFlags(Set<String> wire) {
        return wire.stream().map(f -> f.startsWith("\\") ? f.substring(1).toLowerCase(Locale.ROOT) : f)
                .collect(Collectors.toSet());
    }
}
