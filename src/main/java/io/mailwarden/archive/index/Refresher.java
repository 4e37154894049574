package io.mailwarden.archive.index;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.apache.lucene.search.SearcherManager;
import org.jboss.logging.Logger;

/**
 * Reopens the near-real-time searchers in the background: at most a second after a change while changes
 * trickle in (new mail, a rule's move), less often while they stream in (a backfill or a reindex adds
 * hundreds a second). Each reopen flushes what was added since the last one as a new segment, and the
 * many small segments of one reopen a second were then merged over and over: fewer, larger segments
 * cost less CPU per message, and nobody searches a backfill while it runs.
 */
final class Refresher implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger("mailwarden.index");
    /** How stale the searchers may be while changes trickle in. */
    static final long TRICKLE_NANOS = TimeUnit.SECONDS.toNanos(1);
    /**
     * How stale they may be while changes stream in: the archive promises a message searchable within 2 s of
     * being archived, and a reopen during a backfill itself takes a few hundred milliseconds.
     */
    static final long STREAM_NANOS = TimeUnit.MILLISECONDS.toNanos(1500);
    /** Changes within {@link #TRICKLE_NANOS} that make a stream: no mailbox receives this much new mail. */
    static final long STREAM_CHANGES = 20;

    private final SearcherManager searchers;
    private final AtomicLong changes = new AtomicLong();
    private final Thread thread;
    private volatile boolean closed;

    Refresher(SearcherManager searchers) {
        this.searchers = searchers;
        this.thread = new Thread(this::run, "mailwarden-index-refresh");
        thread.setDaemon(true);
        thread.start();
    }

    /** Notes a change the searchers do not see yet. */
    void changed() {
        changes.incrementAndGet();
    }

    private void run() {
        long seen = 0;
        long refreshedAt = System.nanoTime();
        while (!closed) {
            sleepUntil(refreshedAt + TRICKLE_NANOS);
            if (changes.get() - seen >= STREAM_CHANGES) {
                sleepUntil(refreshedAt + STREAM_NANOS);
            }
            seen = changes.get();
            refreshedAt = System.nanoTime();
            // also when nothing was added: the searchers then move to the segments a merge made
            refresh();
        }
    }

    private void sleepUntil(long deadline) {
        for (long left = deadline - System.nanoTime(); left > 0 && !closed; left = deadline - System.nanoTime()) {
            LockSupport.parkNanos(this, left);
        }
    }

    private void refresh() {
        try {
            searchers.maybeRefreshBlocking();
        } catch (IOException | RuntimeException e) {
            // the writer failed or is closing: the next change or search reports it
            LOG.debugf(e, "Could not reopen the index searchers: %s", e.getMessage());
        }
    }

    /** Stops the thread; a reopen under way finishes first. */
    @Override
    public void close() {
        closed = true;
        LockSupport.unpark(thread);
        try {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
