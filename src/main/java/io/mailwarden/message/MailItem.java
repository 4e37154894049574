package io.mailwarden.message;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;

/**
 * A message where it lives: what the rules engine evaluates.
 *
 * @param account the configured account name
 * @param folder the folder's decoded name, with the server's separator ({@code 其他文件夹/财务})
 * @param uid the IMAP UID in that folder, or 0 when the message does not come from a server
 * @param flags system flags, lower-case without backslash: seen, answered, flagged, deleted, draft
 * @param keywords IMAP keywords as the server gave them
 * @param internalDate the server's INTERNALDATE, or null when unknown
 * @param message the parsed message
 * @param rawFile where the raw bytes can be read, or null
 */
public record MailItem(
        String account,
        String folder,
        long uid,
        Set<String> flags,
        Set<String> keywords,
        Instant internalDate,
        Message message,
        Path rawFile) {

    public MailItem {
        flags = Set.copyOf(flags);
        keywords = Set.copyOf(keywords);
    }

    /** A message read from a file rather than a server, as {@code rules test} sees it. */
    public static MailItem fromFile(String account, String folder, Message message, Path rawFile) {
        return new MailItem(account, folder, 0, Set.of(), Set.of(), null, message, rawFile);
    }
}
