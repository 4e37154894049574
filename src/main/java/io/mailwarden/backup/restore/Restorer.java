package io.mailwarden.backup.restore;

import io.mailwarden.archive.BackfillProgress;
import io.mailwarden.backup.BackupMessage;
import io.mailwarden.backup.MessageSource;
import io.mailwarden.backup.Spool;
import io.mailwarden.message.MailboxAppender;
import io.mailwarden.message.MailboxAppender.Contents;
import io.mailwarden.message.MailboxException;
import io.mailwarden.message.MailboxException.Kind;
import java.io.IOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Appends a source's messages into an account, each into its own folder or one chosen folder, unless the
 * folder already holds it (see {@link FolderIndex}). Messages go in chunks: the chunk's folders are
 * listed once for the run (created when missing), the hashes its candidates need are read in a few
 * fetches, then each message is appended or counted as there. A refused message is counted and the rest
 * go on; a lost connection is retried (the appender reconnects with back-off) after looking at the
 * folders again, since the message in flight may have landed; after {@value #ATTEMPTS} losses with no
 * message done in between the restore stops, and running it again completes it.
 */
public final class Restorer {

    /**
     * @param onlyFolder restore only the messages of this source folder (null: all)
     * @param toFolder put every message into this folder (null: each into its own)
     * @param dryRun append nothing, create nothing: list what would be appended and what is there
     */
    public record Options(String onlyFolder, String toFolder, boolean dryRun) {
    }

    static final int ATTEMPTS = 5;
    private static final int CHUNK_MESSAGES = 200;
    private static final long CHUNK_BYTES = 16L << 20;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());

    private final MailboxAppender target;
    private final Options options;
    private final Spool spool;
    private final BackfillProgress progress;
    private final Consumer<String> listing;
    private final Map<String, FolderIndex> folders = new HashMap<>();
    private final Map<String, String> refusedFolders = new HashMap<>();
    private final Tally tally = new Tally();

    /**
     * @param spool where a big message with bare line ends is made CRLF
     * @param progress hears each message done
     * @param listing receives a dry run's lines (what would be appended, what is there)
     */
    public Restorer(MailboxAppender target, Options options, Spool spool, BackfillProgress progress,
            Consumer<String> listing) {
        this.target = target;
        this.options = options;
        this.spool = spool;
        this.progress = progress;
        this.listing = listing;
    }

    /** Whether {@code folder} of the source is restored (INBOX in any case). */
    public static boolean selected(String folder, String onlyFolder) {
        return onlyFolder == null || folder.equals(onlyFolder)
                || (folder.equalsIgnoreCase("INBOX") && onlyFolder.equalsIgnoreCase("INBOX"));
    }

    /**
     * Restores every selected message of {@code source}, closing each once done with it.
     *
     * @throws RestoreException when the server stayed unreachable; it holds what was done until then
     * @throws IOException when the source cannot be read
     */
    public RestoreReport run(MessageSource source) throws IOException {
        List<Restoring> chunk = new ArrayList<>();
        long[] bytes = {0};
        try {
            source.forEach(m -> {
                if (!selected(m.folder(), options.onlyFolder())) {
                    m.close();
                    return;
                }
                Restoring r;
                try {
                    r = Restoring.of(m, targetFolder(m), spool);
                } catch (IOException | RuntimeException e) {
                    m.close();
                    throw e;
                }
                chunk.add(r);
                bytes[0] += r.raw().size();
                if (chunk.size() >= CHUNK_MESSAGES || bytes[0] >= CHUNK_BYTES) {
                    flush(chunk);
                    close(chunk);
                    bytes[0] = 0;
                }
            });
            flush(chunk);
        } finally {
            close(chunk); // spool files are never left behind, whatever stopped the restore
            progress.done();
        }
        return tally.report(options.dryRun());
    }

    private static void close(List<Restoring> chunk) {
        chunk.forEach(Restoring::close);
        chunk.clear();
    }

    private String targetFolder(BackupMessage m) {
        if (options.toFolder() != null) {
            return options.toFolder();
        }
        return m.folder().isEmpty() ? "INBOX" : m.folder();
    }

    /** The chunk, retried from the message that was in flight when the connection was lost. */
    private void flush(List<Restoring> chunk) throws RestoreException {
        int[] next = {0};
        int losses = 0;
        while (true) {
            int from = next[0];
            try {
                restore(chunk, next);
                return;
            } catch (MailboxException e) {
                losses = next[0] > from ? 1 : losses + 1;
                if (e.kind() != Kind.TRANSIENT || losses == ATTEMPTS) {
                    throw new RestoreException("restore stopped: " + e.getMessage() + (losses > 1 ? " (" + losses
                            + " times in a row)" : "") + ". Run it again: what is already restored is not appended twice.",
                            tally.report(options.dryRun()), e);
                }
                folders.clear(); // the message in flight may have landed: look at the folders again
            }
        }
    }

    private void restore(List<Restoring> chunk, int[] next) throws MailboxException {
        List<Restoring> rest = chunk.subList(next[0], chunk.size());
        readCandidates(rest);
        for (Restoring r : rest) {
            one(r);
            next[0]++;
            progress.message(r.raw().size());
        }
    }

    private void one(Restoring r) throws MailboxException {
        String refused = refusedFolders.get(r.folder());
        if (refused != null) {
            tally.failed(r, refused);
            return;
        }
        FolderIndex f = folders.get(r.folder());
        if (f.holds(r)) {
            tally.present(r.folder());
            list("already there", f, r);
            return;
        }
        String answer = options.dryRun() ? null : target.append(f.serverName, r.append(f.keywords, f.allowed));
        if (answer != null) {
            tally.failed(r, answer);
            return;
        }
        f.added(r); // the same message again in the source is now there
        tally.appended(r.folder(), r.keywordsDropped(f.keywords, f.allowed));
        list("would append ", f, r);
    }

    private void list(String what, FolderIndex f, Restoring r) {
        if (options.dryRun()) {
            listing.accept(what + " " + f.serverName + "  " + (r.internalDate() == null ? "(no date)        "
                    : WHEN.format(r.internalDate())) + "  " + r.label());
        }
    }

    /** Lists the chunk's folders (once a run) and reads the hashes of its candidates, a few per fetch. */
    private void readCandidates(List<Restoring> chunk) throws MailboxException {
        Map<String, Set<Long>> unread = new LinkedHashMap<>();
        for (Restoring r : chunk) {
            FolderIndex f = index(r.folder());
            if (f != null) {
                unread.computeIfAbsent(r.folder(), k -> new LinkedHashSet<>()).addAll(f.unread(r));
            }
        }
        for (Map.Entry<String, Set<Long>> e : unread.entrySet()) {
            FolderIndex f = folders.get(e.getKey());
            List<Long> batch = new ArrayList<>();
            long bytes = 0;
            for (long uid : e.getValue()) {
                if (!batch.isEmpty() && (batch.size() >= CHUNK_MESSAGES || bytes + f.size(uid) > CHUNK_BYTES)) {
                    read(f, batch);
                    batch = new ArrayList<>();
                    bytes = 0;
                }
                batch.add(uid);
                bytes += f.size(uid);
            }
            read(f, batch);
        }
    }

    private void read(FolderIndex f, List<Long> uids) throws MailboxException {
        if (!uids.isEmpty()) {
            f.learn(uids, target.hashes(f.serverName, uids.stream().mapToLong(Long::longValue).toArray()));
        }
    }

    /** The folder's index, created (unless a dry run) and listed the first time; null when the server refuses it. */
    private FolderIndex index(String folder) throws MailboxException {
        FolderIndex f = folders.get(folder);
        if (f != null || refusedFolders.containsKey(folder)) {
            return f;
        }
        // a refused login here stops the restore; a folder the server will not create fails only its messages
        String server = target.serverName(folder);
        boolean exists = target.exists(server);
        Contents contents;
        try {
            if (!exists && !options.dryRun()) {
                target.create(server);
            }
            contents = exists || !options.dryRun() ? target.contents(server) : new Contents(List.of(), true, Set.of());
        } catch (MailboxException e) {
            if (e.kind() == Kind.TRANSIENT) {
                throw e;
            }
            refusedFolders.put(folder, e.getMessage());
            return null;
        }
        f = new FolderIndex(server, exists, contents);
        tally.folder(folder, server, !exists);
        folders.put(folder, f);
        return f;
    }
}
