package io.mailwarden.daemon.request;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * The daemon's side of requests: announces that it takes them, claims each new one and runs it on one
 * worker thread, one request at a time (the watchers, rules and archiving go on meanwhile). At its start,
 * requests a previous daemon claimed but never finished are reported as failed (never run again silently),
 * and finished requests older than a day are deleted.
 */
public final class RequestWatcher implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger("mailwarden.daemon");
    static final Duration POLL = Duration.ofMillis(250);
    static final Duration KEEP = Duration.ofDays(1);
    private static final Duration STOP_WAIT = Duration.ofSeconds(60);

    private final RequestDir dir;
    private final RequestRun runs;
    private final Path announcement;
    private final ProcessId self = ProcessId.current();
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("requests").factory());
    private final ExecutorService worker = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().daemon().name("request-worker").factory());

    private RequestWatcher(RequestDir dir, JobEnv env) {
        this.dir = dir;
        this.runs = new RequestRun(dir, env);
        this.announcement = dir.path().resolve(RequestDir.DAEMON);
    }

    /**
     * Reports what a previous daemon left unfinished, announces this daemon and starts taking requests.
     *
     * @throws IOException when the request directory cannot be written
     */
    public static RequestWatcher start(RequestDir dir, JobEnv env) throws IOException {
        RequestWatcher w = new RequestWatcher(dir, env);
        w.recover();
        w.dir.write(w.announcement, w.self);
        w.poller.scheduleWithFixedDelay(w::poll, 0, POLL.toMillis(), TimeUnit.MILLISECONDS);
        return w;
    }

    private void recover() throws IOException {
        for (String id : dir.ids(RequestDir.CLAIMED)) {
            if (!Files.exists(dir.file(id, RequestDir.RESULT))) {
                Request r = runs.readQuietly(dir.file(id, RequestDir.CLAIMED));
                String what = r == null ? "this request" : "the " + r.job().command();
                dir.write(dir.file(id, RequestDir.RESULT), Outcome.failed("the daemon stopped while running " + what
                        + (r == null ? "" : ": " + r.job().again())));
                LOG.warnf("request %s: %s was left unfinished by a daemon that stopped; reported as failed", id, what);
            }
        }
        cleanUp();
    }

    /**
     * Deletes requests finished more than {@link #KEEP} ago (their command abandoned them) and temporary files
     * as old (a crash cut their writing short).
     */
    private void cleanUp() throws IOException {
        Instant before = Instant.now().minus(KEEP);
        for (String id : dir.ids(RequestDir.RESULT)) {
            if (olderThan(dir.file(id, RequestDir.RESULT), before)) {
                dir.delete(id);
            }
        }
        for (String tmp : dir.ids(RequestDir.TMP)) {
            Path file = dir.file(tmp, RequestDir.TMP);
            if (olderThan(file, before)) {
                Files.deleteIfExists(file);
            }
        }
    }

    /** Whether {@code file} was last written before {@code time}; false when it is gone meanwhile. */
    private static boolean olderThan(Path file, Instant time) throws IOException {
        try {
            return Files.getLastModifiedTime(file).toInstant().isBefore(time);
        } catch (NoSuchFileException gone) {
            return false;
        }
    }

    private void poll() {
        try {
            for (String id : dir.ids(RequestDir.REQUEST)) {
                Request r = runs.readQuietly(dir.file(id, RequestDir.REQUEST));
                if (r != null && r.client() != null && !r.client().alive()) {
                    if (dir.withdraw(id)) { // its command died before withdrawing it
                        dir.delete(id);
                        LOG.infof("request %s: its command (pid %d) is gone; not run", id, r.client().pid());
                    }
                } else if (dir.claim(id)) {
                    worker.execute(() -> {
                        runs.run(id, r);
                        try {
                            cleanUp();
                        } catch (IOException e) {
                            LOG.debugf("requests: cleaning up old ones failed (%s); tried again later", e.getMessage());
                        }
                    });
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.warnf("requests: cannot read %s (%s); trying again", dir.path(), e.getMessage());
        }
    }

    /** Stops taking requests; the running one is asked to stop at its next safe point and given a minute to. */
    @Override
    public void close() {
        runs.stopping();
        poller.shutdown();
        try {
            if (self.equals(dir.read(announcement, ProcessId.class))) {
                Files.deleteIfExists(announcement);
            }
        } catch (IOException e) {
            LOG.debugf("requests: the announcement %s stays (%s); a stale one is ignored", announcement, e.getMessage());
        }
        try {
            poller.awaitTermination(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS); // nothing is claimed after this
            worker.shutdown(); // requests claimed but not started end at once, reported as not run
            if (!worker.awaitTermination(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                worker.shutdownNow(); // interrupted: a job blocked (waiting for a lock, on the network) ends now
                if (!worker.awaitTermination(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                    LOG.warnf("requests: the running request did not stop within %s; it is reported as failed at"
                            + " the next start", STOP_WAIT.multipliedBy(2));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
