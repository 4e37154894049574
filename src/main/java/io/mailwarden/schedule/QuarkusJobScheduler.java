package io.mailwarden.schedule;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * Jobs on Quarkus's scheduler (Quartz), registered with the programmatic API (no reflection). The
 * scheduler starts halted ({@code quarkus.scheduler.start-mode: halted}): CLI subcommands run no job;
 * the daemon calls {@link #start()}. Each trigger only hands work to {@link ScheduledJobs}, which runs it
 * on a thread of its own, so Quartz threads never block on IMAP.
 */
@ApplicationScoped
public class QuarkusJobScheduler implements JobScheduler {

    private final Scheduler scheduler;

    public QuarkusJobScheduler(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    @Override
    public void every(String id, Duration interval, Runnable task) {
        cancel(id);
        scheduler.newJob(id).setInterval(Math.max(1, interval.toSeconds()) + "s")
                .setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP).setTask(execution -> task.run()).schedule();
    }

    @Override
    public void cron(String id, String cron, Runnable task) {
        cancel(id);
        scheduler.newJob(id).setCron(cron).setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP)
                .setTask(execution -> task.run()).schedule();
    }

    @Override
    public void cancel(String id) {
        scheduler.unscheduleJob(id);
    }

    @Override
    public void start() {
        if (!scheduler.isRunning()) {
            scheduler.resume();
        }
    }

    /** Whether jobs fire now (false until the daemon starts). */
    public boolean running() {
        return scheduler.isRunning();
    }
}
