package io.mailwarden.archive.index;

/**
 * The index could not do what was asked. The message names the index directory and says what to do
 * (another process holds it, it is damaged and needs {@code mailwarden reindex}, the disk failed);
 * Lucene's details stay in the cause.
 */
public class IndexException extends RuntimeException {

    public IndexException(String message, Throwable cause) {
        super(message, cause);
    }
}
