package io.mailwarden.archive;

/** The archive cannot keep a message (disk full, store unreadable); the message text says which. */
public final class ArchiveException extends RuntimeException {

    public ArchiveException(String message, Throwable cause) {
        super(message, cause);
    }
}
