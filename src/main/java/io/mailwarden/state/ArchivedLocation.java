package io.mailwarden.state;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * One place where an archived message lives (a row of {@code archive_location}).
 *
 * @param id the search index's document id, derived from the place ({@link #idOf})
 * @param uid the UID, or 0 while a rule has moved the message here and the folder was not read since
 * @param flags system flags (lower-case, no backslash) and keywords
 * @param rules the rules that acted on the message here
 */
public record ArchivedLocation(String id, String account, String folder, long uidValidity, long uid, String contentHash,
        String messageId, long size, Instant internalDate, Set<String> flags, List<String> rules, Status status,
        Instant archivedAt) {

    /** Whether the message is still at this place on the server. */
    public enum Status {
        PRESENT, MOVED, DELETED
    }

    public ArchivedLocation {
        flags = Set.copyOf(flags);
        rules = List.copyOf(rules);
    }

    /** The id of a known place: the same place always gets the same id, so archiving twice adds nothing. */
    public static String idOf(String account, String folder, long uidValidity, long uid) {
        return digest(account + '\0' + folder + '\0' + uidValidity + '\0' + uid);
    }

    /** The id of a message a rule moved into {@code folder}, before its UID there is known. */
    public static String movedIdOf(String account, String folder, String contentHash) {
        return digest(account + '\0' + folder + "\0moved\0" + contentHash);
    }

    /** The flags as IMAP writes them: {@code seen} becomes {@code \\Seen}; keywords stay as they are. */
    public Set<String> imapFlags() {
        Set<String> system = Set.of("seen", "answered", "flagged", "deleted", "draft", "recent");
        return flags.stream()
                .map(f -> system.contains(f) ? "\\" + Character.toUpperCase(f.charAt(0)) + f.substring(1) : f)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    public ArchivedLocation withStatus(Status s) {
        return new ArchivedLocation(id, account, folder, uidValidity, uid, contentHash, messageId, size, internalDate,
                flags, rules, s, archivedAt);
    }

    public ArchivedLocation at(long newUidValidity, long newUid) {
        return new ArchivedLocation(id, account, folder, newUidValidity, newUid, contentHash, messageId, size,
                internalDate, flags, rules, status, archivedAt);
    }

    private static String digest(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
