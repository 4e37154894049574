package io.mailwarden.daemon;

import io.mailwarden.schedule.ExecutorJobScheduler;
import io.mailwarden.schedule.JobScheduler;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The plain executor scheduler, remembering each job's task so a test can fire a job at once. */
final class TestJobScheduler implements JobScheduler, AutoCloseable {

    private final ExecutorJobScheduler real = new ExecutorJobScheduler();
    private final Map<String, Runnable> tasks = new ConcurrentHashMap<>();
    private final Map<String, String> crons = new ConcurrentHashMap<>();

    @Override
    public void every(String id, Duration interval, Runnable task) {
        tasks.put(id, task);
        real.every(id, interval, task);
    }

    @Override
    public void cron(String id, String cron, Runnable task) {
        tasks.put(id, task);
        crons.put(id, cron);
        real.cron(id, cron, task);
    }

    @Override
    public void cancel(String id) {
        tasks.remove(id);
        crons.remove(id);
        real.cancel(id);
    }

    @Override
    public void start() {
        real.start();
    }

    /** Fires a job now, as its trigger would. */
    void fire(String id) {
        Runnable t = tasks.get(id);
        if (t == null) {
            throw new AssertionError("no job " + id + "; jobs: " + tasks.keySet());
        }
        t.run();
    }

    /** The cron expression a job was scheduled with, or null. */
    String cron(String id) {
        return crons.get(id);
    }

    Set<String> ids() {
        return Set.copyOf(tasks.keySet());
    }

    @Override
    public void close() {
        real.close();
    }
}
