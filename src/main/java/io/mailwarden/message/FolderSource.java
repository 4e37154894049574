package io.mailwarden.message;

import java.util.List;

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

    /** Receives each batch, in UID order. */
    @FunctionalInterface
    interface BatchSink {
        void accept(List<MessageArrived> batch) throws InterruptedException;
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
     * expunged since the listing. The folder must be the one last {@link #list listed}.
     */
    void read(Listing listing, long after, int maxCount, long maxBytes, BatchSink sink)
            throws MailboxException, InterruptedException;

    @Override
    void close();
}
