package io.mailwarden.archive.extract;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs parses on daemon threads with a timeout. Java cannot kill a thread, and a parser caught in a loop
 * may ignore interruption, so a parse that outlives its timeout is interrupted and <em>abandoned</em>: its
 * caller gets a timeout at once, and the thread stays counted as stuck until the parse ends by itself.
 * Threads are bounded: at most {@code parallel} parses run for callers (more callers wait), plus at most
 * {@code maxStuck} abandoned ones. Once more than that are stuck, new parses are refused at once
 * ({@link Refused}) instead of piling up threads, until a stuck parse ends; the daemon keeps running.
 */
final class ParsePool implements AutoCloseable {

    /** The pool will not start a parse: too many earlier parses are stuck past their timeout. */
    static final class Refused extends Exception {
        Refused(String message) {
            super(message);
        }
    }

    private final Semaphore running;
    private final int maxStuck;
    private final AtomicInteger stuck = new AtomicInteger();
    private final ThreadPoolExecutor executor;

    ParsePool(int parallel, int maxStuck) {
        if (parallel < 1 || maxStuck < 0) {
            throw new IllegalArgumentException("parse pool needs parallel >= 1 and maxStuck >= 0");
        }
        this.running = new Semaphore(parallel, true);
        this.maxStuck = maxStuck;
        AtomicInteger n = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(0, parallel + maxStuck, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
                r -> {
                    Thread t = new Thread(r, "mailwarden-extract-" + n.incrementAndGet());
                    t.setDaemon(true); // a stuck parse must never keep the JVM from exiting
                    return t;
                });
    }

    /** Parses abandoned after their timeout that have not ended yet. */
    int stuck() {
        return stuck.get();
    }

    /**
     * Runs the task and waits at most {@code timeout} for it.
     *
     * @throws TimeoutException the task ran too long; it was interrupted and abandoned
     * @throws ExecutionException the task threw
     * @throws Refused too many parses are stuck to start another
     */
    <T> T run(Callable<T> task, Duration timeout)
            throws TimeoutException, ExecutionException, Refused, InterruptedException {
        running.acquire();
        try {
            if (stuck.get() > maxStuck) {
                throw refused();
            }
            Abandonable<T> job = new Abandonable<>(task);
            Future<T> future;
            try {
                future = executor.submit(job);
            } catch (RejectedExecutionException e) { // stuck parses took the last threads meanwhile
                throw refused();
            }
            try {
                return future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                future.cancel(true);
                job.abandon();
                throw e;
            }
        } finally {
            running.release();
        }
    }

    private Refused refused() {
        return new Refused(stuck.get() + " earlier parse(s) still running past their timeout");
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }

    /** Counts itself as stuck from its abandonment until it really ends. */
    private final class Abandonable<T> implements Callable<T> {
        private final Callable<T> task;
        private boolean ended;
        private boolean abandoned;

        Abandonable(Callable<T> task) {
            this.task = task;
        }

        @Override
        public T call() throws Exception {
            try {
                return task.call();
            } finally {
                synchronized (this) {
                    ended = true;
                    if (abandoned) {
                        stuck.decrementAndGet();
                    }
                }
            }
        }

        synchronized void abandon() {
            if (!ended && !abandoned) {
                abandoned = true;
                stuck.incrementAndGet();
            }
        }
    }
}
