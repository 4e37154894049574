package io.mailwarden.backup.snapshot;

import io.mailwarden.archive.ArchiveService;
import io.mailwarden.archive.index.ArchiveIndex;
import io.mailwarden.config.MailwardenConfig;
import io.mailwarden.state.StateDb;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.quartz.CronExpression;

/** The application's snapshots: {@link Snapshots} with the configured directories, retention and state database. */
@ApplicationScoped
public class SnapshotService {

    private final MailwardenConfig config;
    private final SnapshotConfig snapshots;
    private final StateDb state;
    private final String version;

    public SnapshotService(MailwardenConfig config, SnapshotConfig snapshots, StateDb state,
            @ConfigProperty(name = "quarkus.application.version", defaultValue = "dev") String version) {
        this.config = config;
        this.version = version;
        this.snapshots = snapshots;
        this.state = state;
    }

    /**
     * The snapshots of the data directory, settings checked.
     *
     * @throws IllegalArgumentException naming the key of a wrong setting
     */
    public Snapshots snapshots() {
        Path data = config.dataDir().toAbsolutePath().normalize();
        Path backups = snapshots.dir().toAbsolutePath().normalize();
        if (backups.startsWith(data) || data.startsWith(backups)) {
            throw new IllegalArgumentException("mailwarden.backup.dir: " + backups + " must be outside the data directory "
                    + data + " (mailwarden.data-dir), and not hold it");
        }
        Retention retention;
        try {
            retention = new Retention(snapshots.keepDaily(), snapshots.keepWeekly(), ZoneId.systemDefault());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("mailwarden.backup." + e.getMessage(), e);
        }
        return new Snapshots(data, backups, retention, version, Clock.systemDefaultZone());
    }

    /**
     * The daemon's job: its cron expression (checked) and the work, which snapshots {@code live} (the index the
     * daemon holds open, or null without an archive).
     *
     * @return null when scheduled snapshots are off ({@code mailwarden.backup.enabled=false})
     * @throws IllegalArgumentException naming the key of a wrong setting
     */
    public SnapshotJob job(Supplier<ArchiveIndex> live) {
        if (!snapshots.enabled()) {
            return null;
        }
        String cron = snapshots.cron().strip();
        try {
            CronExpression.validateExpression(cron);
        } catch (java.text.ParseException e) {
            throw new IllegalArgumentException("mailwarden.backup.cron: '" + cron + "' is not a Quartz cron expression ("
                    + e.getMessage() + "); seconds come first, e.g. '0 30 2 * * ?' for 02:30 every night", e);
        }
        Snapshots s = snapshots();
        IndexSource index = IndexSource.of(live, indexDir());
        return new SnapshotJob(cron, () -> s.takeAndPrune(index, state::backupTo));
    }

    /** Takes a snapshot now from the index's last commit, whether or not the daemon runs. */
    public Manifest takeNow() throws java.io.IOException {
        return snapshots().take(IndexSource.committed(indexDir()), state::backupTo);
    }

    private Path indexDir() {
        return config.dataDir().resolve(ArchiveService.INDEX_DIR);
    }

}
