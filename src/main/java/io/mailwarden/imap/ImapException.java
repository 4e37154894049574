package io.mailwarden.imap;

/**
 * An account could not be reached or logged in to; the message says why in the admin's terms. Failures
 * of one mailbox operation are {@link io.mailwarden.message.MailboxException}s, classified by kind.
 */
public class ImapException extends Exception {

    public ImapException(String message, Throwable cause) {
        super(message, cause);
    }
}
