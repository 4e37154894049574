package io.mailwarden.message;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a restore needs of a mailbox: its folders, what a folder holds (cheaply, to tell what is already
 * there), and APPEND. The IMAP side implements it; the restorer uses it and nothing else of IMAP, so
 * backups and IMAP never import each other. Nothing here marks mail read. A lost connection is a
 * {@link MailboxException.Kind#TRANSIENT} failure; the next call connects again.
 */
public interface MailboxAppender extends AutoCloseable {

    /**
     * One message a folder holds.
     *
     * @param messageId its Message-ID field as written (unfolded, trimmed), or "" when it has none
     * @param size its RFC822.SIZE
     */
    record Held(long uid, String messageId, long size) {
    }

    /**
     * A folder's messages and what it lets an APPEND keep.
     *
     * @param keywords whether keywords are kept (PERMANENTFLAGS has {@code \*})
     * @param allowed the flags and keywords PERMANENTFLAGS names, in wire form
     */
    record Contents(List<Held> messages, boolean keywords, Set<String> allowed) {

        public Contents {
            messages = List.copyOf(messages);
            allowed = Set.copyOf(allowed);
        }
    }

    /**
     * One message to append.
     *
     * @param raw its bytes, exactly as they are to land (a spooled one is streamed as the APPEND literal)
     * @param flags in wire form ({@code \Seen}, keywords as they are), only what the server may set
     * @param internalDate the INTERNALDATE to give it, or null for the server's clock
     */
    record Append(RawMessage raw, Set<String> flags, Instant internalDate) {

        public Append {
            flags = Set.copyOf(flags);
        }
    }

    /**
     * The server's name for {@code folder} (levels split by {@code /}): its separator, and on Exmail the
     * {@code 其他文件夹/} parent of user folders.
     */
    String serverName(String folder) throws MailboxException;

    /** Whether the folder of that server name exists and holds messages. */
    boolean exists(String serverName) throws MailboxException;

    /** Creates the folder (with its parents) when missing; a refusal is a {@link MailboxException.Kind#REFUSED}. */
    void create(String serverName) throws MailboxException;

    /** What the folder holds: UID, Message-ID and size of each message, without reading bodies. */
    Contents contents(String serverName) throws MailboxException;

    /** SHA-256 (lower-case hex) of each listed message's bytes, read with PEEK; a UID gone since is left out. */
    Map<Long, String> hashes(String serverName, long[] uids) throws MailboxException;

    /**
     * Appends one message.
     *
     * @return null when it was appended, else the server's answer refusing it
     * @throws MailboxException {@link MailboxException.Kind#TRANSIENT} when the connection was lost: whether
     *         the message landed is then unknown (look again with {@link #contents})
     */
    String append(String serverName, Append message) throws MailboxException;

    @Override
    void close();
}
