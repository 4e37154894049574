package io.mailwarden.imap;

/**
 * An IMAP failure, classified the way recovery needs it: by what it affects (one message, one
 * mailbox, the whole account) and whether trying again later can help.
 */
public class ImapException extends Exception {

    /** What a failure affects. */
    public enum Scope { MESSAGE, MAILBOX, ACCOUNT }

    private final Scope scope;
    private final boolean retryable;

    public ImapException(Scope scope, boolean retryable, String message, Throwable cause) {
        super(message, cause);
        this.scope = scope;
        this.retryable = retryable;
    }

    public Scope scope() {
        return scope;
    }

    public boolean retryable() {
        return retryable;
    }
}
