package io.mailwarden.state;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * A file a message links to instead of attaching it (table {@code archive_linked_file}).
 *
 * @param id SHA-256 of the message's content hash and the link ({@link #idOf})
 * @param messageHash the content hash of the message that carries the link
 * @param url the link as the message carries it
 * @param name the file's name: from the download once stored, else from the message, or an empty string
 * @param status where the download stands
 * @param fileHash the content hash of the stored file, or null until stored
 * @param size the stored file's size in bytes, or 0
 * @param attempts download attempts so far
 * @param nextAttempt when a pending file is tried next
 * @param problem why the last attempt failed, or why the file is gone; an empty string when none
 * @param sentAt when the message was sent (its Date), or null when unknown
 * @param foundAt when the link was first found
 */
public record LinkedFile(String id, String messageHash, String url, String name, Status status, String fileHash,
        long size, int attempts, Instant nextAttempt, String problem, Instant sentAt, Instant foundAt) {

    /** Where a linked file's download stands. */
    public enum Status {
        /** To download; {@code attempts} and {@code problem} tell how earlier tries went. */
        PENDING,
        /** Downloaded and kept under its {@code fileHash}. */
        STORED,
        /** Will not be downloaded: {@code problem} says why (expired, withdrawn, too big, refused). */
        GONE
    }

    public static String idOf(String messageHash, String url) {
        return ContentHash.of((messageHash + "\n" + url).getBytes(StandardCharsets.UTF_8));
    }
}
