package io.mailwarden.state;

import java.time.Instant;

/**
 * Where the daemon is in one folder: every message up to {@code lastUid} under {@code uidValidity}
 * has been handled.
 *
 * @param watchedSince when the daemon first watched the folder (mail older than that was left alone),
 *        or null for checkpoints written before this was recorded
 */
public record Checkpoint(String account, String folder, long uidValidity, long lastUid, Instant updatedAt,
        Instant watchedSince) {
}
