package io.mailwarden.archive;

import java.time.Duration;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Stops the archive's worker pools without interrupting them: an interrupt that lands inside Lucene's or
 * the raw store's file I/O closes the channel under it (ClosedByInterruptException), which breaks the
 * IndexWriter for good and drops its lock. Queued work is dropped (it is not lost: whatever was not
 * archived is read again by the next sync); running work is let finish.
 */
public final class Workers {

    private Workers() {
    }

    /** Drops queued tasks and waits up to {@code wait} for the running ones; returns how many were dropped. */
    public static int stop(ThreadPoolExecutor pool, Duration wait) {
        int dropped = pool.getQueue().size();
        pool.getQueue().clear();
        pool.shutdown();
        try {
            pool.awaitTermination(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return dropped;
    }
}
