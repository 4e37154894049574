package io.mailwarden.archive;

import io.mailwarden.archive.store.RawStore;
import io.mailwarden.message.FolderSource;
import io.mailwarden.message.FolderSource.Fetched;
import io.mailwarden.message.MailboxException;
import io.mailwarden.message.RawMessage;
import io.mailwarden.state.ArchiveCatalog;
import io.mailwarden.state.Checkpoint;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.jboss.logging.Logger;

/**
 * Archives the existing mail of an account's archived folders, and on later runs what came since.
 * Per folder, batches are fetched in ascending UID order on the caller's thread while workers parse,
 * extract and index the previous ones, each message once its bytes are stored: storing runs ahead on
 * threads of its own (as many as workers, at least {@value #MIN_STORERS}), so that waiting for fsyncs
 * overlaps the workers' CPU work. A folder's progress advances only past batches that are wholly archived,
 * so a kill at any point resumes where the last whole batch ended, and a message archived twice is
 * recognised. Messages the archive knows but the server no longer has are marked deleted. A folder the server
 * refuses to open or no longer has is skipped and the others archived; a lost connection ends the run.
 */
public final class Backfill {

    private static final Logger LOG = Logger.getLogger("mailwarden.archive");
    /** Fewest threads storing messages: they mostly wait for fsyncs, which the file system commits together. */
    static final int MIN_STORERS = 4;

    /**
     * @param batchMessages messages per FETCH
     * @param batchBytes bytes per FETCH (a bigger message comes alone)
     * @param workers threads that parse, extract and index
     */
    public record Options(int batchMessages, long batchBytes, int workers) {
        public static Options defaults() {
            return new Options(200, 16L << 20, Math.max(2, Runtime.getRuntime().availableProcessors()));
        }
    }

    /**
     * What a run did.
     *
     * @param skipped each folder the server refused to open or no longer had, with why: the others were archived
     */
    public record Result(long archived, long known, long bytes, long deleted, int folders, List<String> skipped) {
    }

    private final Archive archive;
    private final Options options;
    private final BackfillProgress progress;
    private final BooleanSupplier stop;

    public Backfill(Archive archive, Options options, BackfillProgress progress) {
        this(archive, options, progress, () -> false);
    }

    /** @param stop asked before each batch: true ends the run there, with the progress of the batches done kept */
    public Backfill(Archive archive, Options options, BackfillProgress progress, BooleanSupplier stop) {
        this.archive = archive;
        this.options = options;
        this.progress = progress;
        this.stop = stop;
    }

    /** Runs over the folders of {@code source}'s account that {@code globs} name and {@code only} accepts. */
    public Result run(FolderSource source, List<String> globs, Predicate<String> only)
            throws MailboxException, InterruptedException {
        String account = source.account();
        Counts counts = new Counts();
        int folders = 0;
        List<String> skipped = new ArrayList<>();
        ThreadPoolExecutor workers = (ThreadPoolExecutor) Executors.newFixedThreadPool(options.workers(),
                Thread.ofPlatform().daemon().name("archive-" + account + "-", 0).factory());
        ThreadPoolExecutor storers = (ThreadPoolExecutor) Executors.newFixedThreadPool(
                Math.max(MIN_STORERS, options.workers()),
                Thread.ofPlatform().daemon().name("archive-store-" + account + "-", 0).factory());
        Pools pools = new Pools(workers, storers);
        try {
            for (String folder : source.folders(globs, "archive-folders")) {
                if (stop.getAsBoolean()) {
                    break;
                }
                if (only.test(folder)) {
                    folders++;
                    try {
                        folder(source, account, folder, pools, counts);
                    } catch (MailboxException e) {
                        if (e.kind() == MailboxException.Kind.TRANSIENT) {
                            throw e; // the connection's trouble: the next folder would meet it too
                        }
                        skipped.add(folder + ": " + e.getMessage());
                        LOG.warnf("archive: %s/%s: skipped (%s); the next run tries it again", account, folder,
                                e.getMessage());
                    }
                }
            }
        } finally {
            Workers.stop(workers, Duration.ofMinutes(2)); // first: a running worker waits for its message's store
            Workers.stop(storers, Duration.ofMinutes(2));
        }
        progress.done();
        return new Result(counts.archived.get(), counts.known.get(), counts.bytes.get(), counts.deleted.get(), folders,
                List.copyOf(skipped));
    }

    private void folder(FolderSource reader, String account, String folder, Pools pools, Counts counts)
            throws MailboxException, InterruptedException {
        ArchiveCatalog catalog = archive.catalog();
        FolderSource.Listing listing = reader.list(folder);
        retireOldUidValidity(account, listing);
        markDeleted(account, listing, counts);
        long after = catalog.progress(account, folder).filter(p -> p.uidValidity() == listing.uidValidity())
                .map(Checkpoint::lastUid).orElse(0L);
        long todo = 0;
        long todoBytes = 0;
        for (int i = 0; i < listing.uids().length; i++) {
            if (listing.uids()[i] > after) {
                todo++;
                todoBytes += listing.sizes()[i];
            }
        }
        progress.folder(account, folder, todo, todoBytes);
        ArchiveBatch.Folder known = ArchiveBatch.Folder.load(catalog, account, folder, listing.uidValidity());
        Deque<Batch> inFlight = new ArrayDeque<>();
        boolean stopped = false;
        MailboxException lost = null;
        try {
            read(reader, account, listing, after, known, pools, counts, inFlight);
        } catch (Stopped s) {
            stopped = true; // the rest of the folder waits for the next run
        } catch (MailboxException e) {
            lost = e; // the batches fetched whole are still kept; the rest is read again next run
        }
        while (!inFlight.isEmpty()) {
            finish(inFlight.poll(), account, listing);
        }
        if (lost != null) {
            throw lost;
        }
        if (listing.uids().length > 0 && !stopped) {
            catalog.saveProgress(account, folder, listing.uidValidity(), listing.uids()[listing.uids().length - 1]);
        }
    }

