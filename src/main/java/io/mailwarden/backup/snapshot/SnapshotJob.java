package io.mailwarden.backup.snapshot;

/**
 * The daemon's scheduled snapshot.
 *
 * @param cron a checked Quartz cron expression
 * @param run takes a snapshot and prunes by retention (logs its outcome, never throws)
 */
public record SnapshotJob(String cron, Runnable run) {
}
