package io.mailwarden.imap;

import io.mailwarden.account.Account;
import io.mailwarden.message.ArrivalHandler;
import io.mailwarden.message.BodyNeed;
import jakarta.mail.MessagingException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.jboss.logging.Logger;

/**
 * Runs one watcher per idled folder of every account, each on its own thread, and starts a dead one
 * again after an exponential, jittered back-off. One account's trouble never stops another's.
 */
public final class Supervisor implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Supervisor.class);
    private static final Duration STABLE = Duration.ofMinutes(1);

    /** A watcher as the health check and status page see it. */
    public record WatcherStatus(String account, String folder, String state, String lastError, Instant since) {
    }

    private final ArrivalHandler handler;
    private final BodyNeed bodyNeed;
    private final WatchState state;
    private final Clock clock;
    private final ScheduledExecutorService timers = Executors.newScheduledThreadPool(1, Thread.ofPlatform().daemon().factory());
    private final List<Slot> slots = new CopyOnWriteArrayList<>();
    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private final Duration backoffBase;
    private volatile boolean closed;

    private final java.util.function.Function<Account, LoginBudget> budgets;

    /** @param budgets each account's login budget, shared with whatever else logs in to it */
    /** @param bodyNeed which folders' messages are fetched whole; asked again for every batch */
    public Supervisor(ArrivalHandler handler, BodyNeed bodyNeed, WatchState state, Clock clock, Duration backoffBase,
            java.util.function.Function<Account, LoginBudget> budgets) {
        this.handler = handler;
        this.bodyNeed = bodyNeed;
        this.budgets = budgets;
        this.state = state;
        this.clock = clock;
        this.backoffBase = backoffBase;
    }

    /** Starts watching every account; returns at once. */
    public void start(List<Account> accounts) {
        for (Account a : accounts) {
            threads.add(Thread.ofVirtual().name("account-" + a.name()).start(() -> startAccount(a)));
        }
    }

    private void startAccount(Account account) {
        Backoff backoff = new Backoff(backoffBase, Duration.ofMinutes(5));
        while (!closed) {
            try {
                ImapConnector connector = new ImapConnector(account, budgets.apply(account));
                for (String folder : folders(connector)) {
                    Slot slot = new Slot(account.name(), folder);
                    slots.add(slot);
                    threads.add(Thread.ofVirtual().name("watch-" + account.name() + "-" + folder)
                            .start(() -> supervise(connector, slot)));
                }
                return;
            } catch (ImapException | MessagingException e) {
                Duration wait = backoff.next();
                LOG.errorf("%s: cannot list folders: %s; trying again in %d s", account.name(), e.getMessage(), wait.toSeconds());
                pause(wait);
            }
        }
    }

    /** The selectable folders matching the account's idle-folders globs. */
    private static List<String> folders(ImapConnector connector) throws ImapException, MessagingException {
        IMAPStore store = connector.connect();
        try {
            return SelectableFolders.matching(store, connector.account(), connector.account().idleFolders(), "idle-folders");
        } finally {
            ImapConnector.closeQuietly(store);
        }
    }

    private void supervise(ImapConnector connector, Slot slot) {
        Backoff backoff = new Backoff(backoffBase, Duration.ofMinutes(5));
        boolean tencent = connector.account().provider().isTencent();
        while (!closed) {
            FolderWatcher w = new FolderWatcher(connector, slot.folder, handler, bodyNeed, state, timers, tencent, backoffBase);
            slot.watcher = w;
            Instant started = clock.instant();
            try {
                w.run();
            } catch (RuntimeException e) {
                slot.lastError = e.getMessage();
                if (!closed) {
                    LOG.warnf("%s: watcher of %s stopped: %s", slot.account, slot.folder, e.getMessage());
                }
            }
            if (closed) {
                break;
            }
            if (Duration.between(started, clock.instant()).compareTo(STABLE) > 0) {
                backoff.reset();
            }
            Duration wait = backoff.next();
            LOG.infof("%s: reconnecting %s in %d ms", slot.account, slot.folder, wait.toMillis());
            pause(wait);
        }
    }

    public List<WatcherStatus> status() {
        return slots.stream().map(s -> new WatcherStatus(s.account, s.folder,
                s.watcher == null ? "starting" : s.watcher.status(), s.lastError, s.since)).toList();
    }

    private void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closed = true;
        for (Slot s : slots) {
            if (s.watcher != null) {
                s.watcher.stop();
            }
        }
        threads.forEach(Thread::interrupt);
        timers.shutdownNow();
        // a watcher still finishing a message when a new daemon starts would act on it twice
        for (Thread t : threads) {
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static final class Slot {
        final String account;
        final String folder;
        final Instant since = Instant.now();
        volatile FolderWatcher watcher;
        volatile String lastError;

        Slot(String account, String folder) {
            this.account = account;
            this.folder = folder;
        }
    }
}
