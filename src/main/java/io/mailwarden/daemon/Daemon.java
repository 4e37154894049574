package io.mailwarden.daemon;

import io.mailwarden.account.Account;
import io.mailwarden.actions.PlanExecutor;
import io.mailwarden.backup.snapshot.SnapshotJob;
import io.mailwarden.daemon.request.JobEnv;
import io.mailwarden.daemon.request.RequestWatcher;
import io.mailwarden.imap.LoginBudget;
import io.mailwarden.imap.Supervisor;
import io.mailwarden.imap.WatchState;
import io.mailwarden.message.ArrivalHandler;
import io.mailwarden.message.BodyNeed;
import io.mailwarden.outbound.OutboundCounters;
import io.mailwarden.outbound.OutboundSettings;
import io.mailwarden.outbound.Outbox;
import io.mailwarden.outbound.OutboxSender;
import io.mailwarden.rules.RuleLoaderFactory;
import io.mailwarden.rules.RuleRepository;
import io.mailwarden.rules.RulesWatcher;
import io.mailwarden.rules.engine.RuleEngine;
import io.mailwarden.rules.load.LoadResult;
import io.mailwarden.schedule.JobScheduler;
import io.mailwarden.schedule.ScheduledJobs;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.jboss.logging.Logger;

/**
 * The running daemon: the state store migrated, the rules loaded and hot-reloaded, a watcher per
 * idled folder, a poll job per account with polled folders, a job per scheduled rule, the outbox's sender,
 * the archive (handled mail, a sync job per account, and the archive work commands hand over) and the scheduled
 * snapshot. {@link #start} fails fast (before any watcher) when the rules do not load.
 */
