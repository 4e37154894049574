package io.mailwarden.schedule;

import java.time.Duration;

/**
 * Where jobs are scheduled: Quarkus's scheduler (Quartz) in the application, a plain executor where
 * there is no CDI (tests, embedding). A job's trigger calls its task; the task must return quickly
 * ({@link ScheduledJobs} hands the work to a thread of its own).
 */
public interface JobScheduler {

    /** Runs {@code task} every {@code interval}, the first time as soon as jobs fire. */
    void every(String id, Duration interval, Runnable task);

    /** Runs {@code task} whenever the Quartz cron expression fires (seconds field first). */
    void cron(String id, String cron, Runnable task);

    /** Removes a job; unknown ids are ignored. */
    void cancel(String id);

    /** Lets scheduled jobs fire (the application's scheduler starts halted, so CLI subcommands run none). */
    void start();
}
