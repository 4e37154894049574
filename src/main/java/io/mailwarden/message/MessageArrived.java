package io.mailwarden.message;

import java.time.Instant;
import java.util.Set;

/**
 * A message the watcher found, with its raw bytes as fetched ({@code BODY.PEEK[]}).
 *
 * @param ref where it is
 * @param raw the raw RFC 5322 bytes
 * @param flags system flags, lower-case without backslash
 * @param keywords IMAP keywords
 * @param internalDate the server's INTERNALDATE, or null
 * @param afterUidValidityChange true when the folder's UIDVALIDITY changed: the message may have been
 *        handled already under its old UID, so the handler must recognise it by content
 */
public record MessageArrived(MessageRef ref, byte[] raw, Set<String> flags, Set<String> keywords, Instant internalDate,
        boolean afterUidValidityChange) {
}