public final class Daemon implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger("mailwarden.daemon");

    private final Supervisor supervisor;
    private final RulesWatcher rulesWatcher;
    private final RuleRepository rules;
    private final ScheduledWork scheduled;
    private final OutboxSender sender;
    private final OutboundCounters outbound;
    private final ArchiveStage archive;
    private final RequestWatcher requests;

    private Daemon(Supervisor supervisor, RulesWatcher rulesWatcher, RuleRepository rules, ScheduledWork scheduled,
            OutboxSender sender, OutboundCounters outbound, ArchiveStage archive, RequestWatcher requests) {
        this.supervisor = supervisor;
        this.archive = archive;
        this.requests = requests;
        this.sender = sender;
        this.outbound = outbound;
        this.scheduled = scheduled;
        this.rulesWatcher = rulesWatcher;
        this.rules = rules;
    }

    /**
     * Settings of one daemon run.
     *
     * @param maxMessagesPerSecond at most this many messages evaluated per second by each scheduled rule's run
     * @param outbound how replies and forwards are sent
     * @param backup the scheduled snapshot, or null
     */
    public record Options(Path rulesDir, Path pluginsDir, boolean dryRun, Duration backoffBase, double maxMessagesPerSecond,
            OutboundSettings outbound, Archiving archiving, SnapshotJob backup) {

        /** With the default rate of scheduled runs (50 messages a second), the default outbound settings, no archive. */
        public Options(Path rulesDir, Path pluginsDir, boolean dryRun, Duration backoffBase) {
            this(rulesDir, pluginsDir, dryRun, backoffBase, 50, OutboundSettings.defaults(), null);
        }

        /** Without scheduled snapshots. */
        public Options(Path rulesDir, Path pluginsDir, boolean dryRun, Duration backoffBase, double maxMessagesPerSecond,
                OutboundSettings outbound, Archiving archiving) {
            this(rulesDir, pluginsDir, dryRun, backoffBase, maxMessagesPerSecond, outbound, archiving, null);
        }

        public Options withMaxMessagesPerSecond(double perSecond) {
            return new Options(rulesDir, pluginsDir, dryRun, backoffBase, perSecond, outbound, archiving, backup);
        }

        public Options withOutbound(OutboundSettings settings) {
            return new Options(rulesDir, pluginsDir, dryRun, backoffBase, maxMessagesPerSecond, settings, archiving, backup);
        }

        /** Archives the accounts' archived folders (null: no archive). */
        public Options withArchiving(Archiving a) {
            return new Options(rulesDir, pluginsDir, dryRun, backoffBase, maxMessagesPerSecond, outbound, a, backup);
        }

        /** Takes snapshots of the data directory on the job's schedule (null: none). */
        public Options withBackup(SnapshotJob job) {
            return new Options(rulesDir, pluginsDir, dryRun, backoffBase, maxMessagesPerSecond, outbound, archiving, job);
        }
    }

    /** Thrown when the daemon cannot start; the message is for the admin. */
    public static final class StartFailure extends Exception {
        public StartFailure(String message) {
            super(message);
        }
    }

    /** Starts the daemon; its polls and scheduled rules run as jobs of {@code scheduler}. */
    public static Daemon start(List<Account> accounts, Options options, RuleLoaderFactory loaders, RuleEngine engine,
            Stores stores, JobScheduler scheduler, Clock clock) throws StartFailure {
        return start(accounts, options, loaders, engine, stores, scheduler, clock, UnaryOperator.identity());
    }

    /** As above, with the arrival handler wrapped (tests inject failures there). */
    static Daemon start(List<Account> accounts, Options options, RuleLoaderFactory loaders, RuleEngine engine,
            Stores stores, JobScheduler scheduler, Clock clock, UnaryOperator<ArrivalHandler> wrap) throws StartFailure {
        if (!(options.maxMessagesPerSecond() > 0)) {
            throw new StartFailure("mailwarden.schedule.max-messages-per-second: must be above zero, not "
                    + options.maxMessagesPerSecond());
        }
        if (!options.outbound().problems().isEmpty()) {
            throw new StartFailure(String.join("\n", options.outbound().problems()));
        }
        RuleRepository rules = new RuleRepository(loaders.loader(options.pluginsDir()), options.rulesDir());
        LoadResult loaded = rules.reload();
        if (!loaded.ok()) {
            StringBuilder sb = new StringBuilder("the rules have errors; fix them and start again:");
            loaded.errors().forEach(d -> sb.append('\n').append(d));
            throw new StartFailure(sb.toString());
        }
        stores.state().migrate();
        Map<String, LoginBudget> budgets = new HashMap<>();
        accounts.forEach(a -> budgets.put(a.name(), LoginBudget.forAccount(a, clock)));
        Function<Account, LoginBudget> budget = a -> budgets.get(a.name());
        OutboundCounters counters = new OutboundCounters();
        OutboxSender sender = new OutboxSender(stores.outbox(), stores.audit(), accounts, options.outbound(), counters, clock);
        PlanExecutor executor = new PlanExecutor(StateAdapters.auditSink(stores.audit()),
                new Outbox(stores.outbox(), accounts, options.outbound(), counters, clock, sender::wake),
                options.archiving() != null);
        ScheduledJobs jobs = new ScheduledJobs(scheduler);
        ScheduledWork scheduled = new ScheduledWork(jobs, rules, new ScheduledRuleRun(rules, engine, executor, stores,
                accounts, budget, clock, options.dryRun(), options.maxMessagesPerSecond(), jobs::closed));
        RulesWatcher watcher;
        try {
            watcher = new RulesWatcher(rules, scheduled::syncRules);
        } catch (IOException e) {
            throw new StartFailure("cannot watch the rules directory " + options.rulesDir() + ": " + e.getMessage());
        }
        ArchiveStage archive = options.archiving() == null ? null : new ArchiveStage(options.archiving(), accounts);
        ArrivalHandler handler = wrap.apply(new ArrivalPipeline(rules, engine, executor, stores, clock, options.dryRun(),
                archive == null ? HandledSink.NONE : archive));
        WatchState watchState = StateAdapters.watchState(stores.checkpoints());
        BodyNeed rulesNeed = (account, folder) -> rules.current().needsBody(account, folder);
        BodyNeed bodyNeed = archive == null ? rulesNeed : rulesNeed.or(archive.bodyNeed());
        Supervisor supervisor = new Supervisor(handler, bodyNeed, watchState, clock, options.backoffBase(), budget);
        supervisor.start(accounts);
        RequestWatcher requests = null;
        if (archive != null) {
            archive.schedule(jobs, accounts, budget);
            requests = takeRequests(options.archiving(), new JobEnv(options.archiving().archive(),
                    options.archiving().indexer(), options.archiving().linkedFiles(), options.archiving().backfill(),
                    accounts, budget, archive::walkLock));
        }
        scheduled.start(accounts, budget, handler, bodyNeed, watchState, options.backup());
        if (!options.dryRun()) { // a dry run sends nothing, not even mail an earlier run left in the outbox
            sender.start();
        }
        return new Daemon(supervisor, watcher, rules, scheduled, sender, counters, archive, requests);
    }

    /** Takes the archive work of commands ({@code backfill}, {@code reindex}, {@code import}), or says why not. */
    private static RequestWatcher takeRequests(Archiving archiving, JobEnv env) {
        if (archiving.requests() == null) {
            return null;
        }
        try {
            return RequestWatcher.start(archiving.requests(), env);
        } catch (IOException | RuntimeException e) {
            // the daemon's own work goes on; the commands then say that it holds the archive's lock
            LOG.warnf("requests: commands cannot hand archive work to this daemon (%s)", e.getMessage());
            return null;
        }
    }

    /** The rules in force and the outcome of the latest (re)load. */
    public RuleRepository rules() {
        return rules;
    }

    public List<Supervisor.WatcherStatus> status() {
        return supervisor.status();
    }

    /** What automatic mail did since the start: sent, failed, held back, and each suppression reason. */
    public OutboundCounters outbound() {
        return outbound;
    }

    @Override
    public void close() {
        if (requests != null) {
            requests.close(); // first: a requested backfill ends at a batch boundary, before the archive closes
        }
        scheduled.close(); // unschedules the jobs: no poll or run starts while the rest stops
        supervisor.close();
        sender.close();
        if (archive != null) {
            archive.close(); // after the watchers: what they handed over is archived before the archive closes
        }
        try {
            rulesWatcher.close();
        } catch (IOException e) {
            // closing a watch service cannot lose anything
        }
    }
}
