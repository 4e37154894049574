package io.mailwarden.schedule;

import java.text.ParseException;
import java.time.Duration;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.quartz.CronExpression;

/**
 * A {@link JobScheduler} over one {@link ScheduledExecutorService} thread, for use without CDI (tests,
 * embedding): intervals at a fixed rate (the first run at once), cron expressions evaluated with Quartz's {@link CronExpression}.
 * Jobs fire only after {@link #start()}.
 */
public final class ExecutorJobScheduler implements JobScheduler, AutoCloseable {

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("job-timer").factory());
    private final Map<String, Runnable> pending = new ConcurrentHashMap<>();
    private final Map<String, ScheduledFuture<?>> jobs = new ConcurrentHashMap<>();
    private final Map<String, Object> chains = new ConcurrentHashMap<>();
    private volatile boolean started;

    @Override
    public synchronized void every(String id, Duration interval, Runnable task) {
        cancel(id);
        long ms = Math.max(1, interval.toMillis());
        pending.put(id, () -> jobs.put(id, timer.scheduleAtFixedRate(task, 0, ms, TimeUnit.MILLISECONDS)));
        if (started) {
            pending.remove(id).run();
        }
    }

    @Override
    public synchronized void cron(String id, String cron, Runnable task) {
        cancel(id);
        CronExpression expression;
        try {
            expression = new CronExpression(cron);
        } catch (ParseException e) {
            throw new IllegalArgumentException("not a Quartz cron expression: " + cron + " (" + e.getMessage() + ")", e);
        }
        Object chain = new Object(); // a re-scheduled id starts a new chain; the old one ends
        chains.put(id, chain);
        pending.put(id, () -> next(id, chain, expression, task));
        if (started) {
            pending.remove(id).run();
        }
    }

    private synchronized void next(String id, Object chain, CronExpression cron, Runnable task) {
        Date at = cron.getNextValidTimeAfter(new Date());
        if (at == null || timer.isShutdown() || chains.get(id) != chain) {
            return;
        }
        long delay = Math.max(0, at.getTime() - System.currentTimeMillis());
        jobs.put(id, timer.schedule(() -> {
            try {
                task.run();
            } finally {
                next(id, chain, cron, task);
            }
        }, delay, TimeUnit.MILLISECONDS));
    }

    @Override
    public synchronized void cancel(String id) {
        pending.remove(id);
        chains.remove(id);
        ScheduledFuture<?> f = jobs.remove(id);
        if (f != null) {
            f.cancel(false);
        }
    }

    @Override
    public synchronized void start() {
        started = true;
        pending.values().forEach(Runnable::run);
        pending.clear();
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
