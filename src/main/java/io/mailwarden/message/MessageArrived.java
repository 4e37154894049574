package io.mailwarden.message;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A message the watcher found: fetched whole ({@code BODY.PEEK[]}), or, when no reader needed its body,
 * as its header section ({@code BODY.PEEK[HEADER]}) with the attachments its BODYSTRUCTURE lists.
 *
 * @param ref where it is
 * @param raw the raw RFC 5322 bytes when {@code complete}, else the raw header section (ending in the blank line)
 * @param complete whether {@code raw} is the whole message
 * @param size the message's size in bytes (RFC822.SIZE)
 * @param structure when not complete, the attachments as BODYSTRUCTURE describes them (no text); else empty
 * @param flags system flags, lower-case without backslash
 * @param keywords IMAP keywords
 * @param internalDate the server's INTERNALDATE, or null
 * @param afterUidValidityChange true when the folder's UIDVALIDITY changed: the message may have been
 *        handled already under its old UID, so the handler must recognise it by content
 */
public record MessageArrived(MessageRef ref, byte[] raw, boolean complete, long size, List<Attachment> structure,
        Set<String> flags, Set<String> keywords, Instant internalDate, boolean afterUidValidityChange) {

    public MessageArrived {
        structure = List.copyOf(structure);
    }

    /** A message fetched whole. */
    public MessageArrived(MessageRef ref, byte[] raw, Set<String> flags, Set<String> keywords, Instant internalDate,
            boolean afterUidValidityChange) {
        this(ref, raw, true, raw.length, List.of(), flags, keywords, internalDate, afterUidValidityChange);
    }

    /**
     * The raw header section, up to and including the blank line that ends it: what the content hash
     * covers in both fetch modes, so a message is recognised after a UIDVALIDITY change whichever mode
     * fetched it before. Received, Message-ID and Date make it tell deliveries apart.
     */
    public byte[] headerSection() {
        if (!complete) {
            return raw;
        }
        for (int i = 0; i + 1 < raw.length; i++) {
            if (raw[i] == '\n' && (raw[i + 1] == '\n' || (raw[i + 1] == '\r' && i + 2 < raw.length && raw[i + 2] == '\n'))) {
                return java.util.Arrays.copyOf(raw, raw[i + 1] == '\n' ? i + 2 : i + 3);
            }
        }
        return raw; // no blank line: the whole message is header
    }
}
