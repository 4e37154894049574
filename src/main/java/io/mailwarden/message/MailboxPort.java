package io.mailwarden.message;

import java.util.Set;

/**
 * What actions may do to a mailbox. The IMAP side implements it; actions use it and nothing else of
 * IMAP, so the two never import each other. Folder names use {@code /} between levels; the
 * implementation maps them to the server's separator and layout.
 */
public interface MailboxPort {

    /**
     * The message leaves its folder for {@code target}, created when missing.
     *
     * @return the target's name as the server lists it (Exmail: under {@code 其他文件夹/})
     */
    String move(MessageRef ref, String target) throws MailboxException;

    /** A copy goes to {@code target}, created when missing. */
    void copy(MessageRef ref, String target) throws MailboxException;

    /** Sets or clears system flags, written {@code \Seen}, {@code \Flagged}, {@code \Answered}. */
    void setFlags(MessageRef ref, Set<String> systemFlags, boolean on) throws MailboxException;

    /** Sets or clears a keyword; fails clearly where the folder does not allow keywords. */
    void setKeyword(MessageRef ref, String keyword, boolean on) throws MailboxException;

    /**
     * Moves the message to the account's trash folder (never an expunge in place).
     *
     * @return the trash folder's name as the server lists it
     */
    String moveToTrash(MessageRef ref) throws MailboxException;
}
