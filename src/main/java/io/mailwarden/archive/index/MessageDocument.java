package io.mailwarden.archive.index;

import io.mailwarden.message.Address;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Everything the index holds about one archived message location: plain data the archiver fills and
 * {@link ArchiveIndex#get} gives back. Null strings become empty, null collections empty.
 *
 * @param id the caller's opaque, unique id of this location (account, folder, UIDVALIDITY, UID); never blank
 * @param account the account's configured id
 * @param folder the folder name as the server lists it, decoded
 * @param uidValidity the folder's UIDVALIDITY
 * @param uid the message's UID
 * @param contentHash SHA-256 of the raw bytes, lower-case hex: the raw store's key
 * @param messageId the Message-ID header (angle brackets optional), or empty
 * @param inReplyTo the In-Reply-To header's id, or empty
 * @param references the References header's ids, oldest first
 * @param from the From addresses
 * @param to the To addresses
 * @param cc the Cc addresses
 * @param subject the decoded subject
 * @param date the Date header (or the internal date when it has none), or null
 * @param size the raw message's size in bytes
 * @param flags the IMAP flags and keywords as the server spells them ({@code \Seen})
 * @param attachments the attachments in MIME order, with their extracted text
 * @param body the body text
 * @param rules the names of the rules that acted on the message
 * @param problems message-level parsing or extraction problems, in words
 * @param deletedOnServer the message is gone from the server (the archive keeps it)
 */
public record MessageDocument(String id, String account, String folder, long uidValidity, long uid,
        String contentHash, String messageId, String inReplyTo, List<String> references,
        List<Address> from, List<Address> to, List<Address> cc, String subject, Instant date, long size,
        Set<String> flags, List<AttachmentDoc> attachments, String body, List<String> rules,
        List<String> problems, boolean deletedOnServer) {

    public MessageDocument {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("an indexed message needs an id (account " + account
                    + ", folder " + folder + ", uid " + uid + ")");
        }
        account = orEmpty(account);
        folder = orEmpty(folder);
        contentHash = orEmpty(contentHash);
        messageId = orEmpty(messageId);
        inReplyTo = orEmpty(inReplyTo);
        references = references == null ? List.of() : List.copyOf(references);
        from = from == null ? List.of() : List.copyOf(from);
        to = to == null ? List.of() : List.copyOf(to);
        cc = cc == null ? List.of() : List.copyOf(cc);
        subject = orEmpty(subject);
        flags = flags == null ? Set.of() : Set.copyOf(flags);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        body = orEmpty(body);
        rules = rules == null ? List.of() : List.copyOf(rules);
        problems = problems == null ? List.of() : List.copyOf(problems);
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
