package io.mailwarden.archive;

import io.mailwarden.message.RawMessage;
import io.mailwarden.state.ArchivedLocation.Status;
import java.io.IOException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Rebuilds the index from the raw store and the catalog: the index is a cache of those two. Every place
 * the message still has is parsed, extracted and indexed again on a pool of workers; documents of places
 * the catalog no longer has are dropped.
 */
public final class Reindex {

    private Reindex() {
    }

    /** Returns how many documents were written. */
    public static long run(Archive archive, Indexer indexer, int workers, BackfillProgress progress)
            throws IOException, InterruptedException {
        Set<String> stale = new HashSet<>(indexer.ids());
        progress.folder("all accounts", "all folders", archive.catalog().count(), 0);
        ThreadPoolExecutor pool = (ThreadPoolExecutor) Executors.newFixedThreadPool(workers,
                Thread.ofPlatform().daemon().name("reindex-", 0).factory());
        Semaphore inFlight = new Semaphore(workers * 4); // bounds the raw bytes held in memory (big ones are spooled)
        AtomicLong written = new AtomicLong();
        AtomicReference<Exception> failure = new AtomicReference<>();
        try {
            archive.catalog().forEach(p -> {
                stale.remove(p.id());
                if (p.status() == Status.MOVED || failure.get() != null) {
                    progress.message(0);
                    return;
                }
                inFlight.acquireUninterruptibly();
                pool.execute(() -> {
                    try {
                        try (RawMessage raw = archive.store().load(p.contentHash(), p.size())) {
                            indexer.index(p, raw);
                            progress.message(raw.size());
                        }
                        written.incrementAndGet();
                    } catch (IOException | RuntimeException e) {
                        failure.compareAndSet(null, new IOException(ArchiveCheck.where(p) + ": " + e.getMessage(), e));
                    } finally {
                        inFlight.release();
                    }
                });
            });
            pool.shutdown();
            pool.awaitTermination(Long.MAX_VALUE, TimeUnit.DAYS);
        } finally {
            Workers.stop(pool, Duration.ofMinutes(2));
        }
        if (failure.get() != null) {
            throw new IOException("reindex stopped: " + failure.get().getMessage(), failure.get());
        }
        stale.forEach(indexer::remove);
        indexer.rebuilt();
        progress.done();
        return written.get();
    }
}
