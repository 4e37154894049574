package io.mailwarden.backup.snapshot;

/** A snapshot operation refused or failed; the message says why and what to do, for the admin. */
public final class SnapshotException extends RuntimeException {

    public SnapshotException(String message) {
        super(message);
    }

    public SnapshotException(String message, Throwable cause) {
        super(message, cause);
    }
}
