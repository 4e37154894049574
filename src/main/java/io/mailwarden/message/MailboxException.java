package io.mailwarden.message;

/** A mailbox operation failed; {@link #kind()} says what the caller can do about it. */
public class MailboxException extends Exception {

    /** How a failure affects the rest of the work on the message. */
    public enum Kind {
        /** It may pass later (the connection dropped): try the message again. */
        TRANSIENT,
        /** This operation cannot succeed (folder creation refused, no keywords allowed): other steps still can. */
        REFUSED,
        /** The message is no longer there (another client moved or deleted it, UIDVALIDITY changed). */
        GONE
    }

    private final Kind kind;

    public MailboxException(String message, Kind kind, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
