package io.mailwarden.daemon;

import io.mailwarden.account.Account;
import io.mailwarden.actions.Execution;
import io.mailwarden.archive.Archive;
import io.mailwarden.archive.Backfill;
import io.mailwarden.archive.ProgressMeter;
import io.mailwarden.archive.Workers;
import io.mailwarden.imap.FolderReader;
import io.mailwarden.imap.ImapConnector;
import io.mailwarden.imap.LoginBudget;
import io.mailwarden.schedule.ScheduledJobs;
import io.mailwarden.message.BodyNeed;
import io.mailwarden.message.MessageArrived;
import io.mailwarden.plan.Plan;
import io.mailwarden.plan.PlannedAction;
import io.mailwarden.plan.Step;
import io.mailwarden.rules.match.Glob;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jboss.logging.Logger;

/**
 * The daemon's last stage: messages it handled go to the archive, off the watchers' threads so that
 * extracting a large attachment never delays the next arrival. A message the queue cannot take, or whose
 * archiving fails, is not lost: it is still on the server, and the next archive sync of its folder (which
 * walks by its own progress, not the rules' checkpoint) archives it.
 */
final class ArchiveStage implements HandledSink, AutoCloseable {

    private static final Logger LOG = Logger.getLogger("mailwarden.archive");
    private static final int QUEUE = 1000;

    private final Archive archive;
    private final Archiving settings;
    private final Map<String, Predicate<String>> folders = new HashMap<>();
    private final Map<String, Lock> walks = new ConcurrentHashMap<>();
    private final ThreadPoolExecutor workers;

    ArchiveStage(Archiving settings, List<Account> accounts) {
        this.settings = settings;
        this.archive = settings.archive();
        int threads = Math.max(1, settings.backfill().workers() / 2);
        for (Account a : accounts) {
            Predicate<String> any = f -> false;
            for (String glob : a.archiveFolders()) {
                any = any.or(Glob.compile(glob, !glob.equalsIgnoreCase("INBOX")).asMatchPredicate());
            }
            folders.put(a.name(), any);
        }
        workers = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUE),
                Thread.ofPlatform().daemon().name("archive-", 0).factory());
    }

    /**
     * Schedules, per account, the sync of its archived folders: at once (the first start's backfill, or
     * catching up after a stop) and then every sync interval, for mail no watcher saw; and the downloads of
     * linked files.
     */
    void schedule(ScheduledJobs jobs, List<Account> accounts, Function<Account, LoginBudget> budgets) {
        for (Account a : accounts) {
            Runnable sync = () -> sync(a, budgets.apply(a), jobs::closed);
            try {
                jobs.every("archive:" + a.name(), settings.syncInterval(), sync);
                LOG.infof("%s: archiving %s (synced every %s)", a.name(), a.archiveFolders(), settings.syncInterval());
            } catch (RuntimeException e) { // a disabled scheduler (quarkus.scheduler.enabled=false) refuses jobs
                LOG.warnf("%s: the archive sync cannot be scheduled (%s); archived folders are read now and at each"
                        + " start only", a.name(), e.getMessage());
                Thread.ofVirtual().name("archive-sync-" + a.name()).start(sync);
            }
        }
        scheduleLinkedFiles(jobs);
    }

    /** Schedules the downloads of linked files, when they are on. */
    private void scheduleLinkedFiles(ScheduledJobs jobs) {
        if (settings.linkedFiles() == null) {
            return;
        }
        try {
            jobs.every("archive:linked-files", settings.linkedFilesInterval(), () -> fetchLinkedFiles(jobs::closed));
        } catch (RuntimeException e) {
            LOG.warnf("archive: linked files cannot be scheduled (%s); they are not downloaded", e.getMessage());
        }
    }

    /** Downloads the linked files that are due and indexes their messages again, with the files' text. */
    void fetchLinkedFiles(BooleanSupplier closed) {
        for (String hash : settings.linkedFiles().fetchDue(closed)) {
            try {
                archive.reindex(hash);
            } catch (IOException | RuntimeException e) {
                LOG.warnf("archive: message %s not indexed again with its linked files (%s); a reindex does it",
                        hash, e.getMessage());
            }
        }
    }

    /** The lock of walks over an account's folders: its sync and a backfill a command asked for take turns. */
    Lock walkLock(String account) {
        return walks.computeIfAbsent(account, a -> new ReentrantLock());
    }

    private void sync(Account account, LoginBudget budget, BooleanSupplier closed) {
        Lock walk = walkLock(account.name());
        if (!walk.tryLock()) {
            LOG.infof("archive: %s: a requested backfill walks its folders now; no sync needed", account.name());
            return;
        }
        try {
            syncAlone(account, budget, closed);
        } finally {
            walk.unlock();
        }
    }

    private void syncAlone(Account account, LoginBudget budget, BooleanSupplier closed) {
        Backfill backfill = new Backfill(archive, settings.backfill(), new ProgressMeter("archive " + account.name(), null),
                closed);
        try (FolderReader reader = new FolderReader(new ImapConnector(account, budget))) {
            Backfill.Result r = backfill.run(reader, account.archiveFolders(), f -> true);
            if (r.archived() > 0 || r.deleted() > 0) {
                LOG.infof("archive: %s: %d message(s) archived, %d gone from the server", account.name(), r.archived(),
                        r.deleted());
            }
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            LOG.warnf("archive: %s: sync stopped (%s); it goes on at the next sync", account.name(), e.getMessage());
        }
    }

    /** Which folders the archive keeps: their mail must be fetched whole. */
    BodyNeed bodyNeed() {
        return this::covers;
    }

    boolean covers(String account, String folder) {
        return folders.getOrDefault(account, f -> false).test(folder);
    }

    /** Archives a message the daemon handled, where its plan left it. */
    @Override
    public void handled(MessageArrived m, Plan plan, Execution done) {
        boolean asked = plan.actions().stream().anyMatch(a -> a.step() instanceof Step.Archive);
        if (!asked && !covers(m.ref().account(), m.ref().folder())) {
            return;
        }
        if (!m.complete()) {
            return; // headers only (no rule needed more): the archive sync reads the message whole
        }
        List<String> rules = new ArrayList<>(new LinkedHashSet<>(plan.actions().stream().map(PlannedAction::rule).toList()));
        String movedTo = done.movedTo();
        try {
            workers.execute(() -> {
                try {
                    if (movedTo != null) {
                        archive.moved(m, movedTo, rules);
                    } else {
                        archive.archive(m, rules);
                    }
                } catch (IOException | RuntimeException e) {
                    LOG.warnf("archive: %s not archived now (%s); the next sync of its folder archives it", m.ref(),
                            e.getMessage());
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.debugf("archive: queue full; %s waits for the next sync of its folder", m.ref());
        }
    }

    @Override
    public void close() {
        workers.shutdown(); // what the watchers handed over is archived first
        try {
            if (!workers.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.warnf("archive: %d message(s) left for the next sync", Workers.stop(workers, Duration.ofSeconds(30)));
            }
        } catch (InterruptedException e) {
            Workers.stop(workers, Duration.ofSeconds(30));
            Thread.currentThread().interrupt();
        } finally {
            settings.release().run();
        }
    }
}