    private void read(FolderSource reader, String account, FolderSource.Listing listing, long after,
            ArchiveBatch.Folder known, Pools pools, Counts counts, Deque<Batch> inFlight)
            throws MailboxException, InterruptedException {
        reader.read(listing, after, options.batchMessages(), options.batchBytes(), archive.store().spool(), batch -> {
            if (stop.getAsBoolean()) {
                batch.forEach(m -> m.raw().close());
                throw new Stopped();
            }
            if (batch.isEmpty()) {
                return;
            }
            // memory stays bounded: no more than two full batches' bytes are worked at once, and a batch bigger
            // than that (one big message, spooled to a file) is worked alone, after the ones before it and
            // before the next fetch
            long bytes = batch.stream().mapToLong(m -> m.raw().size()).sum();
            long budget = 2 * options.batchBytes();
            while (!inFlight.isEmpty() && inFlight.stream().mapToLong(Batch::bytes).sum() + bytes > budget) {
                finish(inFlight.poll(), account, listing);
            }
            ArchiveBatch archiving = archive.batch(known);
            List<Future<?>> done = new ArrayList<>();
            for (Fetched m : batch) {
                Future<RawStore.Stored> stored = archiving.known(m) ? null
                        : pools.storers().submit(() -> archiving.store(m));
                done.add(pools.workers().submit(() -> {
                    try (RawMessage raw = m.raw()) {
                        boolean added = stored != null && archiving.add(m, stored(stored));
                        (added ? counts.archived : counts.known).incrementAndGet();
                        counts.bytes.addAndGet(raw.size());
                        progress.message(raw.size());
                    }
                    return null;
                }));
            }
            inFlight.add(new Batch(batch.getLast().ref().uid(), bytes, archiving, done));
            while (inFlight.size() > 2 || bytes > budget && !inFlight.isEmpty()) { // two batches ahead at most
                finish(inFlight.poll(), account, listing);
            }
        });
    }

    /** The store's answer, its failure thrown as it was thrown. */
    private static RawStore.Stored stored(Future<RawStore.Stored> stored) throws IOException, InterruptedException {
        try {
            return stored.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw e.getCause() instanceof RuntimeException r ? r : new ArchiveException(e.getCause().getMessage(),
                    e.getCause());
        }
    }

    private void finish(Batch b, String account, FolderSource.Listing listing) throws InterruptedException {
        for (Future<?> f : b.done()) {
            try {
                f.get();
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                throw new ArchiveException("cannot archive a message of " + account + "/" + listing.folder() + ": "
                        + cause.getMessage(), cause);
            }
        }
        b.archiving().commit(b.lastUid());
    }

    /**
     * After a UIDVALIDITY change the folder's messages are read again under their new UIDs (their bytes are
     * stored already); the places under the old UIDVALIDITY are retired as moved, so nothing is found twice.
     */
    private void retireOldUidValidity(String account, FolderSource.Listing listing) {
        List<String> old = archive.catalog().presentUnderOtherUidValidity(account, listing.folder(), listing.uidValidity());
        if (!old.isEmpty()) {
            LOG.infof("archive: %s/%s: UIDVALIDITY is now %d; %d place(s) under the old one are re-read under their"
                    + " new UIDs", account, listing.folder(), listing.uidValidity(), old.size());
            old.forEach(archive::retire);
        }
    }

    /** Places archived as present whose UID the server no longer lists are marked deleted (and kept). */
    private void markDeleted(String account, FolderSource.Listing listing, Counts counts) {
        Set<Long> known = archive.catalog().presentUids(account, listing.folder(), listing.uidValidity());
        Arrays.stream(listing.uids()).forEach(known::remove);
        for (long uid : known) {
            archive.catalog().findAt(account, listing.folder(), listing.uidValidity(), uid).ifPresent(place -> {
                archive.deletedOnServer(place);
                counts.deleted.incrementAndGet();
            });
        }
        if (!known.isEmpty()) {
            LOG.infof("archive: %s/%s: %d message(s) gone from the server, kept in the archive", account,
                    listing.folder(), known.size());
        }
    }

    private record Batch(long lastUid, long bytes, ArchiveBatch archiving, List<Future<?>> done) {
    }

    private record Pools(ExecutorService workers, ExecutorService storers) {
    }

    /** Thrown out of a batch when the run is asked to stop. */
    private static final class Stopped extends RuntimeException {
        Stopped() {
            super(null, null, false, false);
        }
    }

    private static final class Counts {
        final AtomicLong archived = new AtomicLong();
        final AtomicLong known = new AtomicLong();
        final AtomicLong bytes = new AtomicLong();
        final AtomicLong deleted = new AtomicLong();
    }
}
