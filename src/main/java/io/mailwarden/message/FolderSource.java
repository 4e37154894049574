package io.mailwarden.message;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Reads an account's folders whole for the archive, changing nothing on the server: folders are opened
 * read-only and messages fetched without marking them read. The IMAP side implements it; the archive uses
 * it and nothing else of IMAP, so the two never import each other. One source is one connection: not
 * thread-safe; the caller closes it.
 */
public interface FolderSource extends AutoCloseable {

    /** What a folder holds: its UIDVALIDITY and each UID with its size, ascending. */
    record Listing(String folder, long uidValidity, long[] uids, long[] sizes) {
    }

    /**
     * A message read whole; the receiver closes {@code raw} once done with it (a spooled one is a file).
     *
     * @param flags system flags, lower-case without backslash
     * @param keywords IMAP keywords
     * @param internalDate the server's INTERNALDATE, or null
     */
    record Fetched(MessageRef ref, RawMessage raw, Set<String> flags, Set<String> keywords, Instant internalDate) {
    }

    /** Receives each batch, in UID order. */
    @FunctionalInterface
    interface BatchSink {
        void accept(List<Fetched> batch) throws InterruptedException;
    }

    /** The account's configured name. */
    String account();

    /** The account's selectable folders that {@code globs} name, each once; {@code key} names the setting in errors. */
    List<String> folders(List<String> globs, String key) throws MailboxException;

    /** Opens {@code folder} read-only and lists its UIDs and sizes. */
    Listing list(String folder) throws MailboxException;

    /**
     * Reads the listed messages with a UID above {@code after}, in ascending batches of at most
     * {@code maxCount} messages and {@code maxBytes} bytes (a bigger message comes alone), skipping those
     * expunged since the listing. The folder must be the one last {@link #list listed}. A message too big to
     * hold in memory is spooled to a new file in {@code spool}, so memory stays bounded for any message size.
     */
    void read(Listing listing, long after, int maxCount, long maxBytes, Path spool, BatchSink sink)
            throws MailboxException, InterruptedException;

    @Override
    void close();
}
