package io.mailwarden.backup.snapshot;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.nio.file.Path;

/** Settings of the scheduled snapshots of the data directory: {@code mailwarden.backup.*}. */
@ConfigMapping(prefix = "mailwarden.backup")
public interface SnapshotConfig {

    /** Whether the daemon takes snapshots on the {@code cron} schedule ({@code backup now} works either way). */
    @WithDefault("true")
    boolean enabled();

    /**
     * The backup directory, one sub-directory per snapshot; outside the data directory, best on another disk
     * (snapshots are then copies; on the data directory's file system they are hard links to the same files).
     */
    @WithDefault("backups")
    Path dir();

    /** When the daemon takes a snapshot: a Quartz cron expression, seconds first (02:30 every night by default). */
    @WithDefault("0 30 2 * * ?")
    String cron();

    /** Keep the newest snapshot of each of this many most recent days that have one (at least 1). */
    @WithName("keep-daily")
    @WithDefault("7")
    int keepDaily();

    /** Also keep the newest snapshot of each of this many most recent ISO weeks that have one. */
    @WithName("keep-weekly")
    @WithDefault("4")
    int keepWeekly();
}
