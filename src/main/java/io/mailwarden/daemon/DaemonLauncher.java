package io.mailwarden.daemon;

import io.mailwarden.account.Account;
import io.mailwarden.archive.ArchiveService;
import io.mailwarden.archive.Backfill;
import io.mailwarden.archive.index.IndexException;
import io.mailwarden.backup.snapshot.SnapshotJob;
import io.mailwarden.backup.snapshot.SnapshotService;
import io.mailwarden.config.MailwardenConfig;
import io.mailwarden.daemon.request.RequestDir;
import io.mailwarden.outbound.OutboundConfig;
import io.mailwarden.outbound.OutboundSettings;
import io.mailwarden.rules.RuleLoaderFactory;
import io.mailwarden.rules.engine.RuleEngine;
import io.mailwarden.schedule.QuarkusJobScheduler;
import io.mailwarden.schedule.ScheduleConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Clock;
import java.util.List;

/**
 * Starts daemons with the application's rules machinery, state store, archive and scheduled snapshots (for
 * {@code run} and {@code demo}).
 */
@ApplicationScoped
public class DaemonLauncher {

    private final RuleLoaderFactory loaders;
    private final RuleEngine engine;
    private final Stores stores;
    private final QuarkusJobScheduler scheduler;
    private final ScheduleConfig schedule;
    private final OutboundConfig outbound;
    private final ArchiveService archives;
    private final SnapshotService snapshots;
    /** The data directory, whose {@code requests/} the daemon takes commands' archive work from. */
    private final MailwardenConfig config;
    private volatile Daemon running;

    public DaemonLauncher(RuleLoaderFactory loaders, RuleEngine engine, Stores stores, QuarkusJobScheduler scheduler,
            ScheduleConfig schedule, OutboundConfig outbound, ArchiveService archives, SnapshotService snapshots,
            MailwardenConfig config) {
        this.archives = archives;
        this.snapshots = snapshots;
        this.loaders = loaders;
        this.outbound = outbound;
        this.scheduler = scheduler;
        this.schedule = schedule;
        this.engine = engine;
        this.stores = stores;
        this.config = config;
    }

    public Daemon start(List<Account> accounts, Daemon.Options options) throws Daemon.StartFailure {
        SnapshotJob backup;
        try {
            backup = snapshots.job(() -> {
                ArchiveService.Opened open = archives.held();
                return open == null ? null : open.index();
            });
        } catch (IllegalArgumentException e) {
            throw new Daemon.StartFailure("backup: " + e.getMessage());
        }
        Archiving archiving = archives.config().enabled() ? openArchive() : null;
        try {
            running = Daemon.start(accounts, options.withMaxMessagesPerSecond(schedule.maxMessagesPerSecond())
                    .withOutbound(OutboundSettings.from(outbound)).withArchiving(archiving).withBackup(backup), loaders,
                    engine, stores, scheduler, Clock.systemUTC());
        } catch (Daemon.StartFailure | RuntimeException e) {
            if (archiving != null) {
                archiving.release().run();
            }
            throw e;
        }
        return running;
    }

    /** Opens the archive and repairs what a crash may have left (documents missing from the index). */
    private Archiving openArchive() throws Daemon.StartFailure {
        ArchiveService.Opened opened;
        Backfill.Options backfill;
        try {
            backfill = archives.backfillOptions();
            opened = archives.open();
        } catch (IllegalArgumentException | IndexException e) {
            throw new Daemon.StartFailure("archive: " + e.getMessage());
        }
        try {
            archives.repair(opened);
            archives.hold(opened);
            Runnable release = () -> {
                archives.hold(null);
                opened.close();
            };
            return new Archiving(opened.archive(), opened.indexer(), backfill, archives.config().syncInterval(),
                    new RequestDir(config.dataDir()), release, opened.linkedFiles(),
                    archives.config().linkedFiles().checkInterval());
        } catch (IOException | RuntimeException e) {
            opened.close();
            throw new Daemon.StartFailure("archive: cannot repair the index after the last stop: " + e.getMessage());
        }
    }

    /** The daemon this process started, for the health checks; null in subcommands that run none. */
    public Daemon running() {
        return running;
    }

    /** The archive the running daemon holds open (its index is near-real-time), or null. */
    public ArchiveService.Opened archive() {
        return archives.held();
    }

    public Stores stores() {
        return stores;
    }
}
