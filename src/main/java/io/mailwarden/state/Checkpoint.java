package io.mailwarden.state;

import java.time.Instant;

/**
 * Where the daemon is in one folder: every message up to {@code lastUid} under {@code uidValidity}
 * has been handled.
 */
public record Checkpoint(String account, String folder, long uidValidity, long lastUid, Instant updatedAt) {
}
