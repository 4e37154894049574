package io.mailwarden.schedule;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * The daemon's jobs on a {@link JobScheduler}. Each run goes on a virtual thread of its own; a run still
 * going when the job fires again is not started twice (that firing is skipped). {@link #close()}
 * unschedules every job and waits briefly for running work, which is expected to watch {@link #closed()}.
 */
public final class ScheduledJobs implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ScheduledJobs.class);

    private final JobScheduler scheduler;
    /** The run of each job id, kept across cancel and re-scheduling so that one id never runs twice at once. */
    private final Map<String, AtomicReference<Thread>> runs = new ConcurrentHashMap<>();
    private final Set<String> scheduled = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    public ScheduledJobs(JobScheduler scheduler) {
        this.scheduler = scheduler;
    }

    /** Runs {@code work} every {@code interval}. */
    public void every(String id, Duration interval, Runnable work) {
        scheduler.every(id, interval, guard(id, work));
    }

    /** Runs {@code work} on a Quartz cron schedule. */
    public void cron(String id, String cron, Runnable work) {
        scheduler.cron(id, cron, guard(id, work));
    }

    /** Unschedules one job (a run in progress finishes). */
    public void cancel(String id) {
        scheduler.cancel(id);
        scheduled.remove(id);
    }

    /** The ids of the scheduled jobs. */
    public Set<String> ids() {
        return Set.copyOf(scheduled);
    }

    /** Lets the jobs fire. */
    public void start() {
        scheduler.start();
    }

    /** True once the daemon is closing: long runs stop at the next message. */
    public boolean closed() {
        return closed;
    }

    private Runnable guard(String id, Runnable work) {
        AtomicReference<Thread> running = runs.computeIfAbsent(id, k -> new AtomicReference<>());
        scheduled.add(id);
        return () -> {
            if (closed) {
                return;
            }
            synchronized (running) {
                Thread t = running.get();
                if (t != null && t.isAlive()) {
                    LOG.debugf("job %s: the previous run is still going; this one is skipped", id);
                    return;
                }
                running.set(Thread.ofVirtual().name("job-" + id).start(() -> {
                    try {
                        work.run();
                    } catch (RuntimeException e) {
                        LOG.warnf("job %s failed: %s", id, e.toString());
                    }
                }));
            }
        };
    }

    @Override
    public void close() {
        closed = true;
        for (String id : scheduled) {
            scheduler.cancel(id);
        }
        scheduled.clear();
        for (AtomicReference<Thread> r : runs.values()) {
            Thread t = r.get();
            if (t != null) {
                try {
                    // a run stops at its next message; one waiting (login budget, rate limit) is woken
                    if (!t.join(Duration.ofSeconds(3))) {
                        t.interrupt();
                        t.join(5_000);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
